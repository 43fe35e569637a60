"""Glue between Pelican and the phases: the signals the plugin connects, and ingest
from Pelican's settings.

Why ingest runs on ``article_generator_init`` and not once on ``initialized``:
under ``pelican --autoreload`` one Pelican object runs build after build, and each
build must see the seeds as they are now (a new, edited or deleted seed). Pelican
makes its generators afresh for every build, so the signal comes once per build,
before any generator lists or reads ``content/``, where ingest writes.

Why the seeds folder joins ``STATIC_PATHS``: Pelican's autoreload
(``pelican.utils.wait_for_changes``) watches the settings file, the theme, ``PATH``
and ``PATH``/each of ``STATIC_PATHS``; an absolute path there is watched as is, and
nothing else is. The static generator is handed the settings without it, so the
seeds are watched but never copied into the output.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from . import settings as nd_settings
from .editorial.files import corrections_file, people_file, trips_file
from .editorial.toml import EditorDataError
from .ingest.cache import cache_dir_from_settings
from .ingest.run import IngestReport, ingest
from .site import generators, metadata, output, search, wording
from .site.assets import add_fallback_templates

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
        cache_dir=cache_dir_from_settings(settings),
        migrate=migrate,
        slug_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS"),
    )


# Template filters that say the pipeline's facts in the reader's words (site/wording.py).
JINJA_FILTERS = {
    "provenance_label": wording.provenance_label,
    "provenance_detail": wording.provenance_detail,
    "removed_label": wording.removed_label,
}
# ...and the legend those words use.
JINJA_GLOBALS = {"provenance_legend_entries": wording.PROVENANCE_LEGEND}


def set_defaults(pelican) -> None:
    """Put every NEWS_DIGEST_* default in the settings, so templates can use them, and
    the digest's template filters and globals beside the site's own."""
    for key, value in nd_settings.DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    for key, ours in (("JINJA_FILTERS", JINJA_FILTERS), ("JINJA_GLOBALS", JINJA_GLOBALS)):
        merged = dict(ours)
        merged.update(pelican.settings.get(key) or {})  # the site's own win
        pelican.settings[key] = merged


def take_over_site_feed(pelican) -> None:
    """On ``initialized``: when Pelican's all-articles feed has the digest feed's path
    (both default to ``feeds/all.atom.xml``), only the digest's is written: Pelican's
    would list undated articles under their sort-only date, and writing the file twice
    stops the build."""
    settings = pelican.settings
    ours = nd_settings.get(settings, "NEWS_DIGEST_FEED_ATOM")
    if ours and settings.get("FEED_ALL_ATOM") == ours:
        settings["FEED_ALL_ATOM"] = None
        logger.info("news-digest: %s is the digest's feed of dated articles "
                    "(NEWS_DIGEST_FEED_ATOM), written instead of Pelican's FEED_ALL_ATOM", ours)


def watch_seeds(pelican) -> None:
    """On ``initialized``: make the seeds folder one that autoreload watches."""
    settings = pelican.settings
    if not nd_settings.get(settings, "NEWS_DIGEST_INGEST"):
        return
    seeds = nd_settings.seeds_path(settings).resolve()
    if seeds.is_relative_to(Path(settings["PATH"]).resolve()):
        return  # inside PATH, which autoreload watches already
    static_paths = list(settings.get("STATIC_PATHS", []))
    if str(seeds) not in static_paths:
        settings["STATIC_PATHS"] = [*static_paths, str(seeds)]


def unwatched_static_settings(generator) -> None:
    """On ``static_generator_init``: the static generator's own copy of the settings,
    without the seeds folder ``watch_seeds`` added (seeds are not published)."""
    seeds = str(nd_settings.seeds_path(generator.settings).resolve())
    static_paths = generator.settings.get("STATIC_PATHS", [])
    if seeds in static_paths:
        generator.settings = {**generator.settings,
                              "STATIC_PATHS": [p for p in static_paths if p != seeds]}


def run_ingest(generator) -> None:
    """On ``article_generator_init`` (every build): bring ``content/articles`` up to
    date with the seeds."""
    if not nd_settings.get(generator.settings, "NEWS_DIGEST_INGEST"):
        return
    try:
        report = ingest_from_settings(generator.settings)
    except EditorDataError as exc:
        # The message names file, line and fix; a traceback would only bury it. The
        # build stops: it must not go on with the editor's facts ignored.
        logger.critical("%s", exc)
        raise SystemExit(2) from None
    logger.info(
        "news-digest: %d seeds: %d written, %d unchanged, %d kept (hand-edited), %d skipped",
        len(report.results), report.count("written"), report.count("unchanged"),
        report.count("kept-hand-edited"), report.count("skipped") + report.count("failed"),
    )


def digest_generators(pelican) -> list[type]:
    """On ``get_generators``: the digest's pages, then the search index (written from
    the final, annotated article HTML)."""
    return [generators.DigestGenerator, search.SearchIndexGenerator]


def register() -> None:
    """Connect the plugin to Pelican's signals (called by Pelican's plugin loader)."""
    signals.initialized.connect(set_defaults)
    signals.initialized.connect(take_over_site_feed)
    signals.initialized.connect(watch_seeds)
    signals.generator_init.connect(add_fallback_templates)
    signals.static_generator_init.connect(unwatched_static_settings)
    signals.article_generator_init.connect(run_ingest)
    signals.article_generator_context.connect(metadata.on_article_context)
    signals.content_object_init.connect(metadata.on_content_init)
    signals.article_generator_finalized.connect(generators.on_articles_finalized)
    signals.get_generators.connect(digest_generators)
    signals.get_generators.connect(output.start_build)
    signals.content_written.connect(output.on_written)
    signals.feed_written.connect(output.on_written)
    signals.finalized.connect(output.on_finalized)
