"""People, trip and timeline pages, annotated articles and links, on real builds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pelican.plugins.news_digest.site.annotate import annotate_html, mention_forms
from pelican.plugins.news_digest.site.crosslinks import allocate_person_slugs

from ..conftest import soup


def seed_of(page: Path) -> str:
    return Path(soup(page).select_one(".facts code").get_text()).name


def linked_seeds(page: Path, selector: str) -> set[str]:
    """Seed names of the articles a page links to within ``selector``."""
    found = set()
    for a in soup(page).select(f"{selector} a[href]"):
        target = (page.parent / unquote(urlsplit(a["href"]).path)).resolve()
        if target.parent.name == "articles":
            found.add(seed_of(target))
    return found


@pytest.fixture(scope="module")
def articles(seed_site) -> dict[str, Path]:
    return {seed_of(p): p for p in (seed_site / "articles").glob("*.html")}


def person_page(site: Path, name: str) -> Path:
    people = soup(site / "people.html")
    (link,) = [a for a in people.select("a.person-link") if a.get_text() == name]
    return (site / link["href"]).resolve()


def test_every_expected_person_has_a_page_with_exactly_their_articles(seed_site, expected):
    names = {n for s in expected for n in s["people"]}
    for name in names:
        page = person_page(seed_site, name)
        assert soup(page).h1.get_text() == name
        must = {s["file"] for s in expected if name in s["people"]}
        may = must | {s["file"] for s in expected if name in s["people_optional"]}
        got = linked_seeds(page, "#articles-h + .article-list")
        assert must <= got <= may, name


def test_people_not_are_not_linked_from_their_article(articles, expected):
    for spec in expected:
        page = soup(articles[spec["file"]])
        listed = {a.get_text() for a in page.select(".facts a.person-link")}
        # body links may say "Katz", but they lead to the canonical person's page
        targets = {a["href"].rsplit("/", 1)[-1] for a in page.select(".body a.person")}
        for name in spec["people_not"]:
            assert name not in listed
            assert f"{name.lower().replace(' ', '-')}.html" not in targets


def test_trip_pages_hold_exactly_the_resolved_articles(seed_site, expected):
    trips = {s["trip_resolved"] for s in expected} - {0}
    for number in trips:
        page = seed_site / "trips" / f"{number}.html"
        want = {s["file"] for s in expected if s["trip_resolved"] == number}
        assert linked_seeds(page, "#articles-h + .article-list") == want
    no_trip = {s["file"] for s in expected if s["trip_resolved"] == 0}
    assert linked_seeds(seed_site / "trips.html", ".no-trip") == no_trip
    index = soup(seed_site / "trips.html")
    assert [a.get_text() for a in index.select(".trip-entry h2 a")] == \
        ["Trip 4", "Trip 5", "Trip 6", "Trip 7"]


def test_article_pages_link_their_resolved_trip(articles, expected):
    for spec in expected:
        link = soup(articles[spec["file"]]).select_one(".facts .trip a.trip-link")
        if spec["trip_resolved"]:
            assert link is not None and link.get_text() == f"Trip {spec['trip_resolved']}"
        else:
            assert link is None


@pytest.mark.parametrize("file, date, kind, words", [
    ("001_f5fe198a8d7d9358.txt", "2024-06-24", "editor", ["corrections.toml"]),
    ("002_100b739afe2dc999.txt", "2024-03-22", "inferred", ["trip 6", "Friday"]),
    ("004_762130cef820a950.txt", "2024-01-09", "inferred", ["trip 4", "Tuesday"]),
])
def test_dates_with_provenance(articles, file, date, kind, words):
    page = soup(articles[file])
    assert page.select_one(".facts time")["datetime"] == date
    provenance = page.select_one(".facts .provenance").get_text()
    assert provenance.startswith(f"({kind}")
    for w in words:
        assert w in provenance



def test_lists_say_where_a_date_came_from(seed_site, articles):
    # The home cards and the timeline mark dates that are not stated in the text.
    for listing in ("index.html", "timeline.html"):
        page = soup(seed_site / listing)
        marks = {}
        for a in page.select("a[href]"):
            target = (seed_site / unquote(urlsplit(a["href"]).path)).resolve()
            if target.parent.name != "articles":
                continue
            item = a.find_parent(["article", "li"])
            marks[seed_of(target)] = item.select_one(".approx").get_text() \
                if item.select_one(".approx") else ""
        assert marks["002_100b739afe2dc999.txt"] == "(inferred)", listing
        assert marks["004_762130cef820a950.txt"] == "(inferred)", listing
        assert marks["001_f5fe198a8d7d9358.txt"] == "(editor)", listing
        assert marks["003_a80e76dd1f473702.txt"] == "", listing

def test_editor_note_and_no_discrepancy_for_alias(articles):
    note = soup(articles["001_f5fe198a8d7d9358.txt"]).select_one(".editor-note")
    assert note is not None and "24 June 2024" in note.get_text()
    fifth = soup(articles["004_762130cef820a950.txt"])
    assert fifth.select_one(".discrepancy") is None
    assert "fifth visit to Israel" in fifth.select_one(".facts .trip").get_text()


def test_people_mentions_in_bodies_link_to_person_pages(seed_site, articles):
    page = articles["004_762130cef820a950.txt"]
    links = soup(page).select(".body a.person")
    by_text = {a.get_text(): a["href"] for a in links}
    assert by_text["Israel Katz"] == by_text["Katz"] == "../people/israel-katz.html"
    assert by_text["Blinken"] == "../people/antony-blinken.html"
    for a in links:
        assert (page.parent / a["href"]).resolve().is_file()
        assert a.find_parent("a") is None
    assert not soup(page).select(".body a a")


def test_quotes_are_attributed(articles, expected):
    for spec in expected:
        panel = soup(articles[spec["file"]]).select_one("section.quotes")
        for q in spec.get("quotes", []):
            figures = [f for f in panel.select("figure")
                       if q["starts"].replace("’", "'") in f.get_text().replace("’", "'")]
            assert figures, q
            assert figures[0].select_one("figcaption a").get_text() == q["speaker"]


def test_person_page_lists_quotes_companions_trips_and_feed(seed_site):
    page = person_page(seed_site, "Isaac Herzog")
    doc = soup(page)
    assert doc.select("section.quotes figure")
    companions = {a.get_text() for a in doc.select(".companions a")}
    assert "Antony Blinken" in companions
    assert [a.get_text() for a in doc.select(".trips a")] == ["Trip 4"] or \
        "Trip 4" in [a.get_text() for a in doc.select(".trips a")]
    feed = doc.select_one("link[type='application/atom+xml'][href*='people']")
    assert (page.parent / feed["href"]).resolve().is_file()


def test_timeline_has_trips_and_articles_in_order(seed_site):
    doc = soup(seed_site / "timeline.html")
    items = doc.select("ol.timeline > li")
    assert len(doc.select("li.timeline-trip")) == 4
    assert len(doc.select("li.timeline-article")) == 5
    dates = [li.select_one("time")["datetime"] for li in items if li.select_one("time")]
    assert dates == sorted(dates)


def test_every_internal_link_and_feed_resolves(seed_site):
    for page in seed_site.rglob("*.html"):
        for tag in soup(page).find_all(["a", "link"]):
            ref = tag.get("href")
            if not ref or ref.startswith(("#", "mailto:")):
                continue
            target = (page.parent / unquote(urlsplit(ref).path)).resolve()
            assert target.is_file(), f"{page}: {ref}"
    assert (seed_site / "feeds" / "people" / "antony-blinken.atom.xml").is_file()
    assert (seed_site / "feeds" / "trips" / "4.atom.xml").is_file()


DISAGREE = (" date 2024-01-10 Visiting US Secretary of State Antony Blinken arrived in Tel "
            "Aviv on his sixth trip to the region since the war began, officials said.\n\n"
            "Blinken met Prime Minister Benjamin Netanyahu for talks on the hostages.\n")


def test_disagreeing_ordinal_shown_on_article_and_trip_pages(build):
    out = build(seeds={"disagree.txt": DISAGREE})
    (page,) = (out / "articles").glob("*.html")
    text = soup(page).select_one(".discrepancy").get_text()
    assert "sixth trip" in text and "trip 4" in text
    trip4 = soup(out / "trips" / "4.html").select_one("section.discrepancies")
    assert "sixth trip" in trip4.get_text()
    trip6 = soup(out / "trips" / "6.html").select_one("section.discrepancies")
    assert trip6 is not None  # the article states 6 but is filed under 4


def test_without_trips_file_trips_are_keyed_by_stated_ordinal(build):
    out = build(editor_data=False)
    numbers = sorted(int(p.stem) for p in (out / "trips").glob("*.html"))
    assert numbers == [4, 5, 6, 7]  # 004 states its fifth visit


def test_pagination_never_collides(build):
    out = build(DEFAULT_PAGINATION=1)  # Pelican raises if a file would be written twice
    assert (out / "people" / "antony-blinken" / "page" / "2.html").is_file()
    assert (out / "trips" / "4" / "page" / "2.html").is_file()
    assert (out / "index" / "page" / "2.html").is_file()
    for page in out.rglob("*.html"):
        for a in soup(page).select("nav.pagination a"):
            assert (page.parent / a["href"]).resolve().is_file()


def test_person_slugs_unique_and_never_over_claimed_paths():
    settings = {"NEWS_DIGEST_PERSON_SAVE_AS": "articles/{slug}.html"}
    slugs = allocate_person_slugs(["José Pérez", "Jose Perez", "中文"], settings,
                                  {"articles/jose-perez.html"})
    assert len(set(slugs.values())) == 3
    assert "jose-perez" not in slugs.values()
    assert all(slugs.values())


FORMS = mention_forms(["Antony Blinken", "Israel Katz"], avoid=["Israel"])
HREFS = {"Antony Blinken": "B", "Israel Katz": "K"}


@pytest.mark.parametrize("html, linked", [
    ("<p>Antony Blinken met Katz.</p>", ["Antony Blinken", "Katz"]),
    ("<p>Blinken’s visit. Blinken left.</p>", ["Blinken"]),  # first mention per block
    ('<p><a href="x">Antony Blinken</a> and Blinkenesque prose.</p>', []),
    ('<p title="Antony Blinken">Blinkens and Katz-like and O\'Katz</p>', []),
    ("<p>Israel said.</p><h2>Blinken</h2><p>Blinken</p>", ["Blinken", "Blinken"]),
    ("<p><code>Antony Blinken</code> &lt;b&gt;Katz&lt;/b&gt;</p>", ["Katz"]),
])
def test_annotate_links_whole_words_in_text_only(html, linked):
    from bs4 import BeautifulSoup

    out = BeautifulSoup(annotate_html(html, FORMS, HREFS), "html.parser")
    assert [a.get_text() for a in out.select("a.person")] == linked
    assert out.get_text() == BeautifulSoup(html, "html.parser").get_text()
    assert not out.select("a a")
