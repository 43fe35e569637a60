"""The hostile corpus built and opened in Chromium from file://: no injected script runs.

Every payload in tests/hostile sets ``window.__pwned`` or calls ``alert``. Each
built page is loaded; then the search page is given payloads as queries. A control
page with a live payload proves the detector works (so a pass means something).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..build.test_hostile_build import build_hostile
from .conftest import launch_chromium

pytestmark = pytest.mark.browser

QUERIES = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">',
           '"><svg onload=alert(1)>', "javascript:alert(1)", "{{ 7*7 }}", "window.__pwned",
           "</script>", "O'Brien", "&amp; <b>", "\u202e", "pwned"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build_hostile(tmp_path_factory.mktemp("hostile-browser"))


@pytest.fixture(scope="module")
def chromium():
    with launch_chromium() as browser:
        yield browser


class Tripwire:
    """A page whose dialogs are recorded (and dismissed) and network use blocked."""

    def __init__(self, browser) -> None:
        self.dialogs: list[str] = []
        self.network: list[str] = []
        self.context = browser.new_context()
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        if route.request.url.startswith(("http:", "https:", "ws:", "wss:")):
            self.network.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{self.page.url}: {dialog.type} {dialog.message}")
        dialog.dismiss()

    def fired(self) -> bool:
        self.page.wait_for_timeout(50)  # let onerror/onload handlers of broken images run
        pwned = self.page.evaluate("() => typeof window.__pwned !== 'undefined'")
        return pwned or bool(self.dialogs)

    def close(self) -> None:
        self.context.close()


def test_the_tripwire_detects_a_live_payload(chromium, tmp_path):
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><p>x<img src="missing.png" '
                       'onerror="window.__pwned=1;alert(1)"></p>', encoding="utf-8")
    wire = Tripwire(chromium)
    try:
        wire.page.goto(control.as_uri(), wait_until="load")
        assert wire.fired() and wire.dialogs
    finally:
        wire.close()


def test_no_injected_script_runs_on_any_page(chromium, hostile_site):
    pages = sorted(p for p in hostile_site.rglob("*.html")
                   if "theme" not in p.relative_to(hostile_site).parts)
    assert len(pages) >= 8
    wire = Tripwire(chromium)
    try:
        for path in pages:
            wire.page.goto(path.resolve().as_uri(), wait_until="load")
            assert not wire.fired(), f"{path}: injected script ran {wire.dialogs}"
        assert not wire.network, wire.network
    finally:
        wire.close()


def test_no_injected_script_runs_after_searching(chromium, hostile_site):
    search = hostile_site / "search.html"
    if not search.exists():
        pytest.skip("this build has no search page")
    wire = Tripwire(chromium)
    try:
        for query in QUERIES:
            wire.page.goto(search.resolve().as_uri(), wait_until="load")
            box = wire.page.locator("main input[type=search], main input[name=q]").first
            box.fill(query)
            box.press("Enter")
            wire.page.wait_for_timeout(100)
            assert not wire.fired(), f"query {query!r}: {wire.dialogs}"
        # A query that matches the payload text shows it as text in the results.
        wire.page.goto(search.resolve().as_uri() + "?q=__pwned", wait_until="load")
        wire.page.wait_for_timeout(200)
        results = wire.page.locator("main").inner_text()
        assert "__pwned" in results
        assert not wire.fired()
    finally:
        wire.close()
