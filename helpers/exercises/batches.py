"""第 07 课的练习：随机小批量的切分、混淆矩阵"""

import numpy as np

from ._call import call
from ._compare import close, unpack
from ._runner import exercise, fail


def _labelled(n, m, seed):
    """X 的第 0 行是样本编号（看得出每一列是谁），Y 是 0/1 标签，两类数目相近"""
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (n, m))
    X[0] = np.arange(m)
    Y = np.zeros((1, m))
    Y[0, rng.permutation(m)[: m // 2]] = 1.0
    return X, Y


_SPLITS = [  # (n, m, mini_batch_size, seed)
    (3, 20, 8, 0), (2, 16, 4, 1), (1, 5, 2, 3), (4, 1, 3, 2)]


def _batches(got, n, what):
    """把返回值整理成 [(X_batch, Y_batch)]，顺带检查类型与形状"""
    if not isinstance(got, list):
        fail(f"返回的是 {type(got).__name__}，应返回 list：mini_batches = [] 再逐批 append"
             f"((X_batch, Y_batch))")
    out = []
    for k, pair in enumerate(got):
        X_b, Y_b = unpack(pair, ("X_batch", "Y_batch"))
        if (n > 1 and getattr(X_b, "shape", (0,))[0] == 1
                and getattr(Y_b, "shape", (0,))[0] == n):
            fail("每一批里 X 和 Y 的位置反了：每一批应是 (X_batch, Y_batch)，X 在前")
        if not (isinstance(X_b, np.ndarray) and X_b.ndim == 2 and X_b.shape[0] == n):
            fail(f"{what}第 {k} 批的 X_batch 形状是 {getattr(X_b, 'shape', type(X_b).__name__)}，"
                 f"应为 (n, 批大小)：按列取样本，X[:, idx]")
        if not (isinstance(Y_b, np.ndarray) and Y_b.shape == (1, X_b.shape[1])):
            fail(f"{what}第 {k} 批的 Y_batch 形状是 {getattr(Y_b, 'shape', type(Y_b).__name__)}，"
                 f"应为 (1, {X_b.shape[1]})：用 Y[:, idx] 保持二维")
        out.append((X_b, Y_b))
    return out


_HINTS = [("out of bounds for axis 0",
           "按行取了：X[p] 取的是第 p 行（特征）；样本是列，写成 X[:, p]、Y[:, p]")]


def _split(fn, X, Y, what, size=None, seed=None):
    """调用 fn 并检查这一次的切分（不传 size/seed 时用默认值）；返回样本的打乱顺序"""
    n, m = X.shape
    case = dict(X=X, Y=Y)
    if size is not None:
        case.update(mini_batch_size=size, seed=seed)
    got = _batches(call(fn, case, hints=_HINTS), n, what)
    if size is None:
        size = 64
        if [X_b.shape[1] for X_b, _ in got] != [64, m - 64]:
            fail(f"不传 mini_batch_size 时 m = {m} 应分成 64 和 {m - 64} 两批：默认值应为 64")
    sizes = [X_b.shape[1] for X_b, _ in got]
    order = np.concatenate([X_b[0] for X_b, _ in got]) if got else np.array([])
    if sum(sizes) < m and all(s == size for s in sizes) and len(set(order)) == len(order):
        fail(f"丢了最后一个不满的小批量（{what}）：m 不能被 mini_batch_size 整除时，"
             f"剩下的 m % mini_batch_size 个样本也要成一批")
    if sorted(order.tolist()) != list(range(m)):
        if len(order) == m and not set(order.tolist()) <= set(range(m)):
            fail(f"{what}X_batch 里的数值和原来的样本对不上：只打乱顺序、切分，"
                 f"不要改动 X 的值（比如 X = X / 2）")
        if len(set(order)) == len(order) and len(got) > 1 \
                and all(s == size - 1 for s in sizes[:-1]):
            fail(f"{what}每批少了一个样本：切片 k : k + mini_batch_size 不含右端，"
                 f"不要再减 1")
        if len(set(order)) == len(order):
            fail(f"{what}丢了 {m - len(order)} 个样本：检查切片的起止"
                 f"（第 k 批是 k * mini_batch_size : (k + 1) * mini_batch_size）")
        fail(f"{what}有的样本重复了：每个样本恰好出现一次，"
             f"用 permutation 打乱（不是 choice/randint 抽样）")
    if sizes != [size] * (m // size) + ([m % size] if m % size else []):
        fail(f"{what}各批的大小不对：前面每批 mini_batch_size 个，最后一批放剩下的")
    idx = order.astype(int)
    if any(not np.array_equal(Y_b, Y[:, idx[s - X_b.shape[1]:s]])
           for (X_b, Y_b), s in zip(got, np.cumsum(sizes))):
        fail("X 和 Y 打乱得不一样：先生成一个排列 permutation，"
             "再用它同时取 X[:, permutation] 和 Y[:, permutation]")
    if any(not np.array_equal(X_b, X[:, idx[s - X_b.shape[1]:s]])
           for (X_b, _), s in zip(got, np.cumsum(sizes))):
        fail(f"{what}X_batch 的列和原样本对不上：按列取样本，X[:, permutation]")
    if m >= 5 and np.array_equal(idx, np.arange(m)):
        fail("没有打乱：先用 seed 生成一个排列（如 np.random.default_rng(seed)."
             "permutation(m)），再按它取列")
    return idx


def _not_random(idx, size):
    """m = 100 时，真正随机的排列几乎不可能有这些规律（概率远小于 1e-9）"""
    m = len(idx)
    neighbours = int(np.sum(np.isin(np.abs(np.diff(idx)), (1, m - 1))))
    fixed = int(np.sum(idx == np.arange(m)))
    tail = set(idx[m - m % size:].tolist()) == set(range(m - m % size, m))
    return neighbours >= m // 4 or fixed >= m // 4 or tail


@exercise("random_mini_batches", "(X_batch, Y_batch) 的列表")
def random_mini_batches(fn):
    """先用 seed 打乱（X、Y 用同一个排列），再按列切成 mini_batch_size 大小的批，保留最后较小的一批"""
    orders = {}
    for n, m, size, seed in _SPLITS:
        X, Y = _labelled(n, m, seed)
        what = f"m = {m}、mini_batch_size = {size} 时"
        orders[(m, seed)] = _split(fn, X, Y, what, size, seed)
    X, Y = _labelled(3, 20, 0)
    again = _split(fn, X, Y, "", 8, 0)
    if not np.array_equal(again, orders[(20, 0)]):
        fail("同一个 seed 两次的结果不一样：用参数 seed 建随机数生成器"
             "（np.random.default_rng(seed)），不要用全局的 rng")
    if np.array_equal(_split(fn, X, Y, "", 8, 7), orders[(20, 0)]):
        fail("换了 seed 打乱顺序却没变：打乱要用参数 seed")
    X, Y = _labelled(2, 100, 4)
    if _not_random(_split(fn, X, Y, "不传 mini_batch_size 时"), 64):
        fail("没有真正随机打乱：m = 100 时大多数样本还挨着原来的邻居、留在原位，"
             "或最后一批总是原来末尾的那些样本；用 np.random.default_rng(seed)."
             "permutation(m) 打乱全部样本，再切分")
    return ("random_mini_batches 对了：X、Y 一起打乱，每个样本恰好一次，"
            "最后较小的一批也在，seed 决定顺序")


def _confusions():
    """(Y_pred, Y)：TN、FP、FN、TP 各不相同，便于认出转置与错位"""
    Y = np.array([[0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]])
    P = np.array([[0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]])
    rng = np.random.default_rng(8)
    Y2 = (rng.uniform(size=(1, 9)) < 0.5).astype(float)
    P2 = (rng.uniform(size=(1, 9)) < 0.5).astype(float)
    return [(P, Y), (P2, Y2), (np.array([[1.0]]), np.array([[1.0]])),
            (np.array([[1, 1, 0]]), np.array([[0, 0, 0]]))]


@exercise("confusion_matrix", "2×2 的整数数组 [[TN, FP], [FN, TP]]")
def confusion_matrix(fn):
    """行是真实标签 0/1，列是预测 0/1"""
    for P, Y in _confusions():
        got = call(fn, dict(Y_pred=P, Y=Y))
        if not isinstance(got, np.ndarray):
            fail(f"返回的是 {type(got).__name__}，应为 numpy 数组：np.array([[TN, FP], [FN, TP]])")
        if got.shape != (2, 2):
            fail(f"形状是 {got.shape}，应为 (2, 2)")
        want = np.array([[np.sum((Y == t) & (P == p)) for p in (0, 1)] for t in (0, 1)])
        if np.array_equal(got, want):
            if got.dtype.kind not in "iu":
                fail(f"计数的类型是 {got.dtype}，应为整数：np.zeros((2, 2), dtype=int) "
                     f"或 .astype(int)")
            continue
        if np.array_equal(got, want.T):
            fail("行列弄反了（转置了）：行是真实标签 y，列是预测 ŷ，"
                 "FP（真 0 判 1）在第 0 行第 1 列；参数顺序是 (Y_pred, Y)")
        if np.array_equal(got, [[want[1, 1], want[0, 1]], [want[1, 0], want[0, 0]]]):
            fail("TN 和 TP 的位置对调了：左上是 TN（真 0 判 0），右下是 TP（真 1 判 1）")
        if np.array_equal(got, want[::-1, ::-1]) or np.array_equal(got, want[::-1, ::-1].T):
            fail("把正类放在了前面：这里第 0 行/列是标签 0，应为 [[TN, FP], [FN, TP]]")
        if close(got, want / want.sum()) or close(got, want / want.sum(axis=1, keepdims=True)):
            fail("返回的是比例（除以了样本数或每行的个数）：混淆矩阵要的是个数")
        fail("计数不对：TN = 真 0 判 0，FP = 真 0 判 1，FN = 真 1 判 0，TP = 真 1 判 1")
    return "confusion_matrix 对了：[[TN, FP], [FN, TP]]，行是真实标签，列是预测，整数计数"
