"""安装前检查 Python 的版本：太旧时说清楚该装哪个版本、怎样选它，而不是让 pip 报一堆 "No matching distribution"

README 的第一条命令先用同一个 python 运行它；只用标准库，旧到 3.6 的 Python 也能运行并给出中文说明。
"""

import os
import sys

MINIMUM = (3, 11)
TESTED = ((3, 11), (3, 12), (3, 13))


def venv_version(venv):
    """已有的 .venv 是用哪个 Python 建的（读 pyvenv.cfg），没有时返回 None"""
    try:
        with open(os.path.join(venv, "pyvenv.cfg"), encoding="utf-8") as f:
            for line in f:
                key, _, value = line.partition("=")
                if key.strip() in ("version", "version_info"):
                    return tuple(int(p) for p in value.strip().split(".")[:2])
    except (OSError, ValueError):
        return None
    return None


def advice(found, windows):
    pick = ("py -3.12（Windows 的 py 启动器：py --list 列出装了哪些版本）" if windows
            else "python3.12（或 python3.11、python3.13：看你装的是哪个）")
    return "\n".join([
        f"这门课需要 Python {MINIMUM[0]}.{MINIMUM[1]} 或更新的版本，而你运行的是 Python {found}"
        f"（{sys.executable}）。",
        "numpy 2、matplotlib 3.11、JupyterLab 4 不再为旧版本提供安装包，pip 只会报 “No matching distribution”。",
        "怎么办：",
        "  1. 安装 Python 3.12（3.11、3.13 也可以）：python.org/downloads；macOS 也可 `brew install python@3.12`，"
        "Ubuntu/Debian 用系统自带的或 `apt install python3.12 python3.12-venv`（视发行版而定）。",
        f"  2. 把第一条命令里的 python3 换成新版本的名字，比如 {pick}。",
        "  3. 如果之前的尝试已经生成了 .venv 目录，先删掉它："
        + ("`Remove-Item -Recurse -Force .venv`（PowerShell）或 `rmdir /s /q .venv`（cmd）" if windows
           else "`rm -rf .venv`"),
    ])


def main():
    windows = os.name == "nt"
    found = ".".join(str(p) for p in sys.version_info[:3])
    if tuple(sys.version_info[:2]) < MINIMUM:
        print(advice(found, windows), file=sys.stderr)
        return 1
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    old = venv_version(os.path.join(root, ".venv"))
    if old is not None and old < MINIMUM:
        remove = "Remove-Item -Recurse -Force .venv" if windows else "rm -rf .venv"
        print(f"已有的 .venv 是用 Python {old[0]}.{old[1]} 建的，太旧了（需要 {MINIMUM[0]}.{MINIMUM[1]} 或更新）。"
              f"先删掉它：`{remove}`，再运行第一条命令。", file=sys.stderr)
        return 1
    if tuple(sys.version_info[:2]) not in TESTED:
        print(f"提示：Python {found} 比课程测过的版本（3.11–3.13）新；安装若失败，请改用 Python 3.12。")
    print(f"✓ Python {found}，可以安装课程")
    return 0


if __name__ == "__main__":
    sys.exit(main())
