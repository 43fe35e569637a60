"""Datelines and outlet lead-ins at the start of an article's first paragraph.

``JERUSALEM (Reuters) - ...``, ``GAZA CITY, May 2 (AP) -- ...`` and ``Islam Times - ...``
open a paragraph the same way; a place says it is a dateline, an outlet's name says it
is a lead-in. The cleaner removes lead-ins and reads a dateline's date; the metadata
extractor strips a dateline from the lead. Both ask this module, which asks the
gazetteer which names are places, so the cleaner (phase 1) depends on extraction's
lookups in one direction only.
"""

from __future__ import annotations

import re

from ..datafiles import data_words
from .gazetteer import dateline_names

_PAREN_DATELINE = re.compile(
    r"^(?P<pre>[^()\n]{0,60}?) ?\((?P<outlet>[A-Z][\w .&'/-]{0,40}?)\) ?"
    r"(?P<dash>[-\u2013\u2014]{1,2} ?|(?=[A-Z]))"
)
_NAME_DASH = re.compile(
    r"^(?P<name>[A-Z][\w&'.]*(?: (?:[A-Z0-9][\w&'.]*|of|the|and|de|al|el|for)){0,5})"
    r"(?P<rest>, [^()\n]{1,50}?)? ?(?P<dash>[-\u2013\u2014]{1,2}) (?=[\"'A-Z0-9])"
)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_ABBR_DOT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\. ")
_DATED_PLACE = re.compile(
    r", (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}\b")
OUTLET_CUES = data_words("outlet_words.txt") | data_words("outlet_cue_words.txt")
_PLACE_SUFFIXES = data_words("place_suffixes.txt")


def is_place_name(name: str) -> bool:
    """True when ``name`` is a known city/country/state (used to tell datelines from outlets)."""
    key = name.strip().strip(",.").lower()
    if not key:
        return False
    if key.split()[-1] in _PLACE_SUFFIXES:
        return True
    return key in dateline_names()


def split_dateline(text: str) -> tuple[str, str, str | None]:
    """Split a leading dateline off a paragraph: ``(dateline, rest, outlet)``.

    ``JERUSALEM (Reuters) - Israel said`` -> ("JERUSALEM (Reuters) -", "Israel said",
    "Reuters"). Outlet lead-ins (``Some Times - ...``) are not datelines; returns
    ("", text, None) when there is none.
    """
    kind, prefix, outlet, _ = leading_marker(text)
    if kind != "dateline":
        return "", text, None
    return prefix.strip(), text[len(prefix):].lstrip(), outlet


def leading_marker(text: str) -> tuple[str, str, str | None, str | None]:
    """Classify a paragraph's start: ('lead-in'|'dateline'|'', prefix, outlet, date phrase)."""
    head = text[:200]
    m = _PAREN_DATELINE.match(head)
    if m:
        pre = m.group("pre").strip(" ,")
        outlet = m.group("outlet").strip()
        pre_words = [w for w in re.split(r"[\s,]+", pre) if w]
        if (
            len(pre_words) <= 8
            and ". " not in _MONTH_ABBR_DOT.sub(" ", pre)  # "SEOUL, Aug. 14 (Yonhap) --"
            and all(w[:1].isupper() or w[:1].isdigit() for w in pre_words)
            and len(outlet.split()) <= 4
            # no dash ("New Delhi, Mar 3 (PTI) The minister"): only after a dated place
            and (m.group("dash") or _DATED_PLACE.search(pre))
        ):
            date = pre if YEAR.search(pre) else None
            return "dateline", m.group(0), outlet, date
    m = _NAME_DASH.match(head)
    if m:
        name = m.group("name").strip()
        rest = (m.group("rest") or "").strip(" ,")
        if rest:
            rest_words = rest.split()
            if len(rest_words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() for w in rest_words):
                date = rest if YEAR.search(rest) else None
                return "dateline", m.group(0), None, date
            return "", "", None, None
        letters = [c for c in name if c.isalpha()]
        words = name.lower().split()
        if any(w in OUTLET_CUES for w in words):
            return "lead-in", m.group(0), name, None
        if is_place_name(name):
            return "dateline", m.group(0), None, None
        if letters and all(c.isupper() for c in letters) and len(letters) > 6:
            return "dateline", m.group(0), None, None  # an all-caps place we do not know
        return "lead-in", m.group(0), name, None
    return "", "", None, None


__all__ = ["OUTLET_CUES", "YEAR", "is_place_name", "leading_marker", "split_dateline"]
