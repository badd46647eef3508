"""调用学习者的函数：在副本上调用、屏蔽它的 print、捕获警告和异常（包括 Ctrl-C），
限时 BUDGET 秒，检查它有没有改动传入的数组；出错时写成一行 ✗ 或 ⏳
"""

import _thread
import ast
import contextlib
import copy
import inspect
import io
import linecache
import re
import signal
import sys
import textwrap
import threading
import time
import traceback
import warnings
from pathlib import Path

import numpy as np

from ._runner import Verdict, fail


_LIBRARY_DIRS = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix,
                       str(Path(__file__).resolve().parent.parent)})
BUDGET = 5                         # 学习者的函数每次调用最多运行几秒


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
