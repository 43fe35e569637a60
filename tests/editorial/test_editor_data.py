"""Editor data files: trips and corrections are validated with file, line and a fix."""

from __future__ import annotations

import datetime
import re
import textwrap
from pathlib import Path

import pytest
from pelican.plugins.news_digest.editorial.corrections import apply_corrections, load_corrections
from pelican.plugins.news_digest.editorial.people import EditorDataError
from pelican.plugins.news_digest.editorial.trips import load_trips, parse_alias
from pelican.plugins.news_digest.model import ArticleData, Block, Person, TripMention

from ..conftest import ROOT, make_project, run_pelican


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_example_trips_file_loads():
    reg = load_trips(ROOT / "content" / "trips.toml")
    assert [t.number for t in reg.trips] == [4, 5, 6, 7]
    assert reg.by_number[4].start == datetime.date(2024, 1, 5)
    assert reg.by_number[7].range_text == "29 Apr–1 May 2024"
    (alias,) = reg.by_number[4].aliases
    assert (alias.number, alias.basis, alias.place) == (5, "visit", "Israel")


def test_alias_forms():
    assert parse_alias("4th trip to the region").basis == "region"
    assert parse_alias("eleventh visit to Jordan").number == 11
    assert parse_alias("a visit to Israel") is None


@pytest.mark.parametrize("phrase, number, basis, place", [
    ("twenty-first visit to Israel", 21, "visit", "Israel"),
    ("Thirtieth trip to the region", 30, "region", None),
    ("23rd tour of the Gulf", 23, "region", None),
    ("second visits to Jordan", 2, "visit", "Jordan"),
    ("sixth round of shuttle diplomacy", 6, "region", None),
])
def test_alias_ordinals_and_nouns_are_the_extractor_s(phrase, number, basis, place):
    """Aliases read ordinals and trip nouns as the extractor does (one reader of each)."""
    alias = parse_alias(phrase)
    assert (alias.number, alias.basis, alias.place) == (number, basis, place)


def test_twenty_first_visit_alias_loads_and_resolves(tmp_path):
    path = write(tmp_path, "trips.toml", """\
        [[trip]]
        number = 30
        start = 2025-05-04
        end = 2025-05-08
        aliases = ["twenty-first visit to Israel"]
        """)
    reg = load_trips(path)
    (alias,) = reg.by_number[30].aliases
    assert (alias.number, alias.basis, alias.place) == (21, "visit", "Israel")


@pytest.mark.parametrize("body, line, words", [
    ("[[trip]]\nnumber = 1\nstart = 2024-01-05\nend = 2024-01-0\n", 4, "invalid TOML"),
    ("[[trip]]\nnumber = 1\nstart = 2024-01-05\nend = 2024-01-06\ncolour = 'red'\n", 5,
     "unknown key 'colour'"),
    ("[[trip]]\nnumber = 1\nstart = 2024-01-09\nend = 2024-01-06\n", 4, "swap start and end"),
    ("[[trip]]\nnumber = 1\nstart = 2024-01-05\nend = 2024-01-06\n\n"
     "[[trip]]\nnumber = 1\nstart = 2024-02-05\nend = 2024-02-06\n", 7, "listed twice"),
    ("[[trip]]\nnumber = 'four'\nstart = 2024-01-05\nend = 2024-01-06\n", 2, "number = N"),
    ("[[trip]]\nnumber = 1\nstart = 'soon'\nend = 2024-01-06\n", 3, "start must be a date"),
    ("[[trip]]\nnumber = 1\nstart = 2024-01-05\nend = 2024-01-06\nplaces = 'Israel'\n", 5,
     "list of strings"),
    ("[[trip]]\nnumber = 1\nstart = 2024-01-05\nend = 2024-01-06\naliases = ['the big one']\n",
     5, "not of the form"),
    ("[[trip]]\nnumber = 1\nstart = 2024-01-05\nend = 2024-01-10\n\n"
     "[[trip]]\nnumber = 2\nstart = 2024-01-08\nend = 2024-01-12\n", 6, "overlap"),
    ("travelers = 'X'\n", 1, "unknown key 'travelers'"),
])
def test_bad_trips_file_names_file_line_and_fix(tmp_path, body, line, words):
    path = write(tmp_path, "trips.toml", body)
    with pytest.raises(EditorDataError) as err:
        load_trips(path)
    message = str(err.value)
    assert str(path) in message
    assert f"line {line}" in message
    assert words in message


@pytest.mark.parametrize("body, line, words", [
    ('["001"]\ndate = 2024-13-01\n', 2, "invalid TOML"),
    ('["001"]\nnote = "x"\nheadline = "y"\n', 3, "unknown key 'headline'"),
    ('["001"]\ndate = "last week"\n', 2, "date = 2024-06-24"),
    ('["001"]\ntrip = -1\n', 2, "0 for no trip"),
    ('["001"]\nadd_people = "Jane Doe"\n', 2, "list of strings"),
    ('["001"]\nnote = 3\n', 2, "must be a string"),
])
def test_bad_corrections_file_names_file_line_and_fix(tmp_path, body, line, words):
    path = write(tmp_path, "corrections.toml", body)
    with pytest.raises(EditorDataError) as err:
        load_corrections(path)
    assert str(path) in str(err.value)
    assert f"line {line}" in str(err.value)
    assert words in str(err.value)


def article(stem="a", **kw) -> ArticleData:
    return ArticleData(seed=f"seeds/{stem}.txt", stem=stem,
                       blocks=[Block("p", "Jane Roe met John Doe.")], **kw)


def test_corrections_override_add_and_remove(tmp_path):
    path = write(tmp_path, "corrections.toml", """\
        ["a"]
        title = "A better title"
        date = 2024-06-24
        trip = 0
        add_people = ["Ann Example"]
        remove_people = ["John Doe"]
        note = "Checked against the wire copy."
        """)
    a = article(people=[Person("Jane Roe"), Person("John Doe")],
                trip=TripMention(3, "region", "third trip to the region"))
    warnings: list[str] = []
    apply_corrections([a], load_corrections(path), ["a"], warnings.append)
    assert a.title == "A better title" and a.title_provenance.kind == "editor"
    assert a.date == datetime.date(2024, 6, 24) and a.date_provenance.kind == "editor"
    assert [p.name for p in a.people] == ["Jane Roe", "Ann Example"]
    assert a.people[1].provenance.kind == "editor"
    assert a.trip_resolved is None and a.trip_provenance.kind == "editor"
    assert a.trip.number == 3  # what the text states is kept
    assert a.note == "Checked against the wire copy."
    assert warnings == []


def test_correction_for_missing_seed_is_a_warning(tmp_path):
    path = write(tmp_path, "corrections.toml", '["nope"]\nnote = "x"\n\n["a"]\nnote = "y"\n')
    warnings: list[str] = []
    apply_corrections([article()], load_corrections(path), ["a"], warnings.append)
    assert len(warnings) == 1
    assert "'nope'" in warnings[0] and "line 1" in warnings[0] and "no seed" in warnings[0]


def test_build_warns_about_missing_seed_and_goes_on(tmp_path, warnings_log):
    root = make_project(tmp_path / "site")
    with (root / "content" / "corrections.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n["999_missing"]\nnote = "x"\n')
    out = run_pelican(root)
    assert any("999_missing" in r.getMessage() for r in warnings_log.records)
    assert len(list((out / "articles").glob("*.html"))) == 5


def test_invalid_trips_file_stops_the_build(tmp_path, caplog):
    root = make_project(tmp_path / "site")
    (root / "content" / "trips.toml").write_text("[[trip]]\nnumber = 4\nstart = 2024-01-05\n"
                                                 "end = 2024-01-01\n", encoding="utf-8")
    with pytest.raises(SystemExit):  # the message, not a traceback, then a non-zero exit
        run_pelican(root)
    assert re.search(r"trips\.toml, line 4", caplog.text)
    assert not (root / "output" / "index.html").exists()


def test_check_command_reports_invalid_editor_data(tmp_path, capsys, monkeypatch):
    from pelican.plugins.news_digest.cli import main

    root = make_project(tmp_path / "site")
    (root / "content" / "corrections.toml").write_text('["x"]\nwhen = 1\n', encoding="utf-8")
    conf = root / "pelican.conf.py"
    conf.write_text(f"PATH = {str(root / 'content')!r}\n"
                    f"NEWS_DIGEST_SEEDS_PATH = {str(root / 'seeds')!r}\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["-s", str(conf), "check"]) == 2
    err = capsys.readouterr().err
    assert "corrections.toml, line 2" in err and "unknown key 'when'" in err
