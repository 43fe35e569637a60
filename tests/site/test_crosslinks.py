"""People, trip and timeline pages, annotated articles and links, on real builds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pelican.plugins.news_digest.site.annotate import annotate_html, mention_forms
from pelican.plugins.news_digest.site.crosslinks import allocate_person_slugs

from ..conftest import soup


def seed_of(page: Path) -> str:
    return Path(soup(page).select_one("code.seed").get_text()).name


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
    assert [a.get_text() for a in index.select(".trip-entry a.trip-link")] == \
        ["Trip 4", "Trip 5", "Trip 6", "Trip 7"]


def test_article_pages_link_their_resolved_trip(articles, expected):
    for spec in expected:
        link = soup(articles[spec["file"]]).select_one(".facts .trip a.trip-link")
        if spec["trip_resolved"]:
            assert link is not None and link.get_text() == f"Trip {spec['trip_resolved']}"
        else:
            assert link is None


@pytest.mark.parametrize("file, date, kind, words", [
    ("001_f5fe198a8d7d9358.txt", "2024-06-24", "corrected by the editor", []),
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
    assert ".toml" not in page.select_one("details.about").get_text()



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
        assert marks["001_f5fe198a8d7d9358.txt"] == "(corrected by the editor)", listing
        assert marks["003_a80e76dd1f473702.txt"] == "", listing


def test_editor_note_and_no_discrepancy_for_alias(articles):
    note = soup(articles["001_f5fe198a8d7d9358.txt"]).select_one(".editor-note")
    assert note is not None and "24 June 2024" in note.get_text()
    fifth = soup(articles["004_762130cef820a950.txt"])
    assert fifth.select_one(".discrepancy") is None
    said = " ".join(fifth.select_one(".facts .trip").get_text().split())
    assert ("Outlets counted this as Blinken’s fifth visit to Israel; it was Blinken’s "
            "fourth trip to the region.") in said
    assert "alias" not in said


def test_people_mentions_in_bodies_link_to_person_pages(seed_site, articles):
    page = articles["004_762130cef820a950.txt"]
    links = soup(page).select(".body a.person")
    by_text = {a.get_text(): a["href"] for a in links}
    assert by_text["Israel Katz"] == "../people/israel-katz.html"
    assert by_text["Antony Blinken"] == "../people/antony-blinken.html"
    # one link per person in the article: the first mention
    hrefs = [a["href"] for a in links]
    assert len(hrefs) == len(set(hrefs)) == 8
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
    assert trip6 is not None  # the article states 6 but is filed under 4, and says where
    assert "it is filed under trip 4 (5–11 Jan 2024)" in trip6.get_text()


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
    ("<p>Blinken’s visit. Blinken left.</p>", ["Blinken"]),  # first mention only
    ('<p><a href="x">Antony Blinken</a> and Blinkenesque prose.</p>', []),
    ('<p title="Antony Blinken">Blinkens and Katz-like and O\'Katz</p>', []),
    ("<p>Israel said.</p><h2>Blinken</h2><p>Blinken</p>", ["Blinken"]),
    ("<p><code>Antony Blinken</code> &lt;b&gt;Katz&lt;/b&gt;</p>", ["Katz"]),
])
def test_annotate_links_whole_words_in_text_only(html, linked):
    from bs4 import BeautifulSoup

    out = BeautifulSoup(annotate_html(html, FORMS, HREFS), "html.parser")
    assert [a.get_text() for a in out.select("a.person")] == linked
    assert out.get_text() == BeautifulSoup(html, "html.parser").get_text()
    assert not out.select("a a")


def test_related_articles_share_people_other_than_the_ubiquitous(articles):
    """Blinken (in every article) and Netanyahu and Biden (in 4 of 5) relate nothing;
    Gallant links 004 to 001, saying so. Herzog is optional in 003 (a photo caption):
    when extracted there, he links 004 to 003 too, listed first (the later article)."""
    page = soup(articles["004_762130cef820a950.txt"])
    items = page.select("section.shared-people li")
    related = {seed_of_link(articles["004_762130cef820a950.txt"], li):
               [a.get_text() for a in li.select(".shared a")] for li in items}
    assert related["001_f5fe198a8d7d9358.txt"] == ["Yoav Gallant"]
    assert set(related) <= {"001_f5fe198a8d7d9358.txt", "003_a80e76dd1f473702.txt"}
    if "003_a80e76dd1f473702.txt" in related:
        assert related["003_a80e76dd1f473702.txt"] == ["Isaac Herzog"]
        assert list(related)[0] == "003_a80e76dd1f473702.txt"
    for li in items:
        assert "Antony Blinken" not in li.get_text()
    # an article with only ubiquitous people has no related list, and a trip's own
    # articles are listed once, under the trip
    assert soup(articles["000_90a41741d14c7c91.txt"]).select_one("section.shared-people") is None
    same = linked_seeds(articles["000_90a41741d14c7c91.txt"], "section.same-trip")
    assert same == {"004_762130cef820a950.txt"}


def seed_of_link(page: Path, li) -> str:
    a = li.select_one("a[href*='articles/'], a[href$='.html']:not(.person-link)")
    return seed_of((page.parent / unquote(urlsplit(a["href"]).path)).resolve())


def test_trip_page_has_an_itinerary_in_date_order(seed_site):
    doc = soup(seed_site / "trips" / "4.html")
    stops = doc.select("section.itinerary ol.stops > li")
    places = [li.select_one(".place").get_text() for li in stops]
    assert places[:3] == ["Turkey", "Greece", "Jordan"]  # the trips file's order
    israel = stops[places.index("Israel")]
    assert israel.select_one("time")["datetime"] == "2024-01-09"
    dated = [li.select_one("time")["datetime"] for li in stops if li.select_one("time")]
    assert dated == sorted(dated)


def test_trip_pages_say_who_counted_what(seed_site):
    trip5 = soup(seed_site / "trips" / "5.html")
    # 004's "fifth visit" is trip 4 by the trips file's alias: not a trip-5 discrepancy
    assert trip5.select_one("section.discrepancies") is None
    trip4 = soup(seed_site / "trips" / "4.html").get_text()
    assert "add an alias" not in trip4 and "trips file" not in trip4


def test_home_page_says_what_the_story_is(seed_site, expected):
    doc = soup(seed_site / "index.html")
    story = " ".join(doc.select_one(".story").get_text().split())
    assert "Antony Blinken" in story and "5 articles" in story and "4 trips" in story
    assert "from 9 Jan 2024 to 24 Jun 2024" in story
    key = [a.get_text() for a in doc.select(".story-people a.person-link")]
    # the people in most articles after the traveller: Netanyahu and Biden (4 of 5), then
    # people in two articles (which of them depends on the optional ones extracted)
    assert key[:2] == ["Benjamin Netanyahu", "Joe Biden"]
    in_two = {n for n in {n for s in expected for n in s["people"] + s["people_optional"]}
              if sum(n in s["people"] + s["people_optional"] for s in expected) >= 2}
    assert key[2] in in_two
    description = doc.select_one("meta[name=description]")["content"]
    assert description.startswith("Antony Blinken: 5 articles, 4 trips")


def test_every_page_has_its_own_description_and_open_graph_tags(seed_site):
    seen = {}
    for page in seed_site.rglob("*.html"):
        doc = soup(page)
        description = doc.select_one("meta[name=description]")["content"]
        assert description and len(description) <= 300, page
        title = doc.select_one("meta[property='og:title']")["content"]
        assert title == doc.title.get_text(), page
        assert doc.select_one("meta[property='og:description']")["content"] == description
        assert doc.select_one("link[rel=icon]")["href"].endswith("favicon.svg")
        seen[page.relative_to(seed_site).as_posix()] = description
    article = next(k for k in seen if k.startswith("articles/"))
    assert seen[article] != seen["index.html"] != seen["people.html"]
    assert (seed_site / "theme" / "favicon.svg").read_text().startswith("<svg")


def test_person_pages_keep_heavy_blocks_on_the_first_page(build):
    out = build(DEFAULT_PAGINATION=1, NEWS_DIGEST_LIST_LIMIT=2)
    first = soup(out / "people" / "antony-blinken.html")
    later = soup(out / "people" / "antony-blinken" / "page" / "2.html")
    assert first.select("#companions-h") and first.select_one(".companions + .more")
    assert len(first.select(".companions > li")) == 2
    assert not later.select("#companions-h") and not later.select("section.quotes")
    assert later.select_one(".page-header a[href$='antony-blinken.html']")
    numbers = [a.get_text() for a in soup(out / "index.html").select(".page-numbers a")]
    assert numbers[0] == "2" and numbers[-1] == "5"
