"""Trip resolution and date inference on hand-built articles (no extraction needed)."""

from __future__ import annotations

import datetime

from pelican.plugins.news_digest.editorial.trips import (
    Trip,
    TripRegistry,
    main_event_weekday,
    parse_alias,
    resolve_and_infer,
)
from pelican.plugins.news_digest.model import (
    ArticleData,
    Block,
    Entity,
    Person,
    Provenance,
    TripMention,
)

D = datetime.date


def registry() -> TripRegistry:
    return TripRegistry([
        Trip(4, D(2024, 1, 5), D(2024, 1, 11), ["Israel"], [parse_alias("fifth visit to Israel")]),
        Trip(6, D(2024, 3, 20), D(2024, 3, 22)),
        Trip(8, D(2024, 6, 1), D(2024, 6, 12)),  # 12 days: every weekday twice or more
    ], traveller="A. Traveller")


def art(text="The minister met officials.", *, date=None, trip=None, places=(),
        people=("A. Traveller",)) -> ArticleData:
    a = ArticleData(seed="seeds/x.txt", stem="x", blocks=[Block("p", text)],
                    places=[Entity(p) for p in places], trip=trip,
                    people=[Person(n) for n in people])
    if date:
        a.date, a.date_provenance = date, Provenance("text", "date marker")
    return a


def region(n: int, phrase: str = "") -> TripMention:
    return TripMention(n, "region", phrase or f"trip {n} to the region")


def visit(n: int, phrase: str = "") -> TripMention:
    return TripMention(n, "visit", phrase or f"visit {n} since October")


def test_dated_inside_range_lands_on_trip_without_discrepancy():
    a = art(date=D(2024, 1, 10), trip=region(4, "4th trip to West Asia"))
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 4
    assert a.trip_provenance.kind == "inferred" and "5–11 Jan 2024" in a.trip_provenance.detail
    assert a.discrepancy == ""
    assert a.date == D(2024, 1, 10) and a.date_provenance.kind == "text"


def test_an_article_without_the_traveller_does_not_join_a_trip_by_date():
    other = art(date=D(2024, 1, 10), people=("Someone Else",))
    nobody = art(date=D(2024, 1, 10), people=())
    stated = art(date=D(2024, 3, 21), trip=region(6), people=("Someone Else",))
    resolve_and_infer([other, nobody, stated], registry())
    assert other.trip_resolved is None and nobody.trip_resolved is None
    assert stated.trip_resolved == 6  # a stated trip number still files it
    anyone = TripRegistry(registry().trips)  # a trips file that names no traveller
    other = art(date=D(2024, 1, 10), people=("Someone Else",))
    resolve_and_infer([other], anyone)
    assert other.trip_resolved == 4


def test_stated_ordinal_that_disagrees_is_a_discrepancy():
    a = art(date=D(2024, 1, 10), trip=region(6, "sixth trip to the region"))
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 4  # the date decides
    assert "sixth trip to the region" in a.discrepancy and "trip 4" in a.discrepancy


def test_visit_alias_resolves_undated_article_and_infers_weekday():
    a = art("Officials met the visitor in Israel on Tuesday. On Wednesday he flew on.",
            trip=visit(5, "fifth visit since the October 7 attacks"))
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 4
    assert "fifth visit to Israel" in a.trip_provenance.detail
    assert a.discrepancy == ""
    assert a.date == D(2024, 1, 9)
    assert a.date_provenance.kind == "inferred"
    assert a.date_provenance.detail == "trip 4 ran 5–11 Jan 2024 and the article says Tuesday"


def test_visit_alias_needs_its_place():
    a = art("Officials met the visitor in Cairo on Tuesday.", trip=visit(5), places=["Egypt"])
    resolve_and_infer([a], registry())
    assert a.trip_resolved is None
    assert "no trip's aliases" in a.discrepancy


def test_visit_alias_disagreeing_with_date_is_a_discrepancy():
    a = art("In Israel again.", date=D(2024, 3, 21), trip=visit(5))
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 6
    assert "counts as trip 4" in a.discrepancy


def test_undated_region_ordinal_matches_trip_number():
    a = art("He arrived on Friday.", trip=region(6, "sixth round of shuttle diplomacy"))
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 6 and a.trip_provenance.kind == "text"
    assert a.date == D(2024, 3, 22)


def test_ordinal_unknown_to_registry_is_reported_not_filed():
    a = art(trip=region(9, "ninth trip to the region"))
    resolve_and_infer([a], registry())
    assert a.trip_resolved is None
    assert "no trip 9" in a.discrepancy


def test_weekday_not_unique_in_range_gives_approximate_range():
    a = art("Talks resumed on Monday.", trip=region(8))
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 8
    assert a.date is None
    assert a.date_range == (D(2024, 6, 1), D(2024, 6, 12))
    assert a.date_provenance.kind == "inferred"
    assert "Monday" in a.date_provenance.detail and "approximate" in a.date_provenance.detail


def test_no_weekday_or_weekday_outside_range_gives_the_range():
    none = art("No day is named.", trip=region(6))
    outside = art("It happened on Sunday.", trip=region(6))  # 20-22 Mar 2024: Wed-Fri
    resolve_and_infer([none, outside], registry())
    for a in (none, outside):
        assert a.date is None and a.date_range == (D(2024, 3, 20), D(2024, 3, 22))
    assert "names no weekday" in none.date_provenance.detail
    assert "not in it" in outside.date_provenance.detail


def test_relative_weekdays_are_not_the_main_event():
    a = art("Last Monday he called. Officials met him on Thursday.")
    assert main_event_weekday(a) == "Thursday"
    assert main_event_weekday(art("Meetings on Mondays are routine.")) is None


def test_dated_article_before_the_stated_trip_is_flagged():
    a = art(date=D(2024, 3, 1), trip=region(6))
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 6
    assert "before that trip began" in a.discrepancy


def test_editor_trip_wins_and_is_still_checked():
    a = art(date=D(2024, 1, 10), trip=region(6))
    a.trip_resolved, a.trip_provenance = 4, Provenance("editor", "set by the editor")
    resolve_and_infer([a], registry())
    assert a.trip_resolved == 4 and a.trip_provenance.kind == "editor"
    assert "sixth" not in a.discrepancy and "trip 6" in a.discrepancy


def test_without_registry_trips_are_keyed_by_stated_ordinal():
    a, b = art(trip=visit(5)), art(date=D(2024, 1, 10))
    resolve_and_infer([a, b], None)
    assert a.trip_resolved == 5 and a.trip_provenance.kind == "text"
    assert b.trip_resolved is None
    assert a.date is None and a.date_range is None  # no registry, no inference


def test_twenty_first_visit_alias_resolves_an_undated_article():
    reg = TripRegistry([Trip(30, D(2025, 5, 4), D(2025, 5, 8), ["Israel"],
                             [parse_alias("twenty-first visit to Israel")])])
    a = art("Officials met the visitor in Israel on Tuesday.",
            trip=visit(21, "21st visit since the war began"), places=["Israel"])
    resolve_and_infer([a], reg)
    assert a.trip_resolved == 30
    assert "twenty-first visit to Israel" in a.trip_provenance.detail
    assert a.date == D(2025, 5, 6)
