"""sigmoid 函数及其导数：入口检查 → kernel 里的稳定公式"""

from . import kernel
from .checks import as_array, check_finite


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
    return _unwrap(kernel.sigmoid(z))


def sigmoid_derivative(z):
    """σ'(z) = σ(z)(1 − σ(z))，逐元素计算

    z: 标量或任意形状的数组；返回同形状（标量输入返回 float）
    按 e^{−|z|} / (1 + e^{−|z|})² 计算：z 很大或很小时相对精度都不丢
    （直接算 s(1 − s) 时 σ'(40) 会变成 0，而真值约为 4.25e-18）
    """
    z = as_array("z", z)
    check_finite("z", z)
    return _unwrap(kernel.sigmoid_derivative(z))
