"""第 01、02 课的练习：数值导数、一维梯度下降、计算图的前向与反向"""

import inspect
import math
import numbers

import numpy as np

from ._call import call
from ._compare import check_order, close, python_float, unpack
from ._runner import exercise, fail, Verdict

# (f, 名字, f', w)：导数各不相同，用来区分中心差分与前向/后向差分
_FUNCTIONS = [
    (lambda w: w ** 3, "w³", lambda w: 3 * w ** 2, 2.0),
    (math.exp, "eʷ", math.exp, 0.5),
    (lambda w: (w - 1) ** 2 + math.sin(w), "(w − 1)² + sin w",
     lambda w: 2 * (w - 1) + math.cos(w), -1.5),
]


@exercise("numerical_derivative", "一个 Python float")
def numerical_derivative(fn):
    """中心差分：用 eps = 0.1 区分中心/前向/后向差分，再用默认 eps 看精度"""
    for f, name, df, w in _FUNCTIONS:
        eps = 0.1
        got = python_float(call(fn, dict(f=f, w=w, eps=eps)), "返回值")
        central = (f(w + eps) - f(w - eps)) / (2 * eps)
        if close(got, central):
            continue
        if close(got, (f(w + eps) - f(w)) / eps):
            fail("用的是前向差分 (f(w+ε) − f(w))/ε：改用中心差分 "
                 "(f(w+ε) − f(w−ε)) / (2ε)，误差小得多")
        if close(got, (f(w) - f(w - eps)) / eps):
            fail("用的是后向差分 (f(w) − f(w−ε))/ε：改用中心差分 (f(w+ε) − f(w−ε)) / (2ε)")
        if close(got, 2 * central):
            fail("分母少了 2：两点相距 2ε，应除以 2ε")
        if close(got, central * eps * eps):
            fail("运算顺序：/ 2 * eps 是先除以 2 再乘 eps；分母要加括号 / (2 * eps)")
        if close(got, f(w + eps) - f(w - eps) / (2 * eps)):
            fail("分子少了括号：要先算 f(w+eps) − f(w−eps)，再整体除以 (2 * eps)")
        if close(got, -central):
            fail("符号反了：分子是 f(w+ε) − f(w−ε)，大的 w 在前")
        if close(got, df(w)) or abs(got - df(w)) < 1e-4:
            fail("没有用参数 eps（步长写死了？）：eps = 0.1 时结果应随 eps 变化")
        fail(f"对 f(w) = {name} 算出的导数不对：应为 (f(w+eps) − f(w−eps)) / (2·eps)")
    default = _default(fn, "eps")
    if default is not None and default != 1e-6:
        fail(f"eps 的默认值是 {default!r}，应为 1e-6（def numerical_derivative(f, w, eps=1e-6)）")
    got = python_float(call(fn, dict(f=_FUNCTIONS[0][0], w=2.0)), "返回值")
    if abs(got - 12.0) > 1e-6:
        fail("不传 eps 时结果不准：eps 的默认值应为 1e-6")
    return "numerical_derivative 是中心差分：试了 3 个函数、两种 eps，都对"


def _default(fn, name):
    """fn 的参数 name 的默认值；看不出来（没有这个参数或没有默认值）时为 None"""
    try:
        param = inspect.signature(fn).parameters.get(name)
    except (TypeError, ValueError):
        return None
    if param is None or param.default is inspect.Parameter.empty:
        return None
    return param.default


def _descent(dJ, w0, lr, n, sign=-1):
    ws = [w0]
    for _ in range(n):
        ws.append(ws[-1] + sign * lr * dJ(ws[-1]))
    return ws


_DESCENTS = [  # (dJ, w0, learning_rate, num_iterations)
    (lambda w: 2 * (w - 3), 0.0, 0.1, 5),
    (lambda w: 4 * w ** 3, 1.5, 0.05, 3),
    (lambda w: 2 * (w - 3), 10.0, 0.3, 1),
    (lambda w: 2 * (w - 3), 4.0, 0.1, 0),
]


@exercise("gradient_descent_1d", "Python float 的列表 [w0, w1, …]，共 num_iterations + 1 个")
def gradient_descent_1d(fn):
    """w_{t+1} = w_t − α·dJ(w_t)，返回含起点的整条轨迹"""
    for dJ, w0, lr, n in _DESCENTS:
        got = call(fn, dict(dJ=dJ, w0=w0, learning_rate=lr, num_iterations=n))
        want = _descent(dJ, w0, lr, n)
        if not isinstance(got, list):
            fail(f"返回的是 {type(got).__name__}，应返回 list：[w0, w1, …]")
        for k, w in enumerate(got):
            python_float(w, f"列表的第 {k} 个元素")
        if len(got) == n and n > 0 and close(got, want[1:]):
            fail("列表少了起点 w0：先放入 w0，再逐次追加更新后的 w，"
                 "共 num_iterations + 1 个")
        if len(got) == n and n > 0 and close(got, want[:-1]):
            fail("列表少了最后一次更新后的 w：共应有 num_iterations + 1 个")
        if n > 0 and len(got) == n + 1 and close(got, [w0] + want[:-1]):
            fail("列表错了一位（w0 出现了两次）：先更新 w，再把更新后的 w 追加进列表；"
                 "起点 w0 只在循环前放一次")
        if len(got) != n + 1:
            fail(f"num_iterations = {n} 时列表有 {len(got)} 个元素，应有 {n + 1} 个"
                 f"（起点 w0 加上每次更新后的 w）")
        if n > 0 and close(got, _descent(dJ, w0, lr, n, sign=+1)):
            fail("更新方向反了：梯度下降是 w − α·dJ(w)，不是加号")
        if n > 0 and lr != 1 and close(got, _descent(dJ, w0, 1.0, n)):
            fail("更新时没有乘学习率：每步 w = w − learning_rate·dJ(w)")
        if not close(got, want):
            fail(f"从 w0 = {w0}、α = {lr} 出发的轨迹不对：每步 w = w − learning_rate·dJ(w)，"
                 f"dJ 要在当前的 w 上求值")
    return "gradient_descent_1d 的轨迹对了：含起点，长度 num_iterations + 1，方向向下"


_GRAPHS = [(5.0, 3.0, 2.0), (1.5, -2.0, 4.0), (-1.0, 0.5, -3.0)]


def _graph_call(fn, a, b, c, names):
    """调用 fn(a, b, c)，要求返回三个数"""
    got = unpack(call(fn, dict(a=a, b=b, c=c)), names)
    for value, name in zip(got, names):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            fail(f"{name} 的类型是 {type(value).__name__}，应为一个数")
    return got


def _random_graph():
    """每次都不同的一组 (a, b, c)（b ≠ c）：只背下固定几组答案的函数过不了"""
    a, b, c = (round(float(v), 2) for v in np.random.default_rng().uniform(-5, 5, 3))
    return a, b, c + 1.0 if b == c else c


def _also_random(fn, names, want_of, rules):
    """固定的几组都对之后，再试一组随机的；结论里不出现随机数，输出仍每次相同"""
    a, b, c = _random_graph()
    try:
        got = _graph_call(fn, a, b, c, names)
    except Verdict:
        got = None
    if got is None or not close(got, want_of(a, b, c)):
        fail("固定的几组 a, b, c 都对，换一组随机的就不对了：是不是按数据写死了结果？"
             "用参数来算：" + "，".join(f"{n} = {r}" for n, r in zip(names, rules)))


def _first_wrong(got, want, names, rules, abc):
    """顺序不对，或说出第一个不对的量和它的算法"""
    check_order(got, want, names)
    for name, g, w, rule in zip(names, got, want, rules):
        if not close(g, w):
            fail(f"a, b, c = {', '.join(map(str, abc))} 时 {name} 不对：{name} = {rule}")


@exercise("graph_forward", "(u, v, J) 三个数")
def graph_forward(fn):
    """u = bc，v = a + u，J = 3v"""
    names = ("u", "v", "J")
    for a, b, c in _GRAPHS:
        got = _graph_call(fn, a, b, c, names)
        u = b * c
        _first_wrong(got, (u, a + u, 3 * (a + u)), names, ("b·c", "a + u", "3·v"), (a, b, c))
    _also_random(fn, names, lambda a, b, c: (b * c, a + b * c, 3 * (a + b * c)),
                 ("b·c", "a + u", "3·v"))
    return "graph_forward 对了：u = bc，v = a + u，J = 3v，顺序也对"


@exercise("graph_backward", "(dJ_da, dJ_db, dJ_dc) 三个数")
def graph_backward(fn):
    """链式法则：dJ/da = 3，dJ/db = 3c，dJ/dc = 3b"""
    names = ("dJ_da", "dJ_db", "dJ_dc")
    for a, b, c in _GRAPHS:
        got = _graph_call(fn, a, b, c, names)
        if close(got, (3.0, 3 * b, 3 * c)) and b != c:
            fail("dJ_db 和 dJ_dc 弄反了：u = b·c 对 b 的局部导数是 c，"
                 "所以 dJ/db = 3c，dJ/dc = 3b")
        if close(got, (1.0, c, b)):
            fail("忘了乘上游的导数 dJ/dv = 3：链式法则要把一路上的局部导数都乘起来")
        _first_wrong(got, (3.0, 3 * c, 3 * b), names,
                     ("dJ/dv · dv/da", "dJ/du · du/db（u = b·c 对 b 的局部导数是 c）",
                      "dJ/du · du/dc（u = b·c 对 c 的局部导数是 b）"), (a, b, c))
    _also_random(fn, names, lambda a, b, c: (3.0, 3 * c, 3 * b), ("3", "3c", "3b"))
    return "graph_backward 对了：链式法则给出 (3, 3c, 3b)"
