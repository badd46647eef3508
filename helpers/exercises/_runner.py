"""练习检查器共用的部分：登记检查器、判定的格式，以及调用之前就能看出的错误

每个检查器是一个 body(fn) 函数，用 @exercise(name, returns) 登记：
  - 正确时返回 ✓ 后面的说明文字；
  - 发现错误时调用 fail("哪里错了，怎么改")；
  - 调用学习者的函数一律经过 _call.call(fn, case)（在副本上调用、限时、捕获警告和异常）；
  - 比较结果用 _compare 里的小函数（close、python_float、array_of_shape …）。
登记后的 CHECKS[name](fn) 只打印一行（✓ / ✗ / ⏳），从不抛出异常，返回 None；
检查器自己的算术产生的警告也不打印。
"""

import dis
import math
import numbers
import types
import warnings

import numpy as np


REGISTRY = {}                      # 名字 → 检查函数，由 @exercise 填写
_DATA_TYPES = (np.ndarray, list, tuple, dict, set, numbers.Number)
# 从模块里导入的常数（from math import e 等）不算笔记本里的数据
_CONSTANTS = tuple({math.e, math.pi, math.tau, math.inf, np.euler_gamma})


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
