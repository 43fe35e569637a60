"""The offline search index: one ``search-index.js`` written at build time.

Why a script that assigns a global, and not a JSON file: browsers refuse
``fetch``/XHR of local files, and the digest must be searchable when
``output/index.html`` is opened from disk. A ``<script src>`` loads from
``file://`` and from any web server alike.

Why no prebuilt inverted index: the results need a snippet, so the plain text
of every body ships anyway; a token index would add to it. The browser
lower-cases the text once at load and scans it with ``indexOf`` per query,
which at 5,000 articles stays far below 100 ms and also matches word prefixes
("negotiat" finds "negotiations") without a stemmer.

Beside the articles the index holds the digest's people, trips and places (results of
their own, with the people file's aliases and the trips' alternative counts), and the
collection's vocabulary of long and hyphenated words, so the page can forgive one typo
("Netanyahou") and treat "cease fire", "cease-fire" and "ceasefire" alike without a
word list of its own.

Seed text is data: the JSON is written with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped as ``\\uXXXX``, so no ``</script>`` or ``<!--`` in a seed can
end or change the script, and the file is valid JavaScript in every engine.
"""

from __future__ import annotations

import io
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO

from bs4 import BeautifulSoup
from bs4.builder import HTMLParserTreeBuilder
from bs4.dammit import EntitySubstitution
from pelican.generators import Generator

from ..editorial.files import people_file
from ..ingest.cache import BuildMemo
from ..ingest.store import atomic_file
from .annotate import split_top_level
from .crosslinks import CONTEXT_KEY, DigestIndex
from .wording import provenance_label

logger = logging.getLogger(__name__)

INDEX_FILE = "search-index.js"
GLOBAL_NAME = "NEWS_DIGEST_INDEX"
FORMAT_VERSION = 1
# Field order of one record in ``docs``: a list, not an object, to keep the file small.
FIELDS = ("url", "title", "date", "datetime", "trip", "trip_url", "people", "places", "summary",
          "body", "source", "orgs")
# One record in ``entities``: a person, trip or place as a result of its own.
ENTITY_FIELDS = ("kind", "name", "url", "detail", "aliases", "links")
# Words the page may correct a one-letter typo to: this long or longer (shorter words
# have too many neighbours one letter away).
TYPO_MIN = 5
_WORD = re.compile(r"[0-9a-z\u00c0-\u024f\u0370-\u06ff]+(?:-[0-9a-z\u00c0-\u024f\u0370-\u06ff]+)*")
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u2010": "-", "\u2011": "-",
                       "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "de", "du"}

_SPACE = re.compile(r"\s+")
_JS_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
              "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JS_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


# Elements that separate words; inline ones (links to people, <em>) must not, or
# "<a>Netanyahu</a>'s" would be indexed as "Netanyahu 's".
_BLOCKS = ["address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl",
           "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
           "header", "hr", "li", "ol", "p", "pre", "section", "summary", "table", "td",
           "th", "tr", "ul"]


_BLOCK_SET = frozenset(_BLOCKS)
_VOID = frozenset(HTMLParserTreeBuilder().empty_element_tags)
# Markup whose text BeautifulSoup treats specially (raw-text elements, strings it leaves
# out of ``get_text``, declarations): such HTML takes the BeautifulSoup path.
_UNUSUAL = re.compile(r"<[!?]|<(?:script|style|template|rt|rp|textarea|title|plaintext|xmp"
                      r"|iframe|noembed|noframes|noscript)\b", re.IGNORECASE)


def _charref(name: str) -> str:
    from bs4.builder._htmlparser import BeautifulSoupHTMLParser

    dereferenced, _, extra = BeautifulSoupHTMLParser._dereference_numeric_character_reference(
        name)
    return (dereferenced or "") + (extra or "")


class _TextParser(HTMLParser):
    """``html_to_text`` without building a tree: the same tokenizer BeautifulSoup's
    ``html.parser`` builder uses, the same entity handling, and a space wherever a
    block element starts or is closed (as the tree's ``insert_before``/``insert_after``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[str] = []
        self.closed_void: list[str] = []

    def handle_starttag(self, tag: str, attrs, empty: bool = True) -> None:
        if tag in _BLOCK_SET:
            self.out.append(" ")
        self.open.append(tag)
        if empty and tag in _VOID:
            self.handle_endtag(tag, check_closed=False)
            self.closed_void.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs, empty=False)
        self.handle_endtag(tag, check_closed=False)

    def handle_endtag(self, tag: str, check_closed: bool = True) -> None:
        if check_closed and tag in self.closed_void:
            self.closed_void.remove(tag)
            return
        if tag not in self.open:
            return
        while True:
            name = self.open.pop()
            if name in _BLOCK_SET:
                self.out.append(" ")
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        char = EntitySubstitution.HTML_ENTITY_TO_CHARACTER.get(name)
        self.out.append(char if char is not None else f"&{name}")

    def handle_charref(self, name: str) -> None:
        self.out.append(_charref(name))

    def text(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self.out)


def html_to_text(html: str) -> str:
    """Visible text of rendered HTML, whitespace collapsed (what a reader can find)."""
    if not html:
        return ""
    if "&" not in html and split_top_level(html) is not None:
        # plain, balanced, well-nested markup without character references (most
        # article bodies): the text is what lies between the tags, and a block
        # element's start and end tags are spaces (what the parser below does)
        return _SPACE.sub(" ", _ANY_TAG.sub(_tag_space, html)).strip()
    if not _UNUSUAL.search(html):
        return _SPACE.sub(" ", _TextParser().text(html)).strip()
    return _html_to_text_bs4(html)


# Every tag of markup ``split_top_level`` accepted (its quoted values hold no ">").
_ANY_TAG = re.compile(r"</?([a-zA-Z][^\s/><\x00]*)[^>]*>")


def _tag_space(m: re.Match) -> str:
    return " " if m.group(1).lower() in _BLOCK_SET else ""


def _html_to_text_bs4(html: str) -> str:
    doc = BeautifulSoup(html, "html.parser")
    for tag in doc.find_all(_BLOCKS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    text = _SPACE.sub(" ", doc.get_text()).strip()
    doc.decompose()
    return text


def _label(value: Any) -> str:
    """A trip/person value as text, whether the cross-links stage made it an object or not."""
    if value is None or value == "":
        return ""
    for attr in ("label", "title", "name"):
        got = getattr(value, attr, None)
        if isinstance(got, str) and got:
            return got
    number = getattr(value, "number", None)
    if number is not None:
        return f"Trip {number}"
    text = str(value).strip()
    return f"Trip {text}" if text.isdigit() else text


def _names(values: Iterable[Any] | None) -> list[str]:
    return [n for n in (_label(v) for v in values or []) if n]


def _date(article: Any) -> tuple[str, str]:
    """(shown, ISO) date of an article: empty ISO when undated or only approximate. A date
    the text does not state says so, as on the site's lists ("(inferred)")."""
    span = getattr(article, "date_range", None)
    if span:
        fmt = "%-d %b %Y"
        return f"{span[0].strftime(fmt)}\u2013{span[1].strftime(fmt)} (approximate)", ""
    date = getattr(article, "date", None)
    if getattr(article, "undated", False) or date is None:
        return "", ""
    shown = getattr(article, "locale_date", str(date))
    label = provenance_label(getattr(article, "date_provenance", "") or "")
    return (f"{shown} ({label})" if label else shown), date.strftime("%Y-%m-%d")


def _trip(article: Any) -> tuple[str, str]:
    """(label, url) of the trip the article is filed under: the resolved one when the
    cross-links stage resolved it, else the ordinal the text states."""
    resolved = getattr(article, "digest_trip", None)
    if resolved is not None:
        number = getattr(resolved, "number", None)
        label = f"Trip {number}" if number is not None else _label(resolved)
        return label, str(getattr(resolved, "url", "") or "")
    return _label(getattr(article, "trip", None)), ""


def article_record(article: Any, text: Callable[[str], str] = html_to_text) -> list[Any]:
    """One article as a list in ``FIELDS`` order (all plain text, never markup).

    ``text`` turns HTML into its plain text (``html_to_text``, or a memoized one)."""
    shown, iso = _date(article)
    trip, trip_url = _trip(article)
    return [
        article.url,
        _SPACE.sub(" ", str(getattr(article, "title", ""))).strip(),
        shown,
        iso,
        trip,
        trip_url,
        _names(getattr(article, "people", None)),
        _names(getattr(article, "places", None)),
        text(getattr(article, "summary", "") or ""),
        text(getattr(article, "content", "") or ""),
        _SPACE.sub(" ", str(getattr(article, "source", "") or "")).strip(),
        [f"{name} {acronym(name)}".strip() for name in _names(getattr(article, "organizations",
                                                                      None))],
    ]


def acronym(name: str) -> str:
    """"International Court of Justice" -> "ICJ" ("" for a one-word or all-caps name, or
    one already abbreviated: "U.S. Congress")."""
    if "." in name:
        return ""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    initials = [w[0] for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    if len(initials) < 2 or name.isupper():
        return ""
    return "".join(initials).upper()


def fold(text: str) -> str:
    """What the page's ``fold`` does: lower case, no accents, plain quotes and hyphens."""
    text = text.translate(_FOLD)
    if text.isascii():  # most of an English collection: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _record_words(record: list[Any]) -> set[str]:
    """The folded words of every text field of one record (its URL aside)."""
    words: set[str] = set()
    for value in record[1:]:
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str) and text:
                words.update(_WORD.findall(fold(text)))
    return words


def _vocabulary(words: set[str]) -> dict[str, list[str]]:
    """The words the page may correct a typo to (``TYPO_MIN`` letters or more, the parts
    of compounds included) and the hyphenated compounds, each sorted."""
    parts = {part for w in words for part in w.split("-")}
    return {"words": sorted(w for w in parts if len(w) >= TYPO_MIN),
            "compounds": sorted(w for w in words if "-" in w)}


def vocabulary(records: Iterable[list[Any]]) -> dict[str, list[str]]:
    """``_vocabulary`` of every text field of ``records``."""
    words: set[str] = set()
    for record in records:
        words |= _record_words(record)
    return _vocabulary(words)


def entities(index: DigestIndex, registry=None) -> list[list[Any]]:
    """People, trips and places as results: ``ENTITY_FIELDS`` in order."""
    out: list[list[Any]] = []
    for p in index.people:
        n = len(p.articles)
        entry = registry.get(p.name) if registry is not None else None
        detail = "; ".join(x for x in (p.role, f"{n} article{'s' if n != 1 else ''}") if x)
        out.append(["person", p.name, p.url, detail, list(entry.aliases) if entry else [], []])
    for t in index.trips:
        n = len(t.articles)
        detail = ", ".join(x for x in (t.range_text, ", ".join(t.places),
                                       f"{n} article{'s' if n != 1 else ''}") if x)
        out.append(["trip", t.heading, t.url, detail, [*t.aliases, *t.places], []])
    places: dict[str, list] = {}
    for a in index.chronological:
        for place in dict.fromkeys(getattr(a, "places", []) or []):
            places.setdefault(place, []).append(a)
    for place, arts in sorted(places.items(), key=lambda x: (-len(x[1]), x[0])):
        trips = list(dict.fromkeys(a.digest_trip for a in arts
                                   if getattr(a, "digest_trip", None) is not None))
        n = len(arts)
        out.append(["place", place, "", f"named in {n} article{'s' if n != 1 else ''}", [],
                    [[f"Trip {t.number}", t.url] for t in trips[:5] if t.url]])
    return out


def to_js(records: list[list[Any]], extra: Mapping[str, Any] | None = None) -> str:
    """The index as a script assigning ``window.NEWS_DIGEST_INDEX`` (safe for any text)."""
    out = io.StringIO()
    write_js(out, records, extra)
    return out.getvalue()


def _js_json(value: Any) -> str:
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JS_UNSAFE_RE.sub(lambda m: _JS_UNSAFE[m.group()], data)


def write_js(out: TextIO, records: Iterable[list[Any]],
             extra: Mapping[str, Any] | None = None,
             after: Callable[[], Mapping[str, Any]] | None = None) -> None:
    """Write ``to_js``'s script to ``out`` one record at a time.

    The same text as one ``json.dumps`` of the whole payload (compact JSON is the
    concatenation of its parts), without holding the whole index (17 MB at 5,000
    articles) in memory, nor its copies while it is encoded and escaped. ``after``
    gives more keys once the records are written (what was learnt from them)."""
    if extra and not extra.keys().isdisjoint(("version", "fields", "docs")):
        payload = {"version": FORMAT_VERSION, "fields": list(FIELDS), "docs": list(records)}
        payload.update(extra)
        payload.update(after() if after else {})
        out.write(f"window.{GLOBAL_NAME}={_js_json(payload)};\n")
        return
    out.write(f"window.{GLOBAL_NAME}={{")
    out.write(f'"version":{_js_json(FORMAT_VERSION)},"fields":{_js_json(list(FIELDS))},"docs":[')
    for i, record in enumerate(records):
        if i:
            out.write(",")
        out.write(_js_json(record))
    out.write("]")
    for key, value in {**(extra or {}), **(after() if after else {})}.items():
        out.write(f",{_js_json(key)}:{_js_json(value)}")
    out.write("};\n")


def _records(articles: Iterable[Any], memo: BuildMemo | None = None) -> Iterator[list[Any]]:
    """One record per article (newest first, as the home page lists them).

    With ``memo``, an article whose HTML is unchanged since the last build reuses its
    plain text (keyed by a hash of the HTML) instead of parsing it again."""
    if memo is None:
        for a in articles:
            yield article_record(a)
        return

    def text(html: str) -> str:
        return memo(lambda: html_to_text(html), html) if html else ""

    for a in articles:
        yield article_record(a, text)


class SearchIndexGenerator(Generator):
    """Writes ``search-index.js`` after every other generator has built its context,
    so the bodies are the final, annotated article HTML."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        articles = list(self.context.get("articles", []))
        target = Path(self.output_path) / INDEX_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        memo = BuildMemo.load(self.settings, "search-text")
        digest = self.context.get(CONTEXT_KEY) or DigestIndex()
        extra = {"entities": entities(digest, people_file(self.settings))}
        records = _Collected(_records(articles, memo))
        # a temporary name of its own: two builds into one output/ must not share one
        with atomic_file(target, durable=False) as raw:
            fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            write_js(fh, records, extra, after=records.vocabulary)
            fh.flush()
            size = raw.tell()  # not len(text.encode()): a second copy of the index
            fh.detach()
        memo.save()
        logger.info("news-digest: search index of %d articles, %d bytes", len(articles), size)


class _Collected:
    """The records as they are written, gathering their vocabulary (not their text)."""

    def __init__(self, records: Iterable[list[Any]]) -> None:
        self._records = records
        self._words: set[str] = set()

    def __iter__(self) -> Iterator[list[Any]]:
        for record in self._records:
            self._words |= _record_words(record)
            yield record

    def vocabulary(self) -> dict[str, Any]:
        return {"vocab": _vocabulary(self._words)}

