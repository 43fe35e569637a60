"""Cleaner: placeholder (one block per non-empty line) until the cleaner lands."""

from __future__ import annotations

from .model import Block, Cleaned


def clean(text: str) -> Cleaned:
    blocks = [Block("p", ln.strip(), i) for i, ln in enumerate(text.splitlines(), 1) if ln.strip()]
    return Cleaned(blocks=blocks)
