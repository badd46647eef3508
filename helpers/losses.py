"""损失函数（单个样本）与成本函数（全部样本的平均）"""

import numpy as np

from . import kernel
from .checks import as_array, as_labels, as_row, check_finite, show_values


def _check_pair(y_hat, y):
    y_hat = as_array("y_hat", y_hat)
    check_finite("y_hat", y_hat)
    y = as_array("y", y)
    if y_hat.shape != y.shape:
        raise ValueError(f"y_hat 与 y 的形状应相同，实际为 {y_hat.shape} 和 {y.shape}")
    if y_hat.size == 0:
        raise ValueError(f"y_hat 不应为空数组，实际形状为 {y_hat.shape}")
    if np.any((y_hat < 0) | (y_hat > 1)):
        raise ValueError(f"y_hat 是概率，取值应在 [0, 1] 内，"
                         f"实际最小为 {y_hat.min():g}、最大为 {y_hat.max():g}")
    check_finite("y", y)
    if np.any((y != 0) & (y != 1)):
        bad = show_values(np.unique(y[(y != 0) & (y != 1)])[:5])
        raise ValueError(f"y 的取值应只有 0 和 1，实际还出现了 {bad}")
    return y_hat, y


def loss(y_hat, y):
    """单个样本的损失 L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))，逐元素计算

    y_hat: 概率，标量或数组；y: 同形状的 0/1 标签
    返回同形状（标量输入返回 float）。ŷ 恰为 0 或 1 且与 y 相反时损失为 inf（不报警告）
    """
    y_hat, y = _check_pair(y_hat, y)
    with np.errstate(divide="ignore", invalid="ignore"):
        # 只取与标签对应的那一项，避免 0 * log(0) = nan
        # 0.0 − …：ŷ 恰与 y 相同时得 +0.0，而不是 −0.0
        out = 0.0 - np.where(y == 1, np.log(y_hat), np.log(1 - y_hat))
    return float(out) if out.ndim == 0 else out


def cost(y_hat, y):
    """成本 J = (1/m) Σᵢ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)，返回 Python float

    y_hat, y: 形状 (1, m)
    """
    y = as_labels("y", y)
    y_hat = as_row("y_hat", y_hat, y.shape[1], ref="y")
    return float(np.mean(loss(y_hat, y)))


def cost_from_z(Z, Y):
    """数值稳定的成本：由 Z = wᵀX + b 直接计算 J，返回 Python float

    Z, Y: 形状 (1, m)；对任意有限的 Z 都有限、无警告（公式见 helpers.kernel.cost）
    """
    Y = as_labels("Y", Y)
    Z = as_row("Z", Z, Y.shape[1], ref="Y")
    check_finite("Z", Z)
    with np.errstate(over="ignore"):       # 求和越过上限时 kernel.cost 会再算一遍
        return kernel.cost(Z, Y.astype(Z.dtype, copy=False))
