"""decode: mixed encodings keep their valid UTF-8; text XML cannot carry is removed."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from pelican.plugins.news_digest.ingest import decode
from pelican.plugins.news_digest.ingest.clean import clean
from pelican.plugins.news_digest.ingest.decode import decode_seed, xml_safe


def test_mixed_utf8_and_cp1252_keeps_the_utf8_part_intact():
    raw = ("Blinken \u201cmeets\u201d Netanyahu\n\n".encode()
           + "The caf\u00e9 \u201cvisit\u201d ended.\n".encode("cp1252"))
    d = decode_seed(raw)
    assert d.text == ("Blinken \u201cmeets\u201d Netanyahu\n\n"
                      "The caf\u00e9 \u201cvisit\u201d ended.\n")
    assert "cp1252" in d.problem and "not valid UTF-8" in d.problem


def test_bytes_cp1252_leaves_undefined_fall_back_to_latin1():
    d = decode_seed("Caf\u00e9 \u2014 ".encode() + b"\x81 caf\xe9\n")
    assert d.text == "Caf\u00e9 \u2014 \x81 caf\u00e9\n" and d.encoding == "latin-1"


def test_non_characters_and_controls_are_removed_and_reported():
    d = decode_seed("Title \uffff here\ufffe\n\nBody\x01 text \U0010ffff end.\x0c\n".encode())
    assert d.text == "Title  here\n\nBody text  end. \n"
    assert "4 characters" in d.problem
    assert xml_safe("a\ufdd0b\x0bc") == "ab c"


def test_joiners_and_bidi_marks_that_carry_meaning_are_kept():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined by ZWJ
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a word
    hebrew = "\u05e9\u05dc\u05d5\u05dd\u200f"  # a right-to-left mark after Hebrew
    text = (f"Talks end in smiles\n\nThe visit ended with {family} and the word {persian} "
            f"and {hebrew} on the signs.\n\nBlin\u200dken said \u202eevil\u202c things to "
            "Net\u200eanyahu on Monday.\n")
    body = " ".join(b.text for b in clean(text).blocks)
    assert family in body and persian in body and hebrew in body
    assert "Blinken said evil things to Netanyahu" in body  # noise and overrides removed


_REFERENCE_NOT_XML = re.compile(  # the one-pattern form decode splits in two for speed
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]")


@given(st.lists(st.sampled_from(["a", "é", "\x01", "\x0b", "\ud800", "\ufdd0", "\ufffe",
                                 "\U0001fffe", "\U0001f600", "\U0010ffff", "\U0010fffd",
                                 "\t", "\n"]), max_size=20).map("".join))
def test_non_xml_characters_removed_as_one_pattern_would(text: str) -> None:
    want = _REFERENCE_NOT_XML.subn("", text)
    assert decode._without_non_xml(text) == want
