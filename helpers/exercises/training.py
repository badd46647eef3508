"""第 05、06 课的练习：梯度（循环版与向量化版）、初始化、训练、预测、按行归一化"""

import numpy as np

from ._call import call
from ._compare import (array_of_shape, check_order, close, fail_if, hard_coded, python_float,
                       scale_mistake, scaled_by, unpack)
from ._runner import exercise, fail, has_loop
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
    if m > 1:
        for part, what in ((slice(1, None), "第一个"), (slice(None, -1), "最后一个")):
            sub = _grads(w, b, X[:, part], Y[:, part])
            if close(db, sub[1] * (m - 1) / m) or close(db, sub[1]):
                return (f"漏掉了{what}样本：循环只跑了 m − 1 次；讲义的 i = 1…m "
                        f"在 Python 里是 range(m)（从 0 数到 m − 1）")
        first = _grads(w, b, X[:, :1], Y[:, :1])
        if close(db, first[1] / m) or close(db, first[1]):
            return "只算了第一个样本就返回了：return 是不是缩进到了循环里？"
    A = sigma(w.T @ X + b)
    if close(dw, X @ A.T / m) or close(dw, X @ A.T):
        return "dw 累加的是 x·a，应是 x·dz（dz = a − y）"
    last = float((A - Y)[0, -1])                     # 最后一个样本的 dz
    if m > 1 and (close(db, last / m) or close(db, last)):
        return "db 只剩最后一个样本的 dz：循环里要累加 db += dz，而不是 db = dz"
    if m > 1 and (close(dw, X[:, -1:] * last / m) or close(dw, X[:, -1:] * last)):
        return "dw 只剩最后一个样本的 x·dz：循环里要累加 dw += x * dz，而不是赋值"
    for name, g, v in zip(("dw", "db", "cost"), got, want):
        ratio = scaled_by(g, v)
        if ratio is not None and not np.isclose(ratio, 1):
            message = scale_mistake(ratio, m, name)
            if message:
                return message
    if not close(J, want[2]):
        return loss_mistake(J, sigma(w.T @ X + b), Y, "成本")
    return None


_OPTIMIZE_HINTS = [("cannot be interpreted as an integer",
                    "参数的顺序是 optimize(w, b, X, Y, num_iterations, learning_rate)："
                    "num_iterations 在前（与 helpers.gradient_descent 的顺序相反）")]


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
    message = _check_propagate(fn, "propagate")
    names = set(getattr(getattr(fn, "__code__", None), "co_names", ()))
    if has_loop(fn) or "grads_loop" in names:
        fail("结果对，但这道题要向量化：不用 Python 循环（也不调用 grads_loop），"
             "整批样本一次用矩阵运算算出来")
    return message


@exercise("initialize_with_zeros", "(w, b)：w 是形状 (dim, 1) 的零数组，b = 0.0")
def initialize_with_zeros(fn):
    """w = np.zeros((dim, 1))，b = 0.0"""
    seen = []
    for dim in (2, 5, 1, 3):
        got = call(fn, dict(dim=dim))
        w, b = unpack(got, ("w", "b"))
        if isinstance(w, (int, float)) and isinstance(b, np.ndarray):
            fail("返回值的顺序不对：应返回 (w, b)")
        array_of_shape(w, "w", (dim, 1), seen, source="(dim, 1) 里的 dim",
                       keep="np.zeros((dim, 1))，形状是一个二元组")
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
    runs = ((4, 0.1), (3, 0.5), (1, 0.3), (7, 1.0), (20, 0.5))   # 最后一组：迭代 20 次
    for (n, m, seed, b), (iterations, lr) in zip(_PROBLEMS + _PROBLEMS[:1], runs):
        w, b, X, Y = _problem(n, m, seed, b)
        got = unpack(call(fn, dict(w=w, b=b, X=X, Y=Y, num_iterations=iterations,
                                   learning_rate=lr), hints=_OPTIMIZE_HINTS), names)
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
        if iterations and b_new == b and b != want[1]:
            fail("b 没有更新：每次迭代 b = b − learning_rate·db（w 和 b 都要更新）")
        for name, g, v in zip(names, got, want):
            if not close(g, v):
                fail(f"(n, m) = ({n}, {m})、迭代 {iterations} 次时 {name} 不对："
                     f"每次迭代 dw, db, cost = 梯度(w, b, X, Y)；记下 cost；"
                     f"w = w − α·dw；b = b − α·db（用的是自己写的 propagate 时，"
                     f"先确认它得 ✓）")
    return "optimize 对了：每次迭代先记成本再更新，成本是 Python float，没有改动传入的 w"


def _predict_problems():
    """(w, b, X)：X 里有几列让 z 恰好为 0（ŷ = 0.5，应预测 1），其余 |z| ≥ 0.1，
    还有 0 < z < 0.5 的一列（分得出拿 z 还是拿 ŷ 和 0.5 比）"""
    w = np.array([[1.0], [-2.0], [0.5]])
    X = np.array([[2.0, 1.0, -1.0, 0.5, 3.0, 0.25],
                  [1.0, 2.0, 0.0, 0.5, -1.0, 0.0],
                  [0.0, 4.0, 1.0, 0.0, 2.0, 0.0]])
    near = np.array([[1e-3, -1e-3, 0.02, -0.02, 0.3, -0.3]])   # ŷ 离 0.5 很近：阈值差一点都分得出
    return [(np.array([[1.0]]), 0.0, near), (w, 0.0, X), (w, 1.0, X),
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
            if np.all((got == -1) | (got == 1)):
                fail("返回的是 −1/+1：这里的标签是 0/1，ŷ ≥ 0.5 记 1，否则记 0")
            if np.all((got > 0) & (got < 1)):
                fail("返回值里有 0 和 1 以外的数：这是概率 ŷ，还要和 0.5 比较，变成 0/1")
            fail("返回值里有 0 和 1 以外的数：预测只能是 0 或 1（ŷ ≥ 0.5 记 1，否则记 0）")
        if np.array_equal(got, (z >= 0).astype(float)):
            continue
        if np.array_equal(got, (z > 0).astype(float)):
            fail("ŷ 恰好等于 0.5 时应预测 1：用 ≥ 0.5（>=），不是 > 0.5")
        if np.array_equal(got, (z < 0).astype(float)) or np.array_equal(got, (z <= 0)):
            fail("0 和 1 弄反了：ŷ ≥ 0.5 时预测 1")
        if np.array_equal(got, (w.T @ X >= 0).astype(float)):
            fail("算 Z 时忘了加 b：ŷ = σ(wᵀX + b)")
        if np.array_equal(got, (z >= 0.5).astype(float)):
            fail("拿 z 和 0.5 比了：要比较的是概率 ŷ = σ(z)（或者等价地 z ≥ 0）")
        ones, zeros = z[got == 1], z[got == 0]
        if ones.size and zeros.size and ones.min() > zeros.max():
            fail("阈值不对：ŷ ≥ 0.5（也就是 z ≥ 0）记 1；检查和 ŷ 比较的是不是 0.5")
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
        fail(f"形状 {x.shape} 时结果不对：每一行除以 np.linalg.norm(x, axis=1, keepdims=True)")
    return "normalize_rows 对了：每一行除以自己的 L2 范数，形状不变，没有改动 x"
