"""issue 10 第 3、4 项：每个"悄悄算错"的角落一个回归测试（在修好之前的 main 上都失败）"""

import logging
import math
import shutil
import subprocess
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers import Value, data  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def strict():
    """测试中出现任何警告都算失败"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# 成本：逐样本的非负项相加，不再有三个大数相互抵消
def test_cost_does_not_cancel(strict):
    Z, Y = np.array([[1e17, 1.0]]), np.array([[1.0, 0.0]])
    exact = math.log1p(math.e) / 2                       # 0.6566：第一个样本的损失为 0
    assert helpers.cost_from_z(Z, Y) == pytest.approx(exact, rel=1e-15)
    w, X = np.array([[1.0]]), Z.copy()
    assert helpers.grads_vectorized(w, 0.0, X, Y)[2] == pytest.approx(exact, rel=1e-15)
    assert helpers.grads_loop(w, 0.0, X, Y)[2] == pytest.approx(exact, rel=1e-15)


def test_cost_float32_does_not_cancel(strict):
    Z = np.array([[1e7, 0.3]], dtype=np.float32)
    exact = math.log1p(math.exp(float(Z[0, 1]))) / 2
    assert helpers.cost_from_z(Z, np.array([[1.0, 0.0]])) == pytest.approx(exact, rel=1e-6)


@pytest.mark.parametrize("Y", [[[1, 1]], [[1, 0]], [[0, 1]], [[0, 0]]])
def test_cost_at_the_edge_of_float64(strict, Y):
    Z = np.array([[1.7e308, 1.7e308]])
    expected = 1.7e308 / 2 * (2 - np.sum(Y))
    assert helpers.cost_from_z(Z, np.array(Y)) == pytest.approx(expected, rel=1e-12)


def test_sigmoid_derivative_keeps_relative_precision(strict):
    exact = math.exp(-40) / (1 + math.exp(-40)) ** 2
    assert helpers.sigmoid_derivative(40.0) == pytest.approx(exact, rel=1e-13)
    assert helpers.sigmoid_derivative(-40.0) == pytest.approx(exact, rel=1e-13)
    d32 = helpers.sigmoid_derivative(np.array([15.0], dtype=np.float32))
    assert d32.dtype == np.float32
    assert d32[0] == pytest.approx(math.exp(-15) / (1 + math.exp(-15)) ** 2, rel=1e-6)


def test_grads_loop_reports_overflow(strict):
    w, X, Y = np.array([[1e200]]), np.array([[1e200, 1.0]]), np.array([[1.0, 0.0]])
    for grads in (helpers.grads_loop, helpers.grads_vectorized):
        with pytest.raises(ValueError, match="溢出"):
            grads(w, 0.0, X, Y)


@pytest.mark.parametrize("x", [1e10, 1e20, -3e15])
def test_numerical_grad_step_scales_with_x(x):
    assert helpers.numerical_grad(lambda t: t * t, x) == pytest.approx(2 * x, rel=1e-6)
    v = np.array([abs(x), 2.0])
    g = helpers.numerical_grad(lambda v: float(np.sum(np.log(v))), v)
    np.testing.assert_allclose(g, 1 / v, rtol=1e-6)


def test_numerical_grad_gives_f_a_fresh_array():
    def f(v):                     # 一个会改动自己参数的函数
        v *= 2
        return float(v.sum())
    np.testing.assert_allclose(helpers.numerical_grad(f, np.ones(3)), [2.0, 2.0, 2.0], rtol=1e-8)


def test_rel_error_near_zero_has_a_floor():
    noise_a, noise_b = np.array([1e-10, -2e-10]), np.array([-1e-10, 3e-10])
    assert helpers.rel_error(noise_a, noise_b) < 1e-7            # 最优点：两边都只剩差分噪声
    assert helpers.rel_error(np.array([1e-4]), np.array([-1e-4])) > 1e-3   # 符号错仍然看得出
    assert helpers.rel_error(np.array([1.0, 0.0]), np.array([-1.0, 0.0])) == pytest.approx(1.0)


def test_fit_standardizer_constant_feature():
    rng = np.random.default_rng(0)
    X = np.vstack([np.full(569, 0.1), rng.normal(size=569)])
    mean, std = helpers.fit_standardizer(X)
    Z = helpers.standardize(X, mean, std)
    assert not Z[0].any()                                       # 文档说的：恰为 0
    test = helpers.standardize(np.array([[0.0999], [0.0]]), mean, std)
    assert np.all(np.isfinite(test)) and abs(test[0, 0]) < 1e-3


@pytest.mark.parametrize("which", ["mean", "std"])
def test_standardize_rejects_nan_parameters(which):
    X = np.ones((2, 3))
    params = {"mean": np.zeros((2, 1)), "std": np.ones((2, 1))}
    params[which][1, 0] = np.nan
    with pytest.raises(ValueError, match=f"{which} 中应只有有限数值"):
        helpers.standardize(X, params["mean"], params["std"])


def test_transposed_X_is_named():
    X, Y = helpers.make_toy_2d(10)
    X3 = np.vstack([X, X[:1]])                                   # (3, 10)
    with pytest.raises(ValueError, match=r"X\.T"):
        helpers.train_test_split(X3.T, Y)
    with pytest.raises(ValueError, match=r"X\.T"):
        helpers.minibatches(X3.T, Y, 4)


def test_messages_name_the_callers_arguments():
    with pytest.raises(ValueError) as info:
        helpers.cost(np.array([[0.5, 0.5, 0.5]]), np.array([[1, 0]]))
    assert "y_hat" in str(info.value) and "A" not in str(info.value) and "X" not in str(info.value)
    with pytest.raises(ValueError) as info:
        helpers.accuracy(np.array([[1, 0, 1]]), np.array([[1, 0]]))
    assert "Y_pred" in str(info.value) and "X" not in str(info.value)
    with pytest.raises(ValueError) as info:
        helpers.plot_data_2d(np.ones((3, 4)), np.array([[1, 0, 1, 0]]))
    assert "w" not in str(info.value)


def test_value_corner_cases():
    with pytest.raises(ValueError, match="浮点数的范围"):
        Value(10) ** 400
    with pytest.raises(ValueError, match="浮点数的范围"):
        Value(10 ** 400)
    for make in (lambda: 1 / Value(1e-200), lambda: Value(0) ** 0.5):
        out = make()
        with pytest.raises(ValueError, match="导数不是有限数"):
            out.backward()
    x = Value(0.0)
    (x ** 0).backward()
    assert x.grad == 0.0
    x = Value(3.0)
    y = 2 ** x
    y.backward()
    assert y.data == 8.0 and x.grad == pytest.approx(8 * math.log(2))
    with pytest.raises(ValueError, match="底数"):
        (-2) ** Value(0.5)


def test_draw_graph_long_chain_and_reused_nodes():
    x = Value(1.0, "x")
    y = x
    for _ in range(3000):                                       # 3000 个没有名字的运算
        y = y + 1
    y.label = "y"
    ax = helpers.draw_graph(y)
    assert len([t for t in ax.texts if not t.get_text()]) == 1
    z = x
    for _ in range(40):                                         # 反复使用同一个结点：2⁴⁰ 条路径
        z = z + z
    z.label = "z"
    ax = helpers.draw_graph(z)
    assert len([t for t in ax.texts if not t.get_text()]) == 1  # 一条边一个箭头
    plt.close("all")


def test_draw_graph_without_labels_and_with_bad_mathtext():
    with pytest.raises(ValueError, match="label"):
        helpers.draw_graph(Value(1.0) * Value(2.0))
    a = Value(1.0, "a")
    b = a * 2
    b.label = "b_{"                                             # mathtext 解析不了
    with pytest.raises(ValueError, match="mathtext"):
        helpers.draw_graph(b)
    b.label = "b"
    with pytest.raises(ValueError, match="mathtext"):
        helpers.draw_graph(b, {"b": r"b = \frac{a"})
    plt.close("all")


SEEDED = {
    "train_test_split": lambda s: helpers.train_test_split(*helpers.make_toy_2d(10), seed=s),
    "make_toy_2d": lambda s: helpers.make_toy_2d(10, seed=s),
    "minibatch_gradient_descent": lambda s: helpers.minibatch_gradient_descent(
        np.zeros((2, 1)), 0.0, *helpers.make_toy_2d(10), 0.1, 1, 4, seed=s),
}


@pytest.mark.parametrize("name", SEEDED)
@pytest.mark.parametrize("seed, error", [("abc", TypeError), (1.5, TypeError), (-1, ValueError),
                                         (None, TypeError)])
def test_seeds_are_checked_in_chinese(name, seed, error):
    with pytest.raises(error, match="非负整数"):
        SEEDED[name](seed)


def _draw_quietly(fig, caplog):
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("error")
        fig.canvas.draw()
    assert not caplog.records, [r.getMessage() for r in caplog.records]


CURVES = {"学习率 0.1（小批量）": [3, 2, 1]}


def test_chinese_labels_draw_without_noise(caplog):
    installed = {f.name for f in matplotlib.font_manager.fontManager.ttflist}
    if not any("CJK" in name or "Hei" in name for name in installed):
        pytest.skip("本机没有中文字体：见下一个测试")
    ax = helpers.plot_costs(CURVES, ylabel="成本")
    _draw_quietly(ax.figure, caplog)
    plt.close("all")


def test_chinese_labels_without_a_font_are_explained(monkeypatch):
    monkeypatch.setattr("helpers.figtext.cjk_font", lambda: None, raising=False)   # 没有中文字体
    with pytest.raises(ValueError, match="中文字体"):
        helpers.plot_costs(CURVES)
    plt.close("all")


def test_plotting_rejects_nonfinite_X_and_logy_without_positive_costs(strict):
    X, Y = helpers.make_toy_2d(20)
    X[1, 3] = np.nan
    for call in (lambda: helpers.plot_data_2d(X, Y),
                 lambda: helpers.plot_decision_boundary(np.ones((2, 1)), 0.0, X, Y)):
        with pytest.raises(ValueError, match=r"X 中应只有有限数值，实际在位置 \(1, 3\)"):
            call()
    with pytest.raises(ValueError, match="logy"):
        helpers.plot_costs({"a": [0.0, 0.0]}, logy=True)
    plt.close("all")


def test_np_matrix_is_treated_as_an_array(strict):
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(3, 8)), (rng.random((1, 8)) < 0.5).astype(float)
    w = rng.normal(size=(3, 1))

    def M(a):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            return np.asmatrix(a)
    for grads in (helpers.grads_vectorized, helpers.grads_loop):
        dw, db, J = grads(M(w), 0.1, M(X), M(Y))
        dw0, db0, J0 = grads(w, 0.1, X, Y)
        assert type(dw) is np.ndarray and dw.shape == (3, 1)
        np.testing.assert_allclose(dw, dw0, rtol=1e-14)
        assert (db, J) == pytest.approx((db0, J0), rel=1e-14)
    z = w.T @ X
    assert type(helpers.sigmoid(M(z))) is np.ndarray
    assert helpers.cost(M(helpers.sigmoid(z)), M(Y)) == pytest.approx(helpers.cost_from_z(z, Y))
    assert helpers.predict(M(w), 0.1, M(X)).tolist() == helpers.predict(w, 0.1, X).tolist()
    mean, std = helpers.fit_standardizer(M(X))
    np.testing.assert_allclose(helpers.standardize(M(X), mean, std), helpers.standardize(X, mean, std))


# 第 4 项：Windows 上的行尾
@pytest.mark.parametrize("name, loader", [("breast_cancer.csv", helpers.load_breast_cancer),
                                          ("digits.csv", helpers.load_digits)])
def test_loader_accepts_crlf(tmp_path, name, loader):
    raw = (data.DATA_DIR / name).read_bytes()
    (tmp_path / name).write_bytes(raw.replace(b"\n", b"\r\n"))
    for got, want in zip(loader(data_dir=tmp_path), loader()):
        np.testing.assert_array_equal(got, want)


def test_checksum_message_mentions_line_endings(tmp_path):
    raw = bytearray((data.DATA_DIR / "digits.csv").read_bytes())
    raw[10] = ord("9") if raw[10] != ord("9") else ord("8")
    (tmp_path / "digits.csv").write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="行尾"):
        helpers.load_digits(data_dir=tmp_path)


def test_autocrlf_clone_loads(tmp_path):
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("需要 git 和一个 git 仓库")
    clone = tmp_path / "clone"
    subprocess.run([git, "-c", "core.autocrlf=true", "clone", "-q", str(REPO), str(clone)],
                   check=True, capture_output=True)
    X, Y = helpers.load_breast_cancer(data_dir=clone / "data")
    assert X.shape == (30, 569)
    X, labels = helpers.load_digits(data_dir=clone / "data")
    assert X.shape == (64, 1797)
