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
    note = ""
    if b"\x00" in raw:
        utf16 = _bomless_utf16(raw)
        if utf16:
            try:
                text = raw.decode(utf16)
            except UnicodeDecodeError:
                return Decoded(None, "", "contains NUL bytes: it looks binary, not text")
            return _checked(text, utf16, f"has no BOM but is {utf16.upper()}; decoded as such")
        nuls = raw.count(b"\x00")
        if nuls > max(1, len(raw) // _MAX_NUL_SHARE):
            return Decoded(None, "", "contains NUL bytes: it looks binary, not text")
        # A few stray NULs in real text (a bad copy, a broken editor): drop them.
        raw = raw.replace(b"\x00", b"")
        note = f"contains {nuls} NUL byte{'s' if nuls > 1 else ''} (removed)"
    try:
        return _checked(raw.decode("utf-8"), "utf-8", note)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = raw.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        encoding = "latin-1"
    why = f"is not valid UTF-8 (byte {first_bad}); decoded as {encoding}"
    return _checked(text, encoding, f"{note}; {why}" if note else why)


# More than one NUL per this many bytes is a binary file, not text with stray NULs
# (random binary that passes this fails the control-character check in _checked).
_MAX_NUL_SHARE = 100


def _bomless_utf16(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like UTF-16 text without a BOM.

    ASCII-heavy UTF-16 has a NUL in every other byte; binary files do not.
    """
    sample = raw[:4096]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str, note: str) -> Decoded:
    nuls = text.count("\x00")  # only after a BOM: raw bytes had their NULs handled
    if nuls:
        if nuls > max(1, len(text) // _MAX_NUL_SHARE):
            return Decoded(None, encoding, "contains NUL characters: it looks binary, not text")
        text = text.replace("\x00", "")
        extra = f"contains {nuls} NUL character{'s' if nuls > 1 else ''} (removed)"
        note = f"{note}; {extra}" if note else extra
    if not text.strip():
        return Decoded(None, encoding, "is empty or only whitespace")
    control = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > 8:
        return Decoded(None, encoding, "contains control characters: it looks binary, not text")
    return Decoded(text, encoding, note)
