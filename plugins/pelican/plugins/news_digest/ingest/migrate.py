"""Move a hand-edited page of the earlier format (a ``Digest:`` JSON line) to the
current one without losing the editor's changes.

Why a separate, explicit step: a build never overwrites a hand-edited page, so it
keeps such a page as it is and names ``news-digest migrate PAGE``. Migrating writes
the page ingest generates now, then carries over every readable line of the old
page (Title, Date, Source, Summary, People, Places, Organizations, Trip-Resolved)
and its body where they differ from it. The ``Generated`` line records the freshly
generated values, so each carried-over change shows on the site as edited by hand.
"""

from __future__ import annotations

import copy
import datetime

from ..model import ArticleData, Entity, Person
from .page import (
    Page,
    escape_block,
    escape_meta,
    escape_name,
    parse_trip_number,
    render_body,
    split_list,
    unescape_block,
)


def carry_over(data: ArticleData, old: Page) -> ArticleData:
    """``data`` (what ingest generates now) with the old page's differing facts."""
    d = copy.deepcopy(data)
    title = old.get("title")
    if title and title != escape_meta(d.title):
        d.title = title
    _carry_date(d, old.get("date"))
    source = old.get("source")
    if source != escape_meta(d.source or ""):
        d.source = source or None
    summary = old.get("summary")
    if summary != escape_block(d.summary):
        d.summary = unescape_block(summary)
    names = split_list(old.get("people"))
    if names != [escape_name(p.name) for p in d.people]:
        known = {escape_name(p.name): p for p in d.people}
        d.people = [known.get(n) or Person(n) for n in names]
    for key in ("places", "organizations"):
        names = split_list(old.get(key))
        if names != [escape_name(e.name) for e in getattr(d, key)]:
            setattr(d, key, [Entity(n) for n in names])
    trip = parse_trip_number(old.get("trip-resolved"))
    if trip != d.trip_resolved:
        d.trip_resolved = trip
    if old.body.strip() != render_body(d).strip():
        d.page_body = old.body
    return d


def _carry_date(d: ArticleData, value: str) -> None:
    if not value:
        return
    try:
        date = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return
    if date != d.date:
        d.date, d.date_range = date, None
