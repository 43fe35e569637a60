"""The editor's people file (``content/people.toml``).

It canonicalizes and describes people; it is never the only source of people
(the extractor finds people who are not in it). Trips and corrections have
their own modules; all three share ``editordata.TomlFile`` for errors that name
the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..extract.lexicon import HONORIFICS, norm_key
from .toml import EditorDataError, TomlFile, is_str_list

__all__ = ["EditorDataError", "PeopleRegistry", "RegistryPerson", "load_people"]

PERSON_KEYS = ("name", "aliases", "roles", "description")


@dataclass
class RegistryPerson:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    description: str = ""


@dataclass
class PeopleRegistry:
    people: list[RegistryPerson] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: dict[str, str] = {}
        surnames: dict[str, set[str]] = {}
        for p in self.people:
            for alias in (p.name, *p.aliases):
                self._index[norm_key(alias)] = p.name
            surnames.setdefault(norm_key(p.name).split()[-1], set()).add(p.name)
        # A surname resolves only when exactly one registry person has it.
        for surname, names in surnames.items():
            if len(names) == 1:
                self._index.setdefault(surname, next(iter(names)))

    def lookup(self, name: str) -> str | None:
        """Canonical name for a full name, alias or unique surname; else None."""
        words = [w for w in norm_key(name).split() if w not in HONORIFICS]
        return self._index.get(" ".join(words)) if words else None

    def get(self, canonical: str) -> RegistryPerson | None:
        return next((p for p in self.people if p.name == canonical), None)


def load_people(path: Path) -> PeopleRegistry:
    """Read and validate ``[[person]]`` tables (name, aliases, roles, description)."""
    f = TomlFile(path, 'each person is a [[person]] table with name = "...", '
                 'aliases = [...], roles = [...], description = "..."')
    for key in f.data:
        if key != "person":
            raise f.error(f.line_of_key(key), f"unknown key {key!r}; the people file holds "
                          "only [[person]] tables")
    entries = f.data.get("person", [])
    if not isinstance(entries, list):
        raise f.error(f.line_of_key("person"), "person must be [[person]] tables")
    people: list[RegistryPerson] = []
    owner: dict[str, tuple[str, int]] = {}  # name/alias key -> (canonical name, line)
    for i, entry in enumerate(entries, 1):
        line = f.line_of_table("person", i)
        for key in entry:
            if key not in PERSON_KEYS:
                raise f.error(f.line_of_key(key, line), f"unknown key {key!r} in a [[person]] "
                              "table; allowed: " + ", ".join(PERSON_KEYS))
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise f.error(f.line_of_key("name", line) or line,
                          'name must be a non-empty string, e.g. name = "Jane Doe"')
        name = name.strip()
        for key in ("aliases", "roles"):
            if not is_str_list(entry.get(key, [])):
                raise f.error(f.line_of_key(key, line),
                              f"{name!r}: {key} must be a list of strings")
        if not isinstance(entry.get("description", ""), str):
            raise f.error(f.line_of_key("description", line),
                          f"{name!r}: description must be a string")
        aliases = [a.strip() for a in entry.get("aliases", []) if a.strip()]
        for alias, key in [(name, "name")] + [(a, "aliases") for a in aliases]:
            seen = owner.get(norm_key(alias))
            if seen is None:
                owner[norm_key(alias)] = (name, line)
            elif seen[0] == name and key == "aliases":
                continue  # an alias repeating the person's own name is harmless
            else:
                what = "is listed twice" if seen[0] == name else f"is already {seen[0]!r}'s"
                raise f.error(f.line_of_key(key, line),
                              f"{alias!r} {what} (line {seen[1]}); a name or alias must "
                              "point to exactly one person: merge or rename the entries")
        people.append(RegistryPerson(name=name, aliases=aliases,
                                     roles=list(entry.get("roles", [])),
                                     description=entry.get("description", "")))
    return PeopleRegistry(people)
