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

Everything is line-based with anchored, bounded regular expressions, so the
work is linear in the input size (a 10 MB single line or 100,000 short lines
take well under a few seconds).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

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


def _words(text: str) -> list[str]:
    """Word lists are kept as readable prose blocks."""
    return text.split()


# Abbreviations after which a "." followed by a capital is not a sentence end.
_ABBREV = frozenset(_words(
    """mr mrs ms messrs dr prof gen lt col capt cpt sgt maj adm cmdr gov sen rep reps rev
    st mt ft jr sr inc ltd co corp bros plc llc vs etc vol fig approx dept est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun pres atty supt insp cllr hon amb al"""
))

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
_BYLINE_LOWER_OK = frozenset(_words(
    """and of the for in at de da di del der van von al el bin ibn la le du y
    staff writer writers correspondent correspondents reporter reporters editor editors
    contributor desk team news agencies agency with bureau bureaux"""
))
_NOT_NAME_START = frozenset(_words(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december the this that
    then now far default contrast comparison contrast way virtue law"""
))
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
_SOCIAL_WORDS = frozenset(_words(
    """share shares tweet email e-mail print whatsapp facebook twitter x telegram linkedin
    pinterest reddit copy link flipboard messenger sms save bookmark on this article
    story post comment comments"""
))
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
_FUNCTION_WORDS = frozenset(_words(
    """a an the of to in on at by for from with and or but nor as that which who whom
    whose than into onto over under about after before between during against amid
    its his her their our your this these those is are was were be been has have had
    will would could should may might must can not"""
))


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
        cleaned.removed.append(Removed(whole, "credit", line))
        name = _credit_name(whole, who)
        if name and name not in cleaned.credits:
            cleaned.credits.append(name)
    pieces.append(text[last:])
    out = _MULTISPACE.sub(" ", "".join(pieces)).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", out) if " ." in out or " ," in out else out


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
_BYLINE_STARTS = frozenset(_words(
    """by written words reported reporting additional writing editing compiled compiling
    produced graphics video research posted"""
))
_CLUTTER_STARTS = _BYLINE_STARTS | _SOCIAL_WORDS | frozenset(_words(
    """| \u00a9 ( last updated update updates published posted modified first date publication
    issued source sources read related see more recommended don't dont must watch listen trending
    editor's editors latest also top click tap you most leave post add comment comments show
    view join all back print report tag tags topic topics filed copyright advertisement
    sponsored story continue scroll ad ads subscribe follow photo photos image images picture
    pictures photograph photographs illustration main header cover credit credits warning
    note disclaimer our with suggested opinion"""
))


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
_MONTH3 = frozenset(_words("jan feb mar apr may jun jul aug sep oct nov dec tod yes"))


def _classify(text: str) -> tuple[str, str | None] | None:
    """(reason, payload) when the line is clutter to take out of the body, else None."""
    n = len(text)
    if n > 700:
        return None
    if not any(c.isalnum() for c in text):
        return ("separator", None)
    low = text.lower()
    if n <= 60 and _is_date_only(low):
        return ("date-line", text)
    if n <= 60 and any(ch.isdigit() for ch in text):
        # "Nairobi, March 3rd, 2025" / "Hanoi, 14.03.2025" / "Canberra | 18 February 2025"
        # also "RIYADH, Saudi Arabia — Feb. 2, 2025": every part before the date a place;
        # a reading time after it ("| 3 min read") is dropped
        line = _READ_TIME_TAIL.sub("", text)
        for m in _PLACE_DATE_SEP.finditer(line):
            head, rest = line[:m.start()], line[m.end():].strip()
            if _is_date_only(rest.lower()) and all(
                    is_place_name(part) for part in head.split(",") if part.strip()):
                return ("date-line", rest)
    if n <= 80 and "updat" in low:
        # "Saturday 20 December 2025 – 14:10 | Updated 16:35": the first date is the date
        m = _UPDATED_TAIL.search(text)
        if m and m.start() and _is_date_only(low[:m.start()].rstrip(" |,-\u2013\u2014")):
            return ("date-line", text[:m.start()].rstrip(" |,-\u2013\u2014"))
    if n <= 60 and "|" in text and any(ch.isdigit() for ch in text):
        # "Kartik 12, 2082 | Oct 29, 2025 | Kathmandu": a Gregorian date next to one of
        # another calendar (and places); the Gregorian one is the date
        parts = [p.strip() for p in text.split("|")]
        greg = [p for p in parts if p and _is_date_only(p.lower())]
        if len(greg) == 1 and any(ch.isdigit() for ch in greg[0]) and all(
                not p or p is greg[0] or _OTHER_CALENDAR.match(p) or is_place_name(p)
                for p in parts):
            return ("date-line", greg[0])
    if n <= 100 and "ago" in low:
        # "October 3, 2025 5:42 PM GMT+1 Updated 2 hours ago"
        m = _RELATIVE_TAIL.search(low)
        if m and m.start() and _is_date_only(low[:m.start()].rstrip(" |,-")):
            return ("date-line", text[:m.start()].rstrip(" |,-"))
    word = _FIRST_WORD.match(low)
    fw = word.group(0) if word else ""
    if n <= 100 and fw in ("staff", "our", "from", "special"):
        m = _STAFF_BYLINE.match(text)
        if m:  # "Staff Reporter | Nation Africa", "Our Correspondent"
            return ("byline", text)
    if fw not in _CLUTTER_STARTS and "newsletter" not in low and not fw.isdigit():
        return None
    if n <= 160 and fw in _BYLINE_STARTS:
        m = _BYLINE.match(text)
        if m:
            who = m.group("who")
            dm = _BYLINE_DATE_TAIL.search(who)
            if dm:
                who = who[: dm.start()]
            if _is_name_list(who):
                return ("byline", who.strip(" ,|-"))
        if _REPORTING_BY.match(text):
            return ("byline", None)
    if n <= 140 and ("updat" in low or "publish" in low or "posted" in low
                     or "modified" in low or "publication" in low or "issued" in low):
        m = _META_DATE.match(text)
        if m:
            rest = m.group("rest").strip()
            dateish = bool(m.group("sep") or rest[:1].isdigit() or _MONTH_WORD.match(rest))
            if not rest or (dateish and any(ch.isdigit() for ch in rest)):
                reason = "last-update" if "updat" in m.group("label").lower() else "published"
                return (reason, rest or None)
    if n <= 80 and low.startswith("source"):
        m = _SOURCE_LINE.match(text)
        if m and len(m.group("src").split()) <= 6:
            return ("source-line", m.group("src").strip())
    if n <= 300:
        if _PROMO_SEP.match(text) or _PROMO_ALONE.match(text) or _CLICK_HERE.match(text):
            return ("promo", None)
        m = _PROMO_READ.match(text)
        if m:
            h = m.group("h").rstrip()
            if not h.endswith(".") and len(h.split()) <= 25:
                return ("promo", None)
        if _FOOTER.match(text) or (
            _COPYRIGHT.match(text) and ("rights" in low or _YEAR.search(low))
        ):
            return ("footer", None)
        if _ADVERT.match(text):
            return ("advertisement", None)
        if "newsletter" in low and any(
            w in low for w in ("subscribe", "sign up", "sign-up", "signup", "inbox", "deliver",
                               "receive", "register", "join", "get ")
        ):
            return ("newsletter", None)
        if low.startswith("subscribe") and n <= 200:
            return ("newsletter", None)
        words = re.split(r"[\s|,/:\u2022\u00b7-]+", low.strip(" .!"))
        if words and len(words) <= 12 and all(w in _SOCIAL_WORDS for w in words if w) and any(
            w in ("share", "tweet", "whatsapp", "facebook", "twitter", "telegram", "linkedin",
                  "email", "print", "pinterest", "reddit")
            for w in words
        ):
            return ("social", None)
        if _FOLLOW.match(text):
            return ("social", None)
        if _FOLLOW_PROMO.match(text) and not _ends_terminal(text) and len(text.split()) <= 15:
            return ("promo", None)
    if n <= 200:
        m = _CREDIT_LINE.match(text)
        if m:
            who = m.group("who").strip()
            if not who.endswith((".", "?", "!")) or len(who.split()) <= 8:
                return ("credit", who)
    if low.startswith(("warning", "note", "disclaimer", "comments", "comment policy")) and (
        "comment" in low
        and any(w in low for w in ("approv", "moderat", "policy", "guideline", "insult",
                                   "offensive", "publish", "abusive", "reserve the right"))
    ):
        return ("comment-policy", None)
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


# ------------------------------------------------------------------------ main entry


def clean(text: str) -> Cleaned:
    """Clean one raw article: find headline/standfirst/paragraphs, remove clutter with reasons."""
    cleaned = Cleaned()
    if not text or not text.strip():
        return cleaned
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    n = len(raw_lines)
    lines: list[str] = []
    for no, raw in enumerate(raw_lines, 1):
        t = _normalize_line(raw)
        if t:
            t = _strip_inline_credits(t, no, cleaned)
        lines.append(t)

    # Leading " date 2024-01-10 " marker on the first non-empty line.
    first = next((i for i in range(n) if lines[i]), None)
    if first is None:
        return cleaned
    m = _DATE_MARKER.match(lines[first])
    if m:
        cleaned.date_marker = _iso(m.group(1))
        cleaned.removed.append(Removed(m.group(0).strip(), "date-marker", first + 1))
        lines[first] = lines[first][m.end():].strip()

    # Clutter lines.
    removed_reason: list[str | None] = [None] * n
    published_phrase: str | None = None
    updated_phrase: str | None = None
    dateline_phrase: str | None = None
    # A bare date line is a dateline above the lead or next to other metadata lines;
    # further down it is story text (a timeline entry, say).
    seen_content = 0
    seen_prose = False
    pending_dates: list[int] = []
    prev_reason: str | None = None
    for i, t in enumerate(lines):
        if not t:
            continue
        c = _classify(t)
        if c is None and prev_reason == "byline" and cleaned.bylines and _is_outlet_line(t):
            # "By JANE DOE" then "Associated Press" on its own line: the byline's outlet
            cleaned.bylines[-1] += f", {t}"
            c = ("byline", None)
        prev_reason = c[0] if c is not None else None
        if c is not None and c[0] == "date-line" and seen_content > 1 and seen_prose:
            pending_dates.append(i)  # decided below, by its neighbours
            continue
        if c is None:
            seen_content += 1
            # a date line under the headline (and a kicker) is the header's date; after
            # a sentence of the story it is story text unless metadata lines flank it
            seen_prose = seen_prose or seen_content > 3 or len(t) > 200 or (
                len(t) > 60 and t.endswith("."))
            continue
        reason, payload = c
        removed_reason[i] = reason
        cleaned.removed.append(Removed(t, reason, i + 1))
        if reason == "byline" and payload:
            cleaned.bylines.append(payload)
            dm = _BYLINE_DATE_TAIL.search(t)
            if dm and dateline_phrase is None:
                dateline_phrase = dm.group("date").strip()
        elif reason == "published" and payload and published_phrase is None:
            published_phrase = payload
        elif reason == "date-line" and payload and dateline_phrase is None:
            dateline_phrase = payload
        elif reason == "last-update" and payload and updated_phrase is None:
            updated_phrase = payload
        elif reason == "credit" and payload:
            name = _credit_name(t, payload)
            if name and name not in cleaned.credits:
                cleaned.credits.append(name)
    for i in pending_dates:
        near = [j for j in (_prev_nonblank(lines, i), _next_nonblank(lines, i)) if j is not None]
        if any(removed_reason[j] in ("byline", "published", "last-update") for j in near):
            removed_reason[i] = "date-line"
            cleaned.removed.append(Removed(lines[i], "date-line", i + 1))
            dateline_phrase = dateline_phrase or lines[i]
    cleaned.date_phrase = published_phrase or dateline_phrase or updated_phrase

    def content(i: int) -> bool:
        return bool(lines[i]) and removed_reason[i] is None

    def next_nonblank(i: int) -> int | None:
        for j in range(i + 1, n):
            if lines[j]:
                return j
        return None

    consumed = [False] * n

    # Headline: the first content line, short, no final period, then a break or longer text.
    h = next((i for i in range(n) if content(i)), None)
    if h is not None and _looks_like_headline(lines[h]):
        nxt = h + 1 if h + 1 < n else None
        later = next_nonblank(h)
        ok = later is not None and (
            nxt is None
            or not lines[nxt]
            or removed_reason[nxt] is not None
            or (len(lines[nxt]) > len(lines[h]) and not _should_join(lines[h], lines[nxt], None))
        )
        if ok and any(content(j) for j in range(h + 1, n)):
            cleaned.headline = strip_wrapping_quotes(lines[h])
            consumed[h] = True
    if cleaned.headline:
        hkey = _key(cleaned.headline)
        # Standfirst: the next content line, alone, with structural evidence it is one.
        s = next((i for i in range(h + 1, n) if content(i)), None)
        if s is not None and (s + 1 >= n or not lines[s + 1] or removed_reason[s + 1]):
            st = lines[s]
            f = next_nonblank(s)
            evidence = f is not None and (
                removed_reason[f] in ("byline", "last-update", "published")
                or _key(lines[f]) == hkey
            )
            no_punct = not _ends_terminal(st) and len(st.split()) > 12
            if len(st) <= 400 and (evidence or no_punct) and any(
                content(j) and _key(lines[j]) != hkey for j in range(s + 1, n)
            ):
                cleaned.standfirst = st
                consumed[s] = True
        skey = _key(cleaned.standfirst) if cleaned.standfirst else None
        near = {len(cleaned.headline), len(cleaned.standfirst or "")}
        for i in range(h + 1, n):
            if (
                content(i)
                and not consumed[i]
                and any(abs(len(lines[i]) - m) <= 12 for m in near)
            ):
                k = _key(lines[i])
                reason = ("repeated-headline" if k == hkey
                          else "repeated-standfirst" if skey and k == skey else None)
                if reason:
                    removed_reason[i] = reason
                    cleaned.removed.append(Removed(lines[i], reason, i + 1))

    # Paragraphs: runs of content lines, broken by blank or removed lines.
    paras: list[_Para] = []
    group: list[tuple[int, str]] = []
    for i in range(n):
        if content(i) and not consumed[i]:
            group.append((i + 1, lines[i]))
        elif group:
            paras.extend(_join_group(group))
            group = []
    if group:
        paras.extend(_join_group(group))

    # Outlet lead-in or dateline at the start of the first body paragraph.
    if paras:
        kind, prefix, outlet, date = _leading_marker(paras[0].text)
        if kind == "lead-in":
            rest = paras[0].text[len(prefix):].strip()
            if rest:
                cleaned.lead_in = outlet
                cleaned.removed.append(Removed(prefix.strip(), "lead-in", paras[0].line))
                paras[0].text = rest
        elif kind == "dateline":
            cleaned.lead_in = outlet
            if date and not cleaned.date_phrase:
                cleaned.date_phrase = date

    # Blocks; a short standalone line between paragraphs is a subheading.
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
    cleaned.removed.sort(key=lambda r: r.line)
    return cleaned


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
