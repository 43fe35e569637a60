"""Ingest at scale: the per-seed analysis cache and the worker pool change speed only.

A cached or parallel ingest must write exactly the pages a serial, uncached one
writes, report the same failures and warnings, and re-analyse a seed as soon as
its bytes (or the code, or the people file) change. No timings here.
"""

from __future__ import annotations

import logging
import pickle
import sys
from pathlib import Path

import pytest
from pelican.plugins.news_digest.ingest import cache as analysis
from pelican.plugins.news_digest.ingest.run import ingest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import synth  # noqa: E402


def _pages(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    synth.write_seeds(tmp_path / "seeds", 12)
    return tmp_path / "seeds"


def test_parallel_analysis_equals_serial(seeds: Path) -> None:
    jobs = [analysis.Job(p.name, p.stem, p.read_text(encoding="utf-8"))
            for p in sorted(seeds.glob("*.txt"))]
    serial = analysis.analyse_all(jobs, workers=1)
    parallel = analysis.analyse_all(jobs, workers=2)
    assert [o.seed for o in parallel] == [j.seed for j in jobs]
    assert [pickle.loads(o.blob) for o in parallel] == [pickle.loads(o.blob) for o in serial]


def test_parallel_ingest_writes_the_same_pages(seeds: Path, tmp_path: Path) -> None:
    ingest(seeds, tmp_path / "serial", project_root=tmp_path, workers=1)
    ingest(seeds, tmp_path / "parallel", project_root=tmp_path, workers=2)
    assert _pages(tmp_path / "parallel") == _pages(tmp_path / "serial")
    assert len(_pages(tmp_path / "serial")) == 12


def test_worker_failures_and_logs_reach_the_report(seeds: Path, tmp_path: Path,
                                                   monkeypatch, caplog) -> None:
    real = analysis.analyse

    def flaky(text, seed, stem, registry=None):
        logging.getLogger("pelican.plugins.news_digest.ingest.clean").warning("%s: odd line", stem)
        if stem.startswith("00003"):
            raise ValueError("boom")
        return real(text, seed, stem, registry)

    monkeypatch.setattr(analysis, "analyse", flaky)  # forked workers inherit it
    caplog.set_level(logging.WARNING)
    report = ingest(seeds, tmp_path / "articles", project_root=tmp_path, workers=2)
    failed = [r for r in report.results if r.status == "failed"]
    assert [r.seed.rsplit("/", 1)[-1][:5] for r in failed] == ["00003"]
    assert failed[0].message == "boom"
    assert any("ValueError: boom" in w for w in report.warnings)
    assert sum("odd line" in r.getMessage() for r in caplog.records) == 12
    assert len(_pages(tmp_path / "articles")) == 11


def test_cache_skips_unchanged_seeds_and_redoes_changed_ones(seeds: Path, tmp_path: Path,
                                                             monkeypatch) -> None:
    calls: list[str] = []
    real = analysis.analyse

    def counting(text, seed, stem, registry=None):
        calls.append(stem)
        return real(text, seed, stem, registry)

    monkeypatch.setattr(analysis, "analyse", counting)
    articles, cache = tmp_path / "articles", tmp_path / "cache"
    ingest(seeds, articles, project_root=tmp_path, cache_dir=cache, workers=1)
    first = _pages(articles)
    assert len(calls) == 12

    calls.clear()
    report = ingest(seeds, articles, project_root=tmp_path, cache_dir=cache, workers=1)
    assert calls == []
    assert report.count("unchanged") == 12 and _pages(articles) == first

    edited = sorted(seeds.glob("*.txt"))[4]
    synth.edit_seed(edited)
    report = ingest(seeds, articles, project_root=tmp_path, cache_dir=cache, workers=1)
    assert calls == [edited.stem]
    assert report.count("written") == 1 and report.count("unchanged") == 11
    fresh = tmp_path / "fresh"
    ingest(seeds, fresh, project_root=tmp_path, workers=1)
    assert _pages(fresh) == _pages(articles)  # cached == analysed from scratch


def test_cache_is_dropped_when_the_inputs_change(seeds: Path, tmp_path: Path,
                                                 monkeypatch) -> None:
    cache = tmp_path / "cache"
    ingest(seeds, tmp_path / "a", project_root=tmp_path, cache_dir=cache, workers=1)
    monkeypatch.setattr(analysis, "inputs_key", lambda registry: "another code version")
    assert analysis.AnalysisCache.load(cache, "another code version").entries == {}
    (cache / analysis.CACHE_FILE).write_bytes(b"not a pickle")
    report = ingest(seeds, tmp_path / "a", project_root=tmp_path, cache_dir=cache, workers=1)
    assert report.count("unchanged") == 12  # a damaged cache only costs time


def test_people_file_is_part_of_the_key() -> None:
    from pelican.plugins.news_digest.editorial.people import PeopleRegistry, RegistryPerson

    one = PeopleRegistry([RegistryPerson("Helen Marchetti")])
    two = PeopleRegistry([RegistryPerson("Helen Marchetti", roles=["Foreign Minister"])])
    assert analysis.inputs_key(one) != analysis.inputs_key(two)
    assert analysis.inputs_key(None) != analysis.inputs_key(one)


def test_cached_build_never_overwrites_a_hand_edited_page(seeds: Path, tmp_path: Path) -> None:
    articles, cache = tmp_path / "articles", tmp_path / "cache"
    for _ in range(2):  # the second build takes every page from the cache
        ingest(seeds, articles, project_root=tmp_path, cache_dir=cache)
    page = sorted(articles.glob("*.md"))[3]
    edited = page.read_text(encoding="utf-8").replace("\n\n", "\n\nAn editor's line.\n\n", 1)
    page.write_text(edited, encoding="utf-8")
    report = ingest(seeds, articles, project_root=tmp_path, cache_dir=cache)
    assert report.count("kept-hand-edited") == 1 and report.count("unchanged") == 11
    assert page.read_text(encoding="utf-8") == edited


def test_cached_page_is_rewritten_when_it_was_deleted(seeds: Path, tmp_path: Path) -> None:
    articles, cache = tmp_path / "articles", tmp_path / "cache"
    ingest(seeds, articles, project_root=tmp_path, cache_dir=cache)
    before = _pages(articles)
    victim = sorted(articles.glob("*.md"))[0]
    victim.unlink()
    report = ingest(seeds, articles, project_root=tmp_path, cache_dir=cache)
    assert report.count("written") == 1
    assert _pages(articles) == before


def test_second_build_from_the_caches_makes_the_same_site(tmp_path: Path) -> None:
    from tests.conftest import make_project, run_pelican

    root = make_project(tmp_path / "site")
    out = run_pelican(root)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.html")}
    assert (root / "cache" / analysis.CACHE_FILE).is_file()
    assert (root / "cache" / "news-digest-annotate.pickle").is_file()
    run_pelican(root)
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.html")}
    assert second == first
    assert any(b'class="person"' in html for html in second.values())
