"""Quotes: placeholder until the extraction issue lands."""

from __future__ import annotations

from ..model import Cleaned, Person, Quote


def find_quotes(cleaned: Cleaned, people: list[Person]) -> list[Quote]:
    return []
