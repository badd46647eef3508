"""一次梯度计算的速度：两重循环、单重循环、向量化，以及内存带宽给出的上限

用法（在仓库根目录）：
    .venv/bin/python benchmarks/bench_gradient.py            # 全部尺寸，约 1–2 分钟
    .venv/bin/python benchmarks/bench_gradient.py --quick    # 跳过 (784, 60000)

每个数都是多次重复的中位数。循环版在大尺寸上太慢，只在前 m' 个样本上计时，
再乘以 m/m'（两种循环的时间都严格与 m 成正比），输出里标明“外推”。
计时只在这里做，测试里从不断言任何时间。
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
from helpers.gradients import _check_wbXY  # noqa: E402

SIZES = [(2, 1000), (30, 569), (64, 1797), (64, 10000), (784, 60000)]
LOOP_BUDGET = 0.5          # 秒：循环版单次计时的大致上限，超过就外推


def grads_one_loop(w, b, X, Y):
    """只循环样本、对特征向量化的中间版本：dw += x⁽ⁱ⁾ dz⁽ⁱ⁾"""
    n, m = X.shape
    dw, db, J = np.zeros((n, 1)), 0.0, 0.0
    for i in range(m):
        x = X[:, i:i + 1]
        z = float(w[:, 0] @ x[:, 0]) + b
        a = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
        y = Y[0, i]
        J += max(z, 0.0) - y * z + math.log1p(math.exp(-abs(z)))
        dz = a - y
        dw += x * dz
        db += dz
    return dw / m, db / m, J / m


def grads_unguarded(w, b, X, Y):
    """对照：不检查输入、用朴素公式算成本的向量化版本（只用来衡量稳定写法的开销）"""
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    dZ = A - Y
    return (X @ dZ.T) / m, float(np.sum(dZ)) / m, float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))


def median_time(fn, repeat, number=1):
    times = timeit.repeat(fn, number=number, repeat=repeat)
    return float(np.median(times)) / number


def paired_ratio(fa, fb, repeat):
    """交替计时 fa 与 fb（同一进程、同样的机器状态），返回两者中位数之比 t(fa)/t(fb)"""
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(timeit.timeit(fa, number=1))
        tb.append(timeit.timeit(fb, number=1))
    return float(np.median(ta) / np.median(tb))



def timed_loop(fn, w, b, X, Y):
    """循环版：先在前 200 个样本上试；整步估计超过 LOOP_BUDGET 时，只在前 m' 个样本上计时再乘以 m/m'

    返回 (秒, 是否外推)
    """
    m = X.shape[1]
    m_sub = min(m, 200)
    per_sample = median_time(lambda: fn(w, b, X[:, :m_sub], Y[:, :m_sub]), repeat=3) / m_sub
    if per_sample * m <= LOOP_BUDGET:
        return median_time(lambda: fn(w, b, X, Y), repeat=3), False
    m_sub = min(m, max(m_sub, int(LOOP_BUDGET / per_sample)))     # 约 LOOP_BUDGET 秒能算完的样本数
    t = median_time(lambda: fn(w, b, X[:, :m_sub], Y[:, :m_sub]), repeat=3)
    return t * m / m_sub, True


def read_probes(X):
    """几种“只读一遍 X”的做法：{名字: 函数}

    numpy：每个核一个线程各对 X 的一部分求和（求和时释放 GIL）；一次 gemv（X @ 1）。
    装了 PyTorch 时再加上它的 gemv（MKL）：它常常读得比 numpy 自带的 OpenBLAS 更快，
    用最快的那个算下限，下限才不会被低估
    """
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


def peer_timers():
    """装了 PyTorch 或 scikit-learn 时，顺便测它们算同一个梯度的时间；它们都不是课程的依赖"""
    peers = {}
    try:
        import torch

        def torch_step(w, b, X, Y):
            wt = torch.from_numpy(w).requires_grad_()
            bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
            Z = wt.T @ torch.from_numpy(X) + bt
            J = torch.nn.functional.binary_cross_entropy_with_logits(Z, torch.from_numpy(Y))
            J.backward()
            return wt.grad, bt.grad, J

        peers["PyTorch CPU autograd"] = (torch_step, "samples as columns")
    except ImportError:
        pass
    try:
        from sklearn._loss.loss import HalfBinomialLoss
        from sklearn.linear_model._linear_loss import LinearModelLoss

        lml = LinearModelLoss(base_loss=HalfBinomialLoss(), fit_intercept=True)

        def sklearn_step(coef, Xmn, y):
            return lml.loss_gradient(coef, Xmn, y)

        peers["scikit-learn loss_gradient"] = (sklearn_step, "samples as rows")
    except ImportError:
        pass
    return peers


def l3_cache():
    """L3 缓存的大小（Linux 上从 sysfs 读；读不到时说“未知”）"""
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
    return f"{model}，{os.cpu_count()} 核；Python {platform.python_version()}，numpy {np.__version__}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="跳过最大的 (784, 60000)")
    args = parser.parse_args()
    sizes = SIZES[:-1] if args.quick else SIZES
    rng = np.random.default_rng(0)
    peers = peer_timers()

    print(f"机器：{machine()}")
    print("一次梯度计算（float64）的时间，中位数；“外推”= 在前 m' 个样本上计时再乘以 m/m'\n")
    header = f"{'(n, m)':>14} {'两重循环':>16} {'单重循环':>16} {'向量化':>10} {'加速(两重/向量化)':>18}"
    print(header)
    rows = []
    for n, m in sizes:
        X = rng.normal(size=(n, m))
        Y = (rng.random((1, m)) < 0.5).astype(np.float64)
        w = rng.normal(scale=0.1, size=(n, 1))
        b = 0.1
        t_vec = median_time(lambda: helpers.grads_vectorized(w, b, X, Y), repeat=25 if n * m < 1e7 else 15,
                            number=20 if n * m < 1e6 else 1)
        t_two, ext_two = timed_loop(helpers.grads_loop, w, b, X, Y)
        t_one, ext_one = timed_loop(grads_one_loop, w, b, X, Y)
        rows.append(dict(n=n, m=m, X=X, Y=Y, w=w, b=b, t_vec=t_vec, t_two=t_two, t_one=t_one))

        def fmt(t, ext):
            return f"{t * 1e3:9.2f} ms" + ("*" if ext else " ")

        print(f"{str((n, m)):>14} {fmt(t_two, ext_two):>16} {fmt(t_one, ext_one):>16} "
              f"{t_vec * 1e6:7.0f} µs {t_two / t_vec:16.0f}×")
    print("（* 为外推值）\n")

    goals = []
    big = [r for r in rows if r["n"] * r["m"] >= 1e5]
    worst = min(r["t_two"] / r["t_vec"] for r in big)
    goals.append((f"n·m ≥ 1e5 时向量化比两重循环快 ≥ 100 倍（最小为 {worst:.0f} 倍）", worst >= 100))

    last = rows[-1]
    X, Y, w, b = last["X"], last["Y"], last["w"], last["b"]
    probes = read_probes(X)
    speeds = {}
    for name, fn in probes.items():
        fn()
        speeds[name] = X.nbytes / median_time(fn, repeat=21)
    bw_how = max(speeds, key=speeds.get)
    bw = speeds[bw_how]
    bound = 2 * X.nbytes / bw
    t_step = median_time(lambda: helpers.grads_vectorized(w, b, X, Y), repeat=21)
    frac = bound / t_step
    overhead = paired_ratio(lambda: helpers.grads_vectorized(w, b, X, Y), lambda: grads_unguarded(w, b, X, Y),
                            repeat=21) - 1
    t_check = median_time(lambda: _check_wbXY(w, b, X, Y), repeat=25, number=20)
    shape = (last["n"], last["m"])
    print(f"在 {shape}（X 为 {X.nbytes / 1e6:.0f} MB）上：")
    print(f"  （都是反复读同一个 X 的速度，和训练时一样；L3 缓存 {l3_cache()}：X 与它相比不够大时，"
          f"一部分读取来自缓存，这里的“带宽”与下限都只对这种情形成立）")
    print("  读一遍 X 的速度：" + "，".join(f"{k} {v / 1e9:.1f} GB/s" for k, v in speeds.items()))
    print(f"  取最快的作为内存读带宽：{bw / 1e9:.1f} GB/s（{bw_how}）")
    print(f"  读两遍 X 的下限（wᵀX 与 X dZᵀ）：{bound * 1e3:.2f} ms")
    print(f"  helpers.grads_vectorized：{t_step * 1e3:.2f} ms，达到下限的 {frac:.0%}")
    print(f"  与不检查输入、用朴素成本的版本交替计时：稳定成本 + 输入检查多花 {overhead:+.1%}")
    print(f"  其中输入检查本身：{t_check * 1e6:.0f} µs（不扫描 X）")
    X32, Y32, w32 = X.astype(np.float32), Y.astype(np.float32), w.astype(np.float32)
    t32 = median_time(lambda: helpers.grads_vectorized(w32, b, X32, Y32), repeat=15 if X.size >= 1e7 else 25)
    print(f"  float32：{t32 * 1e3:.2f} ms（数据减半，约为 float64 的 {t32 / last['t_vec']:.0%}）\n")
    if shape == (784, 60000):
        goals.append((f"(784, 60000) float64 达到读两遍 X 下限的 ≥ 85%（{frac:.0%}）", frac >= 0.85))
        goals.append((f"稳定成本的额外开销 ≤ 10%（{overhead:+.1%}）", overhead <= 0.10))

    if peers:
        print("同类实现（只是顺便对照，都不是课程的依赖）：")
        for name, (fn, layout) in peers.items():
            lost = []
            for r in rows:
                if layout == "samples as rows":
                    Xmn, y = np.ascontiguousarray(r["X"].T), r["Y"][0]
                    coef = np.append(r["w"][:, 0], r["b"])
                    call = lambda: fn(coef, Xmn, y)  # noqa: E731
                else:
                    call = lambda: fn(r["w"], r["b"], r["X"], r["Y"])  # noqa: E731
                for _ in range(3):                 # 预热：线程池、内存分配
                    call()
                t = median_time(call, repeat=15)
                print(f"  {name:<28} {str((r['n'], r['m'])):>14}：{t * 1e6:9.0f} µs"
                      f"（helpers {r['t_vec'] * 1e6:.0f} µs，{'helpers 更快' if r['t_vec'] <= t else '对方更快'}）")
                if r["t_vec"] > t * 1.05:
                    lost.append(f"{(r['n'], r['m'])} 慢 {r['t_vec'] / t - 1:.0%}")
            detail = "；".join(lost) if lost else "处处不慢"
            goals.append((f"helpers.grads_vectorized 在每个尺寸上不慢于 {name}，5% 以内算持平（{detail}）", not lost))
    else:
        print("未安装 PyTorch 和 scikit-learn：跳过同类实现的对照（它们不是课程的依赖）。\n")

    print("目标：")
    for text, ok in goals:
        print(f"  [{'达到' if ok else '未达到'}] {text}")


if __name__ == "__main__":
    main()
