"""Quotes: direct quotations and who said them.

A reader must never see a quote given to someone who did not say it, so a quote
gets a speaker only when the text makes the speaker explicit, through the speech
verb and its subject:

* named in the same sentence: ``"...," Name said``, ``"...," said Name, the
  minister``, ``Name said: "..."``, ``Name, a lawyer, told reporters that "..."``,
  ``according to Name, ... "..."``;
* ``he/she said``: the last person named as the subject of a sentence before
  (gender checked where the text gives it by an honorific);
* ``the judge said``: the person the text introduced with that word before;
* a quote that is a sentence of its own continues the quote (or the statement)
  of the sentence or paragraph before.

A statement reported as a statement (``the ministry said in a statement that the
minister "..."``) belongs to the subject of ``said`` -- the body -- never to the
person it mentions; the speaker is then the body's name and the provenance says it
is an organization's statement. An unnamed source (``a senior official said``)
stays unnamed (speaker None). Every quote says in plain words how its speaker was
found. Quotes of one or two words are scare quotes, not quotations.

Each paragraph is split into sentences once, outside quotation marks; every rule
looks at a bounded window, so the work is linear in the article length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import TEXT, Cleaned, Entity, Person, Provenance, Quote
from .lexicon import (
    GEO_PREFIXES,
    HONORIFICS,
    NATIONALITIES,
    ORG_WORDS,
    PARTICLES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    STOP,
    add_name_tails,
    norm_key,
    normalize,
)

_QUOTE_RE = re.compile(r'"([^"\n]{1,2000})"')
_MIN_WORDS = 3
# Forms of the speech verbs that attribute a quote, besides lexicon.SPEECH_VERBS.
_EXTRA_VERBS = frozenset("""
say tell saying adding telling described describes calling called calls
ruled declaring
""".split())
_VERBS = SPEECH_VERBS | _EXTRA_VERBS
_PARTICIPLES = frozenset("saying adding telling declaring calling".split())
_VERB_RE = re.compile(r"\b(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")\b")
_ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
# Words between a subject and its verb: '"...," Name also said', 'X has described'.
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|then|later|has|had|have|again|previously|repeatedly|once|earlier|"
    r"on\s+\w+|last\s+\w+|this\s+\w+|in\s+a\s+statement))+\s*$")
_UC = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_WORD = rf"!?[{_UC}][\w'\u2019.\-]*"
_JOIN = r"(?:of|and|for|" + "|".join(sorted(PARTICLES)) + r")"
_RUN_RE = re.compile(rf"{_WORD}(?:\s+(?:{_JOIN}\s+)*{_WORD})*")
_PAREN_RE = re.compile(r"\s*\([^()]{0,60}\)")
_ABBREV = frozenset("jr sr no st mt vs etc cllr co corp inc ltd".split()) | HONORIFICS
_BOUNDARY_RE = re.compile(rf'[.!?]"?\s+(?=["{_UC}])')
_LOOKBACK = 6  # sentences a pronoun or "the judge" looks back over

# Nouns that head the name of a body that issues statements.
_BODY_NOUNS = ORG_WORDS | frozenset("""
administration presidency secretariat mansion unit ministry firm government regulator
company statement communique military board cooperative co-operative
""".split()) - frozenset(("talks", "war", "plan", "summit", "strip", "square", "street"))
# Nouns for a person the text does not name ("a senior official", "the source").
_UNNAMED = frozenset("""
official officials source sources lawmaker diplomat aide officer insider person member
resident residents witness witnesses analyst analysts people man woman
""".split())
# "the judge said" may refer back to a person the text called a justice.
_ROLE_SYNONYMS = {"judge": ("judge", "justice", "magistrate"), "justice": ("justice", "judge")}
_INDEFINITE = frozenset("a an one another two three several some many".split())
_CONJUNCTIONS = frozenset(
    "and but while as because when after before which who that although though if so or".split())
# Longest name form looked up in an article's person table (longer runs are not one name).
_NAME_SPAN = 8
_GENDER = {"he": "m", "she": "f", "mr": "m", "mrs": "f", "ms": "f", "miss": "f",
           "sir": "m", "dame": "f", "lady": "f", "lord": "m"}
_GENDER_RE = re.compile(
    rf"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+({_WORD}(?:\s+{_WORD}){{0,{_NAME_SPAN - 1}}})")
_NOT_NAME = STOP | HONORIFICS | ROLE_HEADS | ROLE_MODIFIERS | NATIONALITIES | GEO_PREFIXES \
    | _BODY_NOUNS | frozenset("river island islands lake sea valley province region city".split())


@dataclass(frozen=True, slots=True)
class Who:
    """A subject found for a speech verb: a person, a body, a pronoun or nobody named."""

    kind: str  # "person", "body", "pronoun", "unnamed", "role"
    name: str = ""  # the speaker's name; the pronoun; the role word


@dataclass(slots=True)
class _Sentence:
    text: str  # the sentence with quotation contents masked
    para: int
    speaker: str | None = None  # the speaker of its last quote, when it has one
    by_person: bool = False  # that speaker is a person (not a body)
    statement: str | None = None  # a body whose statement the sentence reports


class _Article:
    """What the rules need to know about the article: people, bodies, places, sentences."""

    def __init__(self, people: list[Person], organizations: list[Entity],
                 places: list[Entity]) -> None:
        self.people = _person_table(people)
        self.orgs = _org_table(organizations)
        self.places = {norm_key(p.name) for p in places}
        self.gender: dict[str, str] = {}
        self.sentences: list[_Sentence] = []

    def person(self, words: list[str], known_only: bool = False) -> str | None:
        """The person a run of capitalized words names, resolved or as written.

        Only spans of at most ``_NAME_SPAN`` words are looked up: a run can be any
        length (adversarial text), and every span of it would cost cubic time."""
        keep = [w for w in words if norm_key(w) not in HONORIFICS]
        for i in range(len(keep)):
            for j in range(min(len(keep), i + _NAME_SPAN), i, -1):
                got = self.people.get(norm_key(" ".join(keep[i:j])))
                if got:
                    return got
        if known_only:
            return None
        while words and norm_key(words[0]) in _NOT_NAME:
            words = words[1:]
        if not 2 <= len(words) <= 5 or norm_key(" ".join(words)) in self.places:
            return None
        if any(norm_key(w) in _NOT_NAME - SPEECH_VERBS for w in words if w not in PARTICLES):
            return None
        return " ".join(words)

    def body(self, words: list[str]) -> str | None:
        """The organization a run names: canonical when the article lists it."""
        while words and words[0] in ("The", "the"):
            words = words[1:]
        key = norm_key(" ".join(words))
        if key in self.orgs:
            return self.orgs[key]
        if words and norm_key(words[-1]) in _BODY_NOUNS | {"mansion"}:
            return " ".join(words)
        if any(norm_key(w) in ORG_WORDS for w in words):
            return " ".join(words)
        return None


def _person_table(people: list[Person]) -> dict[str, str]:
    """Name forms -> canonical name: full name, its tails, and any word or span of it
    that names exactly one person of the article ("Razali" in "Mohd Razali bin Hamzah")."""
    spans: dict[str, set[str]] = {}
    for p in people:
        parts = [w for w in norm_key(p.name).split() if w not in HONORIFICS]
        for i in range(len(parts)):
            for j in range(i + 1, len(parts) + 1):
                if j - i == 1 and parts[i] in PARTICLES:
                    continue
                spans.setdefault(" ".join(parts[i:j]), set()).add(p.name)
    table = {k: next(iter(v)) for k, v in spans.items() if len(v) == 1}
    return add_name_tails(table, [p.name for p in people])


def _org_table(organizations: list[Entity]) -> dict[str, str]:
    """Organization forms -> canonical name: the name, its first words, its initials."""
    table: dict[str, str] = {}
    for o in organizations:
        words = o.name.split()
        for k in range(2, len(words)):
            table.setdefault(norm_key(" ".join(words[:k])), o.name)
        initials = "".join(w[0] for w in words if w[:1].isupper())
        if len(initials) >= 2:
            table.setdefault(initials.lower(), o.name)
    for o in organizations:
        table[norm_key(o.name)] = o.name
    return table


def find_quotes(cleaned: Cleaned, people: list[Person],
                organizations: list[Entity] = (), places: list[Entity] = ()) -> list[Quote]:
    """Direct quotations in body order, each with its speaker (or None) and how it was found."""
    art = _Article(people, list(organizations), list(places))
    art.gender = _genders(cleaned, art)
    out: list[Quote] = []
    carry: str | None = None  # speaker of a quote left open at the end of a paragraph
    for index, block in enumerate(cleaned.blocks):
        if block.kind != "p":
            art.sentences.append(_Sentence("", index))  # a heading breaks every chain
            carry = None
            continue
        carry = _paragraph(normalize(block.text), index, art, out, carry)
    return out


def _genders(cleaned: Cleaned, art: _Article) -> dict[str, str]:
    """Person -> "m"/"f" where an honorific says so ("Mr. Hachipuka")."""
    found: dict[str, str] = {}
    for m in _GENDER_RE.finditer(normalize(cleaned.text)):
        name = art.person(m.group(2).split())
        if name:
            found.setdefault(name, _GENDER[m.group(1).lower()])
    return found


def _paragraph(text: str, index: int, art: _Article, out: list[Quote],
               carry: str | None) -> str | None:
    """Quotes of one paragraph; returns the speaker of a quote it leaves open."""
    open_quote = text.count('"') % 2 == 1
    if open_quote:
        text += '"'  # a quotation that runs on into the next paragraph
    spans = list(_QUOTE_RE.finditer(text))
    masked = _mask(text, spans)
    first = len(art.sentences)
    bounds = _sentence_bounds(masked)
    for start, end in zip(bounds, bounds[1:], strict=False):
        art.sentences.append(_Sentence(masked[start:end], index))
    speaker = None
    for m in spans:
        body = m.group(1).strip().rstrip(",").strip()
        if len(body.split()) < _MIN_WORDS:
            continue
        k = first + _sentence_of(bounds, m.start())
        sent_start = bounds[k - first]
        if m.start() == 0 and carry is not None and not art.sentences[k].speaker:
            speaker, how = carry, "continues the quote of the paragraph before"
        else:
            speaker, how = _attribute(art, k, m.start() - sent_start, m.end() - sent_start, body)
        if speaker:
            art.sentences[k].speaker = speaker
            art.sentences[k].by_person = "organization" not in how
        out.append(Quote(text=body, speaker=speaker, provenance=Provenance(TEXT, how)))
    return speaker if open_quote else None


def _mask(text: str, spans: list[re.Match]) -> str:
    """The paragraph with quotation contents replaced (their last character kept)."""
    parts, pos = [], 0
    for m in spans:
        inner = m.group(1)
        parts += [text[pos:m.start()], '"', "x" * (len(inner) - 1), inner[-1], '"']
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


def _sentence_bounds(masked: str) -> list[int]:
    """Start offsets of the sentences of a paragraph, and its length at the end."""
    bounds = [0]
    for m in _BOUNDARY_RE.finditer(masked):
        word = masked[max(0, m.start() - 12):m.start()].split()
        last = word[-1] if word else ""
        if masked[m.start()] == "." and (norm_key(last) in _ABBREV or len(last) == 1
                                         or "." in last):
            continue
        bounds.append(m.end())
    bounds.append(len(masked))
    return bounds


def _sentence_of(bounds: list[int], pos: int) -> int:
    """The sentence holding offset ``pos`` (a binary search: a paragraph may hold
    thousands of sentences and quotes)."""
    return max(0, min(bisect.bisect_right(bounds, pos) - 1, len(bounds) - 2))


def _attribute(art: _Article, k: int, qs: int, qe: int, body: str) -> tuple[str | None, str]:
    """Speaker of the quote at [qs, qe) of sentence k, and how it was found."""
    sent = art.sentences[k].text
    who, where = None, "named in the same sentence"
    if sent[qe - 2] in ",?!-'" or sent[qe:].lstrip().startswith((",", "according")):
        who = _after_quote(art, sent[qe:])
    if who is None:
        who = _before_quote(art, sent[:qs])
    if who is None:
        if sent[:qs].strip(' ,"') or sent[qe:].strip(' .,"'):
            return None, "no speaker named in the sentence"
        return _continued(art, k, body)
    return _resolve(art, who, k, where)


def _after_quote(art: _Article, after: str) -> Who | None:
    """'"...," Name said', '"...," said Name, the minister', '"...," according to Name'."""
    after = after.split('"', 1)[0]
    m = _ACCORDING_RE.match(after.lstrip(" ,"))
    if m:
        return _classify(art, _np_until_comma(after.lstrip(" ,")[m.end():]))
    v = _VERB_RE.search(after[:90])
    if not v or not re.fullmatch(r"[\s,]*(?:[^\s,]+\s+){0,7}?", after[:v.start()] + " "):
        return None
    np = _TRAILING_ADVERB.sub("", after[:v.start()].strip(" ,"))
    if np:
        return _classify(art, np)
    return _classify(art, _np_until_comma(after[v.end():]))


def _before_quote(art: _Article, before: str) -> Who | None:
    """'Name said (in a statement) that ... "...', 'According to Name, ... "...'."""
    verbs = list(_VERB_RE.finditer(before))
    acc = list(_ACCORDING_RE.finditer(before))
    if acc and (not verbs or acc[-1].start() > verbs[-1].start()):
        return _classify(art, _np_until_comma(before[acc[-1].end():]))
    if not verbs:
        return None
    first = _subject(art, _TRAILING_ADVERB.sub("", before[:verbs[0].start()].rstrip()))
    if len(verbs) > 1 and first is not None and first.kind == "body":
        return first  # 'the ministry said in a statement that X had told Y that "..."'
    v = verbs[-1]
    pre = _TRAILING_ADVERB.sub("", before[:v.start()].rstrip())
    if v.group() in _PARTICIPLES or re.search(r"\b(?:and|but)$", pre):
        return _lead_subject(art, before)  # 'X welcomed it, saying "..."'
    if not pre.strip(' ,"'):
        return _classify(art, _np_until_comma(before[v.end():]))
    return _subject(art, pre)


def _np_until_comma(text: str) -> str:
    return re.split(r"[,;:.\"]|\s+(?:said|says|told|who|which)\b", text.strip(), maxsplit=1)[0]


def _subject(art: _Article, pre: str) -> Who | None:
    """The subject right before a speech verb; skips an appositive ('Name, a lawyer, said')."""
    pre = _PAREN_RE.sub("", pre).rstrip()
    if not pre.endswith(","):
        return _classify(art, pre.rsplit(",", 1)[-1])
    segments = [s for s in pre.rstrip(",").split(",")[-4:] if s.strip()]
    heads = [s for s in reversed(segments) if s.strip()[:1].isupper()]
    for seg in heads[:2]:
        who = _classify(art, seg)
        if who is not None and who.kind == "person":
            return who
    return _classify(art, heads[0]) if heads else None


def _lead_subject(art: _Article, sentence: str) -> Who | None:
    """The subject that opens a sentence, after a leading phrase ('Back home, Name ...')."""
    s = sentence.lstrip(' "x')
    m = _RUN_RE.match(s)
    if m:
        who = _classify(art, m.group())
        if who is not None:
            return who
    pronoun = re.match(r"(He|She)\b", s)
    if pronoun:
        return Who("pronoun", pronoun.group(1).lower())
    comma = s.find(",", 0, 90)
    if comma > 0:
        m = _RUN_RE.match(s[comma + 1:].lstrip())
        if m:
            return _classify(art, m.group())
    return None


def _classify(art: _Article, np: str) -> Who | None:
    """What a noun phrase in subject position is: a pronoun, nobody named, a body, a person."""
    np = _PAREN_RE.sub("", np).strip(" ,.;:\"'")
    words = np.split()
    if not words:
        return None
    low = [norm_key(w) for w in words]
    if low == ["he"] or low == ["she"]:
        return Who("pronoun", low[0])
    if low[0] in _INDEFINITE:
        return Who("unnamed")
    if low[0] in _CONJUNCTIONS:
        return None
    head = words[-1]
    if head[:1].islower():
        return _common_noun(art, words, low)
    runs = [r.split() for r in _RUN_RE.findall(np) if art.body(r.split()) is None]
    known = [n for r in runs if (n := art.person(r, known_only=True))]
    written = [n for r in runs if (n := art.person(r))]
    if known or written:
        return Who("person", (known or written)[0])
    for run in _RUN_RE.findall(np):
        body = art.body(run.split())
        if body:
            return Who("body", body)
    return None


def _common_noun(art: _Article, words: list[str], low: list[str]) -> Who | None:
    """'the Argentine foreign ministry', 'the ministry', 'the judge', 'the official'."""
    head = low[-1][:-2] if low[-1].endswith("'s") else low[-1]
    det = low[0] in ("the", "its", "their", "his", "her")
    named = [w for w in words[det:] if w[:1].isupper()]
    if head in _BODY_NOUNS:
        if named:
            return Who("body", " ".join(words[det:]))
        return Who("role", head)
    if head in _UNNAMED and head.endswith("s"):
        return Who("unnamed")
    if head in _UNNAMED or head in ROLE_HEADS:
        return Who("role", head)
    return None


def _resolve(art: _Article, who: Who, k: int, where: str) -> tuple[str | None, str]:
    """Turn a subject into a speaker name, with the words that say how."""
    if who.kind == "person":
        return who.name, where
    if who.kind == "body":
        art.sentences[k].statement = who.name
        return who.name, f"{where}: a statement of an organization"
    if who.kind == "unnamed":
        return None, "an unnamed source: the text names no speaker"
    if who.kind == "pronoun":
        name = _last_subject(art, k, _GENDER[who.name])
        how = f"{who.name} said: the last person named before"
        return (name, how) if name else (None, f"{who.name} said: no person named before")
    return _role_back(art, k, who.name)


def _last_subject(art: _Article, k: int, gender: str) -> str | None:
    """The person named as subject in the nearest sentence before k (gender permitting)."""
    for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
        sent = art.sentences[j].text
        if not sent:
            return None  # a heading
        if art.sentences[j].speaker and art.sentences[j].by_person:
            who = Who("person", art.sentences[j].speaker)
        else:
            who = _sentence_subject(art, sent)
        if who is None or who.kind in ("pronoun", "body"):
            continue
        if who.kind == "role":
            who = Who("person", _role_back(art, j, who.name)[0] or "")
        if not who.name:
            return None  # 'a senior official said ...' -- he is that official
        if art.gender.get(who.name, gender) == gender:
            return who.name
    return None


def _sentence_subject(art: _Article, sent: str) -> Who | None:
    """Who a sentence is about: the subject of its speech verb, its source ('According
    to Name, ...'), else the name or pronoun that opens it."""
    acc = _ACCORDING_RE.match(sent.lstrip(' "'))
    if acc:
        return _classify(art, _np_until_comma(sent.lstrip(' "')[acc.end():]))
    verbs = list(_VERB_RE.finditer(sent))
    for v in verbs[:1]:
        pre = _TRAILING_ADVERB.sub("", sent[:v.start()].rstrip())
        if pre.strip(' ,"x'):
            who = _subject(art, pre) if not re.search(r"\b(?:and|but)$", pre) else None
            if who is not None:
                return who
        else:
            return _classify(art, _np_until_comma(sent[v.end():]))
    return _lead_subject(art, sent)


def _role_back(art: _Article, k: int, noun: str) -> tuple[str | None, str]:
    """'the judge said': the person the text introduced with that word; 'the ministry
    said', 'the statement said': the body named before; an unnamed official stays unnamed."""
    how = f"the {noun} said"
    if noun in _BODY_NOUNS:
        name = _body_back(art, k, noun)
        if name:
            return name, f"{how}: a statement of an organization named before"
        return None, f"{how}: no organization named before"
    words = _ROLE_SYNONYMS.get(noun, (noun,))
    rx = re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
    for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
        hits = list(rx.finditer(art.sentences[j].text))
        if hits:
            return _introduced(art, art.sentences[j].text, hits[-1], how)
    return None, f"{how}: no one named with that word"


def _body_back(art: _Article, k: int, noun: str) -> str | None:
    """The nearest body before sentence k whose statement was reported or whose name
    holds the noun ('the ministry' -> 'Ministry of Health')."""
    for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
        sent = art.sentences[j]
        if sent.statement and (noun == "statement" or noun in norm_key(sent.statement)):
            return sent.statement
        if noun == "statement":
            continue
        for run in reversed(_RUN_RE.findall(sent.text)):
            body = art.body(run.split())
            if body and noun in norm_key(body).split():
                return body
    return None


def _introduced(art: _Article, text: str, hit: re.Match, how: str) -> tuple[str | None, str]:
    """The name next to a role word ('Justice Name', 'Name, the judge'), or None."""
    before = text[max(0, hit.start() - 40):hit.start()].split()[-3:]
    if any(norm_key(w) in _INDEFINITE for w in before):
        return None, f"{how}: an unnamed source"
    m = _RUN_RE.match(text[hit.end():].lstrip(" ,"))
    if m:
        name = art.person(m.group().split())
        if name:
            return name, f"{how}: the person named with that word before"
    return None, f"{how}: no one named with that word"


def _continued(art: _Article, k: int, body: str) -> tuple[str | None, str]:
    """A quote that is a sentence of its own continues the one before it."""
    if k == 0 or not art.sentences[k - 1].text:
        return None, "no speaker named"
    prev = art.sentences[k - 1]
    name = prev.speaker
    if name is None:
        who = _sentence_subject(art, prev.text) if _VERB_RE.search(prev.text) else None
        name = who.name if who is not None and who.kind in ("person", "body") else None
    if name is None:
        return None, "no speaker named"
    if _about(name, body, art):
        return _statement_before(art, k)
    return name, "named in the sentence before (the quote continues)"


def _about(name: str, body: str, art: _Article) -> bool:
    """The quote names its candidate speaker in the third person at its start
    ('The Secretary emphasized ...' after a quote by the Secretary)."""
    lead = norm_key(" ".join(body.split()[:3]))
    words = set(norm_key(name).split())
    first = lead.split()[:2]
    return bool(words & set(lead.split())) or (
        len(first) == 2 and first[0] == "the" and first[1] in ROLE_HEADS)


def _statement_before(art: _Article, k: int) -> tuple[str | None, str]:
    """The body whose statement the paragraphs just before report, if any."""
    para = art.sentences[k].para
    for j in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
        s = art.sentences[j]
        if para - s.para > 3:
            break
        if s.statement:
            return s.statement, "continues the statement of an organization named before"
    return None, "no speaker named: the quote speaks of the person before in the third person"
