"""第二轮对抗性测试里发现的问题：每个用例在修复之前失败（编号见各用例的注释）"""

import numpy as np
import pytest
# 与第一轮相同的自动夹具：警告即失败，用完关掉图（也让 matplotlib 用 Agg）
from test_adversarial import _no_warnings_and_close  # noqa: F401

import helpers


# 1：x ± h 舍入回 x，差分是 0 / 0
@pytest.mark.parametrize("x, eps", [(1.0, 1e-17), (1.0, 1e-300), (1.0, 5e-324),
                                    (np.array([1e20, 1.0]), 1e-17)])
def test_numerical_grad_zero_step_is_named(x, eps):
    with pytest.raises(ValueError, match="舍入后仍是 x.*eps 取大一些"):
        helpers.numerical_grad(lambda v: float(np.sum(v ** 2)), x, eps=eps)


# 2：值不全相等的特征要真正标准化，而不是被当成常数
def test_fit_standardizer_near_constant_large_feature():
    X = np.array([[1e20, 1.0000000001e20, 1e20]])
    Z = helpers.standardize(X, *helpers.fit_standardizer(X))
    np.testing.assert_allclose(Z, [[-2 ** -0.5, 2 ** 0.5, -2 ** -0.5]], rtol=1e-5)


def test_fit_standardizer_equal_values_still_exactly_zero():
    X = np.array([[1e20] * 3, [0.1] * 3, [1.0, 2.0, 3.0]])
    mean, std = helpers.fit_standardizer(X)
    Z = helpers.standardize(X, mean, std)
    assert not Z[:2].any() and std[0, 0] == std[1, 0] == 1


# 8a：循环里的 z 按顺序相加已经溢出（BLAS 的求和顺序碰巧得到 0）
def test_grads_loop_diagnoses_its_own_z():
    x = np.array([1, 1, 1, 1, -1, -1, -1, -1] * 2, float) * 1e308
    with pytest.raises(ValueError, match="Z = wᵀX \\+ b 超出了浮点数范围"):
        helpers.grads_loop(np.ones((16, 1)), 0.0, x.reshape(16, 1), [[0]])


# 8b：b 超出 float32 的范围，不是 X 没有标准化
def test_overflow_names_b_beyond_float32():
    with pytest.raises(ValueError, match="b = 1e\\+39 超出了 float32"):
        helpers.grads_vectorized(np.ones((1, 1), np.float32), 1e39,
                                 np.ones((1, 2), np.float32), [[0, 1]])


# 8c：还没走一步就溢出，与学习率无关
def test_divergence_at_start_does_not_blame_learning_rate():
    X, Y = np.array([[10.0, -10, 20, -20]]), [[1, 0, 1, 0]]
    runs = (lambda: helpers.gradient_descent([[1e308]], 0.0, X, Y, 0.1, 5),
            lambda: helpers.minibatch_gradient_descent([[1e308]], 0.0, X, Y, 0.1, 5, 2))
    for run in runs:
        with pytest.raises(ValueError, match="训练开始前") as info:
            run()
        assert "学习率" not in str(info.value)


# 24a：成本的平均值有限，只是先求和再除以 m 时越界
def test_grads_loop_cost_matches_vectorized_near_float_max():
    args = ([[2.0]], 0.0, [[0.85e308, -0.85e308]], [[0, 1.0]])
    loop, vec = helpers.grads_loop(*args), helpers.grads_vectorized(*args)
    assert loop[2] == vec[2] == 1.7e308
    np.testing.assert_array_equal(loop[0], vec[0])


# 6、7：matplotlib 逐行决定是否按 mathtext 排版；多行的文字要逐行检查
@pytest.mark.parametrize("labels, ylabel", [
    ({"$\\alpha = 0.1$\n$m = 32$": [1, 2]}, "$J$"),
    ({"a": [1, 2]}, "$J$\n$(w,b)$"),
    ({"a": [1, 2]}, "成本\n$J(w, b)$"),
    ({"a": [1, 2]}, "$\\alpha$\n学习率"),
])
def test_multiline_labels_checked_line_by_line(labels, ylabel, capfd, caplog):
    ax = helpers.plot_costs(labels, ylabel=ylabel)
    ax.figure.canvas.draw()
    assert capfd.readouterr().err == "" and not caplog.records     # matplotlib 用 logging 警告


def test_chinese_and_math_on_one_line_still_rejected():
    with pytest.raises(ValueError, match="同一行既有中文又有"):
        helpers.plot_costs({"a": [1, 2]}, ylabel="$\\alpha$ 学习率")


# 27：draw_graph 自己把标签放进 $…$，学习者没写 $
@pytest.mark.parametrize("kwargs", [dict(label="权重"), dict(formulas={"u": "u = 权重"}),
                                    dict(output_name="成本")])
def test_draw_graph_chinese_label_message(kwargs):
    u = helpers.Value(2.0, label=kwargs.pop("label", "u"))
    u.backward()
    with pytest.raises(ValueError, match="计算图的标签和公式由 mathtext 排版") as info:
        helpers.draw_graph(u, show_grad=True, **kwargs)
    assert "$…$" not in str(info.value)


# 28：emoji 不是中文
def test_emoji_is_not_called_chinese():
    from helpers.figtext import _has_cjk
    assert not _has_cjk("$x$ 😀") and _has_cjk("成本") and _has_cjk("，")


# 9：画子图时，梯度是对调用了 backward() 的结点的
def test_draw_graph_subgraph_after_backward():
    a, b = helpers.Value(2.0, label="a"), helpers.Value(3.0, label="b")
    d = a * b
    d.label = "d"
    L = d * 2
    L.label = "L"
    L.backward()
    ax = helpers.draw_graph(d, show_grad=True)
    texts = [t.get_text() for t in ax.texts]
    assert "$a = 2$\n$\\partial L/\\partial a = 6$" in texts
    assert "$d = 6$\n$\\partial L/\\partial d = 2$" in texts


def test_draw_graph_without_backward_still_refused():
    with pytest.raises(ValueError, match="还没有做反向传播"):
        helpers.draw_graph(helpers.Value(1.0, label="q"), show_grad=True)


# 10：mean、std 与 X 对不上时，X 不一定排反了
def test_standardize_mismatch_offers_both_causes():
    Xtr = np.arange(21.0).reshape(3, 7)
    with pytest.raises(ValueError, match="如果 X 没错，mean、std 应由"):
        helpers.standardize(Xtr, *helpers.fit_standardizer(Xtr.T))
    with pytest.raises(ValueError, match="mean 的形状应为 \\(3, 1\\)") as info:
        helpers.standardize(Xtr, np.zeros((7, 1)), np.ones((3, 1)))
    assert "X.T" not in str(info.value)


# 29：Value 的运算越界或除以 0 时，说的是那个运算
@pytest.mark.parametrize("make, words", [
    (lambda V: V(1e200) * V(1e200), "1e\\+200 × 1e\\+200 的结果超出了浮点数的范围"),
    (lambda V: V(1e308) + V(1e308), "的结果超出了浮点数的范围"),
    (lambda V: V(3) / V(0), "不能除以 0"),
    (lambda V: 3 / V(0), "不能除以 0"),
    (lambda V: V(1) / V(1e-320), "太接近 0"),
    (lambda V: V(__import__("fractions").Fraction(10 ** 400, 3)), "更大的 Fraction"),
])
def test_value_overflow_and_division_messages(make, words):
    with pytest.raises(ValueError, match=words):
        make(helpers.Value)


# 5：numpy 的函数和比较，说的是用户调用的那个
@pytest.mark.parametrize("call, words", [
    (lambda v: np.isclose(v, 1.0), "np.isclose"),
    (lambda v: np.allclose(v, 1.0), "np.allclose"),
    (lambda v: np.float64(1) < v, "比较大小"),
    (lambda v: np.add.outer(v, v), "np.add.outer"),
    (lambda v: np.multiply.at(v, 0, v), "np.multiply.at"),
])
def test_value_numpy_messages_name_the_call(call, words):
    with pytest.raises(TypeError, match=words):
        call(helpers.Value(1.0))


def test_value_numpy_arithmetic_still_works():
    V = helpers.Value
    assert (np.float64(2) * V(3.0)).data == 6 and np.array([V(1.0), V(2.0)]).sum().data == 3


# 4、3：其余的误用也用中文拒绝；带格式的 f-string 格式化前向值
@pytest.mark.parametrize("call", [int, round, bool, len, list, lambda v: v // 2, lambda v: v % 2,
                                  lambda v: divmod(v, 2), lambda v: ~v])
def test_value_misuse_in_chinese(call):
    with pytest.raises(TypeError, match="Value 不支持"):
        call(helpers.Value(1.5))


def test_value_format_spec_formats_data():
    v = helpers.Value(1.0)
    assert f"{v:.2f}" == "1.00" and f"{v}" == repr(v)


# 11：data_dir 为空串或 "."、路径太长、__fspath__ 返回 bytes
@pytest.mark.parametrize("data_dir", ["", "."])
def test_data_dir_current_folder_named(data_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="应在 \\. 目录下"):
        helpers.load_breast_cancer(data_dir=data_dir)


def test_data_dir_too_long_in_chinese():
    with pytest.raises(FileNotFoundError, match="操作系统拒绝了路径.*ENAMETOOLONG"):
        helpers.load_breast_cancer(data_dir="/tmp/" + "a" * 300)


def test_data_dir_bytes_pathlike_in_chinese():
    class BytesPath:
        def __fspath__(self):
            return b"data"
    with pytest.raises(TypeError, match="data_dir 应为目录的路径"):
        helpers.load_breast_cancer(data_dir=BytesPath())


# 17：长度不齐的嵌套列表：不转述 numpy 的英文
def test_ragged_input_says_rows_differ():
    with pytest.raises(TypeError, match="各行的长度不一样") as info:
        helpers.sigmoid([[1, 2], [3]])
    assert "inhomogeneous" not in str(info.value)


# 12：边界在无穷远处时说出来、不在图例里留一条看不见的线；float32 的值按 float32 显示；figsize
def test_decision_boundary_at_infinity_is_said(capsys):
    X, Y = helpers.make_toy_2d(40, seed=0)
    ax = helpers.plot_decision_boundary(np.full((2, 1), 1e-320), 1.0, X, Y)
    assert "决策边界在无穷远处" in capsys.readouterr().out
    assert not ax.get_lines()


def test_float32_values_shown_as_float32():
    with pytest.raises(ValueError, match="出现了 0\\.1$"):
        helpers.accuracy(np.array([[0.1]], np.float32), [[1]])
    with pytest.raises(ValueError, match="1\\.0000000000000002"):
        helpers.accuracy(np.array([[1.0000000000000002]]), [[1]])


def test_figsize_array_accepted_extremes_refused_in_chinese():
    helpers.plot_costs({"a": [1, 2]}, figsize=np.array([5, 5]))
    for size in [(1e5, 1e5), (1e-3, 1e-3)]:
        with pytest.raises(ValueError, match="0\\.5 到 100 英寸"):
            helpers.plot_costs({"a": [1, 2]}, figsize=size)


# 7（第一轮）：空的成本序列
def test_plot_costs_empty_series_refused():
    with pytest.raises(ValueError, match="是空的"):
        helpers.plot_costs({"a": []})


# 36：draw_graph 的 formulas 拼错了 label、show_grad 不是 bool
def test_draw_graph_unknown_formula_key_and_show_grad_type():
    a, b = helpers.Value(2.0, label="a"), helpers.Value(3.0, label="b")
    d = a * b
    d.label = "d"
    with pytest.raises(ValueError, match="'dd' 不是图里任何结点的 label.*'a', 'b', 'd'"):
        helpers.draw_graph(d, formulas={"dd": "d = ab"})
    with pytest.raises(TypeError, match="show_grad 应为 True 或 False"):
        helpers.draw_graph(d, show_grad="no")

