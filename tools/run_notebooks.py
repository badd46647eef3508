"""从全新的内核、自上而下重新执行笔记本，并把带输出的结果写回（供修改笔记本后使用）

用法（在仓库根目录）：
    .venv/bin/python tools/run_notebooks.py                 # 全部笔记本
    .venv/bin/python tools/run_notebooks.py notebooks/03_logistic_regression.ipynb

写回前去掉每个单元格的计时元数据（execution）和小部件状态，保留 tags；执行序号从 1 连续编号；
报错里的文件路径写成相对仓库根目录的、用 / 分隔（Windows 上也一样）。
这样提交的笔记本与严格 nbval 在全新内核里得到的输出一致，也不留本机的路径。
"""

import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.course import LESSONS, ROOT  # noqa: E402


def relative_paths(text, root):
    """把 text 里 root 之下的绝对路径改成相对 root、用 / 分隔的路径

    root 可以是 Linux/macOS 的 /home/x/course，也可以是 Windows 的 C:\\Users\\x\\course
    （Windows 上盘符不分大小写，分隔符 \\ 和 / 都可能出现）。
    """
    root = str(root).rstrip("\\/")
    sep = r"[\\/]"
    parts = re.split(sep, root)
    windows = re.match(r"[A-Za-z]:$", parts[0]) is not None
    pattern = re.compile(sep.join(re.escape(p) for p in parts) + sep + r"([^\s:\x1b\"'<>]+)",
                         re.IGNORECASE if windows else 0)
    return pattern.sub(lambda m: m.group(1).replace("\\", "/"), text)


def _coalesce_streams(outputs):
    """内核有时把一次 print 拆成几段 stream 消息：把相邻的同名 stream 合成一段"""
    merged = []
    for out in outputs:
        if (out.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == out.name):
            merged[-1].text += out.text
        else:
            merged.append(out)
    return merged


def run(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        allow_errors=False,     # 只有带 raises-exception 标签的单元格可以报错
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = _coalesce_streams(cell.outputs)
            for out in cell.outputs:
                out.get("metadata", {}).pop("execution", None)
                if out.output_type == "error":
                    # 报错里的文件路径写成相对仓库根目录的，不留本机的绝对路径
                    out.traceback = [relative_paths(line, ROOT) for line in out.traceback]
    nb.metadata.pop("widgets", None)
    nbformat.validate(nb)
    nbformat.write(nb, path)


def main(args):
    paths = [Path(a).resolve() for a in args] or LESSONS
    for path in paths:
        print(f"执行 {path.relative_to(ROOT)} …", flush=True)
        run(path)
    print(f"完成：{len(paths)} 个笔记本已重新执行并写回")


if __name__ == "__main__":
    main(sys.argv[1:])
