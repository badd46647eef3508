"""README 的两条命令：CI 运行的正是 README 写的测试命令；Windows 的命令与之对应；pytest 的配置是严格 nbval"""

import re
import tomllib

from tools.course import ROOT

INSTALL = ["python3 tools/check_python.py", "python3 -m venv .venv",
           ".venv/bin/pip install -r requirements.txt"]
OPEN = ".venv/bin/jupyter lab --ServerApp.root_dir=. notebooks/00_index.ipynb"


def _readme():
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    section = _readme().split("## 两条命令", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_exactly_two_commands():
    commands = _commands()
    assert len(commands) == 2, commands
    install, test = commands
    assert install.split(" && ") == INSTALL + [OPEN], "第一条命令：检查版本、建环境、只装学习所需、在仓库根目录打开导读"
    assert test.startswith(".venv/bin/pip install -q -r requirements-dev.txt && ") and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = _commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    # 逐字运行，只在行尾接上记录退出码的 `|| status=$?`
    assert any(line in (test_command, test_command + " || status=$?") for line in ci), \
        f".ci/run 应逐字运行 README 的测试命令：{test_command}"
    assert " && ".join(INSTALL) in ci, ".ci/run 应逐字运行第一条命令的安装部分"


def test_windows_commands_mirror_the_two_commands():
    blocks = re.findall(r"```(powershell|bat)\n(.+?)\n```", _readme(), re.S)
    assert [kind for kind, _ in blocks] == ["powershell", "powershell", "bat", "bat"]
    for kind, command in blocks:
        assert "&&" not in command if kind == "powershell" else "if ($?)" not in command
        assert "/" not in command.replace("--ServerApp.root_dir=.", ""), f"Windows 命令里用 \\ 分隔路径：{command}"
    for _, command in blocks[0::2]:
        assert "tools\\check_python.py" in command and "-r requirements.txt" in command
        assert "--ServerApp.root_dir=. notebooks\\00_index.ipynb" in command
    for _, command in blocks[1::2]:
        assert "-r requirements-dev.txt" in command and "-m pytest" in command


def test_learner_requirements_are_light_and_pinned():
    lines = [line.split("#")[0].strip() for line in
             (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    reqs = [line for line in lines if line]
    names = {r.split("==")[0].lower() for r in reqs if "==" in r}
    assert names == {"numpy", "matplotlib", "jupyterlab", "ipykernel", "ipywidgets"}, names
    assert all("==" in r for r in reqs if r != "-e ."), "学习者的依赖都固定版本"
    dev = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert "-r requirements.txt" in dev and "nbval==" in dev and "playwright==" in dev


def test_pytest_is_configured_for_strict_nbval():
    """只读项目自己的配置（不遍历 .venv、node_modules：nbval 自己的源码里就有 --nbval-lax）"""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    addopts = config["tool"]["pytest"]["ini_options"]["addopts"].split()
    assert "--nbval" in addopts and "--nbval-lax" not in addopts
    for other in ("pytest.ini", "setup.cfg", "tox.ini", "tests/pytest.ini"):
        assert not (ROOT / other).exists(), f"{other} 会盖过 pyproject.toml 里的 pytest 配置"
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert "nbval-lax" not in conftest and "nbval_lax" not in conftest
