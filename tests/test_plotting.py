import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402


def test_draw_graph_shows_values_and_grads():
    a, b, c = helpers.Value(5, "a"), helpers.Value(3, "b"), helpers.Value(2, "c")
    u = b * c
    u.label = "u"
    v = a + u
    v.label = "v"
    J = 3 * v
    J.label = "J"
    J.backward()
    ax = helpers.draw_graph(J, {"u": "u = bc", "v": "v = a + u", "J": "J = 3v"}, show_grad=True)
    texts = [t.get_text() for t in ax.texts if t.get_text()]     # 箭头是无文字的 annotation
    assert len(texts) == 6                          # a, b, c, u, v, J；常数 3 不画
    assert any("J = 33" in t and "partial J/\\partial J = 1" in t for t in texts)
    assert any("c = 2" in t and "partial J/\\partial c = 9" in t for t in texts)
    pos = {name: t.get_position() for t in ax.texts for name in "abcuvJ" if f"${name} = " in t.get_text()}
    assert pos["a"][0] == pos["b"][0] == pos["c"][0] == 0 and pos["u"][0] == 1 and pos["J"][0] == 3
    assert pos["a"][1] > pos["b"][1] > pos["c"][1]                  # 输入按书写顺序自上而下
    assert pos["u"][1] == (pos["b"][1] + pos["c"][1]) / 2            # 结点在其输入的平均高度
    assert pos["v"][1] == (pos["a"][1] + pos["u"][1]) / 2
    plt.close("all")


def test_plot_costs_and_boundary():
    ax = helpers.plot_costs({"α=0.1": [3, 2, 1], "α=1": [3, 1, 0.5]}, logy=True)
    assert len(ax.lines) == 2 and ax.get_yscale() == "log"
    X, Y = helpers.make_toy_2d(40)
    ax = helpers.plot_decision_boundary(np.array([[1.0], [1.0]]), 0.0, X, Y)
    line = ax.lines[-1]
    x1, x2 = line.get_data()
    np.testing.assert_allclose(x1 + x2, 0, atol=1e-12)    # 直线 x1 + x2 = 0
    with pytest.raises(TypeError, match="字典"):
        helpers.plot_costs([1, 2])
    with pytest.raises(ValueError, match=r"\(2, 1\)"):
        helpers.plot_decision_boundary(np.ones((3, 1)), 0.0, X, Y)
    plt.close("all")


def test_draw_graph_collapses_unlabeled_intermediate_nodes():
    w1, x1, b = helpers.Value(0.5, "w_1"), helpers.Value(2.0, "x_1"), helpers.Value(-1.0, "b")
    z = w1 * x1 + b              # w1*x1 没有名字
    z.label = "z"
    a = z.sigmoid()
    a.label = "a"
    ax = helpers.draw_graph(a)
    arrows = [t for t in ax.texts if not t.get_text()]
    boxes = {t.get_text().split("$")[1].split(" = ")[0]: t.get_position() for t in ax.texts if t.get_text()}
    assert set(boxes) == {"w_1", "x_1", "b", "z", "a"}
    assert len(arrows) == 4      # w_1→z、x_1→z、b→z、z→a
    assert boxes["z"][0] == 1 and boxes["a"][0] == 2
    plt.close("all")
