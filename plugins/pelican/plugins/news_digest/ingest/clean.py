"""Cleaner: one raw article (decoded text) -> body blocks + what was removed.

Raw seeds are text copied from news sites: headline, standfirst, bylines, promo
lines for other stories, comment-policy footers, photo credits, glued sentences,
odd whitespace and curly quotes. The cleaner finds the structure (headline,
standfirst, paragraphs, subheadings) and takes the clutter out of the body, but
never silently: everything it removes goes to ``Cleaned.removed`` with a reason,
so an editor can see and correct it. Nothing of the story itself is dropped.

Design choices (documented here because an editor will ask):

* The standfirst (the summary line under the headline) is kept out of the body
  blocks and out of ``removed``; it lives in ``Cleaned.standfirst`` and becomes
  the article summary. It is only recognised with structural evidence (a byline,
  a date line or the repeated headline right after it, or no final punctuation),
  because a misread lead paragraph would otherwise vanish from the body.
* Quotes wrapped around a whole headline are dropped (``'US and X must ...'``);
  quotes inside it are kept. The body uses straight ASCII quotes.
* Datelines (``JERUSALEM (Reuters) -``) stay in the body where they are; only an
  outlet lead-in (``Some Times - ...``) is taken off the first paragraph.

* Clutter lines are found by an ordered table of small named rules (``RULES``); the
  name of the rule that fired is the reason the editor reads next to the removed
  line. The rules' vocabulary (abbreviations, share buttons, byline words, outlet
  words ...) lives in ``data/*.txt``.

Everything is line-based with anchored, bounded regular expressions, so the
work is linear in the input size (a 10 MB single line or 100,000 short lines
take well under a few seconds).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..datafiles import data_lines, data_words
from ..extract.dateline import OUTLET_CUES as _OUTLET_CUES
from ..extract.dateline import YEAR as _YEAR
from ..extract.dateline import is_place_name
from ..extract.dateline import leading_marker as _leading_marker
from ..extract.lexicon import strip_wrapping_quotes
from ..model import Block, Cleaned, Removed

log = logging.getLogger(__name__)

__all__ = ["clean"]

# --------------------------------------------------------------------------- characters

# Invisible characters that only get in the way; bidi embeddings and overrides
# (U+202A-U+202E) can make displayed text read differently from what it says.
_DROP_CHARS = "\u200b\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"
# Joiners (ZWNJ, ZWJ) and bidi marks (LRM, RLM) carry meaning next to emoji and in
# Arabic, Persian or Indic text; between Latin characters they are copy-paste noise.
_JOINERS = "\u200c\u200d\u200e\u200f"
_LATIN_JOINER = re.compile("(?<=[\x00-\u024f])[\u200c-\u200f]+(?=[\x00-\u024f])")
_SPACE_CHARS = (
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\x0b\x0c\x85\u2028\u2029"
)
_CHAR_MAP: dict[int, str | None] = {ord(c): None for c in _DROP_CHARS}
_CHAR_MAP.update({ord(c): " " for c in _SPACE_CHARS})
_QUOTE_MAP = {
    ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201a"): "'", ord("\u201b"): "'",
    ord("\u201c"): '"', ord("\u201d"): '"', ord("\u201e"): '"', ord("\u201f"): '"',
}
_MULTISPACE = re.compile(r" {2,}")


# Abbreviations after which a "." followed by a capital is not a sentence end.
_ABBREV = data_words("abbreviations.txt")

# ------------------------------------------------------------------------ line patterns
# All anchored at the start of a (length-gated) line, with bounded quantifiers only.

_DATE_MARKER = re.compile(r"^date\s+(\d{4}-\d{1,2}-\d{1,2})\b\s*", re.I)

_BYLINE = re.compile(
    r"^(?:by|written by|words by|reported by|posted by)\s+(?P<who>\S.{0,150})$", re.I
)
# "By Jane Doe | March 3, 2024" / "By Jane Doe - 3 March 2024, 10:00" /
# "By Jane Doe | Colombo | Updated: February 18, 2025 07:15 IST" / "By X | 25/03/2025".
# The leftmost date wins (a "Published" date before an "Updated" one on the same line).
_BYLINE_DATE_TAIL = re.compile(
    r"\s*(?:[|,\-\u2013\u2014\u2022\u00b7]\s*)?"
    r"(?i:\b(?:(?:last\s+)?updated?|published|posted|first published)\b(?:\s+on)?\s*:?\s*"
    r"|\bon\s+)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8},? )?(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)? (?:of )?[A-Z][a-z]{2,8}\.?,? \d{4}|"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})"
    r"(?:[^|\n]{0,30}|[^|\n]{0,30}\|[^|\n]{0,60}))$"
)
_BYLINE_LOWER_OK = data_words("byline_words.txt")
_NOT_NAME_START = data_words("byline_not_names.txt")
# A byline naming no person: "Staff Reporter | Outlet", "Our Correspondent, Outlet".
_STAFF_BYLINE = re.compile(
    r"^(?:staff|our|from our|special)\s+(?:reporter|writer|correspondent)s?"
    r"(?:\s*[|,\-\u2013\u2014]\s*[A-Z][\w.&' -]{0,60})?$", re.I)
_REPORTING_BY = re.compile(
    r"^(?:reporting|additional reporting|writing|editing|compiled|compiling|"
    r"produced|graphics|video|research) by\b.{0,250}$",
    re.I,
)
_META_DATE = re.compile(
    r"^\|?\s*(?P<label>(?:last\s+)?(?:updated?|published|posted|modified|first published|issued|"
    r"date published|publication date)(?:\s+(?:on|at))?)\s*(?P<sep>[:|\-\u2013\u2014]?)\s*"
    r"(?P<rest>.{0,80})$",
    re.I,
)
_MONTH_WORD = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)",
    re.I,
)
_SOURCE_LINE = re.compile(r"^sources?\s*:\s*(?P<src>\S.{0,60})$", re.I)
_PROMO_SEP = re.compile(
    r"^(?:read\s+more|read\s+also|also\s+read|read\s+next|"
    r"read(?=\s*[:|]|\s+[-\u2013\u2014]\s)|"  # "Read | headline", not "Read-outs of"
    r"related(?:\s+(?:story|stories|articles?|news|content|reading|coverage))?|see\s+also|"
    r"suggested(?:\s+reading)?|you\s+(?:may|might)\s+also\s+like|opinion|"
    r"more\s+on\s+this|more|recommended|don'?t\s+miss|must\s+read|watch|listen|trending|"
    r"editor'?s\s+picks?|latest|also\s+on\s+\w+|top\s+stories|more\s+news|"
    r"recommended\s+stories)\s*(?::|-|\u2013|\u2014|\||>>|\u00bb)\s*.{0,250}$",
    re.I,
)
_PROMO_ALONE = re.compile(
    r"^(?:related (?:articles?|stories|news|posts|coverage|content|reading|topics)|read more|"
    r"more stories|more news|you may also like|you might also like|recommended for you|"
    r"most read|most popular|more from [\w .'&-]{1,40}|top stories|latest news)\s*:?$",
    re.I,
)
# "Read <headline>" / "READ  <headline>" (a link's headline, no final stop)
_PROMO_READ = re.compile(r"^(?:[Rr]ead|READ)\s+(?P<h>[A-Z\"'].{5,220})$")
_CLICK_HERE = re.compile(r"^(?:click|tap) here\b.{0,200}$", re.I)
_FOOTER = re.compile(
    r"^(?:leave a (?:comment|reply)|post a comment|add a comment|add comment|comments?|"
    r"show comments|view comments|\d{1,6} comments?|join the conversation|"
    r"comment on this (?:story|article)|you must be logged in to post a comment|"
    r"all rights reserved|back to top|print this (?:article|page)|report an error|"
    r"tags?:.{0,150}|topics?:.{0,150}|filed under:?.{0,150}|our standards:?.{0,150}|"
    r"listen to this article|\d{1,3}(?:-| )min(?:ute)?s? read|"
    r"\(?with (?:additional )?inputs? from [\w ,&.'-]{1,60}\)?)\s*[.!:]?$",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:\u00a9|\(c\)|copyright\b).{0,160}$", re.I)
_ADVERT = re.compile(
    r"^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"continue reading(?: below| the main story)?|scroll to continue(?: with content)?|"
    r"ad|ads by \w+)\s*$",
    re.I,
)
_SOCIAL_WORDS = data_words("share_words.txt")
_SHARE_PLATFORMS = data_words("share_platforms.txt")
_FOLLOW = re.compile(
    r"^(?:follow (?:us|@\w+)(?: on)?\b.{0,120}|join (?:us|our)\b.{0,80}"
    r"(?:telegram|whatsapp|channel|community|facebook|twitter)\b.{0,80})$",
    re.I,
)
_FOLLOW_PROMO = re.compile(r"^follow(?!-)\b.{0,120}$", re.I)
# A line that is only a date/time: "2 Apr 2024", "Tuesday, March 5, 2024 | 10:30 am GMT".
_DATE_TOKEN = re.compile(
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|today|yesterday|"
    r"\d{1,4}(?:st|nd|rd|th)?|am|pm|a\.m|p\.m|gmt|utc|[a-z]st|[a-z]dt|et|on|at|of|h|"
    r"art|brt|clt|cot|pet|uyt|vet|wat|eat|cat|sast|wib|wita|pkt|kst|jst|hkt|sgt|ict|msk|trt|"
    r"cet|cest|eet|eest|wet|aest|aedt|acst|awst|nzst|nzdt",
    re.I,
)
_DATE_SPLIT = re.compile(r"[\s,./:|\-\u2013\u2014()+]+")
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo|image|picture|photograph|illustration|video|main image|top image|"
    r"header image|cover photo)s?(?:\s?credits?)?\s*(?::|,|by\b|-)|credits?\s*:|"
    r"image source\s*[:,])\s*(?P<who>\S.{0,120})$",
    re.I,
)

# Inline photo credits (the caption sentence stays, only the credit goes).
_CREDIT_PAREN = re.compile(
    r"\((?:photo(?:\s?credit)?|credits?|image|picture|photograph|courtesy(?: of)?|"
    r"illustration|source photo)s?\s*(?::|-|by\b)\s*(?P<who>[^()\n]{1,120})\)",
    re.I,
)
_AGENCY_PHOTO_PAREN = re.compile(
    r"\((?P<who>(?:[A-Z][\w.&]{0,20} )?Photos?\s?/\s?[^()\n]{1,100})\)"
)
_PHOTO_BY_END = re.compile(  # searched only in a line's last 200 chars
    r"(?<![^\s])(?:Photo|Picture|Image)s?(?: (?:credit|courtesy))?:? (?:by )?"
    r"(?P<who>[A-Z][^()\n/.]{0,60}?\s?/\s?[A-Z][\w.&-]{1,20}(?: [A-Z][\w&-]{1,20})?)\s*$"
)

_READ_TIME_TAIL = re.compile(r"\s*[|\u00b7\u2022]\s*\d{1,3}(?:-| )min(?:ute)?s? read\s*$", re.I)
_PLACE_DATE_SEP = re.compile(r",|\s[|\-\u2013\u2014]\s")

_TERMINAL = ".!?\u2026:"
_CLOSERS = "\"')]\u201d\u2019"
_FUNCTION_WORDS = data_words("function_words.txt")


@dataclass
class _Para:
    text: str
    line: int
    single: bool  # a one-line block standing alone (candidate subheading)


# ------------------------------------------------------------------------ public helpers


# ------------------------------------------------------------------------ normalisation


def _normalize_line(raw: str) -> str:
    """Whitespace/invisible chars, glued sentences, then straight quotes."""
    ascii_only = raw.isascii()
    t = raw if ascii_only and "\t" not in raw and "\x0b" not in raw and "\x0c" not in raw else (
        raw.translate(_CHAR_MAP)
    )
    if not ascii_only and any(c in t for c in _JOINERS):
        t = _LATIN_JOINER.sub("", t)
    t = _split_glued(t)
    if not ascii_only:
        t = t.translate(_QUOTE_MAP)
    if "  " in t:
        t = _MULTISPACE.sub(" ", t)
    return t.strip()


_GLUE_RE = re.compile(
    r"[.!?](?<=\w\w.|\w[)%\]].)(?=[\"'\u201c\u201d\u2018\u2019]{0,2}[A-Z])"
)


def _is_glued_boundary(t: str, i: int) -> bool:
    """Is the punctuation at ``i`` a sentence end glued to the next sentence?"""
    if t[i] == ".":
        k = i
        while k > 0 and i - k < 40 and t[k - 1].isalpha():
            k -= 1
        run = t[k:i]
        if run:
            if len(run) == 1:  # initials, U.S., D.C., a.m.
                return False
            if k > 0 and t[k - 1] == ".":  # U.S.A, e.g
                return False
            if run.lower() in _ABBREV:
                return False
    lo = max(0, i - 100)
    s = t.rfind(" ", lo, i)
    start = lo if s == -1 else s + 1
    e = t.find(" ", i, i + 100)
    end = min(len(t), i + 100) if e == -1 else e
    # URLs, domains and e-mail addresses are not sentence ends.
    return (
        t.find("://", start, end) == -1
        and t.find("@", start, end) == -1
        and t.find("www.", start, end) == -1
        and t.find("WWW.", start, end) == -1
    )


def _split_glued(t: str) -> str:
    """Insert the missing space in ``Gaza Strip.Hours`` (not in U.S., 3.5, URLs, Jan.)."""
    if len(t) < 3:
        return t
    out: list[str] = []
    last = 0
    qpos = 0
    qcount = 0
    n = len(t)
    for m in _GLUE_RE.finditer(t):
        i = m.start()
        if not _is_glued_boundary(t, i):
            continue
        j = i + 1
        c = t[j]
        ins = j
        if c == '"':
            qcount += t.count('"', qpos, j)
            qpos = j
            ins = j + 1 if qcount % 2 == 1 else j  # odd count before it: it closes
        elif c in "\u201d\u2019'":
            ins = j + 1
        if ins >= n or ins < last:
            continue
        out.append(t[last:ins])
        out.append(" ")
        last = ins
    if not out:
        return t
    out.append(t[last:])
    return "".join(out)


def _strip_inline_credits(text: str, line: int, cleaned: Cleaned) -> str:
    """Remove photo-credit parentheticals/tails from a line; record them."""
    if "(" not in text and "hoto" not in text[-200:] and "icture" not in text[-200:] and (
        "mage" not in text[-200:]
    ):
        return text
    matches: list[tuple[int, int, int, str, str]] = []
    low = text.lower() if "(" in text else ""
    if any(k in low for k in _CREDIT_KEYS):
        for prio, rx in enumerate((_CREDIT_PAREN, _AGENCY_PHOTO_PAREN)):
            for m in rx.finditer(text):
                matches.append((m.start(), prio, m.end(), m.group(0).strip(), m.group("who")))
    tail = max(0, len(text) - 200)
    m = _PHOTO_BY_END.search(text, tail)
    if m:
        matches.append((m.start(), 2, m.end(), m.group(0).strip(), m.group("who")))
    if not matches:
        return text
    matches.sort()
    found: list[tuple[int, int, str, str]] = []
    for start, _, end, whole, who in matches:  # drop overlaps in one sweep
        if found and start < found[-1][1]:
            continue
        found.append((start, end, whole, who))
    pieces: list[str] = []
    last = 0
    for s, e, whole, who in found:
        pieces.append(text[last:s])
        last = e
        cleaned.removed.append(Removed(whole, "photo credit", line))
        name = _credit_name(whole, who)
        if name and name not in cleaned.credits:
            cleaned.credits.append(name)
    pieces.append(text[last:])
    out = _MULTISPACE.sub(" ", "".join(pieces)).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", out) if " ." in out or " ," in out else out


# A photo credit ending a line: "(AP Photo/Jane Doe)", "(credit: JANE DOE / AGENCY)",
# "Photo: Jane Doe / Agency", "Photograph: Jane Doe/Agency".
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:[A-Z]{1,6} )?Photos?\s?/[^()\n]{1,100}\)"
    r"|(?i:\((?:photo(?:\s?credit)?|credits?|image|picture|photograph|courtesy(?: of)?|"
    r"source photo)s?\s*(?::|-|by\b)[^()\n]{1,120}\))"
    r"|(?<![^\s])(?:Photo|Photograph|Picture|Image)s?(?: credit| courtesy)?: [^.()\n]{1,80})"
    r"\s*$")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"'][.!?])\s+(?=[\"']?[A-Z])")


def _take_caption(text: str, line: int, cleaned: Cleaned) -> str:
    """Remove the unfinished caption a credit ends, glued to the story or alone
    ("... this week. X meets Y, May 1, 2024 (credit: ...)"); the credit itself is left
    for the credit rules."""
    m = _CAPTION_CREDIT.search(text, max(0, len(text) - 260))
    pre = text[:m.start()].rstrip() if m else ""
    if not pre:
        return text
    parts = _SENTENCE_END.split(pre)
    if _ends_terminal(pre):
        return text  # a sentence (maybe the story's) with a credit: only the credit goes
    caption, story = parts[-1], " ".join(parts[:-1])
    if len(caption.split()) < 3:
        return text
    cleaned.removed.append(Removed(caption, "photo caption", line))
    return f"{story} {m.group(0).strip()}".strip()


_CREDIT_KEYS = ("(photo", "(credit", "(image", "(picture", "(courtesy", "(illustration",
                "(source photo", "photo/", "photos/", "photo /", "photos /")
_SPACE_BEFORE_PUNCT = re.compile(r" ([.,;:!?])")
_AGENCY_PHOTO_WHO = re.compile(r"(?:[A-Z][\w.&]{0,20} )?Photos?\s?/")
_BY_OF = re.compile(r"^(?:by|of)\s+", re.I)


def _credit_name(whole: str, who: str) -> str:
    """Photographer (or agency when no name) from a credit: 'NAME / AGENCY' -> 'NAME'."""
    who = who.strip()
    if _AGENCY_PHOTO_WHO.match(who):  # "AP Photo/Jane Doe"
        return who.split("/", 1)[1].strip()
    who = _BY_OF.sub("", who)
    return who.split("/", 1)[0].strip(" .,;")


# ------------------------------------------------------------------------ classification
# A line of the page is clutter when one of the named rules below fires on it. The
# rules are tried in order; the first that fires gives the line its reason (the rule's
# name, what an editor reads next to the removed line) and its kind (what the cleaner
# does with it: a byline is kept as a byline, a date line may give the date ...).


@dataclass(frozen=True)
class _Line:
    """One non-empty normalised line, with what most rules look at computed once."""

    text: str
    low: str
    first: str  # its first word, lower case ("|", "\u00a9" and "(" count as words)

    @property
    def n(self) -> int:
        return len(self.text)

    @property
    def has_digit(self) -> bool:
        return any(ch.isdigit() for ch in self.text)


@dataclass(frozen=True)
class Rule:
    """A named clutter rule: ``test`` returns None, or the payload ("" for none)."""

    name: str  # the reason shown to the editor ("byline", "newsletter appeal")
    kind: str  # byline | published | last-update | date-line | source-line | credit | clutter
    test: Callable[[_Line], str | None]
    cued: bool = True  # asked only about lines that start like clutter (see clutter_starts)


def _is_name_list(who: str) -> bool:
    """Does a byline's tail look like names/outlet ('Jane Doe, Reuters'), not a sentence?"""
    who = who.strip()
    if not who or len(who.split()) > 14 or _YEAR.search(who):
        return False
    if who.endswith(".") and not re.search(r"\b(?:Jr|Sr|Inc|Ltd|Co)\.$", who):
        return False
    # "Ji-hoon", "Anne-Marie": a hyphenated name part is checked by its first letter
    tokens = [t for t in re.split(r"[\s,|/;&\u2013\u2014]+", who) if t.strip("-")]
    if not tokens or not tokens[0][:1].isupper():
        return False
    if tokens[0].lower().strip(".") in _NOT_NAME_START:
        return False
    for tok in tokens:
        word = tok.strip("().'\"-")
        if not word:
            continue
        if word[:1].isupper() or word.lower() in _BYLINE_LOWER_OK or word.startswith("@"):
            continue
        return False
    return True


_FIRST_WORD = re.compile(r"[|\u00a9(]|[\w']+")
_BYLINE_STARTS = data_words("byline_starts.txt")
_CLUTTER_STARTS = _BYLINE_STARTS | _SOCIAL_WORDS | data_words("clutter_starts.txt")


def _is_date_only(low: str) -> bool:
    """Is the line nothing but a date (with a month name or ISO form) and maybe a time?"""
    if not any(ch.isdigit() for ch in low):
        return low in ("today", "yesterday")
    tokens = [t for t in _DATE_SPLIT.split(low) if t]
    if not tokens or not all(_DATE_TOKEN.fullmatch(t) for t in tokens):
        return False
    has_month = any(t[:1].isalpha() and t[:3] in _MONTH3 for t in tokens)
    return has_month or bool(_NUMERIC_DATE.match(low))


# "2025-03-04", "2025.04.22 17:05", "25/03/2025" (which order is meta.parse_date's call)
_NUMERIC_DATE = re.compile(r"\d{4}([-/.])\d{1,2}\1\d{1,2}\b|\d{1,2}([-/.])\d{1,2}\2\d{4}\b")


_RELATIVE_TAIL = re.compile(
    r"\s*[|\u00b7\u2022,-]?\s*(?:(?:last )?updated |published |posted )?"
    r"\d{1,3} (?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?) ago\s*$")
_UPDATED_TAIL = re.compile(
    r"\s*[|,\u2013\u2014-]?\s*\b(?:last )?updated?:?(?: at| on)?\s*[\w:., ]{0,30}$", re.I)
# A date of another calendar with its own month names ("Kartik 12, 2082", "15 Ramadan 1446")
_OTHER_CALENDAR = re.compile(
    r"^(?:[A-Z][a-z']{2,12} \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z']{2,12},? \d{4})"
    r"(?: (?:AH|BS|B\.S\.|SH|AP))?$")
# First three letters of a month name, and of "today" / "yesterday"
_MONTH3 = frozenset("jan feb mar apr may jun jul aug sep oct nov dec tod yes".split())
_DATE_TRIM = " |,-\u2013\u2014"
_NEWSLETTER_ACTION = re.compile(r"subscribe|sign up|sign-up|signup|inbox|deliver|receive|"
                                r"register|join|get ")
_SHARE_SPLIT = re.compile(r"[\s|,/:\u2022\u00b7-]+")
_POLICY_START = ("warning", "note", "disclaimer", "comments", "comment policy")
_POLICY_WORDS = re.compile(r"approv|moderat|policy|guideline|insult|offensive|publish|"
                           r"abusive|reserve the right")


def _hit(ok: object, payload: str = "") -> str | None:
    """A rule's answer: the payload when ``ok``, else None (the rule did not fire)."""
    return payload if ok else None


# --- date lines (asked about every line)


def _separator(line: _Line) -> str | None:  # "***", "-----"
    return _hit(not any(c.isalnum() for c in line.text))


def _date_only(line: _Line) -> str | None:  # "2 Apr 2024", "Tuesday, March 5, 2024 | 10:30"
    return _hit(line.n <= 60 and _is_date_only(line.low), line.text)


def _place_and_date(line: _Line) -> str | None:
    """"Nairobi, March 3rd, 2025", "RIYADH, Saudi Arabia — Feb. 2, 2025 | 3 min read"."""
    if line.n > 60 or not line.has_digit:
        return None
    text = _READ_TIME_TAIL.sub("", line.text)
    for m in _PLACE_DATE_SEP.finditer(text):
        head, rest = text[:m.start()], text[m.end():].strip()
        if _is_date_only(rest.lower()) and all(
                is_place_name(part) for part in head.split(",") if part.strip()):
            return rest
    return None


def _date_then_update(line: _Line) -> str | None:
    """"Saturday 20 December 2025 – 14:10 | Updated 16:35": the first date is the date."""
    if line.n > 80 or "updat" not in line.low:
        return None
    m = _UPDATED_TAIL.search(line.text)
    ok = m and m.start() and _is_date_only(line.low[:m.start()].rstrip(_DATE_TRIM))
    return _hit(ok, line.text[:m.start()].rstrip(_DATE_TRIM) if ok else "")


def _two_calendars(line: _Line) -> str | None:
    """"Kartik 12, 2082 | Oct 29, 2025 | Kathmandu": the Gregorian date is the date."""
    if line.n > 60 or "|" not in line.text or not line.has_digit:
        return None
    parts = [p.strip() for p in line.text.split("|")]
    greg = [p for p in parts if p and _is_date_only(p.lower())]
    ok = len(greg) == 1 and any(ch.isdigit() for ch in greg[0]) and all(
        not p or p is greg[0] or _OTHER_CALENDAR.match(p) or is_place_name(p) for p in parts)
    return _hit(ok, greg[0] if ok else "")


def _date_then_ago(line: _Line) -> str | None:
    """"October 3, 2025 5:42 PM GMT+1 Updated 2 hours ago"."""
    if line.n > 100 or "ago" not in line.low:
        return None
    m = _RELATIVE_TAIL.search(line.low)
    ok = m and m.start() and _is_date_only(line.low[:m.start()].rstrip(" |,-"))
    return _hit(ok, line.text[:m.start()].rstrip(" |,-") if ok else "")


def _staff_byline(line: _Line) -> str | None:  # "Staff Reporter | Some Outlet"
    ok = line.n <= 100 and line.first in ("staff", "our", "from", "special")
    return _hit(ok and _STAFF_BYLINE.match(line.text), line.text)


# --- wire services, contributors, appeals (asked about every line; cheap gates first)

_WIRE_END = re.compile(
    r"^[(\[]?[-\u2013\u2014=#* ]{1,5}(?:[A-Z]{2,10}|[Ee]nds?|30)?[-\u2013\u2014=#* ]{0,5}[)\]]?$"
    r"|^\((?:END|ENDS|[A-Z]{2,6})\)$")
_WIRE_CONTACT = re.compile(r"^\(\([^()]{1,200}\)\)$")
_WIRE_NOTE = re.compile(r"^\([A-Z][a-z]{2,12}s\b[^()]{1,200}\)$")  # "(Adds statement, ...)"
_WIRE_HEADER = re.compile(r"^[A-Z]{2,8}(?:-[A-Z0-9]{1,8}){1,6} (?P<date>.{6,40})$")
_KEYWORDS = re.compile(r"^(?:keywords?|slug|story code)\s*:.{0,200}$", re.I)
_CONTRIBUTED = re.compile(r"^(?:\S+ ){2,}contributed (?:reporting |to the reporting )?"
                          r"(?:to|for) (?:this|the) (?:report|story|article)\.?\)?$")
_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,4} is an? (?:[\w-]+ ){0,4}"
    r"(?:journalist|writer|reporter|correspondent|editor|photographer|author|researcher)s?"
    r"\b.{0,60}\bbased in\b")
_APPEAL_CUES = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in data_lines("appeal_cues.txt")) + r")\b")
_TO_READER = re.compile(r"\b(?:[Yy]ou|[Yy]our|us)\b")
_IMPERATIVE = re.compile(r"^(?:Please|Subscribe|Donate|Download|Sign up|Support|Join|Register|"
                         r"Log ?in|Get|Click|Tap|Send|Follow|Watch|Listen|Read)\b")
_REPORTED = re.compile(r"\b(?:said|says|told|according to|announced|urged)\b")


def _wire_end(line: _Line) -> str | None:  # "-- AP", "-END-", "(ENDS)"
    return _hit(line.n <= 20 and _WIRE_END.match(line.text))


def _wire_contact(line: _Line) -> str | None:  # "((jane.doe@wire.example; +1 555 0100))"
    return _hit(line.text.startswith("((") and _WIRE_CONTACT.match(line.text))


def _wire_note(line: _Line) -> str | None:  # "(Adds minister's statement, paragraphs 7-8)"
    return _hit(line.text.startswith("(") and line.n <= 200 and _WIRE_NOTE.match(line.text))


def _wire_header(line: _Line) -> str | None:  # "WIRE-XX-YY 08/04/2025 11:47 GMT"
    m = _WIRE_HEADER.match(line.text) if line.n <= 60 and line.has_digit else None
    ok = m and _is_date_only(m.group("date").lower())
    return _hit(ok, m.group("date") if ok else "")


def _keywords(line: _Line) -> str | None:  # "Keywords: COUNTRY-COUNTRY/DIPLOMACY"
    return _hit(line.n <= 220 and _KEYWORDS.match(line.text))


def _bracketed_credits(line: _Line) -> str | None:  # "(Reporting by X; Editing by Y)"
    t = line.text
    return _hit(t.startswith("(") and t.endswith(")") and line.n <= 400
                and _REPORTING_BY.match(t[1:-1]))


def _contributed(line: _Line) -> str | None:  # "Jane Roe in Lima contributed to this report."
    return _hit(line.n <= 400 and "contributed" in line.low and _CONTRIBUTED.search(line.low))


def _author_bio(line: _Line) -> str | None:  # "Jane Roe is a journalist based in Lima."
    return _hit(line.n <= 400 and " is a" in line.text and _AUTHOR_BIO.match(line.text))


def _reader_appeal(line: _Line) -> str | None:
    """Marketing or interface wording, not a report: "Sign up for our morning brief ..."."""
    if line.n > 400 or '"' in line.text:
        return None
    cues = len(_APPEAL_CUES.findall(line.low))
    if not cues or _REPORTED.search(line.low):
        return None
    return _hit(cues >= 2 or _TO_READER.search(line.text) or _IMPERATIVE.match(line.text))


# --- bylines, dates and sources (asked only about lines that start like clutter)


def _byline(line: _Line) -> str | None:  # "By Jane Doe | March 3, 2024"
    if line.n > 160 or line.first not in _BYLINE_STARTS:
        return None
    m = _BYLINE.match(line.text)
    if not m:
        return None
    who = m.group("who")
    dm = _BYLINE_DATE_TAIL.search(who)
    if dm:
        who = who[: dm.start()]
    return _hit(_is_name_list(who), who.strip(" ,|-"))


def _reporting_by(line: _Line) -> str | None:  # "Reporting by X; Editing by Y"
    return _hit(line.n <= 160 and line.first in _BYLINE_STARTS and _REPORTING_BY.match(line.text))


def _meta_date(line: _Line, updated: bool) -> str | None:
    """"Published: March 3, 2024" / "Updated: 2024-03-04 10:15" / "| Last update :"."""
    low = line.low
    if line.n > 140 or not any(w in low for w in ("updat", "publish", "posted", "modified",
                                                  "publication", "issued")):
        return None
    m = None if _WIRE_VERSION.match(line.text) else _META_DATE.match(line.text)
    if not m or ("updat" in m.group("label").lower()) != updated:
        return None
    rest = m.group("rest").strip()
    dateish = bool(m.group("sep") or rest[:1].isdigit() or _MONTH_WORD.match(rest))
    return _hit(not rest or (dateish and any(ch.isdigit() for ch in rest)), rest)


def _source_line(line: _Line) -> str | None:  # "Source: Newsroom"
    m = _SOURCE_LINE.match(line.text) if line.n <= 80 and line.low.startswith("source") else None
    return _hit(m and len(m.group("src").split()) <= 6, m.group("src").strip() if m else "")


# --- promos, footers, appeals, credits


def _promo_link(line: _Line) -> str | None:  # "Read more: ...", "Related stories"
    t = line.text
    return _hit(line.n <= 300 and (_PROMO_SEP.match(t) or _PROMO_ALONE.match(t)))


def _click_here(line: _Line) -> str | None:
    return _hit(line.n <= 300 and _CLICK_HERE.match(line.text))


def _read_headline(line: _Line) -> str | None:  # "READ  Harbour strike ends as ..."
    m = _PROMO_READ.match(line.text) if line.n <= 300 else None
    h = m.group("h").rstrip() if m else ""
    return _hit(m and not h.endswith(".") and len(h.split()) <= 25)


def _page_footer(line: _Line) -> str | None:  # "Leave a comment", "Tags: ...", "3 min read"
    return _hit(line.n <= 300 and _FOOTER.match(line.text))


def _copyright(line: _Line) -> str | None:  # "(c) 2024 Some Media. All rights reserved."
    ok = _COPYRIGHT.match(line.text) and ("rights" in line.low or _YEAR.search(line.low))
    return _hit(line.n <= 300 and ok)


def _advertisement(line: _Line) -> str | None:
    return _hit(line.n <= 300 and _ADVERT.match(line.text))


def _newsletter_appeal(line: _Line) -> str | None:  # "Sign up for our newsletter ..."
    low = line.low
    ok = "newsletter" in low and _NEWSLETTER_ACTION.search(low)
    return _hit(line.n <= 300 and (ok or (low.startswith("subscribe") and line.n <= 200)))


def _share_buttons(line: _Line) -> str | None:  # "Share | Tweet | WhatsApp | Email"
    if line.n > 300:
        return None
    words = _SHARE_SPLIT.split(line.low.strip(" .!"))
    return _hit(words and len(words) <= 12 and all(w in _SOCIAL_WORDS for w in words if w)
                and any(w in _SHARE_PLATFORMS for w in words))


def _follow_us(line: _Line) -> str | None:  # "Follow us on X", "Join our WhatsApp channel"
    return _hit(line.n <= 300 and _FOLLOW.match(line.text))


def _follow_promo(line: _Line) -> str | None:  # "Follow the latest on the election"
    t = line.text
    return _hit(line.n <= 300 and _FOLLOW_PROMO.match(t) and not _ends_terminal(t)
                and len(t.split()) <= 15)


def _photo_credit(line: _Line) -> str | None:  # "Photo: Jane Doe / Agency"
    m = _CREDIT_LINE.match(line.text) if line.n <= 200 else None
    who = m.group("who").strip() if m else ""
    return _hit(m and (not who.endswith((".", "?", "!")) or len(who.split()) <= 8), who)


def _comment_policy(line: _Line) -> str | None:  # "WARNING: Comments that insult ..."
    low = line.low
    return _hit(low.startswith(_POLICY_START) and "comment" in low and _POLICY_WORDS.search(low))


# The rules, in the order they are tried. Uncued rules are asked about every line;
# cued ones only about lines that start like clutter.
RULES: tuple[Rule, ...] = (
    Rule("separator", "clutter", _separator, cued=False),
    Rule("date line", "date-line", _date_only, cued=False),
    Rule("place and date line", "date-line", _place_and_date, cued=False),
    Rule("date and update time", "date-line", _date_then_update, cued=False),
    Rule("date in two calendars", "date-line", _two_calendars, cued=False),
    Rule("date and time ago", "date-line", _date_then_ago, cued=False),
    Rule("staff byline", "byline", _staff_byline, cued=False),
    Rule("wire end marker", "clutter", _wire_end, cued=False),
    Rule("wire contact", "clutter", _wire_contact, cued=False),
    Rule("wire note", "clutter", _wire_note, cued=False),
    Rule("wire header", "date-line", _wire_header, cued=False),
    Rule("wire keywords", "clutter", _keywords, cued=False),
    Rule("reporting credits in brackets", "byline", _bracketed_credits, cued=False),
    Rule("contributor line", "byline", _contributed, cued=False),
    Rule("author bio", "clutter", _author_bio, cued=False),
    Rule("byline", "byline", _byline),
    Rule("reporting credits", "byline", _reporting_by),
    Rule("publication date", "published", functools.partial(_meta_date, updated=False)),
    Rule("update time", "last-update", functools.partial(_meta_date, updated=True)),
    Rule("source line", "source-line", _source_line),
    Rule("promo link", "clutter", _promo_link),
    Rule("click-here link", "clutter", _click_here),
    Rule("read-next link", "clutter", _read_headline),
    Rule("page footer", "clutter", _page_footer),
    Rule("copyright line", "clutter", _copyright),
    Rule("advertisement", "clutter", _advertisement),
    Rule("newsletter appeal", "clutter", _newsletter_appeal),
    Rule("share buttons", "clutter", _share_buttons),
    Rule("follow line", "clutter", _follow_us),
    Rule("follow promo", "clutter", _follow_promo),
    Rule("photo credit", "credit", _photo_credit),
    Rule("comment policy", "clutter", _comment_policy),
    Rule("reader appeal", "clutter", _reader_appeal, cued=False),  # after the named appeals
)


def _starts_like_clutter(line: _Line) -> bool:
    fw = line.first
    return fw in _CLUTTER_STARTS or "newsletter" in line.low or fw.isdigit()


def _classify(text: str) -> tuple[Rule, str] | None:
    """The first rule that fires on the line and its payload, or None for story text."""
    if len(text) > 700:
        return None
    low = text.lower()
    word = _FIRST_WORD.match(low)
    line = _Line(text, low, word.group(0) if word else "")
    cued: bool | None = None
    for rule in RULES:
        if rule.cued:
            if cued is None:
                cued = _starts_like_clutter(line)
            if not cued:
                continue
        payload = rule.test(line)
        if payload is not None:
            return rule, payload
    return None


# ------------------------------------------------------------------------ structure


def _ends_terminal(text: str) -> bool:
    t = text.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def _key(text: str) -> str:
    """Comparison key for repeated headlines: case, quotes, spacing, final punctuation."""
    t = strip_wrapping_quotes(text).lower()
    t = re.sub(r"[^\w\s]", "", t)
    return " ".join(t.split())


def _looks_like_headline(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 25 or len(text) > 200:
        return False
    if not any(c.isalpha() for c in text):
        return False
    t = text.rstrip(_CLOSERS)
    if not t or t[-1] in ".,;:" and not t.endswith(("...", "\u2026")):
        return False
    return (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"'"
            or bool(_WIRE_TAG.match(text)))  # "(LEAD) Minister urges ..."


_WIRE_TAG = re.compile(r"\((?:[A-Z0-9][A-Za-z0-9 ]{1,20})\) [A-Z\"']")


def _is_subheading(text: str) -> bool:
    words = text.split()
    if not (2 <= len(words) <= 12) or len(text) > 90:
        return False
    if _ends_terminal(text) or text.rstrip(_CLOSERS)[-1:] in ",;":
        return False
    if text.count('"') % 2 or ". " in text or "? " in text or "! " in text:
        return False
    return text[:1].isupper() or text[:1].isdigit()


def _should_join(a: str, b: str, width: int | None) -> bool:
    """Is line ``b`` the continuation of hard-wrapped line ``a``?"""
    if _ends_terminal(a):
        return False
    if b[:1].islower():
        return True
    if a[-1:] in ",;-\u2013\u2014(/&":
        return True
    last = a.rsplit(" ", 1)[-1].lower()
    if last in _FUNCTION_WORDS:
        return True
    return bool(width and len(a) >= 0.75 * width)


def _join_group(group: list[tuple[int, str]]) -> list[_Para]:
    """Turn consecutive non-blank lines into paragraphs (one per line unless hard-wrapped)."""
    if len(group) == 1:
        no, text = group[0]
        return [_Para(text, no, True)]
    maxlen = max(len(t) for _, t in group)
    width = maxlen if maxlen <= 100 else None
    paras: list[_Para] = []
    pieces = [group[0][1]]
    start = group[0][0]
    count = 1
    for (_, a), (no, b) in zip(group, group[1:], strict=False):
        if _should_join(a, b, width):
            if a.endswith("-") and a[-2:-1].isalpha() and b[:1].islower():
                pieces.append(b)
            else:
                pieces.append(" " + b)
            count += 1
        else:
            paras.append(_Para("".join(pieces), start, False))
            pieces = [b]
            start = no
            count = 1
    paras.append(_Para("".join(pieces), start, False))
    if len(paras) == 1:
        paras[0].single = False
    return paras


# ------------------------------------------------------------------------ header and footer
# Where the story starts and ends is found from the text itself: the lead is the first
# line that reads as prose; above it sit the page's header lines (masthead, navigation,
# section label, kicker, headline, byline, timestamps). The headline is the most
# title-like of those lines whose words the lead repeats; the others are page clutter.
# After the last line of prose, short lines without a final stop are the page's footer
# (tags, related links, comment widgets, sign-offs).

_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?! ?(?:percent|%))")
_NUMERIC_DAY = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_CLOCK_LINE = re.compile(r"^\d{1,2}[:.]\d{2}(?: ?[A-Za-z]{1,4})?$")  # "19:42 CET"
_BULLET = re.compile(r"^[\u2022\u25aa\u25cf*\u2013-] ")
_NAV_SEP = re.compile(r"\s[|\u203a\u00bb>/\u2022\u00b7]\s")
_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?] [A-Z]")
_STEM_WORD = re.compile(r"[a-z0-9][a-z0-9'\u2019-]*")
# "UPDATE 2-Headline", "REFILE-Headline": a wire service's version tag before a headline
_WIRE_VERSION = re.compile(r"^(?P<tag>[A-Z]{3,12})(?: (?P<n>\d{1,2}))?-(?=[A-Z\"'])")
_WIRE_VERSION_TAGS = data_words("wire_version_tags.txt")
_SURE_TITLE = 0.6  # half its words in the lead (and some length): clearly the title
_LEAD_LINES = 3  # content lines read as the lead when scoring headline candidates


def _is_prose(text: str) -> bool:
    """A line of story prose: long, or a sentence of twelve words or more."""
    return len(text) > 200 or (len(text.split()) >= 12 and _ends_terminal(text))


def _stems(text: str) -> set[str]:
    """Content-word stems (first five letters) of a line, for word-recurrence tests."""
    out = set()
    for w in _STEM_WORD.findall(text.lower()):
        w = w.removesuffix("'s").removesuffix("\u2019s")
        if len(w) >= 4 and w not in _FUNCTION_WORDS:
            out.add(w[:5])
    return out


def _title_score(text: str, lead: set[str]) -> float | None:
    """How title-like a header line is (None: not a title): words recurring in the lead."""
    if not _looks_like_headline(text) or len(text.split()) < 3 or _is_outlet_line(text):
        return None
    if _NAV_SEP.search(text) or _CLOCK.search(text) or _NUMERIC_DAY.search(text):
        return None  # navigation trail, timestamp, wire header
    if _TWO_SENTENCES.search(text) or not any(c.islower() for c in text):
        return None  # a banner of sentences; an all-caps masthead or section label
    own = _stems(text)
    overlap = len(own & lead) / len(own) if own else 0.0
    if overlap < 0.25:
        return None
    return overlap + 0.2 * min(len(text.split()), 10) / 10


def _strip_wire_version(text: str) -> str:
    """'UPDATE 2-Minister visits X' -> 'Minister visits X'."""
    m = _WIRE_VERSION.match(text)
    if m and (m.group("n") or m.group("tag").lower() in _WIRE_VERSION_TAGS):
        return text[m.end():]
    return text


def _lead_index(work: _Work) -> int | None:
    """The first content line that reads as prose: where the story starts."""
    return next((i for i, t in enumerate(work.lines) if work.content(i) and _is_prose(t)), None)


def _header_headline(work: _Work, lead: int) -> int | None:
    """The best title among the content lines above the lead (earlier ones preferred)."""
    after = [t for j, t in enumerate(work.lines[lead:], lead) if work.content(j)]
    lead_stems = _stems(" ".join(after[:_LEAD_LINES]))
    best, best_score, rank = None, 0.0, 0
    prev = ""
    for i in range(lead):
        if not work.content(i):
            continue
        line, before, prev = work.lines[i], prev, work.lines[i]
        if _CLOCK_LINE.match(before):
            continue  # a time-stamped entry of a live page, not the page's headline
        score = _title_score(line, lead_stems)
        if score is not None and score >= _SURE_TITLE:
            return i  # the first line that is clearly a title: a standfirst comes after it
        if score is not None and score - 0.05 * rank > best_score:
            best, best_score = i, score - 0.05 * rank
        rank += score is not None
    return best


def _remove_header_lines(work: _Work) -> None:
    """Above the headline: page header; under it, before the lead: lines with no stop."""
    if work.lead_at is None or work.headline_at is None:
        return
    for i in range(work.lead_at):
        if not work.content(i) or work.consumed[i]:
            continue
        if i < work.headline_at:
            if work.cleaned.masthead is None and _is_masthead(work.lines[i]):
                work.cleaned.masthead = work.lines[i]
            work.remove(i, "page header", "header")
        elif not _ends_terminal(work.lines[i]) and not _BULLET.match(work.lines[i]):
            work.remove(i, "header line", "header")  # key-point bullets are story


_MASTHEAD_SPLIT = re.compile(r"\s[|\u2013\u2014\u203a\u00b7>/-]\s")


def _is_masthead(text: str) -> bool:
    """An outlet's name heading the page: 'Harbour Ledger', 'LAGOON TV | English'."""
    name = _MASTHEAD_SPLIT.split(text, 1)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or _ends_terminal(name) or any(c.isdigit() for c in name):
        return False
    letters = [c for c in name if c.isalpha()]
    return _is_outlet_line(name) or (
        len(words) >= 2 and len(letters) >= 4 and all(c.isupper() for c in letters))


def _remove_footer_lines(work: _Work) -> None:
    """After the story's last sentence or prose line: short lines without a final stop."""
    lines = work.lines
    last = next((i for i in range(len(lines) - 1, -1, -1)
                 if work.content(i) and (_is_prose(lines[i]) or _ends_terminal(lines[i]))), None)
    if last is None:
        return
    for i in range(last + 1, len(lines)):
        t = lines[i]
        if work.content(i) and not work.consumed[i] and not _ends_terminal(t) and (
                len(t.split()) <= 20):
            work.remove(i, "page footer", "footer")


# ------------------------------------------------------------------------ main entry


@dataclass
class _Work:
    """The article while it is cleaned: its lines, and what is known about each."""

    lines: list[str]
    cleaned: Cleaned
    kind: list[str | None] = field(default_factory=list)  # a removed line's rule kind
    consumed: list[bool] = field(default_factory=list)  # taken as headline / standfirst
    headline_at: int | None = None
    lead_at: int | None = None  # the story's first line of prose, when a header precedes it

    def __post_init__(self) -> None:
        self.kind = [None] * len(self.lines)
        self.consumed = [False] * len(self.lines)

    def content(self, i: int) -> bool:
        return bool(self.lines[i]) and self.kind[i] is None

    def remove(self, i: int, reason: str, kind: str) -> None:
        self.kind[i] = kind
        self.cleaned.removed.append(Removed(self.lines[i], reason, i + 1))


def clean(text: str) -> Cleaned:
    """Clean one raw article: find headline/standfirst/paragraphs, remove clutter with reasons."""
    cleaned = Cleaned()
    if not text or not text.strip():
        return cleaned
    work = _Work(_normalized_lines(text, cleaned), cleaned)
    if not _take_date_marker(work):
        return cleaned
    _remove_clutter(work)
    _find_headline(work)
    if cleaned.headline:
        _find_standfirst(work)
        _remove_repeats(work)
        _remove_header_lines(work)
    _remove_footer_lines(work)
    paras = _paragraphs(work)
    _take_leading_marker(paras, cleaned)
    _add_blocks(paras, cleaned)
    cleaned.removed.sort(key=lambda r: r.line)
    return cleaned


def _normalized_lines(text: str, cleaned: Cleaned) -> list[str]:
    """The lines, normalised, with inline photo credits taken out (and recorded)."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[str] = []
    for no, raw in enumerate(raw_lines, 1):
        t = _normalize_line(raw)
        if t:
            t = _strip_inline_credits(_take_caption(t, no, cleaned), no, cleaned)
        lines.append(t)
    return lines


def _take_date_marker(work: _Work) -> bool:
    """A leading ``date 2024-01-10`` marker on the first line; False when all is blank."""
    lines = work.lines
    first = next((i for i in range(len(lines)) if lines[i]), None)
    if first is None:
        return False
    m = _DATE_MARKER.match(lines[first])
    if m:
        work.cleaned.date_marker = _iso(m.group(1))
        work.cleaned.removed.append(Removed(m.group(0).strip(), "date marker", first + 1))
        lines[first] = lines[first][m.end():].strip()
    return True


@dataclass
class _Dates:
    """Date phrases met while removing clutter, by where they were stated."""

    published: str | None = None
    updated: str | None = None
    dateline: str | None = None


def _remove_clutter(work: _Work) -> None:
    """Remove the lines a rule fires on; keep bylines, credits and date phrases found."""
    dates = _Dates()
    # A bare date line is a dateline above the lead or next to other metadata lines;
    # further down it is story text (a timeline entry, say).
    seen_content = 0
    seen_prose = False
    pending_dates: list[int] = []
    prev_kind: str | None = None
    for i, t in enumerate(work.lines):
        if not t:
            continue
        c = _classify(t)
        if c is None and prev_kind == "byline" and work.cleaned.bylines and _is_outlet_line(t):
            # "By JANE DOE" then "Associated Press" on its own line: the byline's outlet
            work.cleaned.bylines[-1] += f", {t}"
            c = (_BYLINE_OUTLET, "")
        prev_kind = c[0].kind if c is not None else None
        if c is not None and c[0].kind == "date-line" and seen_content > 1 and seen_prose:
            pending_dates.append(i)  # decided below, by its neighbours
            continue
        if c is None:
            seen_content += 1
            # a date line under the headline (and a kicker) is the header's date; after
            # a sentence of the story it is story text unless metadata lines flank it
            seen_prose = seen_prose or seen_content > 3 or len(t) > 200 or (
                len(t) > 60 and t.endswith("."))
            continue
        work.remove(i, c[0].name, c[0].kind)
        _keep_payload(work, i, c[0].kind, c[1], dates)
    _settle_pending_dates(work, pending_dates, dates)
    work.cleaned.date_phrase = dates.published or dates.dateline or dates.updated


_BYLINE_OUTLET = Rule("byline", "byline", lambda line: None)


def _keep_payload(work: _Work, i: int, kind: str, payload: str, dates: _Dates) -> None:
    """What a removed line states: a byline's names, a date phrase, a photographer."""
    cleaned = work.cleaned
    if kind == "byline" and payload:
        cleaned.bylines.append(payload)
        dm = _BYLINE_DATE_TAIL.search(work.lines[i])
        if dm and dates.dateline is None:
            dates.dateline = dm.group("date").strip()
    elif kind == "published" and payload and dates.published is None:
        dates.published = payload
    elif kind == "date-line" and payload and dates.dateline is None:
        dates.dateline = payload
    elif kind == "last-update" and payload and dates.updated is None:
        dates.updated = payload
    elif kind == "credit" and payload:
        name = _credit_name(work.lines[i], payload)
        if name and name not in cleaned.credits:
            cleaned.credits.append(name)


def _settle_pending_dates(work: _Work, pending: list[int], dates: _Dates) -> None:
    """A date line inside the story is removed only next to a byline or date label."""
    lines = work.lines
    for i in pending:
        near = [j for j in (_prev_nonblank(lines, i), _next_nonblank(lines, i)) if j is not None]
        if any(work.kind[j] in ("byline", "published", "last-update") for j in near):
            work.remove(i, "date line", "date-line")
            dates.dateline = dates.dateline or lines[i]


def _find_headline(work: _Work) -> None:
    """The best title above the lead; else the first line when it is shaped like one."""
    lead = _lead_index(work)
    h = _header_headline(work, lead) if lead else None
    if h is not None:
        work.lead_at = lead
        _take_headline(work, h)
    else:
        _first_line_headline(work)


def _take_headline(work: _Work, h: int) -> None:
    work.cleaned.headline = _strip_wire_version(strip_wrapping_quotes(work.lines[h]))
    work.consumed[h] = True
    work.headline_at = h


def _first_line_headline(work: _Work) -> None:
    """The first content line, short, no final period, then a break or longer text."""
    lines, n = work.lines, len(work.lines)
    h = next((i for i in range(n) if work.content(i)), None)
    if h is None or not _looks_like_headline(lines[h]):
        return
    nxt = h + 1 if h + 1 < n else None
    later = _next_nonblank(lines, h)
    ok = later is not None and (
        nxt is None
        or not lines[nxt]
        or work.kind[nxt] is not None
        or (len(lines[nxt]) > len(lines[h]) and not _should_join(lines[h], lines[nxt], None))
    )
    if ok and any(work.content(j) for j in range(h + 1, n)):
        _take_headline(work, h)


def _find_standfirst(work: _Work) -> None:
    """The next content line, alone, with structural evidence that it is a standfirst."""
    lines, n, h = work.lines, len(work.lines), work.headline_at or 0
    hkey = _key(work.cleaned.headline)
    s = next((i for i in range(h + 1, n) if work.content(i)), None)
    if s is None or not (s + 1 >= n or not lines[s + 1] or work.kind[s + 1]):
        return
    st = lines[s]
    f = _next_nonblank(lines, s)
    evidence = f is not None and (
        work.kind[f] in ("byline", "last-update", "published") or _key(lines[f]) == hkey)
    no_punct = not _ends_terminal(st) and len(st.split()) > 12
    if len(st) <= 400 and (evidence or no_punct) and any(
        work.content(j) and _key(lines[j]) != hkey for j in range(s + 1, n)
    ):
        work.cleaned.standfirst = st
        work.consumed[s] = True


def _remove_repeats(work: _Work) -> None:
    """Lines repeating the headline or the standfirst further down are removed."""
    cleaned, lines = work.cleaned, work.lines
    hkey = _key(cleaned.headline)
    skey = _key(cleaned.standfirst) if cleaned.standfirst else None
    near = {len(cleaned.headline), len(cleaned.standfirst or "")}
    for i in range((work.headline_at or 0) + 1, len(lines)):
        if not work.content(i) or work.consumed[i]:
            continue
        if not any(abs(len(lines[i]) - m) <= 12 for m in near):
            continue
        k = _key(lines[i])
        if k == hkey:
            work.remove(i, "repeated headline", "repeat")
        elif skey and k == skey:
            work.remove(i, "repeated standfirst", "repeat")


def _paragraphs(work: _Work) -> list[_Para]:
    """Runs of content lines, broken by blank or removed lines, joined into paragraphs."""
    paras: list[_Para] = []
    group: list[tuple[int, str]] = []
    for i in range(len(work.lines)):
        if work.content(i) and not work.consumed[i]:
            group.append((i + 1, work.lines[i]))
        elif group:
            paras.extend(_join_group(group))
            group = []
    if group:
        paras.extend(_join_group(group))
    return paras


def _take_leading_marker(paras: list[_Para], cleaned: Cleaned) -> None:
    """An outlet lead-in is taken off the first paragraph; a dateline stays (and dates)."""
    if not paras:
        return
    kind, prefix, outlet, date = _leading_marker(paras[0].text)
    if kind == "lead-in":
        rest = paras[0].text[len(prefix):].strip()
        if rest:
            cleaned.lead_in = outlet
            cleaned.removed.append(Removed(prefix.strip(), "outlet lead-in", paras[0].line))
            paras[0].text = rest
    elif kind == "dateline":
        cleaned.lead_in = outlet
        if date and not cleaned.date_phrase:
            cleaned.date_phrase = date


def _add_blocks(paras: list[_Para], cleaned: Cleaned) -> None:
    """Blocks; a short standalone line between paragraphs is a subheading."""
    for idx, p in enumerate(paras):
        kind = "p"
        if (
            idx > 0
            and (p.single or len(p.text) <= 90)
            and idx + 1 < len(paras)
            and _is_subheading(p.text)
        ):
            kind = "h2"
        cleaned.blocks.append(Block(kind, p.text, p.line))


_OUTLET_LINE_CUES = _OUTLET_CUES | frozenset(("bureau", "desk"))


def _is_outlet_line(text: str) -> bool:
    """A short title-case line naming an outlet ("Associated Press", "The Kigali Times")."""
    words = text.split()
    return (1 <= len(words) <= 5 and not _ends_terminal(text) and len(text) <= 60
            and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "&") for w in words)
            and any(w.lower().strip(".,") in _OUTLET_LINE_CUES for w in words))


def _prev_nonblank(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i - 1, -1, -1) if lines[j]), None)


def _next_nonblank(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j]), None)


def _iso(value: str) -> str:
    """'2024-1-9' -> '2024-01-09' (the marker is stated, just not always zero-padded)."""
    y, mo, d = value.split("-")
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
