"""The trips file, trip resolution and date inference (the collection pass at ingest).

The trips file is the editor's list of the traveller's trips: number, date range,
places and aliases (how outlets count the same trip differently, e.g. "fifth visit
to Israel" = trip 4). With it:

* an article dated inside a trip's range belongs to that trip, when it names the
  traveller (an article about someone else, dated that week, is not about the trip);
* an undated article whose stated ordinal matches a trip number or alias belongs to it;
* a stated ordinal that disagrees with the registry is recorded as a discrepancy;
* an undated article on a trip that names a weekday for its main event gets the unique
  date in the trip's range with that weekday, otherwise the range (approximate).

Without a trips file, articles are keyed by the ordinal they state.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.lexicon import ordinal_value
from ..extract.trips import TRIP_NOUN_BASIS
from ..model import EDITOR, INFERRED, TEXT, ArticleData, Provenance, TripMention
from .toml import TomlFile, as_date, date_problem, is_str_list

logger = logging.getLogger(__name__)

TOP_KEYS = {"traveller", "trip"}
TRIP_KEYS = {"number", "start", "end", "places", "aliases", "title", "note"}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = re.compile(r"\b(?:(last|next|previous|this coming|every)\s+)?"
                      r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s\b)",
                      re.IGNORECASE)


@dataclass(frozen=True)
class TripAlias:
    """How an outlet may count a trip: "fifth visit to Israel" -> (5, visit, Israel)."""

    phrase: str
    number: int
    basis: str  # "region" or "visit"
    place: str | None = None


def parse_alias(phrase: str) -> TripAlias | None:
    """Read "<ordinal> <trip noun> [to|in <place>]"; None when it is not that shape."""
    words = phrase.split()
    if len(words) < 2:
        return None
    number = ordinal_value(words[0])
    if number is None:
        return None
    basis = None
    rest: list[str] = []
    for i, w in enumerate(words[1:4], 1):
        basis = TRIP_NOUN_BASIS.get(w.lower().rstrip("s"))
        if basis is not None:
            rest = words[i + 1:]
            break
    if basis is None:
        return None
    place = None
    if rest and rest[0].lower() in {"to", "in"} and len(rest) > 1:
        place = " ".join(rest[1:])
        if place.lower().startswith("the "):
            place = place[4:]
        if place.lower() in {"region", "area"}:
            place, basis = None, "region"
    return TripAlias(phrase, number, basis, place)


def range_text(start: datetime.date, end: datetime.date) -> str:
    """"5–11 Jan 2024", "29 Apr–1 May 2024", "30 Dec 2023–2 Jan 2024"."""
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if start.year != end.year:
        return f"{start.day} {start:%b %Y}–{end.day} {end:%b %Y}"
    if start.month != end.month:
        return f"{start.day} {start:%b}–{end.day} {end:%b %Y}"
    return f"{start.day}–{end.day} {end:%b %Y}"


def day_text(d: datetime.date) -> str:
    return f"{d.day} {d:%b %Y}"


@dataclass
class Trip:
    number: int
    start: datetime.date
    end: datetime.date
    places: list[str] = field(default_factory=list)
    aliases: list[TripAlias] = field(default_factory=list)
    title: str = ""
    note: str = ""

    def contains(self, d: datetime.date) -> bool:
        return self.start <= d <= self.end

    @property
    def range_text(self) -> str:
        return range_text(self.start, self.end)


@dataclass
class TripRegistry:
    """The trips file, by number and by date."""

    trips: list[Trip] = field(default_factory=list)
    traveller: str = ""
    path: Path | None = None

    def __post_init__(self) -> None:
        self.trips.sort(key=lambda t: (t.start, t.number))
        self.by_number = {t.number: t for t in self.trips}

    def on_date(self, d: datetime.date) -> Trip | None:
        return next((t for t in self.trips if t.contains(d)), None)

    def alias_match(self, mention: TripMention, text: str, places: list[str]) -> Trip | None:
        """The trip one of whose aliases counts the way the article does."""
        for trip in self.trips:
            for alias in trip.aliases:
                if _alias_fits(alias, mention, text, places):
                    return trip
        return None

    def for_mention(self, mention: TripMention, text: str,
                    places: list[str]) -> tuple[Trip | None, str]:
        """(trip, how) for a stated ordinal: an alias first, then the trip number.

        A "visit" count (Nth visit to a country) only matches through an alias: the
        traveller's Nth visit to one country is rarely his Nth trip.
        """
        trip = self.alias_match(mention, text, places)
        if trip is not None:
            alias = next(a for a in trip.aliases if _alias_fits(a, mention, text, places))
            return trip, f"alias “{alias.phrase}”"
        if mention.basis != "visit" and mention.number in self.by_number:
            return self.by_number[mention.number], "trip number"
        return None, ""


def _mentions_place(place: str, text: str, places: list[str]) -> bool:
    low = place.lower()
    if any(p.lower() == low for p in places):
        return True
    return re.search(r"(?<!\w)" + re.escape(place) + r"(?!\w)", text) is not None


def _alias_fits(alias: TripAlias, mention: TripMention, text: str, places: list[str]) -> bool:
    if alias.number != mention.number or alias.basis != mention.basis:
        return False
    return alias.place is None or _mentions_place(alias.place, f"{mention.phrase}\n{text}",
                                                  places)


def load_trips(path: Path) -> TripRegistry:
    """Read and validate the trips file; raise ``EditorDataError`` naming line and fix."""
    f = TomlFile(path, 'each trip is a [[trip]] table with number = 4, start = 2024-01-05, '
                       'end = 2024-01-11, places = [...], aliases = [...]')
    for key in f.data:
        if key not in TOP_KEYS:
            raise f.error(f.line_of_key(key) or f.line_of_table(re.escape(key)),
                          f"unknown key {key!r}; a trips file has traveller = \"...\" and "
                          f"[[trip]] tables")
    traveller = f.data.get("traveller", "")
    if not isinstance(traveller, str):
        raise f.error(f.line_of_key("traveller"), "traveller must be a string (a name)")
    entries = f.data.get("trip", [])
    if not isinstance(entries, list):
        raise f.error(f.line_of_key("trip"), "write each trip as a [[trip]] table")
    trips: list[Trip] = []
    seen: dict[int, int] = {}
    for i, entry in enumerate(entries, 1):
        line = f.line_of_table("trip", i)

        def err(key: str | None, message: str, line: int = line) -> Exception:
            return f.error(f.line_of_key(key, line) if key else line, message)

        for key in entry:
            if key not in TRIP_KEYS:
                raise err(key, f"unknown key {key!r} in a [[trip]] table; allowed: "
                               + ", ".join(sorted(TRIP_KEYS)))
        number = entry.get("number")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise err("number" if "number" in entry else None,
                      "every [[trip]] needs number = N (a whole number from 1)")
        if number in seen:
            raise err("number", f"trip {number} is listed twice (first at line {seen[number]}); "
                                f"give each trip its own number")
        seen[number] = line
        dates = {}
        for key in ("start", "end"):
            d = as_date(entry.get(key))
            if d is None:
                raise err(key if key in entry else None,
                          f"trip {number}: {key} must be a date like {key} = 2024-01-05")
            if date_problem(d):
                raise err(key, f"trip {number}: {key} {date_problem(d)}")
            dates[key] = d
        if dates["end"] < dates["start"]:
            raise err("end", f"trip {number} ends ({dates['end']}) before it starts "
                             f"({dates['start']}); swap start and end")
        for key in ("places", "aliases"):
            if key in entry and not is_str_list(entry[key]):
                raise err(key, f"trip {number}: {key} must be a list of strings")
        for key in ("title", "note"):
            if key in entry and not isinstance(entry[key], str):
                raise err(key, f"trip {number}: {key} must be a string")
        aliases = []
        for phrase in entry.get("aliases", []):
            alias = parse_alias(phrase)
            if alias is None:
                raise err("aliases", f"trip {number}: alias {phrase!r} is not of the form "
                                     f"\"fifth visit to Israel\" or \"4th trip to the region\"")
            aliases.append(alias)
        trips.append(Trip(number, dates["start"], dates["end"], list(entry.get("places", [])),
                          aliases, entry.get("title", ""), entry.get("note", "")))
    ordered = sorted(trips, key=lambda t: t.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start <= a.end:
            raise f.error(seen[b.number], f"trips {a.number} ({a.range_text}) and {b.number} "
                                          f"({b.range_text}) overlap; fix their dates")
    return TripRegistry(trips, traveller, Path(path))


# --- resolution ------------------------------------------------------------------------


def _article_text(a: ArticleData) -> str:
    return "\n".join(b.text for b in a.blocks)


def _place_names(a: ArticleData) -> list[str]:
    return [p.name for p in a.places]


def _disagreement(a: ArticleData, trip: Trip, registry: TripRegistry) -> str:
    """Why the ordinal the article states does not fit ``trip`` ("" when it fits)."""
    m = a.trip
    if m is None:
        return ""
    text, places = _article_text(a), _place_names(a)
    if any(_alias_fits(al, m, text, places) for al in trip.aliases):
        return ""
    other = registry.alias_match(m, text, places)
    if other is not None and other.number != trip.number:
        return (f"the article says “{m.phrase}”, which the trips file counts as trip "
                f"{other.number}, but it is filed under trip {trip.number} ({trip.range_text})")
    if m.basis != "visit" and m.number != trip.number:
        return (f"the article says “{m.phrase}” (trip {m.number}), but the trips file has it "
                f"as trip {trip.number} ({trip.range_text})")
    return ""


def resolve_trips(articles: list[ArticleData], registry: TripRegistry | None) -> None:
    """Set ``trip_resolved``/``trip_provenance``/``discrepancy`` on every article.

    Articles whose trip the editor set (provenance ``editor``) keep it; their stated
    ordinal is still checked against the registry.
    """
    for a in articles:
        if a.trip_provenance.kind == EDITOR:
            trip = registry.by_number.get(a.trip_resolved) if registry and a.trip_resolved \
                else None
            if trip is not None:
                a.discrepancy = _disagreement(a, trip, registry)
            continue
        if registry is None:
            if a.trip is not None:
                a.trip_resolved = a.trip.number
                a.trip_provenance = Provenance(TEXT, f"the article says “{a.trip.phrase}”")
            continue
        _resolve_one(a, registry)


def names_traveller(a: ArticleData, registry: TripRegistry) -> bool:
    """Whether ``a`` names the trips file's traveller (True when the file names none)."""
    return not registry.traveller or any(p.name == registry.traveller for p in a.people)


def _resolve_one(a: ArticleData, registry: TripRegistry) -> None:
    m = a.trip
    if a.date is not None and names_traveller(a, registry):
        trip = registry.on_date(a.date)
        if trip is not None:
            a.trip_resolved = trip.number
            a.trip_provenance = Provenance(
                INFERRED, f"dated {day_text(a.date)}, during trip {trip.number} "
                          f"({trip.range_text})")
            a.discrepancy = _disagreement(a, trip, registry)
            return
    if m is None:
        return
    trip, how = registry.for_mention(m, _article_text(a), _place_names(a))
    if trip is None:
        if m.basis != "visit":
            a.discrepancy = (f"the article says “{m.phrase}”, but the trips file has no "
                             f"trip {m.number}")
        else:
            a.discrepancy = (f"the article says “{m.phrase}”, which no trip's aliases in the "
                             f"trips file name; add an alias to the right trip")
        return
    a.trip_resolved = trip.number
    kind = TEXT if how == "trip number" else INFERRED
    a.trip_provenance = Provenance(kind, f"the article says “{m.phrase}” = trip {trip.number} "
                                         f"({how})")
    if a.date is not None and a.date < trip.start:
        a.discrepancy = (f"the article says “{m.phrase}” (trip {trip.number}, "
                         f"{trip.range_text}), but it is dated {day_text(a.date)}, before "
                         f"that trip began")


# --- date inference --------------------------------------------------------------------


def main_event_weekday(a: ArticleData) -> str | None:
    """The first weekday the body names for an event ("on Tuesday"), not "last Monday"."""
    for block in a.blocks:
        for m in _WEEKDAY.finditer(block.text):
            if m.group(1):
                continue
            return m.group(2).capitalize()
    return None


def infer_dates(articles: list[ArticleData], registry: TripRegistry | None) -> None:
    """Date undated articles on a registry trip: a unique weekday, else the trip's range."""
    if registry is None:
        return
    for a in articles:
        if a.date is not None or a.trip_resolved is None:
            continue
        trip = registry.by_number.get(a.trip_resolved)
        if trip is None:
            continue
        weekday = main_event_weekday(a)
        basis = f"trip {trip.number} ran {trip.range_text}"
        if weekday is not None:
            wd = WEEKDAYS.index(weekday)
            days = [trip.start + datetime.timedelta(n)
                    for n in range((trip.end - trip.start).days + 1)]
            hits = [d for d in days if d.weekday() == wd]
            if len(hits) == 1:
                a.date = hits[0]
                a.date_range = None
                a.date_provenance = Provenance(INFERRED, f"{basis} and the article says "
                                                         f"{weekday}")
                continue
            why = (f"the article says {weekday}, which falls {len(hits)} times in it"
                   if hits else f"the article says {weekday}, which is not in it")
        else:
            why = "the article names no weekday"
        a.date_range = (trip.start, trip.end)
        a.date_provenance = Provenance(INFERRED, f"{basis}; {why}: approximate")


def resolve_and_infer(articles: list[ArticleData], registry: TripRegistry | None) -> None:
    """Trip resolution then date inference (corrections are applied before this)."""
    resolve_trips(articles, registry)
    infer_dates(articles, registry)


__all__ = ["Trip", "TripAlias", "TripRegistry", "infer_dates", "load_trips",
           "main_event_weekday", "parse_alias", "range_text", "resolve_and_infer", "resolve_trips"]
