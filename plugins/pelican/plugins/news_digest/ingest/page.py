"""Write an ``ArticleData`` as a Pelican Markdown page, and read ours back.

Why: the page is the record of the article. Its header holds every fact the site
shows, once each, in plain ``Key: value`` lines an editor can read and change (lists
continue on indented lines, one ``- item`` each); the site is built from it, and a
build whose seed and extractor are unchanged reads the article back from it instead
of extracting again. The ``Generated`` line records a short hash of every field as
ingest wrote it, so a field that no longer matches was edited by hand.

Seed text is data, never markup: every piece of it that reaches the page body or
the metadata header is escaped so Python-Markdown shows it literally.
"""

from __future__ import annotations

import datetime
import hashlib
import pickle
import re
import textwrap
from dataclasses import dataclass, field

from ..model import (
    NONE,
    ArticleData,
    Block,
    Entity,
    Person,
    Provenance,
    Quote,
    Removed,
    TripMention,
)

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




# --- unescaping (reading a page back) ----------------------------------------------------

_UNESCAPE_SPECIAL = re.compile(r"\\([\\`*_\[\]{}])")
_AMP_ENTITY = re.compile(r"&amp;(?=#?[A-Za-z0-9]+;)")
_BLOCK_ESCAPED = re.compile(r"^(?:\\([#>+-])|(\d+)\\([.)])|&#(\d+);)")


def unescape_inline(text: str) -> str:
    """The text ``escape_inline`` was given (after ``plain_text``)."""
    text = _UNESCAPE_SPECIAL.sub(r"\1", text)
    return _AMP_ENTITY.sub("&", text.replace("&lt;", "<"))


def unescape_block(text: str) -> str:
    """The text ``escape_block`` was given (after ``plain_text``)."""
    m = _BLOCK_ESCAPED.match(text)
    if m:
        if m.group(1):
            text = text[1:]
        elif m.group(2):
            text = m.group(2) + m.group(3) + text[m.end():]
        else:
            text = chr(int(m.group(4))) + text[m.end():]
    return unescape_inline(text)


def body_blocks(body: str) -> list[Block]:
    """The paragraphs and ``##`` headings of a page body, as plain text."""
    blocks = []
    for part in re.split(r"\n\s*\n", body.strip()):
        part = " ".join(part.split())
        if part.startswith("## "):
            blocks.append(Block("h2", unescape_inline(part[3:].replace("\\#", "#"))))
        elif part:
            blocks.append(Block("p", unescape_block(part)))
    return blocks


# --- the header ----------------------------------------------------------------------------

WRAP = 100  # characters of a value per header line (lists continue on indented lines)
INDENT = "    "  # Python-Markdown's meta extension: 4+ spaces continue the value above
GENERATED_KEY = "Generated"
BODY = "body"  # the name the Generated line gives the page body
EXTRACTOR_KEY = "Extractor"
# Legacy pages (before the page became the record) carry these two lines.
LEGACY_DIGEST_KEY = "digest"
LEGACY_FINGERPRINT_KEY = "fingerprint"

_TRIP_STATED = re.compile(r"^(?P<number>\d+) \((?P<basis>[a-z]+)\): (?P<phrase>.*)$")
_PERSON = re.compile(r"^(?P<name>[^()\[\]]*?)\s*(?:\((?P<roles>[^()]*)\))?"
                     r"\s*(?:\[page (?P<slug>[a-z0-9-]+)\])?$")
_REMOVED = re.compile(r"^line (?P<line>\d+), (?P<reason>[\w-]+): (?P<text>.*)$")
_PROVENANCE = re.compile(r"^(?P<field>[^:]+): (?P<kind>[a-z]+)(?: — (?P<detail>.*))?$")
UNATTRIBUTED = "(unattributed)"
PERSON_SUFFIX = " (person)"
_DATE_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$")


_NAME_SEPARATORS = re.compile(r"[()\[\]:]")


def escape_name(text: str) -> str:
    """A person's name, a role or a place in a list line: no character that separates
    list parts (``;``), roles (``( )``), a page address (``[ ]``) or a speaker (``: ``)."""
    return " ".join(_NAME_SEPARATORS.sub("", plain_text(text).replace(";", ",")).split())


# Whitespace textwrap replaces: a short value without it, and not ending in whitespace
# (which textwrap drops), is its own one line.
_WRAP_WHITESPACE = re.compile("[\t\n\x0b\x0c\r]")


def _wrap(value: str) -> list[str]:
    """One value over lines of at most ``WRAP`` characters; joined with spaces it is whole."""
    if 0 < len(value) <= WRAP and not value[-1].isspace() \
            and not _WRAP_WHITESPACE.search(value):
        return [value]  # what textwrap gives, without its cost (most values are short)
    return textwrap.wrap(value, WRAP, break_long_words=False, break_on_hyphens=False) or [""]


def _scalar(key: str, value: str, wrap: bool = False) -> list[str]:
    lines = _wrap(value) if wrap else [value]
    return [f"{key}: {lines[0]}"] + [INDENT + x for x in lines[1:]]


def _items(key: str, items: list[str]) -> list[str]:
    """``Key:`` then one ``- item`` per indented line (an item may wrap onto more lines)."""
    out = [f"{key}:"]
    for item in items:
        chunks = _wrap(item)
        merged = [chunks[0]]
        for c in chunks[1:]:  # a continuation must not read as a new item
            if c.startswith("- ") or c == "-":
                merged[-1] += " " + c
            else:
                merged.append(c)
        out.append(f"{INDENT}- {merged[0]}")
        out += [f"{INDENT}  {c}" for c in merged[1:]]
    return out


def _names(entities: list[Entity]) -> str:
    return "; ".join(n for n in (escape_name(e.name) for e in entities) if n)


def _person_item(p: Person, slug: str = "") -> str:
    roles = [escape_name(r) for r in p.roles if escape_name(r)]
    text = escape_name(p.name) + (f" ({'; '.join(roles)})" if roles else "")
    return text + (f" [page {slug}]" if slug else "")


def _provenance_items(data: ArticleData) -> list[str]:
    out = []
    for label, prov in (("Title", data.title_provenance), ("Date", data.date_provenance),
                        ("Source", data.source_provenance),
                        ("Summary", data.summary_provenance),
                        ("Trip", data.trip_provenance)):
        out.append(_provenance_item(label, prov))
    for p in data.people:
        if p.provenance.kind not in ("text", NONE):
            out.append(_provenance_item(escape_name(p.name) + PERSON_SUFFIX, p.provenance))
    return out


def _provenance_item(label: str, prov: Provenance) -> str:
    detail = plain_text(prov.detail)
    return f"{label}: {prov.kind}" + (f" — {detail}" if detail else "")


def render_header(data: ArticleData, seed_sha: str, extractor: str,
                  person_slugs: dict[str, str] | None = None) -> list[str]:
    """The header lines, without the ``Generated`` line."""
    # Pelican skips an article without a title: fall back to the seed's name.
    title = escape_meta(data.title) or escape_meta(data.stem) or data.slug
    lines = [f"Title: {title}", f"Slug: {data.slug}"]
    if data.date:
        lines.append(f"Date: {data.date.isoformat()}")
    elif data.date_range:
        lines.append(f"Date-Range: {data.date_range[0]} to {data.date_range[1]}")
    source = escape_meta(data.source or "")
    if source:
        lines.append(f"Source: {source}")
    # Summary is a Markdown-formatted field in Pelican: escape it like a block.
    summary = escape_block(data.summary)
    if summary:
        lines.append(f"Summary: {summary}")
    slugs = person_slugs or {}
    lines += _items("People", [_person_item(p, slugs.get(escape_name(p.name), ""))
                               for p in data.people if escape_name(p.name)])
    lines += _scalar("Places", _names(data.places), True)
    lines += _scalar("Organizations", _names(data.organizations), True)
    if data.trip_resolved:
        lines.append(f"Trip: {data.trip_resolved}")
    if data.trip:
        lines.append(f"Trip-Stated: {data.trip.number} ({data.trip.basis}): "
                     f"{escape_meta(data.trip.phrase)}")
    if escape_meta(data.discrepancy):
        lines += _scalar("Discrepancy", escape_meta(data.discrepancy), True)
    quotes = [f"{escape_name(q.speaker or '') or UNATTRIBUTED}: {plain_text(q.text)}"
              for q in data.quotes if plain_text(q.text)]
    if quotes:
        lines += _items("Quotes", quotes)
    if escape_meta(data.note):
        lines += _scalar("Note", escape_meta(data.note), True)
    removed = [f"line {r.line}, {escape_name(r.reason).replace(' ', '-')}: {plain_text(r.text)}"
               for r in data.removed if plain_text(r.text)]
    if removed:
        lines += _items("Removed", removed)
    lines += _items("Provenance", _provenance_items(data))
    lines.append(f"Seed: {escape_meta(data.seed)}")
    lines.append(f"Seed-Sha256: {seed_sha}")
    lines.append(f"{EXTRACTOR_KEY}: {extractor}")
    return lines


def page_stamp(data: ArticleData, seed_sha: str, extractor: str = "",
               person_slugs: dict[str, str] | None = None) -> str:
    """A hash of everything ``render_page`` renders a page from: equal stamps mean equal
    inputs, so the same page. (Pickled, which is fast; equal data may pickle to other
    bytes in another process — then the page is only rendered and compared again.)"""
    slugs = person_slugs or {}
    used = [slugs.get(escape_name(p.name), "") for p in data.people]
    blob = pickle.dumps((data, seed_sha, extractor, used), protocol=5)
    return hashlib.sha256(blob).hexdigest()


def render_page(data: ArticleData, seed_sha: str, extractor: str = "",
                person_slugs: dict[str, str] | None = None,
                generated: str | None = None) -> str:
    """The whole page. ``generated``: the page whose fields the ``Generated`` line
    records (default: this one); ``news-digest migrate`` passes the regenerated page
    so the editor's carried-over changes read as edits."""
    body = data.page_body or render_body(data)
    head = "\n".join(render_header(data, seed_sha, extractor, person_slugs))
    page = parse_page(f"{head}\n\n{body}")
    base = page if generated is None else parse_page(generated)
    stamp = ", ".join(f"{k} {h}" for k, h in field_hashes(base).items())
    return "\n".join([head, *_scalar(GENERATED_KEY, stamp, True)]) + "\n\n" + body


# --- reading a page ------------------------------------------------------------------------

# What Python-Markdown's meta extension reads (Pelican's Markdown reader uses it).
_META_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_META_MORE = re.compile(r"^[ ]{4,}(.*)$")


@dataclass
class Page:
    """A page split the way Pelican reads it: header fields (lower-case keys, each a
    list of stripped lines) and the body."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    body: str = ""

    def get(self, key: str) -> str:
        """A one-line field, or the lines of a wrapped one joined with spaces."""
        return " ".join(x for x in self.fields.get(key, []) if x).strip()


def parse_page(text: str) -> Page:
    page = Page()
    lines = text.split("\n")
    key = None
    i = 0
    for i, line in enumerate(lines):  # noqa: B007 (i is the body's start)
        if not line.strip():
            i += 1
            break
        m = _META_LINE.match(line)
        more = _META_MORE.match(line) if m is None else None
        if m:
            key = m.group(1).lower()
            page.fields.setdefault(key, []).append(m.group(2).strip())
        elif more and key:
            page.fields[key].append(more.group(1).strip())
        else:
            break  # like Python-Markdown: this line starts the body
    else:
        i = len(lines)
    page.body = "\n".join(lines[i:])
    return page


def read_header(text: str) -> dict[str, str]:
    """The one-line metadata of a page (lower-cased keys)."""
    page = parse_page(text)
    return {k: page.get(k) for k in page.fields}


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def field_hashes(page: Page) -> dict[str, str]:
    """A short hash of every field as written (the Generated line itself excluded)."""
    out = {k: _short_hash("\n".join(v)) for k, v in page.fields.items()
           if k != GENERATED_KEY.lower()}
    out[BODY] = _short_hash(page.body.strip())
    return out


def generated_hashes(page: Page) -> dict[str, str] | None:
    """What the ``Generated`` line records, or None when the page has none."""
    if GENERATED_KEY.lower() not in page.fields:
        return None
    out = {}
    for part in page.get(GENERATED_KEY.lower()).split(","):
        name, _, value = part.strip().partition(" ")
        if name:
            out[name] = value.strip()
    return out


def edited_fields(page: Page) -> set[str] | None:
    """The fields changed by hand since ingest wrote the page (``body`` for the body);
    None when the page has no Generated line (hand-written, or an old-format page)."""
    recorded = generated_hashes(page)
    if recorded is None:
        return None
    now = field_hashes(page)
    return {k for k in now.keys() | recorded.keys() if now.get(k) != recorded.get(k)}


def split_list(value) -> list[str]:
    """``Places: A; B`` (or its wrapped lines) -> ["A", "B"]."""
    if not value:
        return []
    if not isinstance(value, str):
        value = " ".join(value)
    return [v.strip() for v in value.split(";") if v.strip()]


def list_items(lines) -> list[str]:
    """The ``- item`` lines of a list field; an item's wrapped lines are joined back."""
    if isinstance(lines, str):
        lines = [lines]
    items: list[str] = []
    for line in lines or []:
        line = line.strip()
        if not line:
            continue
        if line.startswith("- ") or line == "-":
            items.append(line[2:].strip())
        elif items:
            items[-1] += " " + line
        else:
            items.append(line)
    return [x for x in items if x]


def parse_person(item: str) -> tuple[str, list[str], str]:
    """``Name (role; role) [page slug]`` -> (name, roles, slug)."""
    m = _PERSON.match(item)
    if not m:
        return plain_text(item), [], ""
    roles = [r.strip() for r in (m.group("roles") or "").split(";") if r.strip()]
    return m.group("name").strip(), roles, m.group("slug") or ""


def parse_quote(item: str) -> tuple[str | None, str]:
    """``Speaker: text`` -> (speaker or None, text)."""
    speaker, sep, text = item.partition(": ")
    if not sep:
        return None, item
    return (None if speaker == UNATTRIBUTED else speaker.strip()), text.strip()


def parse_removed(item: str) -> Removed:
    m = _REMOVED.match(item)
    if not m:
        return Removed(item, "removed")
    return Removed(m.group("text"), m.group("reason"), int(m.group("line")))


def parse_provenance(lines) -> dict[str, Provenance]:
    """``Title: text — headline`` lines -> {"Title": Provenance("text", "headline")}."""
    out = {}
    for item in list_items(lines):
        m = _PROVENANCE.match(item)
        if m:
            out[m.group("field")] = Provenance(m.group("kind"), m.group("detail") or "")
    return out


def parse_trip_stated(value: str) -> TripMention | None:
    m = _TRIP_STATED.match(value.strip())
    if not m:
        return None
    return TripMention(int(m.group("number")), m.group("basis"), m.group("phrase"))


def parse_date_range(value: str) -> tuple[datetime.date, datetime.date] | None:
    m = _DATE_RANGE.match(value.strip())
    if not m:
        return None
    try:
        return datetime.date.fromisoformat(m.group(1)), datetime.date.fromisoformat(m.group(2))
    except ValueError:
        return None


def parse_trip_number(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def article_from_page(page: Page, seed: str, stem: str) -> ArticleData:
    """The article as its page states it (no extraction): header fields and body."""
    prov = parse_provenance(page.fields.get("provenance"))
    data = ArticleData(seed=seed, stem=stem, slug=page.get("slug"), title=page.get("title"))
    data.title_provenance = prov.get("Title", Provenance())
    try:
        data.date = datetime.date.fromisoformat(page.get("date")) if page.get("date") else None
    except ValueError:
        data.date = None
    data.date_range = parse_date_range(page.get("date-range"))
    data.date_provenance = prov.get("Date", Provenance())
    data.source = page.get("source") or None
    data.source_provenance = prov.get("Source", Provenance())
    data.summary = unescape_block(page.get("summary"))
    data.summary_provenance = prov.get("Summary", Provenance())
    for item in list_items(page.fields.get("people")):
        name, roles, _ = parse_person(item)
        data.people.append(Person(name, roles, 0, prov.get(name + PERSON_SUFFIX,
                                                           Provenance("text"))))
    data.places = [Entity(n) for n in split_list(page.fields.get("places"))]
    data.organizations = [Entity(n) for n in split_list(page.fields.get("organizations"))]
    data.trip_resolved = parse_trip_number(page.get("trip"))
    data.trip = parse_trip_stated(page.get("trip-stated"))
    data.trip_provenance = prov.get("Trip", Provenance())
    data.discrepancy = page.get("discrepancy")
    data.quotes = [Quote(text, speaker) for speaker, text in
                   map(parse_quote, list_items(page.fields.get("quotes")))]
    data.note = page.get("note")
    data.removed = [parse_removed(x) for x in list_items(page.fields.get("removed"))]
    data.page_body = page.body
    data.blocks = body_blocks(page.body)
    return data

