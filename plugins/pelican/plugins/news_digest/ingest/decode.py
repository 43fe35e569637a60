"""Decode raw seed bytes into text, or say why the seed cannot be used.

Seeds are copied from the web: most are UTF-8, some are cp1252 or latin-1, some
carry a BOM, some mix UTF-8 with cp1252 pasted from another page, some are not
text at all. A seed is never dropped silently: either it decodes (with a warning
when a fallback was needed) or it is skipped with a reason that names the file.

Invalid UTF-8 is decoded run by run (the valid UTF-8 around a cp1252 run stays
intact), and characters XML cannot carry (U+FFFE, U+FFFF and the other
non-characters, C0 controls) are removed here, so no seed can break the feeds.
"""

from __future__ import annotations

import codecs
import re
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
    text = raw.decode("utf-8", _FALLBACK)
    encoding = "latin-1" if any(c in text for c in _CP1252_UNDEFINED) else "cp1252"
    why = (f"is not valid UTF-8 (byte {first_bad}); the bytes that are not UTF-8 were "
           f"decoded as {encoding}")
    return _checked(text, encoding, f"{note}; {why}" if note else why)


def decode_lenient(raw: bytes) -> str:
    """UTF-8 where the bytes are UTF-8, cp1252 (or latin-1) where they are not: for
    a page an editor saved in another encoding, whose every character must survive."""
    return raw.decode("utf-8", _FALLBACK)


def _fallback(exc: UnicodeError) -> tuple[str, int]:
    """A codecs error handler: each invalid UTF-8 run is decoded as cp1252 (latin-1 for
    the five bytes cp1252 leaves undefined); the valid UTF-8 around it stays UTF-8."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252") if _fits_cp1252(bad) else bad.decode("latin-1"), \
        exc.end


_FALLBACK = "news-digest-cp1252"
codecs.register_error(_FALLBACK, _fallback)
_CP1252_UNDEFINED = "\x81\x8d\x8f\x90\x9d"


def _fits_cp1252(bad: bytes) -> bool:
    return not any(b in _CP1252_UNDEFINED.encode("latin-1") for b in bad)


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
    if len(_CONTROL.findall(text, 0, 4096)) > 8:
        return Decoded(None, encoding, "contains control characters: it looks binary, not text")
    # form feed and vertical tab separate text: a space, not a removal worth a warning
    text, removed = _without_non_xml(_separators_as_spaces(text))
    if removed:
        extra = (f"contains {removed} character{'s' if removed > 1 else ''} that are not "
                 "text (control characters or non-characters such as U+FFFF; removed)")
        note = f"{note}; {extra}" if note else extra
    if not text.strip():
        return Decoded(None, encoding, "is empty or only whitespace")
    return Decoded(text, encoding, note)


# What XML 1.0 cannot carry (feeds are XML), plus the Unicode non-characters: those of
# the first plane, and the two at the end of each other plane. Two patterns, because a
# character class with astral characters makes every search 14 times slower; the second
# runs only on text that has a character beyond the first plane at all.
_NOT_XML_BMP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NOT_XML_ASTRAL = re.compile(
    "[" + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}"
                  for p in range(1, 17)) + "]")


def _without_non_xml(text: str) -> tuple[str, int]:
    """``text`` without the characters XML cannot carry, and how many were removed."""
    text, removed = _NOT_XML_BMP.subn("", text)
    if not text.isascii() and _ASTRAL.search(text):
        text, more = _NOT_XML_ASTRAL.subn("", text)
        removed += more
    return text, removed


_SEPARATORS = {0x0B: " ", 0x0C: " "}


# Control characters other than tab, newline, carriage return and form feed: more than
# a few near the start mean binary data.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _separators_as_spaces(text: str) -> str:
    # (str.translate looks up every character: slow on the text of 5,000 seeds)
    if "\x0b" in text or "\x0c" in text:
        return text.translate(_SEPARATORS)
    return text


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot carry (for text from editor files)."""
    return _without_non_xml(_separators_as_spaces(text))[0]
