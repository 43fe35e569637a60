"""Turn the header of a generated page back into objects the theme can use.

Runs on ``article_generator_context``, before Pelican builds the Article, so that
undated articles (which Pelican would otherwise reject) are kept: they get a
sort-only date and ``undated = True``, and the theme never shows that date.
"""

from __future__ import annotations

import datetime
import json
import logging

from ..ingest.page import split_list

logger = logging.getLogger(__name__)

# Sorts undated articles after every dated one; never displayed (see ``undated``).
UNDATED_SORT_DATE = datetime.datetime(1900, 1, 1)


def on_article_context(generator, metadata: dict) -> None:
    digest_raw = metadata.get("digest")
    if digest_raw is None:
        return  # a hand-written article, not one of ours
    try:
        digest = json.loads(digest_raw) if isinstance(digest_raw, str) else dict(digest_raw)
    except ValueError as exc:
        logger.warning("%s: the Digest metadata line is not valid JSON (%s); "
                       "delete the page to regenerate it", metadata.get("seed", "?"), exc)
        digest = {}
    # The parsed line is not kept on the Article (~12 KB of JSON per article, the largest
    # memory cost plain Pelican does not have): only the fields derived below are.
    metadata.pop("digest", None)
    for key in ("people", "places", "organizations"):
        metadata[key] = split_list(metadata.get(key))
    date_range = _date_range(digest.get("date_range"))
    metadata["date_range"] = None
    if "date" not in metadata:
        # An approximate date (a trip's range) sorts at the range's start.
        metadata["date"] = (datetime.datetime.combine(date_range[0], datetime.time())
                            if date_range else UNDATED_SORT_DATE)
        metadata["undated"] = True
        metadata["date_range"] = date_range
    else:
        metadata["undated"] = False
    _trip_metadata(metadata, digest)
    metadata["date_provenance"] = digest.get("date_provenance", "text")
    metadata["date_provenance_detail"] = digest.get("date_provenance_detail", "")
    metadata["removed"] = digest.get("removed", [])
    metadata["note"] = digest.get("note", "")
    metadata["quotes"] = [q for q in digest.get("quotes", []) if isinstance(q, dict)]
    metadata["person_roles"] = {p.get("name"): p.get("roles", [])
                                for p in digest.get("people", []) if isinstance(p, dict)}


def _date_range(value) -> tuple[datetime.date, datetime.date] | None:
    try:
        start, end = (datetime.date.fromisoformat(v) for v in value)
    except (TypeError, ValueError):
        return None
    return start, end


def _trip_metadata(metadata: dict, digest: dict) -> None:
    """The resolved trip (header ``Trip-Resolved``, editable) and what the text states."""
    raw = metadata.pop("trip-resolved", None)
    try:
        metadata["trip_resolved"] = int(str(raw).strip()) if raw not in (None, "") else None
    except ValueError:
        logger.warning("%s: Trip-Resolved: %r is not a trip number; ignored",
                       metadata.get("seed", "?"), raw)
        metadata["trip_resolved"] = None
    stated = digest.get("trip")
    metadata["trip_stated"] = stated if isinstance(stated, dict) else None
    prov = digest.get("trip_provenance") or {}
    metadata["trip_provenance"] = prov.get("kind", "none")
    metadata["trip_provenance_detail"] = prov.get("detail", "")
    metadata["discrepancy"] = digest.get("discrepancy", "")
