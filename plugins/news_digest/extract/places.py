"""Places: placeholder until the extraction issue lands."""

from __future__ import annotations

from ..model import Entity


def find_places(text: str) -> list[Entity]:
    return []
