"""逻辑回归模型：初始化参数、预测、准确率"""

import numpy as np

from . import kernel
from .checks import as_column, as_labels, as_matrix, diagnose_nonfinite
from .scalars import as_positive_int, as_scalar


def initialize_parameters(n, dtype=np.float64):
    """全零初始化：w 形状 (n, 1)，b = 0.0

    逻辑回归的成本是凸的，从 0 出发即可；多层网络才需要随机初始化
    """
    n = as_positive_int("n", n)
    try:
        ok = np.dtype(dtype) in (np.float32, np.float64)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise TypeError(f"dtype 应为 np.float32 或 np.float64，实际为 {dtype!r}")
    try:
        return np.zeros((n, 1), dtype=dtype), 0.0
    except (ValueError, MemoryError):
        raise ValueError(f"n 是特征数，n = {n} 太大，内存放不下这么长的 w") from None


def _checked_z(w, b, X):
    """入口检查 w (n, 1)、b、X (n, m) → Z = wᵀX + b → Z 不是有限数时找出原因"""
    __tracebackhide__ = True
    w = as_column("w", w)
    b = as_scalar("b", b)
    X = as_matrix("X", X, w.shape[0])
    with np.errstate(all="ignore"):
        Z = kernel.linear(w, b, X)
    if not np.isfinite(Z).all():
        diagnose_nonfinite(w, b, X)
    return Z


def predict_proba(w, b, X):
    """ŷ = σ(wᵀX + b)，形状 (1, m)"""
    return kernel.sigmoid(_checked_z(w, b, X))


def predict(w, b, X):
    """预测标签：ŷ ≥ 0.5 时为 1，否则为 0；返回形状 (1, m) 的 int 数组

    数学上 σ(z) ≥ 0.5 与 z ≥ 0 等价；但 z 略小于 0（比如 −1e-17）时，浮点数的
    σ(z) 恰好舍入成 0.5。这里直接比较 predict_proba 的 ŷ，两者总是一致
    """
    return (predict_proba(w, b, X) >= 0.5).astype(np.int64)


def accuracy(Y_pred, Y):
    """预测正确的比例，返回 Python float；Y_pred、Y 形状 (1, m)，取值 0/1"""
    Y = as_labels("Y", Y)
    Y_pred = as_labels("Y_pred", Y_pred, Y.shape[1], ref="Y")
    return float(np.mean(Y_pred == Y))
