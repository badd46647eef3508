"""数据：读取 data/ 下的真实数据（先核对 sha256）、划分训练/测试集、标准化、生成二维玩具数据"""

import errno
import hashlib
import os
from pathlib import Path

import numpy as np

from .checks import as_array, as_matrix, as_samples, check_finite
from .scalars import as_positive_int, as_scalar, as_seed

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# 与 data/README.md 中列出的一致；文件改动后两处都要更新
SHA256 = {
    "breast_cancer.csv": "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed",
    "digits.csv": "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8",
}

# 乳腺癌数据的 30 个特征：10 种细胞核测量量，各取均值（mean）、标准误（se）、最差值（worst）
_BASE = ["radius", "texture", "perimeter", "area", "smoothness", "compactness",
         "concavity", "concave points", "symmetry", "fractal dimension"]
BREAST_CANCER_FEATURES = [f"{kind} {name}" for kind in ("mean", "se", "worst") for name in _BASE]


def _read_verified(name, data_dir):
    """读出文件的文本（行尾统一为 LF）；文件缺失或 sha256 不符时给出清楚的错误

    Windows 上的 Git 默认（core.autocrlf=true）会把行尾改成 CRLF：先统一行尾再核对，
    所以无论取回时行尾是哪一种，内容一样就通过
    """
    if data_dir is not None:
        try:
            text = os.fspath(data_dir)
        except TypeError:
            text = None
        if not isinstance(text, str):
            raise TypeError(f"data_dir 应为目录的路径（字符串或 pathlib.Path），"
                            f"实际为 {type(data_dir).__name__}：{data_dir!r}")
    folder = DATA_DIR if data_dir is None else Path(text)
    path = folder / name
    try:
        return _read_checked(name, folder, path)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and not exc.errno:
            raise                          # 上面自己写的中文说明
        code = errno.errorcode.get(exc.errno, exc.errno)     # 比如 ENAMETOOLONG、EACCES
        raise FileNotFoundError(f"读不到数据文件 {name}：操作系统拒绝了路径 {str(path)[:80]!r}"
                                f"（{code}：比如路径太长、没有读取权限）；检查 data_dir") from None


def _read_checked(name, folder, path):
    if folder.is_file():
        raise FileNotFoundError(f"data_dir 应为数据文件所在的目录，实际是一个文件（{folder}）："
                                f"试试 data_dir={str(folder.parent)!r}")
    if path.is_dir():
        raise FileNotFoundError(f"{path} 应为数据文件 {name}，实际是一个目录；"
                                f"请从课程仓库重新取回 data/{name}（来源见 data/README.md）")
    if not path.is_file():
        raise FileNotFoundError(
            f"找不到数据文件 {name}：应在 {folder.name + '/' if folder.name else str(folder)} "
            f"目录下（{path}），实际不存在；"
            f"请从课程仓库重新取回 data/{name}（来源见 data/README.md）"
        )
    raw = path.read_bytes().replace(b"\r\n", b"\n")
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHA256[name]:
        raise ValueError(
            f"数据文件 {name} 已损坏或被改动：sha256 应为 {SHA256[name][:16]}…，"
            f"实际为 {digest[:16]}…（已按 LF 行尾核对，所以不是 Windows 的 CRLF 行尾造成的）；"
            f"请从课程仓库重新取回 data/{name}"
        )
    return raw.decode("utf-8")


def load_breast_cancer(data_dir=None):
    """威斯康星乳腺癌诊断数据（569 个样本，30 个特征）

    返回 X (30, 569) float64、Y (1, 569) float64，Y = 1 表示恶性（malignant），0 表示良性
    特征名依次见 BREAST_CANCER_FEATURES
    """
    lines = _read_verified("breast_cancer.csv", data_dir).splitlines()
    m, n = (int(v) for v in lines[0].split(",")[:2])
    table = np.array([[float(v) for v in line.split(",")] for line in lines[1:]])
    if table.shape != (m, n + 1):
        raise ValueError(f"breast_cancer.csv 的内容应为 {m} 行 {n + 1} 列，实际为 {table.shape}")
    X = table[:, :n].T.copy()
    # 文件里 0 = malignant、1 = benign；课程里把要找出的恶性记为 1
    Y = (table[:, n] == 0).astype(np.float64).reshape(1, m)
    return X, Y


def load_digits(data_dir=None):
    """8×8 手写数字（1797 张图，像素为 0..16 的整数）

    返回 X (64, 1797) float64：每列是一张图按行展平；labels (1, 1797) int64：数字 0..9
    第 i 张图可以用 X[:, i].reshape(8, 8) 还原
    """
    lines = _read_verified("digits.csv", data_dir).splitlines()
    table = np.array([[int(v) for v in line.split(",")] for line in lines], dtype=np.int64)
    if table.shape != (1797, 65):
        raise ValueError(f"digits.csv 的内容应为 1797 行 65 列，实际为 {table.shape}")
    X = table[:, :64].T.astype(np.float64)
    labels = table[:, 64].reshape(1, -1)
    return X, labels


def one_vs_rest(labels, digit):
    """多类标签 → 二分类标签：等于 digit 的记 1，其余记 0；返回 (1, m) float64"""
    labels = as_array("labels", labels)
    if labels.ndim != 2 or labels.shape[0] != 1:
        raise ValueError(f"labels 的形状应为 (1, m)，实际为 {labels.shape}")
    check_finite("labels", labels)
    digit = as_scalar("digit", digit)
    if not np.any(labels == digit):
        raise ValueError(f"labels 中没有等于 {digit:g} 的样本，得到的 Y 会全为 0")
    return (labels == digit).astype(np.float64)


def train_test_split(X, Y, test_fraction=0.2, seed=0):
    """随机划分训练集与测试集（按列划分样本）

    X: (n, m)  Y: (1, m)，取值不限（比如数字 0..9）  seed: 非负整数
    返回 X_train, Y_train, X_test, Y_test；测试集有 round(test_fraction·m) 个样本
    """
    X, Y = as_samples(X, Y, labels=False)
    check_finite("X", X)
    check_finite("Y", Y)
    test_fraction = as_scalar("test_fraction", test_fraction)
    seed = as_seed("seed", seed)
    m = X.shape[1]
    m_test = int(round(test_fraction * m))
    if not 0 < m_test < m:
        raise ValueError(f"test_fraction 应使训练集和测试集都不为空，实际为 {test_fraction}（m = {m}）")
    order = np.random.default_rng(seed).permutation(m)
    test, train = order[:m_test], order[m_test:]
    return X[:, train], Y[:, train], X[:, test], Y[:, test]


def fit_standardizer(X):
    """由训练集算每个特征的均值和标准差，返回 (mean, std)，形状都是 (n, 1)

    不变的特征（比如图像边角上永远为 0 的像素）：所有值都相等时，std 记为 1、mean 记为
    这个值，使它在训练集上标准化后恰为 0（而不是舍入误差除以一个 1e-17 的 std），在新
    数据上仍是有限数；值只要不全相等（哪怕只差一点），就照常标准化
    每个特征先除以与它最大模同量级的 2 的幂 s 再算，最后乘回 s：特征的值接近浮点数
    上限时，求和与平方也不会溢出；乘除 2 的幂没有舍入，普通数据的结果一位不差
    """
    X = as_matrix("X", X)
    check_finite("X", X)
    s = np.ldexp(1.0, np.frexp(np.max(np.abs(X), axis=1, keepdims=True))[1] - 1).astype(X.dtype)
    scaled = X / s
    mean = scaled.mean(axis=1, keepdims=True) * s
    std = scaled.std(axis=1, keepdims=True) * s
    constant = (X.max(axis=1, keepdims=True) == X.min(axis=1, keepdims=True)) | (std == 0)
    mean = np.where(constant, X[:, :1], mean)
    std = np.where(constant, 1, std).astype(X.dtype)
    return mean, std


def standardize(X, mean, std):
    """(X − mean) / std，逐特征；mean、std 来自 fit_standardizer（只用训练集拟合）"""
    X = as_matrix("X", X)
    n, m = X.shape
    mean, std = as_array("mean", mean), as_array("std", std)
    if mean.shape == std.shape == (m, 1) != (n, 1):     # 可能是 X 排反了，也可能是 mean、std 拿错了
        raise ValueError(f"mean、std 有 {m} 个特征，而 X 的形状为 {X.shape}（每行一个特征，"
                         f"有 {n} 行），对不上：如果 X 的样本排成了行，试试 X.T；如果 X 没错，"
                         f"mean、std 应由同样排法（每列一个样本）的训练集用 fit_standardizer 算出")
    for name, v in (("mean", mean), ("std", std)):
        if v.shape != (n, 1):
            raise ValueError(f"{name} 的形状应为 ({n}, 1)（与 X 的特征数 n={n} 一致），实际为 {v.shape}")
        check_finite(name, v)
    if np.any(std <= 0):
        raise ValueError(f"std 的每个分量都应为正数，实际最小为 {std.min():g}")
    with np.errstate(all="ignore"):
        out = (X - mean) / std
        if not np.isfinite(out).all():      # X − mean 可能溢出（比如 ±1e308）：先各自除以 std
            check_finite("X", X)
            out = X / std - mean / std
    if not np.isfinite(out).all():
        raise ValueError(f"(X − mean) / std 超出了浮点数范围：max|X| = {np.max(np.abs(X)):.3g}，"
                         f"min std = {std.min():.3g}；mean、std 应由同一份数据的 "
                         f"fit_standardizer 算出，X 的量级与它相近")
    return out


def make_toy_2d(m=200, seed=0, separation=2.0):
    """二维玩具数据：两团高斯点，类 1 的中心在 (+s/2, +s/2)，类 0 在 (−s/2, −s/2)，标准差 1

    返回 X (2, m)、Y (1, m)；两类各 m/2 个（m 为奇数时类 1 少一个）
    seed: 非负整数，同一个 seed 结果相同
    """
    m = as_positive_int("m", m)
    if m < 2:
        raise ValueError(f"m 至少为 2（每类至少一个样本），实际为 {m}")
    separation = as_scalar("separation", separation)
    rng = np.random.default_rng(as_seed("seed", seed))
    m1 = m // 2
    Y = np.concatenate([np.ones(m1), np.zeros(m - m1)]).reshape(1, m)
    centers = np.where(Y == 1, separation / 2, -separation / 2)       # (1, m)
    X = rng.normal(size=(2, m)) + centers
    return X, Y
