"""helpers.knobs：默认值下的图经显示句柄输出，拖动滑块后同一个句柄换成新图"""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

pytest.importorskip("ipywidgets")
import ipywidgets  # noqa: E402

from helpers import knobs  # noqa: E402


class Handle:
    def __init__(self):
        self.updates = []

    def update(self, obj):
        self.updates.append(obj)


@pytest.fixture
def shown(monkeypatch):
    """替换 knobs 里的 display：记下显示了什么，图的显示返回一个记录 update 的句柄"""
    matplotlib.use("Agg")
    calls = []

    def fake_display(obj, display_id=False):
        handle = Handle() if display_id else None
        calls.append((obj, handle))
        return handle

    monkeypatch.setattr(knobs, "display", fake_display)
    return calls


def draw_line(slope):
    fig, ax = plt.subplots(figsize=(3, 2))
    x = np.linspace(0, 1, 5)
    ax.plot(x, slope * x)
    return fig


def ydata(fig):
    return fig.axes[0].lines[0].get_ydata()


def test_default_figure_then_update_on_slider_move(shown):
    assert knobs.slider_figure(draw_line, slope=(0.0, 2.0, 0.1, 0.5)) is None
    (fig, handle), (box, _) = shown
    assert isinstance(fig, Figure) and isinstance(box, ipywidgets.VBox)
    assert np.allclose(ydata(fig), 0.5 * np.linspace(0, 1, 5))
    assert plt.get_fignums() == [], "画好的图应从 pyplot 里关掉，否则内联后端会再画一遍"
    slider = box.children[0]
    assert isinstance(slider, ipywidgets.FloatSlider) and slider.description == "slope"
    assert handle.updates == []
    slider.value = 1.5
    (new_fig,) = handle.updates
    assert isinstance(new_fig, Figure) and new_fig is not fig
    assert np.allclose(ydata(new_fig), 1.5 * np.linspace(0, 1, 5))


def test_int_and_list_specs(shown):
    def draw(batch_size, epochs):
        fig, ax = plt.subplots()
        ax.set_title(f"B={batch_size}, E={epochs}")
        return fig

    knobs.slider_figure(draw, batch_size=[64, 1, 16], epochs=(1, 50, 1, 10))
    (fig, _), (box, _) = shown
    assert fig.axes[0].get_title() == "B=64, E=10"
    first, second = box.children
    assert isinstance(first, ipywidgets.SelectionSlider) and first.value == 64
    assert isinstance(second, ipywidgets.IntSlider) and second.value == 10


def test_error_in_draw_while_sliding_is_shown_not_lost(shown):
    def draw(a):
        if a > 1:
            raise ValueError("太大了")
        return draw_line(a)

    knobs.slider_figure(draw, a=(0.0, 2.0, 0.5, 0.5))
    (_, handle), (box, _) = shown
    box.children[0].value = 2.0
    assert handle.updates == ["✗ draw({'a': 2.0}) 出错：ValueError: 太大了"]


@pytest.mark.parametrize("specs, message", [
    ({}, "至少要给一个滑块"),
    ({"slope": (0, 1, 0.1)}, "四个数的元组"),
    ({"slope": (1.0, 0.0, 0.1, 0.5)}, "最小 < 最大"),
    ({"slope": (0.0, 1.0, 0.1, 3.0)}, "最小 ≤ 默认 ≤ 最大"),
    ({"slope": []}, "不应为空"),
    ({"alpha": (0.0, 1.0, 0.1, 0.5)}, "一一对应"),
])
def test_bad_specs_say_what_is_wrong(shown, specs, message):
    with pytest.raises((TypeError, ValueError), match=message):
        knobs.slider_figure(draw_line, **specs)
    assert shown == []


def test_draw_must_return_a_figure(shown):
    def draw(slope):
        plt.plot([0, 1], [0, slope])

    with pytest.raises(TypeError, match="return fig"):
        knobs.slider_figure(draw, slope=(0.0, 1.0, 0.1, 0.5))
    assert plt.get_fignums() == []


def test_unnamed_spec_and_non_finite_options_are_explained(shown):
    with pytest.raises(TypeError, match="没有名字的参数"):
        knobs.slider_figure(draw_line, (0.0, 1.0, 0.1, 0.5))
    for bad in ([float("nan"), 1.0], [float("inf"), 1.0]):
        with pytest.raises(ValueError, match="有限数"):
            knobs.slider_figure(draw_line, slope=bad)
    assert shown == []
