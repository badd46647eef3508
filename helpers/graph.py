"""计算图的标量结点 Value：每种运算在前向时就把自己的求导规则存下来，backward() 按逆拓扑序调用它们"""

import math
import operator

from .scalars import as_scalar


def _power(x, k, what=None):
    """x ** k；超出浮点数范围或 0 的负数次方时：给了 what 就用中文报错，否则得到 inf"""
    try:
        return x ** k
    except (OverflowError, ZeroDivisionError):
        if what:
            raise ValueError(f"{what} 超出了浮点数的范围（约 ±1.8e308）") from None
        return math.inf


_NUMPY_OPS = {"add": operator.add, "subtract": operator.sub, "multiply": operator.mul,
              "divide": operator.truediv, "true_divide": operator.truediv,
              "power": operator.pow,
              "negative": operator.neg, "positive": operator.pos}
_COMPARISONS = {"less", "less_equal", "greater", "greater_equal"}


class Value:
    """计算图中的一个标量结点

    data: 前向算出的值（float）；grad: 反向传播后为 ∂(输出)/∂(这个结点)
    == 比较的是"是不是同一个结点"（结点要能放进集合、当作字典的键），不比较 data
    grad_of: 那个"输出"，即调用了 backward() 的结点（还没有反向传播时为 None）
    label: 名字（画图用）；op: 产生它的运算（叶子结点为空字符串）
    """

    def __init__(self, data, label="", _children=(), op=""):
        if _children and not math.isfinite(data):     # 说清楚是哪个运算越界，而不是笼统地说 data
            shown = f" {'×' if op == '*' else op} ".join(f"{c.data:g}" for c in _children)
            raise ValueError(f"{shown} 的结果超出了浮点数的范围（约 ±1.8e308）")
        self.data = as_scalar("data", data)
        if not isinstance(label, str):
            raise TypeError(f"label 应为字符串，实际为 {type(label).__name__}")
        self.label = label
        self.grad = 0.0
        self.op = op
        self._prev = tuple(_children)
        self._backward = lambda: None      # 叶子结点没有要往下传的东西
        self.grad_of = None                # 做过 backward() 后：grad 是对哪个结点的导数

    @property
    def inputs(self):
        """产生这个结点的运算的输入结点（叶子结点为空元组）"""
        return self._prev

    def __repr__(self):
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self.data:.6g}, grad={self.grad:.6g})"

    @staticmethod
    def _wrap(other):
        if isinstance(other, Value):
            return other
        try:
            return Value(other)
        except (TypeError, ValueError) as exc:
            shape = getattr(other, "shape", ())
            what = (f"形状为 {shape} 的数组：Value 一次只算一个数，数组的计算用 numpy"
                    if shape else str(exc).replace("data ", "", 1))
            raise TypeError(f"Value 只能和 Value 或实数做运算，另一方{what}") from None

    # 计算图只认上面这些运算：其余的用法各给一句中文说明，而不是 Python 的英文报错
    def _refuse(self, what, hint):
        raise TypeError(f"Value 不支持{what}：{hint}")

    def __float__(self):                   # float(x)、math.exp(x) 都会走到这里
        self._refuse("当作 float 用（float(x)、math.exp(x) 等）",
                     "要数值就用 x.data；要在计算图里求指数、对数用 x.exp()、x.log()，"
                     "这样才会记下求导规则")

    def __lt__(self, other):
        self._refuse("比较大小", "比较它们的前向值，比如 a.data < b.data")

    __le__ = __gt__ = __ge__ = __lt__

    def __abs__(self):
        self._refuse("abs", "|x| 在 0 处不可导，这门课的计算图里没有它；要数值就用 abs(x.data)")

    def __matmul__(self, other):
        self._refuse("矩阵乘法 @", "Value 是标量结点，用 * 相乘")

    __rmatmul__ = __matmul__

    def __int__(self):
        self._refuse("int(x)、round(x)", "要数值就用 x.data，比如 round(x.data, 2)")

    __round__ = __index__ = __int__

    def __bool__(self):                    # == 比较的是"是不是同一个结点"，所以 if x: 也不猜
        self._refuse("当作真假值（if x:、bool(x)）", "比较它的前向值，比如 if x.data > 0:")

    def __floordiv__(self, other):
        self._refuse("整除 // 和取余 %", "它们不可导，这门课的计算图里没有；要数值就用 x.data // 2")

    __rfloordiv__ = __mod__ = __rmod__ = __divmod__ = __rdivmod__ = __floordiv__

    def __invert__(self):
        self._refuse("按位取反 ~", "Value 是实数结点；要相反数用 -x")

    def __len__(self):
        self._refuse("len()、for 循环或 list()", "Value 是一个标量结点，不是序列")

    __iter__ = __len__

    def __format__(self, spec):            # f"{x:.2f}" 格式化前向值；f"{x}" 仍是 repr
        return format(self.data, spec) if spec else str(self)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """numpy 遇到 Value 时调用这里：+ − × ÷ ** 按 Value 的运算算，别的函数用中文拒绝"""
        if ufunc.__name__ in _COMPARISONS and method == "__call__":
            self.__lt__(None)
        op = _NUMPY_OPS.get(ufunc.__name__)
        if op is None or method != "__call__" or kwargs:
            name = ufunc.__name__ + ("" if method == "__call__" else f".{method}")
            self._refuse_numpy(f"np.{name}")
        return op(*(v if isinstance(v, Value) else self._wrap(v).data for v in inputs))

    def __array_function__(self, func, types, args, kwargs):
        """np.isclose(x, 1) 之类的 numpy 函数：直接说不支持，而不是报它内部用到的 abs"""
        self._refuse_numpy(f"np.{func.__name__}")

    def _refuse_numpy(self, name):
        self._refuse(f" numpy 的函数 {name}",
                     "它不会记下求导规则；用 Value 自己的运算（+ − × ÷ **、"
                     "x.exp()、x.log()、x.sigmoid()），要数值就用 x.data")

    # 每种运算：前向算出 out，并在 out._backward 里存好局部导数规则（链式法则的一环）
    def __add__(self, other):
        other = self._wrap(other)
        out = Value(self.data + other.data, _children=(self, other), op="+")

        def _backward():                   # ∂(x+y)/∂x = 1，∂(x+y)/∂y = 1
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = self._wrap(other)
        out = Value(self.data * other.data, _children=(self, other), op="*")

        def _backward():                   # ∂(xy)/∂x = y，∂(xy)/∂y = x
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def _unary(self, data, op, local):
        """一元运算 out = f(x)：local() 给出局部导数 f'(x)，反向时 x.grad += f'(x)·out.grad"""
        out = Value(data, _children=(self,), op=op)

        def _backward():
            self.grad += local() * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k, mod=None):        # ∂(x^k)/∂x = k·x^(k−1)；k = 0 时 x⁰ = 1 是常数，导数为 0
        if mod is not None:
            self._refuse("三个参数的 pow(x, k, mod)", "取模不可导；用 x ** k")
        if isinstance(k, Value):
            raise TypeError("Value 的指数只支持普通实数（常数），不支持 Value")
        k = as_scalar("指数", k)
        x = self.data
        if x == 0 and k < 0:
            raise ValueError(f"0 不能取负指数（{k:g}）：这相当于除以 0")
        if x < 0 and k != int(k):
            raise ValueError(f"负数 {x:g} 不能取非整数指数 {k:g}：结果不是实数")
        return self._unary(_power(x, k, f"{x:g} ** {k:g}"), f"**{k:g}",
                           lambda: k * _power(x, k - 1) if k != 0 else 0.0)

    def __rpow__(self, base):              # c ** x（c 为正的常数）：∂(c^x)/∂x = c^x · log c
        base = as_scalar("底数", base)
        if base <= 0:
            raise ValueError(f"c ** Value 的底数 c 应为正数，实际为 {base:g}：否则 c^x 对 x 的导数"
                             f"（c^x · log c）不是实数")
        y = _power(base, self.data, f"{base:g} ** {self.data:g}")
        return self._unary(y, f"{base:g}**", lambda: y * math.log(base))

    def exp(self):                         # ∂e^x/∂x = e^x
        if self.data > 709.78:             # math.exp 在这之后超出 float 的范围
            raise ValueError(f"exp 的输入应不大于约 709.78（否则结果超出浮点数范围），实际为 {self.data:g}")
        y = math.exp(self.data)
        return self._unary(y, "exp", lambda: y)

    def log(self):                         # ∂log x/∂x = 1/x
        if self.data <= 0:
            raise ValueError(f"log 的输入应为正数，实际为 {self.data}")
        return self._unary(math.log(self.data), "log", lambda: 1 / self.data)

    def sigmoid(self):                     # σ'(z) = σ(z)(1 − σ(z)) = e^{−|z|} / (1 + e^{−|z|})²
        e = math.exp(-abs(self.data))      # 稳定的 σ：只对 −|z| 取指数
        s = 1 / (1 + e) if self.data >= 0 else e / (1 + e)
        return self._unary(s, "σ", lambda: e / (1 + e) ** 2)

    def __neg__(self):
        return self * -1

    def __pos__(self):
        return self

    def __sub__(self, other):
        return self + (-self._wrap(other))

    def __truediv__(self, other):          # x / y 在图里是 x · y⁻¹
        other = self._wrap(other)
        if other.data == 0:
            raise ValueError(f"不能除以 0：{self.data:g} / 0 没有定义")
        if not math.isfinite(1 / other.data):
            raise ValueError(f"除数 {other.data:g} 太接近 0：x / y 在计算图里是 x · y⁻¹，"
                             f"而 1 / {other.data:g} 超出了浮点数的范围（约 1.8e308）")
        return self * other ** -1

    __radd__ = __add__                     # 加法、乘法可交换：3 + x 与 x + 3 相同
    __rmul__ = __mul__

    def __rsub__(self, other):
        return self._wrap(other) - self

    def __rtruediv__(self, other):
        return self._wrap(other) / self

    def topological_order(self):
        """从叶子到本结点的拓扑序（每个结点排在它所有输入之后）"""
        order, seen = [], set()
        stack = [(self, False)]
        while stack:                       # 非递归的深度优先，长链也不会超出递归深度
            node, done = stack.pop()
            if done:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            for child in reversed(node._prev):     # 倒着压栈，使输入按书写顺序（从左到右）出现
                if id(child) not in seen:
                    stack.append((child, False))
        return order

    def backward(self):
        """反向传播：把本结点的 grad 设为 1，再按逆拓扑序调用每个结点存好的求导规则

        图中所有结点的 grad 先清零，所以重复调用得到同样的结果
        """
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
            node.grad_of = self            # grad 是 ∂(self)/∂(node)：画图时用来写出 ∂J/∂x
        self.grad = 1.0
        for node in reversed(order):
            node._backward()
        for node in order:                 # 导数本身可能超出浮点数范围，比如 1/x 在 x = 1e-200 处
            if not math.isfinite(node.grad):
                name = f" {node.label}" if node.label else f"（{node!r}）"
                raise ValueError(f"反向传播得到的导数不是有限数：结点{name}的 grad 为 {node.grad}；"
                                 f"在这个点上导数是无穷大或超出了浮点数的范围")
