"""The place rules (places.FEATURE_RULES and PLACE_RULES), one row each: an invented
sentence, the word the row's rule must decide (the first rule of its table that applies
there), and the places the sentence gives."""

from __future__ import annotations

import pytest
from pelican.plugins.news_digest.extract import gazetteer, places
from pelican.plugins.news_digest.extract.lexicon import tokenize

FEATURE_ROWS = [
    ("direction of a place", "Troops moved in northern Vantoria on Monday.", "northern",
     ["Vantoria"]),
    ("the name and a lower-case feature", "Guards closed the Orvel border.", "border",
     ["Orvel"]),
    ("after a place preposition", "She drove through Kessaly.", "through", ["Kessaly"]),
    ("settlement noun", "They reached the border town of Marrowick.", "town", ["Marrowick"]),
    ("feature word before", "Boats crossed Lake Vorrin yesterday.", "Lake", ["Lake Vorrin"]),
    ("feature word of", "Ships entered the Strait of Quellan.", "Strait",
     ["Strait of Quellan"]),
    ("feature or admin word after", "Fishing in the Tessaly Sea is banned.", "Sea",
     ["Tessaly Sea"]),
    ("feature or admin word after: admin word", "Fighting spread in the Dorvak region.",
     "region", ["Dorvak"]),
]

PLACE_ROWS = [
    ("currency", "The loan was US$3 million.", "US", []),
    ("not a place here", "Nevada Quillby said the plan was ready.", "Nevada", []),
    ("direction before a region", "Aid reached East Java today.", "Java", ["East Java"]),
    ("direction after a region", "Farmers in Mashonaland West sold maize.", "Mashonaland",
     ["Mashonaland West"]),
    ("direction initial", "Talks with S. Sudan stalled.", "Sudan", ["South Sudan"]),
    ("gazetteer name", "Talks in Mongolia stalled.", "Mongolia", ["Mongolia"]),
]


def _first_feature_rule(text: str, word: str) -> str:
    toks = tokenize(text)
    h = toks.words.index(word)
    return next(name for name, rule in places.FEATURE_RULES
                if rule(places._FeatureScan(toks, toks.words), h))


def _first_place_rule(text: str, word: str) -> str:
    toks = tokenize(text)
    words = places._match_words(toks, ())
    hit = places._longest_name(places._PlaceScan(toks, words, (), gazetteer.places()),
                               toks.words.index(word))
    return next(name for name, rule in places.PLACE_RULES
                if rule(places._PlaceScan(toks, words, (), gazetteer.places()), hit) is not None)


@pytest.mark.parametrize("rule, text, word, expected", FEATURE_ROWS,
                         ids=[r[0] for r in FEATURE_ROWS])
def test_feature_rule(rule, text, word, expected):
    assert _first_feature_rule(text, word) == rule.split(":")[0]
    toks = tokenize(text)
    assert [name for _end, name in places._features(toks, toks.words).values()] == expected


@pytest.mark.parametrize("rule, text, word, expected", PLACE_ROWS, ids=[r[0] for r in PLACE_ROWS])
def test_place_rule(rule, text, word, expected):
    assert _first_place_rule(text, word) == rule
    assert [name for _i, _end, name in places.match_places(tokenize(text))] == expected


@pytest.mark.parametrize("table, rows", [(places.FEATURE_RULES, FEATURE_ROWS),
                                         (places.PLACE_RULES, PLACE_ROWS)],
                         ids=["FEATURE_RULES", "PLACE_RULES"])
def test_every_rule_has_a_row(table, rows):
    names = [name for name, _rule in table]
    assert len(set(names)) == len(names)
    assert set(names) == {r[0].split(":")[0] for r in rows}
