"""The digest's generated pages and feeds on real builds: feed titles and contents, the
sitemap, the timeline by month and by year."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..conftest import soup

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def entry_contents(path: Path) -> list[str]:
    return [(e.findtext(f"{ATOM}content") or "") for e in feed(path).iter(f"{ATOM}entry")]


def test_feed_titles_name_the_site_once(seed_site):
    for path in (seed_site / "feeds").rglob("*.atom.xml"):
        title = feed(path).findtext(f"{ATOM}title")
        assert title.count("News Digest") == 1, (path, title)
    person = feed(seed_site / "feeds" / "people" / "antony-blinken.atom.xml")
    assert person.findtext(f"{ATOM}title") == "News Digest - Articles with Antony Blinken"
    trip = feed(seed_site / "feeds" / "trips" / "4.atom.xml").findtext(f"{ATOM}title")
    assert trip.startswith("News Digest - Trip 4: ")


def test_person_and_trip_feeds_carry_summaries_the_site_feed_full_text(seed_site):
    site = entry_contents(seed_site / "feeds" / "all.atom.xml")
    person = entry_contents(seed_site / "feeds" / "people" / "antony-blinken.atom.xml")
    trip = entry_contents(seed_site / "feeds" / "trips" / "4.atom.xml")
    assert len(site) == len(person) == 5  # Blinken is in every article
    assert max(map(len, site)) > 2000  # whole articles
    assert max(map(len, person)) < 400 and max(map(len, trip)) < 400
    assert sum(map(len, person)) * 5 < sum(map(len, site))


def test_the_site_feed_can_carry_summaries_too(build):
    out = build(NEWS_DIGEST_FEED_FULL_TEXT=False)
    assert max(map(len, entry_contents(out / "feeds" / "all.atom.xml"))) < 400


def test_sitemap_leaves_out_the_404_page(seed_site):
    text = (seed_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "404.html" not in text and "index.html" not in text
    assert "articles/" in text and "people/" in text


def test_timeline_is_by_month_with_anchors(seed_site):
    doc = soup(seed_site / "timeline.html")
    months = [s["id"] for s in doc.select("section.month")]
    assert months == ["m-2024-01", "m-2024-02", "m-2024-03", "m-2024-04", "m-2024-05",
                      "m-2024-06"]
    links = [a["href"] for a in doc.select("nav.months a")]
    assert links == [f"#{m}" for m in months]
    assert len(doc.select("section#m-2024-01 li.timeline-article")) == 2


def seed(date: str, n: int) -> str:
    return (f" date {date} Minister Alice Example visits city number {n} for talks\n\n"
            f"Minister Alice Example arrived on a visit to Paris for talks number {n}, "
            "officials said on the day of the visit.\n")


def test_a_large_timeline_is_split_by_year(build):
    seeds = {f"s{i}.txt": seed(d, i) for i, d in enumerate(
        ["2022-11-03", "2023-01-10", "2023-01-20", "2023-07-01", "2024-02-02"])}
    seeds["undated.txt"] = seed("", 9).replace(" date ", "", 1)
    out = build(seeds=seeds, editor_data=False, NEWS_DIGEST_TIMELINE_SPLIT=3)
    index = soup(out / "timeline.html")
    assert not index.select("section.month")  # the years and months only
    years = [a["href"] for a in index.select("nav.months .year > a") if "#" not in a["href"]]
    assert years == ["./timeline/2022.html", "./timeline/2023.html", "./timeline/2024.html"]
    page = soup(out / "timeline" / "2023.html")
    assert [s["id"] for s in page.select("section.month")] == ["m-2023-01", "m-2023-07"]
    assert len(page.select("li.timeline-article")) == 3
    for a in page.select("a[href]"):
        href = a["href"].split("#")[0]
        if href:
            assert (out / "timeline" / href).resolve().is_file(), href
    undated = index.select_one("a[href$='timeline/undated.html']")
    assert undated is not None and not index.select("#undated-h")
    listed = soup(out / "timeline" / "undated.html").select("#undated-h + ul a")
    assert [a.get_text() for a in listed] == [
        "Minister Alice Example visits city number 9 for talks"]
    small = soup(build(seeds=seeds, editor_data=False) / "timeline.html")  # default: one page
    assert len(small.select("section.month")) == 4
