"""Organizations: a small lexicon plus the shapes organization names take.

Shapes: a capitalized run ending in an organization head word (``State
Department``, ``Security Council``, ``Israeli Public Broadcasting
Organization``), a head word followed by ``of ...`` (``Department of Justice``,
``Court of Justice``), broadcasters (``Channel 12``) and acronyms (``CIA``).
All matching walks the token list once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import TEXT, Entity, Provenance
from .gazetteer import is_place, place_kind
from .lexicon import (
    HONORIFICS,
    MONTHS,
    NATIONALITIES,
    PREFIX_RE,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    STOP,
    Tokens,
    data_lines,
    data_words,
    dateline_spans,
    in_spans,
    is_acronym,
    mask_credits,
    name_words,
    portfolio_end,
    positions,
    tokenize,
)

_UNIT_HEADS = data_words("organizations_unit_heads.txt")

# Last word of an organization name.
HEADS = data_words("organizations_heads.txt")
# Heads that take a place after "in": "Verification Mission in Colombia".
_IN_PLACE_HEADS = data_words("organizations_in_place_heads.txt")
# Heads that take a country name right after them: "U.S. Forces Japan".
_PLACE_AFTER_HEADS = data_words("organizations_place_after_heads.txt")
# Sentence and function words trimmed from the front of a name, but not
# capitalized words that often start one ("World Bank", "National Guard").
_LEAD_KEEP = data_words("organizations_lead_keep.txt")

# Heads that make a proper name even after only a nationality/party word
# ("European Parliament", "Liberal Party") or on their own ("Congress").
PROPER_HEADS = data_words("organizations_proper_heads.txt")

# Acronyms that are not organizations (or are places, handled by places.py).
def _place_acronym(w: str) -> bool:
    """``PNG``, ``UAE``: a place's short form (data/places_extra.txt), not a body."""
    return is_place(w)


_NOT_ORG_ACRONYMS = data_words("organizations_not_org_acronyms.txt")
# Adjectives glued to a name: "Cairo-based", "Iran-backed", "state-run".
_ADJ_SUFFIXES = ("-based", "-backed", "-led", "-funded", "-owned", "-run", "-linked",
                 "-aligned", "-affiliated", "-allied", "-controlled", "-sponsored", "-listed",
                 "-headquartered", "-registered", "-owned")

_DIGIT = re.compile(r"\d").search
# Plural nouns whose possessive starts a name: "People's Bank of China", "Workers' Party".
_POSS_IN_NAMES = data_words("organizations_poss_in_names.txt")
_lexicon: dict[str, str] | None = None
_lex_first: frozenset[str] = frozenset()
_lex_max = 1


def _load() -> dict[str, str]:
    global _lexicon, _lex_first, _lex_max
    if _lexicon is not None:
        return _lexicon
    lex: dict[str, str] = {}
    for line in data_lines("organizations.txt"):
        alias, _, canonical = (p.strip() for p in line.partition("="))
        toks = tokenize(alias)
        key = " ".join(w for w, k in zip(toks.words, toks.kinds, strict=True) if k in "wa")
        if canonical and _spelling(canonical) == _spelling(alias):
            canonical = alias  # "al Qaeda" / "Al-Qaeda": a spelling, reported as written
        lex[key] = canonical or alias
    _lex_first = frozenset(k.split(" ", 1)[0] for k in lex)
    _lex_max = max(k.count(" ") + 1 for k in lex)
    _lexicon = lex
    return lex


def _spelling(name: str) -> str:
    return " ".join(name.replace("-", " ").lower().split())


def canonical(name: str) -> str:
    """The lexicon's name for ``name`` (``AP`` → ``Associated Press``), else ``name``."""
    return _load().get(" ".join(name_words(name)), name)


def _orgish(word: str, kind: str) -> bool:
    """Token that can be part of an organization name run."""
    if kind == "a":
        return True
    if kind != "w":
        return False
    return word[:1].isupper()


_memo: tuple | None = None


def match_organizations(toks: Tokens, datelines: tuple = ()) -> list[tuple[int, int, str]]:
    """Organization matches as (first token, end token, name), left to right.

    The last result is memoized: places and people ask about the same text.
    """
    return _scanned(toks, datelines).out


def matched_by(toks: Tokens, datelines: tuple = ()) -> list[str]:
    """The name of the rule (``RULES``) that found each of ``match_organizations``' matches."""
    return _scanned(toks, datelines).rules


def _scanned(toks: Tokens, datelines: tuple) -> _Scan:
    global _memo
    if _memo is not None and _memo[0] is toks and _memo[1] == datelines:
        return _memo[2]
    s = _scan(toks, datelines)
    _memo = (toks, datelines, s)
    return s


# Lower-case nouns that, after "J.P. Name", show a firm rather than a person.
_FIRM_CONTEXT = data_words("organizations_firm_context.txt")


def _initial_firms(toks: Tokens) -> frozenset[str]:
    """``J.P. Name analysts``: initials + name used as a firm somewhere in the text."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    out = set()
    i = -1
    while True:
        try:
            i = kinds.index("a", i + 1)  # abbreviations are rare: scan at C speed
        except ValueError:
            return frozenset(out)
        if (i + 2 < n and kinds[i + 1] == "w" and words[i + 1][:1].isupper()
                and words[i + 2] in _FIRM_CONTEXT):  # also "J.P. Name's analysts"
            out.add(f"{words[i]} {words[i + 1]}")


@dataclass
class _Scan:
    """One left-to-right pass of the organization rules over a text's tokens."""

    toks: Tokens
    datelines: tuple
    lex: dict[str, str]
    firms: frozenset[str]
    out: list[tuple[int, int, str]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # the rule that found each match
    plain_until: int = 0  # tokens before this lie in a scanned capitalized run with no head
    defer: tuple[int, int, str] | None = None  # a lexicon name inside a longer run

    def add(self, rule: str, a: int, b: int, name: str) -> None:
        self.out.append((a, b, name))
        self.rules.append(rule)


def _initials_firm(s: _Scan, i: int) -> int | None:
    """``J.P. Name analysts``: initials and a name the text uses as a firm."""
    words, n = s.toks.words, len(s.toks.words)
    w = words[i]
    if s.firms and s.toks.kinds[i] == "a" and i + 1 < n and f"{w} {words[i + 1]}" in s.firms:
        s.add("initials firm", i, i + 2, f"{w} {words[i + 1]}")
        return i + 2
    return None


def _dateline(s: _Scan, i: int) -> int | None:
    """``KYIV (AP) —``: the dateline's place and credited agency are no organization."""
    if s.datelines and in_spans(s.toks.starts[i], s.datelines):
        return i + 1
    return None


def _military_unit(s: _Scan, i: int) -> int | None:
    """``25th Infantry Division``, ``3rd Marine Regiment``."""
    words, kinds, n = s.toks.words, s.toks.kinds, len(s.toks.words)
    w = words[i]
    if not (kinds[i] == "n" and w[-2:] in ("st", "nd", "rd", "th") and i + 1 < n
            and kinds[i + 1] == "w" and words[i + 1][:1].isupper()):
        return None
    j = i + 1
    while j < n and j - i <= 4 and kinds[j] == "w" and words[j][:1].isupper() \
            and words[j].lower() not in _UNIT_HEADS:
        j += 1
    if j < n and j - i <= 4 and words[j].lower() in _UNIT_HEADS and words[j][:1].isupper():
        s.add("military unit", i, j + 1, " ".join(words[i:j + 1]))
        return j + 1
    return None


def _not_capitalized(s: _Scan, i: int) -> int | None:
    """A token that is no capitalized word: a lower-case lexicon name ("al Qaeda",
    "al-Shabaab"), else nothing here."""
    words, kinds, n = s.toks.words, s.toks.kinds, len(s.toks.words)
    w, kind = words[i], kinds[i]
    if kind in "wa" and w[:1].isupper():
        return None
    if kind == "w" and w in _lex_first and w[:1].islower():
        end = i + 1
        while end < n and end - i < _lex_max and kinds[end] in "wa":
            end += 1
        hit = next(((e, s.lex[" ".join(words[i:e])]) for e in range(end, i, -1)
                    if " ".join(words[i:e]) in s.lex), None)
        if hit:
            s.add("lexicon", i, hit[0], hit[1])
            return hit[0]
    return i + 1


def _typed(s: _Scan, i: int) -> int | None:
    """``miner Kasoro``, ``energy firms Alpha and Beta``: a name after its type noun."""
    toks, words, kinds, n = s.toks, s.toks.words, s.toks.kinds, len(s.toks.words)
    if not (i > 0 and not toks.sent[i] and (words[i - 1] in ORG_TYPE_NOUNS or (
            toks.sent[i - 1] and words[i - 1].lower() in ORG_TYPE_NOUNS))):
        return None
    end = _typed_name(toks, i)
    if not end:
        return None
    s.add("named by its type", i, end, " ".join(words[i:end]))
    if (words[i - 1] in _PLURAL_TYPE_NOUNS and end + 1 < n and words[end] == "and"
            and kinds[end + 1] == "w" and words[end + 1][:1].isupper()):
        end2 = _typed_name(toks, end + 1)  # "... firms Alpha and Beta"
        if end2:
            s.add("named by its type", end + 1, end2, " ".join(words[end + 1:end2]))
            end = end2
    return end


def _the_before_lexicon(s: _Scan, i: int) -> int | None:
    """``The Organization for Security and ...``: the lexicon name after "The"."""
    words = s.toks.words
    if words[i] == "The" and i + 1 < len(words) and words[i + 1] in _lex_first:
        return i + 1
    return None


def _lexicon_name(s: _Scan, i: int) -> int | None:
    """A name in data/organizations.txt, longest first (``Likud Party`` with its head).

    A lexicon name that starts a longer pattern name (Hamas Political Bureau) is still
    recorded as itself, unless it is itself a multi-word name inside a longer one
    ("United Nations Verification Mission in Colombia"): then it waits (``defer``)."""
    toks, words, kinds, n = s.toks, s.toks.words, s.toks.kinds, len(s.toks.words)
    if words[i] not in _lex_first:
        return None
    lim = i + 1
    while lim < n and lim - i < _lex_max and kinds[lim] in "wa" and not toks.poss[lim - 1]:
        lim += 1
    hit = next(((end, s.lex[" ".join(words[i:end])]) for end in range(lim, i, -1)
                if s.lex.get(" ".join(words[i:end]))), None)
    if hit is None:
        return None
    end, name = hit
    if end < n and kinds[end] == "w" and words[end].lower() in HEADS and words[end][:1].isupper():
        end, name = end + 1, " ".join(words[i:end + 1])  # "Likud Party"
        placed = _extend_place(toks, end)  # "European Union Mission in Armenia"
        if placed > end:
            end, name = placed, " ".join(words[i:placed])
    if not (end - i > 1 and end < n and kinds[end] == "w"
            and words[end][:1].isupper() and words[end].lower() not in STOP):
        s.add("lexicon", i, end, name)
        return end
    s.defer = (i, end, name)
    return None


def _channel(s: _Scan, i: int) -> int | None:
    """Broadcasters: ``Channel 12``, ``Channel 4 News``."""
    words, kinds, n = s.toks.words, s.toks.kinds, len(s.toks.words)
    if not (words[i] == "Channel" and i + 1 < n and kinds[i + 1] == "n"):
        return None
    end = i + 2
    if end < n and words[end] == "News":
        end += 1
    s.add("channel", i, end, " ".join(words[i:end]))
    return end


def _deferred(s: _Scan, i: int) -> int | None:
    """The lexicon name that waited for a longer run which did not make a name."""
    if s.defer is None:
        return None
    s.add("lexicon", *s.defer)
    return s.defer[1]


def _acronym(s: _Scan, i: int) -> int | None:
    """``CIA``, ``NBC``, ``IAEA``: not a place's short form, shouting, or initials."""
    w = s.toks.words[i]
    if is_acronym(w) and w.replace(".", "").upper() not in _NOT_ORG_ACRONYMS \
            and not _shouting(s.toks, i) and not _initials(s.toks, i) and not _place_acronym(w):
        s.add("acronym", i, i + 1, w)
    return i + 1


def _head_run(s: _Scan, i: int) -> int | None:
    """A capitalized run with a head word (``Ministry``, ``Party``, ``Council``...),
    allowing "of/for/and/the" between capitalized words. A run with no head word ends
    at the same token from any later start inside it: scanned once, not once per start
    (linear time on long capitalized runs)."""
    toks, words = s.toks, s.toks.words
    if i < s.plain_until:
        j, last_head = s.plain_until, -1
    else:
        j, last_head = _cap_run(toks, i)
        if last_head < 0:
            s.plain_until = j
    if last_head < 0:
        return None
    run_end = j
    while run_end > i and words[run_end - 1] in ("of", "for", "and", "on", "the"):
        run_end -= 1  # trim connector words at the end
    start = _run_start(toks, i, last_head)
    nxt = _split_at_and(s, start, last_head)
    if nxt is not None:
        return nxt
    end, run_end = _run_name_end(toks, last_head, run_end)
    if (start >= 2 and words[start - 1] in ("of", "for")
            and words[start - 2].lower() in ROLE_HEADS
            and (words[start] == "State" or portfolio_end(toks, start) > start)):
        # "Minister of State and Cabinet member": a portfolio, not a body
        # (but "chief executive of Vietnam Airlines" is one)
        return max(run_end, i + 1)
    if s.defer is not None and end <= s.defer[1]:
        s.add("lexicon", *s.defer)
        return s.defer[1]
    # A head word preceded only by nationality/role words is not a name
    # on its own ("Israeli army", "the Cabinet").
    core = [x for x in words[start:last_head] if x.lower() not in NATIONALITIES]
    proper = words[last_head].lower() in PROPER_HEADS and run_end == last_head + 1
    if core or end > last_head + 1 or proper:
        name = " ".join(words[start:end]).replace(" , ", ", ").replace(" ' ", "' ")
        if any(toks.poss[start:end - 1]):
            name = _join_name(toks, start, end)  # "People's Bank of China"
        s.add("capitalized run with a head word", start, end, name)
    return max(run_end, end, i + 1)


def _run_start(toks: Tokens, i: int, last_head: int) -> int:
    """The run's first name word: not a leading sentence word, month, honorific or
    "-based" adjective ("Cairo-based Al-Ahram Center")."""
    words = toks.words
    start = i
    while start < last_head and ((words[start].lower() in STOP
                                  and not (words[start].lower() in _LEAD_KEEP
                                           and not toks.sent[start])
                                  and not (len(words[start]) > 1
                                           and words[start].isupper())) or
                                 words[start].lower() in MONTHS or
                                 words[start].lower() in HONORIFICS):
        start += 1
    while start < last_head and words[start].lower().endswith(_ADJ_SUFFIXES):
        start += 1
    return start


def _split_at_and(s: _Scan, start: int, last_head: int) -> int | None:
    """Where to look again when "and" inside the run joins two things, else None.

    "Commission President A. Name and European Council" (a title and a person before
    "and"), "Kinshasa and United Nations experts" (a place before "and"), and "Acme
    Widgets Ltd and Borealis Holdings" (two names: the first is recorded)."""
    words = s.toks.words
    a = next((a for a in range(start + 1, last_head) if words[a] == "and"), -1)
    if a <= 0:
        return None
    if start > 0 and words[start - 1].lower() in ROLE_HEADS \
            and words[start - 1].lower() not in HEADS:
        return a + 1
    if _place_then_name(s.toks, start, a):
        return a + 1
    if a >= start + 2 and words[a - 1].lower() in HEADS and words[a - 1][:1].isupper():
        s.add("capitalized run with a head word", start, a, " ".join(words[start:a]))
        return a + 1
    return None


def _run_name_end(toks: Tokens, last_head: int, run_end: int) -> tuple[int, int]:
    """(end of the name, end of the run) after the head word: "Department of Justice",
    "Commission on Human Rights", "Ministry of Fisheries, Animal Husbandry and
    Dairying", "... Mission in Colombia"."""
    words, n = toks.words, len(toks.words)
    end = last_head + 1
    if end < run_end and words[end] in ("of", "for", "on"):
        end = run_end
        if (end - 2 > last_head and words[end - 2] == "and"
                and is_acronym(words[end - 1]) and words[end - 1] in _load()):
            end -= 2  # "Organization for Migration and UNHCR": a known second name
            run_end = end
    if end + 1 < n and words[last_head + 1] in ("of", "for"):
        pe = portfolio_end(toks, last_head + 2)
        if pe > last_head + 2:
            end = max(end, pe)
    return _extend_place(toks, end), run_end


# The rules, in the order they are tried at each token; the first that returns the
# next position wins (a rule that does not apply returns None).
RULES: tuple[tuple[str, Callable[[_Scan, int], int | None]], ...] = (
    ("initials firm", _initials_firm),
    ("dateline", _dateline),
    ("military unit", _military_unit),
    ("not capitalized", _not_capitalized),
    ("named by its type", _typed),
    ("The before a lexicon name", _the_before_lexicon),
    ("lexicon", _lexicon_name),
    ("channel", _channel),
    ("capitalized run with a head word", _head_run),
    ("deferred lexicon name", _deferred),
    ("acronym", _acronym),
)


def _scan(toks: Tokens, datelines: tuple) -> _Scan:
    """Every rule at every token, left to right; then the names described by a noun."""
    s = _Scan(toks, datelines, _load(), _initial_firms(toks))
    n = len(toks.words)
    i = 0
    while i < n:
        s.defer = None
        for _name, rule in RULES:
            nxt = rule(s, i)
            if nxt is not None:
                i = nxt
                break
        else:
            i += 1
    extra = _described_names(toks)
    if extra:
        taken = bytearray(n)
        for a, b, _ in s.out:
            taken[a:b] = b"\x01" * (b - a)
        new = [m for m in extra if not any(taken[m[0]:m[1]])]
        if new:
            s.out, s.rules = _sorted_with_rules(s, new)
    return s


def _sorted_with_rules(s: _Scan, new: list[tuple[int, int, str]]):
    pairs = sorted([*zip(s.out, s.rules, strict=True),
                    *((m, "described by a noun") for m in new)], key=lambda p: p[0])
    return [m for m, _ in pairs], [r for _, r in pairs]


def _cap_run(toks: Tokens, i: int) -> tuple[int, int]:
    """(end, last head word or -1) of the capitalized run from ``i``, with ``of``, ``for``,
    ``and``, ``the`` between capitalized words."""
    words, kinds = toks.words, toks.kinds
    n = len(words)
    j = i
    last_head = -1
    while j < n:
        wj, kj = words[j], kinds[j]
        if (last_head >= 0 and j - i >= 2 and kj == "w" and wj.lower() in ROLE_HEADS
                and wj.lower() not in HEADS and j + 1 < n and kinds[j + 1] == "w"
                and words[j + 1][:1].isupper() and words[j + 1].lower() not in STOP):
            break  # "Central Bank of X Governor A. Name": the title and name are not in it
        if _orgish(wj, kj) and (kj == "a" or wj.lower() not in STOP or j == i
                                or wj.lower() in _LEAD_KEEP):
            if kj == "w" and wj.lower() in HEADS:
                last_head = j
            if toks.poss[j] and not (wj.lower() in _POSS_IN_NAMES and j + 1 < n
                                     and words[j + 1][:1].isupper()):
                j += 1
                break  # "People's Bank of China" goes on; "Russia's ..." does not
            j += 1
            continue
        after_head = j > 0 and words[j - 1].lower() in HEADS
        if (kj == "w" and (wj == "and" or (wj in ("of", "for", "on") and after_head))
                and j + 1 < n and kinds[j + 1] in "wa" and words[j + 1][:1].isupper()
                and not words[j + 1].endswith(_ADJ_SUFFIXES)
                and not _DIGIT(words[j + 1])):  # "Hanwha Aerospace for K9 guns"
            j += 1
            continue
        if (kj == "w" and wj in ("of", "for") and after_head and j + 2 < n
                and words[j + 1] == "the"
                and kinds[j + 2] in "wa" and words[j + 2][:1].isupper()):
            j += 2
            continue
        if kj == "w" and wj == "the" and j > i and words[j - 1] in ("of", "for"):
            j += 1
            continue
        if (wj == "'" and j > i and words[j - 1].endswith("s") and j + 1 < n
                and words[j + 1][:1].isupper()):
            j += 1  # "Kurdistan Workers' Party"
            continue
        break
    return j, last_head


# Nouns that say what the name before them is: "Frelimo, the party that ...",
# "Huta Stalowa Wola, a subsidiary of ...", "the Sejm, the lower house of parliament",
# "the Lusa news agency".
_APPOS_ORG_NOUNS = data_words("organizations_appos_org_nouns.txt")
# "the lower house of ..."
_APPOS_ORG_NOUNS_HOUSE = data_words("organizations_appos_org_nouns_house.txt")
_APPOS_END = data_words("organizations_appos_end.txt")
_POST_ORG_NOUNS = data_words("organizations_post_org_nouns.txt")
# Words before such a name: "the ruling Frelimo party", "state-run Al-Ahram newspaper".
_POST_ORG_LEAD = data_words("organizations_post_org_lead.txt")
# Titles that show the capitalized run before them is a company or body:
# "Hyundai Rotem President Choi Jae-won".
_OWNER_TITLES = data_words("organizations_owner_titles.txt")
_NAME_MAX = 3
# Company cues: "chief executive of X", "shares in X", "operated by X" ...
_FIRM_CUES_BEFORE = {line.split()[0]: frozenset(line.split()[1:])
                     for line in data_lines("organizations_firm_cues_before.txt")}
_FIRM_PREPS = frozenset(_FIRM_CUES_BEFORE)
# ... and "X's chief executive", "X's shares".
_FIRM_CUES_AFTER = data_words("organizations_firm_cues_after.txt")


def _name_run_before(toks: Tokens, k: int) -> int:
    """Start of a 1-3 word capitalized name ending right before token ``k``, else -1."""
    words, kinds = toks.words, toks.kinds
    a = k
    while (a > 0 and k - a < _NAME_MAX and kinds[a - 1] in "wa" and words[a - 1][:1].isupper()
           and words[a - 1].lower() not in STOP and words[a - 1].lower() not in NATIONALITIES
           and words[a - 1].lower() not in ROLE_HEADS and words[a - 1].lower() not in MONTHS
           and words[a - 1].lower() not in HONORIFICS and not toks.poss[a - 1]):
        a -= 1
        if toks.sent[a]:
            break
    if a == k or is_place(" ".join(words[a:k])):
        return -1
    if (a > 0 and kinds[a - 1] in "wa" and words[a - 1][:1].isupper() and not toks.sent[a]
            and words[a - 1].lower() not in STOP):
        return -1  # a longer capitalized run: not this shape
    return a


def _described_names(toks: Tokens) -> list[tuple[int, int, str]]:
    """Names the text says are organizations by a noun next to them (see above)."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    out: list[tuple[int, int, str]] = []
    for k in positions(words, ","):  # "X, the party that ...", "X, Azerbaijan's parliament,"
        if k + 2 >= n:
            continue
        j = k + 1
        if words[j] in ("the", "a", "an") or (toks.poss[j] and words[j][:1].isupper()):
            j += 1
        else:
            continue  # "X, told parliament": a verb, not an appositive
        m = j
        while m < n and m - j < 3 and kinds[m] == "w" and words[m].islower() \
                and words[m] not in _APPOS_ORG_NOUNS and words[m] not in _APPOS_ORG_NOUNS_HOUSE:
            m += 1
        if m + 1 >= n or toks.poss[m] or words[m + 1] not in _APPOS_END:
            continue
        ok = words[m] in _APPOS_ORG_NOUNS or (
            words[m] in _APPOS_ORG_NOUNS_HOUSE and words[m + 1] == "of")
        if not ok or (words[m] in ("party", "group") and m > j and words[m - 1] == "political"):
            continue
        a = _name_run_before(toks, k)
        if a >= 0:
            out.append((a, k, " ".join(words[a:k])))
    present = set(words)
    for noun in _POST_ORG_NOUNS & present:  # "the Lusa news agency", "the X works"
        for k in positions(words, noun):
            e = k - 1 if k > 0 and words[k - 1] == "news" else k
            a = _name_run_before(toks, e)
            if a == e - 1 and words[a].endswith(("ist", "ic")):
                continue  # "the Islamist group": an adjective, not a name
            if a > 0 and (words[a - 1] in _POST_ORG_LEAD
                          or words[a - 1].endswith(_ADJ_SUFFIXES)):
                out.append((a, e, " ".join(words[a:e])))
    for prep in _FIRM_PREPS & present:  # "chief executive of X", "operated by X"
        for k in positions(words, prep):
            if not (k > 0 and words[k - 1].lower() in _FIRM_CUES_BEFORE[prep]):
                continue
            e = k + 1
            while (e < n and e - k <= _NAME_MAX and kinds[e] in "wa"
                   and words[e][:1].isupper() and not toks.poss[e - 1]):
                e += 1
            if e == k + 1 or (toks.poss[e - 1] and e < n and words[e].lower() in STOP):
                continue
            if e > k + 1 and _name_run_before(toks, e) == k + 1:
                out.append((k + 1, e, " ".join(words[k + 1:e])))
    for cue in _FIRM_CUES_AFTER & present:  # "X's chief executive", "X's shares"
        for k in positions(words, cue):
            if not (k > 0 and toks.poss[k - 1] and words[k - 1][:1].isupper()) or (
                    cue == "shares" and k + 1 < n and words[k + 1] == "of"):
                continue  # not "Ruto's shares of the vote"
            b = k - 1
            a = b
            while (a > 0 and b - a < _NAME_MAX - 1 and kinds[a - 1] in "wa"
                   and words[a - 1][:1].isupper() and not toks.sent[a]
                   and words[a - 1].lower() not in STOP):
                a -= 1
            if not (words[a].lower() in STOP or words[a].lower() in NATIONALITIES
                    or is_place(" ".join(words[a:k]))):
                out.append((a, k, " ".join(words[a:k])))
    for title in _OWNER_TITLES & present:  # "Hyundai Rotem President Choi Jae-won"
        for k in positions(words, title):
            if not (k + 1 < n and kinds[k + 1] == "w" and words[k + 1][:1].isupper()):
                continue
            a = _name_run_before(toks, k)
            if a >= 0 and k - a >= 2 and not any(w.lower() in ROLE_MODIFIERS
                                                 for w in words[a:k]):
                out.append((a, k, " ".join(words[a:k])))
    return out


# Lower-case nouns that introduce a company, broadcaster or body by name:
# "state broadcaster Al Ekhbariya", "drone maker Baykar", "consultancy EcoAndes".
ORG_TYPE_NOUNS = data_words("organizations_org_type_nouns.txt")
# Plural type nouns introduce a list: "energy firms Alpha and Beta".
_PLURAL_TYPE_NOUNS = frozenset(w for w in ORG_TYPE_NOUNS if w.endswith("s")
                               and w not in ("news", "press"))
_TYPED_MAX = 3


def _typed_name(toks: Tokens, i: int) -> int:
    """End of a 1-3 word capitalized name after an org-type noun, else 0."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    j = i
    while j < n and j - i < _TYPED_MAX and kinds[j] in "wa" and (
            words[j][:1].isupper() or (j > i and PREFIX_RE.match(words[j]))):  # "al-Sham"
        lw = words[j].lower()
        if lw in STOP or lw in ROLE_HEADS or lw in HONORIFICS or lw in MONTHS:
            break
        j += 1
        if toks.poss[j - 1]:
            break
    if j == i or (j < n and kinds[j] in "wa" and words[j][:1].isupper() and not toks.poss[j - 1]):
        return 0  # a longer capitalized run: left to the other shapes
    if any(words[k].lower() in HEADS for k in range(i, j)) or is_place(" ".join(words[i:j])):
        return 0
    return j


def _place_then_name(toks: Tokens, start: int, a: int) -> bool:
    """``Kinshasa and United Nations experts``: a bare place joined by ``and`` to a name.

    True when the words before ``and`` are only a gazetteer place and the place
    does not go on past ``and`` (``Trinidad and Tobago Defence Force``).
    """
    words = toks.words
    if a + 1 >= len(words) or not is_place(" ".join(words[start:a])):
        return False
    return not is_place(" ".join(words[start:a + 2]))


def _extend_place(toks: Tokens, end: int) -> int:
    """``... Mission in Colombia``, ``U.S. Forces Japan``: a place that completes a name."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    head = words[end - 1].lower()
    if (head in _IN_PLACE_HEADS and end + 1 < n and words[end] == "in"
            and kinds[end + 1] == "w" and place_kind(words[end + 1]) == "country"
            and not toks.poss[end + 1]):
        return end + 2
    if (head in _PLACE_AFTER_HEADS and end < n and kinds[end] == "w" and not toks.poss[end - 1]
            and place_kind(words[end]) == "country"
            and not (end + 1 < n and kinds[end + 1] == "w" and words[end + 1][:1].isupper())):
        return end + 1
    return end


def _initials(toks: Tokens, i: int) -> bool:
    """``J.D. Vance``: dotted initials before a surname, not an acronym."""
    words, n = toks.words, len(toks.words)
    w = words[i]
    if not (len(w) <= 6 and w.count(".") >= 2 and i + 1 < n and toks.kinds[i + 1] == "w"
            and not toks.poss[i]):
        return False
    nxt = words[i + 1]
    lw = nxt.lower()
    return (nxt[:1].isupper() and lw not in STOP and lw not in ROLE_HEADS and lw not in HEADS
            and lw not in NATIONALITIES and not is_place(w) and not is_place(nxt)
            and w.replace(".", "") not in _load())


def _role_only(words: tuple[str, ...] | list[str]) -> bool:
    return bool(words) and words[-1].lower() in ROLE_HEADS


def _shouting(toks: Tokens, i: int) -> bool:
    """An all-caps word next to other all-caps words is shouting or a credit, not an acronym."""
    words, kinds = toks.words, toks.kinds
    for k in (i - 1, i + 1):
        if (0 <= k < len(words) and kinds[k] == "w" and len(words[k]) > 1
                and words[k].isupper() and words[k] not in _NOT_ORG_ACRONYMS):
            return True
    return False


def find_organizations(text: str) -> list[Entity]:
    """Organizations named in the text, in order of first mention, with counts.

    ``Full Name (ACR)`` makes ``ACR`` an alias of the full name everywhere in
    the article; a bare head (``the Commission``, ``Parliament``) is a repeat
    of the one longer name in the article that ends in it. Reporting and photo
    credits are not story text (``(AP Photo/...)``).
    """
    text = mask_credits(text)
    toks = tokenize(text)
    words, n = toks.words, len(toks.words)
    spans_of_datelines = dateline_spans(text)
    matches = match_organizations(toks, spans_of_datelines)
    rule_at = {(a, b): rule for (a, b, _), rule
               in zip(matches, matched_by(toks, spans_of_datelines), strict=True)}
    defined = defined_acronyms(toks)
    alias: dict[str, str] = {}
    if defined:
        # "Full Name (ACR)": the text's own definition wins over the lexicon and
        # over partial pattern matches inside the full name.
        spans = sorted(defined)
        covered = bytearray(n)  # tokens inside a defined full name
        for a, b, _ in spans:
            covered[a:b] = b"\x01" * (b - a)
        keep = [m for m in matches if not any(covered[m[0]:m[1]])]
        matches = sorted(keep + spans)
        for _a, b, name in spans:
            alias[words[b + 1]] = name
    for _i, end, name in matches:
        if (end + 2 < n and words[end] == "(" and words[end + 2] == ")"
                and is_acronym(words[end + 1]) and words[end + 1] != name):
            alias.setdefault(words[end + 1], name)
    counts: dict[str, int] = {}
    how: dict[str, str] = {}  # the rule that found the first mention: the provenance
    first_spelling: dict[str, str] = {}
    for i, end, name in matches:
        if is_place(name):
            continue
        if end - i == 1 and words[i] in alias:
            name = alias[words[i]]
        name = alias.get(name, name)
        name = first_spelling.setdefault(_spelling(name), name)  # one entry per spelling
        counts[name] = counts.get(name, 0) + 1
        how.setdefault(name, rule_at.get((i, end), "defined with its acronym"))
    # A bare head word ("the Commission") or a shorter name ("the Security Council")
    # repeats the one longer name ending in it ("United Nations Security Council").
    bare = [k for k in counts if k.rsplit(" ", 1)[-1].lower() in HEADS]
    lengths = sorted({k.count(" ") + 1 for k in bare})  # only suffixes this long can match
    by_suffix: dict[str, list[str]] = {}
    for k in counts:
        parts = k.split(" ")
        for size in lengths:
            if size >= len(parts):
                break
            by_suffix.setdefault(" ".join(parts[-size:]), []).append(k)
    for name in bare:
        hosts = [k for k in by_suffix.get(name, ()) if k in counts]
        if len(hosts) == 1:
            counts[hosts[0]] += counts.pop(name)
    _merge_spelled_out(counts)
    return [Entity(name, c, Provenance(TEXT, how[name])) for name, c in counts.items()]


_INITIAL_SKIP = data_words("organizations_initial_skip.txt")


def _merge_spelled_out(counts: dict[str, int]) -> None:
    """An acronym and its spelled-out name in one article are one organization.

    ``NATO`` ... ``North Atlantic Treaty Organization``: the counts go to the
    spelled-out name (the article's own full form).
    """
    full: dict[str, str] = {}
    for name in counts:
        parts = [w for w in name.split() if w.lower() not in _INITIAL_SKIP]
        if len(parts) >= 2 and all(w[:1].isupper() for w in parts):
            full.setdefault("".join(w[0] for w in parts).upper(), name)
    for name in [k for k in counts if is_acronym(k)]:
        host = full.get(name.replace(".", "").upper())
        if host and host != name:
            counts[host] += counts.pop(name)


_ACR_CONNECTORS = data_words("organizations_acr_connectors.txt")
_ACR_MAX_WORDS = 12


def defined_acronyms(toks: Tokens) -> list[tuple[int, int, str]]:
    """``Intergovernmental Authority on Development (IGAD)``: (start, end, full name).

    The full name is the shortest run of capitalized words (with ``of``, ``the``,
    ``and``, commas between them) right before ``(ACR)`` whose initials spell
    the acronym; a hyphenated word gives its first letter or one per part.
    """
    global _acr_memo
    if _acr_memo is not None and _acr_memo[0] is toks:
        return _acr_memo[1]
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    out = []
    p = -1
    while True:
        try:
            p = words.index("(", p + 1)
        except ValueError:
            break
        if not (0 < p < n - 2 and words[p + 2] == ")" and _acronym_like(words[p + 1])):
            continue
        acr = words[p + 1].replace(".", "").upper()
        # walk back collecting initials; ends: the set of acronym suffixes matched
        suffixes = {""}
        k = p - 1
        found = -1
        while k >= 0 and p - k <= _ACR_MAX_WORDS:
            w = words[k]
            if kinds[k] == "w" and w[:1].isupper():
                parts = [x for x in w.split("-") if x]
                opts = {w[0].upper()}
                # "Intergovernmental" may give "IG"
                opts.update(w[0].upper() + c for c in w[1:].upper() if c.isalpha())
                if len(parts) > 1 and all(x[:1].isupper() for x in parts):
                    opts.add("".join(x[0] for x in parts).upper())
                suffixes = {o + s for s in suffixes for o in opts if acr.endswith(o + s)}
                if not suffixes:
                    break
                if acr in suffixes:
                    found = k
                    break
            elif not ((kinds[k] == "w" and w in _ACR_CONNECTORS) or w in (",", "&", "'")):
                break
            if toks.sent[k]:
                break
            k -= 1
        if found < 0 and p + 3 < n and words[p + 3] in _PARTY_NOUNS:
            found = _cap_run_before(toks, p)  # "Law and Justice (PiS) party"
        if found < 0 or p - found < 2:
            continue
        name = _join_name(toks, found, p)
        out.append((found, p, name))
    _acr_memo = (toks, out)
    return out


_acr_memo: tuple | None = None


_PARTY_NOUNS = data_words("organizations_party_nouns.txt")


def _acronym_like(word: str) -> bool:
    """``IGAD``, ``U.N.``, and mixed-case party acronyms such as ``AfD``, ``PiS``."""
    if is_acronym(word):
        return True
    return (2 <= len(word) <= 6 and word.isalpha() and word[0].isupper()
            and sum(c.isupper() for c in word) >= 2)


def _cap_run_before(toks: Tokens, p: int) -> int:
    """Start of the capitalized run (with of/and/the/for) ending right before ``p``."""
    words, kinds = toks.words, toks.kinds
    k = p - 1
    start = -1
    while k >= 0 and p - k <= 6:
        w = words[k]
        if kinds[k] == "w" and w[:1].isupper() and w.lower() not in STOP:
            start = k
        elif not (kinds[k] == "w" and w in ("of", "and", "for", "the") and start >= 0):
            break
        if toks.sent[k]:
            break
        k -= 1
    return start


def _join_name(toks: Tokens, a: int, b: int) -> str:
    """Words a..b as written (commas attached)."""
    parts: list[str] = []
    for k in range(a, b):
        w = toks.words[k] + ("'s" if toks.poss[k] else "")
        if w in (",", ")", "'") and parts:
            parts[-1] += w
        else:
            parts.append(w)
    return " ".join(parts)
