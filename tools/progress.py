"""练习进度一览：执行你保存过的笔记本，逐题列出 ✓ / ✗ / ⏳

用法（在仓库根目录）：
    .venv/bin/python tools/progress.py                       # 全部课程
    .venv/bin/python tools/progress.py notebooks/03_*.ipynb  # 只看某几课

每课在全新的内核里执行（工作目录是笔记本所在的文件夹），报错也继续往下执行，
不会写回笔记本。只执行到这一课最后一个检查格为止：练习是“叶子”，后面的单元格
不会用到你的函数，所以结论与从头到尾执行完全一样，只是更快；前面的单元格都会
执行，你自己加的辅助函数、导入也都在（只跑练习格会更快，但你自己加的格子里定义的
函数就找不到了，结论可能和你在笔记本里看到的不一样，所以不这样做）。
几课同时在几个内核里执行（最多 4 个）；2 核的机器上 7 课约 20–30 秒。
每道练习打印一行：课、练习名、检查器的结论（检查格没有结论时，说出练习格或检查格的
错误）；最后一行是合计。一个单元格超过 120 秒还没结束会被中断，记作“运行超时”。

退出码：0 = 每一课都执行完了（✗ 和 ⏳ 是你的进度，不算出错）；1 = 有的课没能执行
（文件不存在、不是笔记本、内核没能启动等，那一课记一行 ✗）；2 = 命令行参数不对。
"""

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.course import LESSONS  # noqa: E402

VERDICTS = ("✓", "✗", "⏳")
WHOLE = "（整课）"                  # 整课没能执行时代替练习名
TIMEOUT = 120                       # 每个单元格最多运行几秒
_NAME = re.compile(r"""CHECKS\[\s*["'](\w+)["']\s*\]""")
_PATHS = re.compile(r"(?:[A-Za-z]:)?[\\/](?:[^\s'\"\\/]+[\\/])+")   # 报错里的本机路径
_CELL_FILE = re.compile(r"\((?:\d+|<ipython-input-[^>]*>)\.py, ")   # "(84798147.py, line 2)"


def _tags(cell):
    return cell.metadata.get("tags", [])


def _error(cell):
    """单元格输出里的报错，写成一行；没有报错返回 None"""
    for out in cell.get("outputs", []):
        if out.output_type == "error":
            if out.ename == "KeyboardInterrupt":     # nbclient 超时后中断了内核
                return (f"运行超时：超过 {TIMEOUT} 秒还没结束，被中断了；"
                        f"多半有一个永远不会结束的循环")
            message = _PATHS.sub("", " ".join(str(out.evalue).split()))
            message = _CELL_FILE.sub("(", message)       # 内核给单元格起的临时文件名
            name = "SyntaxError" if out.ename.endswith("IncompleteInputError") else out.ename
            return f"{name}: {message}"[:160]
    return None


def _verdict(stub, check):
    """一道练习的结论：检查格打印的那一行优先（它检查的就是此刻的函数）；
    检查格没有结论时，说出练习格或检查格的错误"""
    for out in check.get("outputs", []):
        for line in out.get("text", "").splitlines():
            if line.startswith(VERDICTS):
                return line
    error = _error(stub) if stub is not None else None
    if error:
        return f"✗ 练习格运行出错 {error}"
    error = _error(check)
    if error:
        return f"✗ 检查格运行出错 {error}"
    return "✗ 检查格没有输出结论：从这一课开头依次运行到这一格再试"


def _stub(cells, k):
    """检查格 k 前面最近的练习格（带 exercise 标签）；中间可以夹着你自己加的格子"""
    for cell in reversed(cells[:k]):
        if "exercise" in _tags(cell):
            return cell
        if "exercise-check" in _tags(cell):
            break
    return None


def lesson_progress(path):
    """执行一课到最后一个检查格，返回 [(练习名, 结论)]；这一课出了意外就记一行 ✗"""
    try:
        return _run_lesson(path)
    except Exception as exc:        # 文件坏了、内核没能启动或中途退出：别的课照常
        message = _PATHS.sub("", " ".join(f"{type(exc).__name__}: {exc}".split()))[:160]
        return [(WHOLE, f"✗ 这一课没能执行完：{message}（再运行一次试试）")]


def _run_lesson(path):
    nb = nbformat.read(path, as_version=4)
    checks = [k for k, c in enumerate(nb.cells) if "exercise-check" in _tags(c)]
    if not checks:
        return []
    nb.cells = nb.cells[:checks[-1] + 1]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(nb, timeout=TIMEOUT, interrupt_on_timeout=True, allow_errors=True,
                   kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(Path(path).parent)}},
                   ).execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    for k in checks:
        match = _NAME.search(nb.cells[k].source)
        name = match.group(1) if match else "?"
        results.append((name, _verdict(_stub(nb.cells, k), nb.cells[k])))
    return results


def _unusable(arg):
    """命令行给的文件用不了时说明原因（不显示本机的路径）；能用时返回 None"""
    path = Path(arg)
    if not path.exists():
        return (f"✗ 找不到文件 {path.name}：路径从当前文件夹算起，"
                f"比如 notebooks/03_logistic_regression.ipynb")
    if path.suffix != ".ipynb" or not path.is_file():
        return f"✗ {path.name} 不是笔记本文件（.ipynb）"
    return None


def main(args=None):
    """打印进度，返回退出码（见模块说明）"""
    parser = argparse.ArgumentParser(
        prog="progress.py",
        description="执行你保存过的笔记本，逐题列出练习的 ✓ / ✗ / ⏳。",
        epilog="退出码：0 = 每一课都执行完了（✗、⏳ 是进度，不算出错）；"
               "1 = 有的课没能执行；2 = 参数不对。")
    parser.add_argument("notebooks", nargs="*", metavar="笔记本",
                        help="要看的几课，比如 notebooks/03_*.ipynb；不写就是全部课程")
    given = parser.parse_args(args).notebooks
    problems = {a: _unusable(a) for a in given}
    paths = [Path(a).resolve() for a in given if not problems[a]] if given else list(LESSONS)
    # 内核从本进程继承环境：没装 helpers 时也能从仓库根目录导入
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    workers = max(1, min(4, os.cpu_count() or 2, len(paths)))   # 每个内核约 150 MB
    everything = []
    if paths:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            everything = list(pool.map(lesson_progress, paths))
    done = dict(zip(paths, everything))
    rows = [(Path(a), [(WHOLE, problems[a])] if problems[a] else done[Path(a).resolve()])
            for a in given] or list(zip(paths, everything))
    counts = dict.fromkeys(VERDICTS, 0)
    broken = 0
    width = max((len(p.stem) for p, _ in rows), default=0)
    for path, results in rows:
        for name, line in results:
            print(f"{path.stem:<{width}}  {name}  {line}")
            if name == WHOLE:
                broken += 1
            else:
                counts[line[0]] += 1
    total = sum(counts.values())
    print(f"合计 {total} 道练习：✓ {counts['✓']} 道做对了，✗ {counts['✗']} 道还有问题，"
          f"⏳ {counts['⏳']} 道还没写" + (f"；另有 {broken} 课没能执行" if broken else ""))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
