"""pytest 的共享设置：为 nbval 准备好环境"""

import os

# 笔记本内核从本进程继承环境变量：统一用非交互后端，且不读用户自己的 matplotlibrc
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

# 新装的 matplotlib 第一次 import 时会建字体缓存，并往 stderr 写
# "Matplotlib is building the font cache"；严格 nbval 会把它当作多出来的输出。
# 在收集笔记本之前先在本进程里建好缓存，内核里就不会再出现这句话
import matplotlib.font_manager  # noqa: E402,F401


def pytest_collection_modifyitems(config, items):
    # nbval 默认只等 5 s 的迟到输出；在慢机器上（2 核、同时跑别的）给足余量
    for item in items:
        if hasattr(item, "output_timeout"):
            item.output_timeout = 60
