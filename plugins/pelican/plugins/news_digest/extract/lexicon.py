"""Word lists and the shared tokenizer for the entity extractors.

Everything here is generic news-English vocabulary (titles, honorifics, name
particles, function words), never names of particular people or stories. The
tokenizer is one linear regex pass; its result is cached because places,
organizations, people and trips all look at the same article text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_lines, data_words

# --- quotes and whitespace -------------------------------------------------

_QUOTE_MAP = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u00a0": " ", "\u2009": " ",
    "\u202f": " ",
})


def normalize(text: str) -> str:
    """Straight quotes and plain spaces, so rules see one spelling of each."""
    return text.translate(_QUOTE_MAP)


def strip_wrapping_quotes(text: str) -> str:
    """Drop quote marks wrapped around a whole line (a quoted headline), keep inner ones."""
    s = text.strip()
    if len(s) >= 3 and s[0] == s[-1] and s[0] in "\"'":
        inner = s[1:-1]
        q = s[0]
        if q == '"' and '"' not in inner:
            return inner.strip()
        if q == "'" and not re.search(r"(?:^|\s)'|'(?:\s|$)", inner):
            return inner.strip()
    return s


def fold(text: str) -> str:
    """ASCII-fold accents (``Rafaḩ`` → ``Rafah``) for gazetteer keys."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def positions(words: list[str], word: str):
    """Indexes of ``word`` in ``words``, found with ``list.index`` (a scan at C speed)."""
    k = -1
    while True:
        try:
            k = words.index(word, k + 1)
        except ValueError:
            return
        yield k


@lru_cache(maxsize=8192)
def norm_key(name: str) -> str:
    """Comparison key for names: folded, lower case, single spaces, no dots."""
    return " ".join(fold(normalize(name)).replace(".", "").lower().split())


def add_name_tails(table: dict[str, str], names: list[str]) -> dict[str, str]:
    """Map each name's tails ("antony blinken", "blinken": ``norm_key`` forms) to the
    name, the first name given winning a shared tail and entries already in ``table``
    kept; then every full name to itself. Returns ``table``."""
    for name in names:
        parts = norm_key(name).split()
        for k in range(len(parts)):
            table.setdefault(" ".join(parts[k:]), name)
    for name in names:
        table[norm_key(name)] = name
    return table


# --- vocabulary ------------------------------------------------------------

# Capitalized last word of a geographic feature name ("South China Sea").
FEATURE_SUFFIXES = data_words("feature_suffixes.txt")

# Head words of a title: a role must contain one of these.
ROLE_HEADS = data_words("role_heads.txt")

# Words that may precede a head inside a title ("Prime", "Defense", "Minority"...).
ROLE_MODIFIERS = data_words("role_modifiers.txt")


# Honorifics and forms of address before a name ("Dr.", "Dame", "Alhaji"): data/honorifics.txt
HONORIFICS = data_words("honorifics.txt")
# Last words of a news outlet's name ("... Radio", "... Herald"): data/outlet_words.txt
OUTLET_WORDS = data_words("outlet_words.txt")

# Lower-case particles that may sit inside a personal name.
PARTICLES = data_words("particles.txt")

# Arabic-style prefixes glued with a hyphen: al-Sisi, el-Sheikh, bin-Salman.
PREFIX_RE = re.compile(
    r"^(?:al|el|ad|ash|as|at|az|ar|an|bin|ibn|abu|abd|ben|d|l|o|mc|mac)-?['’]?[A-Z]")

# Nationality adjectives and demonyms: data/demonyms.txt adds to the list below.
_DEMONYM_LINES = data_lines("demonyms.txt")
NATIONALITIES = data_words("nationality_words.txt") | frozenset(
    w.lower() for w in _DEMONYM_LINES if " " not in w)
# Multi-word demonyms ("Sri Lankan", "South African"), as lower-case word tuples.
DEMONYM_PHRASES = frozenset(
    tuple(w.lower().split()) for w in _DEMONYM_LINES if " " in w)

# Portfolio names ("Foreign Affairs", "Animal Husbandry"): data/portfolios.txt, as
# lower-case word tuples, longest first under their first word.
def _portfolios() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for line in data_lines("portfolios.txt"):
        words = tuple(line.lower().split())
        by_first.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


PORTFOLIOS = _portfolios()


# Capitalized words that end a person-name or organization candidate.
ORG_WORDS = data_words("org_words.txt")

# Capitalized words that are never (part of) a personal name: function words,
# pronouns, sentence-start adverbs, calendar words, generic nouns.
STOP = data_words("stop.txt")

SPEECH_VERBS = data_words("speech_verbs.txt")

# Verbs that, right after a name, show a person acted (evidence for personhood).
ACTION_VERBS = SPEECH_VERBS | data_words("action_verbs.txt")

# Words that open the name of a geographic feature ("Lake Kivu", "Mount Elgon", "River
# Tana"): a capitalized run starting with one is a place, never a person.
# Also "Salar de ..." (a salt flat), "Sierra ...", "Volcano ...", "Glacier ...".
GEO_PREFIXES = data_words("geo_prefixes.txt")

MONTHS = data_words("months.txt")

WORD_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40}


def ordinal_value(word: str) -> int | None:
    """``4th``/``fourth``/``twenty-first`` → int; anything else → None."""
    w = word.lower()
    if w[-2:] not in ("st", "nd", "rd", "th") and "-" not in w:
        return None
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w in WORD_ORDINALS:
        return WORD_ORDINALS[w]
    tens, _, unit = w.partition("-")
    if tens in TENS and unit in WORD_ORDINALS and WORD_ORDINALS[unit] < 10:
        return TENS[tens] + WORD_ORDINALS[unit]
    return None


# --- tokenizer -------------------------------------------------------------

# Leading whitespace, then one of: dotted abbreviation (U.S., D.C.), word (with
# inner hyphens/apostrophes), number with an ordinal suffix, any other single
# character. No nested quantifiers over the same characters: linear.
_TOKEN_RE = re.compile(
    r"(\s*)(?:((?:[A-Z]\.){2,})"
    r"|([^\W\d_](?:[\w\-]|['’](?=\w))*)"
    r"|(\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)"
    r"|(\S))"
)
_SENT_END = frozenset('.!?:;"“”()—–')


@dataclass(frozen=True, eq=False)
class Tokens:
    """Parallel lists: token text (possessive stripped), kind, offsets, flags."""

    words: tuple[str, ...]
    kinds: tuple[str, ...]  # "w" word, "a" abbreviation, "n" number, "p" punctuation
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sent: tuple[bool, ...]  # first token of a sentence, line or quotation
    poss: tuple[bool, ...]  # had a possessive 's

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=64)
def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` (cached: every extractor looks at the same text)."""
    words: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sent: list[bool] = []
    poss: list[bool] = []
    pos = 0
    prev_word = ""
    prev_kind = "p"
    sent_end = _SENT_END
    for sp, a, w, num, p in _TOKEN_RE.findall(text):
        start = pos + len(sp)
        if w:
            kind, tok = "w", w
        elif a:
            kind, tok = "a", a
        elif num:
            kind, tok = "n", num
        else:
            kind, tok = "p", p
        pos = start + len(tok)
        ps = False
        if kind == "w" and len(tok) > 2 and tok[-1] in "sS" and tok[-2] in "'’":
            tok = tok[:-2]
            ps = True
        if not words or "\n" in sp:
            s = True
        elif prev_kind == "p" and prev_word in sent_end:
            # "Mr." / "Dr." / an initial "J." do not end a sentence.
            s = not (prev_word == "." and len(words) > 1 and
                     (len(words[-2]) == 1 or words[-2].lower() in HONORIFICS))
        else:
            s = False
        words.append(tok)
        kinds.append(kind)
        starts.append(start)
        ends.append(pos)
        sent.append(s)
        poss.append(ps)
        prev_word = tok
        prev_kind = kind
    return Tokens(tuple(words), tuple(kinds), tuple(starts), tuple(ends), tuple(sent),
                  tuple(poss))


def name_words(name: str) -> tuple[str, ...]:
    """Word tokens of a short name, uncached (keeps the text cache for articles)."""
    return tuple(w or a for _sp, a, w, _n, _p in _TOKEN_RE.findall(name) if w or a)


# A dateline at a line start: "KYIV, Ukraine (AP) —", "PORT SUDAN, Sudan, Feb 12 (Reuters) -",
# "NEW DELHI/ABU DHABI:". Bounded repeats: no backtracking blow-up.
_UC = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # upper case, with accents ("BELÉM")
_DATELINE_RE = re.compile(
    rf"^[ \t]*[{_UC}][{_UC}.'\u2019/\- ]{{1,40}}[{_UC}.]"
    r"(?:, [A-Z][\w.' ]{0,40})?(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:—|–|--?|:)", re.MULTILINE)


_CAPS_RE = re.compile(rf"[ \t]*[{_UC}][{_UC}.'\u2019/\- ]*[{_UC}.]")


@lru_cache(maxsize=16)
def dateline_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end of the all-caps place part, end) of each dateline in ``text``."""
    out = []
    for m in _DATELINE_RE.finditer(text):
        caps = _CAPS_RE.match(m.group())
        out.append((m.start(), m.start() + (caps.end() if caps else 0), m.end()))
    return tuple(out)


# Reporting and photo credits inside the story text: "(Reporting by X in Dakar;
# Editing by Y)", "(AP Photo/Jane Roe)", "(credit: X / AAP)", and credit lines.
_CREDIT_RE = re.compile(
    r"\((?:additional )?(?:reporting|writing|editing|compiled|produced|translated)\s+by\b"
    r"[^()\n]{0,400}\)"
    r"|\((?:with )?(?:additional )?inputs? from\b[^()\n]{0,160}\)"
    r"|\((?:[A-Z][\w.\-]{0,20}[ /])?(?:photo|photograph|picture|image|credit|video|file)s?"
    r"\b[^()\n]{0,160}\)"
    r"|^[ \t]*\W{0,3}(?:additional )?(?:reporting|writing|editing) by\b[^\n]{0,400}"
    r"|^[^\n]{0,160}\bcontributed(?: reporting)? to (?:this|the) (?:report|story|article)"
    r"[^\n]{0,40}$",
    re.IGNORECASE | re.MULTILINE)


# A wire photo credit after a caption: "REUTERS/Jane Roe", "AFP PHOTO/Jane Roe". The
# agency is written in capitals; the photographer's name (up to four words) follows.
_AGENCY_CREDIT_RE = re.compile(
    r"\b(?:REUTERS|AFP|AP|EPA|AAP|GETTY|XINHUA|ANADOLU|EFE|DPA|ANSA|PA|WAM|BERNAMA"
    r"|KYODO|YONHAP|TASS|SPUTNIK|IRNA|NTB|TT|NTB SCANPIX|SIPA)(?: PHOTO| IMAGES)?"
    r" ?/ ?[A-Z][\w'’.\-]{0,30}(?:[ \t][A-Z][\w'’.\-]{0,30}){0,3}")


@lru_cache(maxsize=16)
def mask_credits(text: str) -> str:
    """``text`` with reporting/photo credits blanked (same length, offsets kept)."""
    if "/" in text:
        text = _AGENCY_CREDIT_RE.sub(lambda m: " " * len(m.group()), text)
    if not _CREDIT_HINT.search(text):
        return text
    return _CREDIT_RE.sub(lambda m: " " * len(m.group()), text)


_CREDIT_HINT = re.compile(
    r"(?i)\bby\b|photo|credit|picture|image|video|file|contributed|inputs? from")


def in_spans(pos: int, spans: tuple[tuple[int, int, int], ...]) -> tuple[int, int, int] | None:
    """The span containing character offset ``pos`` (spans are sorted), else None."""
    k = bisect_right(spans, (pos, float("inf"), float("inf"))) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][2]:
        return spans[k]
    return None


def is_cap(word: str) -> bool:
    """Capitalized word (``Blinken``, ``Al-Aqsa``) but not ALL CAPS shouting."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_PORTFOLIO_JOINS = frozenset((",", "and", "&"))
# Last words that make a capitalized phrase a portfolio even when it is not listed.
_PORTFOLIO_TAILS = data_words("portfolio_tails.txt")


def portfolio_end(toks: Tokens, i: int) -> int:
    """End of a portfolio list starting at token ``i`` (``i`` when there is none).

    ``Industry, Trade and Investment``, ``Foreign Affairs and International
    Cooperation``, ``State for Foreign Affairs``: one or more names from
    data/portfolios.txt joined by ``,``, ``and`` or ``&``.
    """
    words, n = toks.words, len(toks.words)
    if (i + 2 < n and words[i] == "State" and words[i + 1] == "for"
            and words[i + 2].lower() in PORTFOLIOS):
        i += 2  # "Minister of State for Foreign Affairs"
    start = i
    end = i
    k = i
    while k < n:
        if k == start and words[k] == "the" and k + 1 < n:
            k += 1  # "Minister for the Environment"
        got = 0
        for phrase in PORTFOLIOS.get(words[k].lower(), ()):
            m = len(phrase)
            if k + m <= n and all(words[k + x].lower() == phrase[x] for x in range(1, m)) \
                    and not toks.poss[k + m - 1] and words[k][:1].isupper() == \
                    words[start][:1].isupper():
                got = m
                break
        if words[k][:1].isupper() and words[start][:1].isupper():
            # an unlisted portfolio ending in a portfolio word: "Veterans Affairs",
            # "National Administration", "Security Policy", "Veterans and Military Affairs"
            m, last = k, -1
            while m < n and m - k < 5 and toks.kinds[m] == "w" and not toks.poss[m] and (
                    words[m][:1].isupper() or (words[m] == "and" and m > k)):
                if words[m].lower() in _PORTFOLIO_TAILS:
                    last = m
                m += 1
            if last >= 0 and last + 1 - k > got:
                got = last + 1 - k
        if not got:
            break
        end = k + got
        k = end
        if words[end - 1] == "and":
            continue  # "Foreign and | Diaspora Affairs": a shared head follows
        if k + 1 < n and words[k] in _PORTFOLIO_JOINS:
            k += 1
            if words[k] == "and" and k + 1 < n:  # "Industry, Trade, and Investment"
                k += 1
            continue
        break
    return end
