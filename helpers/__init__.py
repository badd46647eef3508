"""《神经网络基础》课程的共享函数包

每个模块只做一件事；公开的名字都可以写成 helpers.NAME：
    activations  sigmoid、sigmoid_derivative
    losses       loss、cost、cost_from_z
    kernel       逻辑回归的数学本身（不检查输入）：linear、sigmoid、sigmoid_derivative、
                 cost、backward、propagate；用 helpers.kernel.NAME 访问
    checks       公开函数入口处对数组的检查（中文报错）；scalars 检查标量、整数和种子
    gradients    grads_loop、grads_vectorized
    gradcheck    numerical_grad、rel_error（梯度检验）
    model        initialize_parameters、predict_proba、predict、accuracy
    optim        gradient_descent、minibatches、minibatch_gradient_descent
    graph        Value
    data         load_breast_cancer、load_digits、one_vs_rest、train_test_split、
                 fit_standardizer、standardize、make_toy_2d
    plotting     set_style、plot_costs、plot_data_2d、plot_decision_boundary
    drawgraph    draw_graph
    figtext      图上文字的检查：mathtext 能否解析、中文字体；ax、figsize、颜色的检查
"""

from .activations import sigmoid, sigmoid_derivative
from .data import (
    BREAST_CANCER_FEATURES,
    fit_standardizer,
    load_breast_cancer,
    load_digits,
    make_toy_2d,
    one_vs_rest,
    standardize,
    train_test_split,
)
from . import kernel
from .drawgraph import draw_graph
from .gradcheck import numerical_grad, rel_error
from .gradients import grads_loop, grads_vectorized
from .graph import Value
from .losses import cost, cost_from_z, loss
from .model import accuracy, initialize_parameters, predict, predict_proba
from .optim import gradient_descent, minibatch_gradient_descent, minibatches
from .plotting import plot_costs, plot_data_2d, plot_decision_boundary, set_style

__all__ = [
    "sigmoid", "sigmoid_derivative",
    "loss", "cost", "cost_from_z",
    "grads_loop", "grads_vectorized", "numerical_grad", "rel_error",
    "initialize_parameters", "predict_proba", "predict", "accuracy",
    "gradient_descent", "minibatches", "minibatch_gradient_descent",
    "Value",
    "BREAST_CANCER_FEATURES", "load_breast_cancer", "load_digits", "one_vs_rest",
    "train_test_split", "fit_standardizer", "standardize", "make_toy_2d",
    "set_style", "draw_graph", "plot_costs", "plot_data_2d", "plot_decision_boundary",
]
