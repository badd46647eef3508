import shutil

import numpy as np
import pytest

import helpers
from helpers import data


def test_breast_cancer():
    X, Y = helpers.load_breast_cancer()
    assert X.shape == (30, 569) and Y.shape == (1, 569)
    assert set(np.unique(Y)) == {0.0, 1.0}
    assert int(Y.sum()) == 212                  # 212 个恶性（记为 1），357 个良性
    assert len(helpers.BREAST_CANCER_FEATURES) == 30
    assert X[0, 0] == pytest.approx(17.99)      # 第一个样本的 mean radius
    assert np.all(np.isfinite(X))


def test_digits():
    X, labels = helpers.load_digits()
    assert X.shape == (64, 1797) and labels.shape == (1, 1797)
    assert X.min() == 0 and X.max() == 16
    assert sorted(np.unique(labels).tolist()) == list(range(10))
    img = X[:, 0].reshape(8, 8)
    assert img[0].tolist() == [0, 0, 5, 13, 9, 1, 0, 0]
    Y = helpers.one_vs_rest(labels, 3)
    assert Y.shape == (1, 1797) and Y.sum() == np.sum(labels == 3)
    with pytest.raises(ValueError, match="没有等于 11"):
        helpers.one_vs_rest(labels, 11)


def test_data_readme_lists_the_same_checksums():
    text = (data.DATA_DIR / "README.md").read_text(encoding="utf-8")
    for name, digest in data.SHA256.items():
        assert f"{digest}  {name}" in text


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="找不到数据文件 breast_cancer.csv"):
        helpers.load_breast_cancer(data_dir=tmp_path)


@pytest.mark.parametrize("name, loader", [("breast_cancer.csv", helpers.load_breast_cancer),
                                          ("digits.csv", helpers.load_digits)])
def test_damaged_file(tmp_path, name, loader):
    shutil.copy(data.DATA_DIR / name, tmp_path / name)
    raw = bytearray((tmp_path / name).read_bytes())
    raw[200] = ord("9") if raw[200] != ord("9") else ord("8")     # 改一个数字
    (tmp_path / name).write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="已损坏或被改动"):
        loader(data_dir=tmp_path)
    loader(data_dir=data.DATA_DIR)                                # 原文件完好


def test_train_test_split():
    X, Y = helpers.make_toy_2d(50, seed=0)
    Xtr, Ytr, Xte, Yte = helpers.train_test_split(X, Y, 0.2, seed=1)
    assert Xtr.shape == (2, 40) and Xte.shape == (2, 10) and Ytr.shape == (1, 40)
    both = np.concatenate([Xtr, Xte], axis=1)
    assert sorted(both[0].tolist()) == sorted(X[0].tolist())
    # 标签跟着样本走
    for Xs, Ys in ((Xtr, Ytr), (Xte, Yte)):
        for i in range(Xs.shape[1]):
            j = int(np.flatnonzero(X[0] == Xs[0, i])[0])
            assert Y[0, j] == Ys[0, i]
    with pytest.raises(ValueError, match="都不为空"):
        helpers.train_test_split(X, Y, 0.0)
    with pytest.raises(ValueError, match=r"\(1, 50\)"):
        helpers.train_test_split(X, Y[0])


def test_standardize():
    X = np.array([[1.0, 2.0, 3.0], [5.0, 5.0, 5.0]])
    mean, std = helpers.fit_standardizer(X)
    assert mean.shape == (2, 1) and std[1, 0] == 1.0       # 常数特征的 std 记为 1
    Z = helpers.standardize(X, mean, std)
    np.testing.assert_allclose(Z.mean(axis=1), 0, atol=1e-15)
    np.testing.assert_allclose(Z[0].std(), 1)
    assert not Z[1].any()
    with pytest.raises(ValueError, match=r"\(2, 1\)"):
        helpers.standardize(X, mean[:, 0], std)


def test_toy_data_deterministic():
    X1, Y1 = helpers.make_toy_2d(31, seed=5)
    X2, Y2 = helpers.make_toy_2d(31, seed=5)
    assert X1.shape == (2, 31) and Y1.shape == (1, 31) and Y1.sum() == 15
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    # 类 1 的中心在右上
    assert X1[:, Y1[0] == 1].mean() > X1[:, Y1[0] == 0].mean()
