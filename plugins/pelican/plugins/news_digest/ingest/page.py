"""Write an ``ArticleData`` as a Pelican Markdown page, and read ours back.

Seed text is data, never markup: every piece of it that reaches the page body or
the metadata header is escaped so Python-Markdown shows it literally. Structured
fields travel in one JSON metadata line (``Digest``) that the plugin parses; the
human-facing fields (Title, Date, People...) stay plain so an editor can change
them by hand.
"""

from __future__ import annotations

import json
import re

from ..model import ArticleData

# Characters Python-Markdown gives a meaning to anywhere in a line, escaped with a
# backslash (all are in Markdown's escapable set).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
# Entities and raw HTML: `&` only where it would start an entity, `<` always.
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Block syntax that only means something at the start of a line.
_BLOCK_START = re.compile(
    r"^(?:"
    r"(?P<hash>#)"  # ATX heading
    r"|(?P<gt>>)"  # blockquote
    r"|(?P<bullet>[-+])(?=\s|$)"  # list item
    r"|(?P<num>\d+)(?P<dot>[.)])(?=\s|$)"  # ordered list
    r"|(?P<rule>[=\-~:|])"  # setext underline, fence, definition, table
    r")"
)
_WS = re.compile(r"\s+")
# Characters that are never story content and must not reach a page: control
# characters that are not whitespace (Python-Markdown silently deletes \x02/\x03,
# its own placeholder markers, and HTML forbids the rest), and the bidirectional
# embedding/override/isolate controls, which can make text display in an order
# other than the one stored ("Trojan Source" spoofing) and leak into the text
# around a title or name. Lone surrogates cannot be written as UTF-8 at all.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def plain_text(text: str) -> str:
    """The text as the page shows it: one line, single spaces, no invisible controls.

    Every string the writer puts on a page goes through this first, so tests (and
    editors) can predict exactly what a page displays for any seed text.
    """
    if text.isprintable() and "  " not in text:
        # no control, format, surrogate or separator character but the space: nothing
        # below would change (the common case, checked in C)
        return text.strip()
    text = _SURROGATE.sub("\ufffd", text)
    text = _INVISIBLE.sub("", text)
    return _WS.sub(" ", text).strip()


def escape_inline(text: str) -> str:
    """Escape text so Markdown renders it literally inside a block."""
    text = plain_text(text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_block(text: str) -> str:
    """Escape one paragraph: inline syntax plus syntax that starts a block."""
    text = escape_inline(text)
    m = _BLOCK_START.match(text)
    if not m:
        return text
    if m.group("hash") or m.group("gt") or m.group("bullet"):
        return "\\" + text
    if m.group("num") is not None:
        return f"{m.group('num')}\\{m.group('dot')}{text[m.end():]}"
    return f"&#{ord(text[0])};{text[1:]}"


def escape_meta(text: str) -> str:
    """A metadata value is one line of plain text (the theme escapes HTML)."""
    return plain_text(text)


def escape_list_item(text: str) -> str:
    """One name in a ``;``-separated list: a ``;`` inside it would split it in two."""
    return plain_text(text).replace(";", ",")


def _plain_json(value):
    """Digest values as plain text too (they are shown on the page and in feeds)."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, dict):
        return {k: _plain_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_json(v) for v in value]
    return value


def render_body(data: ArticleData) -> str:
    parts = []
    for block in data.blocks:
        if not plain_text(block.text):
            continue  # nothing to show (an empty "##" would still make a heading)
        if block.kind == "h2":
            # Trailing "#"s would close an ATX heading: escape every one.
            parts.append("## " + escape_inline(block.text).replace("#", "\\#"))
        else:
            parts.append(escape_block(block.text))
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def digest_metadata(data: ArticleData) -> dict:
    """The structured fields the plugin reads back from the ``Digest`` line."""
    d = data.to_json()
    for key in ("body_paragraphs", "headings", "warnings", "file", "slug", "title", "summary"):
        d.pop(key, None)
    return _plain_json(d)


def render_page(data: ArticleData, seed_sha: str) -> str:
    """The page text without its fingerprint line."""
    # Pelican skips an article without a title: fall back to the seed's name.
    title = escape_meta(data.title) or escape_meta(data.stem) or data.slug
    lines = [
        f"Title: {title}",
        f"Slug: {data.slug}",
    ]
    if data.date:
        lines.append(f"Date: {data.date.isoformat()}")
    if data.summary:
        # Summary is a Markdown-formatted field in Pelican: escape it like a block.
        lines.append(f"Summary: {escape_block(data.summary)}")
    if data.source:
        lines.append(f"Source: {escape_meta(data.source)}")
    lines.append("People: " + "; ".join(escape_list_item(p.name) for p in data.people))
    lines.append("Places: " + "; ".join(escape_list_item(p.name) for p in data.places))
    lines.append(
        "Organizations: " + "; ".join(escape_list_item(o.name) for o in data.organizations)
    )
    if data.trip:
        lines.append(f"Trip: {data.trip.number}")
    if data.trip_resolved:
        # The trip the site files the article under (Trip: is what the text states).
        lines.append(f"Trip-Resolved: {data.trip_resolved}")
    lines.append(f"Seed: {escape_meta(data.seed)}")
    lines.append(f"Seed-Sha256: {seed_sha}")
    # ensure_ascii keeps the line free of any character Markdown could reinterpret
    lines.append("Digest: " + json.dumps(digest_metadata(data), ensure_ascii=True,
                                         sort_keys=True).replace("<", "\\u003c"))
    return "\n".join(lines) + "\n\n" + render_body(data)


_META_LINE = re.compile(r"^([A-Za-z0-9_-]+):[ \t]*(.*)$")


def read_header(text: str) -> dict[str, str]:
    """Metadata of a page we wrote (lower-cased keys), up to the first blank line."""
    meta: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        m = _META_LINE.match(line)
        if m:
            meta[m.group(1).lower()] = m.group(2).strip()
    return meta


def split_list(value: str | None) -> list[str]:
    """``People: A; B`` -> ["A", "B"]."""
    if not value:
        return []
    return [v.strip() for v in value.split(";") if v.strip()]
