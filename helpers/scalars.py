"""入口处的检查：标量、正整数、随机数种子，返回 Python 的 float 或 int"""

import math
import numbers

import numpy as np


def as_scalar(name, value):
    """有限的实数标量（比如偏置 b、学习率），返回 Python float"""
    __tracebackhide__ = True
    if type(value) is float and math.isfinite(value):    # 最常见的情形，先走捷径
        return value
    if isinstance(value, np.ndarray):
        if value.size != 1:
            raise ValueError(f"{name} 应为一个标量，实际是形状为 {value.shape} 的数组")
        value = value.reshape(())[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        raise TypeError(f"{name} 应为实数标量，实际为 {type(value).__name__}：{value!r}")
    try:
        value = float(value)
    except OverflowError:                  # 比如 10**400：Python 的整数没有上限，float 有
        what = (f"一个 {len(str(abs(value)))} 位的整数" if isinstance(value, numbers.Integral)
                else f"一个更大的 {type(value).__name__}")
        raise ValueError(f"{name} 超出了浮点数的范围（约 ±1.8e308），实际是{what}") from None
    if not np.isfinite(value):
        raise ValueError(f"{name} 应为有限数值，实际为 {value}")
    return value


def _as_int(name, value, low, what):
    __tracebackhide__ = True
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Integral, np.integer)):
        raise TypeError(f"{name} 应为{what}，实际为 {type(value).__name__}：{value!r}")
    if value < low:
        raise ValueError(f"{name} 应为{what}，实际为 {value}")
    return int(value)


def as_positive_int(name, value):
    __tracebackhide__ = True
    return _as_int(name, value, 1, "正整数")


def as_seed(name, value):
    """随机数种子：非负整数；None 不接受（每次结果都不同，课程里的结果要能复现）"""
    __tracebackhide__ = True
    if value is None:
        raise TypeError(f"{name} 应为非负整数（比如 0），实际为 None：同一个 {name} 每次"
                        f"得到同样的结果；想看另一种随机结果，就换一个整数")
    return _as_int(name, value, 0, "非负整数（比如 0）")


def as_positive(name, value):
    __tracebackhide__ = True
    v = as_scalar(name, value)
    if v <= 0:
        raise ValueError(f"{name} 应为正数，实际为 {v}")
    return v
