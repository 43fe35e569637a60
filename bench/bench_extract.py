"""Benchmark: clean+extract speed on seed-sized articles and linear scaling.

Usage: python bench/bench_extract.py [REPEATS]

Prints the median time per seed-sized article (the five example seeds, many
repetitions, one core) for extraction alone and for clean+extract, and the
time per MB on 1 MB and 10 MB synthetic inputs (roughly constant = linear), and
clean+extract on the adversarial runs of issue 16 (``Abc `` x 2k/4k/8k/16k words and
the like: the time per 1k words stays about constant when extraction is linear), and
the peak memory of ``news-digest inspect`` on a small seed and on 1, 2 and 4 MB ones
(issue 16, case 12: memory per MB of seed above what the program itself takes).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pelican.plugins.news_digest.extract import extract, lexicon
from pelican.plugins.news_digest.ingest.clean import clean

ROOT = Path(__file__).resolve().parents[1]


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repeats", nargs="?", type=int, default=200,
                        help="timed runs over the seeds (default: 200)")
    repeats = parser.parse_args(argv).repeats
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    cleaned = [clean(s) for s in seeds]
    extract(cleaned[0], "warm", "warm")  # load the gazetteer once

    def run_extract():
        for c in cleaned:
            lexicon.tokenize.cache_clear()
            lexicon.dateline_spans.cache_clear()
            extract(c, "s", "s")

    def run_both():
        for s in seeds:
            lexicon.tokenize.cache_clear()
            lexicon.dateline_spans.cache_clear()
            extract(clean(s), "s", "s")

    n = len(seeds)
    ex = _median_ms(run_extract, repeats) / n
    both = _median_ms(run_both, repeats) / n
    print(f"seed-sized article ({n} seeds x {repeats}): extract {ex:.3f} ms "
          f"({1000 / ex:.0f}/s), clean+extract {both:.3f} ms ({1000 / both:.0f}/s)")

    body = "\n\n".join(seeds)
    for mb in (1, 10):
        text = (body + "\n\n") * (mb * 1_000_000 // (len(body) + 2) + 1)
        text = text[: mb * 1_000_000]
        t = time.perf_counter()
        c = clean(text)
        t_clean = time.perf_counter() - t
        t = time.perf_counter()
        extract(c, "big", "big")
        t_ex = time.perf_counter() - t
        print(f"{mb:>2} MB: clean {t_clean:.2f} s, extract {t_ex:.2f} s "
              f"({t_ex / mb:.2f} s/MB extract)")
    _adversarial()
    _inspect_memory(body)
    return 0


# Linux keeps a process's peak RSS across exec, and a forked child starts with its
# parent's pages: the child of this (by now large) process would report this process's
# size. A small launcher process starts ``inspect`` and reports its peak instead.
_LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def _peak_mb(path: Path) -> float:
    """Max RSS of ``news-digest inspect --json path`` (that process alone)."""
    out = subprocess.run([sys.executable, "-c", _LAUNCHER, sys.executable, "-m",
                          "pelican.plugins.news_digest.cli", "inspect", "--json", str(path)],
                         capture_output=True, text=True, check=True).stdout.split()
    if out[0] != "0":
        raise RuntimeError(f"news-digest inspect {path} failed")
    return int(out[1]) / 1024


def _inspect_memory(body: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_text(body[:3000], encoding="utf-8")
        base = _peak_mb(small)
        cells = [f"3 KB {base:.0f} MB"]
        for mb in (1, 2, 4):
            big = Path(tmp) / f"big{mb}.txt"
            text = (body + "\n\n") * (mb * 1_000_000 // (len(body) + 2) + 1)
            big.write_text(text[: mb * 1_000_000], encoding="utf-8")
            peak = _peak_mb(big)
            cells.append(f"{mb} MB {peak:.0f} MB (+{(peak - base) / mb:.0f} MB per MB)")
        print("news-digest inspect peak memory: " + ", ".join(cells))


# Issue 16, case 2: runs that once took quadratic time (8k words of "Abc ": 12 s).
ADVERSARIAL = {
    "Abc ": "Abc ",
    "The Abc ": "The Abc ",
    "Abc and Def ": "Abc and Def ",
    "Minister of Abc ": "Minister of Abc ",
    "ABC ": "ABC ",
}


def _adversarial() -> None:
    for label, unit in ADVERSARIAL.items():
        cells = []
        for words in (2000, 4000, 8000, 16000):
            text = "Title here\n\n" + unit * (words // len(unit.split()))
            best = float("inf")
            for _ in range(3):
                lexicon.tokenize.cache_clear()
                lexicon.dateline_spans.cache_clear()
                t = time.perf_counter()
                extract(clean(text), "adv", "adv")
                best = min(best, time.perf_counter() - t)
            cells.append(f"{words // 1000}k {best * 1000:.0f} ms")
        print(f"{label!r:>20}: " + ", ".join(cells))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
