"""练习检查器共用的运行器：安全地调用学习者的函数，把结论写成一行

每个检查器是一个 body(fn) 函数，用 @exercise(name, returns) 登记：
  - 正确时返回 ✓ 后面的说明文字；
  - 发现错误时调用 fail("哪里错了，怎么改")；
  - 调用学习者的函数一律经过 call(fn, case)：在副本上调用、屏蔽它自己的 print、
    捕获警告和异常（包括 Ctrl-C），限时 BUDGET 秒，并检查它有没有改动传入的数组。
登记后的 CHECKS[name](fn) 只打印一行（✓ / ✗ / ⏳），从不抛出异常，返回 None；
检查器自己的算术产生的警告也不打印。
"""

import _thread
import ast
import contextlib
import copy
import dis
import inspect
import io
import itertools
import linecache
import math
import numbers
import re
import signal
import sys
import textwrap
import threading
import time
import traceback
import types
import warnings
from pathlib import Path

import numpy as np

REGISTRY = {}                      # 名字 → 检查函数，由 @exercise 填写
_LIBRARY_DIRS = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix,
                       str(Path(__file__).resolve().parent.parent)})
_DATA_TYPES = (np.ndarray, list, tuple, dict, set, numbers.Number)
# 从模块里导入的常数（from math import e 等）不算笔记本里的数据
_CONSTANTS = tuple({math.e, math.pi, math.tau, math.inf, np.euler_gamma})
BUDGET = 5                         # 学习者的函数每次调用最多运行几秒


class Verdict(Exception):
    """检查到此为止：line 就是要打印的那一行"""

    def __init__(self, line):
        super().__init__(line)
        self.line = line


def fail(message):
    """判定为错：message 用中文说出错在哪里、怎么改"""
    raise Verdict("✗ " + message)


def exercise(name, returns):
    """把 body 登记为 CHECKS[name]；returns 写明应返回什么（返回值无法检查时用它提示）"""
    def register(body):
        def check(fn):
            try:        # 检查器自己的算术（比如和奇怪的返回值作比较）不许打印警告
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    _precheck(fn, name)
                    line = "✓ " + body(fn)
            except Verdict as verdict:
                line = verdict.line
            except Exception as exc:   # 返回值奇怪到检查器都看不懂它
                line = (f"✗ 返回值的格式不对（检查时遇到 {type(exc).__name__}）："
                        f"{name} 应返回 {returns}")
            print(" ".join(line.split()))

        check.__name__ = check.__qualname__ = f"check_{name}"
        check.__doc__ = body.__doc__
        REGISTRY[name] = check
        return check
    return register


# ---------------------------------------------------------------- 调用之前


def _precheck(fn, name):
    """不是函数、传错了函数、函数里读了笔记本里的数据：不必运行就能判定"""
    if not callable(fn):
        fail(f"传进来的不是函数，而是 {type(fn).__name__}：写成 "
             f'CHECKS["{name}"]({name})，函数名后面不要加括号')
    given = getattr(fn, "__name__", None)
    if given != name and given in REGISTRY:
        fail(f"传进来的是 {given}，这一格检查的是 {name}：写成 "
             f'CHECKS["{name}"]({name})')
    used = data_globals(fn)
    if used:
        names = "、".join(used)
        fail(f"函数里直接用了笔记本里的数据 {names}：只用参数来算"
             f"（形状从参数取，比如 X.shape[1]），否则换一组数据就会出错")
    if any(ins.argval == "globals" and ins.opname in ("LOAD_GLOBAL", "LOAD_NAME")
           for ins in _instructions(fn)):
        fail("函数里用 globals() 读了笔记本里的变量：只用参数来算，"
             "否则换一组数据就会出错")


def _instructions(fn):
    """fn 及其中嵌套的函数、推导式的全部字节码指令；看不到代码（内置函数等）时为空"""
    todo = [fn.__code__] if isinstance(getattr(fn, "__code__", None), types.CodeType) else []
    while todo:
        code = todo.pop()
        todo.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
        yield from dis.get_instructions(code)


def data_globals(fn):
    """fn 读到的全局数据（数组、列表、元组、字典、集合、数）的名字

    调用函数、使用模块都没问题，所以只看这几类“数据”。数里面不算的：全大写的
    常量（THRESHOLD = 0.5）、布尔开关（DEBUG = False）、从模块导入的常数
    （from math import e）；留在笔记本里的 dv、du 这类变量照样算。
    """
    scope = getattr(fn, "__globals__", {})
    found = []
    for ins in _instructions(fn):
        if ins.opname not in ("LOAD_GLOBAL", "LOAD_NAME") or ins.argval in found:
            continue
        value = scope.get(ins.argval)
        if isinstance(value, numbers.Number) and _constant(ins.argval, value):
            continue
        if isinstance(value, _DATA_TYPES):
            found.append(ins.argval)
    return found


def _constant(name, value):
    """全大写的名字、布尔值、math/numpy 里的常数：是常量，不是笔记本里算出来的数据"""
    if name.isupper() or isinstance(value, (bool, np.bool_)):
        return True
    try:
        return any(value == c for c in _CONSTANTS) or bool(np.isnan(value))
    except (TypeError, ValueError):
        return False


def hides_warnings(fn):
    """fn 里有没有关掉警告的代码（np.errstate、np.seterr、warnings.simplefilter 等）"""
    hiding = {"errstate", "seterr", "catch_warnings", "simplefilter", "filterwarnings"}
    return any(ins.argval in hiding for ins in _instructions(fn)
               if isinstance(ins.argval, str))


def has_loop(fn):
    """fn 里有没有 for/while 循环；看不到代码（内置函数等）时当作有"""
    if not isinstance(getattr(fn, "__code__", None), types.CodeType):
        return True
    return any(ins.opname in ("FOR_ITER", "JUMP_BACKWARD") for ins in _instructions(fn))


# ---------------------------------------------------------------- 调用


def call(fn, case, overflow=None, hints=()):
    """在 case（参数名 → 值，按位置传入）的深拷贝上调用 fn，返回它的结果

    还没写（NotImplementedError）→ ⏳；抛出其他异常 → ✗（类型、消息、学习者的那一行）；
    出现 RuntimeWarning → ✗；改动了传入的数组 → ✗；超过 BUDGET 秒或被中断 → ✗。
    overflow: 上溢（警告或 OverflowError）时改用这句专门的诊断
    hints: (错误消息里的片段, 提示) 对，命中时附在出错说明后面
    """
    args = copy.deepcopy(list(case.values()))
    keyword = _keyword_only(fn)
    positional = [a for k, a in zip(case, args) if k not in keyword]
    named = {k: a for k, a in zip(case, args) if k in keyword}
    sink = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, \
            np.errstate(over="warn", divide="warn", invalid="warn",
                        under="ignore"), \
            contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        warnings.simplefilter("always")
        try:
            with _time_budget(BUDGET) as budget:
                result = fn(*positional, **named)
        except NotImplementedError as exc:
            raise Verdict(_pending(fn, exc)) from None
        except _Timeout:
            fail(_endless(fn, case, f"运行超时：运行了 {BUDGET} 秒还没结束"))
        except KeyboardInterrupt:
            if budget.fired:
                fail(_endless(fn, case, f"运行超时：运行了 {BUDGET} 秒还没结束"))
            fail(_endless(fn, case, "被中断了（KeyboardInterrupt）：运行了很久没有结束"))
        except BaseException as exc:     # exit()、GeneratorExit 也算出错
            if overflow and isinstance(exc, OverflowError):
                fail(overflow)
            fail(_crash(exc, hints))
    for (name, before), after in zip(case.items(), args):
        if not _same(before, after):
            fail(f"函数改动了传入的 {name}（原地修改，比如 {name} -= … 或 "
                 f"{name}[...] = …）：调用者的数据不该变，写成 "
                 f"{name} = {name} - … 或先 {name} = {name}.copy()")
    runtime = [w for w in caught if issubclass(w.category, RuntimeWarning)]
    if runtime:
        text = str(runtime[0].message)
        if overflow and "overflow" in text:
            fail(overflow)
        line = linecache.getline(runtime[0].filename, runtime[0].lineno).strip()
        at = f"（出在 `{line}`）" if line else ""
        hint = next((h for key, h in hints if key in text),
                    "检查是否对 0 取了 log、除以 0 或 exp 上溢")
        fail(f"运行时出现警告 RuntimeWarning: {text}{at}：{hint}")
    if result is None:
        fail("函数没有返回值（得到的是 None）：是不是忘了写 return？")
    return result


def _keyword_only(fn):
    """fn 的仅限关键字参数（def f(X, Y, *, seed=0) 里的 seed）：这些按名字传"""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return set()
    return {p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY}


class _Timeout(BaseException):
    """学习者的函数超过了时间预算（由计时器在它的代码里抛出）"""


class _Budget:
    fired = False          # 看门线程（Windows）到时打断了主线程


@contextlib.contextmanager
def _time_budget(seconds):
    """限时运行：超时就在学习者的代码里抛出异常，不再空等

    Linux/macOS 的主线程：用 signal.setitimer 到时抛出 _Timeout（先前的计时器和
    处理函数事后恢复）。其他平台（Windows）的主线程：一个看门线程到时调用
    _thread.interrupt_main()，主线程收到 KeyboardInterrupt，budget.fired 说明是超时。
    不在主线程时不限时，只能靠 Ctrl-C（JupyterLab 的“中断内核”），那也得到一行 ✗。
    """
    budget = _Budget()
    main = threading.current_thread() is threading.main_thread()
    if main and hasattr(signal, "setitimer"):
        def ring(signum, frame):
            raise _Timeout
        old_handler = signal.signal(signal.SIGALRM, ring)
        old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
        start = time.monotonic()
        try:
            yield budget
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
            if old_delay:      # 别人的计时器：扣掉用掉的时间再装回去
                left = max(old_delay - (time.monotonic() - start), 1e-3)
                signal.setitimer(signal.ITIMER_REAL, left, old_interval)
    elif main:
        lock, done = threading.Lock(), threading.Event()

        def watch():
            if not done.wait(seconds):
                with lock:
                    if not done.is_set():
                        budget.fired = True
                        _thread.interrupt_main()
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            yield budget
        finally:
            with lock:
                done.set()
    else:
        yield budget


def _endless(fn, case, what):
    """超时或被中断的那一行：多半是循环停不下来；说出当时的数值参数（不含答案）"""
    name = getattr(fn, "__name__", "函数")
    scalars = "，".join(f"{k} = {v!r}" for k, v in case.items()
                       if isinstance(v, (int, float)) and not isinstance(v, bool))
    when = f"（参数 {scalars} 时）" if scalars else ""
    return (f"{what}{when}：{name} 里多半有一个永远不会结束的循环，"
            f"检查 while 的条件会不会变成假、循环变量有没有更新")


def _pending(fn, exc):
    """⏳ 那一行；若 NotImplementedError 来自 fn 调用的另一个函数，说出它的名字"""
    mine = getattr(fn, "__name__", "这个函数")
    frame = _learner_frame(exc)
    if frame is not None and frame.name not in (mine, "<lambda>"):
        other = frame.name
        alt = f"，或改用 helpers.{other}" if hasattr(sys.modules.get("helpers"), other) else ""
        return f"⏳ 还没写：{mine} 用到的 {other} 还没写完（先完成 {other}{alt}）"
    if frame is not None and frame.name == mine and _wrote_more(fn):
        return (f"⏳ 还没写完：{mine} 的函数体写了，但还留着 raise NotImplementedError："
                f"删掉 raise 那一行，再运行这一格")
    return f"⏳ 还没写：{mine}（写好函数体，再运行这一格）"


def _wrote_more(fn):
    """函数体里除了文档字符串和 raise NotImplementedError 之外还有别的语句"""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError, ValueError):
        return False
    defs = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    if not defs:
        return False
    body = defs[0].body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]                                       # 文档字符串
    return any(not isinstance(node, (ast.Raise, ast.Pass)) for node in body)


def _learner_frame(exc):
    """异常回溯里最后一个属于学习者代码（不在 Python、numpy 与 helpers 里）的帧"""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.startswith(_LIBRARY_DIRS)
              and not f.filename.startswith("<frozen")]
    return frames[-1] if frames else None


def _crash(exc, hints):
    """学习者的函数抛出异常：类型、消息（去掉路径，只取一行）和出错的那一行"""
    message = " ".join(str(exc).split())
    message = re.sub(r"(?:[A-Za-z]:)?[\\/](?:[^\s'\"\\/]+[\\/])+", "", message)
    message = re.sub(r" at 0x[0-9a-fA-F]+", "", message)     # 对象的内存地址每次都不同
    message = re.sub(r"\b\d{12,}\b", "…", message)             # id(...) 也每次都不同
    if len(message) > 150:
        message = message[:147] + "…"
    frame = _learner_frame(exc)
    at = ""
    if frame is not None:
        code = f"：`{frame.line.strip()}`" if frame.line else ""
        at = f"（{frame.name} 第 {frame.lineno} 行{code}）"
    hint = next((h for key, h in (*hints, *_HINTS) if key in message), "")
    if hint == _SCALAR and frame is not None and "math." in (frame.line or ""):
        hint = _MATH
    return f"运行出错 {type(exc).__name__}: {message}{at}" + (f"：{hint}" if hint else "")


_SCALAR = ("float(...) 只能转换 0 维数组：只有一个元素的数组（形状 (1, 1) 或 (1,)）"
           "用 .item() 取出那个数，或先看看它的形状")
_MATH = ("math.exp、math.log 只接受一个数：对数组逐元素计算要用 np.exp、np.log"
         "（只有一个元素的数组也可以先用 .item() 取出那个数）")
_MATMUL = ("矩阵乘法两边的形状对不上：打印两边的 .shape，看是哪一边要转置"
           "（比如 w.T @ X、X @ dZ.T）")
_HINTS = [      # 常见的 numpy 报错 → 附上的提示
    ("only 0-dimensional arrays can be converted", _SCALAR),
    ("only length-1 arrays can be converted", _SCALAR),
    ("must be real number, not numpy.ndarray", _SCALAR),
    ("mismatch in its core dimension", _MATMUL),
    ("not aligned", _MATMUL),
    ("could not be broadcast", "两个数组的形状对不上、无法广播：打印 .shape 看看"),
    ("truth value of an array", "数组不能直接放进 if 或 and/or：逐元素的判断用 np.where(条件, 甲, 乙)"),
    ("out of bounds", "下标越界：循环的范围从参数的形状来（样本 range(X.shape[1])、"
                      "特征 range(X.shape[0])），下标按 X[j, i] 的顺序：j 是特征、i 是样本"),
]


def _same(before, after):
    """调用前后的参数是否一样（数组逐元素比较，NaN 视为相等）"""
    try:
        if isinstance(before, np.ndarray):
            return (isinstance(after, np.ndarray) and before.shape == after.shape
                    and np.array_equal(before, after, equal_nan=True))
        return bool(before == after) or before is after
    except Exception:
        return True


# ---------------------------------------------------------------- 比较


def close(got, want):
    """数值上相等（相对误差 1e-6 以内）"""
    try:
        if np.iscomplexobj(got):
            return False
        got = np.asarray(got, dtype=float)
        return got.shape == np.shape(want) and np.allclose(got, want, rtol=1e-6, atol=1e-9)
    except (TypeError, ValueError):
        return False


def _subject(what):
    """“cost 是”，“返回值是”：英文名字后面空一格，中文后面不空"""
    return what + (" " if what[-1:].isascii() else "")


def python_float(value, what):
    """value 应为 Python float（np.float64 是 float 的子类，算对）；返回它

    0 维或只有一个元素的数组、整数、np.float32 都判错，并说明怎么转换：
    numpy 2 里 float(...) 不接受形状 (1, 1)、(1,) 的数组，所以一律建议 .item()。
    """
    if isinstance(value, float):
        return value
    what = _subject(what)
    if isinstance(value, np.ndarray) and value.dtype.kind == "c" or isinstance(value, complex):
        fail(f"{what}是复数，应为 Python float：检查是不是对负数开了方、取了对数，"
             f"或者用了 complex 类型")
    if isinstance(value, np.ndarray):
        if value.size == 1:
            fail(f"{what}是形状为 {value.shape} 的数组，应为一个 Python float："
                 f"用 .item() 取出那个数")
        fail(f"{what}是形状为 {value.shape} 的数组，应为一个 Python float："
             f"要先求和或求平均（np.sum、np.mean）得到一个数")
    if isinstance(value, (bool, np.bool_)):
        fail(f"{what}是布尔值，应为 Python float")
    if isinstance(value, (int, np.integer)):
        if abs(value) < 10 ** 12:
            fail(f"{what}是整数 {value}，应为浮点数：写成 {value}.0 或 float(...)")
        fail(f"{what}是一个很大的整数，应为浮点数：运算里用浮点数（比如 1.0 而不是 1）")
    if isinstance(value, np.generic):
        fail(f"{what}的类型是 {type(value).__name__}，应为 Python float：用 .item() 取出")
    fail(f"{what}的类型是 {type(value).__name__}，应为 Python float")


def array_of_shape(value, what, shape, seen=(), source="X.shape[1]",
                   keep="比如矩阵乘法、keepdims=True"):
    """value 应为形状 shape 的 numpy 数组；rank-1、转置、写死的尺寸、其他形状各自说明

    seen: 前几组数据应有的形状；value 还是其中之一，说明尺寸写死了
    source: 尺寸该从哪个参数取（写进提示）；keep: 怎样让计算保持二维（写进提示）
    """
    what = _subject(what)
    if not isinstance(value, np.ndarray):
        fail(f"{what}的类型是 {type(value).__name__}，应为形状 {shape} 的 numpy 数组")
    if value.shape == shape:
        return value
    if value.shape in seen:
        fail(f"{what}的形状是 {value.shape}，没有跟着输入变（这次应为 {shape}）："
             f"尺寸写死了？形状一律从参数取，比如 {source}")
    if value.ndim == 1 and value.size == int(np.prod(shape)):
        fail(f"{what}是 rank-1 数组，形状 {value.shape}，应为 {shape}："
             f"用 .reshape{shape} 或让计算保持二维（{keep}）")
    if len(shape) == 2 and value.shape == shape[::-1]:
        fail(f"{what}的形状是 {value.shape}，转置了：应为 {shape}")
    fail(f"{what}的形状是 {value.shape}，应为 {shape}")


def unpack(result, names):
    """result 应为长度 len(names) 的元组（或列表）；返回它"""
    want = "(" + ", ".join(names) + ")"
    if not isinstance(result, (tuple, list)):
        fail(f"返回的是 {type(result).__name__}，应返回 {len(names)} 个值 {want}："
             f"写成 return {', '.join(names)}")
    if len(result) != len(names):
        fail(f"返回了 {len(result)} 个值，应返回 {len(names)} 个：{want}")
    return tuple(result)


def check_order(result, expected, names):
    """每个位置都不对、但换个顺序就全对：说“顺序不对”"""
    for perm in itertools.permutations(range(len(names))):
        if perm != tuple(range(len(names))) and all(
                close(result[i], expected[j]) for j, i in enumerate(perm)):
            fail(f"返回值的顺序不对：应按 ({', '.join(names)}) 的顺序返回")


def scale_mistake(ratio, m, what):
    """结果是正确值的 ratio 倍：说出 1/m 忘了还是多除了（m > 1 时才分辨得出）"""
    if m > 1 and np.isclose(ratio, m, rtol=1e-6):
        return (f"{what} 大了 m 倍：忘了除以 m（求平均要乘 1/m），"
                f"或者 m 取错了维度（m 是样本数，即列数 .shape[1]；"
                f"(1, m) 数组的 len(·) 和 .shape[0] 都是 1）")
    if m > 1 and np.isclose(ratio, 1 / m, rtol=1e-6):
        return f"{what} 小了 m 倍：多除了一次 m（1/m 只乘一次）"
    return None


def fail_if(message):
    """message 不是 None 就判错"""
    if message:
        fail(message)


def hard_coded(wrong, divisors, cases):
    """尺寸写死的两种迹象；都没有时返回 None

    wrong: 出错的情形（说明文字）；cases: 一共几种情形
    divisors: 每种情形里学习者实际“除以的 m”（正确时就是 m）：都一样说明 m 写死了
    """
    if (len(divisors) > 1 and np.allclose(divisors, divisors[0], rtol=1e-6)
            and 0.5 <= divisors[0] < 1e6):
        return (f"除以的 m 不随数据变（总是 {divisors[0]:.4g}）：m 写死了？"
                f"m 是样本数，从参数的形状里取（列数 .shape[1]）")
    if len(wrong) < cases:
        return (f"有的形状对、{wrong[0]} 时不对：是不是把尺寸写死了？"
                f"形状一律从参数取（比如样本数 m 是列数 .shape[1]）")
    return None


def scaled_by(got, want):
    """got 是 want 的常数倍时返回这个倍数，否则返回 None"""
    try:
        got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
        if got.shape != want.shape or not np.any(want):
            return None
        ratio = float(np.sum(got * want) / np.sum(want * want))
        return ratio if close(got, ratio * want) else None
    except (TypeError, ValueError):
        return None
