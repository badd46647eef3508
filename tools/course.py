"""课程的唯一目录：按编号排好的笔记本、每课的标题和导航行

测试、阅读版的构建和练习进度都从这里取课程列表，不各自 glob
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
# 只认 NN_小写名字.ipynb：JupyterLab 里复制出来的 01_…-Copy1.ipynb 不算一课
LESSONS = sorted(p for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb")
                 if re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", p.name))
INDEX = NOTEBOOK_DIR / "00_index.ipynb"


def title(path):
    """第一个单元格的 '# NN 标题'，返回 'NN 标题'"""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"])
    match = re.match(r"# (\d\d) (.+)", first)
    if not (match and match.group(1) == Path(path).name[:2]):
        raise ValueError(f"{Path(path).name} 的第一个单元格应以 '# {Path(path).name[:2]} 标题' 开头")
    return f"{match.group(1)} {match.group(2).strip()}"


def nav_line(k):
    """第 k 课（从 0 数）顶部和底部的导航行"""
    parts = []
    if k > 0:
        prev = LESSONS[k - 1]
        parts.append(f"[← {title(prev)}]({prev.name})")
    parts.append("目录" if k == 0 else f"[目录]({INDEX.name})")
    if k + 1 < len(LESSONS):
        nxt = LESSONS[k + 1]
        parts.append(f"[{title(nxt)} →]({nxt.name})")
    return "导航：" + " · ".join(parts)
