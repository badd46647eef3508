"""README 里的两条命令：CI 运行的正是 README 写的测试命令"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## 两条命令", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_exactly_two_commands():
    commands = _commands()
    assert len(commands) == 2, commands
    install, test = commands
    assert "pip install -r requirements.txt" in install and "jupyter lab" in install
    assert "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = _commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci, f".ci/run 应逐字运行 README 的测试命令：{test_command}"
    install_part = _commands()[0].split(" && ")[:2]       # 创建环境、按 requirements.txt 安装
    assert install_part == ["python3 -m venv .venv", ".venv/bin/pip install -r requirements.txt"]


def test_pytest_is_configured_for_strict_nbval():
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "--nbval " in config or '--nbval"' in config
    for path in ROOT.rglob("*"):
        if path.suffix in {".toml", ".cfg", ".ini", ".py", ".md"} and ".venv" not in path.parts:
            if path.name != "test_readme.py":
                assert "--nbval-lax" not in path.read_text(encoding="utf-8", errors="ignore"), path
