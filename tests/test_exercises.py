"""练习检查器 helpers.exercises.CHECKS 的测试

(a) 每道练习至少两种写法的正确答案得 ✓；
(b) 错误答案库：每种适用的常见错误一份，各自得 ✗ 并说出自己的诊断（断言关键词）；
(c) 桩函数 raise NotImplementedError 得 ⏳；
(d) 每次都只打印一行、返回 None，函数抛异常、返回乱七八糟的东西、自己 print 都不外泄；
(e) 笔记本里的练习：折叠的参考答案得 ✓，提交的桩输出 ⏳，每个名字恰在一课里出现；
最后是 tools/progress.py 在一课草稿上的输出。
"""

import linecache
import math
import os
import re
import time
import warnings
from pathlib import Path

import nbformat
import numpy as np
import pytest

import helpers
from helpers.exercises import CHECKS

CORRECT = {
    "numerical_derivative": [
        """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w + eps) - f(w - eps)) / (2 * eps)
""", """
def numerical_derivative(f, w, eps=1e-6):
    up = f(w + eps)
    down = f(w - eps)
    return float(np.divide(up - down, 2.0 * eps))
"""],
    "gradient_descent_1d": [
        """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    for _ in range(num_iterations):
        ws.append(ws[-1] - learning_rate * dJ(ws[-1]))
    return ws
""", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    w = float(w0)
    history = [w]
    i = 0
    while i < num_iterations:
        w = float(w - learning_rate * dJ(w))
        history.append(w)
        i += 1
    return history
"""],
    "graph_forward": [
        """
def graph_forward(a, b, c):
    u = b * c
    v = a + u
    J = 3 * v
    return u, v, J
""", """
def graph_forward(a, b, c):
    u = np.multiply(b, c)
    return (u, a + u, 3.0 * (a + u))
"""],
    "graph_backward": [
        """
def graph_backward(a, b, c):
    dJ_dv = 3
    dJ_du = dJ_dv * 1
    return dJ_dv * 1, dJ_du * c, dJ_du * b
""", """
def graph_backward(a, b, c):
    return 3.0, 3.0 * c, 3.0 * b
"""],
    "sigmoid": [
        """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""", """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    flat_z, flat_out = z.reshape(-1), out.reshape(-1)
    for i in range(flat_z.size):
        if flat_z[i] >= 0:
            flat_out[i] = 1 / (1 + math.exp(-flat_z[i]))
        else:
            e = math.exp(flat_z[i])
            flat_out[i] = e / (1 + e)
    return out
""", """
def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z) / 2))
"""],
    "sigmoid_derivative": [
        """
def sigmoid_derivative(z):
    s = helpers.sigmoid(z)
    return s * (1 - s)
""", """
def sigmoid_derivative(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return e / (1 + e) ** 2
"""],
    "loss": [
        """
def loss(y_hat, y):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""", """
def loss(y_hat, y):
    return np.where(y == 1, -np.log(y_hat), -np.log(1 - y_hat))
"""],
    "cost": [
        """
def cost(A, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
""", """
def cost(A, Y):
    return np.mean(-(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
""", """
def cost(A, Y):
    m = A.shape[1]
    J = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    return float(np.squeeze(J))
"""],
    "propagate_loop": [
        """
def propagate_loop(w, b, X, Y):
    n, m = X.shape
    dw = np.zeros((n, 1))
    db = 0.0
    J = 0.0
    for i in range(m):
        z = b
        for j in range(n):
            z += w[j, 0] * X[j, i]
        a = 1 / (1 + math.exp(-z))
        J += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        dz = a - Y[0, i]
        for j in range(n):
            dw[j, 0] += X[j, i] * dz
        db += dz
    return dw / m, float(db / m), float(J / m)
""", """
def propagate_loop(w, b, X, Y):
    m = X.shape[1]
    dw = np.zeros_like(w)
    db, J = 0.0, 0.0
    for i in range(m):
        x = X[:, i:i + 1]
        a = helpers.sigmoid((w.T @ x).item() + b)
        J -= Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
        dw += x * (a - Y[0, i])
        db += a - Y[0, i]
    return dw / m, db / m, J / m
"""],
    "initialize_with_zeros": [
        """
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b
""", """
def initialize_with_zeros(dim):
    return np.zeros(shape=(dim, 1), dtype=float), float(0)
"""],
    "optimize": [
        """
def optimize(w, b, X, Y, num_iterations, learning_rate):
    costs = []
    for i in range(num_iterations):
        dw, db, J = helpers.grads_vectorized(w, b, X, Y)
        costs.append(J)
        w = w - learning_rate * dw
        b = b - learning_rate * db
    return w, b, costs
""", """
def optimize(w, b, X, Y, num_iterations, learning_rate):
    w = w.copy()
    costs = []
    m = X.shape[1]
    for i in range(num_iterations):
        A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
        costs.append(float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))))
        w -= learning_rate * np.dot(X, (A - Y).T) / m
        b -= learning_rate * float(np.sum(A - Y)) / m
    return w, b, costs
"""],
    "predict": [
        """
def predict(w, b, X):
    A = helpers.sigmoid(w.T @ X + b)
    return (A >= 0.5).astype(int)
""", """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    for i in range(A.shape[1]):
        if A[0, i] >= 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction
"""],
    "propagate": [
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    dZ = A - Y
    cost = helpers.cost(A, Y)
    return X @ dZ.T / m, float(np.sum(dZ)) / m, cost
""", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    return dw, db, cost
"""],
    "normalize_rows": [
        """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)
""", """
def normalize_rows(x):
    norms = np.sqrt(np.sum(x ** 2, axis=1)).reshape(-1, 1)
    out = x.copy()
    out /= norms
    return out
"""],
    "random_mini_batches": [
        """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    X, Y = X[:, order], Y[:, order]
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size])
            for k in range(0, m, mini_batch_size)]
""", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete = math.floor(m / mini_batch_size)
    for k in range(num_complete):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete * mini_batch_size:]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches
""", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    rng = np.random.default_rng(seed)
    idx = np.arange(X.shape[1])
    rng.shuffle(idx)
    splits = range(mini_batch_size, X.shape[1], mini_batch_size)
    return list(zip(np.split(X[:, idx], splits, axis=1), np.split(Y[:, idx], splits, axis=1)))
"""],
    "confusion_matrix": [
        """
def confusion_matrix(Y_pred, Y):
    return np.array([[np.sum((Y == 0) & (Y_pred == 0)), np.sum((Y == 0) & (Y_pred == 1))],
                     [np.sum((Y == 1) & (Y_pred == 0)), np.sum((Y == 1) & (Y_pred == 1))]])
""", """
def confusion_matrix(Y_pred, Y):
    M = np.zeros((2, 2), dtype=int)
    for t, p in zip(Y.ravel(), Y_pred.ravel()):
        M[int(t), int(p)] += 1
    return M
"""],
}

# (名字, 诊断里应有的关键词, 错误答案)：每种常见错误一份
WRONG = [
    # ---- 01 numerical_derivative
    ("numerical_derivative", "前向差分", """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w + eps) - f(w)) / eps
"""),
    ("numerical_derivative", "后向差分", """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w) - f(w - eps)) / eps
"""),
    ("numerical_derivative", "分母少了 2", """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w + eps) - f(w - eps)) / eps
"""),
    ("numerical_derivative", "符号反了", """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w - eps) - f(w + eps)) / (2 * eps)
"""),
    ("numerical_derivative", "没有用参数 eps", """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w + 1e-6) - f(w - 1e-6)) / 2e-6
"""),
    ("numerical_derivative", "默认值是 0.5，应为 1e-6", """
def numerical_derivative(f, w, eps=0.5):
    return (f(w + eps) - f(w - eps)) / (2 * eps)
"""),
    ("numerical_derivative", "形状为 (1,) 的数组", """
def numerical_derivative(f, w, eps=1e-6):
    return np.array([(f(w + eps) - f(w - eps)) / (2 * eps)])
"""),
    ("numerical_derivative", "算出的导数不对", """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w + eps) - f(w - eps)) / (2 * eps ** 2)
"""),
    # ---- 01 gradient_descent_1d
    ("gradient_descent_1d", "少了起点 w0", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws, w = [], w0
    for _ in range(num_iterations):
        w = w - learning_rate * dJ(w)
        ws.append(w)
    return ws
"""),
    ("gradient_descent_1d", "少了最后一次", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    for _ in range(num_iterations - 1):
        ws.append(ws[-1] - learning_rate * dJ(ws[-1]))
    return ws
"""),
    ("gradient_descent_1d", "应有 6 个", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    for _ in range(num_iterations + 1):
        ws.append(ws[-1] - learning_rate * dJ(ws[-1]))
    return ws
"""),
    ("gradient_descent_1d", "更新方向反了", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    for _ in range(num_iterations):
        ws.append(ws[-1] + learning_rate * dJ(ws[-1]))
    return ws
"""),
    ("gradient_descent_1d", "应返回 list", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    for _ in range(num_iterations):
        ws.append(ws[-1] - learning_rate * dJ(ws[-1]))
    return np.array(ws)
"""),
    ("gradient_descent_1d", "形状为 () 的数组", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    w = np.array(w0)
    ws = [w]
    for _ in range(num_iterations):
        w = w - learning_rate * dJ(w)
        ws.append(w)
    return ws
"""),
    ("gradient_descent_1d", "dJ 要在当前的 w 上求值", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    for _ in range(num_iterations):
        ws.append(ws[-1] - learning_rate * dJ(w0))
    return ws
"""),
    ("graph_forward", "应为一个数", """
def graph_forward(a, b, c):
    u = np.array([b * c])
    return u, a + u, 3 * (a + u)
"""),
    # ---- 02 graph_forward / graph_backward
    ("graph_forward", "顺序不对", """
def graph_forward(a, b, c):
    u = b * c
    v = a + u
    return 3 * v, v, u
"""),
    ("graph_forward", "u 不对", """
def graph_forward(a, b, c):
    u = b + c
    v = a + u
    return u, v, 3 * v
"""),
    ("graph_forward", "J 不对", """
def graph_forward(a, b, c):
    u = b * c
    return u, a + u, 3 * u
"""),
    ("graph_forward", "应返回 3 个值", """
def graph_forward(a, b, c):
    return 3 * (a + b * c)
"""),
    ("graph_backward", "dJ_db 和 dJ_dc 弄反了", """
def graph_backward(a, b, c):
    return 3, 3 * b, 3 * c
"""),
    ("graph_backward", "忘了乘上游的导数", """
def graph_backward(a, b, c):
    return 1.0, c, b
"""),
    ("graph_backward", "顺序不对", """
def graph_backward(a, b, c):
    return 3 * b, 3 * c, 3
"""),
    ("numerical_derivative", "先除以 2 再乘 eps", """
def numerical_derivative(f, w, eps=1e-6):
    return (f(w + eps) - f(w - eps)) / 2 * eps
"""),
    ("numerical_derivative", "分子少了括号", """
def numerical_derivative(f, w, eps=1e-6):
    return f(w + eps) - f(w - eps) / (2 * eps)
"""),
    ("numerical_derivative", "默认值是 0.01", """
def numerical_derivative(f, w, eps=1e-2):
    return (f(w + eps) - f(w - eps)) / (2 * eps)
"""),
    ("gradient_descent_1d", "没有乘学习率", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    for _ in range(num_iterations):
        ws.append(ws[-1] - dJ(ws[-1]))
    return ws
"""),
    ("gradient_descent_1d", "w0 出现了两次", """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws, w = [w0], w0
    for _ in range(num_iterations):
        ws.append(w)
        w = w - learning_rate * dJ(w)
    return ws
"""),
    ("graph_backward", "笔记本里的数据 dv_demo", """
dv_demo = 3.0

def graph_backward(a, b, c):
    return dv_demo, dv_demo * c, dv_demo * b
"""),
    ("graph_backward", "dJ_da 不对", """
def graph_backward(a, b, c):
    return 1, 3 * c, 3 * b
"""),
    # ---- 03 sigmoid / sigmoid_derivative
    ("sigmoid", "两支都只用它", """
def sigmoid(z):
    return 1 / (1 + np.exp(-z))
"""),
    ("sigmoid", "两支都只用它", """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.zeros(z.shape)
    for idx in np.ndindex(z.shape):
        out[idx] = 1 / (1 + math.exp(-z[idx]))
    return out
"""),
    ("sigmoid", "e^{z}/(1+e^{z}) 在 z = 1000", """
def sigmoid(z):
    return np.exp(z) / (1 + np.exp(z))
"""),
    ("sigmoid", "e 要取 e^{−|z|}", """
def sigmoid(z):
    e = np.exp(-z)
    return np.where(z >= 0, 1, e) / (1 + e)
"""),
    ("graph_backward", "对 b 的局部导数是 c", """
def graph_backward(a, b, c):
    return 3.0, 3.0 * b + 0.5, 3.0 * b
"""),
    ("sigmoid", "np.where 又会把两支", """
def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
"""),
    ("sigmoid", "math.exp、math.log 只接受一个数", """
def sigmoid(z):
    return 1 / (1 + math.exp(-z))
"""),
    ("sigmoid", "数组不能直接放进 if", """
def sigmoid(z):
    if z >= 0:
        return 1 / (1 + np.exp(-z))
    return np.exp(z) / (1 + np.exp(z))
"""),
    ("sigmoid", "np.where 的两支放反了", """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e, 1) / (1 + e)
"""),
    ("sigmoid", "算出的是 σ(−z)", """
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e, 1) / (1 + e)
"""),
    ("sigmoid", "rank-1", """
def sigmoid(z):
    z = np.asarray(z, dtype=float).ravel()
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1, e) / (1 + e)
"""),
    ("sigmoid", "小数被截掉了", """
def sigmoid(z):
    z = np.asarray(z)
    out = np.zeros_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    out[~pos] = np.exp(z[~pos]) / (1 + np.exp(z[~pos]))
    return out
"""),
    ("sigmoid", "改动了传入的 z", """
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    z[...] = np.where(z >= 0, 1, e) / (1 + e)
    return z
"""),
    ("sigmoid", "笔记本里的数据 z_demo", """
def sigmoid(z):
    e = np.exp(-np.abs(z_demo))
    return np.where(z_demo >= 0, 1, e) / (1 + e)
"""),
    ("sigmoid_derivative", "σ(z) 本身", """
def sigmoid_derivative(z):
    return helpers.sigmoid(z)
"""),
    ("sigmoid_derivative", "把 z 当成了 σ(z)", """
def sigmoid_derivative(z):
    return z * (1 - z)
"""),
    ("sigmoid_derivative", "符号不对", """
def sigmoid_derivative(z):
    s = helpers.sigmoid(z)
    return s * (1 + s)
"""),
    ("sigmoid_derivative", "用到的 sigmoid 还没写完", """
def sigmoid(z):
    raise NotImplementedError

def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)
"""),
    ("sigmoid", "σ(z) 的值不对", """
def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z)))
"""),
    ("sigmoid", "标量 z 进来", """
def sigmoid(z):
    z = np.atleast_1d(np.asarray(z, dtype=float))
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1, e) / (1 + e)
"""),
    ("sigmoid", "结果里有 nan", """
def sigmoid(z):
    with np.errstate(all="ignore"):
        return np.exp(z) / (1 + np.exp(z))
"""),
    ("sigmoid_derivative", "σ'(z) 的值不对", """
def sigmoid_derivative(z):
    s = helpers.sigmoid(z)
    return s * (1 - s) / 2
"""),
    # ---- 04 loss / cost
    ("loss", "把 y 和 ŷ 的位置弄反了", """
def loss(y_hat, y):
    return -(y_hat * np.log(y) + (1 - y_hat) * np.log(1 - y))
"""),
    ("loss", "math.exp、math.log 只接受一个数", """
def loss(y_hat, y):
    return -(y * math.log(y_hat) + (1 - y) * math.log(1 - y_hat))
"""),
    ("cost", "len(·) 和 .shape[0] 都是 1", """
def cost(A, Y):
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / len(Y))
"""),
    ("loss", "两个 log 项放反了", """
def loss(y_hat, y):
    return -(y * np.log(1 - y_hat) + (1 - y) * np.log(y_hat))
"""),
    ("loss", "这是平方误差", """
def loss(y_hat, y):
    return (y_hat - y) ** 2
"""),
    ("loss", "少了负号", """
def loss(y_hat, y):
    return y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)
"""),
    ("loss", "返回了一个数", """
def loss(y_hat, y):
    return float(-np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))
"""),
    ("loss", "以 10 为底", """
def loss(y_hat, y):
    return -(y * np.log10(y_hat) + (1 - y) * np.log10(1 - y_hat))
"""),
    ("loss", "少了 (1 − y)·log(1 − ŷ)", """
def loss(y_hat, y):
    return -y * np.log(y_hat)
"""),
    ("loss", "divide by zero", """
def loss(y_hat, y):
    return -(y_hat * np.log(y) + (1 - y_hat) * np.log(1 - y))
"""),
    ("loss", "转置了", """
def loss(y_hat, y):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)).T
"""),
    ("cost", "还要求平均", """
def cost(A, Y):
    return -(Y * np.log(A) + (1 - Y) * np.log(1 - A))
"""),
    ("cost", "少了负号", """
def cost(A, Y):
    return float(np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
"""),
    ("cost", "忘了除以 m", """
def cost(A, Y):
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
"""),
    ("cost", "多除了一次 m", """
def cost(A, Y):
    m = Y.shape[1]
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
"""),
    ("cost", "形状为 () 的数组", """
def cost(A, Y):
    m = Y.shape[1]
    J = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    return np.squeeze(J)
"""),
    ("cost", "形状为 (1, 1) 的数组", """
def cost(A, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
"""),
    ("cost", "m 写死了", """
def cost(A, Y):
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / 4)
"""),
    ("cost", "笔记本里的数据 Y_train", """
def cost(A, Y):
    m = Y_train.shape[1]
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
"""),
    ("cost", "以 10 为底", """
def cost(A, Y):
    return float(-np.mean(Y * np.log10(A) + (1 - Y) * np.log10(1 - A)))
"""),
]

# 向量化的 propagate 与循环版 propagate_loop 共用的错误写法：{body} 处换成各自的梯度
_PROPAGATE_WRONG = [
    ("用了逐元素的 *", "dw = X * dZ / m"),
    ("rank-1", "dw = (X @ dZ.T / m).ravel()"),
    ("转置了", "dw = dZ @ X.T / m"),
    ("db 是形状为 (1, 1)", "db = np.sum(dZ, axis=1, keepdims=True) / m"),
    ("dw 大了 m 倍", "dw = X @ dZ.T"),
    ("多除了一次 m", "dw = X @ dZ.T / m / m"),
    ("写死了", "dw, db, J = X @ dZ.T / 5, float(np.sum(dZ)) / 5, J * m / 5"),
]


def _propagate_wrong(name):
    """把上面每种错误代入同一份答案；带一个空循环，循环版的检查也能走到数值比较"""
    out = []
    for words, change in _PROPAGATE_WRONG:
        out.append((name, words, f"""
def {name}(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    dZ = A - Y
    J = helpers.cost(A, Y)
    dw = X @ dZ.T / m
    db = float(np.sum(dZ)) / m
    {change}
    for _ in range(1):
        pass
    return dw, db, J
"""))
    return out


WRONG += _propagate_wrong("propagate") + _propagate_wrong("propagate_loop") + [
    ("propagate", "cost 是形状 (1, 5) 的数组", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    cost = -(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return X @ (A - Y).T / m, float(np.sum(A - Y)) / m, cost
"""),
    ("propagate", "少了负号", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    cost = float(np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    return X @ (A - Y).T / m, float(np.sum(A - Y)) / m, cost
"""),
    ("propagate", "顺序不对", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    return X @ (A - Y).T / m, helpers.cost(A, Y), float(np.sum(A - Y)) / m
"""),
    ("propagate", "符号反了", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    return X @ (Y - A).T / m, float(np.sum(Y - A)) / m, helpers.cost(A, Y)
"""),
    ("propagate", "忘了加 b", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X)
    return X @ (A - Y).T / m, float(np.sum(A - Y)) / m, helpers.cost(A, Y)
"""),
    ("propagate", "w.T @ X", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w * X + b)
    return X @ (A - Y).T / m, float(np.sum(A - Y)) / m, 0.5
"""),
    ("propagate", "笔记本里的数据 X_train", """
def propagate(w, b, X, Y):
    m = X_train.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    return X @ (A - Y).T / m, float(np.sum(A - Y)) / m, helpers.cost(A, Y)
"""),
    ("propagate", "这道题要向量化", """
def propagate(w, b, X, Y):
    return helpers.grads_loop(w, b, X, Y)
"""),
    ("propagate", "这道题要向量化", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    dw = sum(X[:, i:i + 1] * (A[0, i] - Y[0, i]) for i in range(m)) / m
    return dw, float(np.sum(A - Y)) / m, helpers.cost(A, Y)
"""),
    ("propagate", "是哪一边要转置", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    return X @ (A - Y) / m, float(np.sum(A - Y)) / m, helpers.cost(A, Y)
"""),
    ("normalize_rows", "忘了写 return", """
def normalize_rows(x):
    x / np.linalg.norm(x, axis=1, keepdims=True)
"""),
    ("propagate_loop", "没有看到 for 循环", """
def propagate_loop(w, b, X, Y):
    return helpers.grads_vectorized(w, b, X, Y)
"""),
    ("propagate_loop", "用到的 sigmoid 还没写完", """
def sigmoid(z):
    raise NotImplementedError

def propagate_loop(w, b, X, Y):
    for i in range(X.shape[1]):
        a = sigmoid(w.T @ X[:, i:i + 1] + b)
"""),
    # ---- 05 initialize_with_zeros
    ("initialize_with_zeros", "rank-1", """
def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0
"""),
    ("initialize_with_zeros", "转置了", """
def initialize_with_zeros(dim):
    return np.zeros((1, dim)), 0.0
"""),
    ("initialize_with_zeros", "是整数 0", """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0
"""),
    ("initialize_with_zeros", "b 是形状为 (1,) 的数组", """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), np.zeros(1)
"""),
    ("initialize_with_zeros", "写死了", """
def initialize_with_zeros(dim):
    return np.zeros((2, 1)), 0.0
"""),
    ("initialize_with_zeros", "顺序不对", """
def initialize_with_zeros(dim):
    return 0.0, np.zeros((dim, 1))
"""),
    ("initialize_with_zeros", "应为浮点数", """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1), dtype=int), 0.0
"""),
    ("initialize_with_zeros", "应全为 0", """
def initialize_with_zeros(dim):
    return np.random.default_rng(0).normal(size=(dim, 1)) * 0.01, 0.0
"""),
    # ---- 05 optimize
    # ---- 05 predict
    ("predict", "不是 > 0.5", """
def predict(w, b, X):
    return (helpers.sigmoid(w.T @ X + b) > 0.5).astype(float)
"""),
    ("predict", "这是概率", """
def predict(w, b, X):
    return helpers.sigmoid(w.T @ X + b)
"""),
    ("predict", "布尔数组", """
def predict(w, b, X):
    return helpers.sigmoid(w.T @ X + b) >= 0.5
"""),
    ("predict", "rank-1", """
def predict(w, b, X):
    return (helpers.sigmoid(w.T @ X + b) >= 0.5).astype(int).ravel()
"""),
    ("predict", "0 和 1 弄反了", """
def predict(w, b, X):
    return (helpers.sigmoid(w.T @ X + b) < 0.5).astype(int)
"""),
    ("predict", "忘了加 b", """
def predict(w, b, X):
    return (helpers.sigmoid(w.T @ X) >= 0.5).astype(int)
"""),
    ("predict", "写死了", """
def predict(w, b, X):
    Y_prediction = np.zeros((1, 6))
    A = helpers.sigmoid(w.T @ X + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] >= 0.5 else 0
    return Y_prediction
"""),
    # ---- 06 normalize_rows
    ("normalize_rows", "按列求了范数", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)
"""),
    ("normalize_rows", "整个矩阵的范数", """
def normalize_rows(x):
    return x / np.linalg.norm(x)
"""),
    ("normalize_rows", "忘了开方", """
def normalize_rows(x):
    return x / np.sum(x * x, axis=1, keepdims=True)
"""),
    ("normalize_rows", "keepdims=True", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1)
"""),
    ("normalize_rows", "改动了传入的 x", """
def normalize_rows(x):
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x
"""),
    # ---- 07 random_mini_batches
    ("random_mini_batches", "应返回 list", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    p = np.random.default_rng(seed).permutation(m)
    for k in range(0, m, mini_batch_size):
        yield X[:, p[k:k + mini_batch_size]], Y[:, p[k:k + mini_batch_size]]
"""),
    ("random_mini_batches", "改动了传入的 X", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    p = np.random.default_rng(seed).permutation(m)
    X[:] = X[:, p]
    Y[:] = Y[:, p]
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size])
            for k in range(0, m, mini_batch_size)]
"""),
    # ---- 07 confusion_matrix
    ("confusion_matrix", "转置了", """
def confusion_matrix(Y_pred, Y):
    M = np.zeros((2, 2), dtype=int)
    for t, p in zip(Y.ravel(), Y_pred.ravel()):
        M[int(p), int(t)] += 1
    return M
"""),
    ("confusion_matrix", "正类放在了前面", """
def confusion_matrix(Y_pred, Y):
    tp = int(np.sum((Y == 1) & (Y_pred == 1)))
    tn = int(np.sum((Y == 0) & (Y_pred == 0)))
    fp = int(np.sum((Y == 0) & (Y_pred == 1)))
    fn = int(np.sum((Y == 1) & (Y_pred == 0)))
    return np.array([[tp, fn], [fp, tn]])
"""),
    ("confusion_matrix", "应为整数", """
def confusion_matrix(Y_pred, Y):
    M = np.zeros((2, 2))
    for t, p in zip(Y.ravel(), Y_pred.ravel()):
        M[int(t), int(p)] += 1
    return M
"""),
    ("confusion_matrix", "应为 numpy 数组", """
def confusion_matrix(Y_pred, Y):
    return [[int(np.sum((Y == t) & (Y_pred == p))) for p in (0, 1)] for t in (0, 1)]
"""),
    ("confusion_matrix", "返回的是比例", """
def confusion_matrix(Y_pred, Y):
    cm = np.array([[np.sum((Y == t) & (Y_pred == p)) for p in (0, 1)] for t in (0, 1)])
    return cm / Y.shape[1]
"""),
    ("confusion_matrix", "计数不对", """
def confusion_matrix(Y_pred, Y):
    return np.array([[np.sum(Y == 0), 0], [0, np.sum(Y == 1)]])
"""),
    ("loss", "结果里有 nan 或 inf", """
def loss(y_hat, y):
    with np.errstate(all="ignore"):
        return -(y_hat * np.log(y) + (1 - y_hat) * np.log(1 - y))
"""),
    ("cost", "应为 Python float", """
def cost(A, Y):
    return np.float32(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
"""),
    ("propagate", "返回了 2 个值", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = helpers.sigmoid(w.T @ X + b)
    return X @ (A - Y).T / m, float(np.sum(A - Y)) / m
"""),
    ("initialize_with_zeros", "的形状是 (3, 1)，应为 (2, 1)", """
def initialize_with_zeros(dim):
    return np.zeros((dim + 1, 1)), 0.0
"""),
    ("initialize_with_zeros", "b 应为 0.0", """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.01
"""),
    ("predict", "的类型是 list", """
def predict(w, b, X):
    return [int(a >= 0.5) for a in helpers.sigmoid(w.T @ X + b)[0]]
"""),
    ("predict", "时预测不对", """
def predict(w, b, X):
    return np.ones((1, X.shape[1]))
"""),
    ("predict", "拿 z 和 0.5 比了", """
def predict(w, b, X):
    return (w.T @ X + b >= 0.5).astype(int)
"""),
    ("normalize_rows", "结果不对", """
def normalize_rows(x):
    return x / np.max(np.abs(x), axis=1, keepdims=True)
"""),
    ("random_mini_batches", "各批的大小不对", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    p = np.random.default_rng(seed).permutation(m)
    parts = np.array_split(p, max(1, -(-m // mini_batch_size)))
    return [(X[:, q], Y[:, q]) for q in parts]
"""),
    ("confusion_matrix", "应为 (2, 2)", """
def confusion_matrix(Y_pred, Y):
    return np.array([np.sum((Y == t) & (Y_pred == p)) for t in (0, 1) for p in (0, 1)])
"""),
]

# propagate_loop 的错误写法：讲义那一页的两重循环，只改一处
_LOOP = """
def propagate_loop(w, b, X, Y):
    n, m = X.shape
    dw, db, J = np.zeros((n, 1)), 0.0, 0.0
    for i in {samples}:
        z = float(w[:, 0] @ X[:, i]) + b
        a = 1 / (1 + math.exp(-z))
        J += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        dz = a - Y[0, i]
        {dw}
        {db}{early}
    return dw / m, db / m, J / m
"""


def _loop(samples="range(m)", dw="dw += X[:, i:i + 1] * dz", db="db += dz", early=""):
    return _LOOP.format(samples=samples, dw=dw, db=db, early=early)


WRONG += [("propagate_loop", words, source) for words, source in [
    ("漏掉了第一个样本", _loop(samples="range(1, m)")),
    ("漏掉了最后一个样本", _loop(samples="range(m - 1)")),
    ("return 是不是缩进到了循环里",
     _loop(early="\n        return dw / m, db / m, J / m")),
    ("下标按 X[j, i] 的顺序",
     _loop(dw="for j in range(n):\n            dw[j, 0] += X[i, j] * dz")),
    ("dw 累加的是 x·a", _loop(dw="dw += X[:, i:i + 1] * a")),
    ("db 只剩最后一个样本的 dz", _loop(db="db = dz")),
    ("dw 只剩最后一个样本的 x·dz", _loop(dw="dw = X[:, i:i + 1] * dz")),
]]


# optimize 与 random_mini_batches 的错误写法：同一份答案只改一两处
_OPTIMIZE = """
def optimize(w, b, X, Y, num_iterations, learning_rate):
    costs = []
    for i in range(num_iterations):
        dw, db, J = helpers.grads_vectorized(w, b, X, Y)
        {record}
        {update}
    {after}
    return {returned}
"""
_STEP = "w, b = w - learning_rate * dw, b - learning_rate * db"


def _optimize(record="costs.append(J)", update=_STEP, after="", returned="w, b, costs"):
    return _OPTIMIZE.format(record=record, update=update, after=after, returned=returned)


_BATCHES = """
def random_mini_batches(X, Y, mini_batch_size={default}, seed=0):
    m = X.shape[1]
    p = {perm}
    return [({xb}, {yb})
            for k in range(0, {stop}, mini_batch_size)]
"""


def _batches(perm="np.random.default_rng(seed).permutation(m)", default=64, stop="m",
             xb="X[:, p[k:k + mini_batch_size]]", yb="Y[:, p[k:k + mini_batch_size]]"):
    return _BATCHES.format(perm=perm, default=default, stop=stop, xb=xb, yb=yb)


WRONG += [("optimize", "num_iterations 在前", """
def optimize(w, b, X, Y, learning_rate, num_iterations):
    costs = []
    for i in range(num_iterations):
        dw, db, J = helpers.grads_vectorized(w, b, X, Y)
        costs.append(J)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, costs
""")]
WRONG += [("optimize", words, source) for words, source in [
    ("更新之后才记", _optimize(record="pass", update=_STEP + "\n        costs.append("
                                "helpers.grads_vectorized(w, b, X, Y)[2])")),
    ("更新方向反了", _optimize(update="w, b = w + learning_rate * dw, b + learning_rate * db")),
    ("改动了传入的 w", _optimize(update="w -= learning_rate * dw\n        b -= learning_rate * db")),
    ("不是每 100 次", _optimize(record="if i % 100 == 0:\n            costs.append(J)")),
    ("应每次迭代一个", _optimize(record="if i % 2 == 0:\n            costs.append(J)")),
    ("costs 多了一个", _optimize(after="costs.append(helpers.grads_vectorized(w, b, X, Y)[2])")),
    ("costs[0] 是形状为 (1, 1)", _optimize(record="costs.append(np.array([[J]]))")),
    ("应为 list", _optimize(returned="w, b, np.array(costs)")),
    ("顺序不对", _optimize(returned="costs, w, b")),
    ("w 不对", _optimize(update="w, b = w - 0.01 * dw, b - 0.01 * db")),
    ("迭代 20 次时 w 不对", _optimize(update=_STEP + "\n        if i >= 10:\n"
                                           "            learning_rate = learning_rate / 2")),
    ("costs 有 7 个", _optimize().replace("range(num_iterations)",
                                          "range(min(num_iterations, 7))")),
    ("b 没有更新", _optimize(update="w = w - learning_rate * dw")),
]] + [("random_mini_batches", words, source) for words, source in [
    ("丢了最后一个不满的小批量", _batches(stop="m - mini_batch_size + 1")),
    ("没有打乱", _batches(perm="np.arange(m)")),
    ("X 和 Y 打乱得不一样", _batches(yb="Y[:, np.random.default_rng(seed + 1).permutation(m)]"
                                   "[:, k:k + mini_batch_size]")),
    ("有的样本重复了", _batches(perm="np.random.default_rng(seed).choice(m, m)")),
    ("每批少了一个样本", _batches(xb="X[:, p[k:k + mini_batch_size - 1]]",
                          yb="Y[:, p[k:k + mini_batch_size - 1]]")),
    ("同一个 seed 两次的结果不一样", _batches(perm="rng.permutation(m)")),
    ("换了 seed 打乱顺序却没变", _batches(perm="np.random.default_rng(42).permutation(m)")),
    ("X_batch 形状", _batches(xb="X[:, p[k:k + mini_batch_size]].T")),
    ("Y_batch 形状", _batches(yb="Y[0, p[k:k + mini_batch_size]]")),
    ("默认值应为 64", _batches(default=32)),
    # 不随机的“打乱”：固定的小例子分不出来，m = 100 时一看便知
    ("没有真正随机打乱", _batches(perm="np.roll(np.arange(m), seed + 1)")),
    ("没有真正随机打乱", _batches(perm="np.roll(np.arange(m)[::-1], seed + 1)")),
    ("没有真正随机打乱", _batches(
        perm="np.concatenate([np.random.default_rng(seed).permutation("
             "m - m % mini_batch_size), np.arange(m - m % mini_batch_size, m)])")),
    ("X 和 Y 的位置反了", _batches(xb="Y[:, p[k:k + mini_batch_size]]",
                             yb="X[:, p[k:k + mini_batch_size]]")),
    ("按行取了", _batches(xb="X[p[k:k + mini_batch_size]]")),
]] + [
    ("random_mini_batches", "数值和原来的样本对不上", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    X = X / 2
    m = X.shape[1]
    p = np.random.default_rng(seed).permutation(m)
    return [(X[:, p[k:k + mini_batch_size]], Y[:, p[k:k + mini_batch_size]])
            for k in range(0, m, mini_batch_size)]
"""),
    # 阈值只差一点：z 离 0 很近的几列分得出来
    ("predict", "阈值不对", """
def predict(w, b, X):
    return (helpers.sigmoid(w.T @ X + b) > 0.45).astype(float)
"""),
    ("predict", "阈值不对", """
def predict(w, b, X):
    return (w.T @ X + b > -0.05).astype(float)
"""),
    ("predict", "阈值不对", """
def predict(w, b, X):
    return (helpers.sigmoid(w.T @ X + b) >= 0.55).astype(float)
"""),
    ("predict", "−1/+1", """
def predict(w, b, X):
    return np.where(helpers.sigmoid(w.T @ X + b) >= 0.5, 1.0, -1.0)
"""),
    # 标量只在 z = 0 时试过：只对 0 对的标量分支
    ("sigmoid", "算出的是 σ(−z)", """
def sigmoid(z):
    if np.ndim(z) == 0:
        return 1 / (1 + math.exp(z))
    return helpers.sigmoid(z)
"""),
    ("sigmoid", "标量 z = −2.0", """
def sigmoid(z):
    if np.ndim(z) == 0:
        return 0.5
    return helpers.sigmoid(z)
"""),
    ("sigmoid_derivative", "标量 z = −2.0", """
def sigmoid_derivative(z):
    if np.ndim(z) == 0:
        return 0.25
    return helpers.sigmoid_derivative(z)
"""),
    # 朴素的 sigmoid 把自己的警告藏起来
    ("sigmoid", "把警告关掉了", """
def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))
"""),
    ("sigmoid", "把警告关掉了", """
import warnings

def sigmoid(z):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return 1 / (1 + np.exp(-z))
"""),
    # 背下固定几组数据的答案
    ("graph_backward", "换一组随机的就不对了", """
def graph_backward(a, b, c):
    return {(5.0, 3.0, 2.0): (3, 6, 9), (1.5, -2.0, 4.0): (3, 12, -6),
            (-1.0, 0.5, -3.0): (3, -9, 1.5)}[(a, b, c)]
"""),
    ("graph_forward", "换一组随机的就不对了", """
def graph_forward(a, b, c):
    known = {5.0: (6.0, 11.0, 33.0), 1.5: (-8.0, -6.5, -19.5), -1.0: (-1.5, -2.5, -7.5)}
    return known.get(a, (0.0, 0.0, 0.0))
"""),
    # 没有算成本：不要说成“少了 (1 − y) 那一项”
    ("propagate", "成本全是 0", """
def propagate(w, b, X, Y):
    dw, db, _ = helpers.grads_vectorized(w, b, X, Y)
    cost = 0.0  # TODO
    return dw, db, cost
"""),
    ("propagate_loop", "成本全是 0", """
def propagate_loop(w, b, X, Y):
    n, m = X.shape
    dw, db, cost = np.zeros((n, 1)), 0.0, 0.0
    for i in range(m):
        a = helpers.sigmoid((w.T @ X[:, i:i + 1]).item() + b)
        dz = a - Y[0, i]
        dw += X[:, i:i + 1] * dz
        db += dz
    return dw / m, db / m, cost
"""),
    # 不是 log 的除以 0：不要怪 y 和 ŷ 弄反
    ("cost", "除以 0", """
def cost(A, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / np.float64(m - 1))
"""),
    # 其他误导过的提示
    ("sigmoid", "还没写完：sigmoid 的函数体写了，但还留着 raise NotImplementedError："
                "删掉 raise 那一行", """
def sigmoid(z):
    \"\"\"σ(z)\"\"\"
    s = helpers.sigmoid(z)
    raise NotImplementedError
"""),
    ("confusion_matrix", "TN 和 TP 的位置对调了",      # 只对调了对角线上的两格
     next(src for _, words, src in WRONG if words == "正类放在了前面").replace(
         "[[tp, fn], [fp, tn]]", "[[tp, fp], [fn, tn]]")),
    ("initialize_with_zeros", "np.zeros((dim, 1))，形状是一个二元组", """
def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0
"""),
    ("initialize_with_zeros", "从参数取，比如 (dim, 1) 里的 dim", """
def initialize_with_zeros(dim):
    return np.zeros((2, 1)), 0.0
"""),
]


# 笔记本里常见的数据全局变量：错误答案里会误用它们
NOTEBOOK_GLOBALS = dict(
    z_demo=np.linspace(-3, 3, 5), Y_train=np.ones((1, 4)), X_train=np.ones((3, 4)),
    rng=np.random.default_rng(0))

_sources = 0


def define(name, source, extra=None):
    """像笔记本单元格一样执行 source（源码登记进 linecache，报错能显示那一行），取出函数"""
    global _sources
    _sources += 1
    filename = f"<cell-{_sources}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = dict(np=np, math=math, helpers=helpers, **NOTEBOOK_GLOBALS, **(extra or {}))
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def verdict(capsys, name, fn):
    """运行 CHECKS[name](fn)：断言只打印一行、没有警告外泄、返回 None，返回这一行"""
    capsys.readouterr()
    with warnings.catch_warnings(record=True) as leaked:
        warnings.simplefilter("always")
        returned = CHECKS[name](fn)
    out, err = capsys.readouterr()
    assert [str(w.message) for w in leaked] == []
    assert returned is None
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 1 and out.endswith("\n"), out
    assert not re.search(r"ipykernel|/tmp/|/work/|<cell-", lines[0]), lines[0]
    return lines[0]


def test_every_contract_name_has_a_checker():
    assert len(CHECKS) == 16
    assert set(CHECKS) == set(CORRECT)


@pytest.mark.parametrize("name, k", [(n, k) for n, srcs in CORRECT.items()
                                     for k in range(len(srcs))])
def test_correct_answers_pass(capsys, name, k):
    fn = define(name, CORRECT[name][k])
    line = verdict(capsys, name, fn)
    assert line.startswith("✓ "), line


@pytest.mark.parametrize("name, words, source", WRONG,
                         ids=[f"{n}-{w}" for n, w, _ in WRONG])
def test_wrong_answers_get_their_own_diagnosis(capsys, name, words, source):
    line = verdict(capsys, name, define(name, source))
    if "还没写完" in words:
        assert line.startswith("⏳ "), line
    else:
        assert line.startswith("✗ "), line
    assert words in line, line


def test_every_exercise_has_wrong_answers():
    assert {name for name, _, _ in WRONG} == set(CHECKS)


@pytest.mark.parametrize("name", list(CHECKS))
def test_stub_is_pending(capsys, name):
    stub = f'def {name}(*args):\n    """…"""\n    # 你的代码\n    raise NotImplementedError\n'
    line = verdict(capsys, name, define(name, stub))
    assert line == f"⏳ 还没写：{name}（写好函数体，再运行这一格）"


@pytest.mark.parametrize("name", list(CHECKS))
def test_nothing_escapes(capsys, name):
    """抛异常、返回 None 或怪东西、自己 print：都只得到一行 ✗"""
    crash = f"def {name}(*args):\n    x = 1\n    return x / 0\n"
    line = verdict(capsys, name, define(name, crash))
    assert line.startswith("✗ 运行出错 ZeroDivisionError: division by zero"), line
    assert f"{name} 第 3 行：`return x / 0`" in line, line
    line = verdict(capsys, name, define(name, f"def {name}(*args):\n    exit()\n"))
    assert line.startswith("✗ 运行出错 SystemExit"), line
    for garbage in ("None", "object()", "[[1, 2], 'a']", "{'w': 1}", "(1, 2, 3, 4)",
                    "np.full((2, 2), np.nan)", "'3.0'"):
        source = f"def {name}(*args):\n    print('调试输出\\n第二行')\n    return {garbage}\n"
        line = verdict(capsys, name, define(name, source))
        assert line.startswith("✗ "), (garbage, line)


@pytest.mark.parametrize("name", list(CHECKS))
def test_printing_correct_answer_still_one_line(capsys, name):
    source = CORRECT[name][0].replace("):\n", "):\n    print('调试输出')\n", 1)
    line = verdict(capsys, name, define(name, source))
    assert line.startswith("✓ "), line


def test_not_a_function_and_wrong_function(capsys):
    line = verdict(capsys, "sigmoid", 0.5)
    assert "不是函数" in line and 'CHECKS["sigmoid"](sigmoid)' in line
    loss = define("loss", CORRECT["loss"][0])
    line = verdict(capsys, "sigmoid", loss)
    assert "传进来的是 loss，这一格检查的是 sigmoid" in line


def test_numpy_float64_accepted_but_arrays_rejected(capsys):
    """约定：np.float64 算 Python float（它是 float 的子类），0 维数组不算"""
    ok = ("def cost(A, Y):\n"
          "    return np.float64(np.mean(-(Y * np.log(A) + (1 - Y) * np.log(1 - A))))\n")
    assert verdict(capsys, "cost", define("cost", ok)).startswith("✓ ")
    bad = ok.replace("np.float64(", "np.array(")
    assert "形状为 () 的数组" in verdict(capsys, "cost", define("cost", bad))
    bad = ok.replace("np.float64(", "bool(")
    assert "是布尔值" in verdict(capsys, "cost", define("cost", bad))


def test_learners_line_and_no_paths_in_crash_report(capsys):
    source = ("def propagate(w, b, X, Y):\n    A = helpers.sigmoid(X @ w + b)\n"
              "    return A, 0.0, 0.0\n")
    line = verdict(capsys, "propagate", define("propagate", source))
    assert line.startswith("✗ 运行出错 ValueError"), line
    assert "propagate 第 2 行：`A = helpers.sigmoid(X @ w + b)`" in line, line
    assert "转置" in line, line


# ---------------------------------------------------------------- 检查器自身的边界

def test_checkers_own_arithmetic_prints_no_warnings(capsys):
    """复数、上溢的返回值：检查器拿它作比较时的警告不外泄，结论也不误导"""
    line = verdict(capsys, "loss", define("loss", """
def loss(y_hat, y):
    return np.zeros(np.shape(y_hat), dtype=complex)
"""))
    assert line.startswith("✗ "), line
    line = verdict(capsys, "cost", define("cost", """
def cost(A, Y):
    return np.float64(1e308)
"""))
    assert line.startswith("✗ m = 5 时 cost 不对"), line


_ENDLESS = """
def gradient_descent_1d(dJ, w0, learning_rate, num_iterations):
    ws = [w0]
    while True:
        ws.append(ws[-1] - learning_rate * dJ(ws[-1]))
        if len(ws) == num_iterations + 1:
            break
    return ws
"""


@pytest.mark.parametrize("timer", ["setitimer", "watchdog"])
def test_endless_loop_times_out(capsys, monkeypatch, timer):
    """num_iterations = 0 时永不结束的循环：限时后一行 ✗，说出参数；
    没有 setitimer 的平台（Windows）由看门线程打断主线程"""
    from helpers.exercises import _call
    monkeypatch.setattr(_call, "BUDGET", 0.5)
    if timer == "watchdog":
        monkeypatch.delattr(_call.signal, "setitimer")
    start = time.monotonic()
    line = verdict(capsys, "gradient_descent_1d", define("gradient_descent_1d", _ENDLESS))
    assert time.monotonic() - start < 5
    assert line.startswith("✗ 运行超时：运行了 0.5 秒还没结束"), line
    assert "num_iterations = 0" in line and "永远不会结束的循环" in line, line
    # 函数之后还能正常检查（计时器已收回）
    time.sleep(0.6)
    line = verdict(capsys, "gradient_descent_1d",
                   define("gradient_descent_1d", CORRECT["gradient_descent_1d"][0]))
    assert line.startswith("✓ "), line


def test_interrupted_and_odd_exceptions_are_one_line(capsys):
    """Ctrl-C（中断内核）、GeneratorExit、消息里带 id()：都是一行 ✗，没有每次不同的数"""
    line = verdict(capsys, "sigmoid", define("sigmoid", "def sigmoid(z):\n"
                                             "    raise KeyboardInterrupt\n"))
    assert line.startswith("✗ 被中断了（KeyboardInterrupt）"), line
    assert "永远不会结束的循环" in line, line
    line = verdict(capsys, "sigmoid", define("sigmoid", "def sigmoid(z):\n"
                                             "    raise GeneratorExit\n"))
    assert line.startswith("✗ 运行出错 GeneratorExit"), line
    line = verdict(capsys, "sigmoid", define("sigmoid", "def sigmoid(z):\n"
                                             "    raise ValueError('bad ' + str(id(z)))\n"))
    assert line.startswith("✗ 运行出错 ValueError: bad …"), line


@pytest.mark.parametrize("name, source", [
    ("predict", """
THRESHOLD = 0.5

def predict(w, b, X):
    return (helpers.sigmoid(w.T @ X + b) >= THRESHOLD).astype(float)
"""),
    ("loss", """
EPS = 1e-300
DEBUG = False

def loss(y_hat, y):
    if DEBUG:
        print(y_hat)
    return -(y * np.log(y_hat + EPS) + (1 - y) * np.log(1 - y_hat + EPS))
"""),
    ("sigmoid", """
from math import e

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    t = np.power(e, -np.abs(z))
    return np.where(z >= 0, 1, t) / (1 + t)
"""),
    ("random_mini_batches", """
def random_mini_batches(X, Y, *, mini_batch_size=64, seed=0):
    m = X.shape[1]
    p = np.random.default_rng(seed).permutation(m)
    return [(X[:, p[k:k + mini_batch_size]], Y[:, p[k:k + mini_batch_size]])
            for k in range(0, m, mini_batch_size)]
"""),
])
def test_constants_flags_and_keyword_only_parameters_pass(capsys, name, source):
    """全大写的常量、布尔开关、from math import e、仅限关键字参数：都是正确答案"""
    assert verdict(capsys, name, define(name, source)).startswith("✓ ")


def test_numpy_scalar_from_scalar_sigmoid_and_huge_integer(capsys):
    """标量进、np.float32 出是对的；返回 10**400 不把那个整数打印出来"""
    line = verdict(capsys, "sigmoid", define("sigmoid", """
def sigmoid(z):
    if np.ndim(z) == 0:
        return np.float32(helpers.sigmoid(z))
    return helpers.sigmoid(z)
"""))
    assert line.startswith("✓ "), line
    line = verdict(capsys, "cost", define("cost", "def cost(A, Y):\n    return 10 ** 400\n"))
    assert line.startswith("✗ cost 是一个很大的整数"), line
    line = verdict(capsys, "cost", define("cost", "def cost(A, Y):\n    return 0.5 + 0j\n"))
    assert line.startswith("✗ cost 是复数") and ".item()" not in line, line
    line = verdict(capsys, "cost", define("cost", "def cost(A, Y):\n"
                                          "    return np.float32(np.mean(helpers.loss(A, Y)))\n"))
    assert line.startswith("✗ cost 的类型是 float32") and ".item()" in line, line


def test_leftover_notebook_numbers_and_globals_call_still_caught(capsys):
    line = verdict(capsys, "graph_backward", define("graph_backward", """
dv = 3.0
du = 3.0

def graph_backward(a, b, c):
    return dv, du * c, du * b
"""))
    assert "笔记本里的数据 dv、du" in line, line
    line = verdict(capsys, "propagate", define("propagate", """
def propagate(w, b, X, Y):
    X = globals()["X_train"]
    return helpers.grads_vectorized(w, b, X, Y)
"""))
    assert line.startswith("✗ 函数里用 globals() 读了笔记本里的变量"), line


def test_suggested_item_fix_works(capsys):
    """提示说用 .item()：照着改（numpy 2 里 float(...) 对 (1, 1) 数组会报错）就得 ✓"""
    coursera = """
def cost(A, Y):
    m = Y.shape[1]
    J = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    return J
"""
    line = verdict(capsys, "cost", define("cost", coursera))
    assert "用 .item() 取出那个数" in line and "float(" not in line, line
    fixed = coursera.replace("return J", "return J.item()")
    assert verdict(capsys, "cost", define("cost", fixed)).startswith("✓ ")
    loop = """
def propagate_loop(w, b, X, Y):
    n, m = X.shape
    dw, db, J = np.zeros((n, 1)), 0.0, 0.0
    for i in range(m):
        z = w.T @ X[:, i:i + 1] + b
        a = 1 / (1 + math.exp(-z))
        dz = a - Y[0, i]
        dw += X[:, i:i + 1] * dz
        db += dz
        J += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
    return dw / m, db / m, J / m
"""
    line = verdict(capsys, "propagate_loop", define("propagate_loop", loop))
    assert ".item()" in line and "float(" not in line, line
    fixed = loop.replace("math.exp(-z)", "math.exp(-z.item())")
    assert verdict(capsys, "propagate_loop", define("propagate_loop", fixed)).startswith("✓ ")
    line = verdict(capsys, "sigmoid", define("sigmoid", """
def sigmoid(z):
    return 10 ** 400
"""))
    assert len(line) < 200, line


# ---------------------------------------------------------------- (e) 笔记本里的练习

def _lessons():
    """课程的笔记本；环境变量 EXERCISE_NOTEBOOKS（用 os.pathsep 分隔）只供手工试跑草稿"""
    override = os.environ.get("EXERCISE_NOTEBOOKS")
    if override:
        return [Path(p) for p in override.split(os.pathsep)]
    from tools.course import LESSONS
    return LESSONS


_CHECK_CELL = re.compile(r'CHECKS\["(\w+)"\]\((\w+)\)')
_ANSWER = re.compile(r"<details><summary>参考答案</summary>\s*```python\n(.*?)```", re.S)


def exercises_in(path):
    """笔记本里的练习：[(名字, 桩的源码, 检查格提交的输出, 参考答案的源码)]"""
    cells = nbformat.read(path, as_version=4).cells
    found = []
    for k, cell in enumerate(cells):
        if "exercise-check" not in cell.metadata.get("tags", []):
            continue
        source = cell.source.strip()
        match = _CHECK_CELL.fullmatch(source)
        assert match and match.group(1) == match.group(2), (
            f"{path.name} 第 {k} 格：检查格应恰为 CHECKS[\"name\"](name)，实际 {source!r}")
        name = match.group(1)
        stub = cells[k - 1]
        assert "exercise" in stub.metadata.get("tags", []) and f"def {name}(" in stub.source, (
            f"{path.name} 第 {k} 格：检查格前面应是带 exercise 标签、定义 {name} 的桩")
        assert "raise NotImplementedError" in stub.source, f"{path.name} 的 {name}：桩应抛出"
        answer = next((c for c in cells[k + 1:] if c.cell_type == "markdown"), None)
        match = _ANSWER.search(answer.source) if answer else None
        assert match, f"{path.name} 的 {name}：检查格后的第一个 markdown 格应有折叠的参考答案"
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        found.append((name, stub.source, text, match.group(1)))
    return found


def test_notebook_exercises(capsys):
    """每课：参考答案（按顺序在同一个命名空间里执行，后面的可以用前面的）得 ✓，
    提交的检查输出就是桩的 ⏳ 那一行；每个 CHECKS 名字恰好出现在一课里"""
    where = {}
    for path in _lessons():
        namespace = dict(np=np, math=math, helpers=helpers)
        for name, stub, committed, answer in exercises_in(path):
            where.setdefault(name, []).append(path.name)
            pending = verdict(capsys, name, define(name, stub))
            assert committed == pending + "\n", (
                f"{path.name} 的 {name}：提交的检查输出应为桩的 ⏳ 这一行，实际 {committed!r}")
            exec(compile(answer, f"<{path.name}:{name}>", "exec"), namespace)
            line = verdict(capsys, name, namespace[name])
            assert line.startswith("✓ "), f"{path.name} 的参考答案 {name}：{line}"
    assert {n: p for n, p in where.items() if len(p) != 1} == {}, "有的练习出现在不止一课里"
    assert sorted(set(CHECKS) - set(where)) == [], "这些练习还没有出现在任何一课里"
    assert sorted(set(where) - set(CHECKS)) == [], "这些练习没有检查器"


# ---------------------------------------------------------------- tools/progress.py

def test_progress_reports_each_exercise(tmp_path, capsys):
    """一课草稿：一道对、一道错、一道没写、一道练习格本身有语法错误；最后一个检查格之后的单元格不执行"""
    from nbformat.v4 import new_code_cell, new_notebook

    from tools import progress

    def pair(name, body, scratch=None, quote='"'):
        cells = [new_code_cell(f"def {name}(z, *rest):\n{body}", metadata={"tags": ["exercise"]})]
        if scratch:             # 学习者自己在练习格和检查格之间加的草稿格
            cells.append(new_code_cell(scratch))
        check = f"CHECKS[{quote}{name}{quote}]({name})"
        return cells + [new_code_cell(check, metadata={"tags": ["exercise-check"]})]

    cells = [new_code_cell("import helpers\nfrom helpers.exercises import CHECKS")]
    cells += pair("sigmoid", "    return helpers.sigmoid(z)", scratch="sigmoid(还没定义的名字)")
    cells += pair("sigmoid_derivative", "    return helpers.sigmoid(z)", quote="'")
    cells += pair("loss", "    raise NotImplementedError")
    cells += pair("cost", "    return (")
    cells.append(new_code_cell("raise SystemExit('不该执行到这里')\n" + "while True: pass"))
    path = tmp_path / "03_scratch.ipynb"
    nbformat.write(new_notebook(cells=cells), path)
    before = path.read_bytes()

    assert progress.main([str(path)]) == 0       # ✗、⏳ 是进度，不是出错
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines[:4]] == [
        ["03_scratch", "sigmoid", "✓"], ["03_scratch", "sigmoid_derivative", "✗"],
        ["03_scratch", "loss", "⏳"], ["03_scratch", "cost", "✗"]]
    assert "σ(z) 本身" in lines[1] and "练习格运行出错 SyntaxError" in lines[3]
    assert ".py," not in lines[3], lines[3]       # 不显示内核给单元格起的临时文件名
    assert lines[4] == "合计 4 道练习：✓ 1 道做对了，✗ 2 道还有问题，⏳ 1 道还没写"
    assert len(lines) == 5
    assert path.read_bytes() == before            # 不写回笔记本


def test_progress_arguments_missing_files_and_timeouts(tmp_path, capsys, monkeypatch):
    """--help 是帮助而不是一课；找不到的文件一行 ✗（不显示本机路径），退出码 1；
    被 nbclient 超时中断的单元格说“运行超时”"""
    from nbformat.v4 import new_code_cell, new_output

    from tools import progress

    with pytest.raises(SystemExit) as exit_:
        progress.main(["--help"])
    assert exit_.value.code == 0 and "退出码" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("x")
    assert progress.main(["03_missing.ipynb", "notes.txt"]) == 1
    out = capsys.readouterr().out
    assert "✗ 找不到文件 03_missing.ipynb" in out and "notes.txt 不是笔记本文件" in out, out
    assert str(tmp_path) not in out and "另有 2 课没能执行" in out, out
    hung = new_code_cell("while True: pass", outputs=[new_output(
        "error", ename="KeyboardInterrupt", evalue="", traceback=[])])
    check = new_code_cell('CHECKS["sigmoid"](sigmoid)')
    line = progress._verdict(hung, check)
    assert line.startswith("✗ 练习格运行出错 运行超时：超过 120 秒还没结束"), line
    assert "永远不会结束的循环" in line, line
