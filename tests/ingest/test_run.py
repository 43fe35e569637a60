"""Ingest: pages are written once, kept when hand-edited, and bad seeds are reported."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from pelican.plugins.news_digest.ingest import run as run_module
from pelican.plugins.news_digest.ingest.page import page_stamp
from pelican.plugins.news_digest.ingest.run import ingest
from pelican.plugins.news_digest.ingest.store import (
    RESERVED_SLUGS,
    ArticleStore,
    is_hand_edited,
    page_hand_edits,
)
from pelican.plugins.news_digest.model import ArticleData, Person

from ..conftest import SEEDS


def run(tmp_path: Path, seeds: dict[str, bytes | str] | None = None):
    seeds_dir = tmp_path / "seeds"
    if seeds is not None:
        seeds_dir.mkdir(exist_ok=True)
        for name, data in seeds.items():
            p = seeds_dir / name
            p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return ingest(seeds_dir, tmp_path / "content" / "articles", project_root=tmp_path)


def pages(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "content" / "articles").glob("*.md"))


@pytest.fixture
def five(tmp_path):
    return {f.name: f.read_bytes() for f in SEEDS.glob("*.txt")}


def test_every_seed_becomes_a_page(tmp_path, five):
    report = run(tmp_path, five)
    assert report.count("written") == 5
    assert len(pages(tmp_path)) == 5
    assert not report.warnings


def test_second_run_rewrites_nothing(tmp_path, five):
    run(tmp_path, five)
    before = {p: p.stat().st_mtime_ns for p in pages(tmp_path)}
    time.sleep(0.01)
    report = run(tmp_path)
    assert report.count("unchanged") == 5
    assert {p: p.stat().st_mtime_ns for p in pages(tmp_path)} == before


def test_slugs_stable_across_runs_even_when_new_seeds_sort_first(tmp_path, five):
    run(tmp_path, five)
    first = [p.name for p in pages(tmp_path)]
    run(tmp_path, {"000_aaa_same_headline.txt": five["001_f5fe198a8d7d9358.txt"]})
    names = [p.name for p in pages(tmp_path)]
    assert set(first) <= set(names) and len(names) == 6


def test_same_headline_gets_distinct_pages(tmp_path):
    text = "Same headline here\n\nFirst paragraph of the story, which says something.\n"
    report = run(tmp_path, {"a.txt": text, "b.txt": text + "\nAnother line.\n"})
    slugs = [r.slug for r in report.results]
    assert len(set(slugs)) == 2 and len(pages(tmp_path)) == 2


def test_changed_seed_regenerates_page(tmp_path, five):
    run(tmp_path, five)
    seed = tmp_path / "seeds" / "003_a80e76dd1f473702.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n",
                    encoding="utf-8")
    report = run(tmp_path)
    assert report.count("written") == 1 and report.count("unchanged") == 4
    assert any("A new closing paragraph." in p.read_text() for p in pages(tmp_path))


def test_hand_edited_page_is_kept_and_named(tmp_path, five, caplog):
    run(tmp_path, five)
    page = pages(tmp_path)[0]
    edited = page.read_text(encoding="utf-8").replace("Title: ", "Title: Edited ", 1)
    page.write_text(edited, encoding="utf-8")
    assert is_hand_edited(edited)
    # Also change its seed: the page must still be kept.
    for seed in (tmp_path / "seeds").iterdir():
        seed.write_text(seed.read_text(encoding="utf-8") + "\n\nMore.\n", encoding="utf-8")
    report = run(tmp_path)
    assert page.read_text(encoding="utf-8") == edited
    assert report.count("kept-hand-edited") == 1
    assert any(str(page) in w and "by hand" in w for w in report.warnings)


def test_deleted_seed_removes_only_untouched_page(tmp_path, five):
    run(tmp_path, five)
    by_seed = {r.seed: r.slug for r in run(tmp_path).results}
    root = tmp_path / "content" / "articles"
    kept = root / f"{by_seed['seeds/000_90a41741d14c7c91.txt']}.md"
    kept.write_text(kept.read_text() + "\nEditor's addition.\n")
    gone = root / f"{by_seed['seeds/001_f5fe198a8d7d9358.txt']}.md"
    (tmp_path / "seeds" / "000_90a41741d14c7c91.txt").unlink()
    (tmp_path / "seeds" / "001_f5fe198a8d7d9358.txt").unlink()
    report = run(tmp_path)
    assert kept.exists() and not gone.exists()
    assert any("edited by hand" in w for w in report.warnings)


def test_no_temp_files_left_and_writes_are_atomic(tmp_path, five, monkeypatch):
    run(tmp_path, five)
    leftovers = [p for p in (tmp_path / "content" / "articles").iterdir()
                 if p.name.endswith(".tmp")]
    assert leftovers == []
    # A crash in the middle of writing leaves the old page intact.
    page = pages(tmp_path)[0]
    old = page.read_text()
    seed = tmp_path / "seeds" / "000_90a41741d14c7c91.txt"
    seed.write_text(seed.read_text() + "\n\nChanged.\n")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        run(tmp_path)
    assert all(p.read_text() for p in pages(tmp_path))
    assert page.read_text() == old or "Changed." not in page.read_text()
    assert not [p for p in (tmp_path / "content" / "articles").iterdir()
                if p.name.endswith(".tmp")]


@pytest.mark.parametrize("title", ["..", "../../etc/passwd", "index", "people", "/", "***",
                                   "Search", "a" * 300, "con", "../x/../y"])
def test_slugs_are_safe(tmp_path, title):
    report = run(tmp_path, {"x.txt": f"{title}\n\nThe body of the article says something.\n"})
    (result,) = report.results
    assert result.slug and "/" not in result.slug and ".." not in result.slug
    assert result.slug not in RESERVED_SLUGS
    assert len(result.slug) <= 70
    assert [p.parent for p in pages(tmp_path)] == [tmp_path / "content" / "articles"]


BAD = {
    "empty.txt": b"",
    "blank.txt": b"   \n\t\n  ",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_unusable_seed_is_skipped_with_warning_naming_it(tmp_path, five, name):
    report = run(tmp_path, {**five, name: BAD[name]})
    assert report.count("written") == 5
    assert any(name in w and "skipped" in w for w in report.warnings)
    assert any(r.seed.endswith(name) and r.status == "skipped" for r in report.results)


def test_cp1252_seed_is_decoded_with_warning(tmp_path, five):
    text = "Caf\u00e9 talks \u201cend\u201d in Paris\n\nThe minister\u2019s visit ended.\n"
    report = run(tmp_path, {**five, "cp.txt": text.encode("cp1252")})
    assert report.count("written") == 6
    assert any("cp.txt" in w and "cp1252" in w for w in report.warnings)
    page = next(p for p in pages(tmp_path) if "cp.txt" in p.read_text())
    assert "Caf\u00e9" in page.read_text(encoding="utf-8")


def test_headline_only_seed_is_published(tmp_path):
    report = run(tmp_path, {"h.txt": "Minister visits the capital\n"})
    assert report.count("written") == 1
    assert "Minister visits the capital" in pages(tmp_path)[0].read_text()


def test_ten_megabyte_seed_is_processed(tmp_path):
    sentence = "The envoy met officials in the capital on Monday to discuss aid. "
    big = sentence * (10_000_000 // len(sentence))
    start = time.perf_counter()
    report = run(tmp_path, {"big.txt": big})
    elapsed = time.perf_counter() - start
    assert report.count("written") == 1
    assert elapsed < 120  # generous: the benchmark measures real speed


def test_non_txt_and_directory_entries_are_reported(tmp_path, five):
    seeds = tmp_path / "seeds"
    run(tmp_path, five)
    (seeds / "notes.md").write_text("not a seed")
    (seeds / "folder.txt").mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret\n\nOutside text.\n")
    (seeds / "link.txt").symlink_to(outside)
    report = run(tmp_path)
    text = "\n".join(report.warnings)
    assert "notes.md" in text and "folder.txt" in text and "link.txt" in text
    assert report.count("unchanged") == 5


def test_check_warns_about_hand_edited_pages(tmp_path, five):
    """``news-digest check --strict`` must fail where a build would keep an edited page."""
    run(tmp_path, five)
    page = pages(tmp_path)[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nEditor's line.\n", encoding="utf-8")
    seed_name = next(ln for ln in page.read_text().splitlines() if ln.startswith("Seed:"))
    seed = tmp_path / seed_name.split(":", 1)[1].strip()
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nNew fact.\n", encoding="utf-8")
    report = ingest(tmp_path / "seeds", tmp_path / "content" / "articles",
                    project_root=tmp_path, write=False)
    (warning,) = [w for w in report.warnings if "by hand" in w]
    assert str(page) in warning and "seed has changed" in warning
    assert page.read_text(encoding="utf-8").endswith("Editor's line.\n")


def test_pages_get_the_usual_file_mode(tmp_path, five):
    """Pages are written through a temporary file; they must not keep its 0600 mode."""
    mask = os.umask(0o022)
    try:
        run(tmp_path, five)
    finally:
        os.umask(mask)
    assert {p.stat().st_mode & 0o777 for p in pages(tmp_path)} == {0o644}


def _run_cached(tmp_path: Path):
    return ingest(tmp_path / "seeds", tmp_path / "content" / "articles", project_root=tmp_path,
                  cache_dir=tmp_path / "cache")


def test_nothing_changed_renders_no_page(tmp_path, five, monkeypatch):
    """With the cache, a page written or verified from the same inputs is neither
    rendered nor read again; without it (a fresh clone) every page is checked."""
    run(tmp_path, five)
    _run_cached(tmp_path)  # verifies each page and records it
    rendered = []
    real = run_module.render_page
    monkeypatch.setattr(run_module, "render_page",
                        lambda *a, **k: rendered.append(1) or real(*a, **k))
    report = _run_cached(tmp_path)
    assert report.count("unchanged") == 5 and not rendered
    # a new person in one seed changes that page only, and it is rendered again
    seed = sorted((tmp_path / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nSenator Ilsa Vantorren said "
                    "the talks would go on.\n", encoding="utf-8")
    report = _run_cached(tmp_path)
    assert report.count("written") == 1 and len(rendered) >= 1


def test_a_page_edited_after_the_cache_recorded_it_is_not_taken_as_unchanged(tmp_path, five):
    run(tmp_path, five)
    _run_cached(tmp_path)
    page = pages(tmp_path)[0]
    text = page.read_text(encoding="utf-8")
    assert text.startswith("Title: ")
    page.write_text(text.replace("Title: ", "Title: Edited: ", 1), encoding="utf-8")
    report = _run_cached(tmp_path)
    assert report.count("kept-hand-edited") == 1
    assert "Edited: " in page.read_text(encoding="utf-8")


def test_page_stamp_names_every_input():
    data = ArticleData(seed="seeds/x.txt", stem="x", slug="x", title="T",
                       people=[Person("Ilsa Vantorren", ["Senator"], 1)])
    base = page_stamp(data, "sha", "ext", {})
    assert page_stamp(data, "sha", "ext", {}) == base
    assert page_stamp(data, "sha2", "ext", {}) != base
    assert page_stamp(data, "sha", "ext2", {}) != base
    assert page_stamp(data, "sha", "ext", {"Ilsa Vantorren": "ilsa-vantorren-2"}) != base
    assert page_stamp(data, "sha", "ext", {"Someone Else": "x-2"}) == base
    data.people[0].roles.append("Envoy")
    assert page_stamp(data, "sha", "ext", {}) != base


def test_page_hand_edits_follows_the_file_not_the_scan(tmp_path, five):
    """The site asks ingest's scan for each page's hand edits; a page changed since the
    scan is read again."""
    run(tmp_path, five)
    page = pages(tmp_path)[0]
    ArticleStore.scan(page.parent)
    assert page_hand_edits(page) == set()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Title: ", "Title: Edited: ", 1), encoding="utf-8")
    assert page_hand_edits(page) == {"title"}
    ArticleStore.scan(page.parent)
    assert page_hand_edits(page) == {"title"}
