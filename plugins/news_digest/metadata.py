"""Turn the header of a generated page back into objects the theme can use.

Runs on ``article_generator_context``, before Pelican builds the Article, so that
undated articles (which Pelican would otherwise reject) are kept: they get a
sort-only date and ``undated = True``, and the theme never shows that date.
"""

from __future__ import annotations

import datetime
import json
import logging

from .markdown import split_list

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
    metadata["digest"] = digest
    for key in ("people", "places", "organizations"):
        metadata[key] = split_list(metadata.get(key))
    if "date" not in metadata:
        metadata["date"] = UNDATED_SORT_DATE
        metadata["undated"] = True
    else:
        metadata["undated"] = False
    metadata["date_provenance"] = digest.get("date_provenance", "text")
    metadata["date_provenance_detail"] = digest.get("date_provenance_detail", "")
    metadata["removed"] = digest.get("removed", [])
