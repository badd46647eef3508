"""滑块：拖动一个参数，图跟着重画

用法（draw 的每个关键字参数对应一个滑块，返回一张 matplotlib 的 Figure）：
    def draw(learning_rate):
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ...
        return fig
    slider_figure(draw, learning_rate=(0.01, 1.2, 0.01, 0.1))   # (最小, 最大, 步长, 默认)
    slider_figure(draw, batch_size=[64, 1, 16, 455])           # 列表：只能取这些值，默认取第一个

图先按默认值画出并通过显示句柄（display_id）输出，滑块放在图下；拖动滑块时用
handle.update 换成新图。这样写，笔记本的输出里只有一张普通的 PNG 和滑块的文字表示：
严格 nbval 能逐字比较，离线的阅读版显示默认值下的静态图，不需要任何小部件的 JavaScript。
（interact() 和 Output 小部件的输出存在小部件状态里，nbval 与阅读版都看不到。）
"""

import inspect
import math
import numbers

import matplotlib.pyplot as plt
from IPython.display import display
from matplotlib.figure import Figure


def _slider(name, spec):
    """按 spec 造一个滑块：4 个数的元组 → 连续（或整数）滑块；列表 → 只取列表里的值"""
    import ipywidgets as widgets   # 只在真要画滑块时才导入

    common = dict(description=name, continuous_update=False,
                  style={"description_width": "initial"},
                  layout=widgets.Layout(width="420px"))
    if isinstance(spec, list):
        if not spec:
            raise ValueError(f"滑块 {name} 的取值列表不应为空")
        if not all(isinstance(v, (numbers.Real, str)) and not isinstance(v, bool) for v in spec):
            raise TypeError(f"滑块 {name} 的取值列表里应只有数或字符串，实际为 {spec!r}")
        if any(isinstance(v, numbers.Real) and not math.isfinite(v) for v in spec):
            raise ValueError(f"滑块 {name} 的取值列表里应只有有限数，实际为 {spec!r}")
        if len(set(spec)) != len(spec):
            raise ValueError(f"滑块 {name} 的取值列表里有重复的值：{spec!r}")
        return widgets.SelectionSlider(options=spec, value=spec[0], **common)
    if not (isinstance(spec, tuple) and len(spec) == 4
            and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in spec)):
        raise TypeError(
            f"滑块 {name} 应写成 (最小, 最大, 步长, 默认) 四个数的元组，或可选值的列表，"
            f"实际为 {spec!r}")
    lo, hi, step, default = spec
    if not all(math.isfinite(v) for v in spec):
        raise ValueError(f"滑块 {name} 的四个数都应为有限数，实际为 (最小, 最大, 步长, 默认) = {spec!r}")
    if not (lo < hi and 0 < step <= hi - lo and lo <= default <= hi):
        raise ValueError(
            f"滑块 {name} 应满足 最小 < 最大、0 < 步长 ≤ 最大 − 最小、最小 ≤ 默认 ≤ 最大，"
            f"实际为 (最小, 最大, 步长, 默认) = {spec!r}")
    k = (default - lo) / step                # 滑块只停在 最小 + k·步长 上
    if abs(k - round(k)) > 1e-9 * max(1.0, abs(k)):
        raise ValueError(
            f"滑块 {name} 的默认值 {default!r} 不在 最小 + k·步长 的格点上（最小 {lo!r}、"
            f"步长 {step!r}），滑块会把它挪到最近的格点：改成格点上的值")
    if all(isinstance(v, numbers.Integral) for v in spec):
        return widgets.IntSlider(min=lo, max=hi, step=step, value=default, **common)
    return widgets.FloatSlider(min=lo, max=hi, step=step, value=default,
                               readout_format=".3g", **common)


def _render(draw, values):
    """调用 draw(**values)，检查它返回的是 Figure，并从 pyplot 里关掉它（否则内联后端会再画一遍）"""
    fig = draw(**values)
    if not isinstance(fig, Figure):
        if fig is None:
            plt.close("all")
        raise TypeError(
            "draw 应返回一张 matplotlib 的 Figure（比如 fig, ax = plt.subplots(...) 画完后 "
            f"return fig），实际返回了 {type(fig).__name__}")
    plt.close(fig)
    return fig


def slider_figure(draw, /, *extra, **specs):
    """画出 draw 在默认参数下的图，下面放每个参数的滑块；拖动滑块时重画

    draw: 函数，关键字参数与 specs 的名字一一对应，返回 matplotlib 的 Figure
    specs: 名字=(最小, 最大, 步长, 默认) 或 名字=[可选值, …]（默认取第一个）
    返回 None（结果只通过显示输出）
    """
    __tracebackhide__ = True
    if not callable(draw):
        raise TypeError(f"draw 应为函数，实际为 {type(draw).__name__}")
    if extra:
        raise TypeError(
            f"滑块要写成 名字=(最小, 最大, 步长, 默认)，名字与 draw 的参数相同；"
            f"draw 后面多给了 {len(extra)} 个没有名字的参数：{extra!r}")
    if not specs:
        raise ValueError("至少要给一个滑块，比如 slider_figure(draw, learning_rate=(0.01, 1, 0.01, 0.1))")
    try:
        inspect.signature(draw).bind(**specs)
    except TypeError:
        params = list(inspect.signature(draw).parameters)
        raise TypeError(
            f"滑块的名字应与 draw 的参数一一对应：draw 的参数为 {params}，"
            f"滑块为 {list(specs)}") from None
    sliders = {name: _slider(name, spec) for name, spec in specs.items()}
    handle = display(_render(draw, {k: s.value for k, s in sliders.items()}),
                     display_id=True)

    def redraw(_change):
        values = {k: s.value for k, s in sliders.items()}
        try:
            handle.update(_render(draw, values))
        except Exception as exc:   # 回调里的异常在 JupyterLab 里看不见：把它写在图的位置上
            handle.update(f"✗ draw({values}) 出错：{type(exc).__name__}: {exc}")

    for s in sliders.values():
        s.observe(redraw, names="value")
    import ipywidgets as widgets
    display(widgets.VBox(list(sliders.values())))
