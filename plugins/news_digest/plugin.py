"""Glue between Pelican's start-up and ingest."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from . import settings as nd_settings
from .ingest import IngestReport, ingest

logger = logging.getLogger(__name__)


def load_registry(settings: dict[str, Any]):
    """The editor's people file, or None when there is none.

    Invalid editor data raises ``editor.EditorDataError`` (file, line, what to fix):
    a build must not go on with editor facts silently ignored.
    """
    path = nd_settings.editor_file(settings, "NEWS_DIGEST_PEOPLE_FILE")
    if not path.is_file():
        return None
    from .editor import load_people

    return load_people(path)


def load_trips(settings: dict[str, Any]):
    """The editor's trips file (``trips.TripRegistry``), or None when there is none."""
    path = nd_settings.editor_file(settings, "NEWS_DIGEST_TRIPS_FILE")
    if not path.is_file():
        return None
    from .trips import load_trips as load

    return load(path)


def load_corrections(settings: dict[str, Any]):
    """The editor's corrections file (``corrections.Corrections``), or None."""
    path = nd_settings.editor_file(settings, "NEWS_DIGEST_CORRECTIONS_FILE")
    if not path.is_file():
        return None
    from .corrections import load_corrections as load

    return load(path)


def ingest_from_settings(settings: dict[str, Any], *, write: bool = True) -> IngestReport:
    return ingest(
        nd_settings.seeds_path(settings),
        nd_settings.articles_path(settings),
        project_root=nd_settings.project_root(settings),
        registry=load_registry(settings),
        trips=load_trips(settings),
        corrections=load_corrections(settings),
        write=write,
        cache_dir=analysis_cache_dir(settings),
    )


def analysis_cache_dir(settings: dict[str, Any]) -> Path | None:
    """Pelican's CACHE_PATH when its content cache is on: unchanged seeds skip analysis."""
    if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE") \
            and settings.get("CACHE_PATH"):
        return Path(settings["CACHE_PATH"])
    return None


def set_defaults(pelican) -> None:
    """Put every NEWS_DIGEST_* default in the settings, so templates can use them."""
    for key, value in nd_settings.DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def run_ingest(pelican) -> None:
    """On ``initialized``: regenerate ``content/articles`` from the seeds."""
    if not nd_settings.get(pelican.settings, "NEWS_DIGEST_INGEST"):
        return
    report = ingest_from_settings(pelican.settings)
    logger.info(
        "news-digest: %d seeds: %d written, %d unchanged, %d kept (hand-edited), %d skipped",
        len(report.results), report.count("written"), report.count("unchanged"),
        report.count("kept-hand-edited"), report.count("skipped") + report.count("failed"),
    )
