import numpy as np
import pytest

import helpers


def test_initialize_parameters():
    w, b = helpers.initialize_parameters(3)
    assert w.shape == (3, 1) and w.dtype == np.float64 and not w.any()
    assert b == 0.0 and isinstance(b, float)
    assert helpers.initialize_parameters(2, np.float32)[0].dtype == np.float32
    with pytest.raises(ValueError, match="正整数"):
        helpers.initialize_parameters(0)
    with pytest.raises(TypeError, match="正整数"):
        helpers.initialize_parameters(2.5)


def test_predict_and_accuracy():
    w = np.array([[1.0], [-1.0]])
    X = np.array([[2.0, 0.0, 1.0], [1.0, 3.0, 1.0]])
    P = helpers.predict(w, 0.0, X)
    assert P.shape == (1, 3) and P.tolist() == [[1, 0, 1]]     # z = 1, −3, 0（0 归为 1）
    np.testing.assert_allclose(helpers.predict_proba(w, 0.0, X), helpers.sigmoid(np.array([[1.0, -3.0, 0.0]])))
    assert helpers.accuracy(P, np.array([[1, 1, 1]])) == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="X.T"):
        helpers.predict(w, 0.0, X.T)
    with pytest.raises(ValueError, match="0 和 1"):
        helpers.accuracy(np.array([[0.3, 1]]), np.array([[0, 1]]))


def test_gradient_descent_decreases_cost_and_matches_manual_steps():
    X, Y = helpers.make_toy_2d(60, seed=1)
    w0, b0 = helpers.initialize_parameters(2)
    w, b, costs = helpers.gradient_descent(w0, b0, X, Y, learning_rate=0.5, num_iterations=30)
    assert len(costs) == 31 and not w0.any()         # 不修改传入的 w
    assert all(c1 < c0 for c0, c1 in zip(costs, costs[1:]))
    # 手动走两步，应一致
    wm, bm = w0, b0
    for _ in range(30):
        dw, db, _ = helpers.grads_vectorized(wm, bm, X, Y)
        wm, bm = wm - 0.5 * dw, bm - 0.5 * db
    assert helpers.rel_error(w, wm) < 1e-14 and b == pytest.approx(bm)
    assert costs[-1] == pytest.approx(helpers.grads_vectorized(w, b, X, Y)[2])
    with pytest.raises(ValueError, match="正数"):
        helpers.gradient_descent(w0, b0, X, Y, learning_rate=-1, num_iterations=3)


def test_minibatches_cover_every_sample_once_with_small_last_batch():
    X = np.arange(20.0).reshape(2, 10)
    Y = (np.arange(10) % 2).reshape(1, 10).astype(float)
    batches = list(helpers.minibatches(X, Y, 4, np.random.default_rng(0)))
    assert [xb.shape[1] for xb, _ in batches] == [4, 4, 2]
    seen = np.concatenate([xb[0] for xb, _ in batches])
    assert sorted(seen.tolist()) == X[0].tolist()
    assert seen.tolist() != X[0].tolist()           # 打乱了
    for xb, yb in batches:                            # X 与 Y 一起打乱
        np.testing.assert_array_equal(yb[0], (xb[0] / 1) % 2)
    plain = list(helpers.minibatches(X, Y, 4))
    assert np.concatenate([xb[0] for xb, _ in plain]).tolist() == X[0].tolist()
    with pytest.raises(TypeError, match="Generator"):
        list(helpers.minibatches(X, Y, 4, rng=0))
    with pytest.raises(ValueError, match="正整数"):
        list(helpers.minibatches(X, Y, 0))


def test_minibatch_gd_last_batch_averaged_by_its_own_size():
    X, Y = helpers.make_toy_2d(10, seed=2)
    w0, b0 = helpers.initialize_parameters(2)
    w, b, hist = helpers.minibatch_gradient_descent(w0, b0, X, Y, 0.1, 1, batch_size=4, seed=7)
    # 手工重做：同一个 seed 的打乱顺序，每批各自求平均
    rng = np.random.default_rng(7)
    order = rng.permutation(10)
    wm, bm = w0.copy(), b0
    for start in range(0, 10, 4):
        idx = order[start:start + 4]
        Xb, Yb = X[:, idx], Y[:, idx]
        A = helpers.sigmoid(wm.T @ Xb + bm)
        wm = wm - 0.1 * (Xb @ (A - Yb).T) / idx.size
        bm = bm - 0.1 * float(np.sum(A - Yb)) / idx.size
    assert helpers.rel_error(w, wm) < 1e-14 and b == pytest.approx(bm)
    assert len(hist["batch_cost"]) == 3 and len(hist["epoch_cost"]) == 2


def test_minibatch_with_full_batch_equals_gradient_descent():
    X, Y = helpers.make_toy_2d(40, seed=3)
    w0, b0 = helpers.initialize_parameters(2)
    w1, b1, costs = helpers.gradient_descent(w0, b0, X, Y, 0.3, 12)
    w2, b2, hist = helpers.minibatch_gradient_descent(w0, b0, X, Y, 0.3, 12, batch_size=40)
    assert helpers.rel_error(w1, w2) < 1e-12
    np.testing.assert_allclose(hist["epoch_cost"], costs, rtol=1e-12)


def test_training_learns_the_toy_data():
    X, Y = helpers.make_toy_2d(200, seed=0)
    w, b, _ = helpers.gradient_descent(*helpers.initialize_parameters(2), X, Y, 0.5, 300)
    assert helpers.accuracy(helpers.predict(w, b, X), Y) > 0.9


def test_predict_rejects_nonfinite_w_and_X():
    X = np.ones((2, 3))
    with pytest.raises(ValueError, match=r"w 中应只有有限数值，实际在位置 \(0, 0\)"):
        helpers.predict(np.array([[np.nan], [1.0]]), 0.0, X)
    X[1, 2] = np.inf
    for fn in (helpers.predict, helpers.predict_proba):
        with pytest.raises(ValueError, match=r"X 中应只有有限数值，实际在位置 \(1, 2\)"):
            fn(np.zeros((2, 1)), 0.0, X)
