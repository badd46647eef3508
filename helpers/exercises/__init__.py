"""动手练习的检查器：CHECKS[name](fn) 检查学习者写的函数，只打印一行结论

    ✓ …                     写对了
    ✗ <错在哪里，怎么改>     写错了（说出是哪一种常见错误）
    ⏳ 还没写：…             函数体还是 raise NotImplementedError

检查器在几组数据上调用 fn（n ≠ m、m = 1、n = 1，需要时还有 |z| = 1000），
每次都用参数的副本；fn 自己的 print 不显示；fn 抛出的异常变成 ✗（类型、消息和出错
的那一行）；从不抛出异常，返回 None（nbval 会显示返回值，所以只打印不返回）。

“Python float” 的约定：float 的实例都算对，包括 np.float64（它是 float 的子类，
np.sum、np.mean 的结果就是它）；0 维数组、只有一个元素的数组、整数、np.float32 判错，
并提示用 .item() 取出（numpy 2 的 float(...) 不接受形状 (1, 1) 的数组）。

模块：_runner（登记检查器、一行结论、调用前就能看出的错误）、_call（安全地调用学习者的
函数）、_compare（与参考值比较、说出常见错误）；calculus、neuron、training、batches
是各课的检查器，每道练习一个短函数。

学习者的函数每次调用最多运行 _call.BUDGET 秒（Linux/macOS 用计时信号，Windows 用看门
线程），超时或被 Ctrl-C 中断都是一行 ✗：多半有一个永远不会结束的循环。

函数里直接读笔记本里的数据（全局的数组、列表、元组、字典、集合、数）判错；调用函数
（自己的或 helpers 的）、使用模块、全大写的常量、布尔开关、math.e 这类常数都可以。
"""

from . import batches, calculus, neuron, training  # noqa: F401  （导入即登记）
from ._runner import REGISTRY

CHECKS = {name: REGISTRY[name] for name in (
    "numerical_derivative", "gradient_descent_1d",          # 01
    "graph_forward", "graph_backward",                      # 02
    "sigmoid", "sigmoid_derivative",                        # 03
    "loss", "cost",                                         # 04
    "propagate_loop", "initialize_with_zeros", "optimize", "predict",   # 05
    "propagate", "normalize_rows",                          # 06
    "random_mini_batches", "confusion_matrix",              # 07
)}

__all__ = ["CHECKS"]
