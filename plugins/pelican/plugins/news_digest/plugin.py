"""Glue between Pelican and the phases: the signals the plugin connects, and ingest
from Pelican's settings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from . import settings as nd_settings
from .editorial.files import corrections_file, people_file, trips_file
from .ingest.run import IngestReport, ingest
from .site import generators, metadata, search

logger = logging.getLogger(__name__)


def ingest_from_settings(settings: dict[str, Any], *, write: bool = True,
                         migrate: set[Path] | None = None) -> IngestReport:
    """Ingest the seeds folder the settings name into their articles folder."""
    return ingest(
        nd_settings.seeds_path(settings),
        nd_settings.articles_path(settings),
        project_root=nd_settings.project_root(settings),
        registry=people_file(settings),
        trips=trips_file(settings),
        corrections=corrections_file(settings),
        write=write,
        cache_dir=analysis_cache_dir(settings),
        migrate=migrate,
        slug_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS"),
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


def register() -> None:
    """Connect the plugin to Pelican's signals (called by Pelican's plugin loader)."""
    signals.initialized.connect(set_defaults)
    signals.initialized.connect(run_ingest)
    signals.article_generator_context.connect(metadata.on_article_context)
    signals.content_object_init.connect(metadata.on_content_init)
    signals.article_generator_finalized.connect(generators.on_articles_finalized)
    signals.get_generators.connect(generators.get_generators)
    signals.get_generators.connect(search.get_generators)
