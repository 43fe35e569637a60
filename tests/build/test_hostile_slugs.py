"""Titles that slugify to nothing, to '..', to reserved names or to each other's slug
never overwrite another output file: every seed gets its own page, the site's own
pages stay intact."""

from __future__ import annotations

from pathlib import Path

from pelican.plugins.news_digest.ingest.page import read_header

from ..conftest import make_project, run_pelican, soup

BODY = "\n\nThe minister met officials in the capital on Monday to discuss aid.\n"
TITLES = {
    "nothing.txt": "!!! ??? ***",
    "dots.txt": "..",
    "traversal.txt": "../../index",
    "index.txt": "Index",
    "people.txt": "People",
    "trips.txt": "Trips",
    "search.txt": "Search",
    "timeline.txt": "Timeline",
    "feeds.txt": "Feeds",
    "same_a.txt": "Talks resume in Cairo",
    "same_b.txt": "Talks resume in Cairo",
    "slug_of_other.txt": "talks-resume-in-cairo",
    "numbered.txt": "Talks resume in Cairo 2",
}


def test_no_title_can_overwrite_another_output_file(tmp_path):
    seeds = {name: title + BODY + f"Seed {name} only.\n" for name, title in TITLES.items()}
    root = make_project(tmp_path / "site", seeds, editor_data=False)
    out = run_pelican(root)
    pages: dict[str, Path] = {}
    for md in (root / "content" / "articles").glob("*.md"):
        pages[Path(read_header(md.read_text())["seed"]).name] = \
            out / "articles" / f"{md.stem}.html"
    assert sorted(pages) == sorted(TITLES)
    assert len(set(pages.values())) == len(TITLES)
    for name, page in pages.items():
        assert page.parent == out / "articles" and page.is_file(), name
        # Each page is that seed's page, not another's written over it.
        assert f"Seed {name} only." in soup(page).get_text(), name
    # The site's own pages are still the site's.
    assert len(soup(out / "index.html").select("article.card")) >= 1
    for own in ("people.html", "trips.html", "search.html", "timeline.html"):
        if (out / own).exists():
            h1 = soup(out / own).h1
            assert h1 is not None, own
            assert "Seed" not in soup(out / own).select_one("main").get_text()[:200], own
    assert not (tmp_path / "index.html").exists() and not (root / "index.html").exists()


def test_people_named_like_pages_never_overwrite_anything(tmp_path):
    """People whose names slugify to reserved names, to each other or to nothing
    each get their own person page, and no article or site page is replaced."""
    odd = ["Index", "People", "Search", "Page", "Jane Doe", "Jane-Doe", "Jane  Doe.", "«»",
           "Talks resume in Cairo"]
    corrections = '["same_a"]\nadd_people = [' + ", ".join(f'"{n}"' for n in odd) + "]\n"
    seeds = {name: title + BODY + f"Seed {name} only.\n" for name, title in TITLES.items()}
    root = make_project(tmp_path / "site", seeds, editor_data=False)
    (root / "content" / "corrections.toml").write_text(corrections, encoding="utf-8")
    out = run_pelican(root)
    person_pages = sorted((out / "people").glob("*.html"))
    titles = {soup(p).h1.get_text(" ", strip=True) for p in person_pages}
    for name in odd:
        assert " ".join(name.split()) in titles, (name, titles)
    # Distinct people, distinct files.
    assert len(person_pages) >= len(odd) - 1
    # Articles and the site's own pages are intact.
    for md in (root / "content" / "articles").glob("*.md"):
        seed = Path(read_header(md.read_text())["seed"]).name
        assert f"Seed {seed} only." in soup(out / "articles" / f"{md.stem}.html").get_text()
    assert soup(out / "people.html").h1 is not None
    assert soup(out / "index.html").select("article.card")
