import warnings

import numpy as np
import pytest

import helpers


def test_sigmoid_known_values():
    assert helpers.sigmoid(0) == 0.5
    assert isinstance(helpers.sigmoid(0.0), float)
    z = np.array([[-2.0, -1.0, 0.0, 1.0, 2.0]])
    np.testing.assert_allclose(helpers.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15)


def test_sigmoid_symmetry_and_limits():
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(helpers.sigmoid(-z), 1 - helpers.sigmoid(z), atol=1e-15)
    assert helpers.sigmoid(1e4) == 1.0
    assert helpers.sigmoid(-1e4) == 0.0


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_extreme_no_warning_and_dtype(dtype):
    z = np.array([-1e300 if dtype == np.float64 else -3e38, -1e4, -800, -50, 0, 50, 800, 1e4], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = helpers.sigmoid(z)
        d = helpers.sigmoid_derivative(z)
    assert s.dtype == dtype and d.dtype == dtype
    assert np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))
    assert np.all(np.diff(s) >= 0)
    assert np.all(np.isfinite(d)) and np.all(d >= 0)


def test_sigmoid_derivative_matches_numerical():
    for z in np.linspace(-8, 8, 33):
        num = helpers.numerical_grad(helpers.sigmoid, z)
        assert abs(helpers.sigmoid_derivative(z) - num) < 1e-9
    assert helpers.sigmoid_derivative(0.0) == 0.25


def test_loss_values():
    assert helpers.loss(0.8, 1) == pytest.approx(-np.log(0.8))
    assert helpers.loss(0.8, 0) == pytest.approx(-np.log(0.2))
    assert helpers.loss(1.0, 1) == 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert helpers.loss(0.0, 1) == np.inf


def test_cost_is_mean_of_loss():
    rng = np.random.default_rng(1)
    A = rng.uniform(0.01, 0.99, size=(1, 20))
    Y = (rng.random((1, 20)) < 0.5).astype(float)
    J = helpers.cost(A, Y)
    assert isinstance(J, float)
    manual = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / 20
    assert J == pytest.approx(manual, rel=1e-14)
    assert J == pytest.approx(np.mean(helpers.loss(A, Y)), rel=1e-14)


def test_cost_from_z_matches_cost_and_is_stable():
    rng = np.random.default_rng(2)
    Z = rng.normal(scale=3, size=(1, 30))
    Y = (rng.random((1, 30)) < 0.5).astype(float)
    assert helpers.cost_from_z(Z, Y) == pytest.approx(helpers.cost(helpers.sigmoid(Z), Y), rel=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        J = helpers.cost_from_z(np.array([[1e4, -1e4]]), np.array([[0, 1]]))
    assert J == pytest.approx(1e4)


@pytest.mark.parametrize("call, words", [
    (lambda: helpers.loss(np.array([0.5, 0.5]), np.array([1, 0, 1])), "形状应相同"),
    (lambda: helpers.loss(1.5, 1), "[0, 1]"),
    (lambda: helpers.loss(0.5, 2), "0 和 1"),
    (lambda: helpers.loss(np.nan, 1), "NaN"),
    (lambda: helpers.cost(np.array([0.5, 0.5]), np.array([[1, 0]])), "rank-1"),
    (lambda: helpers.cost(np.array([[0.5], [0.5]]), np.array([[1, 0]])), "(1, 2)"),
    (lambda: helpers.cost(np.array([[0.5, 0.5]]), np.array([[1, 3]])), "0 和 1"),
    (lambda: helpers.cost(np.zeros((1, 0)), np.zeros((1, 0))), "空"),
    (lambda: helpers.cost_from_z(np.array([[np.inf, 0]]), np.array([[1, 0]])), "inf"),
    (lambda: helpers.sigmoid(np.array([1.0, np.nan])), "NaN"),
])
def test_bad_input_value_errors(call, words):
    with pytest.raises(ValueError) as info:
        call()
    assert words in str(info.value)


def test_bad_input_type_errors():
    with pytest.raises(TypeError, match="数值数组"):
        helpers.sigmoid("abc")
    with pytest.raises(TypeError, match="数值数组"):
        helpers.sigmoid(np.array(["1", "2"]))
    with pytest.raises(TypeError, match="实数"):
        helpers.sigmoid(np.array([1 + 2j]))
