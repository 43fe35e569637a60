"""Trips: placeholder until the extraction issue lands."""

from __future__ import annotations

from ..model import TripMention


def find_trip(text: str) -> TripMention | None:
    return None
