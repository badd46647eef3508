"""训练：全批量梯度下降、小批量迭代器、小批量梯度下降

训练循环只在入口检查一次，之后直接循环 kernel；成本不再是有限数时说清楚发生了什么
"""

import itertools
import math

import numpy as np

from . import kernel
from .checks import as_samples, check_finite, check_wbXY
from .scalars import as_positive, as_positive_int, as_seed


def _diverged(k, w, b, X, learning_rate):
    """第 k 次迭代的成本或参数不再是有限数：X 有问题就指出位置，否则是发散了"""
    __tracebackhide__ = True
    check_finite("X", X)
    size = f"{np.max(np.abs(w)):.3g}" if np.isfinite(w).all() else "inf 或 NaN"
    if k == 0:                  # 还没走过一步：与学习率无关，是起点本身溢出
        raise ValueError(f"训练开始前（还没有更新参数）成本就不是有限数：起点的 Z = wᵀX + b "
                         f"已超出浮点数范围（max|w| = {size}，|b| = {abs(b):.3g}，"
                         f"max|X| = {np.max(np.abs(X)):.3g}）；w、b 取小一些（比如从 0 开始），"
                         f"或者先标准化 X")
    raise ValueError(f"训练在第 {k} 次迭代发散：成本不再是有限数（此时 max|w| = {size}）；"
                     f"学习率 {learning_rate:g} 可能过大，或者 X 没有标准化")


def _full_cost(w, b, X, Y, k, learning_rate):
    J = kernel.cost(kernel.linear(w, b, X), Y)
    if not math.isfinite(J):
        _diverged(k, w, b, X, learning_rate)
    return J


def _door(w, b, X, Y, learning_rate):
    """训练循环的入口检查（只做一次）"""
    __tracebackhide__ = True
    w, b, X, Y = check_wbXY(w, b, X, Y)
    check_finite("w", w)
    return w, b, X, Y, as_positive("learning_rate", learning_rate)


def _descend(w, b, batches, learning_rate, X, costs, k):
    """沿着一串批量各走一步：算梯度（记下更新前这一批的成本）、更新参数；不检查输入

    k 是已经走过的步数；返回 (w, b, k)
    """
    for X_batch, Y_batch in batches:
        dw, db, J = kernel.propagate(w, b, X_batch, Y_batch)
        if not math.isfinite(J):
            _diverged(k, w, b, X, learning_rate)
        costs.append(J)
        w = w - learning_rate * dw
        b = b - learning_rate * db
        k += 1
    return w, b, k


def gradient_descent(w, b, X, Y, learning_rate, num_iterations):
    """全批量梯度下降：每次迭代用全部 m 个样本算梯度，再更新 w := w − α dw，b := b − α db

    w: (n, 1)  b: 标量  X: (n, m)  Y: (1, m)
    返回 (w, b, costs)：costs[k] 是第 k 次更新之前的成本，最后再加上训练后的成本，
    共 num_iterations + 1 个 float；传入的 w 不会被修改
    """
    w, b, X, Y, learning_rate = _door(w, b, X, Y, learning_rate)
    num_iterations = as_positive_int("num_iterations", num_iterations)
    costs = []
    with np.errstate(all="ignore"):          # 非有限的结果由 _diverged 说明，而不是警告
        w, b, k = _descend(w, b, itertools.repeat((X, Y), num_iterations), learning_rate, X, costs, 0)
        costs.append(_full_cost(w, b, X, Y, k, learning_rate))
    return w, b, costs


def _batches(X, Y, batch_size, order):
    """按 order 的顺序逐批产出 (X_batch, Y_batch)，不检查输入"""
    for start in range(0, X.shape[1], batch_size):
        idx = order[start:start + batch_size]
        yield X[:, idx], Y[:, idx]


def minibatches(X, Y, batch_size, rng=None):
    """把 (X, Y) 切成小批量，逐个产出 (X_batch, Y_batch)

    X: (n, m)  Y: (1, m)  batch_size: 正整数
    rng: np.random.Generator 时先按它打乱样本顺序；None 时按原顺序
    最后一批在 m 不能被 batch_size 整除时较小，保留它
    """
    X, Y = as_samples(X, Y)
    check_finite("X", X)                     # 产出的批量由调用者使用，没有结果可供事后诊断
    batch_size = as_positive_int("batch_size", batch_size)
    if rng is not None and not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng 应为 np.random.Generator（比如 np.random.default_rng(0)）"
                        f"或 None，实际为 {type(rng).__name__}")
    m = X.shape[1]
    return _batches(X, Y, batch_size, np.arange(m) if rng is None else rng.permutation(m))


def minibatch_gradient_descent(w, b, X, Y, learning_rate, num_epochs, batch_size, seed=0):
    """小批量随机梯度下降：每一轮（epoch）用 seed 派生的随机数打乱样本，逐批更新参数

    每批的梯度按这一批自己的样本数求平均（最后一批较小也一样）
    batch_size = m 即全批量梯度下降，batch_size = 1 即随机梯度下降
    seed: 非负整数，同一个 seed 得到同样的结果
    返回 (w, b, history)：
      history["epoch_cost"]：全部样本上的成本，第 0 个是训练前，之后每轮结束一个（共 num_epochs + 1 个）
      history["batch_cost"]：每次迭代更新之前，这一批上的成本
    """
    w, b, X, Y, learning_rate = _door(w, b, X, Y, learning_rate)
    num_epochs = as_positive_int("num_epochs", num_epochs)
    batch_size = as_positive_int("batch_size", batch_size)
    rng = np.random.default_rng(as_seed("seed", seed))
    m = X.shape[1]
    with np.errstate(all="ignore"):          # 非有限的结果由 _diverged 说明，而不是警告
        epoch_cost, batch_cost, k = [_full_cost(w, b, X, Y, 0, learning_rate)], [], 0
        for _ in range(num_epochs):
            batches = _batches(X, Y, batch_size, rng.permutation(m))
            w, b, k = _descend(w, b, batches, learning_rate, X, batch_cost, k)
            epoch_cost.append(_full_cost(w, b, X, Y, k, learning_rate))
    return w, b, {"epoch_cost": epoch_cost, "batch_cost": batch_cost}
