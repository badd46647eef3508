"""图上的文字：mathtext 先解析一遍，中文找一种本机的中文字体补上，找不到就用中文说明怎么办"""

import functools
import math
import numbers
import re

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.mathtext import MathTextParser

# 中文字体的候选：无衬线（与默认的 DejaVu Sans 相配），简体字形优先
# （同一个 Noto/思源字体文件里还有日文、繁体的字形，同一个汉字写法不同）
CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
             "PingFang SC", "Hiragino Sans GB", "Heiti SC", "WenQuanYi Micro Hei",
             "WenQuanYi Zen Hei", "SimHei", "Noto Sans SC", "Noto Sans CJK JP"]


@functools.lru_cache(maxsize=1)
def cjk_font():
    """本机可用的第一种中文字体的名字；一种都没有时为 None"""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def use_cjk_font():
    """本机有中文字体时把它排在默认字体之后：英文和数字仍用默认字体，缺的字（中文）由它补上

    返回字体名；没有中文字体时返回 None
    """
    name = cjk_font()
    family = list(plt.rcParams["font.family"])
    if name and name not in family:
        plt.rcParams["font.family"] = family + [name]
    return name


# 中日韩的部首、标点、假名、表意文字、谚文、兼容汉字、竖排与全角形式（不含 emoji）
_CJK = re.compile("[\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
                  "\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


def _has_cjk(text):
    return _CJK.search(text) is not None


def is_mathtext(text):
    """matplotlib 会不会把 text 当作 mathtext 排版：与 Text._preprocess_math 的规则相同，
    未转义的 $ 有偶数个（且至少两个）时才会；单个 $（比如 'price $5'）按普通文字画"""
    dollars = text.count("$") - text.count(r"\$")
    return dollars > 0 and dollars % 2 == 0


def check_mathtext(name, text, wrapped=False):
    """matplotlib 会当作 mathtext 排版的文字，要能被它解析；返回 text

    不然画图时才出错，报的是一长串 pyparsing 的英文。matplotlib 逐行决定：一行里有成对
    的 $ 时，这一行整行由 mathtext 排版，它的字体里没有中文，所以这样的行里不能有中文
    wrapped: 外面那对 $…$ 是调用者（比如 draw_graph）加的，出错时不让学习者去查 $
    """
    for line in text.split("\n"):
        if is_mathtext(line):
            _check_math_line(name, text, line, wrapped)
    return text


def _check_math_line(name, text, line, wrapped):
    if _has_cjk(line):
        if wrapped:
            raise ValueError(f"{name} 里有中文：计算图的标签和公式由 mathtext 排版，"
                             f"中文会画成方框：用英文字母或数学符号")
        raise ValueError(f"{name} 里同一行既有中文又有 $…$ 公式：{line!r}；这样的一行整行由 "
                         f"mathtext 排版，中文会画成方框：把中文和公式分开写（分成两行，"
                         f"或者中文说明写在图下方）")
    try:
        MathTextParser("path").parse(line)
    except ValueError as exc:
        at = re.search(r"\(at char (\d+)\)", str(exc))
        where = f"（大约在第 {int(at.group(1)) + 1} 个字符处）" if at else ""
        dollars = ("这段文字已经放在 $…$ 里排版，不要自己再加 $；检查" if wrapped
                   else "检查 $ 是否成对、")
        shown = repr(text) if line == text else f"{text!r} 中的一行 {line!r}"
        raise ValueError(f"{name} 写成的 mathtext 无法解析：{shown}{where}；{dollars}"
                         f"{{ }} 是否配对、反斜杠命令是否拼对（Python 字符串里写 r\"...\"）") from None


def check_text(name, text):
    """图上的一段文字：mathtext 能解析；有中文时本机要有中文字体，没有就用中文说明怎么办"""
    if not isinstance(text, str):
        raise TypeError(f"{name} 应为字符串，实际为 {type(text).__name__}：{text!r}")
    check_mathtext(name, text)
    if _has_cjk(text):
        if use_cjk_font() is None:
            raise ValueError(
                f"{name} 里有中文（{text!r}），但本机没有找到中文字体，画出来会是方框：图上改用英文或"
                f"数学符号（比如 r'$\\alpha = 0.1$'），中文说明写在图下方；或者装一种中文字体"
                f"（比如 Noto Sans CJK SC），删掉 matplotlib 的字体缓存后重启内核")
    return text


def check_axes(ax, figsize):
    """ax 为 None 或 matplotlib 的 Axes；figsize 为 None 或 (宽, 高) 两个正数（英寸）"""
    __tracebackhide__ = True
    from matplotlib.axes import Axes
    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"ax 应为 matplotlib 的 Axes（比如 fig, ax = plt.subplots() 得到的 ax）"
                        f"或 None，实际为 {type(ax).__name__}：{ax!r}")
    if figsize is None:
        return
    ok = (isinstance(figsize, (tuple, list, np.ndarray)) and np.ndim(figsize) == 1
          and len(figsize) == 2 and all(
              isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))
              and math.isfinite(v) and v > 0 for v in figsize))
    if not ok:
        raise TypeError(f"figsize 应为 (宽, 高) 两个正数（单位英寸），比如 (6, 4)，"
                        f"实际为 {figsize!r}")
    if not all(0.5 <= v <= 100 for v in figsize):   # 太大 matplotlib 拒绝渲染，太小画不下文字
        raise ValueError(f"figsize 的宽和高应在 0.5 到 100 英寸之间，比如 (6, 4)，实际为 {tuple(figsize)}")


def check_color(name, color):
    """matplotlib 认得的颜色，比如 'k'、'red'、'#1f77b4'"""
    __tracebackhide__ = True
    from matplotlib.colors import is_color_like
    if not is_color_like(color):
        raise ValueError(f"{name} 应为 matplotlib 认得的颜色，比如 'k'、'red'、'#1f77b4'，"
                         f"实际为 {color!r}")
    return color
