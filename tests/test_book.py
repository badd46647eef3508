"""阅读版：构建 HTML 书，在无头 Chromium 里打开每一页，检查渲染出的页面

检查：公式已由 MathJax 排版（有 mjx-container，正文里没有残留的 $$）；每张图都加载了（naturalWidth > 0）；
正文里指向本书其他页的链接都能打开；顶部和底部的导航行指向上一课、目录、下一课；页面没有任何控制台错误、
未捕获的异常或加载失败的资源。

书由 tools/build_book.py 构建到临时目录；页面经本机回环地址上的 HTTP 服务打开（不访问任何外部网络）。
服务在每个 HTML 页面的 <head> 最前面插入一小段记录错误的脚本，其余内容原样返回。
没有 Chromium 时：CI 里（环境变量 CI 已设置）判为失败，其他地方跳过并说明原因。
"""

import functools
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]

RECORDER = """<script>
window.__errors = [];
(function () {
  var original = console.error.bind(console);
  console.error = function () { window.__errors.push("console.error: " + Array.from(arguments).join(" ")); original.apply(null, arguments); };
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) { window.__errors.push("failed to load: " + (t.src || t.href)); }
    else { window.__errors.push("uncaught: " + e.message); }
  }, true);
  window.addEventListener("unhandledrejection", function (e) { window.__errors.push("unhandled rejection: " + e.reason); });
})();
</script>"""

CHECKER = """<!doctype html><meta charset="utf-8"><body><pre id="result">pending</pre><script>
const pages = __PAGES__;
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function check(file) {
  const frame = document.createElement("iframe");
  frame.style.width = "1280px"; frame.style.height = "900px";
  document.body.appendChild(frame);
  await new Promise(r => { frame.onload = r; frame.src = file; });
  const w = frame.contentWindow, d = frame.contentDocument;
  for (let i = 0; i < 100 && !(w.MathJax && w.MathJax.startup && w.MathJax.startup.promise); i++) await sleep(50);
  if (w.MathJax && w.MathJax.startup && w.MathJax.startup.promise) await w.MathJax.startup.promise;
  const imgs = Array.from(d.querySelectorAll("article img"));
  await Promise.all(imgs.map(im => im.complete ? null : new Promise(r => { im.onload = im.onerror = r; })));
  const article = d.querySelector("article");
  const prose = article.cloneNode(true);
  prose.querySelectorAll("pre, code, .cell_input, .cell_output, mjx-container, script").forEach(el => el.remove());
  const links = new Set(Array.from(article.querySelectorAll("a[href]")).map(a => a.href.split("#")[0])
    .filter(h => h.startsWith(location.origin) && h.endsWith(".html")));
  const broken = [];
  for (const h of links) { const r = await fetch(h, {method: "HEAD"}); if (!r.ok) broken.push(h + " " + r.status); }
  const nav = Array.from(article.querySelectorAll("p")).filter(p => p.textContent.trim().startsWith("导航："))
    .map(p => Array.from(p.querySelectorAll("a")).map(a => a.getAttribute("href")));
  const result = {file, mathjax: d.querySelectorAll("mjx-container").length,
    raw_tex: (prose.textContent.match(/\\$\\$|\\\\begin\\{|\\\\frac|\\\\partial/g) || []).length,
    images: imgs.length, broken_images: imgs.filter(im => !(im.naturalWidth > 0)).map(im => im.getAttribute("src")),
    broken_links: broken, nav, errors: w.__errors || ["recorder missing"]};
  frame.remove();
  return result;
}
(async () => {
  const out = [];
  for (const f of pages) out.push(await check(f));
  document.getElementById("result").textContent = JSON.stringify(out);
})().catch(e => { document.getElementById("result").textContent = "CHECKER ERROR " + e; });
</script>"""


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
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


class _Handler(http.server.SimpleHTTPRequestHandler):
    """静态文件服务；HTML 页面在 <head> 最前面插入错误记录脚本"""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        body = path.read_bytes().replace(b"<head>", b"<head>" + RECORDER.encode(), 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    _require("Chromium（Debian 的 chromium 包）", _chromium())
    _require("npm（用来安装本地的 MathJax）", shutil.which("npm") or (ROOT / "_build" / "mathjax").is_dir())
    out = tmp_path_factory.mktemp("book") / "book"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "build_book.py"), "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, f"构建失败：\n{run.stdout}\n{run.stderr}"
    assert "WARNING" not in run.stdout, f"构建有警告：\n{run.stdout}"
    return out / "_build" / "html"


@pytest.fixture(scope="module")
def rendered(book, tmp_path_factory):
    pages = [nb.stem + ".html" for nb in NOTEBOOKS]
    (book / "__check__.html").write_text(CHECKER.replace("__PAGES__", json.dumps(pages)), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(book)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        profile = tmp_path_factory.mktemp("chromium-profile")
        url = f"http://127.0.0.1:{server.server_address[1]}/__check__.html"
        run = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                              "--virtual-time-budget=120000", "--dump-dom", url],
                             capture_output=True, text=True, timeout=300)
    finally:
        server.shutdown()
    match = re.search(r'<pre id="result">(.*?)</pre>', run.stdout, re.S)
    assert match, f"Chromium 没有给出检查结果：\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    text = match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"')
    assert text.startswith("["), f"检查页出错：{text[:2000]}"
    return {r["file"]: r for r in json.loads(text)}


def _png_outputs(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return sum("image/png" in o.get("data", {}) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"])


def _expected_nav(k):
    hrefs = []
    if k > 0:
        hrefs.append(NOTEBOOKS[k - 1].stem + ".html")
        hrefs.append("00_index.html")
    if k + 1 < len(NOTEBOOKS):
        hrefs.append(NOTEBOOKS[k + 1].stem + ".html")
    return hrefs


@pytest.mark.parametrize("k", range(len(NOTEBOOKS)), ids=[nb.stem for nb in NOTEBOOKS])
def test_page_renders(rendered, k):
    nb = NOTEBOOKS[k]
    page = rendered[nb.stem + ".html"]
    assert page["errors"] == [], f"{nb.stem}：页面有错误：{page['errors']}"
    assert page["mathjax"] > 0, f"{nb.stem}：没有 MathJax 排版出的公式"
    assert page["raw_tex"] == 0, f"{nb.stem}：正文里还有 {page['raw_tex']} 处未排版的 TeX"
    assert page["broken_images"] == [], f"{nb.stem}：图没有加载：{page['broken_images']}"
    assert page["images"] >= _png_outputs(nb), f"{nb.stem}：页面上的图少于笔记本里的 {_png_outputs(nb)} 张"
    assert page["broken_links"] == [], f"{nb.stem}：打不开的链接：{page['broken_links']}"
    assert page["nav"] == [_expected_nav(k)] * 2, f"{nb.stem}：导航行应为上一课·目录·下一课，实际为 {page['nav']}"


def test_book_is_offline(book):
    """书里没有任何指向外部网络的脚本、样式或图片"""
    external = re.compile(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', re.I)
    for page in sorted(book.glob("*.html")):
        found = external.search(page.read_text(encoding="utf-8"))
        assert not found, f"{page.name} 引用了外部资源：{found.group(0)}"
    assert (book / "_static" / "mathjax" / "tex-chtml-full.js").is_file()
