"""逻辑回归的梯度：讲义里的双重循环版、向量化版，以及数值梯度与相对误差"""

import math

import numpy as np

from ._checks import as_array, as_column, as_labels, as_matrix, as_scalar, check_finite
from .activations import _sigmoid
from .losses import _cost_from_z


def _check_wbXY(w, b, X, Y):
    """公共入口的检查：w (n, 1)、b 有限的标量、X (n, m)、Y (1, m) 且取值 0/1

    只检查形状、类型和标签（一次 (1, m) 的运算）；w、X 里的 NaN/inf 不在这里扫描：
    它们一定会传到结果（dw、J）里，由调用方在结果上发现后再用 _diagnose_nonfinite 找出来
    """
    __tracebackhide__ = True
    w = as_column("w", w)
    b = as_scalar("b", b)
    X = as_matrix("X", X, w.shape[0])
    Y = as_labels("Y", Y, X.shape[1])
    return w, b, X, Y


def _diagnose_nonfinite(w, b, X):
    """结果里出现 NaN/inf 时找出原因并报错（只在出错时扫描 w 和 X）"""
    __tracebackhide__ = True
    check_finite("w", w)
    check_finite("X", X)
    raise ValueError(
        f"wᵀX + b 超出了浮点数范围（溢出成 inf）：输入虽然都是有限数，"
        f"但 max|w| = {np.max(np.abs(w)):.3g}，max|X| = {np.max(np.abs(X)):.3g}；试试先标准化 X"
    )


def _forward_z(w, b, X):
    """Z = wᵀX + b，形状 (1, m)；w、X 中有 NaN/inf 或结果溢出时报错（不额外扫描 X）"""
    with np.errstate(over="ignore", invalid="ignore"):   # 坏输入由下面的检查报错，而不是警告
        Z = w.T @ X + b
    if not np.isfinite(Z).all():
        _diagnose_nonfinite(w, b, X)
    return Z


def grads_loop(w, b, X, Y):
    """讲义中 "m 个样本上的逻辑回归" 那一页，逐行照搬：外层循环样本、内层循环特征

    w: (n, 1)  b: 标量  X: (n, m)  Y: (1, m)
    返回 (dw, db, cost)：dw 形状 (n, 1)、dtype 同 w 与 X；db、cost 为 Python float
    用纯 Python 的 float 逐个计算（最慢，但最贴近公式）；成本按稳定公式由 z 计算
    """
    w, b, X, Y = _check_wbXY(w, b, X, Y)
    check_finite("w", w)
    check_finite("X", X)
    n, m = X.shape
    x_rows = X.tolist()           # x_rows[j][i] 是第 i 个样本的第 j 个特征
    w_list = w[:, 0].tolist()
    y_list = Y[0].tolist()

    J = 0.0
    dw = [0.0] * n
    db = 0.0
    for i in range(m):                       # 对每个样本
        z = b
        for j in range(n):                   # z⁽ⁱ⁾ = wᵀx⁽ⁱ⁾ + b
            z += w_list[j] * x_rows[j][i]
        a = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
        y = y_list[i]
        J += max(z, 0.0) - y * z + math.log1p(math.exp(-abs(z)))   # 即 −[y log a + (1−y) log(1−a)]
        dz = a - y                           # dz⁽ⁱ⁾ = a⁽ⁱ⁾ − y⁽ⁱ⁾
        for j in range(n):                   # dwⱼ += xⱼ⁽ⁱ⁾ dz⁽ⁱ⁾
            dw[j] += x_rows[j][i] * dz
        db += dz
    J /= m
    dw = [v / m for v in dw]
    db /= m
    dtype = np.result_type(w, X)
    return np.array(dw, dtype=dtype).reshape(n, 1), float(db), float(J)


def grads_vectorized(w, b, X, Y):
    """与 grads_loop 相同的约定，没有任何 Python 循环

    w: (n, 1)  b: 标量  X: (n, m)  Y: (1, m)
    Z = wᵀX + b，A = σ(Z)，dZ = A − Y，dw = (1/m) X dZᵀ，db = (1/m) Σ dZ
    返回 (dw, db, cost)：dw (n, 1)，db、cost 为 Python float
    X 只被读两遍（wᵀX 与 X dZᵀ），输入检查不扫描 X：w、X 中的 NaN/inf 一定会传到 dw 或成本里，
    在那里被发现，再找出是哪个输入、哪个位置
    """
    w, b, X, Y = _check_wbXY(w, b, X, Y)
    m = X.shape[1]
    dtype = np.result_type(w, X)
    Y = Y.astype(dtype, copy=False)
    with np.errstate(over="ignore", invalid="ignore"):   # 坏输入由最后的检查报错，而不是警告
        Z = w.T @ X + b                                   # (1, m)
        e = np.exp(-np.abs(Z))                            # 稳定的 σ 与成本共用 e^{−|z|} ∈ (0, 1]
        A = _sigmoid(Z, e)
        dZ = A - Y
        dw = (X @ dZ.T) / m                               # (n, 1)
        db = float(dZ.sum()) / m
        J = _cost_from_z(Z, Y, e)
    if not (np.isfinite(dw).all() and np.isfinite(J) and np.isfinite(db)):
        _diagnose_nonfinite(w, b, X)
    return dw.astype(dtype, copy=False), db, J


def numerical_grad(f, x, eps=1e-6):
    """中心差分的数值梯度：∂f/∂xₖ ≈ (f(x + eps·eₖ) − f(x − eps·eₖ)) / (2·eps)

    f: 接受一个与 x 同形状的 float64 数组（x 为标量时接受 float），返回标量
    x: 标量或数组（整数也可以）；x 本身不会被修改
    返回与 x 同形状的 float64 数组（x 为标量时返回 float）
    """
    if not callable(f):
        raise TypeError(f"f 应为函数，实际为 {type(f).__name__}")
    eps = as_scalar("eps", eps)
    if eps <= 0:
        raise ValueError(f"eps 应为正数，实际为 {eps}")
    x_arr = as_array("x", x)
    check_finite("x", x_arr)
    scalar = x_arr.ndim == 0
    xc = x_arr.astype(np.float64, copy=True)

    def call(v):
        out = f(float(v[()]) if scalar else v)
        try:
            out = as_scalar("f(x)", out)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"f 应返回一个有限的实数标量；{exc}") from None
        return out

    grad = np.zeros_like(xc)
    for idx in np.ndindex(xc.shape):
        old = xc[idx]
        xc[idx] = old + eps
        f_plus = call(xc)
        xc[idx] = old - eps
        f_minus = call(xc)
        xc[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return float(grad) if scalar else grad


def rel_error(a, b):
    """相对误差 max|a − b| / max(1e-12, max|a| + max|b|)，返回 Python float

    a, b: 同形状的标量或数组。两者都是 0 时为 0；用最大范数而不是逐元素相除，
    所以某一分量接近 0 时不会被数值噪声放大
    """
    a = as_array("a", a)
    b = as_array("b", b)
    if a.shape != b.shape:
        raise ValueError(f"a 与 b 的形状应相同，实际为 {a.shape} 和 {b.shape}")
    check_finite("a", a)
    check_finite("b", b)
    if a.size == 0:
        raise ValueError("a 与 b 不应为空数组")
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    num = np.max(np.abs(a - b))
    den = max(1e-12, float(np.max(np.abs(a)) + np.max(np.abs(b))))
    return float(num / den)
