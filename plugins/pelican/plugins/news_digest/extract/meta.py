"""Title, date, source and summary of one cleaned article, each with its provenance.

Only what the seed states is taken as ``text``; a title or summary derived from
the lead is ``inferred`` (and says so). Dates and sources are never guessed:
a date comes from the date marker, a ``Published:``-style line or a dated
dateline; a source from an outlet lead-in, a byline or a dateline's
``(Outlet)``. Mentions in the body ("told Reuters") are deliberately ignored.
"""

from __future__ import annotations

import datetime
import logging
import re

from ..model import INFERRED, NONE, TEXT, ArticleData, Cleaned, Provenance
from .dateline import is_place_name, split_dateline
from .lexicon import OUTLET_WORDS, strip_wrapping_quotes

log = logging.getLogger(__name__)

__all__ = [
    "extract_meta",
    "outlet_from_byline",
    "parse_date",
    "split_sentences",
    "summary_from_lead",
    "title_from_lead",
]

TITLE_MAX = 80
SUMMARY_MAX = 300

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RX = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# "2025-04-03", also glued to a time: "2025-04-03T10:15:00+02:00"
_ISO_RX = re.compile(r"\b(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)")
# "25/03/2025", "04.03.2025", "03-14-2025": day and month order told by a number > 12,
# else by the separator (dots are day-first) or a time zone in the same phrase.
_NUM_DMY_RX = re.compile(r"\b(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})\b")
_DAY_FIRST_ZONES = re.compile(
    r"\b(?:IST|BST|CET|CEST|EET|EEST|WET|WEST|WAT|CAT|EAT|SAST|MSK|PKT|WIB|WITA|AEST|AEDT|"
    r"NZST|NZDT|GST|AST|TRT|ICT|KST|JST|HKT|SGT|MYT|PHT|ART|BRT|CLT|CLST|COT|PET|UYT|"
    r"PYT|BOT|ECT|VET)\b")
_MONTH_FIRST_ZONES = re.compile(r"\b(?:ET|EST|EDT|PT|PST|PDT|MT|MST|MDT|AKST|HST)\b")
_MDY_RX = re.compile(
    r"\b" + _MONTH_RX + r"\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})\b", re.I
)
_DMY_RX = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH_RX + r"\.?,? (?P<y>\d{4})\b", re.I
)

_ABBREV = frozenset(
    "mr mrs ms dr prof gen lt col capt sgt maj gov sen rep rev st mt ft jr sr inc ltd co "
    "corp vs etc no jan feb mar apr jun jul aug sep sept oct nov dec".split(" ")
)
_SENT_END = re.compile(r"[.!?](?:[\"')\]]*)(?=\s+[\"'(\[]?[A-Z0-9])")

# A clause boundary after which a headline-style title can stop.
_CONJ_CUTS = (
    " as ", " after ", " while ", " amid ", " following ", " because ", " but ",
    " which ", " when ", " where ", " despite ", " though ", " although ", " since ",
    " before ", " ahead of ", " according to ", " saying ", " said ",
)
_PREP_CUTS = (" with ", " in ", " on ", " at ", " for ", " over ", " during ", " to ",
              " from ", " about ", " against ")
_INTRO_WORDS = frozenset(
    "with as after while amid despite following before although though since when in on "
    "at during under according speaking because if once even ahead hours days weeks "
    "earlier later meanwhile nonetheless however also standing".split(" ")
)
_TRAILING_JUNK = frozenset(
    "a an the of to in on at by for from with and or but as that which who its his her "
    "their this these those is are was were be been has have had will would".split(" ")
)
# Role words: a capitalised run "US Secretary of State Antony Blinken" is shortened
# to the surname in an inferred title, as a newsroom would.
_ROLE_WORDS = frozenset(
    "secretary minister president prime director leader speaker senator sen. rep. "
    "representative chancellor king queen prince princess ambassador envoy spokesman "
    "spokeswoman spokesperson general gen. chief governor gov. mayor chairman chairwoman "
    "chair ceo commander premier pope sheikh emir judge adviser advisor officer head "
    "negotiator foreign defense defence finance state".split(" ")
)
_RUN_CONNECTORS = frozenset(("of", "for", "the"))
_STAFF_SUFFIX = re.compile(
    r"\s+(?:staff(?: writers?| reporters?)?|news desk|desk|team|reporters?|editors?|"
    r"correspondents?|writers?|newsroom|bureau)$",
    re.I,
)
# A wire service's tag before a headline: "(LEAD) ...", "(2nd LD) ...", "(URGENT) ...".
_WIRE_TAG = re.compile(r"^\((?:[A-Z0-9][A-Za-z0-9 ]{1,20})\) (?=[A-Z\"'])")
_STAFF_ONLY = re.compile(
    r"^(?:staff|our|from our|special)\s+(?:reporter|writer|correspondent)s?$", re.I)
# "Sahel Observer - Headline": an outlet name (ending in an outlet word) before a dash.
_OUTLET_PREFIX = re.compile(
    r"^(?P<o>(?:The )?[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,3}) [-\u2013\u2014|] (?=\S)")
_GENERIC_OUTLETS = frozenset(
    ("agencies", "agency", "staff", "newsroom", "news desk", "web desk", "editorial",
     "admin", "editor", "editors", "wires", "news agencies")
)
_OUTLET_CUES = OUTLET_WORDS  # data/outlet_words.txt


# ------------------------------------------------------------------------ dates


def parse_date(phrase: str | None,
               hint: tuple[int, int] | None = None) -> datetime.date | None:
    """First full date (with a year) in a phrase.

    ISO and other year-first forms (``2025-03-04``, ``2025.04.22``), ``March 3rd, 2024``,
    ``Tuesday 4 March 2024`` and numeric day/month forms (``25/03/2025``) when the order
    is unambiguous: a number above 12, a dotted date (day first), a time zone that
    tells the locale (``IST`` day first, ``ET`` month first) or a ``hint`` (month, day)
    from the article's own dateline (``KUALA LUMPUR, Aug 7 (Bernama)``) that fits one
    order only. Ambiguous ones give None.
    """
    if not phrase:
        return None
    text = phrase[:300]
    best: tuple[int, datetime.date] | None = None
    for rx in (_ISO_RX, _MDY_RX, _DMY_RX, _NUM_DMY_RX):
        m = rx.search(text)
        if not m:
            continue
        try:
            y = int(m.group("y"))
            if rx is _NUM_DMY_RX:
                d, mo = _day_month(int(m.group("a")), int(m.group("b")), m.group("s"), text,
                                   hint)
            else:
                d = int(m.group("d"))
                mon = m.groupdict().get("mon")
                mo = _MONTHS[mon[:3].lower()] if mon else int(m.group("m"))
            value = datetime.date(y, mo, d)
        except (ValueError, KeyError, TypeError):
            continue
        if not 1900 <= y <= 2100:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), value)
    return best[1] if best else None


def _day_month(a: int, b: int, sep: str, text: str,
               hint: tuple[int, int] | None = None) -> tuple[int, int]:
    """(day, month) of a numeric ``a/b/yyyy`` date; raises ValueError when ambiguous."""
    if a > 12 >= b:
        return a, b
    if b > 12 >= a:
        return b, a
    if a == b:
        return a, b
    if a > 12 or b > 12:
        raise ValueError("not a date")
    if sep == "." or _DAY_FIRST_ZONES.search(text):
        return a, b
    if _MONTH_FIRST_ZONES.search(text):
        return b, a
    if hint == (b, a):
        return a, b
    if hint == (a, b):
        return b, a
    raise ValueError("ambiguous day/month order")


# A dateline's day without a year: "KUALA LUMPUR, Aug 7 (Bernama)", "RABAT, 20 Dec (APS)"
_DATELINE_MD = re.compile(r"\b" + _MONTH_RX + r"\.? (?P<d>\d{1,2})\b", re.I)
_DATELINE_DM = re.compile(r"\b(?P<d>\d{1,2}) " + _MONTH_RX + r"\b", re.I)


def _dateline_day(dateline: str) -> tuple[int, int] | None:
    """(month, day) a dateline states, or None."""
    m = _DATELINE_MD.search(dateline) or _DATELINE_DM.search(dateline)
    if not m or not 1 <= int(m.group("d")) <= 31:
        return None
    return _MONTHS[m.group("mon")[:3].lower()], int(m.group("d"))


# ------------------------------------------------------------------------ sentences


def split_sentences(text: str, limit: int = 4000) -> list[str]:
    """Sentences of the first ``limit`` chars; not split after U.S., Mr., initials."""
    text = text[:limit]
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        i = m.start()
        if text[i] == ".":
            k = i
            while k > 0 and text[k - 1].isalpha():
                k -= 1
            run = text[k:i]
            if len(run) <= 1 or run.lower() in _ABBREV or (k > 0 and text[k - 1] == "."):
                continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


# ------------------------------------------------------------------------ title


def _compress_roles(text: str) -> str:
    """'visiting US Secretary of State Antony Blinken met' -> 'visiting Blinken met'."""
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not tokens[i][:1].isupper():
            out.append(tokens[i])
            i += 1
            continue
        j = i
        while j < n and (
            tokens[j][:1].isupper()
            or (tokens[j] in _RUN_CONNECTORS and j + 1 < n and tokens[j + 1][:1].isupper())
        ):
            j += 1
            if not tokens[j - 1][-1:].isalnum():  # punctuation ends the run
                break
        run = tokens[i:j]
        role_at = max(
            (k for k, t in enumerate(run) if t.lower().strip(",.;:'\"") in _ROLE_WORDS),
            default=-1,
        )
        name = run[role_at + 1:] if role_at >= 0 else []
        if role_at >= 0 and 2 <= len(name) <= 4 and all(
            t[:1].isupper() and t.lower().strip(",.;:'\"") not in _ROLE_WORDS for t in name
        ):
            out.append(name[-1])
        else:
            out.extend(run)
        i = j
    return " ".join(out)


def _trim(text: str) -> str:
    """No trailing punctuation or dangling function words; balanced double quotes."""
    words = text.split()
    while words:
        w = words[-1].strip(",;:.!?-\u2013\u2014")
        if not w or w.lower() in _TRAILING_JUNK:
            words.pop()
            continue
        break
    out = " ".join(words).rstrip(",;:.!?-\u2013\u2014 ")
    if out.count('"') % 2:
        out = out.replace('"', "")
    return out


def _cut(text: str, cuts: tuple[str, ...], limit: int, min_len: int = 0) -> str | None:
    """Longest prefix ending before one of ``cuts`` that fits ``limit`` and has >= 4 words."""
    best = None
    for c in cuts:
        pos = text.find(c)
        while pos != -1 and pos <= limit:
            prefix = text[:pos]
            if (
                len(prefix.split()) >= 4
                and pos >= min_len
                and (best is None or pos > len(best))
            ):
                best = prefix
            pos = text.find(c, pos + 1)
    return best


def title_from_lead(lead: str, limit: int = TITLE_MAX) -> str:
    """A short headline-style clause from the lead sentence (never mid-word)."""
    _, lead, _ = split_dateline(lead)
    sentences = split_sentences(lead, 2000)
    if not sentences:
        return ""
    s = sentences[0].rstrip(".!?")
    s = _compress_roles(s)
    # Main clause: skip an introductory clause ("With X ..., leaders met ..."),
    # otherwise stop at the first clause boundary.
    m = re.search(r", | \u2014 | \u2013 | - |; |: ", s)
    if m:
        first_word = s.split(" ", 1)[0].lower().strip(",")
        head, tail = s[: m.start()], s[m.end():]
        if first_word in _INTRO_WORDS and len(tail.split()) >= 4:
            t2 = re.search(r", | \u2014 | \u2013 | - |; |: ", tail)
            s = tail[: t2.start()] if t2 and len(tail[: t2.start()].split()) >= 4 else tail
        elif len(head.split()) >= 4:
            s = head
    if len(s) > limit:
        # A conjunction ends a clause; a preposition only ends a long enough one.
        s = _cut(s, _CONJ_CUTS, limit) or _cut(s, _PREP_CUTS, limit, limit // 2) or s
    if len(s) > limit:
        cut = s[: limit + 1]
        s = cut[: cut.rfind(" ")] if " " in cut else s[:limit]
    s = _trim(s)
    return s[:1].upper() + s[1:]


# ------------------------------------------------------------------------ summary


def summary_from_lead(lead: str, limit: int = SUMMARY_MAX) -> str:
    """Whole lead sentences up to ``limit`` chars; a too-long first one is cut with '…'."""
    _, lead, _ = split_dateline(lead)
    sentences = split_sentences(lead, max(limit * 4, 2000))
    if not sentences:
        return ""
    if len(sentences[0]) > limit:
        cut = sentences[0][: limit]
        cut = cut[: cut.rfind(" ")] if " " in cut else cut
        return cut.rstrip(",;: ") + "\u2026"
    out = sentences[0]
    for s in sentences[1:]:
        if len(out) + 1 + len(s) > limit:
            break
        out += " " + s
    return out


# ------------------------------------------------------------------------ source


def outlet_from_byline(byline: str) -> str | None:
    """'World Israel News Staff' -> 'World Israel News'; 'Jane Doe, Reuters' -> 'Reuters'.

    A byline naming only people ('Jane Doe', 'JANE DOE and JOHN ROE') gives None.
    """
    b = byline.strip()
    segments = [s.strip() for s in re.split(r",|\||/| [-\u2013\u2014] | for ", b) if s.strip()]
    if not segments:
        return None
    if len(segments) == 2 and _STAFF_ONLY.match(segments[0]):
        return segments[1]  # "Staff Reporter | Nation Africa"
    candidates = segments[1:][::-1] if len(segments) > 1 else segments
    for seg in candidates:
        outlet = _as_outlet(seg, alone=len(segments) == 1)
        if outlet:
            return outlet
    return None


def _as_outlet(seg: str, alone: bool) -> str | None:
    if seg.endswith(" bureau"):
        words = seg.split()
        for k in (2, 3):  # "Outlet Cairo bureau", "Outlet New Delhi bureau"
            if len(words) > k and is_place_name(" ".join(words[-k:-1])):
                seg = " ".join(words[:-k] + ["bureau"])
                break
    stripped = _STAFF_SUFFIX.sub("", seg).strip()
    if not stripped or stripped.lower() in _GENERIC_OUTLETS:
        return None
    if re.search(r"\band\b|&", stripped) and stripped == seg:
        return None  # "JANE DOE and JOHN ROE"
    words = stripped.split()
    if stripped != seg:
        # "<Outlet> Staff"; but "Harare Bureau" names a place, not an outlet
        return None if is_place_name(stripped) else stripped
    if words[0].lower() == "the" or any(w.lower() in _OUTLET_CUES for w in words):
        return stripped
    if len(words) == 1:
        w = words[0]
        if w.isupper() and 2 <= len(w) <= 6:
            return w  # AP, AFP
        if not alone and w[:1].isupper() and not is_place_name(w):
            return w  # "Jane Doe, Reuters"
        if alone and w[:1].isupper() and not is_place_name(w):
            return w  # "By Reuters"
    return None


# ------------------------------------------------------------------------ entry


# "Drina Online | Region", "LAPIN SANOMAT – ENGLISH EDITION": the outlet comes first
_MASTHEAD_SEP = re.compile(r"\s[|\u2013\u2014\u203a\u00b7>/-]\s")


def extract_meta(cleaned: Cleaned, data: ArticleData) -> None:
    """Fill title, date, source and summary (and their provenance) on ``data``."""
    lead = cleaned.paragraphs[0] if cleaned.paragraphs else ""

    outlet_prefix = None
    if cleaned.headline:
        m = _OUTLET_PREFIX.match(cleaned.headline)
        if m and any(w.lower() in _OUTLET_CUES for w in m.group("o").split()[-1:]):
            outlet_prefix = m.group("o")
        data.title = strip_wrapping_quotes(_WIRE_TAG.sub(
            "", cleaned.headline[m.end():] if outlet_prefix else cleaned.headline))
        data.title_provenance = Provenance(TEXT, "headline")
    elif lead:
        data.title = title_from_lead(lead)
        data.title_provenance = Provenance(INFERRED, "from the lead sentence")
    else:
        data.title = ""
        data.title_provenance = Provenance(NONE)

    data.date, data.date_provenance = None, Provenance(NONE)
    dateline = split_dateline(lead[:200])[0] if lead else ""
    hint = _dateline_day(dateline) if dateline else None
    for phrase, label in ((cleaned.date_marker, "date"), (cleaned.date_phrase, "")):
        value = parse_date(phrase, hint)
        if value:
            data.date = value
            detail = f"{label} {phrase}".strip()
            data.date_provenance = Provenance(TEXT, detail)
            break

    data.source, data.source_provenance = None, Provenance(NONE)
    if cleaned.lead_in:
        data.source = cleaned.lead_in
        data.source_provenance = Provenance(TEXT, f"lead-in: {cleaned.lead_in}")
    else:
        for byline in cleaned.bylines:
            outlet = outlet_from_byline(byline)
            if outlet:
                data.source = outlet
                data.source_provenance = Provenance(TEXT, f"byline: By {byline}")
                break
    if data.source is None and outlet_prefix:
        data.source = outlet_prefix
        data.source_provenance = Provenance(TEXT, f"headline prefix: {outlet_prefix}")
    if data.source is None and cleaned.masthead:
        data.source = _MASTHEAD_SEP.split(cleaned.masthead, 1)[0].strip()
        data.source_provenance = Provenance(TEXT, f"masthead: {cleaned.masthead}")

    if cleaned.standfirst:
        data.summary = cleaned.standfirst
        data.summary_provenance = Provenance(TEXT, "standfirst")
    elif lead:
        data.summary = summary_from_lead(lead)
        data.summary_provenance = Provenance(INFERRED, "from the lead sentence(s)")
    else:
        data.summary = ""
        data.summary_provenance = Provenance(NONE)
