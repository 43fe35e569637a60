"""The people rules (people.NOT_PERSON_RULES, PERSON_EVIDENCE, CUED_FULL_NAME and
RESOLUTION_RULES), one row each: an invented sentence, the people it must give with the
rule that found each (the provenance detail), and the mention the row's rule decides
(the person taken, or None when a NOT_PERSON rule drops the mention)."""

from __future__ import annotations

import pytest
from pelican.plugins.news_digest.editorial.people import PeopleRegistry, RegistryPerson
from pelican.plugins.news_digest.extract import people
from pelican.plugins.news_digest.model import Block, Cleaned

REGISTRY = PeopleRegistry([RegistryPerson("Maelis Korventa")])


def _cleaned(text: str, bylines: tuple[str, ...] = ()) -> Cleaned:
    return Cleaned(blocks=[Block("p", text, 1)], bylines=list(bylines))


ROWS = [
    # NOT_PERSON_RULES: the mention dropped (None), and the people left
    ("portfolio of a title", "Deputy Investment Minister Olan Brisk said the plan was ready.",
     [("Olan Brisk", "role before")], ("Investment", None)),
    ("place", "Neighbouring Kenya is calm, said Olan Brisk.",
     [("Olan Brisk", "speech verb before")], ("Kenya", None)),
    ("one lower-case word", "The cleric al-Hamdi spoke.", [], ("al-Hamdi", None)),
    ("geographic feature", "Volcano Tarrik erupted.", [], ("Volcano Tarrik", None)),
    ("plural demonym", "Upcountry Kenyans voted.", [], ("Upcountry Kenyans", None)),
    ("byline, credit or masthead", "Jana Pettersby said the port was closed.", [],
     ("Jana Pettersby", None)),
    ("common noun inside", "Traffic on Vantor Highway stopped. The highway reopened.", [],
     ("Vantor Highway", None)),
    # PERSON_EVIDENCE
    ("role before", "Finance Minister Talvi Omarsson met reporters.",
     [("Talvi Omarsson", "role before")], ("Talvi Omarsson", "Talvi Omarsson")),
    ("appositive role", "Brenna Quillfeather, a senior party official, declined to comment.",
     [("Brenna Quillfeather", "appositive role")],
     ("Brenna Quillfeather", "Brenna Quillfeather")),
    ("role and a comma before", "Ghana's ambassador to Canada, Ossian Dremmel, arrived on "
     "Monday.", [("Ossian Dremmel", "role and a comma before")],
     ("Ossian Dremmel", "Ossian Dremmel")),
    ("in the people file", "The award went to Maelis Korventa.",
     [("Maelis Korventa", "in the people file")], ("Maelis Korventa", "Maelis Korventa")),
    ("honorific", "Dr. Orrin Palomar-Eke arrived.", [("Orrin Palomar-Eke", "honorific")],
     ("Orrin Palomar-Eke", "Orrin Palomar-Eke")),
    ("speech or action verb after", "Quentin Abelard said the talks would go on.",
     [("Quentin Abelard", "speech or action verb after")],
     ("Quentin Abelard", "Quentin Abelard")),
    ("speech verb before", '"We will stay," said Quentin Abelard.',
     [("Quentin Abelard", "speech verb before")], ("Quentin Abelard", "Quentin Abelard")),
    ("described as a person", "Lorna Vesk, who runs a bakery, was there.",
     [("Lorna Vesk", "described as a person")], ("Lorna Vesk", "Lorna Vesk")),
    ("the + nationality before", "Thanks went to the Peruvian Anselmo Tarrago for the idea.",
     [("Anselmo Tarrago", "the + nationality before")], ("Anselmo Tarrago", "Anselmo Tarrago")),
    ("surname repeated", "The prize went to Helka Moravec. Friends of Moravec cheered.",
     [("Helka Moravec", "surname repeated")], ("Helka Moravec", "Helka Moravec")),
    ("country possessive", "A gift for Ghana's Tobiah Anserlo came late.",
     [("Tobiah Anserlo", "country possessive")], ("Tobiah Anserlo", "Tobiah Anserlo")),
    ("object of a person verb", "Rebels toppled Varro Deskin in May.",
     [("Varro Deskin", "object of a person verb")], ("Varro Deskin", "Varro Deskin")),
    # CUED_FULL_NAME
    (people.CUED_FULL_NAME, "The list had Corvin Aldous Pettibone among the guests. Corvin "
     "said he was glad.", [("Corvin Aldous Pettibone", people.CUED_FULL_NAME)],
     ("Corvin Aldous Pettibone", "Corvin Aldous Pettibone")),
    # RESOLUTION_RULES: the partial mention and the person it is
    ("surname of a full name", "The prize went to Helka Moravec. Friends of Moravec cheered.",
     [("Helka Moravec", "surname repeated")], ("Moravec", "Helka Moravec")),
    ("partial name in the people file", "The prize went to Korventa.",
     [("Maelis Korventa", "partial name in the people file")],
     ("Korventa", "Maelis Korventa")),
    ("given name of a full name", "The list had Corvin Aldous Pettibone among the guests. "
     "Corvin said he was glad.", [("Corvin Aldous Pettibone", people.CUED_FULL_NAME)],
     ("Corvin", "Corvin Aldous Pettibone")),
    ("middle word of a full name", "Minister Anselma Ticona Vargas spoke on Monday. Aides to "
     "Ticona agreed.", [("Anselma Ticona Vargas", "role before")],
     ("Ticona", "Anselma Ticona Vargas")),
    ("titled one-word name", "President Garrow arrived. Later that day Garrow left.",
     [("Garrow", "titled one-word name")], ("Garrow", "Garrow")),
]
BYLINES = {"byline, credit or masthead": ("Jana Pettersby",)}


@pytest.mark.parametrize("rule, text, expected, decided", ROWS, ids=[r[0] for r in ROWS])
def test_people_rule(rule, text, expected, decided):
    cleaned = _cleaned(text, BYLINES.get(rule, ()))
    got = people.find_people(cleaned, REGISTRY)
    assert [(p.name, p.provenance.detail) for p in got] == expected, rule
    assert (*decided, rule) in people.decisions(cleaned, REGISTRY), rule


def test_every_rule_has_a_row():
    named = {r[0] for r in ROWS}
    tables = (people.NOT_PERSON_RULES, people.PERSON_EVIDENCE, people.RESOLUTION_RULES)
    for name in [people.CUED_FULL_NAME, *(name for table in tables for name, _rule in table)]:
        assert name in named, name


def test_rule_names_are_unique():
    tables = (people.NOT_PERSON_RULES, people.PERSON_EVIDENCE, people.RESOLUTION_RULES)
    names = [people.CUED_FULL_NAME, *(name for table in tables for name, _rule in table)]
    assert len(names) == len(set(names))


# The name-run rules (people.NAME_START_RULES and NAME_PART_RULES), one row each: an
# invented sentence, the word where the row's rule is the first of its table to apply,
# the run's first word, the run (its name words) and the organization tokens, if any.
SEGMENT_ROWS = [
    ("initials as one abbreviation", "Then K.T. Varnel spoke.", "K.T.", "K.T.",
     ["K.T.", "Varnel"], ()),
    ("two initials after a title", "Vice President QL Dorrance spoke.", "QL", "QL",
     ["QL", "Dorrance"], ()),
    ("calendar word as a given name", "Then Jan Orbeck spoke.", "Jan", "Jan",
     ["Jan", "Orbeck"], ()),
    ("initial that is a function word", "Minister A. Quorrel spoke.", "A", "A",
     ["A.", "Quorrel"], ()),
    ("first name word", "Then Olan Brisk spoke.", "Olan", "Olan", ["Olan", "Brisk"], ()),
    ("nickname in quotes", 'Then Ana "Pip" Verrick spoke.', '"', "Ana",
     ["Ana", "Verrick"], ()),
    ("sentence start", "They met Olan\n\nBrisk left.", "Brisk", "Olan", ["Olan"], ()),
    ("organization", "Then Olan Brisk Holdings grew.", "Brisk", "Olan", ["Olan"], (2, 3)),
    ("middle initial", "Then Olan T. Brisk spoke.", "T", "Olan", ["Olan", "T.", "Brisk"], ()),
    ("next name word", "Then Olan Brisk spoke.", "Brisk", "Olan", ["Olan", "Brisk"], ()),
    ("calendar word in a name", "Then Dorra Jun Varsk spoke.", "Jun", "Dorra",
     ["Dorra", "Jun", "Varsk"], ()),
    ("title word as a surname", "Then Olan Bishop said no.", "Bishop", "Olan",
     ["Olan", "Bishop"], ()),
    ("particles", "Then Olan van Brisk spoke.", "van", "Olan", ["Olan", "van", "Brisk"], ()),
]
_START_NAMES = {name for name, _rule in people.NAME_START_RULES}


@pytest.mark.parametrize("rule, text, word, first, expected, orgs", SEGMENT_ROWS,
                         ids=[r[0] for r in SEGMENT_ROWS])
def test_segment_rule(rule, text, word, first, expected, orgs):
    toks = people.tokenize(text)
    blocked = [k in orgs for k in range(len(toks.words))]
    at, start = toks.words.index(word), toks.words.index(first)
    if rule in _START_NAMES:
        got = next(name for name, r in people.NAME_START_RULES
                   if r(toks, blocked, at) is not None)
    else:
        got = next(name for name, r in people.NAME_PART_RULES
                   if r(toks, blocked, list(toks.words[start:at]), at) is not None)
    assert got == rule
    assert (start, expected) in [(a, name) for a, _end, name in people._segments(toks, blocked)]


def test_every_segment_rule_has_a_row():
    names = [name for table in (people.NAME_START_RULES, people.NAME_PART_RULES)
             for name, _rule in table]
    assert len(names) == len(set(names))
    assert set(names) == {r[0] for r in SEGMENT_ROWS}
