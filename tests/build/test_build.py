"""A real Pelican build of the five seeds, checked with BeautifulSoup against the spec."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ..conftest import soup

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u00a0": " "})


def norm(text: str) -> str:
    return " ".join(text.translate(QUOTES).split())


def article_pages(output: Path) -> dict[str, Path]:
    """Seed file name -> its built article page (the page shows its seed path)."""
    found = {}
    for page in (output / "articles").glob("*.html"):
        code = soup(page).select_one("code.seed")
        found[Path(code.get_text()).name] = page
    return found


@pytest.fixture(scope="module")
def pages(seed_site):
    return article_pages(seed_site)


def test_every_seed_has_a_page(seed_site, pages, expected):
    assert sorted(pages) == sorted(s["file"] for s in expected)
    index = soup(seed_site / "index.html")
    assert len(index.select("article.card")) == len(expected)


def body_text(page: Path) -> str:
    # No separator: inline links (annotated people) must not split "Biden’s" apart;
    # blocks are already separated by newlines in the rendered HTML.
    return norm(soup(page).select_one(".body").get_text())


@pytest.mark.parametrize("i", range(5))
def test_article_page_matches_spec(pages, expected, i):
    spec = expected[i]
    page = soup(pages[spec["file"]])
    title = norm(page.h1.get_text())
    if spec["title"]:
        assert title.strip("'\"") == norm(spec["title"])
    else:
        assert 0 < len(title) <= 100
    body = body_text(pages[spec["file"]])
    for sentence in spec["must_keep"]:
        assert norm(sentence) in body
    for removed in spec["removed"]:
        assert norm(removed) not in body
        shown = norm(page.select_one(".editor-notes .removed").get_text(" "))
        assert norm(removed) in shown
    if spec.get("headings"):
        assert [norm(h.get_text()) for h in page.select(".body h2")] == spec["headings"]
    date = page.select_one(".facts time")
    if spec["date_provenance"] == "text":
        assert date is not None and date["datetime"] == spec["date"]
    if spec["source"]:
        assert spec["source"] in page.select_one(".facts").get_text()


def test_summaries_on_index(seed_site, expected):
    index = soup(seed_site / "index.html")
    summaries = [norm(s.get_text()) for s in index.select(".card .summary")]
    for spec in expected:
        if spec.get("summary_starts"):
            assert any(s.startswith(spec["summary_starts"]) for s in summaries)


def test_undated_articles_are_published_and_shown_undated(seed_site, pages, expected):
    undated = [s for s in expected if s["date_provenance"] != "text"]
    for spec in undated:
        page = soup(pages[spec["file"]])
        assert page.select_one(".facts .date") is not None


def test_internal_links_resolve_to_html_files(seed_site):
    for page in seed_site.rglob("*.html"):
        for tag in soup(page).find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith(("#", "mailto:")):
                continue
            assert not re.match(r"^[a-z]+:", ref), f"{page}: absolute link {ref}"
            target = (page.parent / unquote(urlsplit(ref).path)).resolve()
            assert target.is_file(), f"{page}: {ref} does not resolve"
            assert not ref.endswith("/"), f"{page}: {ref} points to a directory"


def test_site_basics(seed_site):
    assert not (seed_site / ".nojekyll").exists()  # only publishing asks for it
    assert (seed_site / "404.html").exists()
    assert (seed_site / "sitemap.xml").exists()
    assert (seed_site / "feeds" / "all.atom.xml").exists()
    html = (seed_site / "index.html").read_text()
    assert "http://" not in html and "https://" not in html


def test_own_theme_is_used(seed_site):
    assert (seed_site / "theme" / "css" / "digest.css").exists()
    assert soup(seed_site / "index.html").select_one("a.skip-link")


HOSTILE_SEED = """Title: injected
Date: 1999-01-01

<script>alert(1)</script> and <img src=x onerror=alert(2)> text.

[x](javascript:alert(3)) and ![i](data:text/html,hi)

# not a heading

*stars* and {filename}/secret.md and {{ 7*7 }} and {% raw %}.
"""


def test_hostile_seed_renders_literally(build):
    out = build(seeds={"evil.txt": HOSTILE_SEED})
    (page,) = (out / "articles").glob("*.html")
    doc = soup(page)
    assert not doc.select(".body script, .body img, .body a, .body h1, .body em")
    assert doc.find("script") is None
    text = doc.select_one(".body").get_text(" ")
    for literal in ["<script>alert(1)</script>", "onerror=alert(2)", "[x](javascript:alert(3))",
                    "# not a heading", "*stars*", "{filename}/secret.md", "{{ 7*7 }}",
                    "{% raw %}"]:
        assert literal in text
    assert "1999" not in doc.select_one(".facts").get_text()
