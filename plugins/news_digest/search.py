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

Seed text is data: the JSON is written with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped as ``\\uXXXX``, so no ``</script>`` or ``<!--`` in a seed can
end or change the script, and the file is valid JavaScript in every engine.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from pelican.generators import Generator

logger = logging.getLogger(__name__)

INDEX_FILE = "search-index.js"
GLOBAL_NAME = "NEWS_DIGEST_INDEX"
FORMAT_VERSION = 1
# Field order of one record in ``docs``: a list, not an object, to keep the file small.
FIELDS = ("url", "title", "date", "datetime", "trip", "people", "places", "summary", "body")

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


def html_to_text(html: str) -> str:
    """Visible text of rendered HTML, whitespace collapsed (what a reader can find)."""
    if not html:
        return ""
    doc = BeautifulSoup(html, "html.parser")
    for tag in doc.find_all(_BLOCKS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    return _SPACE.sub(" ", doc.get_text()).strip()


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


def article_record(article: Any) -> list[Any]:
    """One article as a list in ``FIELDS`` order (all plain text, never markup)."""
    undated = bool(getattr(article, "undated", False))
    date = getattr(article, "date", None)
    return [
        article.url,
        _SPACE.sub(" ", str(getattr(article, "title", ""))).strip(),
        "" if undated or date is None else getattr(article, "locale_date", str(date)),
        "" if undated or date is None else date.strftime("%Y-%m-%d"),
        _label(getattr(article, "trip", None)),
        _names(getattr(article, "people", None)),
        _names(getattr(article, "places", None)),
        html_to_text(getattr(article, "summary", "") or ""),
        html_to_text(getattr(article, "content", "") or ""),
    ]


def to_js(records: list[list[Any]], extra: Mapping[str, Any] | None = None) -> str:
    """The index as a script assigning ``window.NEWS_DIGEST_INDEX`` (safe for any text)."""
    payload = {"version": FORMAT_VERSION, "fields": list(FIELDS), "docs": records}
    if extra:
        payload.update(extra)
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    data = _JS_UNSAFE_RE.sub(lambda m: _JS_UNSAFE[m.group()], data)
    return f"window.{GLOBAL_NAME}={data};\n"


def build_index(articles: Iterable[Any]) -> str:
    """The whole index for ``articles`` (newest first, as the home page lists them)."""
    return to_js([article_record(a) for a in articles])


class SearchIndexGenerator(Generator):
    """Writes ``search-index.js`` after every other generator has built its context,
    so the bodies are the final, annotated article HTML."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        articles = list(self.context.get("articles", []))
        target = Path(self.output_path) / INDEX_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        text = build_index(articles)
        tmp = target.with_suffix(".js.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        logger.info("news-digest: search index of %d articles, %d bytes",
                    len(articles), len(text.encode("utf-8")))


def get_generators(pelican) -> type[Generator]:
    """Handler for ``get_generators``: adds the search index generator."""
    return SearchIndexGenerator
