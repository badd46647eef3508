"""tools/ 里脚本的单元测试：Windows 的路径与可执行文件、Python 版本检查、书的目录

没有 Windows 机器：这里在 Linux 上测路径逻辑本身（把 Windows 形式的路径当字符串处理）。
"""

import subprocess
import sys

from tools import build_book, check_python
from tools.course import LESSONS, ROOT, nav_line, title
from tools.run_notebooks import relative_paths

ANSI = "\x1b[36mFile \x1b[39m\x1b[32m{}:91\x1b[39m, in \x1b[36mgrads_vectorized\x1b[39m"


def test_relative_paths_posix():
    line = ANSI.format("/home/ana/nn-course/helpers/gradients.py")
    assert relative_paths(line, "/home/ana/nn-course") == ANSI.format("helpers/gradients.py")
    # 根目录之外的路径、名字只是前缀相同的目录，都不动
    other = ANSI.format("/home/ana/nn-course-old/helpers/gradients.py")
    assert relative_paths(other, "/home/ana/nn-course") == other


def test_relative_paths_windows():
    root = "C:\\Users\\Ana Li\\nn-course"
    line = ANSI.format("C:\\Users\\Ana Li\\nn-course\\helpers\\gradients.py")
    assert relative_paths(line, root) == ANSI.format("helpers/gradients.py")
    # 盘符大小写不同、分隔符混用，也认得出
    line = ANSI.format("c:\\users\\ana li\\nn-course/helpers\\_checks.py")
    assert relative_paths(line, root) == ANSI.format("helpers/_checks.py")
    assert relative_paths(line, root + "\\") == ANSI.format("helpers/_checks.py")


def test_jupyter_book_executable_on_each_platform():
    assert build_book.jupyter_book_exe("/x/.venv/bin", windows=False).name == "jupyter-book"
    exe = build_book.jupyter_book_exe("C:/x/.venv/Scripts", windows=True)
    assert exe.name == "jupyter-book.exe" and exe.parent.name == "Scripts"


def test_toc_files_reads_the_order():
    toc = "format: jb-book\nroot: 00_index  # 首页\nchapters:\n  - file: 01_a\n  - file: 02_b\n"
    assert build_book.toc_files(toc) == ["00_index", "01_a", "02_b"]


def test_check_python_passes_here_and_explains_an_old_python():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_python.py")],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0 and "✓" in run.stdout
    for windows in (False, True):
        text = check_python.advice("3.9.6", windows)
        assert "3.9.6" in text and "3.11" in text and ".venv" in text
        assert ("py -3.12" in text) == windows and ("rm -rf .venv" in text) == (not windows)


def test_venv_version_reads_pyvenv_cfg(tmp_path):
    assert check_python.venv_version(tmp_path) is None
    (tmp_path / "pyvenv.cfg").write_text("home = /usr/bin\nversion = 3.9.18\n", encoding="utf-8")
    assert check_python.venv_version(tmp_path) == (3, 9)


def test_course_titles_and_navigation():
    assert LESSONS[0].name == "00_index.ipynb" and title(LESSONS[0]).startswith("00 ")
    assert nav_line(0).startswith("导航：目录 · [01 ")
    assert nav_line(len(LESSONS) - 1).endswith("[目录](00_index.ipynb)")
