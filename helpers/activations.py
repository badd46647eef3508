"""sigmoid 函数及其导数"""

import numpy as np

from ._checks import as_array, check_finite


def _sigmoid(z, e=None):
    """数值稳定的 σ(z)，z 为 float32/float64 数组，不检查输入

    只对 -|z| 取指数，所以永远不会上溢：
    z ≥ 0 时 σ(z) = 1 / (1 + e^{-z})，z < 0 时 σ(z) = e^{z} / (1 + e^{z})
    e: 可选，已算好的 e^{-|z|}（与成本共用，省一次指数运算）
    """
    if e is None:
        e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1, e) / (1 + e)


def _unwrap(a):
    """0 维结果返回 Python float，其余原样返回"""
    return float(a) if a.ndim == 0 else a


def sigmoid(z):
    """σ(z) = 1 / (1 + e^{-z})，逐元素计算

    z: 标量或任意形状的数组；返回同形状（标量输入返回 float）
    对任何有限的 z 都不溢出、不报警告；float32 输入得到 float32 输出
    """
    z = as_array("z", z)
    check_finite("z", z)
    return _unwrap(_sigmoid(z))


def sigmoid_derivative(z):
    """σ'(z) = σ(z)(1 − σ(z))，逐元素计算

    z: 标量或任意形状的数组；返回同形状（标量输入返回 float）
    """
    z = as_array("z", z)
    check_finite("z", z)
    s = _sigmoid(z)
    return _unwrap(s * (1 - s))
