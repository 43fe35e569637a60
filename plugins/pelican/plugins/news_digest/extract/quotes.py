"""Quotes: direct quotations and who said them.

A quotation is a span in double quotes (curly or straight) of at least three
words; one- and two-word scare quotes are not quotes. The speaker comes from
the attribution next to it (``..., Gallant said``, ``said Gallant``,
``responded Blinken``, ``... told Reuters``, ``according to Miller``,
``Herzog said: "...``), else from the only person named in the same
paragraph before the quote, else, for a paragraph that is nothing but a
quotation, from the previous paragraph's quotation (a continued quote).
"""

from __future__ import annotations

import re

from ..model import Cleaned, Person, Quote
from .lexicon import SPEECH_VERBS, normalize
from .people import make_resolver

_QUOTE_RE = re.compile(r'"([^"\n]{1,2000})"')
_MIN_WORDS = 3
_PART = r"(?:[A-Z][\w'\-]*|al|el|bin|ibn|de|van|von|der|da)"
_NAME = r"(" + _PART + r"(?:\s+" + _PART + r"){0,4})"
_VERBS = "|".join(sorted(SPEECH_VERBS))
# after the closing quote
_AFTER_NAME_VERB = re.compile(
    r"^[\s,]*" + _NAME + r"\s+(?:also\s+|then\s+|later\s+)?(?:" + _VERBS + r")\b")
_AFTER_VERB_NAME = re.compile(r"^[\s,]*(?:" + _VERBS + r")\s+" + _NAME)
_AFTER_ACCORDING = re.compile(r"^[\s,]*according\s+to\s+(?:the\s+)?(?:[\w\-]+\s+){0,4}?" + _NAME)
_AFTER_PRONOUN = re.compile(r"^[\s,]*(?:he|she)\s+(?:" + _VERBS + r")\b|^[\s,]*(?:" + _VERBS
                            + r")\s+(?:he|she)\b")
# before the opening quote: 'Herzog said: "', 'said Herzog, "'
_BEFORE_NAME_VERB = re.compile(_NAME + r"\s+(?:" + _VERBS + r")(?:\s+\w+){0,3}\s*[:,]?\s*$")


def find_quotes(cleaned: Cleaned, people: list[Person]) -> list[Quote]:
    """Direct quotations in body order with canonical speakers (or None)."""
    resolve = make_resolver(people)
    out: list[Quote] = []
    prev_speaker: str | None = None
    prev_was_quote_end = False
    for block in cleaned.blocks:
        if block.kind != "p":
            prev_speaker, prev_was_quote_end = None, False
            continue
        text = normalize(block.text)
        last_speaker = None
        ended_with_quote = False
        for m in _QUOTE_RE.finditer(text):
            body = m.group(1).strip().rstrip(",").strip()
            if len(body.split()) < _MIN_WORDS:
                continue
            after = text[m.end():m.end() + 120]
            before = text[max(0, m.start() - 120):m.start()]
            speaker = _speaker_after(after, resolve)
            if speaker is None and _AFTER_PRONOUN.match(after):
                speaker = last_speaker or prev_speaker
            if speaker is None:
                b = _BEFORE_NAME_VERB.search(before)
                if b:
                    speaker = _resolve_name(b.group(1), resolve)
            if speaker is None and m.start() == 0 and prev_was_quote_end and not after.strip():
                speaker = prev_speaker  # continued quotation paragraph
            if speaker is None and m.start() > 0:
                speaker = _only_person(before, resolve)
            out.append(Quote(text=body, speaker=speaker))
            last_speaker = speaker or last_speaker
            ended_with_quote = True
        prev_speaker = last_speaker
        prev_was_quote_end = ended_with_quote and last_speaker is not None
    return out


def _resolve_name(name: str, resolve) -> str | None:
    words = name.split()
    # "Sami Abu Zuhri", "Gallant", or "Israeli Foreign Minister Katz": try suffixes
    for k in range(len(words)):
        got = resolve(" ".join(words[k:]))
        if got:
            return got
    return None


def _speaker_after(after: str, resolve) -> str | None:
    for rx in (_AFTER_NAME_VERB, _AFTER_VERB_NAME, _AFTER_ACCORDING):
        m = rx.match(after)
        if m:
            got = _resolve_name(m.group(1), resolve)
            if got:
                return got
    return None


_CAP_RUN = re.compile(r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,4}")


def _only_person(before: str, resolve) -> str | None:
    """The single person named earlier in the paragraph, if exactly one."""
    found = {got for m in _CAP_RUN.finditer(before) if (got := _resolve_name(m.group(), resolve))}
    return found.pop() if len(found) == 1 else None
