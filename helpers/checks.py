"""入口处的检查：挡下错误的输入，用中文说明期望什么、实际给了什么

这里只看形状、类型和小数组的取值，不对大矩阵 X 整遍扫描：w、X 里的 NaN/inf
一定会传到结果里，结果不是有限数时再由 diagnose_nonfinite 找出是哪个输入、哪个位置
"""

import numpy as np

from .scalars import as_scalar


def _describe(a):
    """一句话描述数组的形状，rank-1 时点明"""
    return f"{a.shape}：这是一个 rank-1 数组" if a.ndim == 1 else f"{a.shape}"


def as_array(name, value):
    """转成数值型 ndarray：bool、int 转为 float64，float32/float64 原样保留（不复制）

    np.matrix 按普通二维数组处理（它的 * 是矩阵乘法，混进计算会悄悄算错）；
    带掩码的数组（np.ma）不接受：掩码会被悄悄丢掉
    """
    __tracebackhide__ = True    # IPython 的报错里不显示这一层，只留下调用处
    if isinstance(value, np.ma.MaskedArray):
        raise TypeError(f"{name} 是带掩码的数组（np.ma），掩码会被忽略："
                        f"先用 {name}.filled(值) 填上被掩盖的位置，或去掉那些样本")
    if type(value) is np.ndarray:
        a = value
    else:
        try:
            a = np.asarray(value)
        except Exception as exc:  # 比如长度不齐的嵌套列表
            why = ("：各行的长度不一样（比如 [[1, 2], [3]]），每行应有同样多的数"
                   if isinstance(exc, ValueError) and "inhomogeneous" in str(exc)
                   else f"（{type(exc).__name__}）")
            raise TypeError(f"{name} 应为数值数组，实际无法转成数组"
                            f"（{type(value).__name__}）{why}") from None
    if a.dtype.kind == "c":
        raise TypeError(f"{name} 应为实数数组，实际的 dtype 为 {a.dtype}")
    if a.dtype.kind == "O":
        try:                               # 比如 10**400：Python 的整数没有上限，float 有
            np.asarray(value, dtype=np.float64)
        except OverflowError:
            raise ValueError(f"{name} 里有超出浮点数范围（约 ±1.8e308）的数，"
                             f"实际无法转成 float") from None
        except (TypeError, ValueError):
            pass
    if a.dtype.kind not in "fiub":
        raise TypeError(f"{name} 应为数值数组（float 或 int），实际的 dtype 为 {a.dtype}")
    return a if a.dtype.char in "fd" else a.astype(np.float64)


def check_finite(name, a):
    """a 中不许有 NaN 或 inf（用在小数组上，或作为出错后的诊断）"""
    __tracebackhide__ = True
    if not np.all(np.isfinite(a)):
        a = np.atleast_1d(a)
        where = tuple(int(i) for i in np.argwhere(~np.isfinite(a))[0])
        raise ValueError(f"{name} 中应只有有限数值，实际在位置 {where} 处为 {a[where]}（NaN 或 inf）")


def diagnose_nonfinite(w, b, X, z_finite=None):
    """结果里出现了 NaN/inf：找出是 w 或 X 里的哪个位置；输入都有限时，
    说清楚溢出的是 Z = wᵀX + b，还是之后的求和（比如 dw = X dZᵀ / m）

    z_finite: 调用者自己算的 Z 是否有限（求和顺序不同，结果可能不同）；None 时这里算
    """
    __tracebackhide__ = True
    check_finite("w", w)
    check_finite("X", X)
    dtype = np.result_type(w, X)
    top = float(np.finfo(dtype).max)
    if abs(b) > top:
        raise ValueError(f"b = {b:.3g} 超出了 {dtype} 能表示的范围（约 ±{top:.3g}）："
                         f"b 取小一些，或者 w、X 用 float64")
    sizes = (f"max|w| = {np.max(np.abs(w)):.3g}，|b| = {abs(b):.3g}，"
             f"max|X| = {np.max(np.abs(X)):.3g}")
    if z_finite is None:
        with np.errstate(all="ignore"):
            z_finite = np.isfinite(w.T @ X + b).all()
    if not z_finite:
        raise ValueError(f"Z = wᵀX + b 超出了浮点数范围（溢出成 inf）：输入虽然都是有限数，"
                         f"但 {sizes}；试试先标准化 X")
    raise ValueError(f"Z = wᵀX + b 是有限数，但之后的求和（dw = X dZᵀ / m、db 或成本）"
                     f"超出了浮点数范围：{sizes}；试试先标准化 X")


# 行向量与列向量只差一个轴：(1, m) 沿第 1 轴排开，(n, 1) 沿第 0 轴排开
_VECTOR = {
    "row": dict(axis=1, symbol="m", count="样本数", shape="(1, {})",
                reshape="reshape(1, -1)", other="列"),
    "column": dict(axis=0, symbol="n", count="特征数", shape="({}, 1)",
                   reshape="reshape(-1, 1)", other="行"),
}


def _as_vector(name, value, kind, length, ref):
    __tracebackhide__ = True
    v = _VECTOR[kind]
    a = as_array(name, value)
    if a.size == 0:
        raise ValueError(f"{name} 不应为空数组，实际形状为 {a.shape}")
    if a.ndim != 2 or a.shape[1 - v["axis"]] != 1:
        hint = ""
        if a.ndim == 1:
            hint = f"，试试 {name}.{v['reshape']}"
        elif a.ndim == 2 and a.shape[v["axis"]] == 1:
            hint = f"：看起来是{v['other']}向量，试试 {name}.T"
        want = v["shape"].format(v["symbol"] if length is None else length)
        raise ValueError(f"{name} 的形状应为 {want}，实际为 {_describe(a)}{hint}")
    if length is not None and a.shape[v["axis"]] != length:
        raise ValueError(f"{name} 的形状应为 {v['shape'].format(length)}（与 {ref} 的"
                         f"{v['count']} {v['symbol']}={length} 一致），实际为 {a.shape}")
    return a


def as_row(name, value, m=None, ref="X"):
    """形状应为 (1, m) 的行向量，比如 Y、A、Z；ref 是给出 m 的那个参数的名字"""
    __tracebackhide__ = True
    return _as_vector(name, value, "row", m, ref)


def show_values(values):
    """列出数组里的几个数，按它自己的 dtype 用能区分相邻浮点数的最短写法
    （float64 的 1.0000000000000002 不会显示成 1，float32 的 0.1 不会显示成 0.10000000149011612）"""
    return ", ".join(str(v) for v in values)


def as_labels(name, value, m=None, ref="X"):
    """标签行向量 (1, m)，取值只能是 0 或 1"""
    __tracebackhide__ = True
    a = as_row(name, value, m, ref)
    # 既不是 0 也不是 1 的（包括 NaN、inf）；用比较而不是 a(a − 1)：很大的值不会溢出出警告
    if np.count_nonzero((a != 0) & (a != 1)):
        check_finite(name, a)
        shown = show_values(np.unique(a[(a != 0) & (a != 1)])[:5])
        raise ValueError(f"{name} 的取值应只有 0 和 1，实际还出现了 {shown}")
    return a


def as_column(name, value, n=None, ref="X"):
    """形状应为 (n, 1) 的列向量，比如 w、dw；ref 是给出 n 的那个参数的名字"""
    __tracebackhide__ = True
    return _as_vector(name, value, "column", n, ref)


def as_matrix(name, value, n=None, ref="w 的特征数"):
    """样本按列排的矩阵 (n, m)；n 给出时检查行数（ref 说 n 从哪来），并识别 (m, n) 的转置"""
    __tracebackhide__ = True
    a = as_array(name, value)
    if a.size == 0:
        raise ValueError(f"{name} 不应为空数组，实际形状为 {a.shape}")
    if a.ndim != 2:
        hint = ""
        if a.ndim == 1:
            hint = f"，试试 {name}.reshape(n, m)（一个特征时为 {name}.reshape(1, -1)）"
        elif a.ndim > 2:
            hint = f"；图像要先展平：{name} = images.reshape(m, -1).T"
        raise ValueError(f"{name} 的形状应为 (n, m)：每列一个样本，实际为 {_describe(a)}{hint}")
    if n is not None and a.shape[0] != n:
        if a.shape[1] == n:
            raise ValueError(f"{name} 的形状应为 ({n}, m)：每列一个样本，实际为 {a.shape}："
                             f"看起来样本排成了行，试试 {name}.T")
        raise ValueError(f"{name} 的行数应等于{ref} n={n}，实际形状为 {a.shape}")
    return a


def as_samples(X, Y, n=None, labels=True, ref="w 的特征数"):
    """X (n, m) 与 Y (1, m)；样本数对不上、而 X 转置后对得上时，指出 X 排反了"""
    __tracebackhide__ = True
    X = as_matrix("X", X, n, ref)
    y = as_array("Y", Y)
    # 只在 X.T 确实合适时才建议它：n 给定时 X 的行数已经对上了 n，X.T 不会合适
    if (n is None and y.ndim == 2 and y.shape[0] == 1
            and y.shape[1] == X.shape[0] != X.shape[1]):
        raise ValueError(f"X 有 {X.shape[1]} 列（每列一个样本），而 Y 有 {y.shape[1]} 个样本，"
                         f"对不上：X 的形状为 {X.shape}；如果样本排成了行，试试 X.T，"
                         f"否则检查 Y")
    return X, (as_labels if labels else as_row)("Y", y, X.shape[1])


def check_wbXY(w, b, X, Y):
    """w (n, 1)、有限的标量 b、X (n, m)、0/1 的 Y (1, m)；Y 转成与 w、X 相同的 dtype"""
    __tracebackhide__ = True
    w = as_column("w", w)
    b = as_scalar("b", b)
    X, Y = as_samples(X, Y, w.shape[0])
    return w, b, X, Y.astype(np.result_type(w, X), copy=False)
