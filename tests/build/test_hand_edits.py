"""Hand edits of a generated page change the built site and are marked "edited by hand";
what wins between a page edit and content/corrections.toml (real Pelican builds)."""

from __future__ import annotations

import logging
from pathlib import Path

from ..conftest import make_project, run_pelican, soup

ARTICLES = Path("content") / "articles"
TRIP_PAGE = "us-top-diplomat-blinken-lands-in-israel-for-gaza-cease-fire"
QUOTE_PAGE = "senior-israeli-leaders-met-with-visiting-blinken-on-tuesday"
CORRECTED_PAGE = "us-and-israel-must-resolve-their-differences-quickly"


def edit(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def facts(html_path: Path) -> dict[str, str]:
    page = soup(html_path)
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
            for dt in page.select("dl.facts dt")}


def test_every_header_field_edited_by_hand_shows_on_the_site(tmp_path):
    root = make_project(tmp_path / "site")
    out = run_pelican(root)
    md = root / ARTICLES / f"{TRIP_PAGE}.md"
    edit(md,
         ("Title: US top diplomat", "Title: Hand title: US top diplomat"),
         ("Date: 2024-03-22", "Date: 2024-02-06"),
         ("Summary: US Secretary", "Summary: Hand summary. US Secretary"),
         ("People:\n", "Source: Hand Source Weekly\nPeople:\n"),
         ("    - Joe Biden\n", "    - Joseph Biden (President)\n"),  # rename + role
         ("    - Mike Johnson (House Speaker)\n", ""),  # remove
         ("    - Bill Burns (CIA Director)\n",
          "    - Bill Burns (Director of the CIA)\n    - Jane Handadded (Envoy)\n"),
         ("Places: United States;", "Places: Handplace; United States;"),
         ("Organizations: Hamas;", "Organizations: Hand Org; Hamas;"),
         ("\nTrip: 6\n", "\nTrip: 5\n"),
         ("\n\nUnited States Secretary", "\n\nA paragraph the editor wrote.\n\nUnited States "
                                         "Secretary"))
    quotes = root / ARTICLES / f"{QUOTE_PAGE}.md"
    edit(quotes, ("    - Isaac Herzog: utmost", "    - Benny Gantz: utmost"))
    run_pelican(root)
    html = out / "articles" / f"{TRIP_PAGE}.html"
    f = facts(html)
    page = soup(html)
    assert page.h1.get_text() == "Hand title: US top diplomat Blinken lands in Israel for " \
                                 "Gaza cease-fire talks"
    assert f["Date"].startswith("6 Feb 2024") and "edited by hand" in f["Date"]
    assert f["Outlet"] == "Hand Source Weekly"
    assert f["Trip"].startswith("Trip 5") and "edited by hand" in f["Trip"]
    people = {li.a.get_text(strip=True) if li.a else li.get_text(strip=True):
              li.select_one(".roles").get_text(strip=True) if li.select_one(".roles") else ""
              for li in page.select("dl.facts .people-list li")}
    assert people["Joseph Biden"] == "President" and people["Jane Handadded"] == "Envoy"
    assert "Mike Johnson" not in people and people["Bill Burns"] == "Director of the CIA"
    assert f["Places"].startswith("Handplace") and f["Organizations"].startswith("Hand Org")
    assert "A paragraph the editor wrote." in page.select_one(".body").get_text()
    assert f["Edited by hand"] == ("title, date, source, summary, people, places, "
                                   "organizations, trip, text")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Hand summary." in index
    assert (out / "people" / "jane-handadded.html").is_file()
    assert TRIP_PAGE in (out / "trips" / "5.html").read_text(encoding="utf-8")
    trip6 = (out / "trips" / "6.html").read_text(encoding="utf-8")
    assert trip6.count(TRIP_PAGE) == 1 and "filed under trip 5" in trip6  # only as stated
    q = soup(out / "articles" / f"{QUOTE_PAGE}.html")
    captions = [c.get_text(" ", strip=True) for c in q.select(".quotes figcaption")]
    assert any("Benny Gantz" in c for c in captions)
    assert facts(out / "articles" / f"{QUOTE_PAGE}.html")["Edited by hand"] == "quotes"
    # the kept pages are named, and a third build still keeps them
    run_pelican(root)
    assert "Hand Source Weekly" in md.read_text(encoding="utf-8")


def test_page_edit_wins_over_corrections_file(tmp_path, caplog):
    """A hand-edited page is never overwritten, so what it says wins; a change in
    corrections.toml for it is reported, not applied. An untouched page follows it."""
    root = make_project(tmp_path / "site")
    out = run_pelican(root)
    md = root / ARTICLES / f"{CORRECTED_PAGE}.md"
    assert "Date: 2024-06-24" in md.read_text(encoding="utf-8")
    edit(md, ("Title: ", "Title: Edited: "))
    corrections = root / "content" / "corrections.toml"
    edit(corrections, ("date = 2024-06-24", "date = 2024-06-25"))
    with caplog.at_level(logging.WARNING):
        run_pelican(root)
    assert "Date: 2024-06-24" in md.read_text(encoding="utf-8")
    assert "6/24/2024" in facts(out / "articles" / f"{CORRECTED_PAGE}.html")["Date"] or \
        "24 Jun 2024" in facts(out / "articles" / f"{CORRECTED_PAGE}.html")["Date"]
    (warning,) = [r.getMessage() for r in caplog.records if md.name in r.getMessage()
                  and "by hand" in r.getMessage()]
    assert "(title)" in warning and "date" in warning.split("new values for:")[1]
    # the same correction on an untouched page is applied
    edit(md, ("Title: Edited: ", "Title: "))
    run_pelican(root)
    assert "Date: 2024-06-25" in md.read_text(encoding="utf-8")
