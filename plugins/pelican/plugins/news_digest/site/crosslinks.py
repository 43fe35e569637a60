"""The digest's cross-links: who appears where, which trip holds what, and in what order.

Built once per build in one pass over the articles (``article_generator_finalized``),
so person and trip pages cost time linear in the number of articles. The result is
put in the shared context (``news_digest``) for the templates and the generator,
and each article gets its people, trip, quotes and related articles as attributes.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .. import settings as nd_settings
from ..editorial.trips import Trip, TripRegistry, range_text
from ..ingest.cache import BuildMemo
from ..ingest.store import assign_person_slugs
from . import annotate, wording

logger = logging.getLogger(__name__)

CONTEXT_KEY = "news_digest"


@dataclass(eq=False)
class PersonPage:
    name: str
    slug: str = ""
    url: str = ""
    save_as: str = ""
    feed_url: str = ""
    feed_save_as: str = ""
    description: str = ""
    registry_roles: list[str] = field(default_factory=list)
    articles: list = field(default_factory=list)  # chronological
    role_counts: Counter = field(default_factory=Counter)
    quotes: list[tuple[str, Any]] = field(default_factory=list)  # (text, article)
    companion_counts: Counter = field(default_factory=Counter)  # name -> shared articles
    companions: list[tuple[PersonPage, int]] = field(default_factory=list)
    trips: list[TripPage] = field(default_factory=list)

    @property
    def roles(self) -> list[str]:
        """Roles the articles give, most frequent first; the people file's otherwise."""
        if self.role_counts:
            return [r for r, _ in sorted(self.role_counts.items(), key=lambda x: (-x[1], x[0]))]
        return list(self.registry_roles)

    @property
    def role(self) -> str:
        roles = self.roles
        return roles[0] if roles else ""

    @property
    def dated_articles(self) -> list:
        return [a for a in self.articles if not getattr(a, "undated", False)]


@dataclass(eq=False)
class TripPage:
    number: int
    trip: Trip | None = None  # None when known only from what articles state
    url: str = ""
    save_as: str = ""
    feed_url: str = ""
    feed_save_as: str = ""
    articles: list = field(default_factory=list)  # chronological
    person_counts: Counter = field(default_factory=Counter)
    people: list[tuple[PersonPage, int]] = field(default_factory=list)
    discrepancies: list[tuple[Any, str]] = field(default_factory=list)  # (article, text)
    stated_by: list = field(default_factory=list)  # articles stating this number elsewhere
    itinerary: list[dict] = field(default_factory=list)  # {"place", "date", "article"}
    # (len(articles), (first, last)): templates ask every article's trip for its range,
    # so the span is computed once per trip, not once per page (keeps the build linear).
    _span: tuple = field(default=(-1, (None, None)), repr=False, compare=False)

    def _dated_span(self) -> tuple[datetime.date | None, datetime.date | None]:
        if self._span[0] != len(self.articles):
            dates = [_day(a) for a in self.articles if not getattr(a, "undated", False)]
            self._span = (len(self.articles),
                          (min(dates), max(dates)) if dates else (None, None))
        return self._span[1]

    @property
    def start(self) -> datetime.date | None:
        if self.trip:
            return self.trip.start
        return self._dated_span()[0]

    @property
    def end(self) -> datetime.date | None:
        if self.trip:
            return self.trip.end
        return self._dated_span()[1]

    @property
    def range_text(self) -> str:
        if self.start and self.end:
            return range_text(self.start, self.end)
        return ""

    @property
    def in_registry(self) -> bool:
        return self.trip is not None

    @property
    def title(self) -> str:
        return (self.trip.title if self.trip and self.trip.title else f"Trip {self.number}")

    @property
    def heading(self) -> str:
        """"Trip 4: Fourth trip to the Middle East", or "Trip 4" when untitled."""
        titled = self.trip.title if self.trip and self.trip.title else ""
        return f"Trip {self.number}: {titled}" if titled else f"Trip {self.number}"

    @property
    def places(self) -> list[str]:
        return list(self.trip.places) if self.trip else []

    @property
    def aliases(self) -> list[str]:
        return [a.phrase for a in self.trip.aliases] if self.trip else []

    @property
    def note(self) -> str:
        return self.trip.note if self.trip else ""

    @property
    def dated_articles(self) -> list:
        return [a for a in self.articles if not getattr(a, "undated", False)]


@dataclass
class DigestIndex:
    people: list[PersonPage] = field(default_factory=list)  # by article count, then name
    by_name: dict[str, PersonPage] = field(default_factory=dict)
    trips: list[TripPage] = field(default_factory=list)  # chronological
    by_number: dict[int, TripPage] = field(default_factory=dict)
    no_trip: list = field(default_factory=list)  # chronological
    chronological: list = field(default_factory=list)
    traveller: str = ""
    timeline: dict = field(default_factory=dict)
    story: dict = field(default_factory=dict)
    common: set = field(default_factory=set)  # names in most articles (not "related")


def _day(article) -> datetime.date:
    d = article.date
    return d.date() if isinstance(d, datetime.datetime) else d


def chrono_key(article) -> tuple:
    """Dated (and approximate) articles by date; truly undated ones last."""
    undated = getattr(article, "undated", False) and not getattr(article, "date_range", None)
    return (undated, _day(article), article.title, article.slug)


def _fmt(pattern: str, **kw) -> str:
    return pattern.format(**kw) if pattern else ""


def allocate_person_slugs(names: list[str], settings: dict, claimed: set[str],
                          fixed: dict[str, str] | None = None) -> dict[str, str]:
    """Deterministic unique slugs whose pages overwrite nothing already claimed; the
    addresses recorded on article pages (``fixed``) first, so a person keeps theirs."""
    save_as = nd_settings.get(settings, "NEWS_DIGEST_PERSON_SAVE_AS")
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS") or []
    out = assign_person_slugs(
        names, fixed or {}, subs,
        (lambda slug: _fmt(save_as, slug=slug) in claimed) if save_as else None)
    if save_as:
        claimed.update(_fmt(save_as, slug=slug) for slug in out.values())
    return out


def build_index(articles: list, settings: dict, trips: TripRegistry | None = None,
                people_registry=None, claimed: set[str] | None = None) -> DigestIndex:
    """People, trips, quotes and neighbours of every article, in one pass."""
    index = DigestIndex(traveller=trips.traveller if trips else "")
    index.chronological = sorted(articles, key=chrono_key)
    index.by_name = _person_pages(articles, settings, people_registry, set(claimed or ()))
    trip_page = partial(_trip_page, index, settings, trips)
    for trip in (trips.trips if trips else []):
        trip_page(trip.number)
    for a in index.chronological:  # the one pass
        _add_article(a, index, trips, trip_page)
    _finish_people(index)
    _finish_trips(index)
    index.common = common_people(index)
    _neighbours(index, int(nd_settings.get(settings, "NEWS_DIGEST_RELATED_LIMIT")))
    index.timeline = _timeline(index)
    index.story = story(index, people_registry)
    return index


def _person_pages(articles: list, settings: dict, people_registry,
                  claimed: set[str]) -> dict[str, PersonPage]:
    """A page for every name the articles give, by name, with its addresses and what the
    people file says; the slugs recorded on article pages are kept."""
    names = sorted({n for a in articles for n in getattr(a, "people", []) or []})
    fixed = {n: s for a in articles for n, s in (getattr(a, "person_slugs", None) or {}).items()}
    slugs = allocate_person_slugs(names, settings, claimed, fixed)
    pages = {}
    for name in names:
        p = PersonPage(name, slugs[name])
        p.url = _fmt(nd_settings.get(settings, "NEWS_DIGEST_PERSON_URL"), slug=p.slug)
        p.save_as = _fmt(nd_settings.get(settings, "NEWS_DIGEST_PERSON_SAVE_AS"), slug=p.slug)
        p.feed_url = _fmt(nd_settings.get(settings, "NEWS_DIGEST_PERSON_FEED_ATOM_URL"),
                          slug=p.slug)
        p.feed_save_as = _fmt(nd_settings.get(settings, "NEWS_DIGEST_PERSON_FEED_ATOM"),
                              slug=p.slug)
        entry = people_registry.get(name) if people_registry is not None else None
        if entry is not None:
            p.description = entry.description
            p.registry_roles = list(entry.roles)
        pages[name] = p
    return pages


def _trip_page(index: DigestIndex, settings: dict, trips: TripRegistry | None,
               number: int) -> TripPage:
    """The page of trip ``number``, made (with its addresses) the first time it is asked for."""
    t = index.by_number.get(number)
    if t is None:
        t = TripPage(number, trips.by_number.get(number) if trips else None)
        t.url = _fmt(nd_settings.get(settings, "NEWS_DIGEST_TRIP_URL"), number=number)
        t.save_as = _fmt(nd_settings.get(settings, "NEWS_DIGEST_TRIP_SAVE_AS"),
                         number=number)
        t.feed_url = _fmt(nd_settings.get(settings, "NEWS_DIGEST_TRIP_FEED_ATOM_URL"),
                          number=number)
        t.feed_save_as = _fmt(nd_settings.get(settings, "NEWS_DIGEST_TRIP_FEED_ATOM"),
                              number=number)
        index.by_number[number] = t
    return t


def _add_article(a, index: DigestIndex, trips: TripRegistry | None, trip_page) -> None:
    """One article of the one pass: on its people's pages (with roles and companions),
    its quotes on their speakers' pages, and on its trip."""
    people = [index.by_name[n] for n in dict.fromkeys(getattr(a, "people", []) or [])]
    roles = getattr(a, "person_roles", {}) or {}
    for p in people:
        p.articles.append(a)
        p.role_counts.update(roles.get(p.name) or [])
        for other in people:
            if other is not p:
                p.companion_counts[other.name] += 1
    a.digest_people = [(p, roles.get(p.name) or []) for p in people]
    a.digest_quotes = []
    for q in getattr(a, "quotes", []) or []:
        speaker = index.by_name.get(q.get("speaker") or "")
        a.digest_quotes.append({"text": q.get("text", ""), "speaker": q.get("speaker"),
                                "person": speaker})
        if speaker is not None:
            speaker.quotes.append((q.get("text", ""), a))
    number = getattr(a, "trip_resolved", None)
    a.digest_trip = trip_page(number) if number else None
    _file_under_trip(a, index, trips, trip_page, people)


def _finish_people(index: DigestIndex) -> None:
    """After the pass: each person's companions and trips, and the people in page order
    (most articles first)."""
    for p in index.by_name.values():
        p.companions = sorted(((index.by_name[n], c) for n, c in p.companion_counts.items()),
                              key=lambda x: (-x[1], x[0].name))
        seen: dict[int, TripPage] = {}
        for a in p.articles:
            if a.digest_trip is not None:
                seen.setdefault(a.digest_trip.number, a.digest_trip)
        p.trips = list(seen.values())
    index.people = sorted(index.by_name.values(), key=lambda p: (-len(p.articles), p.name))


def _finish_trips(index: DigestIndex) -> None:
    """After the pass: the trips in date order, each with its people, the articles that
    state its number though filed elsewhere, and its itinerary."""
    index.trips = sorted(index.by_number.values(),
                         key=lambda t: (t.start or datetime.date.max, t.number))
    for t in index.trips:
        t.people = sorted(((index.by_name[n], c) for n, c in t.person_counts.items()),
                          key=lambda x: (-x[1], x[0].name))
        for a in t.stated_by:
            if all(a is not b for b, _ in t.discrepancies):
                t.discrepancies.append((a, _filed_elsewhere(a)))
        t.itinerary = itinerary(t)


def _stated_alias(a, trips: TripRegistry | None):
    """The trips file's alias that counts the way the article does, on its filed trip."""
    stated = getattr(a, "trip_stated", None) or {}
    trip = trips.by_number.get(getattr(a, "trip_resolved", None)) if trips else None
    if trip is None or not stated:
        return None
    return next((al for al in trip.aliases if al.number == stated.get("number")
                 and al.basis == stated.get("basis")), None)


def _file_under_trip(a, index: DigestIndex, trips: TripRegistry | None, trip_page,
                     people: list[PersonPage]) -> None:
    """Put ``a`` on its trip (or the no-trip list) with the reader's explanation; an
    article stating another registry trip's number (not explained by an alias) is noted
    on that trip's page too."""
    t = a.digest_trip
    alias = _stated_alias(a, trips)
    a.trip_alias = alias
    a.trip_note = wording.trip_filing(a, t, index.traveller, alias) if t is not None else ""
    stated = getattr(a, "trip_stated", None) or {}
    number = stated.get("number")
    a.trip_disagrees = bool(t is not None and number and number != t.number and alias is None)
    if t is not None:
        t.articles.append(a)
        t.person_counts.update(p.name for p in people)
        if a.trip_disagrees:
            t.discrepancies.append((a, a.trip_note))
    else:
        index.no_trip.append(a)
    if (number and alias is None and (t is None or number != t.number)
            and stated.get("basis") != "visit" and (trips is None or number in trips.by_number)):
        trip_page(number).stated_by.append(a)


def _filed_elsewhere(a) -> str:
    phrase = (getattr(a, "trip_stated", None) or {}).get("phrase", "")
    t = a.digest_trip
    if t is None:
        return f"The article says “{phrase}”, but it is not filed under a trip."
    return (f"The article says “{phrase}”; it is filed under trip {t.number}"
            + (f" ({t.range_text})." if t.range_text else "."))


def itinerary(t: TripPage) -> list[dict]:
    """The trip's stops: the trips file's places, each dated by the first dated article
    on the trip that names it; dated stops are put in date order among themselves, the
    others keep the file's order (the editor's order of travel)."""
    first: dict[str, Any] = {}
    for a in t.dated_articles:
        for place in getattr(a, "places", []) or []:
            first.setdefault(place.lower(), a)
    stops = [{"place": p, "article": first.get(p.lower()),
              "date": _day(first[p.lower()]) if p.lower() in first else None}
             for p in t.places]
    dated = sorted((s for s in stops if s["date"]), key=lambda s: s["date"])
    slots = iter(dated)
    return [next(slots) if s["date"] else s for s in stops]


def common_people(index: DigestIndex) -> set[str]:
    """People in more than half of the articles (at least three): sharing them says
    little about whether two articles are related."""
    total = len(index.chronological)
    if total < 3:
        return set()
    return {p.name for p in index.by_name.values() if 2 * len(p.articles) > total}


def story(index: DigestIndex, people_registry=None) -> dict:
    """What the collection is about, for the home page: the traveller (the trips file's,
    else the person in most articles), the dated span, trip and article counts, and the
    most-mentioned people (by articles)."""
    dated = [_day(a) for a in index.chronological if not getattr(a, "undated", False)]
    traveller = index.by_name.get(index.traveller) or (index.people[0] if index.people
                                                       else None)
    described = people_registry.get(traveller.name) if traveller and people_registry else None
    return {
        "traveller": traveller,
        "traveller_name": index.traveller or (traveller.name if traveller else ""),
        "description": described.description if described else "",
        "start": min(dated) if dated else None,
        "end": max(dated) if dated else None,
        "trips": len(index.trips),
        "articles": len(index.chronological),
        "key_people": [p for p in index.people if p is not traveller][:5],
    }


def _neighbours(index: DigestIndex, limit: int) -> None:
    """Previous/next, same-trip and shared-people articles, each from nearby lists only.

    Candidates come from the ``limit`` articles on either side of an article in each of
    its people's (chronological) lists, so the cost stays linear in the articles.
    """
    order = index.chronological
    position = {id(a): i for i, a in enumerate(order)}
    for i, a in enumerate(order):
        a.prev_article = order[i - 1] if i > 0 else None
        a.next_article = order[i + 1] if i + 1 < len(order) else None
    person_pos: dict[int, dict[int, int]] = defaultdict(dict)
    for p in index.by_name.values():
        for i, a in enumerate(p.articles):
            person_pos[id(p)][id(a)] = i
    trip_pos = {}
    for t in index.by_number.values():
        for i, a in enumerate(t.articles):
            trip_pos[id(a)] = i
    for a in order:
        t = a.digest_trip
        if t is not None:
            i = trip_pos[id(a)]
            near = t.articles[max(0, i - limit):i] + t.articles[i + 1:i + 1 + limit]
            near.sort(key=lambda b: (abs(position[id(b)] - position[id(a)]), position[id(b)]))
            a.same_trip = sorted(near[:limit], key=lambda b: position[id(b)])
        else:
            a.same_trip = []
        a.shared_people = _related(a, position, person_pos, index.common, limit,
                                   {id(b) for b in a.same_trip})


def _related(a, position: dict, person_pos: dict, common: set, limit: int,
             skip: set) -> list[tuple[Any, list[PersonPage]]]:
    """Up to ``limit`` articles sharing the most people with ``a`` (not counting people
    in most articles, nor articles already listed as on the same trip), in date order,
    each with the people it shares. Candidates are the ``limit`` articles either side of
    ``a`` in each person's list, so the cost stays linear."""
    shared: dict[int, list[PersonPage]] = defaultdict(list)
    by_id = {}
    for p, _ in a.digest_people:
        if p.name in common:
            continue
        i = person_pos[id(p)][id(a)]
        for b in p.articles[max(0, i - limit):i] + p.articles[i + 1:i + 1 + limit]:
            if id(b) not in skip:
                shared[id(b)].append(p)
                by_id[id(b)] = b
    here = position[id(a)]
    ranked = sorted(shared, key=lambda k: (-len(shared[k]), abs(position[k] - here)))[:limit]
    return [(by_id[k], shared[k]) for k in sorted(ranked, key=lambda k: position[k])]


def _timeline(index: DigestIndex) -> dict:
    """Trips and dated articles on one axis, with positions (percent) for the theme."""
    days = [_day(a) for a in index.chronological if not getattr(a, "undated", False)
            or getattr(a, "date_range", None)]
    days += [d for t in index.trips for d in (t.start, t.end) if d]
    if not days:
        return {"start": None, "end": None, "entries": [], "undated": list(index.chronological)}
    start, end = min(days), max(days)
    span = max((end - start).days, 1)

    def pos(d: datetime.date) -> float:
        return round(100 * (d - start).days / span, 2)

    entries = []
    for t in index.trips:
        if t.start and t.end:
            entries.append({"kind": "trip", "date": t.start, "end": t.end, "trip": t,
                            "pos": pos(t.start), "width": max(pos(t.end) - pos(t.start), 0.5)})
    undated = []
    for a in index.chronological:
        if getattr(a, "undated", False) and not getattr(a, "date_range", None):
            undated.append(a)
            continue
        rng = getattr(a, "date_range", None)
        entries.append({"kind": "article", "date": _day(a), "end": rng[1] if rng else None,
                        "article": a, "pos": pos(_day(a)), "width": 0})
    entries.sort(key=lambda e: (e["date"], e["kind"] != "trip"))
    months = []
    m = datetime.date(start.year, start.month, 1)
    while m <= end:
        if m >= start:
            months.append({"date": m, "pos": pos(m)})
        if m.year == datetime.MAXYEAR and m.month == 12:
            break  # a hand-edited Date: 9999-12-31 must not crash the build
        m = datetime.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return {"start": start, "end": end, "entries": entries, "months": months,
            "undated": undated, "groups": month_groups(entries),
            "days": sorted({e["pos"] for e in entries if e["kind"] == "article"})}


def month_groups(entries: list[dict]) -> list[dict]:
    """Timeline entries (in date order) by month: ``key`` "2024-01" is the anchor."""
    groups: list[dict] = []
    for e in entries:
        key = e["date"].strftime("%Y-%m")
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "year": e["date"].year, "date": e["date"].replace(day=1),
                           "entries": [], "articles": 0})
        groups[-1]["entries"].append(e)
        groups[-1]["articles"] += e["kind"] == "article"
    return groups


def annotate_articles(index: DigestIndex, articles: list, context: dict, settings: dict,
                      people_registry=None) -> None:
    """Link people mentions in each article's HTML to their pages."""
    urls = {p.slug: p.url for p in index.by_name.values() if p.url}
    annotate.register_targets(context, urls)
    aliases: dict[str, list[str]] = {}
    if people_registry is not None:
        for name in index.by_name:
            entry = people_registry.get(name)
            if entry is not None:
                aliases[name] = [al for al in entry.aliases if len(al.split()) > 1]
    jobs = []
    for a in articles:
        names = [p.name for p, _ in getattr(a, "digest_people", []) if p.url]
        if not names or not getattr(a, "_content", None):
            continue
        forms = annotate.mention_forms(
            names, aliases, avoid=list(getattr(a, "places", []) or [])
            + list(getattr(a, "organizations", []) or []))
        hrefs = {p.name: annotate.placeholder(p.slug) for p, _ in a.digest_people}
        jobs.append((a, forms, hrefs))
    # One pattern for the whole build, not one per article (compiling costs ~1 ms).
    matcher = annotate.Matcher(f for _, forms, _ in jobs for f in forms)
    memo = BuildMemo.load(settings, "annotate")  # unchanged articles skip the HTML parse
    for a, forms, hrefs in jobs:
        a._content = memo(partial(annotate.annotate_html, a._content, forms, hrefs, matcher),
                          a._content, repr(sorted(forms.items())), repr(sorted(hrefs.items())))
    memo.save()
