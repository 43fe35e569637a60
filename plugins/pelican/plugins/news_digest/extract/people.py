"""People: every real person an article names, with roles and a mention count.

A person is a run of capitalized name tokens (with particles such as ``bin``,
``van der``, ``al-``) that news copy marks as a person: a title before it
(``Defense Minister Yoav Gallant``), an honorific (``Dr.``), a speech or
action verb next to it (``... told Reuters``, ``said X``), an appositive role
(``X, a senior Hamas official``), a later surname-only mention, or the editor's
people file. Places and organizations are matched first and are never people.
Surname-only and honorific mentions resolve to the full name in the article,
then to the people file, then (``resolve_collection``) to other articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..model import ArticleData, Cleaned, Person, Provenance
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
    words, kinds, n = toks.words, toks.kinds, len(toks.words)
    out = []
    i = 0
    while i < n:
        if (kinds[i] == "a" and not blocked[i] and i + 1 < n and not toks.poss[i]
                and _INITIALS_RE.fullmatch(words[i]) and _name_word(words[i + 1], kinds[i + 1])
                and not blocked[i + 1] and not is_place(words[i])
                and words[i].lower() not in HONORIFICS):  # "H.E. Name": an honorific
            start = i  # "J.D. Vance": initials written as one abbreviation
            name = [words[i], words[i + 1]]
            j = i + 2
        elif (kinds[i] == "w" and len(words[i]) == 2 and words[i].isupper() and i + 1 < n
              and _title_before(toks, i) and not blocked[i] and words[i] not in _TITLE_ACRONYMS
              and not blocked[i + 1] and not toks.poss[i] and not is_place(words[i])
              and _name_word(words[i + 1], kinds[i + 1])):
            start = i  # "Vice President JD Vance": two initials glued, after a title
            name = [words[i], words[i + 1]]
            j = i + 2
        elif blocked[i] or not _name_word(words[i], kinds[i]):
            if (not blocked[i] and words[i].lower() in _CALENDAR_NAME_WORDS and is_cap(words[i])
                    and i + 1 < n and not blocked[i + 1] and not toks.poss[i]
                    and _name_word(words[i + 1], kinds[i + 1])):
                start = i  # "Jan Egeland", "Sun Weidong": a given name, not a date word
                name = [words[i]]
                j = i + 1
            elif words[i] not in _STOP_LETTERS or not _stop_initial(toks, i, blocked):
                i += 1
                continue
            else:
                start = i  # "A. K. Name": an initial that is also a function word
                name = [words[i]]
                j = i + 1
        else:
            start = i
            name = [words[i]]
            j = i + 1
        # leading initials: "S. Raghunathan", "J. K. Rowling"
        while (len(name[-1]) == 1 and name[-1].isupper() and j + 1 < n and words[j] == "."
               and not blocked[j + 1] and _name_word(words[j + 1], kinds[j + 1])
               and not toks.poss[j - 1]):
            name[-1] += "."
            name.append(words[j + 1])
            j += 2
        while j < n and not toks.poss[j - 1]:
            w, k = words[j], kinds[j]
            if (w in _OPEN_QUOTES and j + 3 < n and words[j + 2] in _CLOSE_QUOTES
                    and kinds[j + 1] == "w" and is_cap(words[j + 1]) and not blocked[j + 3]
                    and (_name_word(words[j + 3], kinds[j + 3]) or words[j + 3] in PARTICLES)):
                # a nickname in quotes inside a name: 'Ana "Nina" de la Cruz' is 'Ana de la Cruz'
                if words[j + 3] in PARTICLES:
                    m = j + 3
                    while m < n and kinds[m] == "w" and words[m] in PARTICLES and m - j < 6:
                        m += 1
                    if not (m < n and _name_word(words[m], kinds[m]) and not blocked[m]):
                        break
                    name.extend(words[j + 3:m + 1])
                    j = m + 1
                else:
                    name.append(words[j + 3])
                    j += 4
                continue
            if toks.sent[j] and not (j > 0 and words[j - 1] == "."):
                break
            if blocked[j]:
                break
            # middle initial "W." (before the plain name-word test, which would take the
            # letter and stop at its dot: "Mute B. Egede"); particles "bin", "van der"
            if (k == "w" and len(w) == 1 and w.isupper() and j + 2 < n and words[j + 1] == "."
                    and _name_word(words[j + 2], kinds[j + 2]) and not blocked[j + 2]):
                name.append(w + ".")
                j += 2
                continue
            if _name_word(w, k):
                name.append(w)
                j += 1
                continue
            # a calendar abbreviation inside a name: "Nguyen Thi Thu Ha", "Dong Jun and",
            # but not "Smith Jan. 5"
            if (k == "w" and w.lower() in _CALENDAR_NAME_WORDS and is_cap(w)
                    and _calendar_word_in_name(toks, j, blocked)):
                name.append(w)
                j += 1
                continue
            # a title word as a surname: "Julie Bishop said", "Ann Cardinal,"; an
            # honorific that ends a name of three or more words: "Ali Musa Haji said"
            if (k == "w" and w[:1].isupper()
                    and (w.lower() in _TITLE_SURNAMES
                         or (len(name) >= 2 and w.lower() in _HONORIFIC_SURNAMES))
                    and not (j + 1 < n and (words[j + 1] == "." or (
                        kinds[j + 1] == "w" and _name_word(words[j + 1], "w"))))):
                name.append(w)
                j += 1
                break
            if k == "w" and w in PARTICLES:
                m = j
                while m < n and kinds[m] == "w" and words[m] in PARTICLES and m - j < 3:
                    m += 1
                if m < n and _name_word(words[m], kinds[m]) and not blocked[m]:
                    name.extend(words[j:m])
                    j = m
                    continue
            break
        j = _name_suffix(toks, j, name)
        out.append((start, j, name))
        i = j
    return out


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


def find_people(cleaned: Cleaned, registry=None) -> list[Person]:
    """People named in the story text, canonical full names, first-mention order."""
    text = _story_text(cleaned)
    toks = tokenize(text)
    n = len(toks)
    blocked = [False] * n
    place_spans: set[tuple[int, int]] = set()
    place_of = [-1] * n  # token -> end of the place span it lies in
    place_start = [-1] * n  # token -> start of that span
    for a, b, _name in match_places(toks):
        place_spans.add((a, b))
        for k in range(a, b):
            place_of[k] = b
            place_start[k] = a
    org_end_at: dict[int, int] = {}
    for a, b, _name in match_organizations(toks):
        if (b == a + 1 and len(toks.words[a]) == 2 and a > 0 and b < n
                and _title_before(toks, a) and _name_word(toks.words[b], toks.kinds[b])):
            continue  # "Vice President JD Vance": glued initials, not an acronym
        org_end_at[b] = a
        for k in range(a, b):
            blocked[k] = True
    portfolio_role = _portfolio_roles(toks, blocked)
    segs = _segments(toks, blocked)

    excluded = {norm_key(x) for x in (*cleaned.credits, *cleaned.bylines,
                                      *_masthead_outlets(cleaned))}
    for b in cleaned.bylines:  # "Jane Roe and Ann-Marie Doe-Ray | Colombo": each name
        excluded.update(norm_key(x) for x in _BYLINE_SPLIT.split(b) if x.strip())
    last_counts: dict[str, int] = {}
    run_counts: dict[str, int] = {}  # the same run repeated is no surname evidence
    segs = [(a, b, name) for a, b, name in segs if not (place_of[a] >= b)]
    for x, (a, b, name) in enumerate(segs):
        if place_of[a] > a and place_start[a] < a:
            # the end of a place glued to the next name: "the Kyrgyz Republic Ana Lee"
            e = place_of[a]
            while a < e and name and name[0] == toks.words[a]:
                name, a = name[1:], a + 1
            segs[x] = (a, b, name)
    # a run of more name words than any name has is not a person (and is linear to skip)
    segs = [(a, b, name) for a, b, name in segs if 0 < len(name) <= _NAME_MAX_WORDS]
    for _s, _e, name in segs:
        last_counts[name[-1].lower()] = last_counts.get(name[-1].lower(), 0) + 1
        key = " ".join(name).lower()
        run_counts[key] = run_counts.get(key, 0) + 1

    full: dict[str, Person] = {}  # canonical -> Person
    order: list[str] = []
    pending: list[tuple[int, int, list[str], str]] = []  # partial mentions with role

    first_pos: dict[str, int] = {}
    lower_cache: list[frozenset[str]] = []
    plural_role: list = []  # [end token, role] of the last name after a plural title

    def lower_words() -> frozenset[str]:
        if not lower_cache:
            lower_cache.append(frozenset(w for w in toks.words if w.islower()))
        return lower_cache[0]

    def add(canonical: str, role: str, pos: int) -> None:
        p = full.get(canonical)
        if p is None:
            p = full[canonical] = Person(canonical, [], 0, Provenance("text"))
            order.append(canonical)
            first_pos[canonical] = pos
        elif pos < first_pos[canonical]:
            first_pos[canonical] = pos
        p.mentions += 1
        if role:
            add_role(p.roles, role)

    def canon(name_words: list[str]) -> str:
        name = " ".join(name_words)
        if registry is not None:
            got = registry.lookup(name)
            if got:
                return got
        return name

    for start, end, name in segs:
        name, start = _strip_demonym(name, start)
        if not name or (end < n and toks.words[end].lower() in ROLE_HEADS
                        and portfolio_end(toks, start) >= end):
            continue  # "Deputy Investment Minister X": the portfolio of a title
        start, name, obj_role = _strip_role_object(toks, start, end, name, place_of)
        role = portfolio_role.get(start) or obj_role or _role_before(toks, start)
        if not role and start in org_end_at:
            role = _role_of_org(toks, org_end_at[start], start)
        if not role:
            # "Presidents Yoweri Museveni and Paul Kagame": a plural title, both names
            if start > 0 and toks.words[start - 1].lower() in PLURAL_ROLES:
                role = PLURAL_ROLES[toks.words[start - 1].lower()]
                plural_role[:] = [end, role]
            elif (plural_role and start >= 2 and toks.words[start - 1] == "and"
                  and plural_role[0] == start - 1):
                role = plural_role[1]
        # Drop a sentence-initial participle/adverb glued to a name ("Unlike Blinken",
        # "Asked about it, Blinken"), but not a given name ("Mohammed bin Salman",
        # "Ding Xuexiang"): the word must be a stop word or also appear in lower case.
        if toks.sent[start] and len(name) > 1 and not role and (
                name[0].lower() in STOP or (name[0].lower().endswith(("ing", "ly", "ed"))
                                            and (name[0].lower() in lower_words()
                                                 or is_place(" ".join(name[1:]))))):
            # ("Neighbouring Ruritania is ...": an adjective before a place)
            name = name[1:]
            start += 1
        if (start, end) in place_spans or (len(name) == 1 and name[0][0].islower()):
            continue
        if name[0] in GEO_PREFIXES and len(name) > 1:
            continue  # "Lake Kivu", "River Tana": a feature, not a person
        if len(name) > 1 and _plural_demonym(name[-1]):
            continue  # "Bosnian Croats", "Tigray Tigrayans": a group, not a person
        if norm_key(" ".join(name)) in excluded:
            continue
        if (len(name) > 1 and not role and not _honorific_before(toks, start)
                and _common_noun_inside(name, lower_words())):
            continue  # "Hibiscus Highway", "Super Typhoon Yolanda": a thing, not a person
        if _is_person_name(name):
            appos = _appositive_role(toks, end) or _role_before_comma(toks, start)
            known = registry is not None and registry.lookup(" ".join(name)) is not None
            evidence = (role or appos or known or _honorific_before(toks, start)
                        or (_verb_next(toks, end) and not _locative_before(toks, start, end))
                        or _verb_before(toks, start)
                        or _described_as_person(toks, end) or _the_demonym_before(toks, start)
                        or last_counts.get(name[-1].lower(), 0)
                        > run_counts.get(" ".join(name).lower(), 1)
                        or (_country_possessive_before(toks, start) and len(name) <= 4
                            and not any(w.lower() in lower_words() for w in name))
                        or _object_of_person_verb(toks, start, end))
            if evidence:
                add(canon(name), role or appos, start)
                continue
        pending.append((start, end, name, role))

    # A full name with no cue of its own is a person when a one-word mention of its
    # given name or surname has one ("Ethiopia's Tesfaye Bekele Woldemariam ...
    # Tesfaye said", "Mr. Tesfaye").
    cued = {name[0].lower() for s, e, name, role in pending if len(name) == 1 and (
        role or _honorific_before(toks, s) or _verb_next(toks, e) or _verb_before(toks, s))}
    if cued:
        rest = []
        for item in pending:
            s, _e, name, role = item
            if (len(name) >= 2 and _is_person_name(name)
                    and (name[0].lower() in cued or name[-1].lower() in cued)
                    and norm_key(" ".join(name)) not in excluded):
                add(canon(name), role, s)
            else:
                rest.append(item)
        pending = rest

    # Partial mentions: a suffix of a full name seen in the article ("Blinken",
    # "Abu Zuhri", "Mr. Katz"), else the people file, else a titled surname.
    # Suffixes, given-name prefixes and middle words of the full names, per mention.
    by_suffix: dict[str, str] = {}
    by_prefix: dict[str, list[str]] = {}
    by_middle: dict[str, list[str]] = {}
    for canonical in order:
        parts = canonical.lower().split()
        for k in range(1, len(parts)):
            by_suffix.setdefault(" ".join(parts[k:]), canonical)
            by_prefix.setdefault(" ".join(parts[:k]), []).append(canonical)
        for w in parts[1:-1]:
            by_middle.setdefault(w, []).append(canonical)
    for start, _end, name, role in pending:
        hit = None
        for k in range(len(name)):
            key = " ".join(name[k:]).lower()
            if key in by_suffix:
                hit = by_suffix[key]
                break
        if hit is None and registry is not None:
            hit = registry.lookup(" ".join(name)) or registry.lookup(name[-1])
        if hit is None:
            # The given name after the full name, when only one person has it:
            # "Jacinda Ardern ... Jacinda", and the Arabic, royal and clerical styles
            # "Sheikh Hamad".
            cands = [c for c in by_prefix.get(" ".join(name).lower(), ())
                     if first_pos[c] < start or _honorific_before(toks, start) or role]
            # "Mohammed bin Abdulrahman" is the short form of "... Al Thani": one person
            cands = [c for c in cands if not any(d.startswith(c + " ") for d in cands)]
            if len(cands) == 1:
                hit = cands[0]
        if hit is None and len(name) == 1:
            # the paternal surname of a Spanish double surname: "María Quispe Huamán ...
            # Minister Quispe"; a middle word of exactly one full name
            cands = by_middle.get(name[0].lower(), ())
            if len(cands) == 1:
                hit = cands[0]
        if (hit is None and len(name) == 1 and (role or _honorific_before(toks, start)
                                                or name[0] in full)
                and norm_key(name[0]) not in excluded and not is_acronym(name[0])):
            hit = name[0]  # "President Ruto ... Ruto said": a titled one-word name, again
        if hit is not None and norm_key(hit) not in excluded:
            add(hit, role, start)
    order.sort(key=first_pos.__getitem__)  # first-mention order
    return _merge_suffixes([full[c] for c in order])


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
    by_plain: dict[tuple[str, ...], list[Person]] = {}  # without initials and "Jr."
    for q in people:
        key = keys[q.name]
        plain = _plain_key(key)
        if plain != key:
            _add_host(by_plain, plain, q)
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
    table: dict[str, str] = {}
    for p in people:
        parts = norm_key(p.name).split()
        for k in range(len(parts)):
            table.setdefault(" ".join(parts[k:]), p.name)
    for p in people:
        table[norm_key(p.name)] = p.name

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
