"""Plain data classes passed between the pipeline stages.

ingest: decode -> clean (``Cleaned``) -> extract (``ArticleData``) -> Markdown page.
Each stage only reads the previous stage's data class, so stages can be tested
and replaced one at a time.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

# Provenance kinds, in the order an editor trusts them.
EDITOR = "editor"  # set in content/*.toml by an editor
TEXT = "text"  # stated in the seed text
INFERRED = "inferred"  # derived from other facts (detail says from what)
NONE = "none"  # not known
HAND = "hand"  # changed by hand on the generated page (content/articles/*.md)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a value came from; ``detail`` is the phrase or the reasoning."""

    kind: str = NONE
    detail: str = ""


@dataclass(slots=True)
class Block:
    """One body block of a cleaned article: a paragraph or a subheading."""

    kind: str  # "p" or "h2"
    text: str
    line: int = 0  # 1-based line in the seed where the block starts


@dataclass(slots=True)
class Removed:
    """A piece of the seed the cleaner took out of the body, kept for the editor."""

    text: str
    reason: str  # the cleaner rule that removed it: "byline", "newsletter appeal", ...
    line: int = 0


@dataclass
class Cleaned:
    """The seed after cleaning: structure found, body blocks and what was removed."""

    headline: str | None = None  # line-1 headline, when the seed has one
    standfirst: str | None = None  # the line under the headline, when there is one
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    date_marker: str | None = None  # "2024-01-10" from a leading " date 2024-01-10 "
    date_phrase: str | None = None  # another stated date ("Published: ...")
    lead_in: str | None = None  # outlet from a lead-in ("Islam Times - ...")
    masthead: str | None = None  # the page's masthead line above the headline, removed
    bylines: list[str] = field(default_factory=list)  # "World Israel News Staff"
    credits: list[str] = field(default_factory=list)  # photographer names in credits

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "p"]

    @property
    def headings(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "h2"]

    @property
    def text(self) -> str:
        """The body as plain text, one block per line."""
        return "\n".join(b.text for b in self.blocks)


@dataclass(slots=True)
class Person:
    name: str  # canonical full name
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    provenance: Provenance = Provenance(TEXT)


@dataclass(slots=True)
class Entity:
    """A place or an organization named in the text."""

    name: str
    mentions: int = 0
    provenance: Provenance = Provenance(TEXT)


@dataclass(slots=True)
class TripMention:
    """The ordinal an article states for the traveller's trip."""

    number: int
    basis: str  # "region" (trip/tour/round to the region) or "visit" (Nth visit to X)
    phrase: str  # the words in the text, e.g. "4th trip to West Asia"
    provenance: Provenance = Provenance(TEXT)


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None  # canonical name, or None when unattributed
    provenance: Provenance = Provenance(TEXT)


@dataclass
class ArticleData:
    """Everything ingest knows about one seed; written as one Markdown page."""

    seed: str  # path of the seed, relative to the project (posix)
    stem: str  # seed file name without suffix: the key for editor corrections
    slug: str = ""
    title: str = ""
    title_provenance: Provenance = Provenance()
    date: datetime.date | None = None
    date_provenance: Provenance = Provenance()
    source: str | None = None
    source_provenance: Provenance = Provenance()
    summary: str = ""
    summary_provenance: Provenance = Provenance()
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    trip: TripMention | None = None
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Editorial pass (corrections, trips file): the trip the site files the article
    # under (``trip`` stays what the text states), why, and any disagreement.
    trip_resolved: int | None = None
    trip_provenance: Provenance = Provenance()
    discrepancy: str = ""
    # An undated article on a known trip: the trip's range (shown as approximate).
    date_range: tuple[datetime.date, datetime.date] | None = None
    note: str = ""  # the editor's note (corrections file), shown on the article page
    # Read back from a page (no extraction): its Markdown body as written, re-emitted
    # verbatim so the page round-trips exactly ("" for freshly extracted data).
    page_body: str = ""

    def to_json(self) -> dict[str, Any]:
        """The documented ``news-digest inspect --json`` shape (see README)."""
        # what ``asdict`` gives, without deep-copying the body blocks only to drop them
        d = {f.name: _plain(getattr(self, f.name)) for f in fields(self)
             if f.name not in ("blocks", "page_body")}
        d["date"] = self.date.isoformat() if self.date else None
        d["date_range"] = [x.isoformat() for x in self.date_range] if self.date_range else None
        d["file"] = d.pop("seed")
        d["body_paragraphs"] = [b.text for b in self.blocks if b.kind == "p"]
        d["headings"] = [b.text for b in self.blocks if b.kind == "h2"]
        for key in ("title", "date", "source", "summary"):
            d[f"{key}_provenance"] = d[f"{key}_provenance"]["kind"]
            d[f"{key}_provenance_detail"] = getattr(self, f"{key}_provenance").detail
        return d


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the values an ``ArticleData`` holds (dataclasses, lists,
    tuples, dicts, strings, numbers, dates), without its generic deep copy."""
    if isinstance(value, str | int | float | bool | datetime.date) or value is None:
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    cls = type(value)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not is_dataclass(cls):
            import copy

            return copy.deepcopy(value)
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return {name: _plain(getattr(value, name)) for name in names}
