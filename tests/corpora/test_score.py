"""The extraction scorer on the hand-labelled corpus meets the issue's targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import score

ROOT = Path(__file__).resolve().parents[2]


def _scorer():
    return score


def test_corpus_scores_meet_targets():
    r = _scorer().score(ROOT / "tests/corpora/development")
    assert r["articles"] >= 15
    t = r["tallies"]
    people_f1 = t["people"].prf()[2]
    assert people_f1 >= 0.95, t["people"].errors
    assert r["people_not_hits"] == []
    assert r["trip_accuracy"] == 1.0, r["trip_errors"]
    assert t["places"].prf()[2] >= 0.8, t["places"].errors
    assert t["organizations"].prf()[2] >= 0.8, t["organizations"].errors


# Floors (people F1, places F1, organizations F1) of each former held-out corpus.
# Each was scored unseen once (numbers in bench/results-extraction.md), then used for
# tuning; they now guard against a rule that helps one corpus and hurts another.
# corpus_holdout5 and corpus_holdout6 (development sets of rounds 4 and 5) do not yet
# meet the place and organization targets (villages, border posts and islands outside
# the gazetteer; spelled-out names of local bodies), so those are guarded at the level
# reached; their people, people_not, trips and dates meet the targets.
_FLOORS = {
    "regression1": (0.95, 0.95, 0.9),
    "regression2": (0.95, 0.95, 0.9),
    "regression3": (0.95, 0.95, 0.9),
    "regression4": (0.95, 0.95, 0.9),
    "regression5": (0.95, 0.94, 0.81),
    "regression6": (0.97, 0.905, 0.775),
}


@pytest.mark.parametrize("corpus", list(_FLOORS))
def test_former_holdout_corpora_do_not_regress(corpus):
    people, places, orgs = _FLOORS[corpus]
    r = _scorer().score(ROOT / "tests" / "corpora" / corpus)
    t = r["tallies"]
    assert t["people"].prf()[2] >= people, t["people"].errors
    assert r["people_not_hits"] == []
    assert r["trip_accuracy"] == 1.0, r["trip_errors"]
    assert r["date_accuracy"] == 1.0, r["date_errors"]
    assert t["places"].prf()[2] >= places, t["places"].errors
    assert t["organizations"].prf()[2] >= orgs, t["organizations"].errors
