"""The search index: complete, plain text, and safe to load with a <script src>."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pelican.plugins.news_digest.site import search

PREFIX = f"window.{search.GLOBAL_NAME}="


def load(js: str) -> dict:
    assert js.startswith(PREFIX) and js.endswith(";\n")
    return json.loads(js[len(PREFIX):-2])


HOSTILE = ['</script><script>alert(1)</script>', '<!-- x', '"quoted" & <b>',
           'line\u2028sep\u2029para', "{{ 7*7 }}", "back\\slash", "\x00nul"]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_is_inert_in_the_script(text):
    js = search.to_js([["articles/a.html", text, "", "", text, "", [text], [text], text, text]])
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in js
    doc = load(js)["docs"][0]
    assert doc[1] == text and doc[6] == [text] and doc[9] == text


def test_html_to_text_keeps_visible_text_only():
    html = '<p>One <a href="x">two</a></p><h2>Three</h2><p>&lt;script&gt; four</p>'
    assert search.html_to_text(html) == "One two Three <script> four"
    linked = ('<p>Met <a href="p.html">Benjamin Netanyahu</a>\u2019s aide.</p>'
              "<ul><li>a</li><li>b</li></ul>")
    assert search.html_to_text(linked) == "Met Benjamin Netanyahu\u2019s aide. a b"


class _Article:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def test_record_of_an_undated_article_has_no_date():
    import datetime

    a = _Article(url="articles/x.html", title="T", date=datetime.datetime(1900, 1, 1),
                 undated=True, trip="4", people=["A B"], places=["Gaza"],
                 summary="<p>S</p>", content="<p>Body</p>")
    rec = dict(zip(search.FIELDS, search.article_record(a), strict=True))
    assert rec["date"] == "" and rec["datetime"] == ""
    assert rec["trip"] == "Trip 4" and rec["summary"] == "S" and rec["body"] == "Body"


def test_built_index_covers_every_article(seed_site: Path):
    index = load((seed_site / search.INDEX_FILE).read_text(encoding="utf-8"))
    assert index["fields"] == list(search.FIELDS)
    urls = {d[0] for d in index["docs"]}
    pages = {p.relative_to(seed_site).as_posix() for p in (seed_site / "articles").glob("*.html")}
    assert urls == pages
    for doc in index["docs"]:
        rec = dict(zip(search.FIELDS, doc, strict=True))
        assert rec["title"] and len(rec["body"]) > 200
        assert "<p>" not in rec["body"]
    search_page = (seed_site / "search.html").read_text(encoding="utf-8")
    assert 'src="./search-index.js"' in search_page
    assert "<noscript>" in search_page


def test_record_uses_the_resolved_trip_and_approximate_dates():
    import datetime

    trip = _Article(number=4, url="trips/4.html")
    a = _Article(url="articles/y.html", title="T", date=datetime.datetime(1900, 1, 1),
                 undated=True, trip="5", digest_trip=trip,
                 date_range=(datetime.date(2024, 1, 5), datetime.date(2024, 1, 11)),
                 people=[], places=[], summary="", content="")
    rec = dict(zip(search.FIELDS, search.article_record(a), strict=True))
    assert (rec["trip"], rec["trip_url"]) == ("Trip 4", "trips/4.html")
    assert rec["date"] == "5 Jan 2024\u201311 Jan 2024 (approximate)" and rec["datetime"] == ""


@pytest.mark.parametrize("name, short", [
    ("International Court of Justice", "ICJ"), ("United Nations", "UN"),
    ("Hamas", ""), ("CIA", ""), ("NATO", ""), ("Israel Defense Forces", "IDF"),
    ("U.S. Congress", ""), ("Al-Aqsa Martyrs Brigades", "AAMB"),
])
def test_acronyms_of_organizations(name, short):
    assert search.acronym(name) == short


def test_vocabulary_has_long_words_and_compounds_folded():
    records = [["u", "Cease-fire talks in Zürich", "", "", "", "", ["Benjamin Netanyahu"],
                [], "A ceasefire", "Négociations", "Islam Times", []]]
    v = search.vocabulary(records)
    assert v["compounds"] == ["cease-fire"]
    for word in ("cease", "ceasefire", "zurich", "benjamin", "netanyahu", "negociations",
                 "talks", "times", "islam"):
        assert (word in v["words"]) == (len(word) >= search.TYPO_MIN), word
    assert v["words"] == sorted(v["words"])


def test_built_index_has_entities_vocabulary_and_labels(seed_site: Path):
    index = load((seed_site / search.INDEX_FILE).read_text(encoding="utf-8"))
    kinds = {}
    for e in index["entities"]:
        rec = dict(zip(search.ENTITY_FIELDS, e, strict=True))
        kinds.setdefault(rec["kind"], {})[rec["name"]] = rec
    blinken = kinds["person"]["Antony Blinken"]
    assert "Tony Blinken" in blinken["aliases"] and blinken["url"].endswith(".html")
    assert blinken["detail"] == "US Secretary of State; 5 articles"
    trip4 = kinds["trip"]["Trip 4: Fourth trip to the Middle East since 7 October"]
    assert "fifth visit to Israel" in trip4["aliases"] and "5–11 Jan 2024" in trip4["detail"]
    rafah = kinds["place"]["Rafah"]
    assert rafah["url"] == "" and [label for label, _ in rafah["links"]] == ["Trip 6", "Trip 7"]
    assert "cease-fire" in index["vocab"]["compounds"]
    assert "netanyahu" in index["vocab"]["words"]
    docs = [dict(zip(search.FIELDS, d, strict=True)) for d in index["docs"]]
    assert {d["source"] for d in docs} >= {"Islam Times", "World Israel News"}
    assert any("International Court of Justice ICJ" in d["orgs"] for d in docs)
    labels = sorted(d["date"].split(" (")[-1] for d in docs if "(" in d["date"])
    assert labels == ["corrected by the editor)", "inferred)", "inferred)"]
