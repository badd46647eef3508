"""逻辑回归的数学，只有数学：不检查输入，一屏读完

这就是 helpers.grads_vectorized 去掉"安全带"（入口检查与出错诊断）后的样子
形状：w (n, 1)，b 标量，X (n, m)，Y (1, m) 取值 0/1，Z、A (1, m)
"""

import numpy as np


def linear(w, b, X):
    """Z = wᵀX + b，形状 (1, m)"""
    return w.T @ X + b


def exp_neg_abs(Z):
    """e^{−|z|} ∈ (0, 1]：σ、σ' 和成本都只用到它，所以永不上溢"""
    return np.exp(-np.abs(Z))


def sigmoid(Z, e=None):
    """稳定的 σ(z)：z ≥ 0 时 1 / (1 + e^{−z})，z < 0 时 e^{z} / (1 + e^{z})

    e: 已算好的 e^{−|Z|}（可选，省一次指数运算）
    """
    if e is None:
        e = exp_neg_abs(Z)
    return np.where(Z >= 0, 1, e) / (1 + e)


def sigmoid_derivative(Z):
    """σ'(z) = σ(z)(1 − σ(z)) = e^{−|z|} / (1 + e^{−|z|})²

    直接写成 s(1 − s) 时，z 很大会得到 1 − 1 = 0；这样写对正负 z 都精确
    """
    e = exp_neg_abs(Z)
    return e / (1 + e) ** 2


def cost(Z, Y, e=None):
    """成本 J = (1/m) Σ L⁽ⁱ⁾，由 Z 直接算，从不计算 log(0)

    L = −[y log σ(z) + (1 − y) log(1 − σ(z))]
      = max(z, 0) − yz + log(1 + e^{−|z|})
    y 只取 0 或 1：max(z, 0) − yz 就是 max(−z, 0) 或 max(z, 0)，
    算出来恰好 ≥ 0；
    每个样本的 L ≥ 0，先除以 m 再相加：没有相互抵消。平均值紧挨着浮点数
    上限时，求和的舍入仍可能越过上限：那时改为以最大的 L 为单位再算一遍
    e: 已算好的 e^{−|Z|}（可选）；返回 Python float
    （Z 里有 ±inf 时为 nan 或 inf，不是有限数：溢出不会被悄悄当成正确答案）
    """
    if e is None:
        e = exp_neg_abs(Z)
    L = np.maximum(Z, 0) - Y * Z + np.log1p(e)
    J = float(np.sum(L / Z.shape[1]))
    if J == np.inf:                    # 平均值 ≤ 最大的 L，所以比值不超过 1
        top = L.max()
        J = float(top * min(1.0, np.sum(L / top) / Z.shape[1]))
    return J


def backward(X, A, Y):
    """反向：dZ = A − Y，dw = (1/m) X dZᵀ，db = (1/m) Σ dZ

    返回 (dw, db)：dw 形状 (n, 1)，db 为 Python float
    """
    m = X.shape[1]
    dZ = A - Y
    return (X @ dZ.T) / m, float(dZ.sum()) / m


def propagate(w, b, X, Y):
    """一整步：前向（Z、A、成本）再反向，返回 (dw, db, J)"""
    Z = linear(w, b, X)
    e = exp_neg_abs(Z)                 # σ 与成本共用
    dw, db = backward(X, sigmoid(Z, e), Y)
    return dw, db, cost(Z, Y, e)
