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
每道练习打印一行：课、练习名、检查器的结论（练习格本身报错时说出错误）；最后一行是合计。
"""

import os
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


def _tags(cell):
    return cell.metadata.get("tags", [])


def _error(cell):
    """单元格输出里的报错，写成一行；没有报错返回 None"""
    for out in cell.get("outputs", []):
        if out.output_type == "error":
            return f"{out.ename}: {' '.join(str(out.evalue).split())}"[:160]
    return None


def _verdict(stub, check):
    """一道练习的结论：检查格打印的那一行；练习格或检查格报错时说出错误"""
    error = _error(stub)
    if error:
        return f"✗ 练习格运行出错 {error}"
    for out in check.get("outputs", []):
        for line in out.get("text", "").splitlines():
            if line.startswith(VERDICTS):
                return line
    error = _error(check)
    if error:
        return f"✗ 检查格运行出错 {error}"
    return "✗ 检查格没有输出结论：从这一课开头依次运行到这一格再试"


def lesson_progress(path):
    """执行一课到最后一个检查格，返回 [(练习名, 结论)]；这一课出了意外就记一行 ✗"""
    try:
        return _run_lesson(path)
    except Exception as exc:        # 文件坏了、内核没能启动或中途退出：别的课照常
        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
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
    NotebookClient(nb, timeout=120, interrupt_on_timeout=True, allow_errors=True,
                   kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(Path(path).parent)}},
                   ).execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    for k in checks:
        name = nb.cells[k].source.split('"')[1] if '"' in nb.cells[k].source else "?"
        stub = nb.cells[k - 1] if k > 0 else nb.cells[k]
        results.append((name, _verdict(stub, nb.cells[k])))
    return results


def main(args):
    paths = [Path(a).resolve() for a in args] or list(LESSONS)
    # 内核从本进程继承环境：没装 helpers 时也能从仓库根目录导入
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    workers = max(1, min(4, os.cpu_count() or 2, len(paths)))   # 每个内核约 150 MB
    with ProcessPoolExecutor(max_workers=workers) as pool:
        everything = list(pool.map(lesson_progress, paths))
    counts = dict.fromkeys(VERDICTS, 0)
    broken = 0
    width = max((len(p.stem) for p in paths), default=0)
    for path, results in zip(paths, everything):
        for name, line in results:
            print(f"{path.stem:<{width}}  {name}  {line}")
            if name == WHOLE:
                broken += 1
            else:
                counts[line[0]] += 1
    total = sum(counts.values())
    print(f"合计 {total} 道练习：✓ {counts['✓']} 道做对了，✗ {counts['✗']} 道还有问题，"
          f"⏳ {counts['⏳']} 道还没写" + (f"；另有 {broken} 课没能执行" if broken else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
