"""Trips: the ordinal an article states for the traveller's trip.

News copy counts trips as ``4th trip to West Asia``, ``sixth round of shuttle
diplomacy in the region`` or ``fifth visit since the October 7 attacks``. We
look for an ordinal followed (within two modifiers) by a trip noun, then take
the destination or ``since ...`` clause as the rest of the phrase. Ordinals
that are dates, hyphenated compounds (``11th-hour``) or count other things
(``first time``, ``20th century``) never reach a trip noun and are ignored.
"""

from __future__ import annotations

from ..model import TripMention
from .gazetteer import place_kind
from .lexicon import MONTHS, STOP, Tokens, mask_credits, ordinal_value, tokenize

# The nouns that count the traveller's trips, each with what it counts: a trip to a
# region or a visit to one country or city. The editor's trip aliases use them too.
TRIP_NOUN_BASIS = {**dict.fromkeys("trip trips tour swing mission journey voyage round".split(),
                                   "region"),
                   "visit": "visit"}
TRIP_NOUNS = frozenset(TRIP_NOUN_BASIS)
# Words that can sit between the ordinal and the noun only if they are not these.
_BLOCK_BETWEEN = frozenset("""
of the a an and or to in on at for by with from day days time times hour hours week weeks
month months year years century phase phases anniversary leg stage round-the-clock
""".split())
_ROUND_OF = frozenset("diplomacy visits travel travels trips".split())
_REGION_WORDS = frozenset("region area continent".split())
# Words for "first" that are not ordinals: "her maiden visit to Africa".
_FIRST_WORDS = frozenset(("maiden", "inaugural"))
_MAX_BETWEEN = 2
_MAX_TAIL = 12


def _phrase(text: str, toks: Tokens, i: int, j: int) -> str:
    return " ".join(text[toks.starts[i]:toks.ends[j - 1]].split())


def _destination(toks: Tokens, k: int) -> tuple[int, str | None]:
    """After "to"/"in" at k: (end token, "region"|"visit"|None)."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    j = k + 1
    if j < n and words[j].lower() == "the":
        j += 1
    if j < n and words[j].lower() in _REGION_WORDS:
        return j + 1, "region"
    start = j
    while j < n and kinds[j] in "wa" and words[j][:1].isupper() and j - start < 5:
        j += 1
        if toks.poss[j - 1]:
            break
    # longest prefix that is a gazetteer name
    for end in range(j, start, -1):
        kind = place_kind(" ".join(words[start:end]))
        if kind:
            return end, ("visit" if kind in ("country", "city") else "region")
    if j > start:
        return j, "visit"
    return k, None


# "his fifth time in the Belgian capital": a destination described, not named.
_PLACE_NOUNS = frozenset("capital city country".split())


def _time_in_place(toks: Tokens, k: int) -> bool:
    """``time in Ukraine``: "in"/"to" + a gazetteer country or city (not "in history")."""
    words, n = toks.words, len(toks.words)
    if (k + 2 < n and words[k] in ("in", "to") and words[k + 1] == "the"
            and any(words[m] in _PLACE_NOUNS for m in range(k + 2, min(n, k + 5)))
            and all(toks.kinds[m] == "w" for m in range(k + 2, min(n, k + 5)))):
        m = k + 2
        while m < n and words[m] not in _PLACE_NOUNS and m - k < 4:
            if not words[m][:1].isupper():
                return False  # "in the next city": only a nationality/place adjective
            m += 1
        return m < n and words[m] in _PLACE_NOUNS and m > k + 2
    if not (k + 1 < n and words[k] in ("in", "to") and words[k + 1][:1].isupper()):
        return False
    end = k + 2
    while end < n and end - k <= 4 and toks.kinds[end] == "w" and words[end][:1].isupper():
        end += 1
    return any(place_kind(" ".join(words[k + 1:e])) in ("country", "city")
               for e in range(end, k + 1, -1))


_ARRIVAL_WORDS = frozenset(
    "in to visits visited visiting arrives arrived lands landed back".split())
_TRAVEL_VERBS = frozenset("""
arrived arrives arriving landed lands is was were are back returned returns returning
travelled traveled travels travelling traveling flew flies came comes went goes
""".split())


def _for_nth_time_in_place(toks: Tokens, i: int) -> bool:
    """``in Brussels for (the) fifth time``: a place visited for the Nth time."""
    words, n = toks.words, len(toks.words)
    if not (i + 1 < n and words[i + 1] == "time"):
        return False
    k = i - 1
    if k >= 0 and words[k] == "the":
        k -= 1
    if not (k >= 1 and words[k] == "for"):
        return False
    # a named place right before "for": "in Brussels", "visits Kyiv"
    e = k
    a = e
    while a > 0 and e - a < 3 and toks.kinds[a - 1] in "wa" and words[a - 1][:1].isupper():
        a -= 1
    if a == e or not (a >= 1 and words[a - 1] in _ARRIVAL_WORDS):
        return False
    if words[a - 1] in ("in", "to"):
        # "Zawadzki in Brussels", "arrived in Kyiv", "returned to Kyiv"; not "won in Paris"
        b = a - 2
        if not (b >= 0 and (words[b] in _TRAVEL_VERBS or (
                words[b][:1].isupper() and toks.kinds[b] == "w" and not toks.sent[a - 1]
                and words[b].lower() not in STOP))):
            return False
    return any(place_kind(" ".join(words[a:x])) for x in range(e, a, -1))


def find_trip(text: str) -> TripMention | None:
    """The first stated trip ordinal, or None when the article states none."""
    text = mask_credits(text)  # credits are not trips; shares the places/orgs tokens
    toks = tokenize(text)
    words, kinds, starts, ends = toks.words, toks.kinds, toks.starts, toks.ends
    n = len(words)
    for i in range(n):
        if kinds[i] not in "wn":
            continue
        num = ordinal_value(words[i]) or (1 if words[i] in _FIRST_WORDS else None)
        if num is None:
            continue
        # "October 7th", "11th-hour", "7th-century"
        if i > 0 and words[i - 1].lower().rstrip(".") in MONTHS:
            continue
        if i + 1 < n and kinds[i + 1] == "p" and words[i + 1] in "-–" and starts[i + 1] == ends[i]:
            continue
        j = i + 1
        between = 0
        noun = None
        while j < n and kinds[j] == "w":
            lw = words[j].lower()
            if lw in TRIP_NOUNS:
                noun = lw
                break
            if lw == "time" and j == i + 1 and _time_in_place(toks, j + 1):
                noun = "visit"  # "her third time in Ukraine (since ...)"
                break
            if lw in _BLOCK_BETWEEN or between >= _MAX_BETWEEN:
                break
            between += 1
            j += 1
        if noun is None and _for_nth_time_in_place(toks, i):
            # "Zawadzki in Brussels for fifth time this year"
            k = i + 2
            if k + 1 < n and words[k] in ("this", "since", "in") and kinds[k + 1] in "wn":
                k += 2
            return TripMention(number=num, basis="visit", phrase=_phrase(text, toks, i, k))
        if noun is None:
            continue
        end = j + 1
        if noun == "round":
            # "round of shuttle diplomacy", not "round of talks"
            k = end
            if not (k < n and words[k] == "of"):
                continue
            k += 1
            while k < n and k - end < 4 and kinds[k] == "w" and words[k].lower() not in _ROUND_OF:
                k += 1
            if not (k < n and words[k].lower() in _ROUND_OF):
                continue
            end = k + 1
        if end < n and words[end] == "by":
            continue  # "the first visit by a foreign leader": someone else's count
        basis = None
        if end < n and words[end].lower() in ("to", "in", "into") and kinds[end] == "w":
            dest_end, basis = _destination(toks, end)
            if basis:
                end = dest_end
        if basis is None and end < n and words[end].lower() == "since":
            k = end + 1
            while (k < n and k - end < _MAX_TAIL and "\n" not in text[ends[k - 1]:starts[k]]
                   and not (kinds[k] == "p" and words[k] in ",.;:!?()")):
                k += 1
            end = k
            basis = "visit" if noun == "visit" else "region"
        if basis is None:
            basis = "visit" if noun == "visit" else "region"
        return TripMention(number=num, basis=basis, phrase=_phrase(text, toks, i, end))
    return None
