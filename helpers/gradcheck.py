"""梯度检验：中心差分的数值梯度，以及比较两个梯度的相对误差"""

import numpy as np

from .checks import as_array, check_finite
from .scalars import as_scalar

# rel_error 的分母下限，见 rel_error 的说明
REL_ERROR_FLOOR = 1e-2


def numerical_grad(f, x, eps=1e-6):
    """中心差分的数值梯度：∂f/∂xₖ ≈ (f(x + hₖeₖ) − f(x − hₖeₖ)) / (2hₖ)

    f: 接受一个与 x 同形状的 float64 数组（x 为标量时接受 float），返回标量
    x: 标量或数组（整数也可以）；x 本身不会被修改
    返回与 x 同形状的 float64 数组（x 为标量时返回 float）
    步长随 |xₖ| 变大：hₖ = eps·max(1, |xₖ|)，否则 x 很大时 x + eps 与 x 是同一个浮点数；
    分母用两个点真正的距离 (xₖ + hₖ) − (xₖ − hₖ)
    每次调用 f 都给它一个新数组：f 改动自己的参数也不会弄乱结果
    """
    if not callable(f):
        raise TypeError(f"f 应为函数，实际为 {type(f).__name__}")
    eps = as_scalar("eps", eps)
    if eps <= 0:
        raise ValueError(f"eps 应为正数，实际为 {eps}")
    x = as_array("x", x).astype(np.float64)        # 总是复制：调用者的 x 不会被改动
    check_finite("x", x)

    def call(v):
        out = f(float(v) if v.ndim == 0 else v)
        try:
            return as_scalar("f(x)", out)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"f 应返回一个有限的实数标量；{exc}") from None

    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        h = eps * max(1.0, abs(x[idx]))
        plus, minus = x.copy(), x.copy()
        with np.errstate(over="ignore"):
            plus[idx] += h
            minus[idx] -= h
            step = plus[idx] - minus[idx]           # 先记下：f 可能改动它拿到的数组
        if not np.isfinite(step):
            at = f"x{list(idx)}" if idx else "x"
            raise ValueError(f"{at} ± h 超出了浮点数范围（h = eps·max(1, |x|) = {h:.3g}，"
                             f"{at} = {x[idx]:.3g}）：eps 取小一些（默认 1e-6），"
                             f"或者 x 离浮点数上限（约 1.8e308）太近")
        if step == 0:                               # x ± h 舍入回 x：差分是 0 / 0
            at = f"x{list(idx)}" if idx else "x"
            raise ValueError(f"步长 h = eps·max(1, |x|) = {h:.3g} 太小：在 {at} = {x[idx]:.17g} 处，"
                             f"{at} ± h 舍入后仍是 {at}（相邻浮点数的间距约 "
                             f"{np.spacing(abs(x[idx])):.3g}），差分成了 0 / 0：eps 取大一些（默认 1e-6）")
        grad[idx] = (call(plus) - call(minus)) / step
    return float(grad) if x.ndim == 0 else grad


def rel_error(a, b):
    """相对误差 max|a − b| / max(0.01, max|a| + max|b|)，返回 Python float

    a, b: 同形状的标量或数组，比如解析梯度与数值梯度
    用最大范数而不是逐元素相除：某一分量接近 0 时不会被数值噪声放大
    分母至少为 0.01（REL_ERROR_FLOOR）：两边都接近 0 时（比如在最优点），数值梯度
    只剩约 1e-10 的差分噪声，不设下限会得到接近 1 的"误差"。两边都小于 0.01 时，
    结果就是绝对误差 max|a − b| 除以 0.01，噪声只给出约 1e-8；此时要直接看
    max|a − b|：约 1e-10 是噪声，明显更大才说明梯度写错了
    """
    a = as_array("a", a)
    b = as_array("b", b)
    if a.shape != b.shape:
        raise ValueError(f"a 与 b 的形状应相同，实际为 {a.shape} 和 {b.shape}")
    if a.size == 0:
        raise ValueError("a 与 b 不应为空数组")
    check_finite("a", a)
    check_finite("b", b)
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    big = max(np.max(np.abs(a)), np.max(np.abs(b)))
    if big > 1e300:             # a − b、max|a| + max|b| 会溢出：先同除以最大的模（比值不变）
        a, b = a / big, b / big
    num = np.max(np.abs(a - b))
    den = max(REL_ERROR_FLOOR, float(np.max(np.abs(a)) + np.max(np.abs(b))))
    return float(num / den)
