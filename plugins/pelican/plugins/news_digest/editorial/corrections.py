"""Per-seed corrections from the editor (``content/corrections.toml``).

One table per seed, named by the seed's file stem::

    ["001_f5fe198a8d7d9358"]
    date = 2024-06-24
    note = "Dated from the State Department's readout of the meeting."

Any field can be overridden (title, date, source, summary, trip, people, places,
organizations) or people added/removed; ``trip = 0`` says "on no trip". Every value
set here carries provenance ``editor``; the note is shown on the article page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import EDITOR, ArticleData, Entity, Person, Provenance
from .toml import TomlFile, as_date, date_problem, is_str_list

logger = logging.getLogger(__name__)

STRING_KEYS = {"title", "source", "summary", "note"}
LIST_KEYS = {"people", "add_people", "remove_people", "places", "organizations"}
KEYS = STRING_KEYS | LIST_KEYS | {"date", "trip"}


@dataclass
class Correction:
    stem: str
    line: int
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Corrections:
    path: Path | None = None
    by_stem: dict[str, Correction] = field(default_factory=dict)

    def get(self, stem: str) -> Correction | None:
        return self.by_stem.get(stem)


def load_corrections(path: Path) -> Corrections:
    """Read and validate the corrections file; raise ``EditorDataError`` naming the line."""
    f = TomlFile(path, 'one ["<seed file stem>"] table per seed with date = 2024-06-24, '
                       'title = "...", note = "...", ...')
    out = Corrections(Path(path))
    for stem, table in f.data.items():
        line = f.line_of_table(r"[\"']?" + re.escape(stem) + r"[\"']?")
        if not isinstance(table, dict):
            raise f.error(f.line_of_key(stem), f"{stem!r} must be a table: write "
                                                f"[\"{stem}\"] on its own line, then its fields")
        values: dict[str, Any] = {}
        for key, value in table.items():
            kline = f.line_of_key(key, line)
            if key not in KEYS:
                raise f.error(kline, f"unknown key {key!r} in the correction for {stem}; "
                                     f"allowed: " + ", ".join(sorted(KEYS)))
            if key in STRING_KEYS and not isinstance(value, str):
                raise f.error(kline, f"{stem}: {key} must be a string in quotes")
            if key in LIST_KEYS and not is_str_list(value):
                raise f.error(kline, f"{stem}: {key} must be a list of strings, "
                                     f"e.g. {key} = [\"Name One\"]")
            if key == "date":
                value = as_date(value)
                if value is None:
                    raise f.error(kline, f"{stem}: date must be a date like date = 2024-06-24")
                if date_problem(value):
                    raise f.error(kline, f"{stem}: date {date_problem(value)}")
            if key == "title" and not value.strip():
                raise f.error(kline, f"{stem}: title is empty; write the title, or delete "
                                     "the line to keep the extracted one")
            if key == "trip" and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
                raise f.error(kline, f"{stem}: trip must be a trip number, or 0 for no trip")
            values[key] = value
        out.by_stem[stem] = Correction(stem, line, values)
    return out


def apply_corrections(articles: Iterable[ArticleData], corrections: Corrections | None,
                      seed_stems: Iterable[str] | None = None,
                      warn: Callable[[str], None] | None = None) -> None:
    """Apply the editor's corrections; warn about corrections naming no known seed.

    ``seed_stems`` is every seed found (even skipped ones); None skips that check
    (``inspect`` on a few files).
    """
    if corrections is None:
        return
    warn = warn or logger.warning
    where = corrections.path or "corrections"
    detail = f"set by the editor in {Path(where).name}"
    for a in articles:
        c = corrections.get(a.stem)
        if c is None:
            continue
        v = c.values
        ed = Provenance(EDITOR, detail)
        for key in ("title", "source", "summary"):
            if key in v:
                setattr(a, key, v[key])
                setattr(a, f"{key}_provenance", ed)
        if "date" in v:
            a.date, a.date_range, a.date_provenance = v["date"], None, ed
        if "trip" in v:
            a.trip_resolved = v["trip"] or None
            a.trip_provenance = ed
        if "note" in v:
            a.note = v["note"]
        if "people" in v:
            known = {p.name: p for p in a.people}
            a.people = [known.get(n) or Person(n, provenance=ed) for n in v["people"]]
        for name in v.get("add_people", []):
            if all(p.name != name for p in a.people):
                a.people.append(Person(name, provenance=ed))
        for name in v.get("remove_people", []):
            if all(p.name != name for p in a.people):
                warn(f"{where}, line {c.line}: {a.stem}: remove_people names {name!r}, who is "
                     f"not among the article's people; check the spelling")
            a.people = [p for p in a.people if p.name != name]
            a.quotes = [q for q in a.quotes if q.speaker != name]
        for key in ("places", "organizations"):
            if key in v:
                known = {e.name: e for e in getattr(a, key)}
                setattr(a, key, [known.get(n) or Entity(n, provenance=ed) for n in v[key]])
    if seed_stems is not None:
        stems = set(seed_stems)
        for stem, c in corrections.by_stem.items():
            if stem not in stems:
                warn(f"{where}, line {c.line}: a correction for {stem!r}, but no seed has that "
                     f"name (use the seed's file name without .txt)")


__all__ = ["Correction", "Corrections", "apply_corrections", "load_corrections"]
