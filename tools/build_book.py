"""把 notebooks/ 构建成一本离线可读的 HTML 书（Jupyter Book 1），打印打开它的地址

用法（在仓库根目录）：
    .venv/bin/python tools/build_book.py                 # 输出到 _build/book/
    .venv/bin/python tools/build_book.py --out 某个目录

- 不执行任何笔记本：直接用提交时的输出（book/_config.yml 里 execute_notebooks: off）。
- 配置和目录是提交在 book/ 里的 _config.yml、_toc.yml；目录必须与 tools/course.py 的课程顺序一致。
- 用 `jupyter-book build -W`：任何警告都算构建失败。
- 公式用本地的 MathJax 3（第一次构建时用 npm 从 npm 仓库装到 _build/mathjax/，之后复用），
  所以书在没有网络时也能正确显示公式。
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.course import LESSONS, ROOT  # noqa: E402

BOOK = ROOT / "book"
MATHJAX_VERSION = "3.2.2"
MATHJAX_DIR = ROOT / "_build" / "mathjax"


class BuildError(Exception):
    pass


def jupyter_book_exe(bindir, windows=None):
    """venv 里 jupyter-book 的可执行文件：Linux/macOS 在 bin/jupyter-book，Windows 在 Scripts\\jupyter-book.exe"""
    if windows is None:
        windows = os.name == "nt"
    return Path(bindir) / ("jupyter-book.exe" if windows else "jupyter-book")


def toc_files(toc_text):
    """_toc.yml 里按顺序列出的页面（root 在前）"""
    files = []
    for line in toc_text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("root:"):
            files.insert(0, line.split(":", 1)[1].strip())
        elif line.startswith("- file:"):
            files.append(line.split(":", 1)[1].strip())
    return files


def local_mathjax():
    """返回本地 MathJax 3 的 es5/ 目录；没有时用 npm 安装"""
    es5 = MATHJAX_DIR / "node_modules" / "mathjax" / "es5"
    if (es5 / "tex-chtml-full.js").is_file():
        return es5
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("需要 npm 来安装本地的 MathJax（书要离线显示公式）。npm 要单独安装："
                         "Debian/Ubuntu 上 `apt-get install npm`（Debian 的 nodejs 包不带 npm），"
                         "macOS 上 `brew install node`，Windows 上装 nodejs.org 的安装包（自带 npm）")
    MATHJAX_DIR.mkdir(parents=True, exist_ok=True)
    print(f"第一次构建：用 npm 安装 mathjax@{MATHJAX_VERSION} 到 _build/mathjax/ …", flush=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(MATHJAX_DIR), "--no-audit", "--no-fund", "--no-save",
         f"mathjax@{MATHJAX_VERSION}"],
        capture_output=True, text=True)
    if result.returncode != 0 or not (es5 / "tex-chtml-full.js").is_file():
        raise BuildError(f"npm 没能安装 mathjax@{MATHJAX_VERSION}：\n{result.stderr[-2000:]}")
    return es5


def stage(src):
    """在 src/ 里准备书的源：book/ 里的配置与样式、笔记本副本、本地 MathJax"""
    expected = [p.stem for p in LESSONS]
    listed = toc_files((BOOK / "_toc.yml").read_text(encoding="utf-8"))
    if listed != expected:
        raise BuildError(f"book/_toc.yml 的页面 {listed} 应与 notebooks/ 的课程顺序 {expected} 一致")
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(BOOK, src)
    for nb in LESSONS:
        shutil.copy2(nb, src / nb.name)
    shutil.copytree(local_mathjax(), src / "static" / "mathjax")


def build(out):
    """构建到 out/，返回 HTML 所在目录"""
    src = out.parent / (out.name + "_src")
    stage(src)
    jb = jupyter_book_exe(Path(sys.executable).parent)
    if not jb.exists():
        raise BuildError(f"找不到 {jb.name}：请先安装测试与阅读版的依赖，"
                         "`.venv/bin/pip install -r requirements-dev.txt`")
    result = subprocess.run([str(jb), "build", str(src), "--path-output", str(out), "--builder", "html",
                             "--all", "-W", "--keep-going"],
                            capture_output=True, text=True, encoding="utf-8", errors="replace")
    html = out / "_build" / "html"
    if result.returncode != 0 or not (html / "00_index.html").is_file():
        lines = (result.stdout + result.stderr).splitlines()
        warnings = [line for line in lines if "WARNING" in line or "ERROR" in line]
        raise BuildError("jupyter-book 构建失败（-W：警告也算失败）：\n"
                         + "\n".join(warnings or lines[-40:]))
    return html


def main():
    parser = argparse.ArgumentParser(description="构建离线可读的课程 HTML 书")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "book", help="输出目录（默认 _build/book）")
    args = parser.parse_args()
    try:
        html = build(args.out.resolve())
    except BuildError as err:
        print(f"构建失败：{err}", file=sys.stderr)
        return 1
    print(f"完成：{len(LESSONS)} 页。用浏览器打开 {html / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
