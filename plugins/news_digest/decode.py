"""Decode raw seed bytes into text, or say why the seed cannot be used.

Seeds are copied from the web: most are UTF-8, some are cp1252 or latin-1, some
carry a BOM, some are not text at all. A seed is never dropped silently: either
it decodes (with a warning when a fallback was needed) or it is skipped with a
reason that names the file.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass
class Decoded:
    text: str | None  # None: skip this seed
    encoding: str = ""
    problem: str = ""  # why it was skipped, or what the fallback was


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_seed(raw: bytes) -> Decoded:
    """Decode one seed; ``text`` is None when the seed must be skipped."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                return Decoded(None, encoding, f"starts with a {encoding} BOM but {exc}")
            return _checked(text, encoding, "")
    if b"\x00" in raw:
        return Decoded(None, "", "contains NUL bytes: it looks binary, not text")
    try:
        return _checked(raw.decode("utf-8"), "utf-8", "")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = raw.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        encoding = "latin-1"
    return _checked(
        text, encoding, f"is not valid UTF-8 (byte {first_bad}); decoded as {encoding}"
    )


def _checked(text: str, encoding: str, note: str) -> Decoded:
    if not text.strip():
        return Decoded(None, encoding, "is empty or only whitespace")
    control = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > 8:
        return Decoded(None, encoding, "contains control characters: it looks binary, not text")
    return Decoded(text, encoding, note)
