"""Extraction is linear in the article's length, also on adversarial text (issue 16, case 2).

Each generator builds the worst cases the rules have met: long capitalized runs (one
name, or a run ending in an organization's head word), runs of ``The Abc``, ``Abc and
Def`` and ``Minister of Abc``, long comma lists, deep parentheses, all-capital runs and
one 10,000-word sentence; and many different people and organizations (rules that
compare every name with every other). For each, 8x the input may cost at most 10x the time (best of
three runs, garbage collection paused): a quadratic rule costs 64x. Words vary with a
seeded random generator so no rule sees one repeated token only.
"""

from __future__ import annotations

import gc
import random
import time

import pytest
from pelican.plugins.news_digest.extract import extract, lexicon
from pelican.plugins.news_digest.ingest.clean import clean

BASE_WORDS = 1500


def _cap_word(rng: random.Random) -> str:
    return rng.choice("BCDFGKLMNPRSTVZ") + "".join(rng.choice("aeiou") + rng.choice("lmnrst")
                                                for _ in range(rng.randint(1, 3)))


def _repeat(unit, words: int) -> str:
    rng = random.Random(words)
    out, count = [], 0
    while count < words:
        part = unit(rng)
        out.append(part)
        count += part.count(" ") + 1
    return " ".join(out)


GENERATORS = {
    "capitalized run": lambda n: _repeat(_cap_word, n),
    "capitalized run ending in a head word": lambda n: _repeat(_cap_word, n) + " Ministry",
    "The Abc run": lambda n: _repeat(lambda r: f"The {_cap_word(r)}", n),
    "Abc and Def run": lambda n: _repeat(lambda r: f"{_cap_word(r)} and {_cap_word(r)}", n),
    "and-run ending in a head word": lambda n: _repeat(lambda r: f"{_cap_word(r)} and", n)
    + " Ministry",
    "Minister of Abc run": lambda n: _repeat(lambda r: f"Minister of {_cap_word(r)}", n),
    "comma list of names": lambda n: _repeat(lambda r: f"{_cap_word(r)} {_cap_word(r)},", n),
    "deep parentheses": lambda n: "(" * (n // 2) + "Abc Def" + ")" * (n // 2),
    "all-capital run": lambda n: _repeat(lambda r: _cap_word(r).upper(), n),
    "many people, each quoted": lambda n: _repeat(
        lambda r: f'"We will go on," said Minister {_cap_word(r)} {_cap_word(r)}.', n),
    "many organizations": lambda n: _repeat(
        lambda r: f"The {_cap_word(r)} Ministry and the {_cap_word(r)} Party met.", n),
    "10k-word sentence": lambda n: _repeat(
        lambda r: f"the envoy from {_cap_word(r)} met officials in Cairo on Monday and", n) + ".",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        lexicon.tokenize.cache_clear()
        lexicon.dateline_spans.cache_clear()
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            extract(clean(f"Talks go on\n\n{text}"), "seed", "seed")
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.fixture(scope="module", autouse=True)
def _warm():
    extract(clean("Warm up\n\nThe talks in Paris went on."), "w", "w")  # load the gazetteer


@pytest.mark.parametrize("name", list(GENERATORS))
def test_eight_times_the_input_costs_at_most_ten_times_the_time(name):
    make = GENERATORS[name]
    small, large = _seconds(make(BASE_WORDS)), _seconds(make(8 * BASE_WORDS))
    assert large <= 10 * max(small, 0.005), (name, small, large)


def test_the_ten_thousand_word_sentence_is_that_long():
    text = GENERATORS["10k-word sentence"](10_000)
    assert len(text.split()) >= 10_000 and text.count(".") == 1
