"""The organization rules (organizations.RULES), one row each: an invented sentence, the
names it must give and the rule that found each (the provenance of the fact)."""

from __future__ import annotations

import pytest
from pelican.plugins.news_digest.extract import organizations
from pelican.plugins.news_digest.extract.lexicon import dateline_spans, tokenize


def _found(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    spans = dateline_spans(text)
    matches = organizations.match_organizations(toks, spans)
    return [(m[2], rule) for m, rule in
            zip(matches, organizations.matched_by(toks, spans), strict=True)]


ROWS = [
    ("initials firm", "Analysts at K.L. Varden analysts expect a cut, said K.L. Varden.",
     [("K.L. Varden", "initials firm")] * 2),
    ("dateline", "ORVANIA (AP) \u2014 The talks went on.", []),
    ("military unit", "The 41st Mountain Brigade moved north.",
     [("41st Mountain Brigade", "military unit")]),
    ("not capitalized: a lower-case lexicon name", "Fighters of al-Shabaab attacked.",
     [("al-Shabaab", "lexicon")]),
    ("named by its type", "The deal went to drone maker Vantrex and energy firms Olmar "
     "and Dessiq.", [("Vantrex", "named by its type"), ("Olmar", "named by its type"),
                     ("Dessiq", "named by its type")]),
    ("The before a lexicon name", "The World Bank lent more.", [("World Bank", "lexicon")]),
    ("lexicon", "Hamas said it would reply.", [("Hamas", "lexicon")]),
    ("channel", "Channel 9 News reported it first.", [("Channel 9 News", "channel")]),
    ("capitalized run with a head word", "The Varnish Ministry of Coastal Works said no.",
     [("Varnish Ministry of Coastal Works", "capitalized run with a head word")]),
    ("two names joined by and", "Acme Widgets Ltd and Borealis Holdings signed.",
     [("Acme Widgets Ltd", "capitalized run with a head word"),
      ("Borealis Holdings", "capitalized run with a head word")]),
    ("a head word after only a nationality is no name", "The Ruritanian army said.", []),
    ("acronym", "The ZQTA said the vote stands.", [("ZQTA", "acronym")]),
    ("described by a noun", "Valtorin, the party that won, met.",
     [("Valtorin", "described by a noun")]),
]


@pytest.mark.parametrize("rule, text, expected", ROWS, ids=[r[0] for r in ROWS])
def test_organization_rule(rule, text, expected):
    assert _found(text) == expected, rule


def test_every_rule_has_a_row():
    named = {r[0].split(":")[0] for r in ROWS}
    for name, _rule in organizations.RULES:
        assert name in named or name == "deferred lexicon name", name
