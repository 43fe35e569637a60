"""The extraction scorer on the hand-labelled corpus meets the issue's targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

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
