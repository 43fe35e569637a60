"""People: placeholder until the extraction issue lands."""

from __future__ import annotations

from ..model import ArticleData, Cleaned, Person


def find_people(cleaned: Cleaned, registry=None) -> list[Person]:
    return []


def resolve_collection(articles: list[ArticleData], registry=None) -> None:
    return None
