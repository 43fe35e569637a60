"""People links through the fast path: only the top-level elements that mention someone
are parsed, with one pattern for the whole build. It must link exactly what parsing the
whole document with a pattern of the article's own names links."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.news_digest.site.annotate import (
    Matcher,
    _annotate_fragment,
    _annotate_plain,
    annotate_html,
    mention_forms,
    split_top_level,
)

FORMS = mention_forms(["Antony Blinken", "Israel Katz", "Ann Lee"], avoid=["Israel"])
HREFS = {"Antony Blinken": "B", "Israel Katz": "K", "Ann Lee": "L"}
# Forms of other articles of the same build: longer, shorter and overlapping ones.
OTHERS = ["Antony Blinken Jr", "Ann", "Lee Ann", "Katz Group", "Blink", "Israel"]


def whole_document(html: str, forms=FORMS, hrefs=HREFS) -> str:
    """The reference: the whole document parsed at once, a pattern of the article's forms."""
    forms = {f: n for f, n in forms.items() if n in hrefs}
    return _annotate_fragment(html, forms, hrefs, Matcher(forms), set())


def same_tree(a: str, b: str) -> bool:
    return str(BeautifulSoup(a, "html.parser")) == str(BeautifulSoup(b, "html.parser"))


def old_matches(text: str, forms) -> list[tuple[int, int, str]]:
    """The former per-article pattern: an alternation of the forms, longest first."""
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?<!\w['’])(?:{body})(?![\w])(?!-\w)")
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("html, pieces", [
    ("<p>a</p>\n<p>b</p>", ["<p>a</p>", "\n", "<p>b</p>"]),
    ("<ul>\n<li>a</li>\n</ul><hr/>x <br> y", ["<ul>\n<li>a</li>\n</ul>", "<hr/>", "x ",
                                             "<br>", " y"]),
    ('<p title="1 < 2">x</p>', None),  # a quoted "<": not vouched for
    ('<p class="a" data-x=\'b\'>x &amp; <a href="/p/q">y</a></p>',
     ['<p class="a" data-x=\'b\'>x &amp; <a href="/p/q">y</a></p>']),
    ("<p>a 3 < 4 b</p>", ["<p>a 3 < 4 b</p>"]),
    ("<p><em>a</p></em>", None),  # misnested
    ("<p>a", None),  # unclosed
    ("a</p>", None),  # stray end tag
    ("<p>a</p><!-- c -->", None),
    ("<p>a</p><script>x</script>", None),
    ("<div/><p>x</p>", ["<div/>", "<p>x</p>"]),
])
def test_split_top_level(html, pieces):
    assert split_top_level(html) == pieces


@pytest.mark.parametrize("html", [
    "<p>Antony Blinken met Katz.</p>\n<p>Nothing here.</p>\n<h2>Blinken</h2>",
    "Blinken at the top.<p>Blinken</p>Blinken again <em>Katz</em> and Katz",
    "<p>Nothing.</p><p>Jos&eacute; and Ann&#32;Lee with Katz</p><p>Ann Lee</p>",
    "<table><tr><td>Katz</td><td>Katz</td></tr></table><p>Katz</p>",
    "<p>Antony Blinken Jr and Lee Ann and Blink and Ann Lee's aide</p>",
    "<p>a</p><p>Katz <!-- Antony Blinken --> Katz</p>",  # falls back to one parse
])
def test_split_path_links_what_the_whole_document_path_links(html):
    matcher = Matcher([*FORMS, *OTHERS])
    out = annotate_html(html, FORMS, HREFS, matcher)
    assert same_tree(out, whole_document(html))
    assert annotate_html(html, FORMS, HREFS) == out  # without a build matcher: the same


def test_untouched_elements_are_copied_verbatim():
    html = "<p class='x'>No one &amp; nothing<br></p>\n<p>Katz spoke.</p>"
    out = annotate_html(html, FORMS, HREFS, Matcher(FORMS))
    assert out.startswith("<p class='x'>No one &amp; nothing<br></p>\n")
    assert out.endswith('<p><a class="person" href="K">Katz</a> spoke.</p>')


def test_a_mention_written_with_an_entity_is_still_found():
    html = "<p>Katz</p><p>Antony&nbsp;Blinken</p><p>Ann&#32;Lee</p>"
    out = BeautifulSoup(annotate_html(html, FORMS, HREFS, Matcher(FORMS)), "html.parser")
    # a no-break space is not a space: its surname is linked
    assert [a.get_text() for a in out.select("a.person")] == ["Katz", "Blinken", "Ann Lee"]


@pytest.mark.parametrize("html, linked", [
    ("<p>Katz and Katz.</p><p>Katz</p><h2>Antony Blinken</h2><p>Blinken</p>",
     ["Katz", "Antony Blinken"]),
    ("<ul><li>Katz</li><li>Katz</li></ul><p>Katz &amp; Ann Lee</p>", ["Katz", "Ann Lee"]),
    ("Katz at the top<p>Katz <!-- c --> Katz</p>", ["Katz"]),  # the whole-document path
])
def test_each_person_is_linked_once_per_article(html, linked):
    out = BeautifulSoup(annotate_html(html, FORMS, HREFS, Matcher(FORMS)), "html.parser")
    assert [a.get_text() for a in out.select("a.person")] == linked


WORDS = ["Antony", "Blinken", "Antony Blinken", "Katz", "Israel", "Ann", "Lee", "Ann Lee",
         "Jr", "Blink", "Group", "-", "'", "’", "s", " ", " ", ".", ",", "x", "O'", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25),
       st.sets(st.sampled_from(list(FORMS) + OTHERS), min_size=1))
def test_build_matcher_finds_what_the_article_pattern_finds(words, forms):
    text = "".join(words)
    everything = Matcher([*FORMS, *OTHERS])
    assert list(everything.matches(text, forms)) == old_matches(text, forms)


TAGS = [("<p>", "</p>"), ("<h2>", "</h2>"), ("<em>", "</em>"), ('<a href="x">', "</a>"),
        ("<code>", "</code>"), ("<li>", "</li>"), ('<p title="Katz">', "</p>"),
        ("<blockquote><p>", "</p></blockquote>"), ("", "")]
TEXTS = ["Antony Blinken", "Blinken", "Katz", "Ann Lee", "Israel Katz", " and ", "&amp;",
         "Katz&#39;s", "x", "\n", "Blinkens", "Lee Ann", "Antony Blinken Jr", "3 < 4"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TAGS), st.lists(st.sampled_from(TEXTS), max_size=4),
                          st.sampled_from(TAGS)), max_size=8))
def test_split_path_equals_whole_document_on_random_documents(parts):
    html = "".join(f"{o}{i}{''.join(t)}{ic}{c}" for (o, c), t, (i, ic) in parts)
    out = annotate_html(html, FORMS, HREFS, Matcher([*FORMS, *OTHERS]))
    if out is html:
        assert not BeautifulSoup(whole_document(html), "html.parser").select("a.person")
    else:
        assert same_tree(out, whole_document(html))


PLAIN_TEXTS = [t for t in TEXTS if "&" not in t] + ["O'Katz", "Katz-like", "é Katz"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TAGS), st.lists(st.sampled_from(PLAIN_TEXTS),
                                                          max_size=4),
                          st.sampled_from(TAGS)), max_size=8))
def test_the_tree_free_path_links_what_the_tree_links(parts):
    html = "".join(f"{o}{i}{''.join(t)}{ic}{c}" for (o, c), t, (i, ic) in parts)
    matcher = Matcher([*FORMS, *OTHERS])
    forms = {f: n for f, n in FORMS.items() if n in HREFS}
    for chunk in split_top_level(html):
        assert _annotate_plain(chunk, forms, HREFS, matcher, set()) is not None
    out = annotate_html(html, FORMS, HREFS, matcher)
    assert same_tree(out, whole_document(html))


def test_the_tree_free_path_declines_character_references_and_odd_hrefs():
    matcher = Matcher(FORMS)
    forms = {f: n for f, n in FORMS.items() if n in HREFS}
    assert _annotate_plain("<p>Katz &amp; Blinken</p>", forms, HREFS, matcher, set()) is None
    odd = {**HREFS, "Israel Katz": 'K"x'}
    assert _annotate_plain("<p>Katz</p>", forms, odd, matcher, set()) is None
    out = annotate_html("<p>Katz</p>", FORMS, odd, matcher)
    assert BeautifulSoup(out, "html.parser").a["href"] == 'K"x'
