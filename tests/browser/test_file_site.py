"""The digest opened from disk (file://): click through it, search it, read it without JS.

Every page must load with no console error and no request to any http(s) URL.
"""

from __future__ import annotations

import re

import pytest

from .conftest import Watch, file_url, open_context, watch_page
from .pages import find_page

pytestmark = pytest.mark.browser


def goto(page, url: str) -> None:
    page.goto(url, wait_until="load")


def test_click_through_from_disk(page, watch: Watch, file_site):
    goto(page, file_url(file_site / "index.html"))
    assert page.locator("html").get_attribute("lang") == "en"
    cards = page.locator("article.card h2 a")
    assert cards.count() >= 1
    title = cards.first.inner_text()
    cards.first.click()
    page.wait_for_load_state("load")
    assert "/articles/" in page.url
    assert page.locator("h1").inner_text() == title

    # Cross-link pages, when the build has them: person -> trip -> timeline.
    for kind, selector in (("person", "a[href*='people/'], a[href*='person/']"),
                           ("trip", "a[href*='trips/'], a[href*='trip/']"),
                           ("timeline", "a[href$='timeline.html']")):
        if find_page(file_site, kind) is None:
            continue
        link = page.locator(f"main {selector}, nav {selector}").first
        link.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(".html")
        assert page.locator("h1").count() == 1

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("search.html")
    box = page.get_by_label("Words or names to find")
    box.fill("Netanyahu")
    box.press("Enter")
    results = page.locator("#search-results li.result")
    results.first.wait_for()
    assert "match" in page.locator("#search-status").inner_text()
    assert page.locator("#search-results mark").count() >= 1
    first_title = results.first.locator("h3 a").inner_text()
    results.first.locator("h3 a").click()
    page.wait_for_load_state("load")
    assert "/articles/" in page.url
    assert page.locator("h1").inner_text() == first_title
    watch.assert_clean()


def test_header_search_form_carries_the_query(page, watch: Watch, file_site):
    article = find_page(file_site, "article")
    goto(page, file_url(article))
    page.get_by_label("Search the digest").fill("hostages")
    page.get_by_label("Search the digest").press("Enter")
    page.wait_for_load_state("load")
    assert re.search(r"search\.html\?q=hostages$", page.url)
    page.locator("#search-results li.result").first.wait_for()
    assert page.locator("#search-input").input_value() == "hostages"
    watch.assert_clean()


def test_search_finds_people_places_and_body_text(page, watch: Watch, file_site):
    goto(page, file_url(file_site / "search.html"))
    for query in ("blinken", "Rafah", "ceasefire hostages", "Netanyahu’s", "ISRAEL"):
        page.fill("#search-input", query)
        page.press("#search-input", "Enter")
        assert page.locator("#search-results li.result").count() >= 1, query
    page.fill("#search-input", "zzzqqqnotaword")
    page.press("#search-input", "Enter")
    assert page.locator("#search-results li.result").count() == 0
    assert "Nothing matches" in page.locator("#search-status").inner_text()
    # Each result shows title, date (or Undated) and a snippet.
    page.fill("#search-input", "Blinken")
    page.press("#search-input", "Enter")
    for item in page.locator("#search-results li.result").all():
        assert item.locator("h3 a").inner_text()
        assert item.locator(".date").inner_text()
        assert item.locator(".snippet").inner_text()
    watch.assert_clean()


def test_every_page_but_search_works_without_javascript(browser, file_site):
    watch = Watch()
    context = open_context(browser, watch, java_script_enabled=False)
    page = watch_page(context.new_page(), watch)
    try:
        for html in sorted(file_site.rglob("*.html")):
            goto(page, file_url(html))
            assert page.locator("main h1").count() == 1, html
        goto(page, file_url(file_site / "search.html"))
        assert "needs JavaScript" in page.locator("main").inner_text()
        watch.assert_clean()
    finally:
        context.close()


def test_keyboard_skip_link_and_visible_focus(page, watch: Watch, file_site):
    goto(page, file_url(file_site / "index.html"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    watch.assert_clean()


def test_removed_list_is_collapsed(page, watch: Watch, file_site):
    for html in sorted((file_site / "articles").glob("*.html")):
        goto(page, file_url(html))
        about = page.locator("details.about")
        details = about.locator("details.editor-notes")
        if details.locator(".removed li").count():
            assert about.get_attribute("open") is None
            assert details.get_attribute("open") is None
            assert not details.locator("li").first.is_visible()
            about.locator("> summary").click()
            assert not details.locator("li").first.is_visible()
            details.locator("summary").click()
            assert details.locator("li").first.is_visible()
            break
    watch.assert_clean()
