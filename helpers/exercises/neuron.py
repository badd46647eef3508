"""第 03、04 课的练习：sigmoid 及其导数、单样本损失和成本"""

import numpy as np

from ._call import call
from ._compare import array_of_shape, close, fail_if, hard_coded, python_float, scale_mistake
from ._runner import exercise, fail, hides_warnings

_OVERFLOW = ("exp 上溢（RuntimeWarning 或 OverflowError）：1/(1+e^{−z}) 在 z = −1000、"
             "e^{z}/(1+e^{z}) 在 z = 1000 都会，np.where 又会把两支在整个数组上都算一遍；"
             "先算 e = np.exp(−|z|)，两支都只用它")


def sigma(z):
    """参考值：稳定的 σ(z)"""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1, e) / (1 + e)


def _z_cases():
    rng = np.random.default_rng(3)
    return [
        ("形状 (3, 4)", rng.normal(0, 3, (3, 4))),
        ("形状 (1, 5)", np.array([[-4.0, -0.5, 0.0, 0.5, 4.0]])),
        ("形状 (5, 1)", rng.normal(0, 2, (5, 1))),
        ("rank-1 (4,)", np.array([-2.0, -1.0, 1.0, 2.0])),
        ("|z| = 1000", np.array([[-1000.0, -40.0, 0.0, 40.0, 1000.0]])),
        ("整数数组", np.array([[-2, 0, 3]])),
        ("标量 z = 0.0", 0.0),
        ("标量 z = −2.0", -2.0),
    ]


def _same_shape(got, z, what):
    """标量进来可以是标量（或 0 维数组）出去；数组进来形状要一样"""
    if np.ndim(z) == 0:
        if not (isinstance(got, (float, np.floating))
                or (isinstance(got, np.ndarray) and got.ndim == 0)):
            fail(f"标量 z 进来，{what} 应是一个数，实际得到 {type(got).__name__}"
                 f"{getattr(got, 'shape', '')}：先 z = np.asarray(z)，别把它变成列表或多维数组")
        return np.asarray(got, dtype=float)
    if isinstance(got, np.ndarray) and got.dtype.kind in "iub" and z.dtype.kind == "i":
        fail(f"整数 z 进来，{what} 成了整数数组（小数被截掉了）：用 np.zeros(z.shape) 或 "
             f"np.zeros_like(z, dtype=float) 建结果，或直接用 np 的逐元素运算")
    return array_of_shape(got, what, z.shape)


@exercise("sigmoid", "与 z 同形的数组（标量 z 可以返回一个数）")
def sigmoid(fn):
    """σ(z) = 1/(1 + e^{−z})：形状不变、|z| = 1000 时不溢出、整数与标量输入也行"""
    for label, z in _z_cases():
        got = _same_shape(call(fn, dict(z=z), overflow=_OVERFLOW), z, "σ(z)")
        want = sigma(np.asarray(z, dtype=float))
        if close(got, want):
            continue
        if close(got, 1 - want):
            fail("算出的是 σ(−z)：指数的符号反了，或 np.where 的两支放反了"
                 "（z ≥ 0 时是 1/(1 + e^{−z})）")
        zf = np.asarray(z, dtype=float)
        with np.errstate(all="ignore"):
            e = np.exp(-zf)
            no_abs = np.where(zf >= 0, 1, e) / (1 + e)
        if np.all(np.isfinite(no_abs)) and close(got, no_abs):
            fail("z < 0 的那一支不对：两支共用的 e 要取 e^{−|z|}（np.exp(-np.abs(z))），"
                 "不是 e^{−z}")
        if np.isnan(got).any():
            fail(f"{label} 时结果里有 nan：e^{{z}}/(1+e^{{z}}) 这一支只能用在 z < 0 上，"
                 f"z ≥ 0 用 1/(1+e^{{−z}})")
        fail(f"{label} 时 σ(z) 的值不对：σ(z) = 1/(1 + e^{{−z}})，逐元素计算")
    if hides_warnings(fn):
        fail("值都对，但函数里用 np.errstate / warnings 把警告关掉了：朴素的写法照样上溢，"
             "只是看不见；去掉它，" + _OVERFLOW.split("；")[-1])
    return "sigmoid 对了：形状不变，|z| = 1000 也不溢出、没有警告，整数和标量输入都行"


@exercise("sigmoid_derivative", "与 z 同形的数组（标量 z 可以返回一个数）")
def sigmoid_derivative(fn):
    """σ'(z) = σ(z)(1 − σ(z))，逐元素、形状不变"""
    for label, z in _z_cases():
        if label == "|z| = 1000":
            z = np.array([[-30.0, -8.0, 0.0, 8.0, 30.0]])
        got = _same_shape(call(fn, dict(z=z)), z, "σ'(z)")
        zf = np.asarray(z, dtype=float)
        s = sigma(zf)
        if close(got, s * (1 - s)):
            continue
        if close(got, s):
            fail("返回的是 σ(z) 本身：导数是 σ(z)·(1 − σ(z))")
        if close(got, zf * (1 - zf)):
            fail("把 z 当成了 σ(z)：先算 s = σ(z)，再返回 s·(1 − s)")
        if close(got, s * (1 + s)) or close(got, -s * (1 - s)):
            fail("符号不对：σ'(z) = σ(z)·(1 − σ(z))，恒为正、最大 0.25")
        fail(f"{label} 时 σ'(z) 的值不对：σ'(z) = σ(z)·(1 − σ(z))")
    return "sigmoid_derivative 对了：σ(z)(1 − σ(z))，形状不变，标量和整数输入都行"


def losses(y_hat, y):
    """参考值：逐元素的交叉熵损失"""
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def loss_mistake(got, y_hat, y, what):
    """与正确损失对比，认出几种常见写法错误；认不出返回 None"""
    y_hat, y = np.asarray(y_hat, dtype=float), np.asarray(y, dtype=float)
    want = losses(y_hat, y)
    first = -y * np.log(y_hat)
    reduce = np.mean if np.ndim(got) == 0 else (lambda a: a)
    if np.all(got == 0) and np.any(want):
        return (f"{what}全是 0：损失没有算进去（循环里要累加 cost += …，"
                f"或者算好的值没有返回）")
    if np.all(got <= 0) and close(got, -reduce(want)):
        return f"少了负号：{what}应 ≥ 0，L = −(y·log ŷ + (1 − y)·log(1 − ŷ))"
    if close(got, reduce(want / np.log(10))):
        return "用了以 10 为底的对数：这里的 log 是自然对数 np.log"
    if close(got, reduce(first)):
        return "少了 (1 − y)·log(1 − ŷ) 这一项：y = 0 的样本全靠它"
    if close(got, reduce(-(y * np.log(1 - y_hat) + (1 - y) * np.log(y_hat)))):
        return "两个 log 项放反了：y 配 log ŷ，(1 − y) 配 log(1 − ŷ)"
    if close(got, reduce((y_hat - y) ** 2)) or close(got, reduce((y_hat - y) ** 2 / 2)):
        return "这是平方误差，不是交叉熵：L = −(y·log ŷ + (1 − y)·log(1 − ŷ))"
    return None


_LOSS_HINTS = [("divide by zero encountered in log",
                "对 0 取了 log：是不是把 y 和 ŷ 的位置弄反了？参数顺序是 (y_hat, y)")]


def _loss_cases():
    rng = np.random.default_rng(4)
    return [
        ("形状 (1, 5)", np.array([[0.9, 0.2, 0.6, 0.4, 0.99]]), np.array([[1, 0, 1, 0, 1]])),
        ("形状 (3, 2)", rng.uniform(0.05, 0.95, (3, 2)), np.array([[1, 0], [0, 0], [1, 1]])),
        ("形状 (1, 1)", np.array([[0.3]]), np.array([[0]])),
        ("rank-1 (4,)", np.array([0.1, 0.7, 0.8, 0.35]), np.array([0.0, 1.0, 0.0, 1.0])),
    ]


@exercise("loss", "与 y_hat 同形的数组：每个样本一个损失")
def loss(fn):
    """L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))，逐元素，形状不变"""
    for label, y_hat, y in _loss_cases():
        got = call(fn, dict(y_hat=y_hat, y=y), hints=_LOSS_HINTS)
        if np.ndim(got) == 0 and y_hat.size > 1:
            fail("返回了一个数：loss 是逐个样本的损失，不要求和或求平均（那是成本 cost 的事）")
        got = array_of_shape(got, "损失", y_hat.shape)
        if close(got, losses(y_hat, y)):
            continue
        if np.isnan(got).any() or np.isinf(got).any():
            fail("结果里有 nan 或 inf：对 0 取了 log？参数顺序是 loss(y_hat, y)，只对 ŷ 取对数")
        fail(loss_mistake(got, y_hat, y, "损失")
             or f"{label} 时损失不对：L = −(y·log ŷ + (1 − y)·log(1 − ŷ))，逐元素计算")
    return "loss 对了：逐元素的交叉熵损失，形状不变，全部 ≥ 0"


def _cost_cases():
    rng = np.random.default_rng(5)
    Y = (rng.uniform(size=(1, 8)) < 0.5).astype(float)
    return [
        ("m = 5", np.array([[0.9, 0.2, 0.6, 0.4, 0.99]]), np.array([[1, 0, 1, 0, 1]])),
        ("m = 8", rng.uniform(0.05, 0.95, (1, 8)), Y),
        ("m = 3", np.array([[0.5, 0.25, 0.875]]), np.array([[0.0, 1.0, 1.0]])),
        ("m = 1", np.array([[0.3]]), np.array([[1]])),
    ]


@exercise("cost", "一个 Python float：m 个损失的平均")
def cost(fn):
    """J = (1/m) Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)，A、Y 形状 (1, m)，返回 Python float"""
    wrong, divisors = [], []
    for label, A, Y in _cost_cases():
        got = call(fn, dict(A=A, Y=Y), hints=_LOSS_HINTS)
        m = A.shape[1]
        if isinstance(got, np.ndarray) and got.size == m and m > 1:
            fail(f"返回的是形状 {got.shape} 的数组（每个样本的损失）：还要求平均，"
                 f"用 np.mean，或 np.sum(...) / m")
        got = python_float(got, "cost")
        total = float(np.sum(losses(A, Y)))
        divisors.append(total / got if got else 0.0)
        if close(got, total / m):
            continue
        fail_if(scale_mistake(got * m / total, m, "cost")
                or loss_mistake(got, A, Y, "成本"))
        wrong.append(label)
    if wrong:
        fail(hard_coded(wrong, divisors, len(divisors))
             or f"{wrong[0]} 时 cost 不对：J = −(1/m)·Σ(y·log ŷ + (1 − y)·log(1 − ŷ))，"
                f"m = Y.shape[1]")
    return "cost 对了：m 个损失的平均，是 Python float，m = 1 也对"
