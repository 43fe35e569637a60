"""Quote attribution: one row per construction, invented names and invented text.

Each row: the paragraphs, the people and organizations the other extractors found,
and the expected (speaker, words of the provenance) of every quote in order.
"""

from __future__ import annotations

import pytest
from pelican.plugins.news_digest.extract.quotes import find_quotes
from pelican.plugins.news_digest.model import Block, Cleaned, Entity, Person

PEOPLE = ("Yuki Tanaka", "Omar Said", "Lena Brandt")
ORGS = ("Ministry of Fisheries", "Harbour Workers Union", "Harbour Authority")

CASES = [
    ("same sentence, name after the quote",
     ['"We will rebuild every school in the district," Tanaka said.'],
     [("Yuki Tanaka", "named in the same sentence")]),
    ("said-inversion with an appositive",
     ['"The border stays closed for now," said Omar Said, the interior minister.'],
     [("Omar Said", "named in the same sentence")]),
    ("colon before the quote",
     ['Tanaka said: "Nothing has been agreed yet in these talks."'],
     [("Yuki Tanaka", "named in the same sentence")]),
    ("subject, appositive, verb, that-clause",
     ['Yuki Tanaka, a lawyer for the families, told reporters that the ruling was '
      '"a victory for every family here".'],
     [("Yuki Tanaka", "named in the same sentence")]),
    ("pronoun: the last person named as subject, not the last quote's speaker",
     ['"We will open the port on Monday," Tanaka said.',
      'Omar Said, a ferry captain, said the boats were ready. "We waited three days for '
      'the storm to pass," he said.'],
     [("Yuki Tanaka", "named in the same sentence"),
      ("Omar Said", "he said: the last person named")]),
    ("pronoun: gender from an honorific",
     ['Yuki Tanaka met Mr. Said on Monday. Mr. Said spoke first. "We agreed on very '
      'little in the end," she said.'],
     [("Yuki Tanaka", "she said")]),
    ("pronoun: a person the other extractors missed is named as written",
     ['Ana Velasquez-Moreno, 64, a fish trader, said she would stay. "The sea has come '
      'before and gone before," she said.'],
     [("Ana Velasquez-Moreno", "she said")]),
    ("continuing quote in the same paragraph",
     ['"We need a deal this week," Tanaka said. "Next month is far too late for us."'],
     [("Yuki Tanaka", "named in the same sentence"),
      ("Yuki Tanaka", "named in the sentence before")]),
    ("continuing quote paragraph",
     ['"We need a deal this week, not next month," Tanaka said.',
      '"And we need it to hold for everyone."'],
     [("Yuki Tanaka", "named in the same sentence"),
      ("Yuki Tanaka", "named in the sentence before")]),
    ("a quote spanning paragraphs (no closing mark on the first)",
     ['"We will rebuild the bridge," Tanaka said. "It will take two years at least.',
      '"But the money is already there."'],
     [("Yuki Tanaka", "named in the same sentence"),
      ("Yuki Tanaka", "named in the sentence before"),
      ("Yuki Tanaka", "continues the quote of the paragraph before")]),
    ("statement of a body about a person it mentions",
     ['The Ministry of Fisheries said in a statement that Minister Omar Said "will visit '
      'every affected village before the rains".'],
     [("Ministry of Fisheries", "a statement of an organization")]),
    ("statement of a body: a nested 'had told' does not move the quote",
     ['The Ministry of Fisheries said in a statement that Said had told his colleague that '
      'the quota "will never be raised this year".'],
     [("Ministry of Fisheries", "a statement of an organization")]),
    ("'the statement said' continues the body's statement",
     ['In a statement, the Harbour Authority said the port "will reopen on Friday morning". '
      'The statement said the repairs had been "paid for by the insurers in full".'],
     [("Harbour Authority", "a statement of an organization"),
      ("Harbour Authority", "the statement said")]),
    ("a body named by its initials",
     ['The HWU said it was "studying the offer with its lawyers".'],
     [("Harbour Workers Union", "a statement of an organization")]),
    ("a body written in lower case words",
     ['The Ruritanian foreign ministry said the envoy had "conveyed deep concern to '
      'everyone".'],
     [("Ruritanian foreign ministry", "a statement of an organization")]),
    ("participle: 'welcomed it, saying'",
     ['The Harbour Workers Union welcomed the ruling, saying it "restores order to the '
      'docks".'],
     [("Harbour Workers Union", "a statement of an organization")]),
    ("according to, after the person it is about",
     ['Said according to the ministry spokesperson Yuki Tanaka "reaffirmed the commitment '
      'to the ceasefire".'],
     [("Yuki Tanaka", "named in the same sentence")]),
    ("according to, opening the sentence",
     ['According to spokesperson Lena Brandt, the meeting was "constructive" and the talks '
      '"will go on next week in the capital".'],
     [("Lena Brandt", "named in the same sentence")]),
    ("an unnamed official stays unnamed",
     ['A senior official said the plan had failed. "Nobody wanted to sign it first," the '
      'official said.'],
     [(None, "")]),
    ("an unnamed official as the subject of the quote's sentence",
     ['A senior harbour official told reporters that the port was "no longer safe for '
      'ferries".'],
     [(None, "unnamed")]),
    ("'the judge said': the person introduced with that word",
     ['Justice Lena Brandt ruled on Monday. "The evidence was clear from the start," the '
      'judge said.'],
     [("Lena Brandt", "the judge said")]),
    ("nested quote inside a quotation",
     ['"He told me, \'we will pay you all,\' and then he left town," Tanaka said.'],
     [("Yuki Tanaka", "named in the same sentence")]),
    ("a conjunction after the quote does not attribute it",
     ['He called the offer "a step in the right direction" but the Harbour Authority said '
      'it would wait.'],
     [(None, "")]),
    ("a quote about its candidate speaker in the third person goes to the statement",
     ['In a statement, the Ministry of Fisheries said Said pressed for "a diplomatic '
      'solution to the dispute".',
      'Said also reiterated his support for "a ceasefire that holds for everyone".',
      '"The Minister emphasized the need to protect aid workers."'],
     [("Ministry of Fisheries", "statement"), ("Omar Said", "named in the same sentence"),
      ("Ministry of Fisheries", "continues the statement")]),
    ("scare quotes are not quotes", ['She called the offer "generous" and the plan "doable".'],
     []),
    ("no speaker in the text", ['The banner read "no more empty promises here".'],
     [(None, "")]),
]


@pytest.mark.parametrize(("paras", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_quote_constructions(paras, expected):
    cleaned = Cleaned(blocks=[Block("p", p) for p in paras])
    got = find_quotes(cleaned, [Person(n) for n in PEOPLE], [Entity(n) for n in ORGS])
    assert [q.speaker for q in got] == [s for s, _ in expected]
    for q, (_, how) in zip(got, expected, strict=True):
        assert how in q.provenance.detail
        assert q.provenance.detail  # every quote says how its speaker was found


def test_headings_break_the_chain():
    cleaned = Cleaned(blocks=[Block("p", '"We will open the port," Tanaka said.'),
                              Block("h2", "Elsewhere"),
                              Block("p", '"Nobody told us anything at all."')])
    got = find_quotes(cleaned, [Person(n) for n in PEOPLE])
    assert [q.speaker for q in got] == ["Yuki Tanaka", None]
