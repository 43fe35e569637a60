"""The digest as a reader meets it (issue 15), in Debian's Chromium at 1280 and 375 px,
light and dark: the story on the home page, text first on article pages, plain words,
links that help, search that finds people, pages that stay small, and the publishing
details (favicon, Open Graph, feeds). Opened from disk, with no network."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..conftest import make_project, run_pelican
from .conftest import Watch, file_url, open_context, watch_page

pytestmark = pytest.mark.browser

VIEWS = [(1280, 900, "light"), (1280, 900, "dark"), (375, 812, "light"), (375, 812, "dark")]
# Words for the editor, not the reader: file names, setting names, reason codes.
INTERNAL = re.compile(r"\.toml|\.txt|seeds/|NEWS_DIGEST_|\balias\b|\b[A-Z]+-[A-Z]+\b"
                      r"|set by the editor in|trips file")
FIFTH = "004_762130cef820a950"


@pytest.fixture(params=VIEWS, ids=[f"{w}-{s}" for w, _, s in VIEWS])
def view(request, browser):
    width, height, scheme = request.param
    watch = Watch()
    context = open_context(browser, watch, color_scheme=scheme,
                           viewport={"width": width, "height": height})
    page = watch_page(context.new_page(), watch)
    page.viewport = (width, height)
    yield page, watch
    context.close()


def article_by_seed(site: Path, stem: str) -> Path:
    for page in (site / "articles").glob("*.html"):
        if stem in page.read_text(encoding="utf-8"):
            return page
    raise AssertionError(stem)


def fits(page) -> None:
    width = page.viewport[0]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def test_home_page_says_what_the_story_is(view, file_site):
    page, watch = view
    page.goto(file_url(file_site / "index.html"), wait_until="load")
    story = page.locator(".story")
    assert story.is_visible()
    text = " ".join(story.inner_text().split())
    for words in ("Antony Blinken", "5 articles", "4 trips", "9 Jan 2024", "24 Jun 2024",
                  "Most mentioned: Benjamin Netanyahu"):
        assert words in text, words
    top = page.locator("article.card").first.bounding_box()["y"]
    assert top < page.viewport[1]  # the latest article starts on the first screen
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description.startswith("Antony Blinken: 5 articles")
    fits(page)
    watch.assert_clean()


def test_article_text_starts_on_the_first_screen(view, file_site):
    page, watch = view
    for html in sorted((file_site / "articles").glob("*.html")):
        page.goto(file_url(html), wait_until="load")
        first = page.locator(".body p").first
        box = first.bounding_box()
        line = float(page.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)",
                                   first.element_handle()))
        assert box["y"] + line <= page.viewport[1], (html.name, box)  # a line of text shows
        meta = page.locator(".article-meta")
        assert meta.is_visible() and "·" in meta.inner_text()
        about = page.locator("details.about")
        assert about.get_attribute("open") is None
        assert not page.locator("details.about .facts").is_visible()
        fits(page)
    watch.assert_clean()


def test_about_this_article_in_plain_words(view, file_site):
    page, watch = view
    page.goto(file_url(article_by_seed(file_site, FIFTH)), wait_until="load")
    assert not INTERNAL.search(page.locator("main").inner_text())
    page.locator("details.about > summary").click()
    about = page.locator("details.about")
    shown = " ".join(about.inner_text().split())
    assert "Outlets counted this as Blinken’s fifth visit to Israel; it was Blinken’s " \
           "fourth trip to the region." in shown
    assert "Inferred" in page.locator(".legend").inner_text()
    assert "(inferred: trip 4 ran 5–11 Jan 2024 and the article says Tuesday)" in shown
    notes = page.locator("details.editor-notes")
    assert notes.get_attribute("open") is None
    visible = about.evaluate("e => { const n = e.querySelector('details.editor-notes');"
                             " const c = e.cloneNode(true);"
                             " c.querySelector('details.editor-notes').remove();"
                             " return n ? c.innerText : e.innerText; }")
    assert not INTERNAL.search(visible), INTERNAL.search(visible)
    notes.locator("summary").click()
    assert "Page footer" in notes.inner_text()  # "Leave a comment", said as what it is
    fits(page)
    watch.assert_clean()


def test_the_editor_s_date_is_said_plainly(view, file_site):
    page, watch = view
    page.goto(file_url(article_by_seed(file_site, "001_f5fe198a8d7d9358")), wait_until="load")
    assert "(corrected by the editor)" in page.locator(".article-meta").inner_text()
    assert page.locator(".editor-note").is_visible()
    page.locator("details.about > summary").click()
    assert "corrections" not in page.locator("details.about").inner_text()
    watch.assert_clean()


def test_each_person_is_linked_once_and_related_articles_say_who(view, file_site):
    page, watch = view
    page.goto(file_url(article_by_seed(file_site, FIFTH)), wait_until="load")
    hrefs = page.locator(".body a.person").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and len(hrefs) == len(set(hrefs))
    related = page.locator("section.shared-people li")
    # Gallant (001) always; Herzog (003) when his optional photo-caption mention is kept
    texts = [related.nth(i).inner_text() for i in range(related.count())]
    assert 1 <= len(texts) <= 2 and "also with Yoav Gallant" in texts[-1]
    assert all("also with Isaac Herzog" in t for t in texts[:-1])
    dates = related.locator("time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates == sorted(dates)
    # keyboard: from the title to past the body takes one Tab per person, not per mention
    tabs = page.evaluate("""() => [...document.querySelectorAll('.body a')].length""")
    assert tabs == len(hrefs) <= 8
    fits(page)
    watch.assert_clean()


def test_trip_page_itinerary_and_compact_index(view, file_site):
    page, watch = view
    page.goto(file_url(file_site / "trips" / "4.html"), wait_until="load")
    stops = page.locator("section.itinerary ol.stops > li")
    assert stops.count() == 10 and stops.first.is_visible()
    israel = stops.filter(has_text="Israel").first
    assert israel.locator("time").get_attribute("datetime") == "2024-01-09"
    fits(page)
    page.goto(file_url(file_site / "trips.html"), wait_until="load")
    rows = page.locator("table.trip-index tbody tr")
    assert rows.count() == 4
    assert rows.first.locator("a.trip-link").inner_text() == "Trip 4"
    fits(page)
    watch.assert_clean()


SEARCHES = {"Netanyahou": "Benjamin Netanyahu", "ICJ": None, "Bibi": "Benjamin Netanyahu",
            "Tony Blinken": "Antony Blinken", "Islam Times": None, "Herzog": "Isaac Herzog",
            "trip 6": "Trip 6", "Rafah": "Rafah"}


def test_search_finds_people_aliases_acronyms_outlets_and_typos(view, file_site):
    page, watch = view
    page.goto(file_url(file_site / "search.html"), wait_until="load")
    assert page.evaluate("document.activeElement.id") == "search-input"  # focus on load
    for query, entity in SEARCHES.items():
        page.fill("#search-input", query)
        page.press("#search-input", "Enter")
        assert page.locator("#search-results li.result").count() >= 1, query
        assert f"“{query}”" in page.title(), query
        if entity:
            names = page.locator("#search-entities .entity-name").all_inner_texts()
            assert any(n.startswith(entity) for n in names), (query, names)
    counts = []
    for query in ("ceasefire", "cease fire", "cease-fire"):
        page.fill("#search-input", query)
        page.press("#search-input", "Enter")
        counts.append(page.locator("#search-results li.result").count())
    assert counts[0] == counts[1] == counts[2] == 3
    fits(page)
    watch.assert_clean()


def test_search_keeps_its_queries_in_history(view, file_site):
    page, watch = view
    page.goto(file_url(file_site / "search.html") + "?q=Rafah", wait_until="load")
    page.locator("#search-results li.result").first.wait_for()
    for query in ("Herzog", "Gallant"):
        page.fill("#search-input", query)
        page.wait_for_timeout(300)  # typing updates the address before the submit here
        page.press("#search-input", "Enter")
        page.wait_for_url(f"**q={query}")
    page.go_back()
    page.wait_for_url("**q=Herzog")
    page.wait_for_function("() => document.title.includes('Herzog')")
    assert page.locator("#search-input").input_value() == "Herzog"
    page.go_back()
    page.wait_for_url("**q=Rafah")
    page.wait_for_function("() => document.title.includes('Rafah')")
    assert page.locator("#search-input").input_value() == "Rafah"
    assert page.locator("#search-results li.result").count() == 2
    watch.assert_clean()


def test_search_results_keep_the_inferred_label(view, file_site):
    page, watch = view
    page.goto(file_url(file_site / "search.html") + "?q=Tuesday", wait_until="load")
    page.locator("#search-results li.result").first.wait_for()
    dates = page.locator("#search-results .date").all_inner_texts()
    assert any("(inferred)" in d for d in dates), dates
    watch.assert_clean()


def test_timeline_by_month_with_anchors(view, file_site):
    page, watch = view
    page.goto(file_url(file_site / "timeline.html"), wait_until="load")
    months = page.locator("nav.months a")
    assert months.count() == 6
    page.locator("nav.months a[href='#m-2024-03']").click()
    assert page.url.endswith("#m-2024-03")
    box = page.locator("#m-2024-03 h2").bounding_box()
    assert -1 <= box["y"] < page.viewport[1]
    fits(page)
    watch.assert_clean()


def test_publishing_details(view, file_site):
    page, watch = view
    page.goto(file_url(file_site / "people" / "antony-blinken.html"), wait_until="load")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    loaded = page.evaluate("""async href => { const img = new Image(); img.src = href;
        await img.decode(); return [img.naturalWidth, img.naturalHeight]; }""",
                           page.evaluate("h => new URL(h, location.href).href", icon))
    assert loaded[0] > 0 and loaded[1] > 0
    og = {m.get_attribute("property"): m.get_attribute("content")
          for m in page.locator("meta[property^='og:']").all()}
    assert og["og:title"] == page.title() and og["og:site_name"] == "News Digest"
    assert og["og:description"].startswith("US Secretary of State")
    feed = page.locator("link[type='application/atom+xml'][href*='people']")
    assert feed.count() == 1
    watch.assert_clean()


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory) -> Path:
    """The five seeds with two articles a page: page numbers and later person pages."""
    root = make_project(tmp_path_factory.mktemp("paged-site"))
    return run_pelican(root, DEFAULT_PAGINATION=2, NEWS_DIGEST_LIST_LIMIT=2)


def test_page_numbers_and_light_later_pages(view, paged_site):
    page, watch = view
    page.goto(file_url(paged_site / "index.html"), wait_until="load")
    numbers = page.locator("nav.pagination .page-numbers li")
    assert numbers.all_inner_texts() == ["1", "2", "3"]
    assert page.locator("nav.pagination [aria-current=page]").inner_text() == "1"
    page.locator("nav.pagination a", has_text="3").click()
    page.wait_for_load_state("load")
    assert page.locator("nav.pagination [aria-current=page]").inner_text() == "3"
    fits(page)
    page.goto(file_url(paged_site / "people" / "antony-blinken" / "page" / "2.html"),
              wait_until="load")
    assert page.locator("#companions-h").count() == 0
    assert page.locator("section.quotes").count() == 0
    page.goto(file_url(paged_site / "people" / "antony-blinken.html"), wait_until="load")
    assert page.locator(".companions > li").count() == 2
    assert "more people" in page.locator(".companions + .more").inner_text()
    fits(page)
    watch.assert_clean()
