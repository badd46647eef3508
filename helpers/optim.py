"""训练：全批量梯度下降、小批量迭代器、小批量梯度下降"""

import numpy as np

from ._checks import as_labels, as_matrix, as_positive, as_positive_int
from .gradients import _check_wbXY, _forward_z, grads_vectorized
from .losses import _cost_from_z


def _full_cost(w, b, X, Y):
    Z = _forward_z(w, b, X)
    return _cost_from_z(Z, Y.astype(Z.dtype, copy=False), np.exp(-np.abs(Z)))


def gradient_descent(w, b, X, Y, learning_rate, num_iterations):
    """全批量梯度下降：每次迭代用全部 m 个样本算梯度，再更新 w := w − α dw，b := b − α db

    w: (n, 1)  b: 标量  X: (n, m)  Y: (1, m)
    返回 (w, b, costs)：costs[k] 是第 k 次更新之后的成本，共 num_iterations + 1 个 float
    传入的 w 不会被修改
    """
    w, b, X, Y = _check_wbXY(w, b, X, Y)
    learning_rate = as_positive("learning_rate", learning_rate)
    num_iterations = as_positive_int("num_iterations", num_iterations)
    costs = []
    for _ in range(num_iterations):
        dw, db, J = grads_vectorized(w, b, X, Y)
        costs.append(J)
        w = w - learning_rate * dw
        b = b - learning_rate * db
    costs.append(_full_cost(w, b, X, Y))
    return w, b, costs


def minibatches(X, Y, batch_size, rng=None):
    """把 (X, Y) 切成小批量，逐个产出 (X_batch, Y_batch)

    X: (n, m)  Y: (1, m)  batch_size: 正整数
    rng: np.random.Generator 时先按它打乱样本顺序；None 时按原顺序
    最后一批在 m 不能被 batch_size 整除时较小，保留它
    """
    X = as_matrix("X", X)
    Y = as_labels("Y", Y, X.shape[1])
    batch_size = as_positive_int("batch_size", batch_size)
    if rng is not None and not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng 应为 np.random.Generator（比如 np.random.default_rng(0)）或 None，实际为 {type(rng).__name__}")
    m = X.shape[1]
    order = rng.permutation(m) if rng is not None else np.arange(m)
    for start in range(0, m, batch_size):
        idx = order[start:start + batch_size]
        yield X[:, idx], Y[:, idx]


def minibatch_gradient_descent(w, b, X, Y, learning_rate, num_epochs, batch_size, seed=0):
    """小批量随机梯度下降：每一轮（epoch）用 seed 派生的随机数打乱样本，逐批更新参数

    每批的梯度按这一批自己的样本数求平均（最后一批较小也一样）
    batch_size = m 即全批量梯度下降，batch_size = 1 即随机梯度下降
    返回 (w, b, history)：
      history["epoch_cost"]：全部样本上的成本，第 0 个是训练前，之后每轮结束一个（共 num_epochs + 1 个）
      history["batch_cost"]：每次迭代更新之前，这一批上的成本
    """
    w, b, X, Y = _check_wbXY(w, b, X, Y)
    learning_rate = as_positive("learning_rate", learning_rate)
    num_epochs = as_positive_int("num_epochs", num_epochs)
    batch_size = as_positive_int("batch_size", batch_size)
    rng = np.random.default_rng(seed)
    history = {"epoch_cost": [_full_cost(w, b, X, Y)], "batch_cost": []}
    for _ in range(num_epochs):
        for X_batch, Y_batch in minibatches(X, Y, batch_size, rng):
            dw, db, J = grads_vectorized(w, b, X_batch, Y_batch)
            history["batch_cost"].append(J)
            w = w - learning_rate * dw
            b = b - learning_rate * db
        history["epoch_cost"].append(_full_cost(w, b, X, Y))
    return w, b, history
