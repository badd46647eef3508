"""第 05、06 课的练习：梯度（循环版与向量化版）、初始化、训练、预测、按行归一化"""

import numpy as np

from ._runner import (array_of_shape, call, check_order, close, exercise, fail, fail_if,
                      has_loop, hard_coded, python_float, scale_mistake, scaled_by, unpack)
from .neuron import loss_mistake, losses, sigma


def _problem(n, m, seed, b=0.3):
    """一组 (w, b, X, Y)：w (n, 1)，X (n, m)，Y (1, m) 的 0/1 标签"""
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.5, (n, 1))
    X = rng.normal(0, 1, (n, m))
    Y = (rng.uniform(size=(1, m)) < 0.5).astype(float)
    return w, b, X, Y


_PROBLEMS = [(3, 5, 1, 0.3), (2, 1, 2, -0.2), (1, 4, 3, 0.5), (4, 7, 4, 0.1)]


def _grads(w, b, X, Y):
    """正确的 (dw, db, cost)"""
    A = sigma(w.T @ X + b)
    m = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / m, float(np.sum(dZ) / m), float(np.mean(losses(A, Y)))


def _grad_mistake(got, w, b, X, Y):
    """(dw, db, cost) 与正确值对比，认出常见错误；认不出返回 None"""
    dw, db, J = got
    want = _grads(w, b, X, Y)
    m = X.shape[1]
    if close(dw, -want[0]) and close(db, -want[1]):
        return "dw 和 db 的符号反了：dZ = A − Y，不是 Y − A"
    if close(dw, _grads(w, 0.0, X, Y)[0]):
        return "算 Z 时忘了加 b：Z = wᵀX + b"
    for name, g, v in zip(("dw", "db", "cost"), got, want):
        ratio = scaled_by(g, v)
        if ratio is not None and not np.isclose(ratio, 1):
            message = scale_mistake(ratio, m, name)
            if message:
                return message
    if not close(J, want[2]):
        return loss_mistake(J, sigma(w.T @ X + b), Y, "成本")
    return None


def _check_propagate(fn, name):
    """propagate 与 propagate_loop 共用：返回 (dw (n, 1), db, cost)"""
    names = ("dw", "db", "cost")
    wrong, divisors, seen = [], [], []
    for n, m, seed, b in _PROBLEMS:
        w, b, X, Y = _problem(n, m, seed, b)
        got = unpack(call(fn, dict(w=w, b=b, X=X, Y=Y)), names)
        want = _grads(w, b, X, Y)
        check_order(got, want, names)
        dw, db, J = got
        shape = getattr(dw, "shape", None)
        if shape == (n, m) and m > 1:
            fail(f"dw 的形状是 (n, m) = {shape}：用了逐元素的 *，"
                 f"这里要矩阵乘法 dw = X @ dZ.T / m（或 np.dot(X, dZ.T) / m）")
        if shape == (n, n) and n > 1:
            fail(f"dw 的形状是 {shape}：Z = wᵀX + b 要用矩阵乘法 w.T @ X，"
                 f"写成 w * X 会得到 (n, m) 的 Z")
        array_of_shape(dw, "dw", (n, 1), seen)
        seen.append((n, 1))
        for what, value in (("db", db), ("cost", J)):
            if isinstance(value, np.ndarray) and value.size == m > 1:
                fail(f"{what} 是形状 {value.shape} 的数组：还要对 m 个样本求和再除以 m"
                     f"（np.sum(...) / m）")
            python_float(value, what)
        divisors.append(float(np.sum(losses(sigma(w.T @ X + b), Y))) / J if J else 0.0)
        if all(close(g, v) for g, v in zip(got, want)):
            continue
        fail_if(_grad_mistake(got, w, b, X, Y))
        bad = next(k for k, (g, v) in enumerate(zip(got, want)) if not close(g, v))
        wrong.append(f"(n, m) = ({n}, {m}) 的 {names[bad]}")
    if wrong:
        fail(hard_coded(wrong, divisors, len(_PROBLEMS))
             or f"{wrong[0]} 不对：Z = wᵀX + b，A = σ(Z)，dZ = A − Y，"
                f"dw = X·dZᵀ/m，db = Σ dZ/m，cost = 损失的平均")
    return f"{name} 对了：dw 形状 (n, 1)，db 和 cost 是 Python float，n ≠ m、m = 1、n = 1 都对"


@exercise("propagate_loop", "(dw, db, cost)：dw 形状 (n, 1)，db 和 cost 是 Python float")
def propagate_loop(fn):
    """用 for 循环逐个样本累加的 (dw, db, cost)"""
    message = _check_propagate(fn, "propagate_loop")
    if not has_loop(fn):
        fail("结果对，但没有看到 for 循环：这道题要逐个样本累加 dw、db 和成本"
             "（向量化的写法留到第 06 课）")
    return message


@exercise("propagate", "(dw, db, cost)：dw 形状 (n, 1)，db 和 cost 是 Python float")
def propagate(fn):
    """向量化的 (dw, db, cost)"""
    return _check_propagate(fn, "propagate")


@exercise("initialize_with_zeros", "(w, b)：w 是形状 (dim, 1) 的零数组，b = 0.0")
def initialize_with_zeros(fn):
    """w = np.zeros((dim, 1))，b = 0.0"""
    seen = []
    for dim in (2, 5, 1, 3):
        got = call(fn, dict(dim=dim))
        w, b = unpack(got, ("w", "b"))
        if isinstance(w, (int, float)) and isinstance(b, np.ndarray):
            fail("返回值的顺序不对：应返回 (w, b)")
        array_of_shape(w, "w", (dim, 1), seen)
        if w.dtype.kind != "f":
            fail(f"w 的元素类型是 {w.dtype}，应为浮点数：np.zeros((dim, 1)) 默认就是")
        if np.any(w != 0):
            fail("w 应全为 0：用 np.zeros((dim, 1))")
        if python_float(b, "b") != 0:
            fail("b 应为 0.0")
        seen.append((dim, 1))
    return "initialize_with_zeros 对了：w 形状 (dim, 1) 全为 0，b = 0.0 是 Python float"


def _train(w, b, X, Y, iterations, lr, sign=-1):
    costs = []
    for _ in range(iterations):
        dw, db, J = _grads(w, b, X, Y)
        costs.append(J)
        w, b = w + sign * lr * dw, b + sign * lr * db
    return w, b, costs


@exercise("optimize", "(w, b, costs)：costs 是 Python float 的列表，每次迭代一个")
def optimize(fn):
    """梯度下降：每次迭代先记成本、再更新；调用者的 w 不变"""
    names = ("w", "b", "costs")
    for (n, m, seed, b), (iterations, lr) in zip(_PROBLEMS, ((4, 0.1), (3, 0.5), (1, 0.3),
                                                           (7, 1.0))):
        w, b, X, Y = _problem(n, m, seed, b)
        got = unpack(call(fn, dict(w=w, b=b, X=X, Y=Y, num_iterations=iterations,
                                   learning_rate=lr)), names)
        want = _train(w, b, X, Y, iterations, lr)
        check_order(got, want, names)
        w_new, b_new, costs = got
        array_of_shape(w_new, "返回的 w", (n, 1))
        python_float(b_new, "返回的 b")
        if not isinstance(costs, list):
            fail(f"costs 的类型是 {type(costs).__name__}，应为 list：costs = [] 再逐次 append")
        for k, c in enumerate(costs):
            python_float(c, f"costs[{k}]")
        if len(costs) == 1 and iterations > 1:
            fail("costs 只记了 1 个：这里每次迭代都要记（不是每 100 次记一次）")
        if len(costs) == iterations + 1:
            fail("costs 多了一个：只在每次更新之前记一次，循环外不要再记")
        if len(costs) != iterations:
            fail(f"num_iterations = {iterations} 时 costs 有 {len(costs)} 个，应每次迭代一个")
        if close(costs, _train(w, b, X, Y, iterations + 1, lr)[2][1:]):
            fail("成本是在更新之后才记的：每次迭代先算梯度和成本、记下成本，再更新 w 和 b")
        if close(w_new, _train(w, b, X, Y, iterations, lr, sign=+1)[0]):
            fail("更新方向反了：梯度下降是 w = w − learning_rate·dw，b 同理")
        for name, g, v in zip(names, got, want):
            if not close(g, v):
                fail(f"(n, m) = ({n}, {m})、迭代 {iterations} 次时 {name} 不对："
                     f"每次迭代 dw, db, cost = 梯度(w, b, X, Y)；记下 cost；"
                     f"w = w − α·dw；b = b − α·db")
    return "optimize 对了：每次迭代先记成本再更新，成本是 Python float，没有改动传入的 w"


def _predict_problems():
    """(w, b, X)：X 里有几列让 z 恰好为 0（ŷ = 0.5，应预测 1），其余 |z| ≥ 0.1"""
    w = np.array([[1.0], [-2.0], [0.5]])
    X = np.array([[2.0, 1.0, -1.0, 0.5, 3.0],
                  [1.0, 2.0, 0.0, 0.5, -1.0],
                  [0.0, 4.0, 1.0, 0.0, 2.0]])
    return [(w, 0.0, X), (w, 1.0, X),
            (np.array([[2.0]]), -1.0, np.array([[0.5, 0.25, 2.0, -3.0]])),
            (np.array([[0.5], [-1.0]]), 0.25, np.array([[1.5], [1.0]]))]


@exercise("predict", "形状 (1, m) 的 0/1 数组")
def predict(fn):
    """ŷ = σ(wᵀX + b) ≥ 0.5 时预测 1，否则 0"""
    seen = []
    for w, b, X in _predict_problems():
        got = call(fn, dict(w=w, b=b, X=X))
        m = X.shape[1]
        got = array_of_shape(got, "预测", (1, m), seen)
        seen.append((1, m))
        z = w.T @ X + b
        if got.dtype == bool:
            fail("返回的是布尔数组（True/False）：用 .astype(int) 或 .astype(float) 变成 0/1")
        if not np.all((got == 0) | (got == 1)):
            fail("返回值里有 0 和 1 以外的数：这是概率 ŷ，还要和 0.5 比较，变成 0/1")
        if np.array_equal(got, (z >= 0).astype(float)):
            continue
        if np.array_equal(got, (z > 0).astype(float)):
            fail("ŷ 恰好等于 0.5 时应预测 1：用 ≥ 0.5（>=），不是 > 0.5")
        if np.array_equal(got, (z < 0).astype(float)) or np.array_equal(got, (z <= 0)):
            fail("0 和 1 弄反了：ŷ ≥ 0.5 时预测 1")
        if np.array_equal(got, (w.T @ X >= 0).astype(float)):
            fail("算 Z 时忘了加 b：ŷ = σ(wᵀX + b)")
        fail(f"(n, m) = {X.shape} 时预测不对：ŷ = σ(wᵀX + b)，ŷ ≥ 0.5 记 1，否则 0")
    return "predict 对了：形状 (1, m) 的 0/1，ŷ 恰为 0.5 时预测 1"


def _rows_cases():
    rng = np.random.default_rng(6)
    return [rng.normal(0, 2, (2, 3)), np.array([[0.0, 3.0, 4.0], [1.0, 2.0, 2.0],
                                                [-6.0, 0.0, 8.0], [5.0, 12.0, 0.0]]),
            np.array([[1.0, -2.0, 2.0, 4.0, 2.0]]), np.array([[3.0], [-2.0], [0.5]]),
            rng.normal(0, 1, (3, 3))]


@exercise("normalize_rows", "与 x 同形的数组，每一行的 L2 范数为 1")
def normalize_rows(fn):
    """每一行除以它自己的 L2 范数"""
    hints = [("could not be broadcast", "范数要保持二维：np.linalg.norm(x, axis=1, keepdims=True)，"
              "形状 (k, 1)")]
    seen = []
    for x in _rows_cases():
        got = array_of_shape(call(fn, dict(x=x), hints=hints), "结果", x.shape, seen)
        seen.append(x.shape)
        norms = np.sqrt(np.sum(x * x, axis=1, keepdims=True))
        if close(got, x / norms):
            continue
        if close(got, x / np.sqrt(np.sum(x * x, axis=0, keepdims=True))):
            fail("按列求了范数：对每一行求 L2 范数，axis=1，keepdims=True")
        if close(got, x / np.sqrt(np.sum(x * x))):
            fail("除以的是整个矩阵的范数：每一行各自除以自己的范数（axis=1）")
        if close(got, x / norms ** 2):
            fail("忘了开方：L2 范数是平方和再开根号 np.sqrt(...)，或用 np.linalg.norm")
        if close(got, x / norms.T[:, :x.shape[0]]) and x.shape[0] == x.shape[1]:
            fail("范数成了 rank-1 数组，按列广播了：加 keepdims=True，让它的形状是 (k, 1)")
        fail(f"形状 {x.shape} 时结果不对：每一行除以 np.linalg.norm(x, axis=1, keepdims=True)")
    return "normalize_rows 对了：每一行除以自己的 L2 范数，形状不变，没有改动 x"
