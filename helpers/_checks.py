"""输入检查：在公开函数的入口处把错误的输入挡下来，并用中文说明期望什么、实际给了什么

这里的函数只看形状、类型和少量小数组的取值；对大矩阵 X 不做额外的整遍扫描
（NaN/inf 由调用方在算完小结果后再查，见 gradients.py）。
"""

import numbers

import numpy as np


def _describe(a):
    """一句话描述数组的形状，rank-1 时给出提示"""
    if a.ndim == 1:
        return f"{a.shape}：这是一个 rank-1 数组"
    return f"{a.shape}"


def as_array(name, value):
    """把 value 转成数值型 ndarray；非数值类型给出 TypeError

    布尔和整数转为 float64；float32/float64 保持不变（不复制）
    """
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    if isinstance(value, np.ndarray):
        a = value
    else:
        try:
            a = np.asarray(value)
        except Exception as exc:  # 比如长度不齐的嵌套列表
            raise TypeError(f"{name} 应为数值数组，实际无法转成数组（{type(value).__name__}）：{exc}") from None
    kind = a.dtype.kind
    if kind == "c":
        raise TypeError(f"{name} 应为实数数组，实际的 dtype 为 {a.dtype}")
    if kind not in "fiub":
        raise TypeError(f"{name} 应为数值数组（float 或 int），实际的 dtype 为 {a.dtype}")
    if a.dtype.char not in "fd":           # 只有 float32（'f'）和 float64（'d'）原样保留
        a = a.astype(np.float64)
    return a


def check_finite(name, a):
    """a 中不许有 NaN 或 inf（只用在小数组上，或作为出错后的诊断）"""
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    if not np.all(np.isfinite(a)):
        bad = np.argwhere(~np.isfinite(np.atleast_1d(a)))[0]
        where = tuple(int(i) for i in bad)
        value = np.atleast_1d(a)[where]
        raise ValueError(f"{name} 中应只有有限数值，实际在位置 {where} 处为 {value}（NaN 或 inf）")


def check_not_empty(name, a):
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    if a.size == 0:
        raise ValueError(f"{name} 不应为空数组，实际形状为 {a.shape}")


# 行向量与列向量的检查只差一个轴：(1, m) 沿第 1 轴排开，(n, 1) 沿第 0 轴排开
_VECTOR = {
    "row": dict(axis=1, symbol="m", count="样本数", shape="(1, {})", reshape="reshape(1, -1)", other="列"),
    "column": dict(axis=0, symbol="n", count="特征数", shape="({}, 1)", reshape="reshape(-1, 1)", other="行"),
}


def _as_vector(name, value, kind, length):
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    v = _VECTOR[kind]
    a = as_array(name, value)
    check_not_empty(name, a)
    if a.ndim != 2 or a.shape[1 - v["axis"]] != 1:
        hint = ""
        if a.ndim == 1:
            hint = f"，试试 {name}.{v['reshape']}"
        elif a.ndim == 2 and a.shape[v["axis"]] == 1:
            hint = f"：看起来是{v['other']}向量，试试 {name}.T"
        want = v["shape"].format(v["symbol"] if length is None else length)
        raise ValueError(f"{name} 的形状应为 {want}，实际为 {_describe(a)}{hint}")
    if length is not None and a.shape[v["axis"]] != length:
        raise ValueError(f"{name} 的形状应为 {v['shape'].format(length)}"
                         f"（与 X 的{v['count']} {v['symbol']}={length} 一致），实际为 {a.shape}")
    return a


def as_row(name, value, m=None):
    """形状应为 (1, m) 的行向量，比如 Y、A、Z"""
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    return _as_vector(name, value, "row", m)


def as_labels(name, value, m=None):
    """标签行向量 (1, m)，取值只能是 0 或 1"""
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    a = as_row(name, value, m)
    if np.any(a * (a - 1)):                # 0 和 1 得 0；其他值、NaN、inf 都不为 0：一次检查全部
        check_finite(name, a)
        bad = (a != 0) & (a != 1)
        values = np.unique(a[bad])[:5]
        shown = ", ".join(f"{v:g}" for v in values)
        raise ValueError(f"{name} 的取值应只有 0 和 1，实际还出现了 {shown}")
    return a


def as_column(name, value, n=None):
    """形状应为 (n, 1) 的列向量，比如 w、dw"""
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    return _as_vector(name, value, "column", n)


def as_matrix(name, value, n=None):
    """样本按列排的矩阵 X，形状 (n, m)；n 给出时检查行数，并识别 (m, n) 的转置错误"""
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    a = as_array(name, value)
    check_not_empty(name, a)
    if a.ndim != 2:
        hint = ""
        if a.ndim == 1:
            hint = "，试试 X.reshape(n, m)（一个特征时为 X.reshape(1, -1)）"
        elif a.ndim > 2:
            hint = "；图像要先展平：X = images.reshape(m, -1).T"
        raise ValueError(f"{name} 的形状应为 (n, m)：每列一个样本，实际为 {_describe(a)}{hint}")
    if n is not None and a.shape[0] != n:
        if a.shape[1] == n:
            raise ValueError(
                f"{name} 的形状应为 ({n}, m)：每列一个样本，实际为 {a.shape}："
                f"看起来样本排成了行，试试 {name}.T"
            )
        raise ValueError(f"{name} 的行数应等于 w 的特征数 n={n}，实际形状为 {a.shape}")
    return a


def as_scalar(name, value):
    """标量（比如偏置 b、学习率），返回 Python float"""
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    if isinstance(value, np.ndarray):
        if value.size != 1:
            raise ValueError(f"{name} 应为一个标量，实际是形状为 {value.shape} 的数组")
        value = value.reshape(())[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        raise TypeError(f"{name} 应为实数标量，实际为 {type(value).__name__}：{value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} 应为有限数值，实际为 {value}")
    return value


def as_positive_int(name, value):
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Integral, np.integer)):
        raise TypeError(f"{name} 应为正整数，实际为 {type(value).__name__}：{value!r}")
    if value <= 0:
        raise ValueError(f"{name} 应为正整数，实际为 {value}")
    return int(value)


def as_positive(name, value):
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    v = as_scalar(name, value)
    if v <= 0:
        raise ValueError(f"{name} 应为正数，实际为 {v}")
    return v
