"""Smoke test of the build benchmark: structure only, never timings.

The benchmark is run by hand (see bench/results.md); this keeps its generator and
its harness working as the plugin changes, on a build small enough for CI.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import bench_build  # noqa: E402
import synth  # noqa: E402


def test_synthetic_seeds_are_deterministic_and_seed_like(tmp_path: Path) -> None:
    first = [synth.make_article(i) for i in range(40)]
    assert first == [synth.make_article(i) for i in range(40)]
    names = {name for name, _ in first}
    assert len(names) == 40 and all(n.endswith(".txt") for n in names)
    texts = [text for _, text in first]
    assert all(1500 <= len(t.encode()) <= 5000 for t in texts)
    joined = "\n".join(texts)
    # the formats the cleaner and extractor must meet all occur
    for marker in (" date 20", "Published: ", "By ", "(credit: ", "Read", "Leave a comment"):
        assert marker in joined, marker
    assert any(word in joined for word in ("trip to", "visit to", "round of shuttle"))
    paths = synth.write_seeds(tmp_path / "seeds", 5)
    assert [p.read_text(encoding="utf-8") for p in paths] == texts[:5]


def test_plain_page_turns_people_into_tags() -> None:
    page = ("Title: A\nSlug: a\nPeople:\n    - Helen Marchetti (Envoy)\n    - Li Wenhao\n"
            "Trip: 3\nGenerated: title 0\n\nBody text.\n")
    plain = bench_build.plain_page(page)
    assert "Tags: Helen Marchetti, Li Wenhao" in plain
    assert "Date: 1900-01-01" in plain
    assert "Digest" not in plain and "Trip" not in plain
    assert plain.endswith("\n\nBody text.\n")


@pytest.mark.slow
def test_quick_build_writes_every_row(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    assert bench_build.main(["--sizes", "8", "20", "--runs", "1", "--no-search",
                             "--workdir", str(tmp_path / "work"), "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for n in (8, 20):
        for build in ("cold, from raw seeds", "fresh clone (pages committed, no cache)",
                      "nothing changed", "one seed edited, warm",
                      "plain Pelican's own cached rebuild"):
            assert f"| {n} | {build}" in text, (n, build)
        assert f"peak memory (largest of the digest's builds) / plain at N={n}" in text
        assert f"output size digest / plain at N={n}" in text
    for row in ("T(20) / T(8)", "search query", "Output size (bytes written"):
        assert row in text, row
    assert "Ingest alone" not in text  # only with --ingest
    assert "cores" in text
    built = tmp_path / "work" / "digest-20"
    assert len(list((built / "content" / "articles").glob("*.md"))) == 20
    assert (built / "output" / "index.html").is_file()
    assert len(list((tmp_path / "work" / "plain-20" / "output" / "articles").glob("*.html"))) == 20
