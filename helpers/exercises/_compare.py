"""比较学习者的结果与参考值，并说出常见的错误：形状、类型、差了 m 倍、尺寸写死、顺序不对"""

import itertools

import numpy as np

from ._runner import fail


def close(got, want):
    """数值上相等（相对误差 1e-6 以内）"""
    try:
        if np.iscomplexobj(got):
            return False
        got = np.asarray(got, dtype=float)
        return got.shape == np.shape(want) and np.allclose(got, want, rtol=1e-6, atol=1e-9)
    except (TypeError, ValueError):
        return False


def _subject(what):
    """“cost 是”，“返回值是”：英文名字后面空一格，中文后面不空"""
    return what + (" " if what[-1:].isascii() else "")


def python_float(value, what):
    """value 应为 Python float（np.float64 是 float 的子类，算对）；返回它

    0 维或只有一个元素的数组、整数、np.float32 都判错，并说明怎么转换：
    numpy 2 里 float(...) 不接受形状 (1, 1)、(1,) 的数组，所以一律建议 .item()。
    """
    if isinstance(value, float):
        return value
    what = _subject(what)
    if isinstance(value, np.ndarray) and value.dtype.kind == "c" or isinstance(value, complex):
        fail(f"{what}是复数，应为 Python float：检查是不是对负数开了方、取了对数，"
             f"或者用了 complex 类型")
    if isinstance(value, np.ndarray):
        if value.size == 1:
            fail(f"{what}是形状为 {value.shape} 的数组，应为一个 Python float："
                 f"用 .item() 取出那个数")
        fail(f"{what}是形状为 {value.shape} 的数组，应为一个 Python float："
             f"要先求和或求平均（np.sum、np.mean）得到一个数")
    if isinstance(value, (bool, np.bool_)):
        fail(f"{what}是布尔值，应为 Python float")
    if isinstance(value, (int, np.integer)):
        if abs(value) < 10 ** 12:
            fail(f"{what}是整数 {value}，应为浮点数：写成 {value}.0 或 float(...)")
        fail(f"{what}是一个很大的整数，应为浮点数：运算里用浮点数（比如 1.0 而不是 1）")
    if isinstance(value, np.generic):
        fail(f"{what}的类型是 {type(value).__name__}，应为 Python float：用 .item() 取出")
    fail(f"{what}的类型是 {type(value).__name__}，应为 Python float")


def array_of_shape(value, what, shape, seen=(), source="X.shape[1]",
                   keep="比如矩阵乘法、keepdims=True"):
    """value 应为形状 shape 的 numpy 数组；rank-1、转置、写死的尺寸、其他形状各自说明

    seen: 前几组数据应有的形状；value 还是其中之一，说明尺寸写死了
    source: 尺寸该从哪个参数取（写进提示）；keep: 怎样让计算保持二维（写进提示）
    """
    what = _subject(what)
    if not isinstance(value, np.ndarray):
        fail(f"{what}的类型是 {type(value).__name__}，应为形状 {shape} 的 numpy 数组")
    if value.shape == shape:
        return value
    if value.shape in seen:
        fail(f"{what}的形状是 {value.shape}，没有跟着输入变（这次应为 {shape}）："
             f"尺寸写死了？形状一律从参数取，比如 {source}")
    if value.ndim == 1 and value.size == int(np.prod(shape)):
        fail(f"{what}是 rank-1 数组，形状 {value.shape}，应为 {shape}："
             f"用 .reshape{shape} 或让计算保持二维（{keep}）")
    if len(shape) == 2 and value.shape == shape[::-1]:
        fail(f"{what}的形状是 {value.shape}，转置了：应为 {shape}")
    fail(f"{what}的形状是 {value.shape}，应为 {shape}")


def unpack(result, names):
    """result 应为长度 len(names) 的元组（或列表）；返回它"""
    want = "(" + ", ".join(names) + ")"
    if not isinstance(result, (tuple, list)):
        fail(f"返回的是 {type(result).__name__}，应返回 {len(names)} 个值 {want}："
             f"写成 return {', '.join(names)}")
    if len(result) != len(names):
        fail(f"返回了 {len(result)} 个值，应返回 {len(names)} 个：{want}")
    return tuple(result)


def check_order(result, expected, names):
    """每个位置都不对、但换个顺序就全对：说“顺序不对”"""
    for perm in itertools.permutations(range(len(names))):
        if perm != tuple(range(len(names))) and all(
                close(result[i], expected[j]) for j, i in enumerate(perm)):
            fail(f"返回值的顺序不对：应按 ({', '.join(names)}) 的顺序返回")


def scale_mistake(ratio, m, what):
    """结果是正确值的 ratio 倍：说出 1/m 忘了还是多除了（m > 1 时才分辨得出）"""
    if m > 1 and np.isclose(ratio, m, rtol=1e-6):
        return (f"{what} 大了 m 倍：忘了除以 m（求平均要乘 1/m），"
                f"或者 m 取错了维度（m 是样本数，即列数 .shape[1]；"
                f"(1, m) 数组的 len(·) 和 .shape[0] 都是 1）")
    if m > 1 and np.isclose(ratio, 1 / m, rtol=1e-6):
        return f"{what} 小了 m 倍：多除了一次 m（1/m 只乘一次）"
    return None


def fail_if(message):
    """message 不是 None 就判错"""
    if message:
        fail(message)


def hard_coded(wrong, divisors, cases):
    """尺寸写死的两种迹象；都没有时返回 None

    wrong: 出错的情形（说明文字）；cases: 一共几种情形
    divisors: 每种情形里学习者实际“除以的 m”（正确时就是 m）：都一样说明 m 写死了
    """
    if (len(divisors) > 1 and np.allclose(divisors, divisors[0], rtol=1e-6)
            and 0.5 <= divisors[0] < 1e6):
        return (f"除以的 m 不随数据变（总是 {divisors[0]:.4g}）：m 写死了？"
                f"m 是样本数，从参数的形状里取（列数 .shape[1]）")
    if len(wrong) < cases:
        return (f"有的形状对、{wrong[0]} 时不对：是不是把尺寸写死了？"
                f"形状一律从参数取（比如样本数 m 是列数 .shape[1]）")
    return None


def scaled_by(got, want):
    """got 是 want 的常数倍时返回这个倍数，否则返回 None"""
    try:
        got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
        if got.shape != want.shape or not np.any(want):
            return None
        ratio = float(np.sum(got * want) / np.sum(want * want))
        return ratio if close(got, ratio * want) else None
    except (TypeError, ValueError):
        return None
