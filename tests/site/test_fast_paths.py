"""Fast paths taken for speed give exactly what the general code gives."""

from __future__ import annotations

import io
import json
import re
from dataclasses import asdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.news_digest.ingest.cache import analyse
from pelican.plugins.news_digest.ingest.page import plain_text
from pelican.plugins.news_digest.site import search

ROOT = Path(__file__).resolve().parents[2]


def slow_plain_text(text: str) -> str:
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text)
    text = re.sub(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=40)
       | st.text(alphabet="ab \t\n\x85\xa0\u2028\u202e\x07é", max_size=20))
def test_plain_text_fast_path(text):
    assert plain_text(text) == slow_plain_text(text)


def asdict_to_json(self) -> dict:
    """``ArticleData.to_json`` as it was written with ``dataclasses.asdict``."""
    d = asdict(self)
    d["date"] = self.date.isoformat() if self.date else None
    d["date_range"] = [x.isoformat() for x in self.date_range] if self.date_range else None
    d["file"] = d.pop("seed")
    d["body_paragraphs"] = [b.text for b in self.blocks if b.kind == "p"]
    d["headings"] = [b.text for b in self.blocks if b.kind == "h2"]
    d.pop("blocks")
    d.pop("page_body")  # a page read back keeps its body; not part of the JSON
    for key in ("title", "date", "source", "summary"):
        d[f"{key}_provenance"] = d[f"{key}_provenance"]["kind"]
        d[f"{key}_provenance_detail"] = getattr(self, f"{key}_provenance").detail
    return d


def test_to_json_is_what_asdict_gives():
    files = sorted(ROOT.glob("tests/corpora/*/*.txt"))[:30] + sorted((ROOT / "seeds").glob("*.txt"))
    for f in files:
        data = analyse(f.read_text(encoding="utf-8"), f.as_posix(), f.stem)
        got = data.to_json()
        assert got == asdict_to_json(data)
        assert list(got) == list(asdict_to_json(data))


def whole_js(records, extra=None) -> str:
    """The search index as it was written: one ``json.dumps`` of the whole payload."""
    payload = {"version": search.FORMAT_VERSION, "fields": list(search.FIELDS), "docs": records}
    payload.update(extra or {})
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    data = re.sub("[<>&\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", data)
    return f"window.{search.GLOBAL_NAME}={data};\n"


TEXT = st.text(alphabet=st.sampled_from('ab <>&"\\\u2028\u2029é\x00/'), max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(TEXT | st.lists(TEXT, max_size=3) | st.integers(), max_size=10),
                max_size=5),
       st.none() | st.dictionaries(st.sampled_from(["people", "docs", "x<y"]), TEXT))
def test_streamed_search_index_is_the_whole_payload_written_at_once(records, extra):
    out = io.StringIO()
    search.write_js(out, iter(records), extra)
    assert out.getvalue() == whole_js(records, extra) == search.to_js(records, extra)


BLOCK_TAGS = [("<p>", "</p>"), ("<h2>", "</h2>"), ("<em>", "</em>"), ('<a href="x">', "</a>"),
              ("<li>", "</li>"), ('<P title="a b">', "</P>"), ("<td>", "</td>"),
              ("<blockquote><p>", "</p></blockquote>"), ("<span>", "</span>"), ("", "")]
PIECES = ["word", " ", "\n", "Katz's", "3 < 4", "a>b", "<br>", "<br/>", "<hr />", "<img src=x>",
          "é", "\t", "x<y"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(BLOCK_TAGS), st.lists(st.sampled_from(PIECES),
                                                                max_size=4),
                          st.sampled_from(BLOCK_TAGS)), max_size=8))
def test_search_text_fast_path_equals_the_parser(parts):
    html = "".join(f"{o}{i}{''.join(t)}{ic}{c}" for (o, c), t, (i, ic) in parts)
    parsed = search._SPACE.sub(" ", search._TextParser().text(html)).strip()
    assert search.html_to_text(html) == parsed == search._html_to_text_bs4(html)


def test_search_text_fast_path_on_built_pages(seed_site):
    from bs4 import BeautifulSoup

    pages = sorted((seed_site / "articles").glob("*.html"))
    assert pages
    for page in pages:
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for el in doc.select("article, main, p, ul"):
            html = el.decode_contents()
            html = html.replace("&", "and")  # the fast path only takes text without references
            parsed = search._SPACE.sub(" ", search._TextParser().text(html)).strip()
            assert search.html_to_text(html) == parsed
