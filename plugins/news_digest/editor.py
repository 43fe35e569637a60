"""Editor data in ``content/*.toml``: the people file (trips and corrections come later).

The people file canonicalizes and describes people; it is never the only
source of people (the extractor finds people who are not in it).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class EditorDataError(ValueError):
    """Invalid editor data; the message names the file, the line and the fix."""


@dataclass
class RegistryPerson:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    description: str = ""


def _key(name: str) -> str:
    return " ".join(name.replace(".", "").replace("\u2019", "'").lower().split())


_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "prof"}


@dataclass
class PeopleRegistry:
    people: list[RegistryPerson] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: dict[str, str] = {}
        surnames: dict[str, set[str]] = {}
        for p in self.people:
            for alias in (p.name, *p.aliases):
                self._index[_key(alias)] = p.name
            surnames.setdefault(_key(p.name).split()[-1], set()).add(p.name)
        # A surname resolves only when exactly one registry person has it.
        for surname, names in surnames.items():
            if len(names) == 1:
                self._index.setdefault(surname, next(iter(names)))

    def lookup(self, name: str) -> str | None:
        """Canonical name for a full name, alias or unique surname; else None."""
        words = [w for w in _key(name).split() if w not in _HONORIFICS]
        return self._index.get(" ".join(words)) if words else None

    def get(self, canonical: str) -> RegistryPerson | None:
        return next((p for p in self.people if p.name == canonical), None)


def load_people(path: Path) -> PeopleRegistry:
    """Read ``[[person]]`` tables (name, aliases, roles, description) from ``path``."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise EditorDataError(
            f"{path}: invalid TOML ({exc}). Fix the syntax at that line: each person is a "
            f'[[person]] table with name = "...", aliases = [...], roles = [...], '
            f'description = "...".') from exc
    people = []
    for i, entry in enumerate(data.get("person", []), 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) \
                or not entry["name"].strip():
            raise EditorDataError(f"{path}: [[person]] number {i} has no name = \"...\"; add one.")
        for key in ("aliases", "roles"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise EditorDataError(
                    f"{path}: person {entry['name']!r}: {key} must be a list of strings.")
        people.append(RegistryPerson(
            name=entry["name"].strip(),
            aliases=list(entry.get("aliases", [])),
            roles=list(entry.get("roles", [])),
            description=str(entry.get("description", "")),
        ))
    return PeopleRegistry(people)
