"""Browser-test fixtures: the site built once per session, served from loopback, and
Debian's Chromium driven by Playwright, with every http(s) request outside the test
server blocked and recorded (the digest must need no network).

Tests marked ``browser`` are skipped, with the reason, when Playwright or a Chromium
binary is missing. Nothing here downloads a browser: Playwright only drives the
system's Chromium through ``executable_path``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ..conftest import make_project, run_pelican

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SUBPATH = "news-digest"


def chromium_path() -> str | None:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not found and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


def browser_skip_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python Playwright is not installed (pip install -e '.[test]')"
    if not chromium_path():
        return "no Chromium binary: install Debian's chromium package (apt-get install chromium)"
    return None


def in_ci() -> bool:
    """CI must run the browser tests: a missing install step fails instead of skipping."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config, items) -> None:
    reason = browser_skip_reason()
    if reason is None or in_ci():
        return
    marker = pytest.mark.skip(reason=reason)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(marker)


# ---------- builds ----------

@pytest.fixture(scope="session")
def file_site(tmp_path_factory) -> Path:
    """The five example seeds built with pelican.conf.py (relative URLs, for file://)."""
    root = make_project(tmp_path_factory.mktemp("browser-site"))
    return run_pelican(root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - stdlib signature
        pass


@dataclass
class Served:
    """A publish build served over HTTP at ``siteurl`` (``root`` holds the files)."""

    siteurl: str
    root: Path
    origin: str


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Iterator[Served]:
    """publishconf.py build under /news-digest/ on 127.0.0.1, as GitHub Pages serves it."""
    base = tmp_path_factory.mktemp("served")
    docroot = base / "www"
    docroot.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(docroot))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    siteurl = f"{origin}/{SUBPATH}"
    project = make_project(base / "project")
    old = os.environ.get("SITEURL")
    os.environ["SITEURL"] = siteurl  # publishconf.py reads it, as in the Pages workflow
    try:
        run_pelican(project, "publishconf.py", OUTPUT_PATH=str(docroot / SUBPATH))
    finally:
        if old is None:
            os.environ.pop("SITEURL", None)
        else:
            os.environ["SITEURL"] = old
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(siteurl=siteurl, root=docroot / SUBPATH, origin=origin)
    finally:
        server.shutdown()
        server.server_close()


# ---------- browser ----------

@contextlib.contextmanager
def launch_chromium():
    """Debian's headless Chromium via Playwright; skips the test where there is none."""
    reason = browser_skip_reason()
    if reason and in_ci():
        pytest.fail(f"CI=true but {reason}")
    if reason:
        pytest.skip(reason)
    b = _playwright().chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS,
                                      headless=True)
    try:
        yield b
    finally:
        b.close()


@functools.lru_cache(maxsize=1)
def _playwright():
    """One Playwright per test process: its sync API cannot be started twice at once (a
    module's browser and the session's would meet on one xdist worker)."""
    import atexit

    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    atexit.register(pw.stop)
    return pw


@pytest.fixture(scope="session")
def browser():
    with launch_chromium() as b:
        yield b


@dataclass
class Watch:
    """What a browser context did that a page must never do."""

    allowed_origin: str | None = None
    network: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.network, f"requests to the network: {self.network}"
        assert not self.errors, f"console errors: {self.errors}"


def open_context(browser, watch: Watch, **kwargs):
    """A browser context that aborts and records any http(s) request not to the test server."""
    context = browser.new_context(**kwargs)

    def route(r) -> None:
        url = r.request.url
        if url.startswith(("http:", "https:")) and not (
                watch.allowed_origin and url.startswith(watch.allowed_origin + "/")):
            watch.network.append(url)
            r.abort()
        else:
            r.continue_()

    def on_request(request) -> None:
        url = request.url
        foreign = url.startswith(("http:", "https:", "ws:", "wss:")) and not (
            watch.allowed_origin and url.startswith(watch.allowed_origin + "/"))
        if foreign and url not in watch.network:
            watch.network.append(url)

    context.route("**/*", route)
    context.on("request", on_request)
    return context


def watch_page(page, watch: Watch):
    page.on("console", lambda m: watch.errors.append(f"{page.url}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(f"{page.url}: {e}"))
    return page


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser, watch):
    """A fresh page (1280 px wide) whose network use and console errors are recorded."""
    context = open_context(browser, watch, viewport={"width": 1280, "height": 900})
    pg = watch_page(context.new_page(), watch)
    yield pg
    context.close()


def file_url(path: Path) -> str:
    return path.resolve().as_uri()
