"""The HTML pages in a real headless browser (Chromium), driven through the DevTools protocol.

The browser runs with ``--remote-debugging-pipe`` (JSON messages over file descriptors 3 and
4), so the test needs only the Python standard library and the chromium binary; it installs
nothing and loads nothing from the network (every request the page makes is checked).

Checks per page: lang set; landmarks (header, nav, main, footer) and a skip link to main;
headings in order; every ``#`` link resolves; every footnote reference reaches its note and
the note's back-link returns to the reference; notes are an ordered list with labelled
back-links; text contrast at least 4.5:1; no console errors or failed loads. A screenshot of
a seed page is kept in tests/artifacts/ (git-ignored) for a person to look at.

The edition as `teikit build` writes it (issue 10): the same checks on every page type
(document, index, volume, search; from file:// and served over http on 127.0.0.1), the note
popups (focus, keyboard Tab/Escape/Enter, hover) and the search page (words found and grouped
by volume, a year range), each with a broken variant (a page without the popup script, a
site without its search index) that the check must catch. Screenshots: note-popup.png,
search-results.png, edition-index.png, edition-volume.png, edition-document-end.png.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NS, REPO, TEI_DIR, require_tool
from lxml import etree
from lxml import html as lxml_html

from teikit.build import BuildLayout, build_edition
from teikit.render import render_paths

ARTIFACTS = REPO / "tests" / "artifacts"
FIXTURE = REPO / "tests" / "fixtures" / "render" / "all-body-features.xml"
SCREENSHOT_DOC = "frus1952-54v14p1-d50"
TIMEOUT = 30.0


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name) or name
    return require_tool("chromium")


class DevTools:
    """A minimal DevTools-protocol client over Chromium's debugging pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # Move the child's ends out of the way of 3 and 4 before dup2 in the child.
        high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 20)
        high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 20)
        os.close(to_child_r)
        os.close(from_child_w)

        def wire() -> None:  # runs in the child, before exec
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--no-default-browser-check", "--mute-audio",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False)
        os.close(high_r)
        os.close(high_w)
        self.out = to_child_w
        self.inp = from_child_r
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.call("Browser.close", session=False)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.out, self.inp):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from chromium")
            ready, _, _ = select.select([self.inp], [], [], left)
            if ready:
                chunk = os.read(self.inp, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the debugging pipe")
                self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict[str, Any] | None = None, *,
             session: bool = True) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method,
                                   "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            if "method" in answer:
                self.events.append(answer)

    def wait_event(self, method: str) -> dict[str, Any]:
        for event in self.events:
            if event["method"] == method:
                self.events.remove(event)
                return event
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._read_message(deadline)
            if message.get("method") == method:
                return message
            if "method" in message:
                self.events.append(message)

    def open_page(self) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.call("Target.attachToTarget",
                             {"targetId": target["targetId"], "flatten": True}, session=False)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1000, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def navigate(self, url: str) -> list[dict[str, Any]]:
        """Load ``url``, wait for the load event, and return the events seen meanwhile."""
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")
        # A late load event of the page before can come first: wait for this page itself.
        deadline = time.monotonic() + TIMEOUT
        while url != "about:blank":
            with contextlib.suppress(RuntimeError):  # the old page's context went away
                if self.evaluate("document.readyState === 'complete' && location.href") == url:
                    break
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} never finished loading")
            time.sleep(0.05)
        # Let late console messages arrive.
        self.evaluate("new Promise(r => setTimeout(r, 100))", await_promise=True)
        seen = list(self.events)
        self.events.clear()
        return seen

    def evaluate(self, expression: str, *, await_promise: bool = False) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True,
                                                "awaitPromise": await_promise})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, target: Path, *, viewport: bool = False) -> None:
        if viewport:  # what the window shows, where it is scrolled to
            shot = self.call("Page.captureScreenshot", {"format": "png"})
            target.write_bytes(base64.b64decode(shot["data"]))
            return
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"],
                     "scale": 1}})
        target.write_bytes(base64.b64decode(shot["data"]))


# The checks, run in the page. Each returns a list of problems (strings); empty is good.
CHECKS_JS = r"""
(() => {
  const problems = [];
  const html = document.documentElement;
  if (!html.lang) problems.push('html has no lang');
  for (const sel of ['header', 'nav', 'main', 'footer']) {
    if (!document.querySelector(sel)) problems.push('no <' + sel + '> landmark');
  }
  const main = document.querySelector('main');
  const firstLink = document.querySelector('a[href]');
  const skipTo = '#' + (main && main.id);
  if (!firstLink || firstLink.getAttribute('href') !== skipTo) {
    problems.push('the first link is not a skip link to main');
  }
  // headings: one h1, first; no level skipped on the way down
  const heads = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
    .map(h => +h.tagName[1]);
  if (heads[0] !== 1) problems.push('the first heading is not h1');
  if (heads.filter(l => l === 1).length !== 1) problems.push('not exactly one h1');
  for (let i = 1; i < heads.length; i++) {
    if (heads[i] > heads[i - 1] + 1) {
      problems.push('heading h' + heads[i] + ' follows h' + heads[i - 1]);
    }
  }
  // every same-page link resolves
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (!document.getElementById(id)) {
      problems.push('link ' + a.getAttribute('href') + ' resolves to nothing');
    }
  }
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) problems.push('duplicate ids: ' + dup.join(' '));
  // contrast of every element that holds text
  const parse = c => {
    const m = c.match(/[\d.]+/g).map(Number);
    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1};
  };
  const channel = v => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const lum = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  let checked = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || style.visibility === 'hidden' || style.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;   // visually hidden
    const fg = lum(parse(style.color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    checked++;
    if (ratio < 4.5) {
      const what = el.tagName.toLowerCase() + '> "' + el.textContent.trim().slice(0, 30);
      problems.push('contrast ' + ratio.toFixed(2) + ' on <' + what + '"');
    }
  }
  if (!checked) problems.push('no text found for the contrast check');
  return problems;
})()
"""

# Follow every footnote reference to its note and back, as a reader clicking would.
NOTES_JS = r"""
(() => {
  const problems = [];
  const refs = [...document.querySelectorAll('sup.fnref a')];
  const items = [...document.querySelectorAll('#notes ol > li')];
  if (refs.length !== items.length) {
    problems.push(refs.length + ' references but ' + items.length + ' notes');
  }
  const inView = el => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  };
  for (const ref of refs) {
    ref.click();
    const note = document.querySelector(':target');
    if (!note || note.tagName !== 'LI' || !note.closest('#notes ol')) {
      problems.push('reference ' + ref.id + ' does not reach a note'); continue;
    }
    if (!inView(note)) problems.push('note ' + note.id + ' is not scrolled into view');
    const back = note.querySelector('a.backlink');
    if (!back) { problems.push('note ' + note.id + ' has no back-link'); continue; }
    if (!back.getAttribute('aria-label')) {
      problems.push('back-link of ' + note.id + ' has no aria-label');
    }
    back.click();
    const again = document.querySelector(':target');
    if (again !== ref) problems.push('back-link of ' + note.id + ' does not return to ' + ref.id);
    else if (!inView(ref)) problems.push('reference ' + ref.id + ' is not scrolled into view');
  }
  return {problems, count: refs.length};
})()
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = sorted(TEI_DIR.glob("*.xml"))
    if not docs:
        pytest.skip("tei/ holds no documents yet (run teikit convert seeds/*.txt -o tei/)")
    out = tmp_path_factory.mktemp("site")
    report = render_paths([*docs, FIXTURE], "html", out)
    assert report.ok, report.errors
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    binary = _chromium()
    client = DevTools(binary, tmp_path_factory.mktemp("profile"))
    try:
        client.open_page()
        yield client
    finally:
        client.close()


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def _load(browser: DevTools, page: Path) -> list[str]:
    """Load a page; return its console errors, exceptions, failed and non-file requests."""
    events = browser.navigate(page.as_uri())
    problems = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append(f"console error: {params.get('args')}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"exception: {params.get('exceptionDetails')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            problems.append(f"log error: {entry.get('text')} {entry.get('url', '')}")
        elif method == "Network.loadingFailed":
            problems.append(f"failed load: {params.get('errorText')}")
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "about:")):
                problems.append(f"network request: {url}")
    return problems


def test_every_page_passes_the_checks(site: Path, browser: DevTools) -> None:
    pages = _pages(site)
    assert len(pages) == 7  # five seeds, the fixture, the index
    failures = {}
    for page in pages:
        problems = _load(browser, page) + browser.evaluate(CHECKS_JS)
        if problems:
            failures[page.name] = problems
    assert not failures


def test_every_footnote_link_reaches_its_note_and_back(site: Path, browser: DevTools) -> None:
    total = 0
    failures = {}
    for page in _pages(site):
        if page.name == "index.html":
            continue
        _load(browser, page)
        result = browser.evaluate(NOTES_JS)
        total += result["count"]
        if result["problems"]:
            failures[page.name] = result["problems"]
    assert not failures
    assert total == _footnotes_in_sources()


def _footnotes_in_sources() -> int:
    count = 0
    for path in [*sorted(TEI_DIR.glob("*.xml")), FIXTURE]:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        count += len(root.xpath("//tei:text//tei:note[not(@rend = 'inline')]", namespaces=NS))
    return count


def test_page_breaks_are_visible_linkable_markers(site: Path, browser: DevTools) -> None:
    page = site / "frus1958-60v19-d352.html"
    _load(browser, page)
    found = browser.evaluate(
        "[...document.querySelectorAll('a.pb')].map(a => [a.id, a.textContent, "
        "a.getBoundingClientRect().width > 0])")
    assert found == [["pg_722", "[Page 722]", True], ["pg_723", "[Page 723]", True]]
    browser.navigate("about:blank")
    browser.navigate(page.as_uri() + "#pg_723")
    target = browser.evaluate("(() => { const t = document.querySelector(':target');"
                              " return [t.id, Math.round(t.getBoundingClientRect().top)]; })()")
    assert target[0] == "pg_723"
    assert 0 <= target[1] < 100  # scrolled to the top of the window


def test_the_skip_link_shows_on_the_first_tab_and_leads_to_main(site: Path,
                                                                browser: DevTools) -> None:
    _load(browser, site / "frus1958-60v19-d352.html")
    for kind in ("rawKeyDown", "keyUp"):
        browser.call("Input.dispatchKeyEvent", {"type": kind, "key": "Tab", "code": "Tab",
                                                "windowsVirtualKeyCode": 9})
    focused = browser.evaluate("(() => { const a = document.activeElement;"
                               " const r = a.getBoundingClientRect();"
                               " return [a.className, a.getAttribute('href'), r.top >= 0]; })()")
    assert focused == ["skip-link", "#main", True]
    browser.evaluate("document.activeElement.click()")
    assert browser.evaluate("document.activeElement.id") == "main"


def test_print_style_hides_navigation_and_keeps_the_text(site: Path, browser: DevTools) -> None:
    _load(browser, site / "frus1958-60v19-d352.html")
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.evaluate(
            "['header nav', '.skip-link', '.cite .downloads', '#text', '#notes']"
            ".map(s => getComputedStyle(document.querySelector(s)).display !== 'none')")
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == [False, False, False, True, True]


def test_the_index_links_every_document_page(site: Path, browser: DevTools) -> None:
    _load(browser, site / "index.html")
    links = browser.evaluate("[...document.querySelectorAll('main table a')]"
                             ".map(a => a.getAttribute('href'))")
    pages = {p.name for p in _pages(site)} - {"index.html"}
    assert sorted(links) == sorted(pages)


BROKEN_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>broken</title></head>
<body><main id="m"><h2>Starts at h2</h2><h4>skips h3</h4>
<p style="color:#bbb;background:#fff">pale text</p>
<p><sup class="fnref"><a id="r1" href="#n1">1</a></sup> <a href="#nowhere">dangling</a></p>
<section id="notes"><ol><li id="n1"><p>note without a way back</p></li></ol></section>
</main><script>console.error("boom")</script></body></html>
"""


def test_the_checks_catch_a_broken_page(tmp_path: Path, browser: DevTools) -> None:
    page = tmp_path / "broken.html"
    page.write_text(BROKEN_PAGE, encoding="utf-8")
    problems = _load(browser, page) + browser.evaluate(CHECKS_JS)
    text = "\n".join(problems)
    for expected in ("no lang", "no <header>", "skip link", "first heading is not h1",
                     "h4 follows h2", "#nowhere", "contrast", "console error"):
        assert expected in text, expected
    notes = browser.evaluate(NOTES_JS)
    assert any("no back-link" in p for p in notes["problems"])


def test_screenshot_of_a_seed_page(site: Path, browser: DevTools) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{SCREENSHOT_DOC}.png"
    _load(browser, site / f"{SCREENSHOT_DOC}.html")
    browser.screenshot(target)
    assert target.stat().st_size > 10_000
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ===== The edition as `teikit build` writes it (issue 10): every page type, the note
# popups, search. The search page needs http (browsers refuse Pagefind's fetches from
# file://), so those tests serve build/ on 127.0.0.1 as `teikit serve` does.

EDITION_PAGES = {"document": "frus1958-60v19-d352.html", "index": "index.html",
                 "volume": "frus1952-54v14p1.html", "search": "search.html"}


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(REPO / "seeds", project / "seeds")
    report = build_edition(BuildLayout(project))
    assert report.ok, report.errors
    assert (project / "build" / "pagefind" / "pagefind.js").is_file(), "Pagefind is missing"
    return project / "build"


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) and yield its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _load_url(browser: DevTools, url: str, base: str) -> list[str]:
    """Load a served page; return its errors and every request that leaves ``base``."""
    events = browser.navigate(url)
    problems = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            problems.append(f"exception: {params.get('exceptionDetails')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            problems.append(f"console error: {params.get('args')}")
        elif method == "Network.loadingFailed":
            problems.append(f"failed load: {params.get('errorText')}")
        elif method == "Network.requestWillBeSent":
            address = params["request"]["url"]
            if not address.startswith((base, "data:", "about:", "blob:")):
                problems.append(f"network request: {address}")
    return problems


@pytest.mark.parametrize("kind", sorted(EDITION_PAGES))
def test_every_page_type_passes_the_checks(edition: Path, browser: DevTools, kind: str) -> None:
    page = edition / EDITION_PAGES[kind]
    problems = _load(browser, page) + browser.evaluate(CHECKS_JS)
    assert problems == []
    with serving(edition) as base:
        problems = _load_url(browser, base + page.name, base) + browser.evaluate(CHECKS_JS)
    assert problems == []


# Show each footnote's popup by keyboard focus, compare it with the note, hide it with Escape.
POPUP_JS = r"""
(() => {
  const problems = [];
  const refs = [...document.querySelectorAll('sup.fnref a')];
  const shown = () => {
    const p = document.getElementById('note-popup');
    return p && !p.hidden && getComputedStyle(p).display !== 'none' ? p : null;
  };
  const squash = s => s.replace(/\s+/g, ' ').replace('↩', '').trim();
  for (const ref of refs) {
    ref.focus();
    const popup = shown();
    if (!popup) { problems.push('no popup on focus of ' + ref.id); continue; }
    const note = document.getElementById(ref.getAttribute('href').slice(1));
    if (squash(popup.textContent) !== squash(note.textContent)) {
      problems.push('popup of ' + ref.id + ' is not its note: ' + popup.textContent.slice(0, 40));
    }
    if (ref.getAttribute('aria-describedby') !== popup.id) {
      problems.push(ref.id + ' is not described by the popup');
    }
    const box = popup.getBoundingClientRect(), at = ref.getBoundingClientRect();
    if (box.top < at.bottom - 1 || box.top > at.bottom + 40 || box.left < 0
        || box.right > document.documentElement.clientWidth) {
      problems.push('popup of ' + ref.id + ' is not beside its reference');
    }
    document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
    if (shown()) problems.push('Escape does not hide the popup of ' + ref.id);
    ref.blur();
  }
  return {problems, count: refs.length};
})()
"""


def _no_script_variant(page: Path, target: Path) -> Path:
    text = page.read_text(encoding="utf-8")
    start = text.index("<script")
    end = text.index("</script>", start) + len("</script>")
    target.write_text(text[:start] + text[end:], encoding="utf-8")
    return target


def test_the_edition_pages_link_one_copy_of_each_script(edition: Path) -> None:
    for page in [*sorted(edition.glob("*-d*.html")), edition / "search.html"]:
        scripts = lxml_html.parse(str(page)).xpath("//script")
        assert [(s.get("src"), s.get("defer") is not None, (s.text or "").strip())
                for s in scripts] == [
            ("teikit-search.js" if page.name == "search.html" else "teikit-notes.js", True, "")]
    for name in ("teikit-notes.js", "teikit-search.js"):
        assert (edition / name).read_bytes() == (REPO / "xslt" / name).read_bytes()


def test_a_page_rendered_alone_carries_its_script(site: Path, browser: DevTools) -> None:
    page = site / "frus1958-60v19-d352.html"
    assert "<script src" not in page.read_text(encoding="utf-8")
    assert not (site / "teikit-notes.js").exists()
    _load(browser, page)
    result = browser.evaluate(POPUP_JS)
    assert result["problems"] == [] and result["count"] == 2


def test_every_note_shows_beside_its_reference_on_focus(edition: Path,
                                                        browser: DevTools) -> None:
    total = 0
    for page in sorted(edition.glob("*-d*.html")):
        _load(browser, page)
        result = browser.evaluate(POPUP_JS)
        assert result["problems"] == [], page.name
        total += result["count"]
    assert total == 13  # the seeds' footnotes


def test_the_popup_check_fails_without_the_script(edition: Path, browser: DevTools) -> None:
    broken = _no_script_variant(edition / "frus1958-60v19-d352.html",
                                edition / "no-script-variant.html")
    try:
        _load(browser, broken)
        result = browser.evaluate(POPUP_JS)
        assert result["count"] == 2
        assert all("no popup on focus" in p for p in result["problems"])
        assert len(result["problems"]) == 2
        # Without script the note list and its back links still work.
        assert browser.evaluate(NOTES_JS)["problems"] == []
    finally:
        broken.unlink()


def test_the_popup_check_fails_when_the_script_file_is_missing(
        edition: Path, tmp_path: Path, browser: DevTools) -> None:
    broken = tmp_path / "build"
    shutil.copytree(edition, broken, ignore=shutil.ignore_patterns("pagefind", "teikit-notes.js"))
    _load(browser, broken / "frus1958-60v19-d352.html")
    result = browser.evaluate(POPUP_JS)
    assert len(result["problems"]) == 2
    assert all("no popup on focus" in p for p in result["problems"])


def _key(browser: DevTools, key: str, code: int, *, shift: bool = False) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        browser.call("Input.dispatchKeyEvent", {
            "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code,
            "modifiers": 8 if shift else 0})


def test_the_keyboard_reaches_a_note_shows_it_and_follows_it(edition: Path,
                                                             browser: DevTools) -> None:
    _load(browser, edition / "frus1952-54v14p1-d50.html")
    for _ in range(60):  # Tab through the page up to the first footnote reference
        _key(browser, "Tab", 9)
        if browser.evaluate("document.activeElement.matches('sup.fnref a')"):
            break
    else:
        pytest.fail("Tab never reached a footnote reference")
    state = "(() => { const p = document.getElementById('note-popup');" \
            " return [document.activeElement.id, !!p && !p.hidden, p ? p.textContent : ''] })()"
    ref_id, visible, text = browser.evaluate(state)
    assert (ref_id, visible) == ("d50fn1-ref", True)
    assert "National Intelligence Estimates" in text
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "note-popup.png", viewport=True)
    _key(browser, "Escape", 27)
    assert browser.evaluate(state)[1] is False
    _key(browser, "Enter", 13)
    browser.evaluate("new Promise(r => setTimeout(r, 100))", await_promise=True)
    assert browser.evaluate("document.querySelector(':target').id") == "d50fn1"


def test_hovering_a_reference_shows_its_note(edition: Path, browser: DevTools) -> None:
    _load(browser, edition / "frus1958-60v19-d352.html")
    x, y = browser.evaluate("(() => { const r = document.querySelector('#d352fn1-ref')"
                            ".getBoundingClientRect(); return [r.left + r.width / 2,"
                            " r.top + r.height / 2]; })()")
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    text = browser.evaluate("(() => { const p = document.getElementById('note-popup');"
                            " return p && !p.hidden ? p.textContent : null; })()")
    assert text is not None and "Telegram 465 from Hong Kong" in text
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 5, "y": 5})
    assert browser.evaluate("document.getElementById('note-popup').hidden") is True


# Run a search on the served search page and return what it shows.
# Events of a page that starts to load another (a form that submitted, a reload).
LEAVING_PAGE = ("Page.frameRequestedNavigation", "Page.frameStartedLoading",
                "Page.frameNavigated")


def _search(browser: DevTools, base: str, words: str, year_from: str = "",
            year_to: str = "") -> dict[str, Any]:
    problems = _load_url(browser, base + "search.html", base)
    browser.evaluate("""new Promise((resolve, reject) => {
        const t0 = Date.now();
        (function poll() {
          const e = document.getElementById('search-status'), s = e ? e.textContent : '';
          if (/Ready|no search index|needs the edition/.test(s)) resolve(s);
          else if (Date.now() - t0 > 10000) reject(new Error('search page never ready: ' + s));
          else setTimeout(poll, 50);
        })(); })""", await_promise=True)
    for field, value in (("search-from", year_from), ("search-to", year_to)):
        browser.evaluate(f"document.getElementById('{field}').value = {json.dumps(value)}")
    browser.evaluate("document.getElementById('search-q').focus()")
    browser.events.clear()
    browser.call("Input.insertText", {"text": words})
    browser.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Enter", "code": "Enter",
                                            "windowsVirtualKeyCode": 13, "text": "\r"})
    browser.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Enter", "code": "Enter",
                                            "windowsVirtualKeyCode": 13})
    status = browser.evaluate("""new Promise(resolve => {
        const t0 = Date.now();
        (function poll() {
          const e = document.getElementById('search-status'), s = e ? e.textContent : '';
          if (/found|no search index|needs the edition/.test(s) || Date.now() - t0 > 10000) {
            resolve(s);
          } else setTimeout(poll, 50);
        })(); })""", await_promise=True)
    # The form never submits to the server: the page the words were typed in still shows.
    browser.evaluate("new Promise(r => setTimeout(r, 300))", await_promise=True)
    left = [e for e in browser.events if e["method"] in LEAVING_PAGE]
    assert not left, f"the search form left the page: {left[0]}"
    found = browser.evaluate("""[...document.querySelectorAll('.search-volume')].map(s => ({
        volume: s.querySelector('h2').textContent,
        hits: [...s.querySelectorAll('li > a')].map(a => a.getAttribute('href'))}))""")
    return {"status": status, "groups": found, "problems": problems + browser.evaluate(CHECKS_JS)}


def _pages_with(edition: Path, word: str) -> set[str]:
    """The document pages whose indexed text (the article, less what search ignores) has
    ``word``."""
    found = set()
    for page in edition.glob("*-d*.html"):
        root = etree.HTML(page.read_bytes())
        for ignored in root.xpath("//*[@data-pagefind-ignore]"):
            ignored.getparent().remove(ignored)
        text = " ".join(root.xpath("//article[@data-pagefind-body]//text()")).lower()
        if word in text.split() or f" {word}" in text:
            found.add(page.name)
    return found


def test_search_finds_the_documents_grouped_by_volume(edition: Path, browser: DevTools) -> None:
    expected = _pages_with(edition, "psychological")
    assert expected == {"frus1952-54v14p1-d50.html", "frus1958-60v19-d352.html"}
    with serving(edition) as base:
        result = _search(browser, base, "psychological")
        ARTIFACTS.mkdir(exist_ok=True)
        browser.screenshot(ARTIFACTS / "search-results.png")
    assert result["problems"] == []
    assert result["status"] == "2 documents found, in 2 volumes."
    assert [g["volume"] for g in result["groups"]] == [
        "Foreign Relations of the United States, 1952–1954. China and Japan, Volume XIV, Part 1",
        "Foreign Relations of the United States, 1958–1960, China, Volume XIX"]
    assert {h for g in result["groups"] for h in g["hits"]} == expected


def test_search_filters_by_years(edition: Path, browser: DevTools) -> None:
    with serving(edition) as base:
        in_1960 = _search(browser, base, "psychological", "1960", "1960")
        in_1954 = _search(browser, base, "", "1954", "1955")
        before = _search(browser, base, "psychological", "", "1959")
    assert [g["hits"] for g in in_1960["groups"]] == [["frus1958-60v19-d352.html"]]
    assert [g["hits"] for g in in_1954["groups"]] == [["frus1952-54v08-d632.html"]]
    assert before["groups"] == [] and before["status"] == "No documents found."


def test_from_a_file_the_search_page_says_to_serve_the_site(edition: Path,
                                                           browser: DevTools) -> None:
    _load(browser, edition / "search.html")
    status = browser.evaluate("document.getElementById('search-status').textContent")
    assert "run \"teikit serve\"" in status


def test_the_search_check_fails_without_an_index(edition: Path, tmp_path: Path,
                                                 browser: DevTools) -> None:
    broken = tmp_path / "build"
    shutil.copytree(edition, broken, ignore=shutil.ignore_patterns("pagefind"))
    with serving(broken) as base:
        result = _search(browser, base, "psychological")
    assert result["groups"] == []
    assert "no search index" in result["status"]
    assert any("failed load" in p or "pagefind" in p for p in result["problems"])


def test_screenshots_of_the_new_page_types(edition: Path, browser: DevTools) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for kind in ("index", "volume"):
        _load(browser, edition / EDITION_PAGES[kind])
        target = ARTIFACTS / f"edition-{kind}.png"
        browser.screenshot(target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The end of a document page: citation, formats, previous/next.
    _load(browser, edition / "frus1952-54v14p1-d183.html")
    browser.evaluate("document.querySelector('nav.pager').scrollIntoView({block: 'end'})")
    browser.screenshot(ARTIFACTS / "edition-document-end.png", viewport=True)


def test_print_leaves_out_the_edition_navigation(edition: Path, browser: DevTools) -> None:
    _load(browser, edition / "frus1952-54v14p1-d183.html")
    browser.evaluate("document.querySelector('#d183fn1-ref').focus()")  # a popup is open
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.evaluate(
            "['nav.breadcrumb', 'nav.pager', '#note-popup', '#text', '#notes']"
            ".map(s => getComputedStyle(document.querySelector(s)).display !== 'none')")
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == [False, False, False, True, True]
