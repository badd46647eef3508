"""对抗性测试里发现的问题：每个用例在修复之前失败

A 悄悄算错；D 误导的报错；B/C 英文报错或警告；E 外观
"""

import math
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers.knobs import slider_figure  # noqa: E402

FMAX = np.finfo(np.float64).max


@pytest.fixture(autouse=True)
def _no_warnings_and_close():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
    plt.close("all")


# ---------- A：悄悄算错 ----------

@pytest.mark.parametrize("X, dtype", [
    ([[1e308, 1.5e308, 1.2e308]], np.float64),
    ([[-1.7e308, 1.7e308, 1.7e308]], np.float64),
    ([[1e160, -1e160, 3.0]], np.float64),
    ([[2e38, 3e38, 2.5e38]], np.float32),
])
def test_standardizer_near_float_max(X, dtype):
    X = np.array(X, dtype=dtype)
    mean, std = helpers.fit_standardizer(X)
    Xs = helpers.standardize(X, mean, std)
    ref = X.astype(np.float64) / np.max(np.abs(X.astype(np.float64)))
    ref = (ref - ref.mean()) / ref.std()
    tol = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(Xs.astype(np.float64), ref, rtol=tol, atol=tol)
    assert std.dtype == dtype


def test_standardizer_unchanged_for_ordinary_data():
    X = np.random.default_rng(0).normal(size=(30, 455)) * 100 + 7
    mean, std = helpers.fit_standardizer(X)
    assert np.array_equal(mean, X.mean(axis=1, keepdims=True))
    assert np.array_equal(std, X.std(axis=1, keepdims=True))


def test_standardize_overflow_is_a_chinese_error():
    with pytest.raises(ValueError, match="超出了浮点数范围"):
        helpers.standardize(np.array([[1e300]]), np.zeros((1, 1)), np.array([[1e-300]]))


@pytest.mark.parametrize("a, b, want", [(1e308, -1e308, 1.0), (1.5e308, 1e308, 0.2)])
def test_rel_error_at_huge_magnitudes(a, b, want):
    assert helpers.rel_error(a, b) == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize("z, y", [(FMAX, 0.0), (-FMAX, 1.0)])
def test_cost_from_z_mean_at_float_max(z, y):
    J = helpers.cost_from_z(np.full((1, 3), z), np.full((1, 3), y))
    assert J == FMAX


def test_draw_graph_show_grad_before_backward():
    a = helpers.Value(2.0, label="a")
    J = a * 3
    J.label = "J"
    with pytest.raises(ValueError, match=r"先调用 root\.backward\(\)"):
        helpers.draw_graph(J, show_grad=True)
    J.backward()
    helpers.draw_graph(J, show_grad=True)


@pytest.mark.parametrize("expr", [
    lambda V: np.array([1.0, 2.0]) + V,
    lambda V: V + np.array([1.0, 2.0]),
    lambda V: np.array([1.0, 2.0]) * V,
])
def test_array_and_value_raise_in_both_orders(expr):
    with pytest.raises(TypeError, match="Value 只能和 Value 或实数做运算.*数组"):
        expr(helpers.Value(1.0))


def test_numpy_scalars_still_work_with_value():
    V = helpers.Value(3.0)
    assert (np.float64(2) * V).data == 6.0
    assert (np.float64(2) ** V).data == 8.0
    assert (np.float64(6) / V).data == 2.0


def _toy():
    return helpers.make_toy_2d(40, seed=0)


@pytest.mark.parametrize("w", [[[1e-13], [1e-13]], [[1e-13], [0.0]], [[0.0], [-1e-300]]])
def test_decision_boundary_drawn_for_tiny_w(w):
    X, Y = _toy()
    ax = helpers.plot_decision_boundary(np.array(w), 0.0, X, Y, shade=False)
    assert len(ax.get_lines()) == 1
    xs, ys = ax.get_lines()[0].get_data()
    w = np.array(w)[:, 0] / np.max(np.abs(w))
    assert np.allclose(w[0] * np.asarray(xs) + w[1] * np.asarray(ys), 0, atol=1e-12)


def test_decision_boundary_w_zero_says_so(capsys):
    X, Y = _toy()
    ax = helpers.plot_decision_boundary(np.zeros((2, 1)), 0.5, X, Y)
    assert not ax.get_lines()
    assert "没有决策边界" in capsys.readouterr().out


@pytest.mark.parametrize("call", [
    lambda X, Y: helpers.standardize(X, np.zeros((2, 1)), np.ones((2, 1))),
    lambda X, Y: helpers.train_test_split(X, Y),
    lambda X, Y: helpers.minibatches(X, Y, 4),
    lambda X, Y: helpers.plot_costs({"a": [1.0, np.nan, 0.5]}),
])
def test_nan_rejected_at_the_door(call):
    X, Y = _toy()
    X[1, 3] = np.nan
    with pytest.raises(ValueError, match="应只有有限数值"):
        call(X, Y)


def test_one_vs_rest_nan():
    with pytest.raises(ValueError, match="应只有有限数值"):
        helpers.one_vs_rest(np.array([[1.0, np.nan, 3.0]]), 1)


def test_plot_costs_label_collision():
    with pytest.raises(ValueError, match="图例都写作 '1'"):
        helpers.plot_costs({1: [1.0, 0.5], "1": [2.0, 1.0]})


def test_plot_costs_underscore_label():
    with pytest.raises(ValueError, match="下划线"):
        helpers.plot_costs({"_hidden": [1.0, 0.5]})


def test_predict_agrees_with_predict_proba_near_zero():
    w = np.array([[1.0]])
    X = np.array([[-1e-17, -1e-300, 0.0, 1e-300, -1e-15]])
    proba = helpers.predict_proba(w, 0.0, X)
    assert np.array_equal(helpers.predict(w, 0.0, X), (proba >= 0.5).astype(np.int64))


# ---------- D：误导的报错 ----------

def test_no_xt_hint_when_x_fits_and_y_is_wrong():
    w = np.zeros((2, 1))
    X = np.zeros((2, 5))
    with pytest.raises(ValueError) as info:
        helpers.grads_vectorized(w, 0.0, X, np.zeros((1, 2)))
    assert "X.T" not in str(info.value) and "Y 的形状应为 (1, 5)" in str(info.value)


def test_overflow_diagnosis_names_the_sum_not_z():
    # Z = wᵀX + b = 0 是有限数；溢出的是 dw = X dZᵀ / m 的求和
    w = np.zeros((1, 1))
    X = np.full((1, 4), 1e308)
    for grads in (helpers.grads_vectorized, helpers.grads_loop):
        with pytest.raises(ValueError, match="Z = wᵀX \\+ b 是有限数，但之后的求和"):
            grads(w, 0.0, X, np.zeros((1, 4)))
    with pytest.raises(ValueError, match="Z = wᵀX \\+ b 超出了浮点数范围"):
        helpers.grads_vectorized(np.array([[1e300]]), 0.0, np.full((1, 2), 1e10),
                                 np.zeros((1, 2)))


def test_decision_boundary_three_features_message():
    X, Y = _toy()
    with pytest.raises(ValueError, match="只画两个特征的数据"):
        helpers.plot_decision_boundary(np.zeros((3, 1)), 0.0, np.vstack([X, X[:1]]), Y)


def test_standardize_transposed_x_message():
    X = np.random.default_rng(0).normal(size=(3, 10))
    mean, std = helpers.fit_standardizer(X)
    with pytest.raises(ValueError, match=r"mean、std 有 3 个特征.*X 的形状为 \(10, 3\).*试试 X\.T"):
        helpers.standardize(X.T, mean, std)


def test_draw_graph_label_with_dollars():
    a = helpers.Value(2.0, label="$a$")
    with pytest.raises(ValueError, match=r"label 里不要自己加 \$"):
        helpers.draw_graph(a)


def test_draw_graph_bad_label_does_not_blame_dollars():
    a = helpers.Value(2.0, label="b_{")
    with pytest.raises(ValueError) as info:
        helpers.draw_graph(a)
    assert "不要自己再加 $" in str(info.value) and "$ 是否成对" not in str(info.value)


@pytest.mark.parametrize("text", ["price $5", r"cost \$5 and \$6", "rate $"])
def test_plain_text_with_dollar_is_not_parsed(text):
    helpers.plot_costs({"a": [1.0, 0.5]}, xlabel=text)


def test_value_message_does_not_name_internal_data():
    with pytest.raises(TypeError) as info:
        helpers.Value(1.0) + "a"
    assert "data" not in str(info.value)


def test_label_values_shown_with_full_precision():
    with pytest.raises(ValueError, match="1.0000000000000002"):
        helpers.accuracy(np.array([[1.0, 0.0]]), np.array([[1.0000000000000002, 0.0]]))
    with pytest.raises(ValueError, match="1.0000000000000002"):
        helpers.loss(0.5, 1.0000000000000002)


def test_sigmoid_of_huge_int_says_overflow():
    with pytest.raises(ValueError, match="超出浮点数范围"):
        helpers.sigmoid(10 ** 400)


def test_data_dir_is_a_file(tmp_path):
    f = tmp_path / "breast_cancer.csv"
    f.write_text("x")
    with pytest.raises(FileNotFoundError, match="data_dir 应为数据文件所在的目录，实际是一个文件"):
        helpers.load_breast_cancer(f)


def test_data_file_is_a_directory(tmp_path):
    (tmp_path / "digits.csv").mkdir()
    with pytest.raises(FileNotFoundError, match="实际是一个目录"):
        helpers.load_digits(tmp_path)


# ---------- B/C：英文报错与警告 ----------

@pytest.mark.parametrize("dtype", ["abc", [1], np.int64])
def test_initialize_parameters_bad_dtype(dtype):
    with pytest.raises(TypeError, match="dtype 应为"):
        helpers.initialize_parameters(3, dtype=dtype)


def test_initialize_parameters_huge_n():
    with pytest.raises(ValueError, match="太大"):
        helpers.initialize_parameters(10 ** 20)


@pytest.mark.parametrize("costs", [["x", "y"], [1j, 2j], (c for c in [1.0]), [[1.0], [1.0, 2.0]],
                                   [{"a": 1}]])
def test_plot_costs_non_numeric(costs):
    with pytest.raises((TypeError, ValueError), match="curves\\["):
        helpers.plot_costs({"a": costs})


@pytest.mark.parametrize("call", [
    lambda X, Y: helpers.plot_costs({"a": [1.0]}, ax=3),
    lambda X, Y: helpers.plot_data_2d(X, Y, ax="ax"),
    lambda X, Y: helpers.plot_decision_boundary(np.ones((2, 1)), 0.0, X, Y, ax="ax"),
    lambda X, Y: helpers.plot_costs({"a": [1.0]}, figsize=(-1, 2)),
    lambda X, Y: helpers.plot_costs({"a": [1.0]}, figsize=(1, 2, 3)),
    lambda X, Y: helpers.plot_data_2d(X, Y, figsize="big"),
])
def test_bad_ax_or_figsize(call):
    X, Y = _toy()
    with pytest.raises(TypeError, match="(ax|figsize) 应为"):
        call(X, Y)


def test_bad_color():
    X, Y = _toy()
    with pytest.raises(ValueError, match="color 应为 matplotlib 认得的颜色"):
        helpers.plot_decision_boundary(np.ones((2, 1)), 0.0, X, Y, color="notacolor")


@pytest.mark.parametrize("data_dir", [5, b"/tmp"])
def test_data_dir_type(data_dir):
    with pytest.raises(TypeError, match="data_dir 应为目录的路径"):
        helpers.load_breast_cancer(data_dir)


@pytest.mark.parametrize("expr", [
    lambda V: V < helpers.Value(2.0),
    lambda V: V >= 1,
    lambda V: abs(V),
    lambda V: float(V),
    lambda V: math.exp(V),
    lambda V: np.sin(V),
    lambda V: np.exp(V),
    lambda V: pow(V, 2, 3),
    lambda V: V @ V,
])
def test_value_protocol_misuse_is_chinese(expr):
    with pytest.raises(TypeError, match="Value 不支持"):
        expr(helpers.Value(1.0))


def _draw(**kwargs):
    fig, _ = plt.subplots()
    return fig


def test_slider_named_draw():
    def draw(draw):
        return _draw()
    slider_figure(draw, draw=(0.0, 1.0, 0.5, 0.5))


@pytest.mark.parametrize("spec, error", [
    ([[1, 2], [3, 4]], TypeError),
    ((0.0, math.inf, 0.1, 0.5), ValueError),
    ((0.0, 1.0, 2.0, 0.0), ValueError),
    ((0.0, 1.0, 0.3, 0.5), ValueError),
])
def test_slider_odd_specs(spec, error):
    def draw(x):
        return _draw()
    with pytest.raises(error, match="滑块 x"):
        slider_figure(draw, x=spec)


def test_as_labels_huge_values_no_warning():
    with pytest.raises(ValueError, match="1e\\+300"):
        helpers.grads_vectorized(np.zeros((1, 1)), 0.0, np.zeros((1, 2)),
                                 np.array([[1e300, 0.0]]))


def test_numerical_grad_step_overflow():
    with pytest.raises(ValueError, match="超出了浮点数范围.*eps 取小一些"):
        helpers.numerical_grad(lambda v: v, 1.0, eps=1e308)
    with pytest.raises(ValueError, match="超出了浮点数范围"):
        helpers.numerical_grad(lambda v: v, FMAX)


# ---------- E：外观 ----------

def test_loss_is_plus_zero():
    assert math.copysign(1.0, helpers.loss(1.0, 1)) == 1.0
    assert math.copysign(1.0, helpers.loss(0.0, 0)) == 1.0
