"""逻辑回归的梯度：讲义里的双重循环版与向量化版，都是 入口检查 → 计算 → 诊断"""

import functools
import math
import operator

import numpy as np

from . import kernel
from .checks import check_wbXY, diagnose_nonfinite


def grads_loop(w, b, X, Y):
    """讲义中 "m 个样本上的逻辑回归" 那一页，逐行照搬：外层循环样本、内层循环特征

    w: (n, 1)  b: 标量  X: (n, m)  Y: (1, m)
    返回 (dw, db, cost)：dw 形状 (n, 1)、dtype 同 w 与 X；db、cost 为 Python float
    用纯 Python 的 float 逐个计算（最慢，但最贴近公式）；成本按稳定公式由 z 计算
    """
    w, b, X, Y = check_wbXY(w, b, X, Y)
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
        e = math.exp(-abs(z))                # 稳定的 σ：只对 −|z| 取指数
        a = 1 / (1 + e) if z >= 0 else e / (1 + e)
        y = y_list[i]
        # 即 −[y log a + (1−y) log(1−a)]；y 只取 0/1，max(z, 0) − y·z 恰好 ≥ 0
        J += max(z, 0.0) - y * z + math.log1p(e)
        dz = a - y                           # dz⁽ⁱ⁾ = a⁽ⁱ⁾ − y⁽ⁱ⁾
        for j in range(n):                   # dwⱼ += xⱼ⁽ⁱ⁾ dz⁽ⁱ⁾
            dw[j] += x_rows[j][i] * dz
        db += dz
    J /= m
    dw = [v / m for v in dw]
    db /= m
    if not (math.isfinite(J) and math.isfinite(db) and all(map(math.isfinite, dw))):
        J = _rescue_loop(w, b, X, Y, db, dw)
    return np.array(dw, dtype=np.result_type(w, X)).reshape(n, 1), float(db), float(J)


def _loop_z(w_list, b, x_rows, i):
    """第 i 个样本的 z，与 grads_loop 的内层循环同样的求和顺序"""
    return functools.reduce(operator.add, (wj * row[i] for wj, row in zip(w_list, x_rows)), b)


def _rescue_loop(w, b, X, Y, db, dw):
    """grads_loop 的结果不是有限数：z、dw、db 都有限、只是成本的和越过了上限时，
    按 kernel.cost 先除以 m 再相加重算成本；否则按循环里自己的 z 诊断"""
    __tracebackhide__ = True
    w_list, x_rows = w[:, 0].tolist(), X.tolist()
    zs = [_loop_z(w_list, b, x_rows, i) for i in range(X.shape[1])]
    z_finite = all(map(math.isfinite, zs))
    if z_finite and math.isfinite(db) and all(map(math.isfinite, dw)):
        with np.errstate(all="ignore"):
            J = kernel.cost(np.array([zs]), Y)
        if math.isfinite(J):
            return J
    diagnose_nonfinite(w, b, X, z_finite=z_finite)


def grads_vectorized(w, b, X, Y):
    """与 grads_loop 相同的约定，没有任何 Python 循环（就是 helpers.kernel.propagate）

    w: (n, 1)  b: 标量  X: (n, m)  Y: (1, m)
    Z = wᵀX + b，A = σ(Z)，dZ = A − Y，dw = (1/m) X dZᵀ，db = (1/m) Σ dZ
    返回 (dw, db, cost)：dw (n, 1)，db、cost 为 Python float
    X 只被读两遍（wᵀX 与 X dZᵀ），入口不扫描 X：w、X 中的 NaN/inf 一定会传到结果里，
    在那里被发现，再找出是哪个输入、哪个位置
    """
    w, b, X, Y = check_wbXY(w, b, X, Y)
    with np.errstate(all="ignore"):          # 坏输入由下面的诊断报错，而不是警告
        dw, db, J = kernel.propagate(w, b, X, Y)
    if not (math.isfinite(J) and math.isfinite(db) and np.isfinite(dw).all()):
        diagnose_nonfinite(w, b, X)
    return dw, db, J
