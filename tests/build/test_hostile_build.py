"""The hostile corpus (tests/hostile/*.txt) built by Pelican: every payload is text.

Checked on the built site: nothing executable comes from a seed (no script of
its own, no ``on*`` attribute, no ``javascript:``/``data:`` URL, no frame), and
every payload is shown literally where it belongs: article title, body, summary,
the removed list, the index, the feeds and the sitemap.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.news_digest.ingest.page import plain_text, read_header

from ..conftest import make_project, run_pelican, soup

HOSTILE = Path(__file__).parent / "hostile"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# Text each seed must show literally on its article page (title, body, summary or
# removed list); whitespace is compared normalized.
LITERALS: dict[str, list[str]] = {
    "html_tags.txt": [
        '<script>window.__pwned=1;alert(1)</script>',
        '<img src=x onerror="window.__pwned=1;alert(2)">',
        '<iframe src="javascript:window.parent.__pwned=1"></iframe>',
        '</textarea><script>window.__pwned=1</script>',
        '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
        '<a href="javascript:window.__pwned=1">click me</a>',
        '<!-- window.__pwned=1 -->',
        '<style>body{display:none}</style>',
        '&lt;script&gt; and &amp; and &#60;b&#62; and &#x3C;i&#x3E;',
    ],
    "markdown_links.txt": [
        "[here](javascript:window.__pwned=1;alert(3))",
        "[there](JaVaScRiPt:alert(4))",
        "![pic](javascript:window.__pwned=1)",
        "![pic2](data:image/svg+xml,<svg onload=alert(5)>)",
        "[1]: javascript:window.__pwned=1",
        "<javascript:window.__pwned=1>",
        "<http://example.com/x>",
        "*emphasis*, **strong**, _under_, __dunder__",
        "`code`",
    ],
    "pelican_metadata.txt": [
        "Title: Injected title", "Date: 1999-12-31", "Status: draft",
        "Save_as: ../../pwned.html", "Template: ../../../etc/passwd", "Slug: index",
        "Url: javascript:window.__pwned=1",
    ],
    "templates.txt": [
        "{{ 7*7 }}", "{% if true %}yes{% endif %}",
        "{% for x in range(3) %}{{ x }}{% endfor %}", "{{ SITENAME }}",
        "{filename}/secret.md", "{static}/img.png", "{attach}/file.pdf", "|filename|/x.md",
        "[a page]({filename}/articles/other.md)",
    ],
    "names_quotes.txt": [
        "</script><script>window.__pwned=1</script>",
        "Jean O'Brien-D'Arcy", '"we <3 peace" & left', "Mr. <Evil> Person </script> spoke",
        "AT&T <i>.", "backslash \\ and backtick `",
    ],
    "markdown_syntax.txt": [
        "# Heading injection ## with hashes #", "> Blockquote line", "1. ordered item",
        "- list item one", "* list item two", '<div onclick="window.__pwned=1">div block</div>',
        '<details open ontoggle="window.__pwned=1">',
    ],
}
# What a payload looks like if it ever became code or markup.
INJECTED = re.compile(r"__pwned|alert\(", re.I)
# Elements a seed could use to run code, load content or change the page.
# (The theme's own svg/img/form are allowed: they carry no seed text in attributes.)
DANGEROUS_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base",
                  "textarea", "template", "math"}
URL_ATTRS = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href")
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.I)


def norm(text: str) -> str:
    return " ".join(text.split())


def build_hostile(root: Path, extra: dict[str, bytes | str] | None = None) -> Path:
    seeds: dict[str, bytes | str] = {p.name: p.read_bytes() for p in HOSTILE.glob("*.txt")}
    seeds.update(extra or {})
    make_project(root, seeds, editor_data=False)
    return run_pelican(root)


def pages_by_seed(root: Path) -> dict[str, Path]:
    """Seed file name -> built article page (via the generated Markdown page's header)."""
    found = {}
    for md in (root / "content" / "articles").glob("*.md"):
        meta = read_header(md.read_text(encoding="utf-8"))
        if meta.get("seed"):
            found[Path(meta["seed"]).name] = root / "output" / "articles" / f"{md.stem}.html"
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    build_hostile(root)
    return root


@pytest.fixture(scope="module")
def by_seed(site) -> dict[str, Path]:
    return pages_by_seed(site)


def test_every_hostile_seed_is_published(site, by_seed):
    assert sorted(by_seed) == sorted(p.name for p in HOSTILE.glob("*.txt"))
    for page in by_seed.values():
        assert page.is_file(), page
    # Nothing written outside the output folder, no draft, no page at a seed's chosen path.
    assert not list(site.rglob("pwned.html"))
    assert not (site / "output" / "drafts").exists()


@pytest.mark.parametrize("seed", sorted(LITERALS))
def test_payloads_render_literally_on_the_article_page(by_seed, seed):
    page = soup(by_seed[seed])
    text = norm(page.select_one("main").get_text(" ") if page.select_one("main")
                else page.get_text(" "))
    text_nospace = "".join(text.split())
    for literal in LITERALS[seed]:
        # Whitespace may differ where the cleaner joined or split lines.
        assert norm(literal) in text or "".join(literal.split()) in text_nospace, \
            f"{seed}: {literal!r} not shown literally"


def test_titles_render_literally_in_h1_and_title(by_seed):
    for seed in ("html_tags.txt", "names_quotes.txt", "templates.txt"):
        md = next(p for p in by_seed[seed].parents[1].parent.glob("content/articles/*.md")
                  if read_header(p.read_text())["seed"].endswith(seed))
        title = read_header(md.read_text())["title"]
        page = soup(by_seed[seed])
        assert norm(page.h1.get_text()) == norm(title)
        assert norm(page.title.get_text()).startswith(norm(title))
    assert "<script>" in norm(soup(by_seed["html_tags.txt"]).h1.get_text())
    assert "{{ 7*7 }}" in soup(by_seed["templates.txt"]).h1.get_text()


def test_metadata_lines_in_a_seed_do_not_become_metadata(site, by_seed):
    page = soup(by_seed["pelican_metadata.txt"])
    assert by_seed["pelican_metadata.txt"].parent == site / "output" / "articles"
    assert by_seed["pelican_metadata.txt"].stem != "index"
    assert "1999" not in (page.select_one(".facts") or page).get_text().replace(
        "Date: 1999-12-31", "")


def test_body_has_no_markup_from_the_seed(by_seed):
    allowed = {"p", "h2", "a", "span", "q", "mark", "abbr", "cite"}  # + annotation links
    for seed, path in by_seed.items():
        body = soup(path).select_one(".body")
        assert body is not None, path
        tags = {t.name for t in body.find_all(True)}
        assert tags <= allowed, f"{seed}: markup from the seed survived: {tags - allowed}"
        for a in body.find_all("a"):
            href = a.get("href", "")
            assert href.endswith(".html") and not BAD_SCHEME.match(href), (seed, href)


def test_summaries_on_the_index_are_literal(site):
    index = soup(site / "output" / "index.html")
    text = norm(index.get_text(" "))
    assert "onerror=\"window.__pwned=1;alert('standfirst')\"" in text
    for card in index.select(".summary"):
        assert not card.find_all(lambda t: t.name not in {"p", "a", "span"})


def test_removed_list_is_literal(by_seed):
    removed = []
    for path in by_seed.values():
        removed += [norm(li.get_text(" ")) for li in soup(path).select(".editor-notes .removed li")]
    assert any("<script>window.__pwned=1</script>" in r for r in removed), removed


# Output folders of shipped code (the theme's and the plugin's static files), not seed text.
SHIPPED = ("theme", "news-digest")


def all_outputs(site: Path) -> list[Path]:
    out = site / "output"
    return [p for p in out.rglob("*")
            if p.is_file() and not set(SHIPPED) & set(p.relative_to(out).parts)]


def _describes(tag, attr: str) -> bool:
    """A <meta> description or Open Graph text: plain text for previews, never markup."""
    key = tag.get("name") or tag.get("property") or ""
    return tag.name == "meta" and attr == "content" and (
        key == "description" or key.startswith("og:"))


def test_page_descriptions_hold_seed_text_as_text(site):
    """The title's <script> shows in the page's description as the characters it is."""
    pages = [p for p in all_outputs(site) if p.suffix == ".html"]
    found = []
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        doc = BeautifulSoup(raw, "html.parser")
        for meta in doc.find_all("meta"):
            if _describes(meta, "content") and INJECTED.search(meta["content"]):
                found.append(meta["content"])
        assert not re.search(r"content=\"[^\"]*<script", raw), page
    assert any("<script>" in text for text in found)


def test_no_injected_code_anywhere_in_the_output(site):
    out = site / "output"
    html_pages = [p for p in all_outputs(site) if p.suffix == ".html"]
    assert len(html_pages) >= 8
    for page in html_pages:
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in doc.find_all("script"):
            src = script.get("src")
            if src:
                target = (page.parent / unquote(urlsplit(src).path)).resolve()
                assert target.is_relative_to(out.resolve()) and target.is_file(), (page, src)
                shipped = set(SHIPPED) & set(target.relative_to(out.resolve()).parts)
                assert target.name == "search-index.js" or shipped, (page, src)
            else:
                assert not INJECTED.search(script.get_text()), f"{page}: injected inline script"
        for tag in doc.find_all(True):
            assert tag.name not in DANGEROUS_TAGS, f"{page}: <{tag.name}> in output"
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), f"{page}: {tag.name}[{attr}]"
                if attr.lower() in URL_ATTRS:
                    assert not BAD_SCHEME.match(str(value)), f"{page}: {attr}={value!r}"
                if _describes(tag, attr):
                    continue  # a page's description is its seed text, as text (checked below)
                assert not INJECTED.search(str(value)), f"{page}: {tag.name}[{attr}]={value!r}"
        refresh = doc.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
        assert refresh is None, page


def test_search_index_is_data_only(site):
    index = site / "output" / "search-index.js"
    if not index.exists():
        pytest.skip("no search index in this build")
    text = index.read_text(encoding="utf-8")
    assert "<" not in text and "\u2028" not in text and "\u2029" not in text
    prefix, _, rest = text.partition("=")
    assert re.fullmatch(r"window\.[A-Z_]+", prefix)
    data = json.loads(rest.rstrip().rstrip(";"))
    assert "<script>window.__pwned=1;alert(1)</script>" in json.dumps(data, ensure_ascii=False)


def test_feeds_are_valid_and_literal(site, by_seed):
    feeds = list((site / "output" / "feeds").rglob("*.xml"))
    assert feeds
    titles = {}
    for md in (site / "content" / "articles").glob("*.md"):
        meta = read_header(md.read_text())
        titles[f"articles/{md.stem}.html"] = meta["title"]
    seen = 0
    for feed in feeds:
        root = ET.parse(feed).getroot()  # well-formed XML or this raises
        for entry in root.iter(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link").get("href")
            assert not BAD_SCHEME.match(link)
            key = next((k for k in titles if link.endswith(k)), None)
            assert key, link
            assert norm(entry.find(f"{ATOM}title").text) == norm(titles[key]), feed
            content = entry.find(f"{ATOM}content")
            if content is not None and content.text:
                html = BeautifulSoup(content.text, "html.parser")
                assert {t.name for t in html.find_all(True)} <= {"p", "h2", "a", "span", "q"}
                assert not [a for t in html.find_all(True) for a in t.attrs
                            if a.lower().startswith("on")]
            seen += 1
    assert seen >= 4  # the dated hostile seeds


def test_sitemap_lists_every_article_and_nothing_else(site, by_seed):
    root = ET.parse(site / "output" / "sitemap.xml").getroot()
    locs = [u.find(f"{SITEMAP}loc").text for u in root.iter(f"{SITEMAP}url")]
    for loc in locs:
        assert not BAD_SCHEME.match(loc) and "<" not in loc and "__pwned" not in loc
    for page in by_seed.values():
        assert any(loc.endswith(f"articles/{page.name}") for loc in locs), page.name


def test_bidi_and_line_separators_cannot_reorder_or_break_pages(site):
    for page in all_outputs(site):
        if page.suffix in {".html", ".xml", ".js"}:
            text = page.read_text(encoding="utf-8")
            for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029":
                assert ch not in text, f"{page}: U+{ord(ch):04X}"
    # ...and the words around them are still there.
    text = (site / "output").joinpath("index.html").read_text(encoding="utf-8")
    assert "RTL override" in text or any(
        "RTL override" in p.read_text() for p in (site / "output" / "articles").glob("*.html"))
    assert plain_text("a\u202eb\u2028c") == "ab c"


def test_feed_titles_with_markup_characters_are_literal(site):
    titles = {f"articles/{md.stem}.html": read_header(md.read_text())["title"]
              for md in (site / "content" / "articles").glob("*.md")}
    root = ET.parse(site / "output" / "feeds" / "all.atom.xml").getroot()
    got = {e.find(f"{ATOM}link").get("href"): e.find(f"{ATOM}title").text
           for e in root.iter(f"{ATOM}entry")}
    for link, title in got.items():
        key = next(k for k in titles if link.endswith(k))
        assert norm(title) == norm(titles[key])
