"""Stale output: files an earlier build wrote that this build no longer writes.

Why: Pelican writes every page at every build but never removes one, so the page of a
deleted seed, of a person no article names any more or of a trip taken out of the
trips file stays in ``output/`` and keeps being served locally (and uploaded by a
deploy that copies the folder). Pelican's own answer, ``DELETE_OUTPUT_DIRECTORY``,
empties the folder before the build: a second build or ``pelican --listen`` reading it
at that moment sees a half-empty site, and every file is written anew.

Instead each build records the files Pelican's writer reports (``content_written``,
``feed_written``: every page and feed, the digest's and Pelican's own) in a list in
``CACHE_PATH``; at ``finalized`` the files the previous list names and this build did
not write are removed. A file no build wrote (``CNAME``, the site's own files, static
copies) is never touched, and a build that stops half way saves no list (the next
complete build compares against the last complete one). ``NEWS_DIGEST_PRUNE_OUTPUT =
False`` turns this off.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any

from .. import settings as nd_settings
from ..ingest.store import atomic_write

logger = logging.getLogger(__name__)

# Paths written by the build in progress in this process (a set per build: Pelican
# runs builds one after another, also under --autoreload).
_written: set[str] = set()


def start_build(pelican) -> None:
    """On ``get_generators`` (once per build): forget the previous build's files."""
    _written.clear()


def on_written(path: str, **_kwargs: Any) -> None:
    """On ``content_written`` and ``feed_written``."""
    _written.add(os.path.abspath(path))


def manifest_path(settings: dict[str, Any]) -> Path:
    """The list of files the last complete build wrote into this output folder."""
    output = os.path.abspath(settings["OUTPUT_PATH"])
    digest = hashlib.sha256(output.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return Path(settings.get("CACHE_PATH") or "cache") / f"news-digest-output-{digest}.txt"


def _read_manifest(path: Path) -> list[str]:
    try:
        return path.read_bytes().decode("utf-8", "surrogateescape").splitlines()
    except OSError:
        return []


def prune(output: Path, previous: list[str], written: set[str]) -> list[Path]:
    """Remove the files in ``previous`` (paths relative to ``output``) that are not in
    ``written`` (absolute paths); return the removed ones. Never leaves ``output``."""
    root = output.resolve()
    removed = []
    for rel in previous:
        path = output / rel
        if not rel or str(path.absolute()) in written or os.path.isabs(rel):
            continue
        try:
            if not path.resolve().is_relative_to(root) or not path.is_file():
                continue
            path.unlink()
        except OSError as exc:
            logger.warning("%s: a page of an earlier build, no longer part of the site, "
                           "could not be removed (%s); delete it by hand", path, exc)
            continue
        removed.append(path)
        _remove_empty_parents(path.parent, root)
    return removed


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder.resolve() != root and folder.resolve().is_relative_to(root):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            return
        folder = folder.parent


def on_finalized(pelican) -> None:
    """On ``finalized``: remove what the last build wrote and this one did not, and
    record what this one wrote."""
    settings = pelican.settings
    if not nd_settings.get(settings, "NEWS_DIGEST_PRUNE_OUTPUT"):
        return
    output = Path(settings["OUTPUT_PATH"]).absolute()
    mine = sorted(rel for rel in (os.path.relpath(p, output) for p in _written
                                  if Path(p).is_relative_to(output)) if "\n" not in rel)
    manifest = manifest_path(settings)
    removed = prune(output, _read_manifest(manifest), set(_written))
    if removed:
        logger.info("news-digest: removed %d page(s) of an earlier build that are no longer "
                    "part of the site: %s%s", len(removed),
                    ", ".join(p.relative_to(output).as_posix() for p in removed[:5]),
                    " ..." if len(removed) > 5 else "")
    try:
        manifest.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(f"{rel}\n" for rel in mine)
        atomic_write(manifest, text.encode("utf-8", "surrogateescape"), sync_dir=False,
                     durable=False)
    except OSError as exc:
        logger.warning("%s: cannot record the files this build wrote (%s); the next build "
                       "will not remove pages that are no longer part of the site",
                       manifest, exc)
    _written.clear()
