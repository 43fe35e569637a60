"""The reader's words for the pipeline's facts: no file names, codes or settings."""

from __future__ import annotations

import datetime

import pytest
from pelican.plugins.news_digest.editorial.trips import Trip, TripAlias
from pelican.plugins.news_digest.site import wording
from pelican.plugins.news_digest.site.crosslinks import TripPage


class _Article:
    def __init__(self, **kw):
        self.__dict__.update({"undated": False, "trip_stated": None, **kw})


def trip4() -> TripPage:
    return TripPage(4, Trip(4, datetime.date(2024, 1, 5), datetime.date(2024, 1, 11)))


@pytest.mark.parametrize("kind, label", [("text", ""), ("inferred", "inferred"),
                                         ("editor", "corrected by the editor"), ("none", "")])
def test_provenance_labels_are_the_legend_s_words(kind, label):
    assert wording.provenance_label(kind) == label
    legend = [words for words, _ in wording.PROVENANCE_LEGEND]
    assert not label or label in legend


def test_provenance_detail_leaves_out_the_editor_s_files():
    assert wording.provenance_detail("editor", "set by the editor in corrections.toml") == ""
    assert wording.provenance_detail("inferred", "from x in trips.toml") == "from x"
    detail = "trip 4 ran 5–11 Jan 2024 and the article says Tuesday"
    assert wording.provenance_detail("inferred", detail) == detail


@pytest.mark.parametrize("reason, words", [
    ("last-update", "“Last updated” line"), ("promo", "Link to another story"),
    ("comment-policy", "Comment policy"), ("made-up-code", "Made up code"), ("", "Other"),
])
def test_removed_reasons_in_words(reason, words):
    assert wording.removed_label(reason) == words


def test_ordinals():
    assert [wording.ordinal(n) for n in (1, 4, 11, 21, 22, 23, 112)] == \
        ["first", "fourth", "eleventh", "21st", "22nd", "23rd", "112th"]


def test_trip_filings_said_to_the_reader():
    t = trip4()
    alias = TripAlias("fifth visit to Israel", 5, "visit", "Israel")
    stated = {"number": 5, "basis": "visit", "phrase": "fifth visit since October 7"}
    said = wording.trip_filing(_Article(trip_stated=stated), t, "Antony Blinken", alias)
    assert said == ("The article says “fifth visit since October 7”. Outlets counted this as "
                    "Blinken’s fifth visit to Israel; it was Blinken’s fourth trip to the region.")
    other = {"number": 6, "basis": "region", "phrase": "sixth trip to the region"}
    said = wording.trip_filing(_Article(trip_stated=other), t, "Antony Blinken")
    assert "sixth trip to the region" in said and "trip 4 (5–11 Jan 2024)" in said
    dated = _Article(date=datetime.datetime(2024, 1, 9))
    assert wording.trip_filing(dated, t, "") == "Dated 9 Jan 2024, during trip 4 (5–11 Jan 2024)."
    for text in (said, wording.trip_filing(dated, t, "")):
        assert "alias" not in text and ".toml" not in text and "file" not in text
