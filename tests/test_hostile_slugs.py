"""Titles that slugify to nothing, to '..', to reserved names or to each other's slug
never overwrite another output file: every seed gets its own page, the site's own
pages stay intact."""

from __future__ import annotations

from pathlib import Path

from news_digest.markdown import read_header

from .conftest import make_project, run_pelican, soup

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
