"""笔记本的检查：执行过、按顺序、没有意外的报错和 stderr、不泄露本机路径、导航正确；以及读正文的检查

读正文的检查（issue 11）：没有控制字符；markdown 段落里两个汉字之间没有换行（它在 JupyterLab 和书里显示成空格）；
含 \\\\ 的 $$ 公式块里没有 \\tag（书把这种块包进 split，MathJax 在那里拒绝 \\tag）；代码行不超过 79 个字符；
计时单元格用 nbval-ignore-output 标签而不是书里会显示的注释；不引用学习者手里没有的“笔记”；术语表的用词。
报告里的单元格编号从 0 数（包括 markdown 单元格），与 JupyterLab 里自上而下数的一致。
"""

import json
import re

import pytest

from tools.course import INDEX, LESSONS, NOTEBOOK_DIR, nav_line

# 本机路径的样子：Unix 的家目录、/tmp、/work、site-packages、内核的临时文件，Windows 的盘符
MACHINE_PATH = re.compile(r"(/home/|/root/|/Users/|/tmp/|/work/|/private/var/|site-packages|ipykernel_\d+|[A-Za-z]:\\\\)")
NAV = re.compile(r"^导航：.*$", re.M)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
HAN = "\u4e00-\u9fff"
CJK_END = HAN + "，。；：！？、）》”’"
# 这些开头的行不是上一行的续行，而是新的块：列表、引用、表格、标题、公式、HTML、编号列表
NEW_BLOCK = re.compile(r"\s*([-*+>|#<]|\$\$|\d+[.)]\s)")
MAX_CODE_LINE = 79
IDS = [p.name for p in LESSONS]


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell):
    return "".join(cell["source"])


def _cells(path):
    return list(enumerate(_load(path)["cells"]))


def _prose_lines(src):
    """markdown 里正文的行；跨行的 ``` 代码块和 $$ 公式块所占的行记为 None"""
    def blank(match):
        text = match.group(0)
        return text if "\n" not in text else "\n".join("\x00" for _ in text.split("\n"))
    src = re.sub(r"```.*?```", blank, src, flags=re.S)
    src = re.sub(r"\$\$.*?\$\$", blank, src, flags=re.S)
    return [None if "\x00" in line else line for line in src.split("\n")]


def soft_breaks(src):
    """一个段落里、两个汉字之间的换行：返回换行前后的文字片段"""
    found = []
    lines = _prose_lines(src)
    for a, b in zip(lines, lines[1:]):
        if not a or not b or not b.strip() or NEW_BLOCK.match(b):
            continue
        if re.search(f"[{CJK_END}]$", a.rstrip()) and re.match(f"\\s*[{HAN}]", b):
            found.append(f"…{a.rstrip()[-12:]}⏎{b.strip()[:12]}…")
    return found


def _code_blocks(src):
    return re.findall(r"```[^\n]*\n(.*?)```", src, re.S)


# ---------- 执行与输出 ----------

def test_every_notebook_is_a_numbered_lesson():
    names = [p.name for p in sorted(NOTEBOOK_DIR.glob("*.ipynb"))]
    assert names == [p.name for p in LESSONS], (f"notebooks/ 里每个笔记本都应命名为 NN_小写名字.ipynb（两位编号开头；"
         f"JupyterLab 复制出的 …-Copy1.ipynb 用完请删掉）：{names}")
    assert LESSONS[0] == INDEX
    numbers = [int(p.name[:2]) for p in LESSONS]
    assert numbers == list(range(len(LESSONS))), f"编号应从 00 起连续：{IDS}"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_executed_in_order_with_clean_outputs(path):
    nb = _load(path)
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3"
    assert "widgets" not in nb["metadata"], f"{path.name} 带着小部件状态（用 tools/run_notebooks.py 重新执行）"
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


@pytest.mark.parametrize("k", range(len(LESSONS)), ids=IDS)
def test_navigation_lines_top_and_bottom(k):
    cells = _load(LESSONS[k])["cells"]
    expected = nav_line(k)
    assert NAV.findall(_source(cells[0])) == [expected], f"{LESSONS[k].name} 顶部的导航应为：{expected}"
    assert cells[-1]["cell_type"] == "markdown" and NAV.findall(_source(cells[-1])) == [expected], \
        f"{LESSONS[k].name} 最后一个单元格的导航应为：{expected}"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_relative_links_resolve(path):
    for _, cell in _cells(path):
        if cell["cell_type"] != "markdown":
            continue
        text = re.sub(r"```.*?```|`[^`\n]*`", "", _source(cell), flags=re.S)   # 代码里的 ](…) 不是链接
        for target in re.findall(r"\]\(([^)#\s]+)", text):
            if "://" in target:
                continue
            assert (path.parent / target).exists(), f"{path.name} 链接到不存在的 {target}"


# ---------- 读正文 ----------

@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_no_control_characters(path):
    bad = [f"c{i}: {CONTROL.findall(_source(c))!r}" for i, c in _cells(path) if CONTROL.search(_source(c))]
    assert not bad, (f"{path.name} 里有控制字符（多半是非 raw 的 Python 字符串把 \\a、\\f 变成了 BEL、换页）："
                     f"{bad}")


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_no_line_break_inside_a_chinese_paragraph(path):
    bad = [f"c{i}: {s}" for i, c in _cells(path) if c["cell_type"] == "markdown"
           for s in soft_breaks(_source(c))]
    assert not bad, (f"{path.name} 有 {len(bad)} 处段落内换行（在 JupyterLab 和书里显示成汉字间的空格；"
                     f"一个段落写在一行）：{bad}")


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_no_tag_in_a_multiline_formula(path):
    bad = [f"c{i}: {block.strip()[:40]}…" for i, c in _cells(path) if c["cell_type"] == "markdown"
           for block in re.findall(r"\$\$(.+?)\$\$", _source(c), re.S)
           if "\\tag" in block and "\\\\" in block]
    assert not bad, (f"{path.name}：含 \\\\ 的 $$ 块里有 \\tag，书里会显示成公式错误"
                     f"（给公式编号就单独写一个一行的 $$ 块）：{bad}")


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_code_lines_fit_the_book(path):
    bad = []
    for i, cell in _cells(path):
        src = _source(cell)
        code = [src] if cell["cell_type"] == "code" else _code_blocks(src)
        bad += [f"c{i}: {len(line)} 字符" for block in code for line in block.split("\n")
                if len(line) > MAX_CODE_LINE]
    assert not bad, f"{path.name} 有 {len(bad)} 行代码超过 {MAX_CODE_LINE} 个字符（书里要横向滚动）：{bad}"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_nbval_markers_are_tags_not_comments(path):
    bad = [f"c{i}" for i, c in _cells(path) if c["cell_type"] == "code" and "# NBVAL_" in _source(c)]
    assert not bad, (f"{path.name}：这些单元格用了 # NBVAL_… 注释（书里会显示出来），"
                     f"改用单元格标签 nbval-ignore-output / raises-exception：{bad}")


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_no_citation_of_the_source_note(path):
    bad = [f"c{i}: …{m.string[max(0, m.start() - 8):m.end() + 8]}…" for i, c in _cells(path)
           for m in re.finditer(r"笔记(?!本)", _source(c))]
    assert not bad, f"{path.name} 引用了学习者手里没有的“笔记”：{bad}"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_glossary_terms(path):
    wrong = {"本地导数": "局部导数", "混淆表": "混淆矩阵"}
    bad = [f"c{i}: {w} → {right}" for i, c in _cells(path) for w, right in wrong.items() if w in _source(c)]
    assert not bad, f"{path.name} 的用词与术语表不一致：{bad}"


# ---------- 检查本身的单元测试 ----------

def test_soft_break_detector():
    assert soft_breaks("第一句。\n第二句。") == ["…第一句。⏎第二句。…"]
    assert soft_breaks("第一段。\n\n第二段。") == []
    assert soft_breaks("说明：\n- 列表项\n1. 编号项\n| 表 | 格 |\n$$x$$") == []
    assert soft_breaks("```python\n# 注释一\n# 注释二\n```") == []
    assert soft_breaks("$$\n\\text{一}\\\\\n\\text{二}\n$$") == []
    assert soft_breaks("- 列表项的第一行，\n  续行在这里") == ["…- 列表项的第一行，⏎续行在这里…"]
    assert soft_breaks("English line\n中文") == []
    # 跨两行的公式块之后的段落照样检查
    assert soft_breaks("$$a = 1, \\qquad\nb = 2$$\n\n第一句。\n第二句。") == ["…第一句。⏎第二句。…"]


def test_index_maps_every_lecture_video():
    """00 的视频表：第一门课第二周的 2.1 … 2.18 每个视频都对应到一课"""
    text = "\n".join(_source(c) for _, c in _cells(INDEX) if c["cell_type"] == "markdown")
    rows = dict(re.findall(r"^\| (2\.\d+) [^|]+\|[^|]+\| (\d\d|本课)", text, re.M))
    assert sorted(rows, key=lambda v: int(v.split(".")[1])) == [f"2.{k}" for k in range(1, 19)], rows
    lessons = {p.name[:2] for p in LESSONS}
    assert all(where in lessons or where == "本课" for where in rows.values()), rows
