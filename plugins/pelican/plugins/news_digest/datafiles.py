"""Reader of the plugin's word and phrase lists in ``data/``.

The rules of every phase keep their vocabulary (abbreviations, outlet words, share
buttons, honorifics ...) in plain text files an editor can read and extend, not in
the code. This module sits at the package root so that every phase can read them
without importing another phase.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["data_lines", "data_words"]


def data_lines(name: str) -> list[str]:
    """Non-empty lines of a ``data/`` list, comments (``#``) removed."""
    data = resources.files("pelican.plugins.news_digest") / "data"
    text = (data / name).read_text(encoding="utf-8")
    return [x for x in (line.split("#", 1)[0].strip() for line in text.splitlines()) if x]


def data_words(name: str) -> frozenset[str]:
    """Whitespace-separated words of a ``data/`` list (``#`` starts a comment)."""
    return frozenset(w for line in data_lines(name) for w in line.split())
