"""axe-core on every page type, in the light and the dark palette: zero serious or
critical violations. axe.min.js ships inside axe-playwright-python (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Watch, file_url, open_context, watch_page
from .pages import PAGE_TYPES, find_page

pytestmark = pytest.mark.browser


def test_axe_ships_its_script_in_the_package():
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    assert script.is_file() and script.stat().st_size > 100_000


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # preload off: axe would XHR the stylesheets, which file:// refuses (a console error).
    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_axe_violations(browser, file_site, kind, scheme):
    target = find_page(file_site, kind)
    if target is None:
        pytest.skip(f"this build has no {kind} page yet")
    watch = Watch()
    context = open_context(browser, watch, color_scheme=scheme,
                           viewport={"width": 1280, "height": 900})
    page = watch_page(context.new_page(), watch)
    try:
        url = file_url(target) + ("?q=blinken" if kind == "search" else "")
        page.goto(url, wait_until="load")
        if kind == "search":
            page.locator("#search-results li").first.wait_for()
        found = _violations(page)
        if scheme == "light":  # the narrow layout once: contrast is covered by both runs
            page.set_viewport_size({"width": 375, "height": 800})
            found += [f"375px: {v}" for v in _violations(page)]
        assert not found, "\n".join(found)
        watch.assert_clean()
    finally:
        context.close()
