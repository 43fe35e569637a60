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

from .model import ArticleData

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


def escape_inline(text: str) -> str:
    """Escape text so Markdown renders it literally inside a block."""
    text = _WS.sub(" ", text).strip()
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
    return _WS.sub(" ", text).strip()


def render_body(data: ArticleData) -> str:
    parts = []
    for block in data.blocks:
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
    return d


def render_page(data: ArticleData, seed_sha: str) -> str:
    """The page text without its fingerprint line."""
    lines = [
        f"Title: {escape_meta(data.title)}",
        f"Slug: {data.slug}",
    ]
    if data.date:
        lines.append(f"Date: {data.date.isoformat()}")
    if data.summary:
        # Summary is a Markdown-formatted field in Pelican: escape it like a block.
        lines.append(f"Summary: {escape_block(data.summary)}")
    if data.source:
        lines.append(f"Source: {escape_meta(data.source)}")
    lines.append("People: " + "; ".join(escape_meta(p.name) for p in data.people))
    lines.append("Places: " + "; ".join(escape_meta(p.name) for p in data.places))
    lines.append(
        "Organizations: " + "; ".join(escape_meta(o.name) for o in data.organizations)
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
