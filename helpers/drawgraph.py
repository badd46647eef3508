"""画计算图：每个有 label 的 Value 一个方框，写出公式、前向值和（可选）梯度"""

import matplotlib.pyplot as plt
import numpy as np

from .figtext import check_axes, check_mathtext


def _labeled_inputs(root):
    """每个结点的"有名字的输入"（去重，按书写顺序）：无名的中间结点被穿过，常数叶子不算

    按拓扑序一次算完（不递归）：结点多、被反复使用也不会重复计数
    """
    found = {}
    for node in root.topological_order():     # 输入总在结点之前
        mine = {}
        for child in node.inputs:
            if child.label:
                mine[id(child)] = child
            else:
                mine.update(found[id(child)])
        found[id(node)] = mine
    return {key: list(value.values()) for key, value in found.items()}


def _graph_layout(root):
    """结点按"层"从左到右排：没有有名字输入的在第 0 层（按书写顺序自上而下），
    其余在其输入的最大层 + 1，高度取其输入高度的平均，同层结点至少相隔 1
    """
    shown = [node for node in root.topological_order() if node.label]
    if not shown:
        raise ValueError("图里没有带 label 的结点，没有东西可画：给要画的结点起名字，"
                         "比如 a = helpers.Value(2.0, label='a')，或 u.label = 'u'")
    found = _labeled_inputs(root)
    inputs = {id(node): found[id(node)] for node in shown}
    level, columns = {}, {}
    for node in shown:                         # 拓扑序保证输入先于结点
        kids = [level[id(c)] for c in inputs[id(node)]]
        level[id(node)] = (max(kids) + 1) if kids else 0
        columns.setdefault(level[id(node)], []).append(node)
    y = {}
    leaves = columns.get(0, [])
    for k, node in enumerate(leaves):
        y[id(node)] = (len(leaves) - 1) / 2 - k
    for x in sorted(columns)[1:]:
        def height(n):
            return np.mean([y[id(c)] for c in inputs[id(n)]])
        nodes = sorted(columns[x], key=lambda n: -height(n))
        wanted = [height(n) for n in nodes]
        for k in range(1, len(wanted)):        # 自上而下，太挤就往下推
            wanted[k] = min(wanted[k], wanted[k - 1] - 1)
        for node, value in zip(nodes, wanted):
            y[id(node)] = value
    pos = {id(node): (level[id(node)], y[id(node)]) for node in shown}
    return shown, inputs, pos


def _box_texts(shown, formulas, show_grad, out):
    """每个结点框里的几行 mathtext；画之前先逐行检查，出错时说清楚是哪个 label 或公式"""
    texts = {}
    for node in shown:
        pieces = [("label", node.label)] + ([(f"formulas[{node.label!r}]", formulas[node.label])]
                                            if node.label in formulas else [])
        for name, piece in pieces + ([("output_name", out)] if show_grad else []):
            if not isinstance(piece, str):
                raise TypeError(f"{name} 应为字符串，实际为 {type(piece).__name__}：{piece!r}")
            if "$" in piece:
                raise ValueError(f"{name} 里不要自己加 $：draw_graph 会把它放进 $…$ 里当公式排版，"
                                 f"实际为 {piece!r}；写成 {piece.replace('$', '')!r}")
        lines = []
        if node.label in formulas:
            lines.append(check_mathtext(f"formulas[{node.label!r}]", f"${formulas[node.label]}$",
                                        wrapped=True))
        lines.append(check_mathtext(f"label {node.label!r}", f"${node.label} = {node.data:g}$",
                                    wrapped=True))
        if show_grad:
            lines.append(check_mathtext(f"output_name {out!r}",
                                        f"$\\partial {out}/\\partial {node.label} = {node.grad:g}$",
                                        wrapped=True))
        texts[id(node)] = "\n".join(lines)
    return texts


def draw_graph(root, formulas=None, show_grad=False, output_name=None, ax=None, figsize=None):
    """画出以 root 为输出的计算图：每个有 label 的结点一个方框，写出它的公式、前向值，以及（可选）梯度

    root: helpers.Value；只画有 label 的结点，没有 label 的中间结点被并入箭头，常数（比如 3）不画
    formulas: {label: 公式的 mathtext}，比如 {"u": "u = bc"}；缺省只写值
    show_grad: True 时在每个框里再写一行 ∂J/∂(结点) = grad（先调用 root.backward()）
    output_name: 梯度里的输出名，默认为调用了 backward() 的那个结点的 label（通常就是 root）
    figsize: 缺省按图的层数和每层的结点数决定
    label、公式都画成 mathtext：画之前先检查能否解析，不能时给出中文错误
    """
    if not hasattr(root, "topological_order"):
        raise TypeError(f"root 应为 helpers.Value，实际为 {type(root).__name__}")
    formulas = formulas or {}
    if not isinstance(formulas, dict):
        raise TypeError(f"formulas 应为字典 {{label: 公式}}，实际为 {type(formulas).__name__}")
    if not isinstance(show_grad, (bool, np.bool_)):
        raise TypeError(f"show_grad 应为 True 或 False，实际为 {type(show_grad).__name__}：{show_grad!r}")
    source = getattr(root, "grad_of", None)   # backward() 从哪个结点开始的：可以是 root 之后的结点
    out = output_name or (source.label if source is not None else "") or root.label or "J"
    if show_grad and source is None:
        raise ValueError("show_grad=True 要画出梯度，但还没有做反向传播：先调用 root.backward()，"
                         "再调用 draw_graph(root, show_grad=True)")
    check_axes(ax, figsize)
    shown, inputs, pos = _graph_layout(root)
    unknown = [key for key in formulas if key not in {node.label for node in shown}]
    if unknown:
        raise ValueError(f"formulas 里的 {unknown[0]!r} 不是图里任何结点的 label：图里的 label 有 "
                         f"{', '.join(repr(node.label) for node in shown)}")
    texts = _box_texts(shown, formulas, show_grad, out)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    if ax is None:
        if figsize is None:
            figsize = (2.3 * (max(xs) + 1) + 0.6, 1.05 * (max(ys) - min(ys) + 1) + 0.9)
        _, ax = plt.subplots(figsize=figsize)
    boxes = {}
    for node in shown:
        leaf = not inputs[id(node)]
        boxes[id(node)] = ax.text(
            *pos[id(node)], texts[id(node)], ha="center", va="center", fontsize=11, zorder=3,
            bbox=dict(boxstyle="round,pad=0.45", fc="#eef4fb" if leaf else "#fdf3e6",
                      ec="#1f77b4" if leaf else "#ff7f0e", lw=1.5))
    for node in shown:
        for child in inputs[id(node)]:         # 每条边一个箭头，从输入框的边缘画到结点框的边缘
            ax.annotate("", xy=pos[id(node)], xytext=pos[id(child)], zorder=4,
                        arrowprops=dict(arrowstyle="-|>", color="0.35", lw=1.4, shrinkA=2, shrinkB=2,
                                        patchA=boxes[id(child)].get_bbox_patch(),
                                        patchB=boxes[id(node)].get_bbox_patch()))
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.axis("off")
    return ax
