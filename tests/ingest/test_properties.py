"""Property-based tests: for ANY seed text the page parses and shows exactly that text.

Pages are read back with Pelican's own Markdown reader and the project's MARKDOWN
settings, so what is checked is what the site build sees. Three promises:
the page parses (metadata header intact), metadata round-trips, and the visible
text of the body equals the blocks' text, with no element other than p/h2.
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pelican.plugins.news_digest.ingest.page import (
    article_from_page,
    edited_fields,
    parse_page,
    plain_text,
    render_page,
)
from pelican.plugins.news_digest.ingest.store import is_hand_edited
from pelican.plugins.news_digest.model import ArticleData, Block, Entity, Person, Quote, Removed

from ..conftest import ROOT

# Characters that matter to Markdown, HTML, Jinja, Pelican and the metadata header,
# mixed with arbitrary Unicode (controls, bidi controls, line separators included).
SYNTAX = list("\\`*_{}[]()#+-.!<>&;:|=~\"' \t\n\r"
              "\x0b\x0c\x1c\x85\u2028\u2029\u202e\u2066\x00\x02\x03")
TOKENS = ["<script>", "</script>", "&amp;", "&#60;", "&lt;", "javascript:", "{{ 7*7 }}",
          "{% if %}", "{filename}", "|filename|", "Title: ", "Date: 2001-01-01", "    ",
          "1. ", "- ", "> ", "## ", "===", "---", "```", "~~~", "[a](b)", "![i](data:x)",
          "<http://x.y>", "&copy", "\\*", "Fingerprint: 0", "\n\n", "<!--", "-->", "\u00a0"]
text_st = st.lists(
    st.one_of(st.sampled_from(SYNTAX), st.sampled_from(TOKENS),
              st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8)),
    max_size=25,
).map("".join)
# Short texts find block-start syntax ("---", "1. x", "=") that a long text hides.
short_st = st.lists(st.one_of(st.sampled_from(SYNTAX), st.sampled_from(TOKENS)),
                    min_size=1, max_size=3).map("".join)
# Everything that starts a Markdown block (core, extra, or HTML), alone or followed by text.
BLOCK_STARTS = ["#", "##", ">", "-", "+", "*", "1.", "1)", "---", "***", "___", "===", "- - -",
                "~~~", "```", ":", "|", "    ", "\t", "<div>", "<!--", "[a]: b", "*[A]: x",
                "[^1]: n", "!!! note", "{: .x}", "Title:", "&#45;--"]
start_st = st.tuples(st.sampled_from(BLOCK_STARTS),
                     st.sampled_from(["", " ", " x", "x", "\n", "\n---"])).map("".join)
text_st = st.one_of(start_st, short_st, text_st)

PROPS = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def reader():
    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings

    return MarkdownReader(read_settings(str(ROOT / "pelican.conf.py")))


def read_page(reader, text: str) -> tuple[str, dict]:
    """Pelican's MarkdownReader on the page text: (body HTML, metadata)."""
    with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as fh:
        fh.write(text)
    try:
        return reader.read(fh.name)
    finally:
        Path(fh.name).unlink()


def visible_blocks(html: str) -> list[tuple[str, str]]:
    """(tag, text) of each top-level element; fails on anything but p and h2."""
    soup = BeautifulSoup(html, "html.parser")
    names = {t.name for t in soup.find_all(True)}
    assert names <= {"p", "h2"}, f"markup survived: {names} in {html!r}"
    # Top-level text outside p/h2 would be text Markdown did not put in a block.
    assert not [s for s in soup.find_all(string=True, recursive=False) if s.strip()], html
    return [(t.name, t.get_text()) for t in soup.find_all(["p", "h2"])]


def expected_blocks(blocks: list[Block]) -> list[tuple[str, str]]:
    return [("h2" if b.kind == "h2" else "p", plain_text(b.text))
            for b in blocks if plain_text(b.text)]


def article(**kw) -> ArticleData:
    data = ArticleData(seed="seeds/x.txt", stem="x", slug="x", title="T")
    for k, v in kw.items():
        setattr(data, k, v)
    return data


blocks_st = st.lists(st.builds(Block, st.sampled_from(["p", "h2"]), text_st), max_size=6)


@PROPS
@given(blocks=blocks_st, title=text_st, summary=text_st, source=text_st)
@example(blocks=[Block("p", "Title: x"), Block("p", "\x02wzxhzdk:0\x03")],
         title="a\nDate: 2001-01-01", summary="<script>", source="x\u2028Status: draft")
@example(blocks=[Block("h2", "#"), Block("h2", " "), Block("p", "&#x3C;b&#62;")],
         title="\u202e", summary="1. a", source="")
def test_any_text_renders_literally_and_round_trips(reader, blocks, title, summary, source):
    data = article(blocks=blocks, title=title, summary=summary, source=source or None)
    page = render_page(data, "0" * 64)
    assert not is_hand_edited(page)
    html, meta = read_page(reader, page)

    # The page parses: the header is exactly ours, the body exactly the blocks.
    assert visible_blocks(html) == expected_blocks(blocks)
    assert set(meta) <= {"title", "slug", "summary", "source", "people", "places",
                         "organizations", "seed", "seed-sha256", "extractor", "provenance",
                         "generated"}
    assert "date" not in meta and "status" not in meta and "save_as" not in meta

    # Metadata round-trips (after the writer's documented whitespace normalization).
    assert meta["title"] == (plain_text(title) or "x")
    assert meta["slug"] == "x"
    if plain_text(summary):
        assert visible_blocks(meta["summary"]) == [("p", plain_text(summary))]
    if source and plain_text(source):
        assert meta["source"] == plain_text(source)
    assert edited_fields(parse_page(page)) == set()
    # Read back without extraction, the article renders to the very same page.
    again = article_from_page(parse_page(page), "seeds/x.txt", "x")
    assert render_page(again, "0" * 64) == page


@PROPS
@given(names=st.lists(text_st, max_size=4), removed=st.lists(text_st, max_size=3),
       quotes=st.lists(text_st, max_size=3),
       date=st.one_of(st.none(), st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1))))
def test_lists_round_trip(reader, names, removed, quotes, date):
    from pelican.plugins.news_digest.ingest.page import escape_name, list_items, split_list

    data = article(people=[Person(n, [n]) for n in names], places=[Entity(n) for n in names],
                   removed=[Removed(r, "promo", 3) for r in removed], date=date,
                   quotes=[Quote(q, names[0] if names else None) for q in quotes])
    page = render_page(data, "0" * 64)
    html, meta = read_page(reader, page)
    want = [escape_name(n) for n in names]
    assert split_list(meta.get("places")) == [w for w in want if w]
    assert len(list_items(meta.get("removed"))) == len([r for r in removed if plain_text(r)])
    if date:
        assert meta["date"].date() == date
    assert html == ""
    again = article_from_page(parse_page(page), "seeds/x.txt", "x")
    assert [r.text for r in again.removed] == [plain_text(r) for r in removed if plain_text(r)]
    assert [q.text for q in again.quotes] == [plain_text(q) for q in quotes if plain_text(q)]
    assert render_page(again, "0" * 64) == page


# ------------------------------------------------------------------ cleaner + writer

raw_line_st = st.one_of(text_st, st.sampled_from([
    "By Staff Writer", "Read  Another story here", "Leave a comment", " date 2024-01-10 ",
    "Source: Newsroom", "A short subheading", "The minister spoke.Then he left.",
    "Photo May 1, 2024 (credit: NAME / AGENCY)", "<script>alert(1)</script>",
]))
seed_st = st.lists(raw_line_st, max_size=12).map("\n".join)


@PROPS
@given(seed=seed_st)
@example(seed="Headline\n\n# not a heading\n\n<b>x</b> [a](javascript:b) *c*\n")
@example(seed="Title: x\nDate: 2001-01-01\n\n{{ 7*7 }} {filename}/a.md\n")
def test_cleaned_text_survives_the_writer(reader, seed):
    from pelican.plugins.news_digest.ingest.clean import clean

    cleaned = clean(seed)
    data = article(blocks=cleaned.blocks)
    html, _ = read_page(reader, render_page(data, "0" * 64))
    assert visible_blocks(html) == expected_blocks(cleaned.blocks)
