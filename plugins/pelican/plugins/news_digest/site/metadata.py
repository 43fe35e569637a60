"""Turn the header of a generated page back into objects the theme can use.

Why: the page is the record (see ``ingest.page``). The site is built from its header
alone, so an editor who changes a line changes the site; and a field that no longer
matches the page's ``Generated`` line was edited by hand, which the site says.

``on_article_context`` runs before Pelican builds the Article, so that undated
articles (which Pelican would otherwise reject) are kept: they get a sort-only date
and ``undated = True``, and the theme never shows that date. ``on_content_init``
runs once the Article exists (it knows its file) and marks the hand-edited fields.
Pages of the earlier format (a ``Digest:`` JSON line) still build until migrated.
"""

from __future__ import annotations

import datetime
import json
import logging
from pathlib import Path

from ..ingest.page import (
    GENERATED_KEY,
    LEGACY_DIGEST_KEY,
    list_items,
    parse_date_range,
    parse_person,
    parse_provenance,
    parse_quote,
    parse_removed,
    parse_trip_number,
    parse_trip_stated,
    split_list,
)
from ..ingest.store import page_hand_edits
from ..model import HAND

logger = logging.getLogger(__name__)

# Sorts undated articles after every dated one; never displayed (see ``undated``).
UNDATED_SORT_DATE = datetime.datetime(1900, 1, 1)

# Header fields as the article page names them, in the order it shows them.
FIELD_LABELS = {
    "title": "title", "date": "date", "date-range": "date", "source": "source",
    "summary": "summary", "people": "people", "places": "places",
    "organizations": "organizations", "trip": "trip", "trip-stated": "trip",
    "discrepancy": "discrepancy", "quotes": "quotes", "note": "note",
    "removed": "removed from source", "body": "text", "slug": "address",
}


def _text(value) -> str:
    """A one-line or wrapped metadata value as one string."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return " ".join(str(v).strip() for v in value if str(v).strip())


def on_article_context(generator, metadata: dict) -> None:
    if LEGACY_DIGEST_KEY in metadata:
        _legacy_context(metadata)
        return
    if GENERATED_KEY.lower() not in metadata:
        return  # a hand-written article, or one whose Generated line was removed
    prov = parse_provenance(metadata.pop("provenance", None))
    people = [parse_person(item) for item in list_items(metadata.get("people"))]
    metadata["people"] = [name for name, _, _ in people]
    metadata["person_roles"] = {name: roles for name, roles, _ in people}
    metadata["person_slugs"] = {name: slug for name, _, slug in people if slug}
    for key in ("places", "organizations"):
        metadata[key] = split_list(metadata.get(key))
    _date_metadata(metadata, parse_date_range(_text(metadata.pop("date-range", None))))
    date_prov = prov.get("Date")
    metadata["date_provenance"] = date_prov.kind if date_prov else "text"
    metadata["date_provenance_detail"] = date_prov.detail if date_prov else ""
    metadata["trip_resolved"] = parse_trip_number(_text(metadata.pop("trip", None)))
    stated = parse_trip_stated(_text(metadata.pop("trip-stated", None)))
    metadata["trip_stated"] = ({"number": stated.number, "basis": stated.basis,
                                "phrase": stated.phrase} if stated else None)
    trip_prov = prov.get("Trip")
    metadata["trip_provenance"] = trip_prov.kind if trip_prov else "none"
    metadata["trip_provenance_detail"] = trip_prov.detail if trip_prov else ""
    metadata["discrepancy"] = _text(metadata.get("discrepancy"))
    metadata["note"] = _text(metadata.get("note"))
    metadata["quotes"] = [{"text": text, "speaker": speaker} for speaker, text in
                          map(parse_quote, list_items(metadata.get("quotes")))]
    metadata["removed"] = [{"text": r.text, "reason": r.reason, "line": r.line} for r in
                           map(parse_removed, list_items(metadata.get("removed")))]
    metadata["source"] = _text(metadata.get("source")) or None
    metadata["hand_edited"] = []  # filled in by on_content_init
    for key in (GENERATED_KEY.lower(), "extractor"):  # only ingest reads these
        metadata.pop(key, None)


def _date_metadata(metadata: dict, date_range) -> None:
    metadata["date_range"] = None
    if "date" not in metadata:
        # An approximate date (a trip's range) sorts at the range's start.
        metadata["date"] = (datetime.datetime.combine(date_range[0], datetime.time())
                            if date_range else UNDATED_SORT_DATE)
        metadata["undated"] = True
        metadata["date_range"] = date_range
    else:
        metadata["undated"] = False


def on_content_init(instance) -> None:
    """Mark the facts of a generated page that were edited by hand (``hand_edited``:
    their labels; the date's and trip's provenance become "hand")."""
    if not hasattr(instance, "hand_edited") or not getattr(instance, "source_path", None):
        return
    try:
        edits = page_hand_edits(Path(instance.source_path)) or set()  # known from ingest
    except (OSError, UnicodeDecodeError):
        return
    labels = list(dict.fromkeys(FIELD_LABELS[k] for k in FIELD_LABELS if k in edits))
    instance.hand_edited = labels
    if edits & {"date", "date-range"}:
        _set(instance, "date_provenance", HAND)
        _set(instance, "date_provenance_detail", "")
    if "trip" in edits:
        _set(instance, "trip_provenance", HAND)
        _set(instance, "trip_provenance_detail", "")
        if "discrepancy" not in edits:  # it described the trip the page was filed under
            _set(instance, "discrepancy", "")


def _set(instance, key: str, value) -> None:
    setattr(instance, key, value)
    instance.metadata[key] = value


# --- pages of the earlier format ----------------------------------------------------------

def _legacy_context(metadata: dict) -> None:
    """A page with a ``Digest:`` JSON line (built as before until it is migrated)."""
    digest_raw = metadata.pop(LEGACY_DIGEST_KEY)
    try:
        digest = json.loads(digest_raw) if isinstance(digest_raw, str) else dict(digest_raw)
    except ValueError as exc:
        logger.warning("%s: the Digest metadata line is not valid JSON (%s); "
                       "delete the page to regenerate it", metadata.get("seed", "?"), exc)
        digest = {}
    for key in ("people", "places", "organizations"):
        metadata[key] = split_list(metadata.get(key))
    _date_metadata(metadata, _legacy_range(digest.get("date_range")))
    raw = metadata.pop("trip-resolved", None)
    metadata["trip_resolved"] = parse_trip_number(str(raw)) if raw is not None else None
    stated = digest.get("trip")
    metadata["trip_stated"] = stated if isinstance(stated, dict) else None
    prov = digest.get("trip_provenance") or {}
    metadata["trip_provenance"] = prov.get("kind", "none")
    metadata["trip_provenance_detail"] = prov.get("detail", "")
    metadata["discrepancy"] = digest.get("discrepancy", "")
    metadata["date_provenance"] = digest.get("date_provenance", "text")
    metadata["date_provenance_detail"] = digest.get("date_provenance_detail", "")
    metadata["removed"] = digest.get("removed", [])
    metadata["note"] = digest.get("note", "")
    metadata["quotes"] = [q for q in digest.get("quotes", []) if isinstance(q, dict)]
    metadata["person_roles"] = {p.get("name"): p.get("roles", [])
                                for p in digest.get("people", []) if isinstance(p, dict)}


def _legacy_range(value) -> tuple[datetime.date, datetime.date] | None:
    try:
        start, end = (datetime.date.fromisoformat(v) for v in value)
    except (TypeError, ValueError):
        return None
    return start, end
