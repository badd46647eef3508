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
    xs = {t.get_text().split("$")[1]: t.get_position()[0] for t in ax.texts if t.get_text()}
    assert xs["a"] == xs["b"] == 0 and xs["u = bc"] == 1 and xs["J = 3v"] == 3
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
