"""梯度与训练循环的速度：先核对结果一致，再计时

用法（在仓库根目录）：
    .venv/bin/python benchmarks/bench_gradient.py            # 全部，约半分钟到一分钟
    .venv/bin/python benchmarks/bench_gradient.py --quick    # 跳过 (784, 60000)，重复次数减半

1. 先核对：每个要计时的实现（两重循环、单重循环、不检查的朴素版、kernel.propagate，
   以及装了的同类库）返回的 (dw, db, J) 都与 helpers.grads_vectorized 一致；
   训练循环与同一算法的纯 numpy 写法给出同样的参数和成本记录
2. 训练循环：helpers 与纯 numpy 写法交替计时，报中位数之比（目标 ≤ 1.2）
3. 一次梯度：各尺寸的两重循环 / 单重循环 / 向量化；(2, 1000) 上入口检查的固定开销；
   (784, 60000) 上与"读两遍 X"的内存带宽下限之比（目标 ≥ 85%）
每个数都是多次重复的中位数；计时只在这里做，测试里从不断言任何时间
"""

import argparse
import math
import os
import platform
import sys
import threading
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import helpers  # noqa: E402
from helpers import kernel  # noqa: E402
from helpers.checks import check_wbXY  # noqa: E402

SIZES = [(2, 1000), (30, 569), (64, 1797), (64, 10000), (784, 60000)]
LOOP_BUDGET = 0.4          # 秒：循环版单次计时的大致上限，超过就外推


# ---------- 被计时的对照实现 ----------

def grads_one_loop(w, b, X, Y):
    """只循环样本、对特征向量化的中间版本：dw += x⁽ⁱ⁾ dz⁽ⁱ⁾"""
    n, m = X.shape
    dw, db, J = np.zeros((n, 1)), 0.0, 0.0
    for i in range(m):
        x = X[:, i:i + 1]
        z = float(w[:, 0] @ x[:, 0]) + b
        e = math.exp(-abs(z))
        a = 1 / (1 + e) if z >= 0 else e / (1 + e)
        y = Y[0, i]
        J += max(z, 0.0) - y * z + math.log1p(e)
        dz = a - y
        dw += x * dz
        db += dz
    return dw / m, db / m, J / m


def grads_unguarded(w, b, X, Y):
    """对照：不检查输入、用朴素公式算成本的向量化版本（只用来衡量稳定写法与检查的开销）"""
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    dZ = A - Y
    J = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    return (X @ dZ.T) / m, float(np.sum(dZ)) / m, float(J)


def plain_minibatch_gd(w, b, X, Y, learning_rate, num_epochs, batch_size, seed=0):
    """与 helpers.minibatch_gradient_descent 同一算法、同样的成本记录，纯 numpy 直接写"""
    rng = np.random.default_rng(seed)
    m = X.shape[1]

    def full_cost(w, b):
        Z = w.T @ X + b
        return float(np.sum((np.maximum(Z, 0) - Y * Z + np.log1p(np.exp(-np.abs(Z)))) / m))

    epoch_cost, batch_cost = [full_cost(w, b)], []
    for _ in range(num_epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            idx = order[start:start + batch_size]
            Xb, Yb = X[:, idx], Y[:, idx]
            mb = Xb.shape[1]
            Z = w.T @ Xb + b
            e = np.exp(-np.abs(Z))
            A = np.where(Z >= 0, 1, e) / (1 + e)
            batch_cost.append(float(np.sum((np.maximum(Z, 0) - Yb * Z + np.log1p(e)) / mb)))
            dZ = A - Yb
            w = w - learning_rate * ((Xb @ dZ.T) / mb)
            b = b - learning_rate * (float(dZ.sum()) / mb)
        epoch_cost.append(full_cost(w, b))
    return w, b, {"epoch_cost": epoch_cost, "batch_cost": batch_cost}


def plain_gradient_descent(w, b, X, Y, learning_rate, num_iterations):
    """与 helpers.gradient_descent 同一算法、同样的成本记录，纯 numpy 直接写"""
    m = X.shape[1]
    costs = []
    for _ in range(num_iterations + 1):
        Z = w.T @ X + b
        e = np.exp(-np.abs(Z))
        costs.append(float(np.sum((np.maximum(Z, 0) - Y * Z + np.log1p(e)) / m)))
        if len(costs) > num_iterations:
            break
        dZ = np.where(Z >= 0, 1, e) / (1 + e) - Y
        w = w - learning_rate * ((X @ dZ.T) / m)
        b = b - learning_rate * (float(dZ.sum()) / m)
    return w, b, costs


def peer_timers():
    """装了 PyTorch 或 scikit-learn 时，也测它们算同一个梯度；它们都不是课程的依赖

    返回 {名字: 函数(w, b, X, Y) → (dw, db, J)}，数据的准备（转置、转成张量）在函数外做好
    """
    peers = {}
    try:
        import torch

        def torch_step(w, b, X, Y):
            wt = torch.from_numpy(w).requires_grad_()
            bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
            Z = wt.T @ torch.from_numpy(X) + bt
            J = torch.nn.functional.binary_cross_entropy_with_logits(Z, torch.from_numpy(Y))
            J.backward()
            return wt.grad.numpy(), float(bt.grad), float(J)

        peers["PyTorch CPU autograd"] = (torch_step, lambda w, b, X, Y: (w, b, X, Y))
    except ImportError:
        pass
    try:
        from sklearn._loss.loss import HalfBinomialLoss
        from sklearn.linear_model._linear_loss import LinearModelLoss

        lml = LinearModelLoss(base_loss=HalfBinomialLoss(), fit_intercept=True)

        def sklearn_step(coef, Xmn, y):
            J, g = lml.loss_gradient(coef, Xmn, y)
            return g[:-1].reshape(-1, 1), float(g[-1]), float(J)

        peers["scikit-learn loss_gradient"] = (
            sklearn_step, lambda w, b, X, Y: (np.append(w[:, 0], b), np.ascontiguousarray(X.T), Y[0]))
    except ImportError:
        pass
    return peers


# ---------- 计时工具 ----------

def median_time(fn, repeat, number=1):
    return float(np.median(timeit.repeat(fn, number=number, repeat=repeat))) / number


def paired(fa, fb, repeat, number=1, stat=np.median):
    """交替计时 fa 与 fb（同一进程、同样的机器状态），返回 (stat(a), stat(b))，默认取中位数"""
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(timeit.timeit(fa, number=number) / number)
        tb.append(timeit.timeit(fb, number=number) / number)
    return float(stat(ta)), float(stat(tb))


def timed_loop(fn, w, b, X, Y):
    """循环版：整步估计超过 LOOP_BUDGET 时，只在前 m' 个样本上计时再乘以 m/m'；返回 (秒, 是否外推)"""
    m = X.shape[1]
    m_sub = min(m, 200)
    per_sample = median_time(lambda: fn(w, b, X[:, :m_sub], Y[:, :m_sub]), repeat=3) / m_sub
    if per_sample * m <= LOOP_BUDGET:
        return median_time(lambda: fn(w, b, X, Y), repeat=3), False
    m_sub = min(m, max(m_sub, int(LOOP_BUDGET / per_sample)))
    return median_time(lambda: fn(w, b, X[:, :m_sub], Y[:, :m_sub]), repeat=3) * m / m_sub, True


def problem(n, m, rng):
    X = rng.normal(size=(n, m))
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    return rng.normal(scale=0.1, size=(n, 1)), 0.1, X, Y


# ---------- 1. 先核对 ----------

def same(got, want, rtol):
    dw, db, J = got
    dw0, db0, J0 = want
    return (np.allclose(np.asarray(dw, dtype=float).reshape(dw0.shape), dw0, rtol=rtol, atol=1e-15)
            and math.isclose(db, db0, rel_tol=rtol, abs_tol=1e-15) and math.isclose(J, J0, rel_tol=rtol))


def verify(train_data, peers):
    rng = np.random.default_rng(1)
    impls = {"helpers.grads_loop": (helpers.grads_loop, 1e-10), "单重循环": (grads_one_loop, 1e-10),
             "不检查的朴素版": (grads_unguarded, 1e-10), "kernel.propagate": (kernel.propagate, 0.0)}
    for n, m in [(2, 1000), (30, 57), (64, 300)]:
        w, b, X, Y = problem(n, m, rng)
        want = helpers.grads_vectorized(w, b, X, Y)
        for name, (fn, rtol) in impls.items():
            assert same(fn(w, b, X, Y), want, rtol), f"{name} 在 {(n, m)} 上与 grads_vectorized 不一致"
        for name, (fn, prepare) in peers.items():
            assert same(fn(*prepare(w, b, X, Y)), want, 1e-10), f"{name} 在 {(n, m)} 上与 grads_vectorized 不一致"
    X, Y = train_data
    w0 = np.zeros((X.shape[0], 1))
    for B in (1, 64, X.shape[1]):
        w1, b1, h1 = helpers.minibatch_gradient_descent(w0, 0.0, X, Y, 0.1, 2, B)
        w2, b2, h2 = plain_minibatch_gd(w0, 0.0, X, Y, 0.1, 2, B)
        assert np.array_equal(w1, w2) and b1 == b2 and h1 == h2, f"小批量 B={B} 与纯 numpy 写法不一致"
    w1, b1, c1 = helpers.gradient_descent(w0, 0.0, X, Y, 0.1, 20)
    w2, b2, c2 = plain_gradient_descent(w0, 0.0, X, Y, 0.1, 20)
    assert np.array_equal(w1, w2) and b1 == b2 and c1 == c2, "全批量梯度下降与纯 numpy 写法不一致"
    names = list(impls) + list(peers)
    print(f"核对：{'、'.join(names)} 与 grads_vectorized 给出同样的 (dw, db, J)；"
          f"训练循环与纯 numpy 写法给出同样的参数与成本记录\n")


# ---------- 2. 训练循环 ----------

def bench_training(X, Y, repeat):
    """(30, 455) 上 helpers 的训练循环与纯 numpy 写法交替计时；返回 [(说明, 比值)]"""
    w0 = np.zeros((X.shape[0], 1))
    m = X.shape[1]
    cases = [(f"小批量 B = 1（{2} 轮）", lambda f: f(w0, 0.0, X, Y, 0.1, 2, 1),
              helpers.minibatch_gradient_descent, plain_minibatch_gd),
             ("小批量 B = 64（40 轮）", lambda f: f(w0, 0.0, X, Y, 0.1, 40, 64),
              helpers.minibatch_gradient_descent, plain_minibatch_gd),
             (f"小批量 B = m = {m}（150 轮）", lambda f: f(w0, 0.0, X, Y, 0.1, 150, m),
              helpers.minibatch_gradient_descent, plain_minibatch_gd),
             ("全批量 gradient_descent（150 次迭代）", lambda f: f(w0, 0.0, X, Y, 0.1, 150),
              helpers.gradient_descent, plain_gradient_descent)]
    print(f"训练循环，{X.shape}（乳腺癌数据的训练集，已标准化），与同一算法的纯 numpy 写法交替计时"
          f"（时间为中位数，比值为每对之比的中位数）：")
    results = []
    for text, run, mine, plain in cases:
        run(mine)
        run(plain)
        ta, tb = [], []
        for _ in range(3 * repeat):            # 相邻的一对时间受到的打扰相近：取每对之比的中位数
            ta.append(timeit.timeit(lambda: run(mine), number=1))
            tb.append(timeit.timeit(lambda: run(plain), number=1))
        t_mine, t_plain = float(np.median(ta)), float(np.median(tb))
        ratio = float(np.median(np.array(ta) / np.array(tb)))
        print(f"  {text:<36} helpers {t_mine * 1e3:7.1f} ms  纯 numpy {t_plain * 1e3:7.1f} ms  比值 {ratio:.2f}")
        results.append((text, ratio))
    print()
    return results


# ---------- 3. 一次梯度 ----------

def read_probes(X):
    """几种"只读一遍 X"的做法：多线程求和、一次 gemv（X @ 1），装了 PyTorch 时再加它的 gemv"""
    cores = os.cpu_count() or 1
    parts = np.array_split(X, cores, axis=0)

    def threaded_sum():
        threads = [threading.Thread(target=np.sum, args=(p,)) for p in parts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    ones = np.ones(X.shape[1], dtype=X.dtype)
    probes = {f"numpy 求和（{cores} 个线程）": threaded_sum, "numpy gemv（X @ 1）": lambda: X @ ones}
    try:
        import torch

        Xt, vt = torch.from_numpy(X), torch.from_numpy(ones)
        probes["PyTorch gemv（torch.mv）"] = lambda: torch.mv(Xt, vt)
    except ImportError:
        pass
    return probes


def bench_step(sizes, peers, repeat):
    rng = np.random.default_rng(0)
    print("一次梯度计算（float64），中位数；* = 在前 m' 个样本上计时再乘以 m/m'（循环的时间与 m 成正比）")
    print(f"{'(n, m)':>14} {'两重循环':>14} {'单重循环':>14} {'向量化':>12} {'两重/向量化':>12}")
    rows = []
    for n, m in sizes:
        w, b, X, Y = problem(n, m, rng)
        big = n * m >= 1e7
        t_vec = median_time(lambda: helpers.grads_vectorized(w, b, X, Y), repeat=repeat if big else 2 * repeat,
                            number=1 if n * m >= 1e6 else 20)
        t_two, ext_two = timed_loop(helpers.grads_loop, w, b, X, Y)
        t_one, ext_one = timed_loop(grads_one_loop, w, b, X, Y)
        rows.append(dict(n=n, m=m, w=w, b=b, X=X, Y=Y, t_vec=t_vec))

        def fmt(t, ext):
            return f"{t * 1e3:9.2f} ms" + ("*" if ext else " ")
        print(f"{str((n, m)):>14} {fmt(t_two, ext_two):>14} {fmt(t_one, ext_one):>14} "
              f"{t_vec * 1e6:9.0f} µs {t_two / t_vec:11.0f}×")
    print()

    first = rows[0]
    w, b, X, Y = first["w"], first["b"], first["X"], first["Y"]
    # 几微秒的差别：取交替计时的最小值（最不受别的进程打扰的那一次），而不是中位数
    t_gv, t_k = paired(lambda: helpers.grads_vectorized(w, b, X, Y), lambda: kernel.propagate(w, b, X, Y),
                       3 * repeat, number=300, stat=np.min)
    t_door = min(timeit.repeat(lambda: check_wbXY(w, b, X, Y), number=300, repeat=3 * repeat)) / 300
    print(f"{(first['n'], first['m'])} 上的固定开销（最小值）：grads_vectorized {t_gv * 1e6:.1f} µs，"
          f"kernel.propagate {t_k * 1e6:.1f} µs，差 {(t_gv - t_k) * 1e6:.1f} µs"
          f"（其中入口检查 check_wbXY {t_door * 1e6:.1f} µs，其余是 errstate 与结果的有限性检查）\n")
    goals = [(f"{(first['n'], first['m'])} 上入口检查与诊断的固定开销 {(t_gv - t_k) * 1e6:.1f} µs"
              f"（kernel 本身 {t_k * 1e6:.1f} µs）", None)]

    last = rows[-1]
    if (last["n"], last["m"]) == (784, 60000):
        goals += bench_bandwidth(last, repeat)
    if peers:
        print("同类实现（只是对照，都不是课程的依赖）：")
        for name, (fn, prepare) in peers.items():
            for r in rows:
                args = prepare(r["w"], r["b"], r["X"], r["Y"])
                for _ in range(3):
                    fn(*args)
                t = median_time(lambda: fn(*args), repeat=repeat)
                print(f"  {name:<28} {str((r['n'], r['m'])):>14}：{t * 1e6:9.0f} µs（helpers {r['t_vec'] * 1e6:.0f} µs）")
        print()
    else:
        print("未安装 PyTorch 和 scikit-learn：跳过同类实现的对照（它们不是课程的依赖）\n")
    return goals


def bench_bandwidth(row, repeat):
    """读两遍 X 的下限与 grads_vectorized 交替计时：别的进程抢 CPU 时两者一起变慢，比值仍可比"""
    X, Y, w, b = row["X"], row["Y"], row["w"], row["b"]
    probes = read_probes(X)
    speeds = {}
    for name, fn in probes.items():
        fn()
        speeds[name] = X.nbytes / median_time(fn, repeat=max(3, repeat // 3))
    how = max(speeds, key=speeds.get)
    times = {"probe": [], "step": [], "naive": []}
    calls = {"probe": probes[how], "step": lambda: helpers.grads_vectorized(w, b, X, Y),
             "naive": lambda: grads_unguarded(w, b, X, Y)}
    for _ in range(repeat):
        for key, fn in calls.items():
            times[key].append(timeit.timeit(fn, number=1))
    t_probe, t_step, t_naive = (float(np.median(times[k])) for k in ("probe", "step", "naive"))
    bound = 2 * t_probe
    frac = bound / t_step
    print(f"(784, 60000)（X 为 {X.nbytes / 1e6:.0f} MB，L3 缓存 {l3_cache()}）：")
    print("  读一遍 X 的速度：" + "，".join(f"{k} {v / 1e9:.1f} GB/s" for k, v in speeds.items()))
    print(f"  读两遍 X 的下限（wᵀX 与 X dZᵀ，按最快的 {how}，与下面交替计时）：{bound * 1e3:.2f} ms")
    print(f"  helpers.grads_vectorized：{t_step * 1e3:.2f} ms，达到下限的 {frac:.0%}；"
          f"不检查的朴素版 {t_naive * 1e3:.2f} ms（差 {t_step / t_naive - 1:+.1%}）\n")
    return [(f"(784, 60000) 达到读两遍 X 下限的 {frac:.0%}（目标 ≥ 85%）", frac >= 0.85)]


def l3_cache():
    try:
        return Path("/sys/devices/system/cpu/cpu0/cache/index3/size").read_text().strip()
    except OSError:
        return "未知"


def machine():
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ""
    if hasattr(os, "getloadavg"):          # 别的进程在抢 CPU 时，计时不可信：先看一眼
        load = f"；开始时的平均负载 {os.getloadavg()[0]:.1f}"
    return f"{model}，{os.cpu_count()} 核；Python {platform.python_version()}，numpy {np.__version__}{load}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="跳过 (784, 60000)，重复次数减半")
    args = parser.parse_args()
    repeat = 7 if args.quick else 15
    sizes = SIZES[:-1] if args.quick else SIZES
    print(f"机器：{machine()}\n")
    X, Y = helpers.load_breast_cancer()
    X_train, Y_train, _, _ = helpers.train_test_split(X, Y, test_fraction=0.2, seed=0)
    X_train = helpers.standardize(X_train, *helpers.fit_standardizer(X_train))
    peers = peer_timers()
    verify((X_train, Y_train), peers)
    goals = [(f"训练循环 {text}：比值 {ratio:.2f}（目标 ≤ 1.2）", ratio <= 1.2)
             for text, ratio in bench_training(X_train, Y_train, repeat)]
    goals += bench_step(sizes, peers, repeat)
    if hasattr(os, "getloadavg"):
        print(f"结束时的平均负载 {os.getloadavg()[0]:.1f}（{os.cpu_count()} 核；明显大于核数时，上面的时间偏大且不稳）\n")
    print("目标：")
    for text, ok in goals:
        mark = "—" if ok is None else ("达到" if ok else "未达到")
        print(f"  [{mark}] {text}")


if __name__ == "__main__":
    main()
