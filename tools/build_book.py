"""把 notebooks/ 构建成一本离线可读的 HTML 书（Jupyter Book 1），打印打开它的地址

用法（在仓库根目录）：
    .venv/bin/python tools/build_book.py                 # 输出到 _build/book/
    .venv/bin/python tools/build_book.py --out 某个目录

- 不执行任何笔记本：直接用提交时的输出（execute_notebooks: off）。
- 目录按笔记本的编号生成：00_index 是首页，其余按顺序排列；新增或改名的课不用改任何配置。
- 公式用本地的 MathJax 3（第一次构建时用 npm 从 npm 仓库装到 _build/mathjax/，之后复用），
  所以书在没有网络时也能正确显示公式。
"""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATHJAX_VERSION = "3.2.2"
MATHJAX_DIR = ROOT / "_build" / "mathjax"


def fail(message):
    print(f"构建失败：{message}", file=sys.stderr)
    sys.exit(1)


def local_mathjax():
    """返回本地 MathJax 3 的 es5/ 目录；没有时用 npm 安装"""
    es5 = MATHJAX_DIR / "node_modules" / "mathjax" / "es5"
    if (es5 / "tex-chtml-full.js").is_file():
        return es5
    npm = shutil.which("npm")
    if npm is None:
        fail("需要 npm 来安装本地的 MathJax（书要离线显示公式）；请先安装 Node.js（含 npm），"
             "比如 Debian/Ubuntu 上 `apt-get install npm`")
    MATHJAX_DIR.mkdir(parents=True, exist_ok=True)
    print(f"第一次构建：用 npm 安装 mathjax@{MATHJAX_VERSION} 到 {MATHJAX_DIR.relative_to(ROOT)}/ …", flush=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(MATHJAX_DIR), "--no-audit", "--no-fund", "--no-save",
         f"mathjax@{MATHJAX_VERSION}"],
        capture_output=True, text=True)
    if result.returncode != 0 or not (es5 / "tex-chtml-full.js").is_file():
        fail(f"npm 没能安装 mathjax@{MATHJAX_VERSION}：\n{result.stderr[-2000:]}")
    return es5


def lesson_title(path):
    """笔记本第一个单元格的 '# 0N 标题'"""
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"]).splitlines()[0]
    if not first.startswith("# "):
        fail(f"{path.name} 的第一个单元格应以 '# 标题' 开头，实际为：{first[:40]}")
    return first[2:].strip()


def stage(src):
    """在 src/ 里准备 Jupyter Book 的源：笔记本副本、_config.yml、_toc.yml、本地 MathJax"""
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if not notebooks or notebooks[0].name != "00_index.ipynb":
        fail("notebooks/ 里应有 00_index.ipynb 作为首页")
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    for nb in notebooks:
        shutil.copy2(nb, src / nb.name)
    # MathJax 不放进 _static/：Jupyter Book 会把那里的每个 .js 都插进页面
    shutil.copytree(local_mathjax(), src / "mathjax_static" / "mathjax")
    config = f"""\
title: 神经网络基础
author: 课程作者
copyright: ""
only_build_toc_files: true
execute:
  execute_notebooks: "off"
html:
  use_repository_button: false
  use_issues_button: false
  use_edit_page_button: false
  home_page_in_navbar: true
sphinx:
  recursive_update: true     # 下面的字典并入 Jupyter Book 自己的设置，而不是整个替换
  config:
    # Jupyter Book 1 的默认扩展，去掉 sphinx_thebe（在线运行要联网，且它会把同一段脚本插两次，
    # 页面报 "THEBE_JS_URL has already been declared"）和 intersphinx（用不到）；
    # sphinx_comments 不配置时什么也不加，但 Jupyter Book 总会设置 comments_config，去掉它会有警告
    extensions: [sphinx_togglebutton, sphinx_copybutton, myst_nb, jupyter_book, sphinx_comments,
                 sphinx_external_toc, sphinx_design, sphinx_book_theme]
    language: zh_CN
    # 不设时主题在读者第一次打开时报 "Got invalid theme mode"（控制台错误）
    html_context:
      default_mode: light
    html_static_path: ["mathjax_static"]
    mathjax_path: mathjax/tex-chtml-full.js
    html_show_sphinx: false
    nb_merge_streams: true
"""
    (src / "_config.yml").write_text(config, encoding="utf-8")
    toc = "format: jb-book\nroot: 00_index\nchapters:\n" + "".join(
        f"  - file: {nb.stem}\n" for nb in notebooks[1:])
    (src / "_toc.yml").write_text(toc, encoding="utf-8")
    return [(nb.stem, lesson_title(nb)) for nb in notebooks]


def build(out):
    src = out.parent / (out.name + "_src")
    pages = stage(src)
    jb = Path(sys.executable).parent / "jupyter-book"
    if not jb.exists():
        fail("找不到 jupyter-book：请先 `.venv/bin/pip install -r requirements.txt`")
    result = subprocess.run([str(jb), "build", str(src), "--path-output", str(out), "--builder", "html"],
                            capture_output=True, text=True)
    html = out / "_build" / "html"
    if result.returncode != 0 or not (html / "00_index.html").is_file():
        fail(f"jupyter-book 出错：\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    warnings = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "WARNING" in line]
    return html, pages, warnings


def main():
    parser = argparse.ArgumentParser(description="构建离线可读的课程 HTML 书")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "book", help="输出目录（默认 _build/book）")
    args = parser.parse_args()
    html, pages, warnings = build(args.out.resolve())
    for line in warnings:
        print(line)
    print(f"完成：{len(pages)} 页。用浏览器打开 {html / 'index.html'}")


if __name__ == "__main__":
    main()
