"""阅读版：用 jupyter-book build -W 构建 HTML 书，在无头 Chromium（Playwright 驱动）里打开每一页检查

每一页：没有控制台错误、页面异常、加载失败的资源，也没有任何发往本机以外的请求（书必须离线可读）；
MathJax 排版完成且没有一个公式出错（mjx-merror）；正文里没有残留的 TeX（$$、\\(、\\begin 等）；
每张图都加载了；正文里指向本书其他页的链接都存在；顶部和底部的导航行指向上一课、目录、下一课；
折叠的参考答案（<details>）在书里是折叠的，且答案在折叠框里；1280 px 宽时没有要左右滚动的代码块或输出块。

浏览器用系统的 Chromium（Debian 的 chromium 包，经 executable_path 交给 Playwright），
不用 Playwright 自己下载的浏览器。书由 tools/build_book.py 构建到临时目录，经本机回环地址上的 HTTP 服务打开。
没有 Chromium 或 Playwright 时：CI 里（环境变量 CI 已设置）判为失败，其他地方跳过并说明原因。
"""

import functools
import http.server
import json
import os
import re
import shutil
import threading

import pytest

from tools import build_book
from tools.course import LESSONS

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]

# 在页面里运行：等 MathJax 排版完，再收集要检查的一切
INSPECT = r"""async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  const article = document.querySelector("article");
  const imgs = Array.from(article.querySelectorAll("img"));
  await Promise.all(imgs.map(im => im.complete ? null
    : new Promise(r => { im.onload = im.onerror = r; })));
  const prose = article.cloneNode(true);
  prose.querySelectorAll("pre, code, .cell_input, .cell_output, mjx-container, script")
    .forEach(el => el.remove());
  const text = prose.textContent;
  const raw = text.match(/\$\$|\\\(|\\\)|\\\[|\\begin\{|\\frac|\\partial|\\alpha|\\sum/g) || [];
  return {
    mathjax: !!window.MathJax,
    formulas: document.querySelectorAll("mjx-container").length,
    merrors: Array.from(document.querySelectorAll("mjx-merror"))
      .map(e => (e.getAttribute("data-mjx-error") || e.textContent).slice(0, 120)),
    raw_tex: raw,
    images: imgs.length,
    broken_images: imgs.filter(im => !(im.naturalWidth > 0)).map(im => im.getAttribute("src")),
    links: Array.from(article.querySelectorAll("a[href]")).map(a => a.getAttribute("href")),
    nav: Array.from(article.querySelectorAll("p"))
      .filter(p => p.textContent.trim().startsWith("导航："))
      .map(p => Array.from(p.querySelectorAll("a")).map(a => a.getAttribute("href"))),
    scrolling: Array.from(article.querySelectorAll("pre"))
      .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
      .map(pre => pre.textContent.split("\n")
        .reduce((a, b) => (b.length > a.length ? b : a), "").slice(0, 60)),
    details: Array.from(article.querySelectorAll("details")).map(d => ({
      open: d.open,
      summary: (d.querySelector("summary") || {textContent: ""}).textContent.trim(),
      children: d.children.length,
    })),
  };
}"""


def _chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _require(thing, found):
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI 里必须有 {thing}：.ci/run 应当安装它")
    pytest.skip(f"这台机器上没有 {thing}，跳过阅读版的浏览器检查（CI 里会安装并运行它）")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """构建好的书的 HTML 目录"""
    _require("npm（用来安装本地的 MathJax）", shutil.which("npm") or build_book.MATHJAX_DIR.is_dir())
    out = tmp_path_factory.mktemp("book") / "book"
    try:
        return build_book.build(out)
    except build_book.BuildError as err:
        pytest.fail(str(err))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _watch(page, origin):
    """记下页面的控制台错误、异常、失败的请求；发往本机以外的请求一律拦下并记下（书必须离线可读）

    处理函数只收一个参数：Playwright 按处理函数的参数个数传参（route 的处理函数有两个参数时会收到 request）
    """
    problems = []

    def console(message):
        if message.type == "error":
            problems.append(f"console: {message.text}")

    def response(r):
        if r.status >= 400:
            problems.append(f"HTTP {r.status}: {r.url}")

    def route(r):
        if r.request.url.startswith(origin + "/"):
            r.continue_()
        else:
            problems.append(f"external request: {r.request.url}")
            r.abort()

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url} {request.failure}"))
    page.on("response", response)
    page.route("**/*", route)
    return problems


@pytest.fixture(scope="module")
def pages(book):
    """在 Chromium 里打开每一课，返回 {页面名: 检查结果}"""
    chromium = _chromium()
    _require("Chromium（Debian 的 chromium 包）", chromium)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require("Playwright for Python（requirements-dev.txt）", None)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(book)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            for nb in LESSONS:
                page = context.new_page()
                problems = _watch(page, origin)
                page.goto(f"{origin}/{nb.stem}.html", wait_until="load")
                result = page.evaluate(INSPECT)
                result["problems"] = problems
                results[nb.stem] = result
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def _png_outputs(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return sum("image/png" in o.get("data", {})
               for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"])


def _details_in_source(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return sum("".join(c["source"]).count("<details>")
               for c in nb["cells"] if c["cell_type"] == "markdown")


def _expected_nav(k):
    hrefs = []
    if k > 0:
        hrefs += [LESSONS[k - 1].stem + ".html", LESSONS[0].stem + ".html"]
    if k + 1 < len(LESSONS):
        hrefs.append(LESSONS[k + 1].stem + ".html")
    return hrefs


IDS = [nb.stem for nb in LESSONS]


@pytest.mark.parametrize("k", range(len(LESSONS)), ids=IDS)
def test_page_loads_offline_without_errors(pages, k):
    page = pages[LESSONS[k].stem]
    assert page["problems"] == [], f"{LESSONS[k].stem}：{page['problems']}"


@pytest.mark.parametrize("k", range(len(LESSONS)), ids=IDS)
def test_formulas_render(pages, k):
    name, page = LESSONS[k].stem, pages[LESSONS[k].stem]
    assert page["mathjax"] and page["formulas"] > 0, f"{name}：MathJax 没有排版出任何公式"
    assert (page["merrors"], page["raw_tex"]) == ([], []), \
        (f"{name}：{len(page['merrors'])} 个公式排版出错 {page['merrors']}；"
         f"正文里未排版的 TeX {page['raw_tex']}")


@pytest.mark.parametrize("k", range(len(LESSONS)), ids=IDS)
def test_images_links_and_navigation(pages, book, k):
    nb = LESSONS[k]
    page = pages[nb.stem]
    assert page["broken_images"] == [], f"{nb.stem}：图没有加载：{page['broken_images']}"
    assert page["images"] >= _png_outputs(nb), f"{nb.stem}：页面上的图少于笔记本里的 {_png_outputs(nb)} 张"
    local = {h.split("#")[0] for h in page["links"] if not re.match(r"[a-z]+:|#", h)}
    missing = sorted(h for h in local if h and not (book / h).is_file())
    assert missing == [], f"{nb.stem}：链接到书里不存在的页面：{missing}"
    assert page["nav"] == [_expected_nav(k)] * 2, \
        f"{nb.stem}：顶部和底部的导航行应为上一课·目录·下一课 {_expected_nav(k)}，实际为 {page['nav']}"


@pytest.mark.parametrize("k", range(len(LESSONS)), ids=IDS)
def test_code_and_outputs_fit_the_column(pages, k):
    """1280 px 宽的窗口里，没有一个代码块或输出块要左右滚动才能读完"""
    name = LESSONS[k].stem
    assert pages[name]["scrolling"] == [], \
        f"{name}：这些块在书里要左右滚动（最长的一行）：{pages[name]['scrolling']}"


@pytest.mark.parametrize("k", range(len(LESSONS)), ids=IDS)
def test_answers_are_folded(pages, k):
    nb = LESSONS[k]
    details = pages[nb.stem]["details"]
    assert len(details) == _details_in_source(nb), f"{nb.stem}：书里的折叠块数与笔记本里的 <details> 数不同"
    for d in details:
        assert not d["open"], f"{nb.stem}：参考答案「{d['summary']}」在书里没有折叠"
        assert d["children"] > 1, f"{nb.stem}：折叠块「{d['summary']}」里是空的（答案落在了折叠框外）"


def test_toc_follows_the_course_order():
    toc = (build_book.BOOK / "_toc.yml").read_text(encoding="utf-8")
    assert build_book.toc_files(toc) == [nb.stem for nb in LESSONS], "book/_toc.yml 与 notebooks/ 的课程顺序不一致"


def test_book_has_no_external_resources(book):
    """HTML 里没有任何指向外部网络的脚本、样式或图片（浏览器检查之外，再查一遍源码）"""
    external = re.compile(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', re.I)
    for page in sorted(book.glob("*.html")):
        found = external.search(page.read_text(encoding="utf-8"))
        assert not found, f"{page.name} 引用了外部资源：{found.group(0)}"
    assert (book / "_static" / "mathjax" / "tex-chtml-full.js").is_file()
