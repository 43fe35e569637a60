"""Screenshots of the main page types at desktop and phone widths.

Saved under the test's tmp output folder. With ``NEWS_DIGEST_SCREENSHOTS=DIR`` (e.g.
``docs/screenshots``) they are also copied there, to refresh the README's pictures
on purpose rather than churn committed images on every test run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import Watch, file_url, open_context, watch_page
from .pages import find_page

pytestmark = pytest.mark.browser

KINDS = ("home", "article", "person", "trip", "timeline", "search")
WIDTHS = (1280, 375)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, file_site, tmp_path, scheme):
    watch = Watch()
    shots: list[Path] = []
    for width in WIDTHS:
        context = open_context(browser, watch, color_scheme=scheme,
                               viewport={"width": width, "height": 900})
        page = watch_page(context.new_page(), watch)
        try:
            for kind in KINDS:
                target = find_page(file_site, kind)
                if target is None:
                    continue
                url = file_url(target) + ("?q=netanyahu" if kind == "search" else "")
                page.goto(url, wait_until="load")
                if kind == "search":
                    page.locator("#search-results li").first.wait_for()
                shot = tmp_path / f"{kind}-{width}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=True)
                # A real rendering, not a blank page: the page is as wide as the viewport.
                assert page.evaluate("document.documentElement.scrollWidth") <= width, \
                    f"{kind} scrolls sideways at {width}px"
                shots.append(shot)
        finally:
            context.close()
    assert len(shots) >= 2 * 3
    assert all(s.stat().st_size > 5_000 for s in shots)
    watch.assert_clean()
    target_dir = os.environ.get("NEWS_DIGEST_SCREENSHOTS")
    if target_dir:
        Path(target_dir).mkdir(parents=True, exist_ok=True)
        for shot in shots:
            shutil.copy(shot, Path(target_dir) / shot.name)
