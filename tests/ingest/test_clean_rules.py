"""The cleaner's named clutter rules, one table row per rule (invented lines).

Each row: a line, the rule that must fire on it (its name is the reason the editor
reads) and the payload it keeps (a byline's names, a date phrase, a photographer);
then lines of story text that look a little like clutter and must fire no rule.
A rule without a row here fails ``test_every_rule_has_a_row``.
"""

from __future__ import annotations

import pytest
from pelican.plugins.news_digest.ingest.clean import RULES, _classify, clean

FIRES = [
    ("separator", "* * *", ""),
    ("date line", "Tuesday, 5 March 2024 | 10:30 GMT", "Tuesday, 5 March 2024 | 10:30 GMT"),
    ("place and date line", "Lusaka, 3 March 2025", "3 March 2025"),
    ("date and update time", "Saturday 20 December 2025 \u2013 14:10 | Updated 16:35",
     "Saturday 20 December 2025 \u2013 14:10"),
    ("date in two calendars", "Magh 12, 2081 | Jan 25, 2025", "Jan 25, 2025"),
    ("date and time ago", "October 3, 2025 5:42 PM | 2 hours ago", "October 3, 2025 5:42 PM"),
    ("staff byline", "Staff Reporter | Harbour Ledger", "Staff Reporter | Harbour Ledger"),
    ("byline", "By Ama Oduro and Ilse Brandt | March 3, 2024", "Ama Oduro and Ilse Brandt"),
    ("reporting credits", "Reporting by Ama Oduro; Editing by Ilse Brandt", ""),
    ("publication date", "Published: 3 March 2024", "3 March 2024"),
    ("update time", "Last updated: 2024-03-04 10:15", "2024-03-04 10:15"),
    ("source line", "Source: Harbour Ledger", "Harbour Ledger"),
    ("promo link", "READ MORE: Port workers strike for a second day", ""),
    ("click-here link", "Click here for the full ruling", ""),
    ("read-next link", "Read  Port workers strike for a second day", ""),
    ("page footer", "Tags: ports, unions, strikes", ""),
    ("copyright line", "\u00a9 2025 Harbour Ledger Media. All rights reserved.", ""),
    ("advertisement", "Story continues below advertisement", ""),
    ("newsletter appeal", "Get our morning newsletter in your inbox", ""),
    ("share buttons", "Share | Tweet | WhatsApp | Email", ""),
    ("follow line", "Follow us on Telegram for the latest", ""),
    ("follow promo", "Follow the port strike as it happens", ""),
    ("photo credit", "Photo: Ilse Brandt / Harbour Ledger", "Ilse Brandt / Harbour Ledger"),
    ("comment policy", "Note: comments are moderated and may take time to appear.", ""),
    ("wire end marker", "-- WX", ""),
    ("wire contact", "((ama.oduro@wire.example; +1 555 0100))", ""),
    ("wire note", "(Adds union statement in paragraphs 5-6)", ""),
    ("wire header", "WX-AB-CD 08/04/2025 11:47 GMT", "08/04/2025 11:47 GMT"),
    ("wire keywords", "Keywords: PORTS-STRIKE/UNIONS (UPDATE 1)", ""),
    ("reporting credits in brackets",
     "(Reporting by Ama Oduro in Tema; Editing by Ilse Brandt)", ""),
    ("contributor line", "Ilse Brandt in Lome contributed to this report.", ""),
    ("author bio", "Ama Oduro is a freelance journalist based in Tema.", ""),
    ("reader appeal", "Sign up for the Harbour Brief, delivered to your inbox at 6am.", ""),
]

STORY = [
    "By Tuesday, the two unions had agreed on a text.",
    "Read-outs of the call showed little progress.",
    "Sources said the meeting was tense.",
    "Follow-up talks are planned for May.",
    "Published figures show a fall in exports of 3 percent in 2024.",
    "Share prices fell 4 percent after the ruling.",
    "Photographs of the flooded streets spread quickly online, officials said.",
    "Our correspondent in the port saw the ships turned away.",
    "Lusaka is the capital, and 3 March 2025 was a holiday there.",
    "The union said it would send us its demands, officials said.",
    "Dockers downloaded the new rota from the port authority's app on Monday.",
    "The port is a key employer based in the old town, the mayor said.",
    "(The figures are provisional.)",
]


@pytest.mark.parametrize(("name", "line", "payload"), FIRES, ids=[r[0] for r in FIRES])
def test_rule_fires(name: str, line: str, payload: str):
    hit = _classify(line)
    assert hit is not None, f"no rule fired on {line!r}"
    rule, got = hit
    assert (rule.name, got) == (name, payload)


@pytest.mark.parametrize("line", STORY)
def test_story_lines_fire_no_rule(line: str):
    assert _classify(line) is None


def test_every_rule_has_a_row():
    assert {r.name for r in RULES} == {row[0] for row in FIRES}


def test_rule_names_are_unique_and_readable():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(n == n.lower() and "_" not in n for n in names)


LEAD = ("TEMA, Ghana -- Dock workers at Tema port ended a three-day strike on Monday after "
        "the port authority agreed to raise night-shift pay, union leaders said.")


@pytest.mark.parametrize(("header", "headline", "gone"), [
    # masthead, navigation and section label above the headline are page header
    (["HARBOUR LEDGER", "Home | Ports | Business", "BUSINESS NEWS",
      "Tema dock workers end strike after port agrees night-shift pay rise"],
     "Tema dock workers end strike after port agrees night-shift pay rise",
     ["HARBOUR LEDGER", "Home | Ports | Business", "BUSINESS NEWS"]),
    # a wire header and version tag: the tag is not part of the headline
    (["WX-GH-PORTS 03/03/2025 11:47 GMT",
      "UPDATE 2-Tema dock workers end strike after port agrees pay rise"],
     "Tema dock workers end strike after port agrees pay rise",
     ["WX-GH-PORTS 03/03/2025 11:47 GMT"]),
    # a kicker under the headline without a final stop goes; the headline stays first
    (["Tema dock workers end strike as port raises night-shift pay",
      "WATCH: our report from the port tonight at 7"],
     "Tema dock workers end strike as port raises night-shift pay",
     ["WATCH: our report from the port tonight at 7"]),
])
def test_headline_is_the_title_like_line_the_lead_repeats(header, headline, gone):
    c = clean("\n".join(header) + "\n\n" + LEAD + "\n\nThe strike cost the port millions.\n")
    assert c.headline == headline
    removed = [r.text for r in c.removed]
    assert all(g in removed for g in gone)
    assert LEAD in c.paragraphs


def test_masthead_is_recorded_and_footer_lines_go():
    c = clean("The Harbour Herald\nTema dock workers end strike after port agrees pay rise\n\n"
              + LEAD + "\n\nThe strike cost the port millions.\n\nRelated\n"
              "Port authority names new chief\nTags: ports\n")
    assert c.masthead == "The Harbour Herald"
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["Related"] in ("page footer", "promo link")
    assert reasons["Port authority names new chief"] == "page footer"
    assert c.paragraphs[-1] == "The strike cost the port millions."
