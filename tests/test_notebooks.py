"""笔记本的卫生检查：执行过、按顺序、没有意外的报错和 stderr、不泄露本机路径、导航链接正确"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# 本机路径的样子：Unix 的家目录、/tmp、/work、site-packages、内核的临时文件，Windows 的盘符
MACHINE_PATH = re.compile(r"(/home/|/root/|/Users/|/tmp/|/work/|/private/var/|site-packages|ipykernel_\d+|[A-Za-z]:\\\\)")
NAV = re.compile(r"^导航：(.*)$", re.M)


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell):
    return "".join(cell["source"])


def test_notebooks_are_numbered_in_order():
    names = [p.name for p in NOTEBOOKS]
    assert names, "notebooks/ 里没有笔记本"
    assert names[0] == "00_index.ipynb"
    numbers = [int(n[:2]) for n in names]
    assert numbers == list(range(len(names))), f"编号应从 00 起连续：{names}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_in_order_with_clean_outputs(path):
    nb = _load(path)
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name} 应从全新内核自上而下执行过：{counts}"
    for i, cell in enumerate(code, 1):
        tags = cell["metadata"].get("tags", [])
        assert "execution" not in cell["metadata"], f"{path.name} 第 {i} 个代码单元格带有计时元数据"
        errors = [o for o in cell["outputs"] if o["output_type"] == "error"]
        if "raises-exception" in tags:
            assert errors, f"{path.name} 第 {i} 个代码单元格标着 raises-exception，却没有报错"
        else:
            assert not errors, f"{path.name} 第 {i} 个代码单元格报错：{errors[0]['ename']}"
        for out in cell["outputs"]:
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), \
                f"{path.name} 第 {i} 个代码单元格向 stderr 输出了：{''.join(out['text'])[:200]}"
            found = MACHINE_PATH.search(json.dumps(out, ensure_ascii=False))
            assert not found, f"{path.name} 第 {i} 个代码单元格的输出里有本机路径：{found.group(0)}"
            assert "image/svg+xml" not in out.get("data", {}), f"{path.name} 第 {i} 个单元格输出了 SVG（用 PNG）"
            plain = "".join(out.get("data", {}).get("text/plain", []))
            assert " at 0x" not in plain, f"{path.name} 第 {i} 个单元格的输出里有内存地址：{plain[:80]}"


def _title(path):
    first = _source(_load(path)["cells"][0])
    match = re.match(r"# (\d\d) (.+)", first)
    assert match and match.group(1) == path.name[:2], f"{path.name} 的第一个单元格应以 '# {path.name[:2]} 标题' 开头"
    return f"{match.group(1)} {match.group(2).strip()}"


def _expected_nav(k):
    parts = []
    if k > 0:
        prev = NOTEBOOKS[k - 1]
        parts.append(f"[← {_title(prev)}]({prev.name})")
    parts.append("目录" if k == 0 else "[目录](00_index.ipynb)")
    if k + 1 < len(NOTEBOOKS):
        nxt = NOTEBOOKS[k + 1]
        parts.append(f"[{_title(nxt)} →]({nxt.name})")
    return " · ".join(parts)


@pytest.mark.parametrize("k", range(len(NOTEBOOKS)), ids=[p.name for p in NOTEBOOKS])
def test_navigation_lines_top_and_bottom(k):
    cells = _load(NOTEBOOKS[k])["cells"]
    expected = _expected_nav(k)
    top = NAV.findall(_source(cells[0]))
    bottom = NAV.findall(_source(cells[-1]))
    assert top == [expected], f"{NOTEBOOKS[k].name} 顶部的导航应为：导航：{expected}"
    assert cells[-1]["cell_type"] == "markdown" and bottom == [expected], \
        f"{NOTEBOOKS[k].name} 最后一个单元格的导航应为：导航：{expected}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_relative_links_resolve(path):
    for cell in _load(path)["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for target in re.findall(r"\]\(([^)#\s]+)", _source(cell)):
            if "://" in target:
                continue
            assert (path.parent / target).exists(), f"{path.name} 链接到不存在的 {target}"
