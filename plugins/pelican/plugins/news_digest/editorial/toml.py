"""Shared helpers for reading editor TOML files with errors that name file and line.

``tomllib`` reports the line of a syntax error; for semantic errors (a wrong type,
an unknown key, a reversed date range) we find the line of the table or key in
the file text, so the editor is sent straight to the place to fix.
"""

from __future__ import annotations

import datetime
import logging
import re
import tomllib
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Dates an editor can mean for a news article; year 9999 is a typo (and would
# overflow date arithmetic on the site: one day after 9999-12-31 does not exist).
EARLIEST_DATE = datetime.date(1901, 1, 1)
LATEST_DATE = datetime.date(2199, 12, 31)


class EditorDataError(ValueError):
    """Invalid editor data; the message names the file, the line and the fix."""


class TomlFile:
    """A parsed editor file plus its text, to point errors at lines."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = Path(path)
        try:
            self.text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise EditorDataError(f"{self.path}: not UTF-8 text ({exc}); save it as UTF-8.") \
                from exc
        if self.text.startswith("\ufeff"):  # tomllib rejects it: "Invalid statement"
            logger.warning("%s, line 1: starts with a byte-order mark (BOM), ignored; save "
                           "the file as UTF-8 without BOM (other TOML tools reject it)",
                           self.path)
            self.text = self.text[1:]
        try:
            self.data: dict[str, Any] = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            # tomllib says "(at line N, column M)" or "(at end of document)".
            m = re.search(r"at line (\d+)", str(exc))
            line = int(m.group(1)) if m else len(self.text.splitlines()) or 1
            raise EditorDataError(f"{self.path}, line {line}: invalid TOML: {exc}. Fix the "
                                  f"syntax there ({what}).") from exc
        self.lines = self.text.splitlines()

    def line_of_table(self, header: str, occurrence: int = 1) -> int:
        """1-based line of the ``occurrence``-th ``[header]``/``[[header]]``; 0 if not found."""
        pattern = re.compile(r"^\s*\[\[?\s*" + header + r"\s*\]\]?\s*(#.*)?$")
        seen = 0
        for i, line in enumerate(self.lines, 1):
            if pattern.match(line):
                seen += 1
                if seen == occurrence:
                    return i
        return 0

    def line_of_key(self, key: str, after: int = 0) -> int:
        """1-based line of ``key = ...`` at or after line ``after`` (in the same table)."""
        pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
        for i in range(max(after, 1), len(self.lines) + 1):
            line = self.lines[i - 1]
            if i > after and after and re.match(r"^\s*\[", line):
                break
            if pattern.match(line):
                return i
        return after

    def error(self, line: int, message: str) -> EditorDataError:
        where = f"{self.path}, line {line}" if line else str(self.path)
        return EditorDataError(f"{where}: {message}")


def as_date(value: Any) -> datetime.date | None:
    """A TOML date (``2024-01-05``) or an ISO date string; None if it is neither."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def date_problem(d: datetime.date) -> str:
    """Why ``d`` cannot be a news date ("" when it can)."""
    if EARLIEST_DATE <= d <= LATEST_DATE:
        return ""
    return (f"{d} is outside {EARLIEST_DATE.year}\u2013{LATEST_DATE.year}; a typo? "
            "(write the date like 2024-01-05)")


def is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
