"""画图：统一的样式、成本曲线、二维数据与决策边界，以及图上文字的检查

图上的文字最好只用数学符号和英文，中文说明写在图下方的 markdown 里；
要在图上写中文时，本机有中文字体就用它补上缺的字，没有就用中文说明怎么办
"""

import matplotlib.pyplot as plt
import numpy as np

from . import kernel
from .checks import as_array, as_column, as_samples, check_finite
from .figtext import check_axes, check_color, check_text, use_cjk_font
from .scalars import as_scalar

COLORS = {"pos": "#d62728", "neg": "#1f77b4"}

def set_style():
    """全课统一的绘图样式（字号、网格、分辨率）；本机有中文字体时用它补上图中的中文"""
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
    use_cjk_font()


def plot_costs(curves, xlabel="iteration", ylabel="$J(w, b)$", logy=False, ax=None, figsize=(6.4, 4)):
    """成本曲线：curves 为 {图例: 成本序列}（序列的第 k 个值画在横坐标 k 处）

    logy=True 时纵轴取对数，要求至少有一个正的成本
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError("curves 应为非空字典 {图例: 成本序列}")
    check_axes(ax, figsize)
    series = {}
    for label, costs in curves.items():
        name = f"curves[{label!r}]"
        costs = as_array(name, costs)
        if costs.ndim != 1:
            raise ValueError(f"成本序列应为一维，实际 {name} 的形状为 {costs.shape}")
        if costs.size == 0:
            raise ValueError(f"{name} 是空的，画不出曲线：至少要有一个成本")
        check_finite(name, costs)
        text = check_text("图例", str(label))
        if text in series:
            raise ValueError(f"curves 里有两条曲线的图例都写作 {text!r}，图上分不清：换个名字")
        if text.startswith("_"):
            raise ValueError(f"图例 {text!r} 以下划线开头，matplotlib 会把它从图例里藏起来：去掉开头的 _")
        series[text] = costs
    check_text("xlabel", xlabel)
    check_text("ylabel", ylabel)
    if logy and not any(np.any(c > 0) for c in series.values()):
        raise ValueError("logy=True 时纵轴取对数，但没有一个成本是正数，画不出来：用 logy=False")
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    for label, costs in series.items():
        ax.plot(np.arange(costs.size), costs, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logy:
        ax.set_yscale("log", nonpositive="mask")
    ax.legend()
    return ax


def _checked_data_2d(X, Y):
    X, Y = as_samples(X, Y, 2, ref="二维数据的特征数")
    check_finite("X", X)
    return X, Y


def plot_data_2d(X, Y, ax=None, figsize=(5, 5)):
    """二维数据的散点图：y = 1 画红色圆点，y = 0 画蓝色叉；X (2, m)，Y (1, m)"""
    X, Y = _checked_data_2d(X, Y)
    check_axes(ax, figsize)
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
    w 再小（只要不全为 0）也画出边界；w = 0 时没有边界，打印一句说明
    """
    w = as_column("w", w)
    if w.shape[0] != 2:
        raise ValueError(f"plot_decision_boundary 只画两个特征的数据：w 的形状应为 (2, 1)，实际为 "
                         f"{w.shape}；特征多于两个时，决策边界不是平面上的一条直线")
    check_finite("w", w)
    b = as_scalar("b", b)
    X, Y = _checked_data_2d(X, Y)
    check_text("label", label)
    check_color("color", color)
    ax = plot_data_2d(X, Y, ax=ax, figsize=figsize)
    pad = 0.8
    x1 = np.linspace(X[0].min() - pad, X[0].max() + pad, 200)
    x2 = np.linspace(X[1].min() - pad, X[1].max() + pad, 200)
    if shade:
        G1, G2 = np.meshgrid(x1, x2)
        with np.errstate(all="ignore"):     # w 很大时 wᵀx 溢出：着色只差在边界附近
            P = kernel.sigmoid(w[0, 0] * G1 + w[1, 0] * G2 + b)
        ax.contourf(G1, G2, P, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.25)
    if not w.any():
        print("w = 0：wᵀx + b 处处等于 b，没有决策边界可画（所有点的 ŷ 都是 σ(b)）")
    else:
        _plot_boundary(ax, w, b, x1, x2, color, label)
    ax.set_xlim(x1[0], x1[-1])
    ax.set_ylim(x2[0], x2[-1])
    ax.legend(loc="upper left")
    return ax


def _plot_boundary(ax, w, b, x1, x2, color, label):
    """画 w₁x₁ + w₂x₂ + b = 0：w 同除以 max|wⱼ| 不改变它，w 再小也照样画；
    按较大的那个分量解出另一个坐标，斜率的绝对值不超过 1，不会除以 0"""
    top = np.max(np.abs(w))
    w1, w2 = w[:, 0] / top
    with np.errstate(over="ignore"):
        c = b / top
    if not np.isfinite(c):
        print(f"|b| / max|w| = {abs(b):.3g} / {top:.3g} 超出了浮点数范围：决策边界在无穷远处，"
              f"画不到图里（所有点的 ŷ 都接近 σ(b)）")
        return
    with np.errstate(all="ignore"):         # 边界远在图外时 w₁x₁ + c 可能溢出：那就画不到
        if abs(w2) >= abs(w1):
            ax.plot(x1, -(w1 * x1 + c) / w2, color=color, lw=2, label=label)
        else:
            ax.plot(-(w2 * x2 + c) / w1, x2, color=color, lw=2, label=label)
