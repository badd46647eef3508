"""画图：统一的样式、计算图、成本曲线、决策边界

图上的文字只用数学符号和英文（不依赖中文字体），中文说明写在图下方的 markdown 里
"""

import matplotlib.pyplot as plt
import numpy as np

from ._checks import as_column, as_labels, as_matrix, as_scalar
from .activations import _sigmoid

COLORS = {"pos": "#d62728", "neg": "#1f77b4"}


def set_style():
    """全课统一的绘图样式（字号、网格、分辨率）"""
    plt.rcParams.update({
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "font.size": 11,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "figure.max_open_warning": 0,
    })


def _labeled_inputs(node):
    """node 的“有名字的输入”：没有 label 的中间结点被跳过（向下找到有名字的结点），常数叶子不算"""
    found = []
    for child in node._prev:
        if child.label:
            found.append(child)
        else:
            found.extend(_labeled_inputs(child))
    return found


def _graph_layout(root):
    """结点按“层”从左到右排：没有有名字输入的在第 0 层（按书写顺序自上而下），
    其余在其输入的最大层 + 1，高度取其输入高度的平均，同层结点至少相隔 1
    """
    shown = [node for node in root.topological_order() if node.label]
    inputs = {id(node): _labeled_inputs(node) for node in shown}
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
        nodes = sorted(columns[x], key=lambda n: -np.mean([y[id(c)] for c in inputs[id(n)]]))
        wanted = [np.mean([y[id(c)] for c in inputs[id(n)]]) for n in nodes]
        for k in range(1, len(wanted)):        # 自上而下，太挤就往下推
            wanted[k] = min(wanted[k], wanted[k - 1] - 1)
        for node, value in zip(nodes, wanted):
            y[id(node)] = value
    pos = {id(node): (level[id(node)], y[id(node)]) for node in shown}
    return shown, inputs, pos


def draw_graph(root, formulas=None, show_grad=False, output_name=None, ax=None, figsize=None):
    """画出以 root 为输出的计算图：每个有 label 的结点一个方框，写出它的公式、前向值，以及（可选）梯度

    root: helpers.Value；只画有 label 的结点，没有 label 的中间结点被并入箭头，常数（比如 3）不画
    formulas: {label: 公式的 mathtext}，比如 {"u": "u = bc"}；缺省只写值
    show_grad: True 时在每个框里再写一行 ∂J/∂(结点) = grad（先调用 root.backward()）
    output_name: 梯度里的输出名，默认为 root.label
    figsize: 缺省按图的层数和每层的结点数决定
    """
    formulas = formulas or {}
    out = output_name or root.label or "J"
    shown, inputs, pos = _graph_layout(root)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    if ax is None:
        if figsize is None:
            figsize = (2.3 * (max(xs) + 1) + 0.6, 1.05 * (max(ys) - min(ys) + 1) + 0.9)
        _, ax = plt.subplots(figsize=figsize)
    boxes = {}
    for node in shown:
        x, y = pos[id(node)]
        lines = []
        if node.label in formulas:
            lines.append(f"${formulas[node.label]}$")
        lines.append(f"${node.label} = {node.data:g}$")
        if show_grad:
            lines.append(f"$\\partial {out}/\\partial {node.label} = {node.grad:g}$")
        leaf = not inputs[id(node)]
        boxes[id(node)] = ax.text(
            x, y, "\n".join(lines), ha="center", va="center", fontsize=11, zorder=3,
            bbox=dict(boxstyle="round,pad=0.45", fc="#eef4fb" if leaf else "#fdf3e6",
                      ec="#1f77b4" if leaf else "#ff7f0e", lw=1.5))
    for node in shown:
        for child in inputs[id(node)]:         # 箭头从输入框的边缘画到结点框的边缘
            ax.annotate("", xy=pos[id(node)], xytext=pos[id(child)], zorder=4,
                        arrowprops=dict(arrowstyle="-|>", color="0.35", lw=1.4, shrinkA=2, shrinkB=2,
                                        patchA=boxes[id(child)].get_bbox_patch(),
                                        patchB=boxes[id(node)].get_bbox_patch()))
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.axis("off")
    return ax


def plot_costs(curves, xlabel="iteration", ylabel="$J(w, b)$", logy=False, ax=None, figsize=(6.4, 4)):
    """成本曲线：curves 为 {图例: 成本序列}（序列的第 k 个值画在横坐标 k 处）"""
    if not isinstance(curves, dict) or not curves:
        raise TypeError("curves 应为非空字典 {图例: 成本序列}")
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    for label, costs in curves.items():
        costs = np.asarray(costs, dtype=float)
        if costs.ndim != 1:
            raise ValueError(f"成本序列应为一维，实际 {label!r} 的形状为 {costs.shape}")
        ax.plot(np.arange(costs.size), costs, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logy:
        ax.set_yscale("log")
    ax.legend()
    return ax


def plot_data_2d(X, Y, ax=None, figsize=(5, 5)):
    """二维数据的散点图：y = 1 画红色圆点，y = 0 画蓝色叉"""
    X = as_matrix("X", X, 2)
    Y = as_labels("Y", Y, X.shape[1])
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    pos = Y[0] == 1
    ax.scatter(X[0, pos], X[1, pos], s=18, c=COLORS["pos"], marker="o", label="$y = 1$")
    ax.scatter(X[0, ~pos], X[1, ~pos], s=22, c=COLORS["neg"], marker="x", label="$y = 0$")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal", adjustable="box")
    return ax


def plot_decision_boundary(w, b, X, Y, ax=None, shade=True, figsize=(5, 5), label="$w^Tx + b = 0$", color="k"):
    """二维数据与决策边界 w₁x₁ + w₂x₂ + b = 0（以及可选的 ŷ 等高着色）

    w: (2, 1)  b: 标量  X: (2, m)  Y: (1, m)
    """
    w = as_column("w", w, 2)
    b = as_scalar("b", b)
    ax = plot_data_2d(X, Y, ax=ax, figsize=figsize)
    X = np.asarray(X, dtype=float)
    pad = 0.8
    x1 = np.linspace(X[0].min() - pad, X[0].max() + pad, 200)
    x2 = np.linspace(X[1].min() - pad, X[1].max() + pad, 200)
    if shade:
        G1, G2 = np.meshgrid(x1, x2)
        P = _sigmoid(w[0, 0] * G1 + w[1, 0] * G2 + b)
        ax.contourf(G1, G2, P, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.25)
    if abs(w[1, 0]) > 1e-12:
        ax.plot(x1, -(w[0, 0] * x1 + b) / w[1, 0], color=color, lw=2, label=label)
    elif abs(w[0, 0]) > 1e-12:
        ax.axvline(-b / w[0, 0], color=color, lw=2, label=label)
    ax.set_xlim(x1[0], x1[-1])
    ax.set_ylim(x2[0], x2[-1])
    ax.legend(loc="upper left")
    return ax
