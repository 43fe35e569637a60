"""The Markdown writer: seed text renders literally, metadata cannot be injected."""

from __future__ import annotations

import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from pelican.plugins.news_digest.ingest import page as page_module
from pelican.plugins.news_digest.ingest.page import (
    escape_block,
    read_header,
    render_page,
    split_list,
)
from pelican.plugins.news_digest.model import ArticleData, Block

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](data:text/html,<b>x</b>)",
    "# not a heading",
    "*stars* and _underscores_ and **bold**",
    "Title: injected",
    "{filename}/x.md and {static}/y.png and {{ 7*7 }} {% if %}",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "12) not a list",
    "=== not an underline",
    "--- not a rule",
    "~~~ not a fence",
    "``` not a fence",
    ": not a definition",
    "| a | b |",
    "<http://example.com> autolink",
    "AT&T &amp; &#65; &lt;b&gt;",
    "back\\slash \\* escaped",
    "`code` spans",
    "trailing {: .attr}",
    "<!-- comment -->",
    "    indented code",
]


def render(md: str) -> str:
    return markdown.markdown(md, extensions=["markdown.extensions.extra"], output_format="html5")


@pytest.mark.parametrize("text", HOSTILE)
def test_block_renders_literally(text):
    html = render(escape_block(text))
    soup = BeautifulSoup(html, "html.parser")
    # One paragraph, no other element, same visible text (whitespace-normalized).
    assert [t.name for t in soup.find_all(True)] == ["p"], html
    assert soup.get_text() == " ".join(text.split())


def page(**kw) -> ArticleData:
    data = ArticleData(seed="seeds/x.txt", stem="x", slug="x", title="T")
    for k, v in kw.items():
        setattr(data, k, v)
    return data


def test_body_first_line_cannot_become_metadata():
    text = render_page(page(blocks=[Block("p", "Title: injected"), Block("p", "Date: 2001-01-01")]),
                       "0" * 64)
    meta = read_header(text)
    assert meta["title"] == "T"
    assert "date" not in meta
    md = markdown.Markdown(extensions=["markdown.extensions.meta"])
    html = md.convert(text)
    assert md.Meta["title"] == ["T"] and "date" not in md.Meta
    assert "Title: injected" in BeautifulSoup(html, "html.parser").get_text()


def test_title_with_newline_cannot_add_metadata():
    text = render_page(page(title="A\nDate: 2001-01-01\n\nbody"), "0" * 64)
    meta = read_header(text)
    assert "date" not in meta
    assert meta["title"] == "A Date: 2001-01-01 body"


def test_header_has_no_json_and_removed_text_reads_back_literally():
    from pelican.plugins.news_digest.ingest.page import article_from_page, parse_page
    from pelican.plugins.news_digest.model import Removed

    hostile = "</script><script>alert(1)</script>"
    text = render_page(page(removed=[Removed(hostile, "promo", 4)]), "0" * 64)
    assert "Digest:" not in text and "    - line 4, promo: " + hostile in text
    assert article_from_page(parse_page(text), "seeds/x.txt", "x").removed[0].text == hostile


def test_heading_escaped():
    text = render_page(page(blocks=[Block("h2", "Sub *heading* #tag #")]), "0" * 64)
    html = render(text.split("\n\n", 1)[1])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h2.get_text() == "Sub *heading* #tag #"


def test_split_list():
    assert split_list("A; B ;; C") == ["A", "B", "C"]
    assert split_list("") == []


@given(st.lists(st.sampled_from(["a", "b", " ", "  ", "\t", "\n", "-", "é", "\xa0", "\u2003",
                                 "\u3000", "x" * 30]), max_size=14).map("".join)
       | st.text(max_size=120))
def test_short_values_wrap_exactly_as_textwrap_does(value: str) -> None:
    """page._wrap skips textwrap for short plain values; the lines must be the same."""
    want = textwrap.wrap(value, page_module.WRAP, break_long_words=False,
                         break_on_hyphens=False) or [""]
    assert page_module._wrap(value) == want
