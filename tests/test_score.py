"""The extraction scorer on the hand-labelled corpus meets the issue's targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction",
                                                  ROOT / "bench/score_extraction.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


def test_corpus_scores_meet_targets():
    r = _scorer().score(ROOT / "tests/corpus")
    assert r["articles"] >= 15
    t = r["tallies"]
    people_f1 = t["people"].prf()[2]
    assert people_f1 >= 0.95, t["people"].errors
    assert r["people_not_hits"] == []
    assert r["trip_accuracy"] == 1.0, r["trip_errors"]
    assert t["places"].prf()[2] >= 0.8, t["places"].errors
    assert t["organizations"].prf()[2] >= 0.8, t["organizations"].errors


@pytest.mark.parametrize("corpus", ["corpus_holdout", "corpus_holdout2", "corpus_holdout3",
                                    "corpus_holdout4"])
def test_former_holdout_corpora_do_not_regress(corpus):
    # These were scored unseen once (numbers in bench/results-extraction.md), then used
    # for tuning; they now guard against a rule that helps one corpus and hurts another.
    r = _scorer().score(ROOT / "tests" / corpus)
    t = r["tallies"]
    assert t["people"].prf()[2] >= 0.95, t["people"].errors
    assert r["people_not_hits"] == []
    assert r["trip_accuracy"] == 1.0, r["trip_errors"]
    assert r["date_accuracy"] == 1.0
    assert t["places"].prf()[2] >= 0.95, t["places"].errors
    assert t["organizations"].prf()[2] >= 0.9, t["organizations"].errors


def test_holdout5_does_not_regress():
    # corpus_holdout5 was the development set of round 4 (bench/results-extraction.md).
    # People, people_not and trips meet the former-holdout targets above; places,
    # organizations do not yet (small towns outside the gazetteer), so they are guarded
    # at the level reached rather than at the targets. Dates reached 1.0 in round 5
    # (a date line under the headline and a kicker is read as the header's date).
    r = _scorer().score(ROOT / "tests" / "corpus_holdout5")
    t = r["tallies"]
    assert t["people"].prf()[2] >= 0.95, t["people"].errors
    assert r["people_not_hits"] == []
    assert r["trip_accuracy"] == 1.0, r["trip_errors"]
    assert r["date_accuracy"] == 1.0, r["date_errors"]
    assert t["places"].prf()[2] >= 0.94, t["places"].errors
    assert t["organizations"].prf()[2] >= 0.81, t["organizations"].errors


def test_holdout6_does_not_regress():
    # corpus_holdout6 was the development set of round 5 (bench/results-extraction.md).
    # People, people_not, trips and dates meet the former-holdout targets; places and
    # organizations do not yet (villages, border posts and islands outside the
    # gazetteer; spelled-out names of local bodies), so they are guarded at the level
    # reached rather than at the targets.
    r = _scorer().score(ROOT / "tests" / "corpus_holdout6")
    t = r["tallies"]
    assert t["people"].prf()[2] >= 0.97, t["people"].errors
    assert r["people_not_hits"] == []
    assert r["trip_accuracy"] == 1.0, r["trip_errors"]
    assert r["date_accuracy"] == 1.0, r["date_errors"]
    assert t["places"].prf()[2] >= 0.905, t["places"].errors
    assert t["organizations"].prf()[2] >= 0.775, t["organizations"].errors
