"""What the reader reads: provenance, cleaner reasons and trip filings in plain words.

Why a module of its own: the pipeline records facts in the editor's terms (reason codes
such as ``last-update``, "set by the editor in corrections.toml", "alias"), which are
right for the page header and ``inspect --json`` but not for a reader. Every reader-facing
phrase for those facts is written here, once, and the templates only show it.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..editorial.trips import range_text

# Provenance kinds as the legend names them (model.TEXT, INFERRED, EDITOR).
PROVENANCE_LABELS = {
    "text": "stated",
    "inferred": "inferred",
    "editor": "corrected by the editor",
    "hand": "edited by hand",
}
PROVENANCE_LEGEND = [
    ("stated", "the article itself says so."),
    ("inferred", "worked out from other facts, such as the dates of a trip; "
                 "the reasoning is given."),
    ("corrected by the editor", "set or fixed by the digest's editor."),
    ("edited by hand", "changed by the editor on the article's page."),
]

# What the cleaner took out of a seed, by reason code, in the reader's words.
REMOVED_LABELS = {
    "byline": "Byline",
    "promo": "Link to another story",
    "footer": "Page footer",
    "credit": "Photo credit",
    "date-marker": "Date marker",
    "date-line": "Date line",
    "dateline": "Date line",
    "last-update": "“Last updated” line",
    "published": "“Published” line",
    "lead-in": "Outlet name",
    "repeated-headline": "Headline repeated",
    "repeated-standfirst": "Standfirst repeated",
    "newsletter": "Newsletter sign-up",
    "comment-policy": "Comment policy",
    "source-line": "Source line",
    "social": "Sharing buttons",
    "separator": "Separator",
}

_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
             "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
             "nineteenth twentieth").split()
_EDITOR_FILE = re.compile(r"\s*\bin [\w.-]+\.toml\b")


def provenance_label(kind: str) -> str:
    """``inferred`` -> "inferred"; "" for facts stated in the text or unknown."""
    return PROVENANCE_LABELS.get(kind, "") if kind != "text" else ""


def provenance_detail(kind: str, detail: str) -> str:
    """The reasoning behind a fact, without file names ("" when the label says it all)."""
    if kind == "editor":
        return ""
    return _EDITOR_FILE.sub("", detail or "").strip()


def removed_label(reason: str) -> str:
    """A cleaner reason code as words: ``last-update`` -> "“Last updated” line"."""
    if reason in REMOVED_LABELS:
        return REMOVED_LABELS[reason]
    words = reason.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Other"


def ordinal(n: int) -> str:
    """4 -> "fourth"; 23 -> "23rd"."""
    if 1 <= n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def possessive(name: str) -> str:
    """"Antony Blinken" -> "Blinken’s" (the surname, as news copy refers to people)."""
    surname = name.split()[-1] if name.split() else name
    return f"{surname}’s" if surname else "the traveller’s"


def _day(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


def trip_filing(article: Any, trip: Any, traveller: str, alias: Any = None) -> str:
    """Why ``article`` is on ``trip`` (a ``TripPage``), said to the reader.

    ``alias`` is the trips file's alias that explains a count differing from the trip
    number ("fifth visit to Israel" for trip 4), when there is one."""
    stated = getattr(article, "trip_stated", None) or {}
    phrase = stated.get("phrase", "")
    who = possessive(traveller) if traveller else "the"
    says = f"The article says “{phrase}”. " if phrase else ""
    if alias is not None:
        return (f"{says}Outlets counted this as {who} {alias.phrase}; it was "
                f"{who} {ordinal(trip.number)} trip to the region.")
    if phrase and stated.get("number") not in (None, trip.number):
        where = f" ({trip.range_text})" if trip.range_text else ""
        return (f"{says}By the digest’s list of trips this was trip {trip.number}{where}, "
                f"the {ordinal(trip.number)} trip to the region.")
    if phrase:
        return f"{says}".strip()
    day = _day(getattr(article, "date", None))
    if day is not None and not getattr(article, "undated", False) and trip.range_text:
        return (f"Dated {day.day} {day:%b %Y}, during trip {trip.number} "
                f"({trip.range_text}).")
    if trip.start and trip.end:
        return f"On trip {trip.number} ({range_text(trip.start, trip.end)})."
    return ""


__all__ = ["PROVENANCE_LEGEND", "ordinal", "possessive", "provenance_detail",
           "provenance_label", "removed_label", "trip_filing"]
