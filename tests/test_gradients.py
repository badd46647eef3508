import warnings

import numpy as np
import pytest

import helpers


def _problem(n=4, m=37, seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, m)).astype(dtype)
    Y = (rng.random((1, m)) < 0.5).astype(dtype)
    w = rng.normal(size=(n, 1)).astype(dtype)
    b = float(rng.normal())
    return w, b, X, Y


def _slide_by_hand(w, b, X, Y):
    """讲义那一页，直接写出来，不依赖 helpers 的任何函数"""
    n, m = X.shape
    J, dw, db = 0.0, np.zeros((n, 1)), 0.0
    for i in range(m):
        z = float(w[:, 0] @ X[:, i]) + b
        a = 1 / (1 + np.exp(-z))
        y = Y[0, i]
        J += -(y * np.log(a) + (1 - y) * np.log(1 - a))
        dz = a - y
        dw[:, 0] += X[:, i] * dz
        db += dz
    return dw / m, db / m, J / m


@pytest.mark.parametrize("grads", [helpers.grads_loop, helpers.grads_vectorized])
def test_grads_match_the_slide(grads):
    w, b, X, Y = _problem()
    dw, db, J = grads(w, b, X, Y)
    dw0, db0, J0 = _slide_by_hand(w, b, X, Y)
    assert dw.shape == (4, 1)
    assert isinstance(db, float) and isinstance(J, float)
    assert helpers.rel_error(dw, dw0) < 1e-12
    assert db == pytest.approx(db0, rel=1e-12)
    assert J == pytest.approx(J0, rel=1e-12)


@pytest.mark.parametrize("grads", [helpers.grads_loop, helpers.grads_vectorized])
def test_grads_against_numerical_gradient(grads):
    w, b, X, Y = _problem(n=5, m=23, seed=3)
    dw, db, _ = grads(w, b, X, Y)
    num_dw = helpers.numerical_grad(lambda v: helpers.grads_vectorized(v, b, X, Y)[2], w)
    num_db = helpers.numerical_grad(lambda v: helpers.grads_vectorized(w, v, X, Y)[2], b)
    assert helpers.rel_error(dw, num_dw) < 1e-7
    assert abs(db - num_db) < 1e-7


def test_loop_equals_vectorized_many_shapes():
    for seed, (n, m) in enumerate([(1, 1), (1, 9), (2, 1000), (30, 57), (64, 5)]):
        w, b, X, Y = _problem(n, m, seed)
        a, c = helpers.grads_loop(w, b, X, Y), helpers.grads_vectorized(w, b, X, Y)
        assert helpers.rel_error(a[0], c[0]) < 1e-12
        assert a[1] == pytest.approx(c[1], rel=1e-10, abs=1e-15)
        assert a[2] == pytest.approx(c[2], rel=1e-12)


@pytest.mark.parametrize("grads", [helpers.grads_loop, helpers.grads_vectorized])
def test_extreme_z_finite_and_warning_free(grads):
    w, b, X, Y = _problem(n=3, m=10, seed=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dw, db, J = grads(w * 1e4, 1e4, X, Y)
    assert np.all(np.isfinite(dw)) and np.isfinite(db) and np.isfinite(J)
    assert J > 100     # 错得很离谱的样本，成本很大但有限


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept(dtype):
    w, b, X, Y = _problem(dtype=dtype)
    for grads in (helpers.grads_loop, helpers.grads_vectorized):
        assert grads(w, b, X, Y)[0].dtype == dtype


def test_int_input_is_accepted():
    X = np.array([[1, 2, 3], [0, -1, 4]])
    Y = np.array([[1, 0, 1]])
    w = np.array([[0], [0]])
    dw, db, J = helpers.grads_vectorized(w, 0, X, Y)
    assert dw.dtype == np.float64
    assert J == pytest.approx(np.log(2))


BAD = [
    ("w rank-1", lambda w, b, X, Y: (w[:, 0], b, X, Y), "rank-1"),
    ("w row", lambda w, b, X, Y: (w.T, b, X, Y), "行向量"),
    ("X as (m, n)", lambda w, b, X, Y: (w, b, X.T, Y), "X.T"),
    ("X wrong n", lambda w, b, X, Y: (w, b, X[:3], Y), "n=4"),
    ("X rank-1", lambda w, b, X, Y: (w, b, X[0], Y), "rank-1"),
    ("X 3-D", lambda w, b, X, Y: (w, b, X.reshape(4, 37, 1), Y), "展平"),
    ("Y rank-1", lambda w, b, X, Y: (w, b, X, Y[0]), "rank-1"),
    ("Y column", lambda w, b, X, Y: (w, b, X, Y.T), "列向量"),
    ("Y mismatched m", lambda w, b, X, Y: (w, b, X, Y[:, :30]), "m=37"),
    ("Y values", lambda w, b, X, Y: (w, b, X, Y * 2 - 1), "0 和 1"),
    ("Y nan", lambda w, b, X, Y: (w, b, X, np.where(Y == 1, np.nan, 0)), "NaN"),
    ("w nan", lambda w, b, X, Y: (np.full_like(w, np.nan), b, X, Y), "NaN"),
    ("b nan", lambda w, b, X, Y: (w, np.nan, X, Y), "有限"),
    ("b array", lambda w, b, X, Y: (w, np.zeros(3), X, Y), "标量"),
    ("X empty", lambda w, b, X, Y: (w, b, X[:, :0], Y[:, :0]), "空"),
]


@pytest.mark.parametrize("grads", [helpers.grads_loop, helpers.grads_vectorized])
@pytest.mark.parametrize("name, spoil, words", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_rejected_in_chinese(grads, name, spoil, words):
    args = spoil(*_problem())
    with pytest.raises(ValueError) as info:
        grads(*args)
    assert words in str(info.value)


@pytest.mark.parametrize("grads", [helpers.grads_loop, helpers.grads_vectorized])
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("w_zero", [True, False])
def test_nonfinite_X_is_found(grads, bad, w_zero):
    w, b, X, Y = _problem()
    if w_zero:
        w = np.zeros_like(w)
    X[2, 11] = bad
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"X 中应只有有限数值，实际在位置 \(2, 11\)"):
            grads(w, b, X, Y)


def test_non_numeric_is_type_error():
    w, b, X, Y = _problem()
    with pytest.raises(TypeError, match="dtype"):
        helpers.grads_vectorized(w, b, X.astype(str), Y)
    with pytest.raises(TypeError, match="实数标量"):
        helpers.grads_vectorized(w, "0", X, Y)
    with pytest.raises(TypeError):
        helpers.grads_vectorized(w, b, [[1, 2], [3]], Y)


def test_numerical_grad_basics():
    x = np.array([[1, 2], [3, 4]])            # 整数输入
    g = helpers.numerical_grad(lambda v: float(np.sum(v ** 2)), x)
    np.testing.assert_allclose(g, 2 * x, rtol=1e-8)
    assert x.dtype.kind == "i" and x[0, 0] == 1  # 没被修改
    y = np.array([1.0, 2.0])
    helpers.numerical_grad(lambda v: float(v @ v), y)
    assert y.tolist() == [1.0, 2.0]
    assert helpers.numerical_grad(lambda t: t ** 3, 2.0) == pytest.approx(12.0, rel=1e-8)


def test_numerical_grad_bad_input():
    with pytest.raises(TypeError, match="函数"):
        helpers.numerical_grad(3, 1.0)
    with pytest.raises(TypeError, match="标量"):
        helpers.numerical_grad(lambda v: v, np.ones(3))
    with pytest.raises(ValueError, match="eps"):
        helpers.numerical_grad(lambda v: v, 1.0, eps=0)


def test_rel_error():
    assert helpers.rel_error(0, 0) == 0.0
    assert helpers.rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert helpers.rel_error(1.0, 1.0 + 1e-9) == pytest.approx(5e-10, rel=1e-3)
    assert helpers.rel_error(np.array([1.0, 0.0]), np.array([-1.0, 0.0])) == pytest.approx(1.0)
    assert helpers.rel_error(np.array([1.0, 0.0]), np.array([1.0, 1e-20])) < 1e-19
    with pytest.raises(ValueError, match="形状应相同"):
        helpers.rel_error(np.ones((2, 1)), np.ones(2))
    with pytest.raises(ValueError, match="NaN"):
        helpers.rel_error(np.ones(2), np.array([1.0, np.nan]))
