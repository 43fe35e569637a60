"""People: every real person an article names, with roles and a mention count.

A person is a run of capitalized name tokens (with particles such as ``bin``,
``van der``, ``al-``) that news copy marks as a person: a title before it
(``Defense Minister Yoav Gallant``), an honorific (``Dr.``), a speech or
action verb next to it (``... told Reuters``, ``said X``), an appositive role
(``X, a senior Hamas official``), a later surname-only mention, or the editor's
people file. Places and organizations are matched first and are never people.
Surname-only and honorific mentions resolve to the full name in the article,
then to the people file, then (``resolve_collection``) to other articles.

The rules are data, ordered tables of named rules: ``NOT_PERSON_RULES`` drop a
candidate (a place, a portfolio of a title, a byline ...), ``PERSON_EVIDENCE`` shows
a candidate is a person, ``CUED_FULL_NAME`` takes a full name whose given name or
surname is cued elsewhere, and ``RESOLUTION_RULES`` say who a partial mention is;
``NAME_START_RULES`` and ``NAME_PART_RULES`` say where a run of name tokens starts and
what goes on it. The name of the rule that found a person is the detail of its
provenance; ``decisions`` lists every mention with the rule that decided it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Protocol

from ..model import TEXT, ArticleData, Cleaned, Person, Provenance
from .gazetteer import is_place, place_kind
from .lexicon import (
    ACTION_VERBS,
    DEMONYM_PHRASES,
    GEO_PREFIXES,
    HONORIFICS,
    MONTHS,
    NATIONALITIES,
    ORG_WORDS,
    OUTLET_WORDS,
    PARTICLES,
    PREFIX_RE,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    STOP,
    Tokens,
    add_name_tails,
    data_words,
    is_acronym,
    is_cap,
    mask_credits,
    norm_key,
    normalize,
    portfolio_end,
    positions,
    tokenize,
)
from .organizations import match_organizations
from .places import match_places


class PeopleRegistry(Protocol):
    """What extraction asks of the editor's people file (``editorial.people``, which
    comes later in the pipeline and is not imported here): a canonical name, or None."""

    def lookup(self, name: str) -> str | None: ...


# Lines that are not story text even if the cleaner left them in: bylines,
# promo links, photo credits, agency footers. (The cleaner removes these too;
# this keeps extraction safe with any cleaner.)
_SKIP_BLOCK = re.compile(
    r"^\s*(?:(?:by|written by|photo(?:graph)?s?(?: by)?|images?|credit|pictures?)\s*[: ]\s*[A-Z]"
    r"|(?:read more|read also|also read|related|see also|watch|more)\b\s*[:|\-–—]"
    r"|read\s\s|read more\b"
    r"|\W*(?:additional )?(?:reporting|writing|editing)\s+by\b)",
    re.IGNORECASE,
)
_CREDIT_PAREN = re.compile(
    r"\((?:credit|photo|photograph|image|picture|source)s?\b[^()\n]{0,160}\)", re.IGNORECASE)
_BYLINE_MAX = 90
# Separators between the names (and the outlet or place) of one byline.
_BYLINE_SPLIT = re.compile(r"\s*(?:[|,/;&]|\b(?:and|in|for|with)\b)\s*", re.IGNORECASE)
# Honorifics that are also surnames (only taken as one after a given name).
_TITLE_SURNAMES = data_words("people_title_surnames.txt")
# Calendar abbreviations (stop words) that are also given or middle names.
_CALENDAR_NAME_WORDS = data_words("people_calendar_name_words.txt")
# Honorifics that are also family names, taken as the last word of a longer name.
_HONORIFIC_SURNAMES = data_words("people_honorific_surnames.txt")
_OPEN_QUOTES = frozenset('"“')
_CLOSE_QUOTES = frozenset('"”')
_ADVERBS = data_words("people_adverbs.txt")
_APPOS_DET = data_words("people_appos_det.txt")
_NON_ROLE_START = NATIONALITIES | (STOP - ROLE_HEADS - ROLE_MODIFIERS)


# A press-release contact footer: "Media contact: Name, phone", "For press inquiries:".
# The contact and the few short lines after the header are not people of the story.
_CONTACT_HEAD = re.compile(
    r"\W{0,3}(?:for\s+)?(?:media|press|news)(?:\s+and\s+\w+)?\s+"
    r"(?:contacts?|inquiries|enquiries|queries|information)\b"
    r"|\W{0,3}(?:contacts?|inquiries|enquiries)\s*:", re.IGNORECASE)
_CONTACT_LINES = 4
_CONTACT_MAX = 200  # longer blocks are story paragraphs


def _story_text(cleaned: Cleaned) -> str:
    lines = []
    texts = [x for x in (cleaned.headline, cleaned.standfirst) if x]
    contact = 0  # short lines still to skip after a contact header
    for t in [*texts, *(b.text for b in cleaned.blocks)]:
        t = normalize(t)
        if _SKIP_BLOCK.match(t) and (len(t) <= _BYLINE_MAX or not t.lower().startswith("by")):
            continue
        head = _CONTACT_HEAD.match(t) is not None
        if (head or contact) and len(t) <= _CONTACT_MAX and "\n" not in t:
            contact = _CONTACT_LINES if head else contact - 1
            continue  # the header, the contact's name, title, phone and e-mail
        contact = 0
        if "\n" in t:
            t = _drop_contact_lines(t)
        lines.append(_CREDIT_PAREN.sub(" ", t))
    # same masking as places and organizations: one shared tokenization of the text
    return mask_credits("\n".join(lines))


def _drop_contact_lines(block: str) -> str:
    """A block with line breaks: drop a contact header and the short lines after it."""
    out, skip = [], 0
    for line in block.split("\n"):
        if _CONTACT_HEAD.match(line) and len(line) <= _CONTACT_MAX:
            skip = _CONTACT_LINES
            continue
        if skip and len(line) <= _CONTACT_MAX:
            skip -= 1
            continue
        skip = 0
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=16384)
def _name_word(w: str, kind: str) -> bool:
    if kind != "w":
        return False
    lw = w.lower()
    if PREFIX_RE.match(w) and not w[:1].isupper():
        return True
    return (is_cap(w) and lw not in STOP and lw not in ROLE_HEADS and lw not in ROLE_MODIFIERS
            and lw not in NATIONALITIES and lw not in HONORIFICS and lw not in ORG_WORDS
            and lw not in MONTHS)


_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,3}")


_STOP_LETTERS = frozenset(c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c.lower() in STOP)


def _stop_initial(toks: Tokens, i: int, blocked: list[bool]) -> bool:
    """``A. K. Name`` / ``Minister A. Name``: "A" or "I" written as an initial.

    Such a letter is a function word too, so it starts a name only before another
    initial, or right after a title, honorific or lower-case word.
    """
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    w = words[i]
    if not (kinds[i] == "w" and len(w) == 1 and w.isupper() and i + 2 < n
            and words[i + 1] == "." and not blocked[i] and not blocked[i + 2]
            and _name_word(words[i + 2], kinds[i + 2])):
        return False
    if len(words[i + 2]) == 1 and i + 3 < n and words[i + 3] == ".":
        return True  # "A. K. Name"
    prev = words[i - 1].lower() if i > 0 and not toks.sent[i] else ""
    return bool(prev) and (prev in ROLE_HEADS or prev in HONORIFICS or words[i - 1].islower())


def _title_before(toks: Tokens, i: int) -> bool:
    """A title right before token ``i``: "Vice President JD Vance", "Rep. JD Name"."""
    words = toks.words
    k = i - 2 if i >= 2 and words[i - 1] == "." else i - 1
    return k >= 0 and (words[k].lower() in ROLE_HEADS or (
        words[k].lower() in HONORIFICS and words[k][:1].isupper()))


# Titles written as two capitals: "Deputy PM Name" is a title and a name, not initials.
_TITLE_ACRONYMS = data_words("people_title_acronyms.txt")
# Regnal numbers ("Charles III", "Mswati III") and generational suffixes ("Jr.").
_REGNAL = data_words("people_regnal.txt")
_GENERATIONAL = data_words("people_generational.txt")


def _name_suffix(toks: Tokens, j: int, name: list[str]) -> int:
    """Take a regnal number or ``Jr.`` after the name words ending at ``j``; the new end."""
    words, n = toks.words, len(toks.words)
    if not name or j >= n or toks.poss[j - 1]:
        return j
    if name[-1] in _GENERATIONAL and len(name) >= 3 and words[j] == ".":
        name[-1] += "."  # "Rolf K. Amundsen Jr." (the name loop took "Jr" as a word)
        return j + 1
    if toks.kinds[j] != "w":
        return j
    if words[j] in _REGNAL and name[-1][:1].isupper():
        name.append(words[j])
        return j + 1
    if words[j] in _GENERATIONAL and len(name) >= 2:
        dotted = j + 1 < n and words[j + 1] == "."
        name.append(words[j] + ("." if dotted else ""))
        return j + 2 if dotted else j + 1
    return j


def _common_noun_inside(name: list[str], lower: frozenset[str]) -> bool:
    """A word after the first that the article also writes in lower case ("the highway",
    "the typhoon"): a common noun, which a personal name does not contain."""
    return any(w.lower() in lower and w not in PARTICLES and not w.islower()
               for w in name[1:])


def _segments(toks: Tokens, blocked: list[bool]) -> list[tuple[int, int, list[str]]]:
    """Runs of name tokens: (first token, end token, name words incl. initials)."""
    words, n = toks.words, len(toks.words)
    out = []
    i = 0
    while i < n:
        # every start rule needs an unblocked token that is capitalized or a lower-case
        # prefix ("al-"): the quick test spares most tokens the rules
        w = words[i]
        j = None if blocked[i] or not (w[:1].isupper() or PREFIX_RE.match(w)) \
            else _name_start(toks, blocked, i)
        if j is None:
            i += 1
            continue
        name = list(words[i:j])
        j = _leading_initials(toks, blocked, name, j)
        j = _name_rest(toks, blocked, name, j)
        j = _name_suffix(toks, j, name)
        out.append((i, j, name))
        i = j
    return out


def _name_start(toks: Tokens, blocked: list[bool], i: int) -> int | None:
    """The end of a name's first words when one starts at ``i`` (``NAME_START_RULES``)."""
    for _name, rule in NAME_START_RULES:
        end = rule(toks, blocked, i)
        if end is not None:
            return end
    return None


# Each start rule says whether a name starts at token ``i``: the end of its first words
# (the name is ``words[i:end]``), or None.


def _abbreviated_initials(toks: Tokens, blocked: list[bool], i: int) -> int | None:
    """"J.D. Vance": initials written as one abbreviation (not "H.E. Name", an honorific)."""
    words, kinds = toks.words, toks.kinds
    if (kinds[i] == "a" and not blocked[i] and i + 1 < len(words) and not toks.poss[i]
            and _INITIALS_RE.fullmatch(words[i]) and _name_word(words[i + 1], kinds[i + 1])
            and not blocked[i + 1] and not is_place(words[i])
            and words[i].lower() not in HONORIFICS):
        return i + 2
    return None


def _glued_initials(toks: Tokens, blocked: list[bool], i: int) -> int | None:
    """"Vice President JD Vance": two initials glued, after a title."""
    words, kinds = toks.words, toks.kinds
    if (kinds[i] == "w" and len(words[i]) == 2 and words[i].isupper() and i + 1 < len(words)
            and _title_before(toks, i) and not blocked[i] and words[i] not in _TITLE_ACRONYMS
            and not blocked[i + 1] and not toks.poss[i] and not is_place(words[i])
            and _name_word(words[i + 1], kinds[i + 1])):
        return i + 2
    return None


def _calendar_given_name(toks: Tokens, blocked: list[bool], i: int) -> int | None:
    """"Jan Egeland", "Sun Weidong": a given name, not a date word."""
    words, kinds = toks.words, toks.kinds
    if (not blocked[i] and words[i].lower() in _CALENDAR_NAME_WORDS and is_cap(words[i])
            and i + 1 < len(words) and not blocked[i + 1] and not toks.poss[i]
            and _name_word(words[i + 1], kinds[i + 1])):
        return i + 1
    return None


def _function_word_initial(toks: Tokens, blocked: list[bool], i: int) -> int | None:
    """"A. K. Name": an initial that is also a function word (``_stop_initial``)."""
    if toks.words[i] in _STOP_LETTERS and _stop_initial(toks, i, blocked):
        return i + 1
    return None


def _first_name_word(toks: Tokens, blocked: list[bool], i: int) -> int | None:
    """A name word."""
    if not blocked[i] and _name_word(toks.words[i], toks.kinds[i]):
        return i + 1
    return None


_StartRule = Callable[[Tokens, list[bool], int], int | None]

# Where a name starts, in the order tried at each token; the first that returns an end
# wins. (The last three take one word, so their order does not change what is found.)
NAME_START_RULES: tuple[tuple[str, _StartRule], ...] = (
    ("initials as one abbreviation", _abbreviated_initials),
    ("two initials after a title", _glued_initials),
    ("calendar word as a given name", _calendar_given_name),
    ("initial that is a function word", _function_word_initial),
    ("first name word", _first_name_word),
)


def _leading_initials(toks: Tokens, blocked: list[bool], name: list[str], j: int) -> int:
    """Initials before the name: "S. Raghunathan", "J. K. Rowling"; the new end."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    while (len(name[-1]) == 1 and name[-1].isupper() and j + 1 < n and words[j] == "."
           and not blocked[j + 1] and _name_word(words[j + 1], kinds[j + 1])
           and not toks.poss[j - 1]):
        name[-1] += "."
        name.append(words[j + 1])
        j += 2
    return j


def _name_rest(toks: Tokens, blocked: list[bool], name: list[str], j: int) -> int:
    """Take the rest of the name from ``j`` (into ``name``) by ``NAME_PART_RULES``; its end."""
    n = len(toks.words)
    while j < n and not toks.poss[j - 1]:
        for _name, rule in NAME_PART_RULES:
            got = rule(toks, blocked, name, j)
            if got is not None:
                break
        else:
            return j
        j, more = got
        if not more:
            return j
    return j


# Each part rule looks at token ``j`` inside a name: None when it does not apply, else
# (new end, whether the name may go on); it appends what it takes to ``name``.


def _quoted_nickname(toks: Tokens, blocked: list[bool], name: list[str],
                     j: int) -> tuple[int, bool] | None:
    """A nickname in quotes inside a name: 'Ana "Nina" de la Cruz' is 'Ana de la Cruz'."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    if not (words[j] in _OPEN_QUOTES and j + 3 < n and words[j + 2] in _CLOSE_QUOTES
            and kinds[j + 1] == "w" and is_cap(words[j + 1]) and not blocked[j + 3]
            and (_name_word(words[j + 3], kinds[j + 3]) or words[j + 3] in PARTICLES)):
        return None
    if words[j + 3] not in PARTICLES:
        name.append(words[j + 3])
        return j + 4, True
    m = j + 3
    while m < n and kinds[m] == "w" and words[m] in PARTICLES and m - j < 6:
        m += 1
    if not (m < n and _name_word(words[m], kinds[m]) and not blocked[m]):
        return j, False
    name.extend(words[j + 3:m + 1])
    return m + 1, True


def _sentence_start(toks: Tokens, blocked: list[bool], name: list[str],
                    j: int) -> tuple[int, bool] | None:
    """A new sentence ends the name (not a dot inside it: "Mute B. Egede")."""
    if toks.sent[j] and not (j > 0 and toks.words[j - 1] == "."):
        return j, False
    return None


def _middle_initial(toks: Tokens, blocked: list[bool], name: list[str],
                    j: int) -> tuple[int, bool] | None:
    """A middle initial "W.", tried before the plain name word, which would take the
    letter and stop at its dot ("Mute B. Egede")."""
    words, kinds, w = toks.words, toks.kinds, toks.words[j]
    if (kinds[j] == "w" and len(w) == 1 and w.isupper() and j + 2 < len(words)
            and words[j + 1] == "." and _name_word(words[j + 2], kinds[j + 2])
            and not blocked[j + 2]):
        name.append(w + ".")
        return j + 2, True
    return None


def _next_name_word(toks: Tokens, blocked: list[bool], name: list[str],
                    j: int) -> tuple[int, bool] | None:
    """A name word."""
    if _name_word(toks.words[j], toks.kinds[j]):
        name.append(toks.words[j])
        return j + 1, True
    return None


def _calendar_in_name(toks: Tokens, blocked: list[bool], name: list[str],
                      j: int) -> tuple[int, bool] | None:
    """A calendar abbreviation inside a name: "Nguyen Thi Thu Ha", "Dong Jun and", but not
    "Smith Jan. 5"."""
    w = toks.words[j]
    if (toks.kinds[j] == "w" and w.lower() in _CALENDAR_NAME_WORDS and is_cap(w)
            and _calendar_word_in_name(toks, j, blocked)):
        name.append(w)
        return j + 1, True
    return None


def _title_surname(toks: Tokens, blocked: list[bool], name: list[str],
                   j: int) -> tuple[int, bool] | None:
    """A title word as a surname ("Julie Bishop said", "Ann Cardinal,"), or an honorific
    that ends a name of three or more words ("Ali Musa Haji said"): the name ends there."""
    words, kinds, n, w = toks.words, toks.kinds, len(toks.words), toks.words[j]
    if (kinds[j] == "w" and w[:1].isupper()
            and (w.lower() in _TITLE_SURNAMES
                 or (len(name) >= 2 and w.lower() in _HONORIFIC_SURNAMES))
            and not (j + 1 < n and (words[j + 1] == "." or (
                kinds[j + 1] == "w" and _name_word(words[j + 1], "w"))))):
        name.append(w)
        return j + 1, False
    return None


def _particles(toks: Tokens, blocked: list[bool], name: list[str],
               j: int) -> tuple[int, bool] | None:
    """Particles before a name word: "bin", "van der"."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    if not (kinds[j] == "w" and words[j] in PARTICLES):
        return None
    m = j
    while m < n and kinds[m] == "w" and words[m] in PARTICLES and m - j < 3:
        m += 1
    if m < n and _name_word(words[m], kinds[m]) and not blocked[m]:
        name.extend(words[j:m])
        return m, True
    return None


_PartRule = Callable[[Tokens, list[bool], list[str], int], tuple[int, bool] | None]

# What goes on a name, in the order tried at each token after its first words; the first
# that applies decides, and when none does the name ends.
NAME_PART_RULES: tuple[tuple[str, _PartRule], ...] = (
    ("nickname in quotes", _quoted_nickname),
    ("sentence start", _sentence_start),
    ("organization", lambda toks, blocked, name, j: (j, False) if blocked[j] else None),
    ("middle initial", _middle_initial),
    ("next name word", _next_name_word),
    ("calendar word in a name", _calendar_in_name),
    ("title word as a surname", _title_surname),
    ("particles", _particles),
)


def _calendar_word_in_name(toks: Tokens, j: int, blocked: list[bool]) -> bool:
    """Is the calendar word at ``j`` (after a name word) part of the name, not a date?"""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    if j + 1 >= n:
        return True
    if not blocked[j + 1] and _name_word(words[j + 1], kinds[j + 1]):
        return True
    if kinds[j + 1] == "n":
        return False  # "Jan 5"
    return not (words[j + 1] == "." and j + 2 < n and kinds[j + 2] == "n")  # "Jan. 5"


# The most words a personal name has ("Rosa Elena de la Garza Montemayor" has 6).
_NAME_MAX_WORDS = 10
# The most tokens a title before a name spans ("Deputy Minister of State for Foreign
# Affairs and Trade" is 11); a longer capitalized run is not a title.
_ROLE_MAX_TOKENS = 16


def _role_before(toks: Tokens, start: int) -> str:
    """The title right before a name: ``US Secretary of State``, ``State Department spokesman``."""
    words, kinds = toks.words, toks.kinds
    if (start >= 2 and words[start - 1] == "." and kinds[start - 2] == "w"
            and words[start - 2].lower() in ROLE_HEADS and words[start - 2][:1].isupper()
            and len(words[start - 2]) <= 4):
        # an abbreviated title: "Sen. Jim Risch", "Defense Minister Gen. X"
        before = _role_before(toks, start - 2)
        abbr = words[start - 2] + "."
        return f"{before} {abbr}" if before else abbr
    # a title before an honorific: "Foreign Minister Dr. A. Name"
    h = start - 2 if start >= 2 and words[start - 1] == "." else start - 1
    if (h >= 1 and h < start and kinds[h] == "w" and words[h].lower() in HONORIFICS
            and words[h].lower() not in ROLE_HEADS and words[h][:1].isupper()):
        return _role_before(toks, h)
    k = start - 1
    # honorific with a dot: "Mr. Blinken" -> not a role
    first = start
    while k >= 0 and not (toks.sent[k + 1] and k + 1 != start and kinds[k] == "p"):
        if start - k > _ROLE_MAX_TOKENS:
            return ""  # a long capitalized run, not a title (and linear time on one)
        w, kind = words[k], kinds[k]
        lw = w.lower()
        if kind == "a" or (kind == "w" and (w[:1].isupper() or lw in ROLE_HEADS
                                            or lw in ROLE_MODIFIERS)):
            if toks.poss[k] and k != start - 1:
                break
            first = k
            k -= 1
            if toks.sent[k + 1]:
                break
            continue
        if kind == "w" and lw == "of" and k > 0 and (words[k - 1][:1].isupper()):
            k -= 1
            continue
        break
    role = list(range(first, start))
    # drop leading words that are not part of a title: "Israeli", "Democratic", "The"
    while role and ((words[role[0]].lower() in _NON_ROLE_START and not words[role[0]].isupper())
                    or words[role[0]] == "of"
                    or words[role[0]].lower() in HONORIFICS - ROLE_HEADS):
        role.pop(0)
    while role and (words[role[-1]].lower() in HONORIFICS - ROLE_HEADS or words[role[-1]] == "."):
        role.pop()
    heads = [r for r in role if words[r].lower() in ROLE_HEADS]
    if not heads:
        return ""
    if heads[-1] != role[-1] and words[heads[-1] + 1] not in _ROLE_OBJ_PREP | {"at"}:
        return ""  # "Official Security Assistance": a capitalized name, not a title
    return " ".join(words[role[0]:role[-1] + 1])


def _honorific_before(toks: Tokens, start: int) -> bool:
    k = start - 1
    if k >= 0 and toks.words[k] == ".":
        k -= 1
    return (k >= 0 and toks.kinds[k] in "wa" and toks.words[k][:1].isupper()
            and toks.words[k].lower() in HONORIFICS)  # also "H.E." (one token)


def _verb_next(toks: Tokens, end: int) -> bool:
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    k = end
    if k + 1 < n and words[k] == ",":
        k += 1  # "Guo Wenbin, said" / "Kim Jong-hyuk, was quoted"
    while k < n and kinds[k] == "w" and words[k] in _ADVERBS and k - end < 3:
        k += 1
    return k < n and kinds[k] == "w" and words[k] in ACTION_VERBS


# Nouns that only describe people: "X, a member of ...", "X, the mother of ...".
PERSON_NOUNS = data_words("people_person_nouns.txt")
_AGE_MAX = 120


def _described_as_person(toks: Tokens, end: int) -> bool:
    """``X, who ...``, ``X, 91,``, ``X, a member of ...``: the text treats X as a person."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    if not (end + 1 < n and words[end] == ","):
        return False
    w = words[end + 1]
    if kinds[end + 1] == "w" and w in ("who", "whose"):
        return True
    if (kinds[end + 1] == "n" and w.isdigit() and 0 < int(w) <= _AGE_MAX and end + 2 < n
            and words[end + 2] in (",", ".", ")")):
        return True  # an age: "Lee Ann-mi, 91, said"
    k = end + 1
    if kinds[k] == "w" and w.lower() in _APPOS_DET:
        k += 1
        stop = min(n, k + 4)
        while k < stop and kinds[k] == "w":
            if words[k].lower() in PERSON_NOUNS:
                return True
            if words[k] in ("of", "at", "in", "who", "and"):
                break
            k += 1
    return False


_LOCATIVES = data_words("people_locatives.txt")


def _locative_before(toks: Tokens, start: int, end: int) -> bool:
    """``who runs a shelter in Ruritown, was ...``: the verb after the comma is not X's."""
    return (start > 0 and toks.words[start - 1] in _LOCATIVES and end < len(toks.words)
            and toks.words[end] == ",")


def _plural_demonym(w: str) -> bool:
    lw = w.lower()
    return lw.endswith("s") and (lw[:-1] in NATIONALITIES or lw[:-2] in NATIONALITIES)


def _verb_before(toks: Tokens, start: int) -> bool:
    words = toks.words
    if start >= 1 and words[start - 1] in SPEECH_VERBS:
        return True
    return start >= 2 and words[start - 2] == "according" and words[start - 1] == "to"


def _appositive_role(toks: Tokens, end: int) -> str:
    """``X, a senior Hamas official,`` → ``senior Hamas official``."""
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    if not (end < n and words[end] == ","):
        return ""
    k = end + 1
    if k < n and words[k].lower() in _APPOS_DET:
        k += 1
        if k + 1 < n and toks.poss[k] and words[k].islower():
            k += 1  # "X, the country's finance minister": the owner is not the role
    s = k
    while k < n and kinds[k] in "wa" and k - s < 8:
        k += 1
    seg = [w for w in words[s:k]]
    for idx in range(len(seg) - 1, -1, -1):
        if seg[idx].lower() in ROLE_HEADS:
            if idx + 1 < len(seg) and seg[idx + 1] in ("of", "at", "for", "to", "in", "from"):
                # "X, the regional director of the Norwegian Refugee Council, said"
                return " ".join(seg[: idx + 1])
            if idx + 1 == len(seg) and (k >= n or kinds[k] == "p"):
                return " ".join(seg)
            # a head word inside the object ("the acting director of the entity's
            # official gazette"): an earlier head with its preposition may still be the role
    return ""


_ROLE_OBJ_PREP = data_words("people_role_obj_prep.txt")


def _strip_role_object(toks: Tokens, start: int, end: int, name: list[str],
                       place_of: list[int]) -> tuple[int, list[str], str]:
    """``Commissioner for Refugees Tomas Lindqvist``: the role's object is not the name.

    When a name run follows ``<role head> for/to/of``, its first word(s) belong
    to the role: a place (``Ambassador to Spain Ana Ruiz``) or, in a run of
    three or more words, the first word. Returns (start, name, role or "").
    """
    words = toks.words
    p = start - 2 if start >= 2 and words[start - 1] == "the" else start - 1
    if p < 1 or words[p] not in _ROLE_OBJ_PREP or len(name) < 2:
        return start, name, ""
    k = p - 1
    while k >= 0 and toks.kinds[k] in "wa" and words[k][:1].isupper() \
            and words[k].lower() not in ROLE_HEADS and start - k < 6:
        k -= 1  # "Minister for Foreign Affairs": modifiers before the head
    if not (k >= 0 and words[k].lower() in ROLE_HEADS):
        return start, name, ""
    # the role's object: a place, or one word of a 3+ word run
    drop = 0
    if place_of[start] > start and place_of[start] < end:
        drop = place_of[start] - start
    elif p < start - 1 and is_place(words[start]):
        drop = 1  # "spokesman for the Pacific Ana Lee": a region the text's gazetteer run missed
    elif len(name) >= 3 and not toks.poss[start]:
        drop = 1
    if not drop or len(name) - drop < 2:
        return start, name, ""
    new_start = start + drop
    while new_start < end and words[new_start] != name[drop]:
        new_start += 1
    role = _role_before(toks, p)
    obj = " ".join(words[p:new_start])
    head = role or words[k]
    return new_start, name[drop:], f"{head} {obj}"


def _role_before_comma(toks: Tokens, start: int) -> str:
    """``Ukraine's ambassador to Canada, Yulia Hrytsenko``: a role phrase then a comma."""
    words, kinds = toks.words, toks.kinds
    if start < 2 or words[start - 1] != "," or toks.sent[start - 1]:
        return ""
    k = start - 2
    e = k + 1
    # optional object: "to Canada", "of the Sahel Alliance", "for Refugees"
    j = k
    while j >= 0 and kinds[j] in "wa" and words[j][:1].isupper() and e - j <= 4:
        j -= 1
    if j < k and j >= 0 and words[j] == "the":
        j -= 1
    if j < k and j >= 0 and words[j] in ("to", "of", "for", "at", "in"):
        k = j - 1
    if not (k >= 0 and kinds[k] == "w" and words[k].lower() in ROLE_HEADS):
        return ""
    b = k
    while b > 0 and kinds[b - 1] == "w" and (words[b - 1].lower() in ROLE_MODIFIERS
                                             or words[b - 1].lower() in ROLE_HEADS) \
            and not toks.sent[b]:
        b -= 1
    return " ".join(words[b:e])


def _portfolio_roles(toks: Tokens, blocked: list[bool]) -> dict[int, str]:
    """``Minister of Industry, Trade and Investment, A. Name``: the portfolio is the role's.

    Blocks the portfolio words (never a name) and returns {first token of the name
    after it: the whole role}.
    """
    words, n = toks.words, len(toks.words)
    out: dict[int, str] = {}
    for prep in ("of", "for"):
        for k in positions(words, prep):
            if k < 1 or words[k - 1].lower() not in ROLE_HEADS or k + 1 >= n:
                continue
            e = portfolio_end(toks, k + 1)
            if e == k + 1:
                continue
            for x in range(k + 1, e):
                blocked[x] = True
            head = _role_before(toks, k) or words[k - 1]
            obj = " ".join(words[k:e]).replace(" , ", ", ")
            at = e + 1 if e < n and words[e] == "," else e
            if at < n and words[at].lower() in HONORIFICS and words[at][:1].isupper():
                at += 2 if at + 1 < n and words[at + 1] == "." else 1  # "... Affairs Sheikh X"
            out[at] = f"{head} {obj}"
    return out


_DEMONYM_FIRST = frozenset(p[0] for p in DEMONYM_PHRASES)


def _role_of_org(toks: Tokens, a: int, start: int) -> str:
    """``Vice Chairman of the Central Military Commission Zhang Youxia``: the whole title."""
    words = toks.words
    k = a - 1
    if k >= 0 and words[k] == "the":
        k -= 1
    if not (k >= 1 and words[k] in ("of", "for") and words[k - 1].lower() in ROLE_HEADS):
        return ""
    head = _role_before(toks, k) or words[k - 1]
    return f"{head} {' '.join(words[k:start])}"


def _strip_demonym(name: list[str], start: int) -> tuple[list[str], int]:
    """``Sri Lankan Fisheries ...`` / ``South African X``: a demonym is not part of a name."""
    if len(name) < 2 or name[0].lower() not in _DEMONYM_FIRST:
        return name, start
    for m in (3, 2):
        if len(name) >= m and tuple(w.lower() for w in name[:m]) in DEMONYM_PHRASES:
            return name[m:], start + m
    return name, start


# Plural titles before a list of names: "Presidents X and Y", "foreign ministers X and Y".
PLURAL_ROLES = {
    "presidents": "President", "ministers": "minister", "leaders": "leader",
    "envoys": "envoy", "ambassadors": "ambassador", "senators": "Senator",
    "governors": "Governor", "generals": "General", "premiers": "Premier",
    "kings": "King", "chancellors": "Chancellor", "lawmakers": "lawmaker",
    "commanders": "commander", "spokesmen": "spokesman", "secretaries": "secretary",
    "counterparts": "counterpart", "officials": "official",
}


# Verbs whose object is usually a person ("rebels toppled Bashar Assad in December").
_PERSON_OBJECT_VERBS = data_words("people_person_object_verbs.txt")
# What may follow such an object: punctuation or a function word, not a noun
# ("met Hyundai Rotem executives" is no person).
_AFTER_OBJECT = data_words("people_after_object.txt")


def _object_of_person_verb(toks: Tokens, start: int, end: int) -> bool:
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    if not (start > 0 and words[start - 1] in _PERSON_OBJECT_VERBS):
        return False
    return end >= n or kinds[end] == "p" or words[end] in _AFTER_OBJECT


def _country_possessive_before(toks: Tokens, start: int) -> bool:
    """``Ghana's John Mahama``: a country's possessive right before a name."""
    k = start - 1
    return k >= 0 and toks.poss[k] and place_kind(toks.words[k]) == "country"


def _the_demonym_before(toks: Tokens, start: int) -> bool:
    """``the Peruvian Rosa Quispe``, ``the Sri Lankan X``: a nationality describes a person."""
    words = toks.words
    k = start - 1
    if k >= 1 and words[k].lower() in NATIONALITIES and is_cap(words[k]):
        return words[k - 1] == "the"
    return k >= 2 and (words[k - 1].lower(), words[k].lower()) in DEMONYM_PHRASES \
        and words[k - 2] == "the"


def _is_person_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 6 and any(w[:1].isupper() or PREFIX_RE.match(w) for w in words[1:])


_MASTHEAD_SEP = re.compile(r"\s[|\u2013\u2014\u203a\u00b7>-]\s")


def _masthead_outlets(cleaned: Cleaned) -> list[str]:
    """Outlet names of masthead and sign-off lines, which are not people.

    ``LAPIN SANOMAT – ENGLISH EDITION`` (a capitalized masthead) and ``Pacific Waves
    Radio › Politics`` / ``Pacific Waves Radio — the voice of ...`` (a name ending in an
    outlet word, also without it: "told Pacific Waves"). Looks at the headline and the
    first and last two blocks, short lines with a separator only.
    """
    lines = [cleaned.headline or "", cleaned.masthead or "", *(b.text for b in cleaned.blocks[:1]),
             *(b.text for b in cleaned.blocks[-2:])]
    out: list[str] = []
    for line in lines:
        if not line or len(line) > 80:
            continue
        m = _MASTHEAD_SEP.search(line)
        if not m:
            continue
        part = line[:m.start()].strip()
        words = part.split()
        if not 2 <= len(words) <= 4:
            continue
        if part.isupper():
            out.append(part)
        elif words[-1].lower() in OUTLET_WORDS and all(is_cap(w) for w in words):
            out.extend((part, " ".join(words[:-1])))
    return out


@dataclass(slots=True)
class _Candidate:
    """A run of name words the rules judge: tokens ``start``..``end``, its title, and
    ``first``, where the run began before a title's object was taken off it."""

    start: int
    end: int
    name: list[str]
    role: str
    first: int


@dataclass
class _Found:
    """The people found so far: canonical name -> Person, and each one's first mention."""

    people: dict[str, Person] = field(default_factory=dict)
    first_pos: dict[str, int] = field(default_factory=dict)

    def add(self, canonical: str, role: str, pos: int, rule: str) -> None:
        """One more mention; a new person records ``rule``, the rule that found it."""
        p = self.people.get(canonical)
        if p is None:
            p = self.people[canonical] = Person(canonical, [], 0, Provenance(TEXT, rule))
            self.first_pos[canonical] = pos
        elif pos < self.first_pos[canonical]:
            self.first_pos[canonical] = pos
        p.mentions += 1
        if role:
            add_role(p.roles, role)

    def in_order(self) -> list[Person]:
        """The people in first-mention order, short forms folded into longer names."""
        order = sorted(self.people, key=self.first_pos.__getitem__)
        return _merge_suffixes([self.people[c] for c in order])


@dataclass
class _Article:
    """What the rules see of one article: its tokens, the places and organizations
    matched first, the names excluded (bylines, credits, mastheads), the name runs
    and how often each run and each last word occurs, and the people found so far."""

    toks: Tokens
    registry: PeopleRegistry | None
    excluded: set[str]
    place_spans: set[tuple[int, int]] = field(default_factory=set)
    place_of: list[int] = field(default_factory=list)  # token -> end of its place span
    place_start: list[int] = field(default_factory=list)  # token -> start of that span
    org_end_at: dict[int, int] = field(default_factory=dict)  # org end -> org start
    portfolio_role: dict[int, str] = field(default_factory=dict)
    runs: list[tuple[int, int, list[str]]] = field(default_factory=list)
    last_counts: dict[str, int] = field(default_factory=dict)
    run_counts: dict[str, int] = field(default_factory=dict)  # a repeated run is no surname
    plural_role: tuple[int, str] | None = None  # (end, role) of the last name after one
    found: _Found = field(default_factory=_Found)
    # (mention as written, the person it was taken for or None if dropped, the rule)
    decisions: list[tuple[str, str | None, str]] = field(default_factory=list)

    @cached_property
    def lower(self) -> frozenset[str]:
        """The words the article writes in lower case."""
        return frozenset(w for w in self.toks.words if w.islower())

    def take(self, c: _Candidate, canonical: str, role: str, rule: str) -> None:
        """The mention ``c`` is the person ``canonical``, as ``rule`` decided."""
        self.decisions.append((" ".join(c.name), canonical, rule))
        self.found.add(canonical, role, c.start, rule)


_Rule = Callable[[_Article, _Candidate], bool]


def _block_entities(art: _Article) -> list[bool]:
    """Match places and organizations; return the tokens no name may use (organizations)."""
    toks, n = art.toks, len(art.toks)
    blocked = [False] * n
    art.place_of, art.place_start = [-1] * n, [-1] * n
    for a, b, _name in match_places(toks):
        art.place_spans.add((a, b))
        for k in range(a, b):
            art.place_of[k] = b
            art.place_start[k] = a
    for a, b, _name in match_organizations(toks):
        if (b == a + 1 and len(toks.words[a]) == 2 and a > 0 and b < n
                and _title_before(toks, a) and _name_word(toks.words[b], toks.kinds[b])):
            continue  # "Vice President JD Vance": glued initials, not an acronym
        art.org_end_at[b] = a
        for k in range(a, b):
            blocked[k] = True
    return blocked


def _excluded_names(cleaned: Cleaned) -> set[str]:
    """Keys of the credit, byline and masthead names, which are not people of the story."""
    excluded = {norm_key(x) for x in (*cleaned.credits, *cleaned.bylines,
                                      *_masthead_outlets(cleaned))}
    for b in cleaned.bylines:  # "Jane Roe and Ann-Marie Doe-Ray | Colombo": each name
        excluded.update(norm_key(x) for x in _BYLINE_SPLIT.split(b) if x.strip())
    return excluded


def _name_runs(art: _Article, segs: list[tuple[int, int, list[str]]]) -> None:
    """Keep the runs that are not inside a place, less a place glued before them, and
    count each run and each last word."""
    segs = [(a, b, name) for a, b, name in segs if not (art.place_of[a] >= b)]
    for x, (a, b, name) in enumerate(segs):
        if art.place_of[a] > a and art.place_start[a] < a:
            # the end of a place glued to the next name: "the Kyrgyz Republic Ana Lee"
            e = art.place_of[a]
            while a < e and name and name[0] == art.toks.words[a]:
                name, a = name[1:], a + 1
            segs[x] = (a, b, name)
    # a run of more name words than any name has is not a person (and is linear to skip)
    art.runs = [(a, b, name) for a, b, name in segs if 0 < len(name) <= _NAME_MAX_WORDS]
    for _s, _e, name in art.runs:
        last = name[-1].lower()
        art.last_counts[last] = art.last_counts.get(last, 0) + 1
        key = " ".join(name).lower()
        art.run_counts[key] = art.run_counts.get(key, 0) + 1


def _read(cleaned: Cleaned, registry: PeopleRegistry | None) -> _Article:
    """The article tokenized, places and organizations matched, name runs found."""
    art = _Article(tokenize(_story_text(cleaned)), registry, _excluded_names(cleaned))
    blocked = _block_entities(art)
    art.portfolio_role = _portfolio_roles(art.toks, blocked)
    _name_runs(art, _segments(art.toks, blocked))
    return art


def _plural_title_role(art: _Article, start: int, end: int) -> str:
    """A plural title before both names: "Presidents Yoweri Museveni and Paul Kagame"."""
    words = art.toks.words
    if start > 0 and words[start - 1].lower() in PLURAL_ROLES:
        art.plural_role = (end, PLURAL_ROLES[words[start - 1].lower()])
        return art.plural_role[1]
    if (art.plural_role and start >= 2 and words[start - 1] == "and"
            and art.plural_role[0] == start - 1):
        return art.plural_role[1]
    return ""


def _drop_opener(art: _Article, start: int, name: list[str], role: str) -> tuple[int, list[str]]:
    """Drop a sentence-initial participle/adverb glued to a name ("Unlike Blinken",
    "Asked about it, Blinken"), but not a given name ("Mohammed bin Salman", "Ding
    Xuexiang"): the word must be a stop word or also appear in lower case
    ("Neighbouring Ruritania is ...": an adjective before a place)."""
    first = name[0].lower()
    if art.toks.sent[start] and len(name) > 1 and not role and (
            first in STOP or (first.endswith(("ing", "ly", "ed"))
                              and (first in art.lower or is_place(" ".join(name[1:]))))):
        return start + 1, name[1:]
    return start, name


def _candidate(art: _Article, start: int, end: int, name: list[str]) -> _Candidate | None:
    """The run as a candidate: without a demonym or a title's object, with its title."""
    toks = art.toks
    name, start = _strip_demonym(name, start)
    if not name:
        return None
    first = start
    start, name, obj_role = _strip_role_object(toks, start, end, name, art.place_of)
    role = art.portfolio_role.get(start) or obj_role or _role_before(toks, start)
    if not role and start in art.org_end_at:
        role = _role_of_org(toks, art.org_end_at[start], start)
    if not role:
        role = _plural_title_role(art, start, end)
    start, name = _drop_opener(art, start, name, role)
    return _Candidate(start, end, name, role, first)


def _portfolio_of_title(art: _Article, c: _Candidate) -> bool:
    """The run is the portfolio of the title after it: "Deputy Investment Minister X"."""
    toks = art.toks
    return (c.end < len(toks) and toks.words[c.end].lower() in ROLE_HEADS
            and portfolio_end(toks, c.first) >= c.end)


def _thing_with_common_noun(art: _Article, c: _Candidate) -> bool:
    """A thing, not a person: "Hibiscus Highway", "Super Typhoon Yolanda"."""
    return (len(c.name) > 1 and not c.role and not _honorific_before(art.toks, c.start)
            and _common_noun_inside(c.name, art.lower))


# What shows a candidate is no person, in the order tried; the first that holds drops it.
NOT_PERSON_RULES: tuple[tuple[str, _Rule], ...] = (
    ("portfolio of a title", _portfolio_of_title),
    ("place", lambda art, c: (c.start, c.end) in art.place_spans),
    ("one lower-case word", lambda art, c: len(c.name) == 1 and c.name[0][0].islower()),
    ("geographic feature", lambda art, c: c.name[0] in GEO_PREFIXES and len(c.name) > 1),
    ("plural demonym", lambda art, c: len(c.name) > 1 and _plural_demonym(c.name[-1])),
    ("byline, credit or masthead", lambda art, c: norm_key(" ".join(c.name)) in art.excluded),
    ("common noun inside", _thing_with_common_noun),
)


def _verb_after(art: _Article, c: _Candidate) -> bool:
    """A verb after the name ("X told reporters", "X, said"), but not the verb of a
    clause that ends at X's comma ("who runs a shelter in X, was ...")."""
    return (_verb_next(art.toks, c.end)
            and not _locative_before(art.toks, c.start, c.end))


def _surname_repeated(art: _Article, c: _Candidate) -> bool:
    """The last word ends other runs too ("Ana Lee ... Lee said"), not only this one again."""
    return (art.last_counts.get(c.name[-1].lower(), 0)
            > art.run_counts.get(" ".join(c.name).lower(), 1))


def _country_possessive(art: _Article, c: _Candidate) -> bool:
    """A country's possessive before a short name of no word the article writes in
    lower case: "Ghana's John Mahama"."""
    return (_country_possessive_before(art.toks, c.start) and len(c.name) <= 4
            and not any(w.lower() in art.lower for w in c.name))


# What shows a name of two or more words is a person, in the order tried; the first
# that holds is the provenance detail of the person it finds.
PERSON_EVIDENCE: tuple[tuple[str, _Rule], ...] = (
    ("role before", lambda art, c: bool(c.role)),
    ("appositive role", lambda art, c: bool(_appositive_role(art.toks, c.end))),
    ("role and a comma before", lambda art, c: bool(_role_before_comma(art.toks, c.start))),
    ("in the people file", lambda art, c: art.registry is not None
     and art.registry.lookup(" ".join(c.name)) is not None),
    ("honorific", lambda art, c: _honorific_before(art.toks, c.start)),
    ("speech or action verb after", _verb_after),
    ("speech verb before", lambda art, c: _verb_before(art.toks, c.start)),
    ("described as a person", lambda art, c: _described_as_person(art.toks, c.end)),
    ("the + nationality before", lambda art, c: _the_demonym_before(art.toks, c.start)),
    ("surname repeated", _surname_repeated),
    ("country possessive", _country_possessive),
    ("object of a person verb",
     lambda art, c: _object_of_person_verb(art.toks, c.start, c.end)),
)

# The provenance detail of a full name found by the cued-full-name pass.
CUED_FULL_NAME = "given name or surname cued elsewhere"


def _first_rule(rules: tuple[tuple[str, _Rule], ...], art: _Article, c: _Candidate) -> str:
    """The name of the first rule of ``rules`` that holds for ``c``; "" if none does."""
    return next((name for name, holds in rules if holds(art, c)), "")


def _canonical(art: _Article, name: list[str]) -> str:
    """The people file's name for ``name``, else ``name`` as written."""
    text = " ".join(name)
    got = art.registry.lookup(text) if art.registry is not None else None
    return got or text


def _judge(art: _Article, c: _Candidate) -> bool:
    """Drop a candidate that is no person, add one with evidence; True if undecided."""
    rule = _first_rule(NOT_PERSON_RULES, art, c)
    if rule:
        art.decisions.append((" ".join(c.name), None, rule))
        return False
    if _is_person_name(c.name):
        rule = _first_rule(PERSON_EVIDENCE, art, c)
        if rule:
            role = (c.role or _appositive_role(art.toks, c.end)
                    or _role_before_comma(art.toks, c.start))
            art.take(c, _canonical(art, c.name), role, rule)
            return False
    return True


def _cued_one_word(art: _Article, c: _Candidate) -> bool:
    toks = art.toks
    return len(c.name) == 1 and bool(
        c.role or _honorific_before(toks, c.start) or _verb_next(toks, c.end)
        or _verb_before(toks, c.start))


def _add_cued_full_names(art: _Article, pending: list[_Candidate]) -> list[_Candidate]:
    """A full name with no cue of its own is a person when a one-word mention of its
    given name or surname has one ("Ethiopia's Tesfaye Bekele Woldemariam ... Tesfaye
    said", "Mr. Tesfaye"). Returns the candidates still undecided."""
    cued = {c.name[0].lower() for c in pending if _cued_one_word(art, c)}
    if not cued:
        return pending
    rest = []
    for c in pending:
        if (len(c.name) >= 2 and _is_person_name(c.name)
                and (c.name[0].lower() in cued or c.name[-1].lower() in cued)
                and norm_key(" ".join(c.name)) not in art.excluded):
            art.take(c, _canonical(art, c.name), c.role, CUED_FULL_NAME)
        else:
            rest.append(c)
    return rest


@dataclass
class _NameParts:
    """The full names found, by their suffixes, given-name prefixes and middle words."""

    by_suffix: dict[str, str] = field(default_factory=dict)
    by_prefix: dict[str, list[str]] = field(default_factory=dict)
    by_middle: dict[str, list[str]] = field(default_factory=dict)


def _name_parts(canonicals: list[str]) -> _NameParts:
    idx = _NameParts()
    for canonical in canonicals:
        parts = canonical.lower().split()
        for k in range(1, len(parts)):
            idx.by_suffix.setdefault(" ".join(parts[k:]), canonical)
            idx.by_prefix.setdefault(" ".join(parts[:k]), []).append(canonical)
        for w in parts[1:-1]:
            idx.by_middle.setdefault(w, []).append(canonical)
    return idx


def _surname_of_full_name(art: _Article, idx: _NameParts, c: _Candidate) -> str | None:
    """The end of a full name in the article: "Blinken", "Abu Zuhri"."""
    for k in range(len(c.name)):
        hit = idx.by_suffix.get(" ".join(c.name[k:]).lower())
        if hit is not None:
            return hit
    return None


def _partial_in_people_file(art: _Article, idx: _NameParts, c: _Candidate) -> str | None:
    if art.registry is None:
        return None
    return art.registry.lookup(" ".join(c.name)) or art.registry.lookup(c.name[-1])


def _given_name(art: _Article, idx: _NameParts, c: _Candidate) -> str | None:
    """The given name after the full name, when only one person has it: "Jacinda Ardern
    ... Jacinda", and the Arabic, royal and clerical styles "Sheikh Hamad"."""
    cands = [x for x in idx.by_prefix.get(" ".join(c.name).lower(), ())
             if art.found.first_pos[x] < c.start or _honorific_before(art.toks, c.start)
             or c.role]
    # "Mohammed bin Abdulrahman" is the short form of "... Al Thani": one person
    cands = [x for x in cands if not any(d.startswith(x + " ") for d in cands)]
    return cands[0] if len(cands) == 1 else None


def _middle_word(art: _Article, idx: _NameParts, c: _Candidate) -> str | None:
    """The paternal surname of a Spanish double surname: "María Quispe Huamán ...
    Minister Quispe"; a middle word of exactly one full name."""
    cands = idx.by_middle.get(c.name[0].lower(), ()) if len(c.name) == 1 else ()
    return cands[0] if len(cands) == 1 else None


def _titled_one_word(art: _Article, idx: _NameParts, c: _Candidate) -> str | None:
    """A titled one-word name, and that name again: "President Ruto ... Ruto said"."""
    word = c.name[0]
    if (len(c.name) == 1
            and (c.role or _honorific_before(art.toks, c.start) or word in art.found.people)
            and norm_key(word) not in art.excluded and not is_acronym(word)):
        return word
    return None


# Who a partial mention ("Blinken", "Mr. Katz", "Jacinda") is, in the order tried; the
# first that names someone wins (a step that does not apply returns None).
RESOLUTION_RULES: tuple[
        tuple[str, Callable[[_Article, _NameParts, _Candidate], str | None]], ...] = (
    ("surname of a full name", _surname_of_full_name),
    ("partial name in the people file", _partial_in_people_file),
    ("given name of a full name", _given_name),
    ("middle word of a full name", _middle_word),
    ("titled one-word name", _titled_one_word),
)


def _resolve_partial(art: _Article, pending: list[_Candidate]) -> None:
    """Partial mentions: a suffix of a full name seen in the article, else the people
    file, else a given name, a middle word or a titled one-word name."""
    idx = _name_parts(list(art.found.people))
    for c in pending:
        for rule, step in RESOLUTION_RULES:
            hit = step(art, idx, c)
            if hit is not None:
                if norm_key(hit) not in art.excluded:
                    art.take(c, hit, c.role, rule)
                break


def _analyse(cleaned: Cleaned, registry: PeopleRegistry | None) -> _Article:
    """Every phase: the candidates, the cued full names, the partial mentions."""
    art = _read(cleaned, registry)
    pending = []
    for start, end, name in art.runs:
        c = _candidate(art, start, end, name)
        if c is not None and _judge(art, c):
            pending.append(c)
    _resolve_partial(art, _add_cued_full_names(art, pending))
    return art


def find_people(cleaned: Cleaned, registry: PeopleRegistry | None = None) -> list[Person]:
    """People named in the story text, canonical full names, first-mention order.

    Each person's provenance detail names the rule that found it (``PERSON_EVIDENCE``,
    ``CUED_FULL_NAME`` or ``RESOLUTION_RULES``)."""
    return _analyse(cleaned, registry).found.in_order()


def decisions(cleaned: Cleaned, registry: PeopleRegistry | None = None
              ) -> list[tuple[str, str | None, str]]:
    """Why each decided mention is or is not a person: (the words as written, the person
    taken, or None when a ``NOT_PERSON_RULES`` rule dropped them, the rule), in the
    order decided. Mentions no rule decided are not listed."""
    return _analyse(cleaned, registry).decisions


def add_role(roles: list[str], role: str) -> None:
    """Add ``role`` to ``roles`` once: without words the source doubled ("Secretary of
    State of State"), and one role, not two variants of it: the fuller form of a title
    ("US Secretary of State") stands for the shorter one ("Secretary of State")."""
    role = undoubled(role)
    key = norm_key(role)
    for k, old in enumerate(roles):
        old_key = norm_key(old)
        if old_key == key or old_key.endswith(" " + key):
            return
        if key.endswith(" " + old_key):
            roles[k] = role
            return
    roles.append(role)


_MAX_DOUBLED = 3  # the longest word sequence a source doubles ("of State of State")


def undoubled(text: str) -> str:
    """``text`` without a word sequence repeated right after itself."""
    words = text.split()
    out: list[str] = []
    for w in words:
        out.append(w)
        for size in range(1, _MAX_DOUBLED + 1):
            if len(out) >= 2 * size and out[-size:] == out[-2 * size:-size]:
                del out[-size:]
                break
    return " ".join(out)


def _merge_suffixes(people: list[Person]) -> list[Person]:
    """Fold "Van der Linden" / "Da Costa" into "Pieter van der Linden" / "Ana da Costa",
    and a short form "Mohammed bin Salman" into the one longer "Mohammed bin Salman Al Saud".

    The longer names are indexed by their word sequences (a name has a few words), so
    this is linear in the number of people, not quadratic.
    """
    keys = {p.name: tuple(norm_key(p.name).split()) for p in people}
    by_suffix: dict[tuple[str, ...], Person] = {}  # the first person whose name ends so
    by_prefix: dict[tuple[str, ...], list[Person]] = {}
    by_inner: dict[tuple[str, ...], list[Person]] = {}  # word runs after the first word
    # short forms: without middle initials and "Jr.", or with the given names initialled
    by_plain: dict[tuple[str, ...], list[Person]] = {}
    for q in people:
        key = keys[q.name]
        plain = _plain_key(key)
        if plain != key:
            _add_host(by_plain, plain, q)
        for short in _initials_keys(key):
            _add_host(by_plain, short, q)
        for a in range(1, len(key)):
            by_suffix.setdefault(key[a:], q)
            _add_host(by_prefix, key[:a], q)
            for b in range(a + 1, len(key) + 1):
                _add_host(by_inner, key[a:b], q)
    out: list[Person] = []
    for p in people:
        host = _host(keys[p.name], by_suffix, by_prefix, by_inner, by_plain)
        if host is None:
            out.append(p)
            continue
        host.mentions += p.mentions
        for r in p.roles:
            add_role(host.roles, r)
    return out


def _add_host(index: dict[tuple[str, ...], list[Person]], part: tuple[str, ...],
              q: Person) -> None:
    hosts = index.setdefault(part, [])
    if len(hosts) < 2 and q not in hosts:  # "exactly one host" needs no more than two
        hosts.append(q)


def _plain_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name key without middle initials and generational suffixes ("moses t gbollie jr")."""
    if len(key) < 3:
        return key
    inner = tuple(w for w in key[1:-1] if len(w) > 1)
    last = key[-1:] if key[-1] not in _PLAIN_SUFFIXES else ()
    return key[:1] + inner + last


_PLAIN_SUFFIXES = frozenset(w.lower() for w in _GENERATIONAL)


def _initials_keys(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The initialled forms of a full name's key, as press releases and wires write a
    name after its first mention: "B. Narantuya" for "Batsaikhan Narantuya", "M. A.
    Rahman" / "M. Rahman" for "Mohammed Abdul Rahman". None for a name already
    initialled or of one word."""
    given, surname = key[:-1], key[-1:]
    if not given or any(len(w) < 2 or w in PARTICLES for w in given):
        return []
    first = (given[0][0],) + surname
    every = tuple(w[0] for w in given) + surname
    return [first] if every == first else [first, every]


def _host(k: tuple[str, ...], by_suffix, by_prefix, by_inner, by_plain) -> Person | None:
    """The one longer name a name with key ``k`` is a short form of, else None."""
    hosts = by_plain.get(k, ())
    if len(hosts) == 1:
        return hosts[0]  # "Moses Gbollie" is "Moses T. Gbollie Jr."
    host = by_suffix.get(k)
    if host is None and len(k) >= 2:
        hosts = by_prefix.get(k, ())
        host = hosts[0] if len(hosts) == 1 else None
    if host is None and len(k) >= 2 and k[0] in PARTICLES:
        # "de la Vega" inside "Ana Maria de la Vega Ruiz": the particle surname alone
        hosts = by_inner.get(k, ())
        host = hosts[0] if len(hosts) == 1 else None
    return host


def make_resolver(people: list[Person]) -> Callable[[str], str | None]:
    """Map a name as written (``Gallant``, ``Mr. Katz``, full name) to a canonical person."""
    table = add_name_tails({}, [p.name for p in people])

    def resolve(name: str) -> str | None:
        parts = [w for w in norm_key(name).split() if w not in HONORIFICS]
        for k in range(len(parts)):
            got = table.get(" ".join(parts[k:]))
            if got:
                return got
        return None

    return resolve


def resolve_collection(articles: list[ArticleData], registry=None) -> None:
    """Second pass: surname-only people → a full name from another article or the file.

    Also merges duplicates that the renaming creates, and renames quote speakers.
    """
    surnames: dict[str, set[str]] = {}
    for a in articles:
        for p in a.people:
            parts = p.name.split()
            if len(parts) > 1:
                surnames.setdefault(parts[-1].lower(), set()).add(p.name)
    for a in articles:
        rename: dict[str, str] = {}
        for p in a.people:
            target = None
            if registry is not None:
                target = registry.lookup(p.name)
            if target is None and " " not in p.name:
                cands = surnames.get(p.name.lower(), set())
                if len(cands) == 1:
                    target = next(iter(cands))
            if target and target != p.name:
                rename[p.name] = target
        if not rename:
            continue
        merged: dict[str, Person] = {}
        for p in a.people:
            name = rename.get(p.name, p.name)
            q = merged.get(name)
            if q is None:
                merged[name] = Person(name, list(p.roles), p.mentions,
                                      p.provenance if name == p.name else
                                      Provenance("inferred", f"{p.name} resolved to {name}"))
            else:
                q.mentions += p.mentions
                for r in p.roles:
                    add_role(q.roles, r)
        a.people = list(merged.values())
        for quote in a.quotes:
            if quote.speaker in rename:
                quote.speaker = rename[quote.speaker]
