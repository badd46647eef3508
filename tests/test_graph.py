import math

import numpy as np
import pytest

import helpers
from helpers import Value


def test_lecture_graph():
    a, b, c = Value(5, "a"), Value(3, "b"), Value(2, "c")
    u = b * c
    v = a + u
    J = 3 * v
    J.backward()
    assert (u.data, v.data, J.data) == (6, 11, 33)
    assert (v.grad, u.grad, a.grad, b.grad, c.grad) == (3, 3, 3, 6, 9)


def test_random_triples_match_formulas():
    rng = np.random.default_rng(0)
    for a0, b0, c0 in rng.normal(size=(20, 3)):
        a, b, c = Value(a0), Value(b0), Value(c0)
        J = 3 * (a + b * c)
        J.backward()
        assert a.grad == 3 and b.grad == pytest.approx(3 * c0) and c.grad == pytest.approx(3 * b0)


def test_gradient_accumulates_when_used_twice():
    x = Value(3.0)
    y = x * x + x          # dy/dx = 2x + 1
    y.backward()
    assert x.grad == 7.0
    y.backward()           # 重复调用不会累加两次
    assert x.grad == 7.0


def test_all_ops_against_numerical_gradient():
    def f(t):
        x = Value(t)
        y = ((x * 2 - 1) ** 2 / (x + 3) + (-x).exp() + (x + 5).log() + x.sigmoid() - 1 / x + (2 - x))
        return x, y

    for t in [0.3, 1.7, 4.0]:
        x, y = f(t)
        y.backward()
        num = helpers.numerical_grad(lambda s: f(s)[1].data, t)
        assert x.grad == pytest.approx(num, rel=1e-7)


def test_logistic_regression_graph_gives_dz():
    z0, y0 = 0.7, 1.0
    z = Value(z0)
    a = z.sigmoid()
    L = -(y0 * a.log() + (1 - y0) * (1 - a).log())
    L.backward()
    s = 1 / (1 + math.exp(-z0))
    assert z.grad == pytest.approx(s - y0, rel=1e-12)


def test_long_chain_no_recursion_error():
    x = Value(1.0)
    y = x
    for _ in range(5000):
        y = y + 1
    y.backward()
    assert x.grad == 1.0


def test_bad_input():
    with pytest.raises(TypeError, match="实数"):
        Value("3")
    with pytest.raises(ValueError, match="有限"):
        Value(float("nan"))
    with pytest.raises(TypeError, match="Value"):
        Value(1.0) + "x"
    with pytest.raises(ValueError, match="正数"):
        Value(-1.0).log()
    with pytest.raises(TypeError, match="label"):
        Value(1.0, label=3)
    with pytest.raises(ValueError, match="709"):
        Value(1000.0).exp()
    with pytest.raises(ValueError, match="除以 0"):
        Value(1.0) / Value(0.0)
    with pytest.raises(ValueError, match="不是实数"):
        Value(-2.0) ** 0.5
    assert Value(709.0).exp().data == pytest.approx(math.exp(709.0))
