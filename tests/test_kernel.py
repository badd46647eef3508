"""helpers.kernel：数学只写一次、一屏读完；公开函数都是 检查 → kernel → 诊断"""

import ast
import warnings
from pathlib import Path

import numpy as np
import pytest

import helpers
from helpers import kernel

HELPERS = Path(helpers.__file__).resolve().parent


def _problem(n, m, seed, dtype=np.float64):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, m)).astype(dtype)
    Y = (rng.random((1, m)) < 0.5).astype(dtype)
    return rng.normal(size=(n, 1)).astype(dtype), float(rng.normal()), X, Y


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_propagate_is_grads_vectorized_without_the_seat_belt(dtype):
    for seed, (n, m) in enumerate([(1, 1), (2, 1000), (30, 57)]):
        w, b, X, Y = _problem(n, m, seed, dtype)
        dw, db, J = kernel.propagate(w, b, X, Y)
        dw1, db1, J1 = helpers.grads_vectorized(w, b, X, Y)
        assert dw.dtype == dw1.dtype == dtype
        np.testing.assert_array_equal(dw, dw1)
        assert (db, J) == (db1, J1)
        dw2, db2, J2 = helpers.grads_loop(w, b, X, Y)
        tol = 1e-5 if dtype == np.float32 else 1e-12
        assert helpers.rel_error(dw, dw2) < tol and J == pytest.approx(J2, rel=tol)


def test_kernel_pieces_agree_with_public_functions():
    w, b, X, Y = _problem(3, 20, 5)
    Z = kernel.linear(w, b, X)
    np.testing.assert_array_equal(kernel.sigmoid(Z), helpers.sigmoid(Z))
    np.testing.assert_array_equal(kernel.sigmoid_derivative(Z), helpers.sigmoid_derivative(Z))
    assert kernel.cost(Z, Y) == helpers.cost_from_z(Z, Y)
    assert kernel.cost(Z, Y) == pytest.approx(helpers.cost(helpers.sigmoid(Z), Y), rel=1e-13)
    dw, db = kernel.backward(X, kernel.sigmoid(Z), Y)
    assert helpers.rel_error(dw, helpers.grads_loop(w, b, X, Y)[0]) < 1e-13


def test_kernel_fits_on_one_screen():
    assert len((HELPERS / "kernel.py").read_text(encoding="utf-8").splitlines()) <= 80


def test_no_private_name_crosses_a_module():
    for path in sorted(HELPERS.glob("*.py")):
        assert not path.stem.startswith("_") or path.stem == "__init__", path.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path.name} 导入了 {node.module} 的私有名字 {private}"


@pytest.mark.parametrize("train", ["gradient_descent", "minibatch_gradient_descent"])
def test_training_divergence_is_explained_without_warnings(train):
    X, Y = helpers.load_breast_cancer()                 # 未标准化：学习率 1 时很快发散
    args = (np.zeros((30, 1)), 0.0, X * 1e200, Y, 1.0, 3)
    call = getattr(helpers, train)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="发散"):
            call(*args) if train == "gradient_descent" else call(*args, batch_size=64)
        X = X.copy()
        X[4, 100] = np.nan
        with pytest.raises(ValueError, match=r"X 中应只有有限数值，实际在位置 \(4, 100\)"):
            call(np.zeros((30, 1)), 0.0, X, Y, 0.1, 2, *([] if train == "gradient_descent" else [64]))
