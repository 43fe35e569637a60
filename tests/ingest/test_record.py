"""The page is the record: one readable header, read back without extraction, stable
addresses, and migration of pages in the earlier (``Digest:`` JSON) format."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pelican.plugins.news_digest.cli import main as cli_main
from pelican.plugins.news_digest.editorial.corrections import load_corrections
from pelican.plugins.news_digest.editorial.trips import load_trips
from pelican.plugins.news_digest.ingest import run as run_module
from pelican.plugins.news_digest.ingest.page import (
    edited_fields,
    list_items,
    parse_page,
    parse_person,
)
from pelican.plugins.news_digest.ingest.run import ingest

from ..conftest import ROOT, make_project


def project(tmp_path: Path, seeds: dict[str, str] | None = None) -> Path:
    root = tmp_path / "p"
    make_project(root, seeds)
    shutil.copy(ROOT / "pelican.conf.py", root / "pelican.conf.py")
    (root / "theme").symlink_to(ROOT / "theme")
    return root


def convert(root: Path, cache: bool = False, **kw):
    content = root / "content"
    return ingest(root / "seeds", content / "articles", project_root=root,
                  trips=load_trips(content / "trips.toml") if (content / "trips.toml").exists()
                  else None,
                  corrections=load_corrections(content / "corrections.toml")
                  if (content / "corrections.toml").exists() else None,
                  cache_dir=root / "cache" if cache else None, **kw)


def pages(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8")
            for p in sorted((root / "content" / "articles").glob("*.md"))}


def header(text: str) -> list[str]:
    return text.split("\n\n", 1)[0].splitlines()


@pytest.fixture
def extractions(monkeypatch) -> list[int]:
    """How many seeds each ingest extracted."""
    counts: list[int] = []
    real = run_module.analyse_all

    def spy(jobs, *args, **kwargs):
        counts.append(len(jobs))
        return real(jobs, *args, **kwargs)

    monkeypatch.setattr(run_module, "analyse_all", spy)
    return counts


# ------------------------------------------------------------------ 1. one readable header

def test_header_is_plain_lines_every_fact_once(tmp_path):
    root = project(tmp_path)
    convert(root)
    for name, text in pages(root).items():
        lines = header(text)
        keys = [ln.split(":", 1)[0] for ln in lines if not ln.startswith(" ")]
        assert len(keys) == len(set(keys)), name  # every fact once
        assert "Digest" not in keys and "Fingerprint" not in keys
        assert not any(ln.lstrip().startswith(("{", "[")) for ln in lines), name  # no JSON
        assert all(len(ln) <= 320 for ln in lines), name
        assert {"Title", "People", "Provenance", "Seed-Sha256", "Extractor",
                "Generated"} <= set(keys)
        assert all(ln.startswith("    ") or re.match(r"^[A-Z][A-Za-z0-9-]*: ?", ln)
                   for ln in lines), name


def test_people_quotes_removed_and_provenance_are_readable(tmp_path):
    root = project(tmp_path)
    convert(root)
    text = pages(root)["senior-israeli-leaders-met-with-visiting-blinken-on-tuesday.md"]
    page = parse_page(text)
    people = {name: roles for name, roles, _ in map(parse_person,
                                                    list_items(page.fields["people"]))}
    assert "Isaac Herzog" in people and people["Antony Blinken"]
    assert any(q.startswith("Isaac Herzog: ") for q in list_items(page.fields["quotes"]))
    assert all(r.startswith("line ") for r in list_items(page.fields["removed"]))
    assert any(p.startswith("Date: ") for p in list_items(page.fields["provenance"]))


# ------------------------------------------------------------------ 2. hand edits are kept

def test_hand_edit_is_named_by_field_and_kept(tmp_path, caplog):
    root = project(tmp_path)
    convert(root)
    path = root / "content" / "articles" / "us-top-diplomat-blinken-lands-in-israel-for-gaza" \
                                           "-cease-fire.md"
    edited = path.read_text(encoding="utf-8").replace("\nTrip: 6\n", "\nTrip: 5\n")
    path.write_text(edited, encoding="utf-8")
    assert edited_fields(parse_page(edited)) == {"trip"}
    report = convert(root)
    assert path.read_text(encoding="utf-8") == edited
    (warning,) = [w for w in report.warnings if "by hand" in w]
    assert str(path) in warning and "(trip)" in warning
    assert report.count("kept-hand-edited") == 1 and report.count("unchanged") == 4


# ------------------------------------------------------------------ 3. no re-extraction

def test_fresh_clone_reads_pages_and_extracts_nothing(tmp_path, extractions):
    root = project(tmp_path)
    convert(root)
    before = pages(root)
    assert extractions == [5]
    report = convert(root)  # no cache: a fresh clone with its pages committed
    assert extractions[-1] == 0
    assert report.count("unchanged") == 5 and pages(root) == before


def test_a_changed_seed_alone_is_extracted(tmp_path, extractions):
    root = project(tmp_path)
    convert(root)
    seed = root / "seeds" / "003_a80e76dd1f473702.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA new closing line.\n",
                    encoding="utf-8")
    report = convert(root)
    assert extractions[-1] == 1 and report.count("written") == 1


def test_a_new_seed_changes_another_pages_facts(tmp_path, extractions):
    """Surname resolution across articles runs over what the pages say: a newcomer that
    names "Dana Whitlock" in full completes "Whitlock" on the page already there."""
    first = ("Envoy meets ministers in Oslo\n\nThe envoy met Mr. Whitlock in Oslo on Monday. "
             "Whitlock said the talks were useful.\n")
    second = ("Talks continue in Bergen\n\nForeign Minister Dana Whitlock hosted the envoy "
              "in Bergen on Tuesday.\n")
    root = project(tmp_path, {"a.txt": first})
    convert(root)
    (old,) = pages(root).values()
    assert "- Whitlock" in old
    (root / "seeds" / "b.txt").write_text(second, encoding="utf-8")
    report = convert(root)
    assert extractions[-1] == 1  # only the newcomer
    now = pages(root)
    assert report.count("written") == 2
    page_a = next(t for t in now.values() if "Oslo" in t.split("\n\n", 1)[0])
    assert "- Dana Whitlock" in page_a


def test_new_seed_changing_a_hand_edited_page_says_what_would_change(tmp_path):
    first = ("Envoy meets ministers in Oslo\n\nThe envoy met Mr. Whitlock in Oslo on Monday. "
             "Whitlock said the talks were useful.\n")
    root = project(tmp_path, {"a.txt": first})
    convert(root)
    (path,) = (root / "content" / "articles").glob("*.md")
    path.write_text(path.read_text(encoding="utf-8").replace("Title: ", "Title: My ", 1),
                    encoding="utf-8")
    (root / "seeds" / "b.txt").write_text(
        "Talks continue in Bergen\n\nForeign Minister Dana Whitlock hosted the envoy in "
        "Bergen on Tuesday.\n", encoding="utf-8")
    report = convert(root)
    (warning,) = [w for w in report.warnings if "by hand" in w]
    assert "(title)" in warning and "new values for: " in warning and "people" in warning


# ------------------------------------------------------------------ 4. stable addresses

def test_renamed_seed_keeps_its_page_and_address(tmp_path):
    root = project(tmp_path)
    convert(root)
    before = set(pages(root))
    (root / "seeds" / "002_100b739afe2dc999.txt").rename(root / "seeds" / "zz-renamed.txt")
    report = convert(root)
    assert set(pages(root)) == before
    (result,) = [r for r in report.results if r.seed.endswith("zz-renamed.txt")]
    assert result.slug == "us-top-diplomat-blinken-lands-in-israel-for-gaza-cease-fire"
    assert "Seed: seeds/zz-renamed.txt" in pages(root)[f"{result.slug}.md"]


def test_edited_seed_keeps_its_address_and_newcomer_gets_the_suffix(tmp_path):
    story = "Minister visits the port\n\nThe minister visited the port on Monday.\n"
    root = project(tmp_path, {"m.txt": story})
    convert(root)
    (root / "seeds" / "a.txt").write_text(story.replace("Monday", "Friday"), encoding="utf-8")
    (root / "seeds" / "m.txt").write_text(story + "\nMore text.\n", encoding="utf-8")
    report = convert(root)
    slugs = {Path(r.seed).name: r.slug for r in report.results}
    assert slugs == {"m.txt": "minister-visits-the-port", "a.txt": "minister-visits-the-port-2"}


def test_person_keeps_address_when_a_same_slug_person_arrives(tmp_path):
    root = project(tmp_path, {"a.txt": "Mayor meets farmers\n\nMayor José Pérez met farmers "
                                       "in Lyon on Monday.\n"})
    convert(root)
    (root / "seeds" / "0.txt").write_text("Council votes\n\nCouncil member Jose Perez voted "
                                          "against the plan in Lyon. Perez said it was too "
                                          "costly.\n", encoding="utf-8")
    convert(root)
    text = "\n".join(pages(root).values())
    assert "José Pérez (Mayor)\n" in text or "- José Pérez\n" in text
    assert "Jose Perez" in text and "[page jose-perez-2]" in text


def test_inspect_gives_the_slug_the_build_uses(tmp_path, capsys, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    report = convert(root)
    built = {r.seed: r.slug for r in report.results}
    (root / "seeds" / "001_f5fe198a8d7d9358.txt").rename(root / "seeds" / "renamed.txt")
    built["seeds/renamed.txt"] = built.pop("seeds/001_f5fe198a8d7d9358.txt")
    seeds = sorted(str(p.relative_to(root)) for p in (root / "seeds").glob("*.txt"))
    assert cli_main(["inspect", "--json", *seeds]) == 0
    got = {d["file"]: d["slug"] for d in map(json.loads, capsys.readouterr().out.splitlines())}
    assert got == built
    after = convert(root)
    assert {r.seed: r.slug for r in after.results} == got
    assert {f"{s}.md" for s in got.values()} == set(pages(root))


# ------------------------------------------------------------------ 5. migration

LEGACY = (ROOT / "tests" / "ingest" / "legacy-page.md")


def legacy_project(tmp_path: Path) -> tuple[Path, Path]:
    """A project whose page for seed 002 is in the earlier format (as committed before)."""
    root = project(tmp_path)
    path = root / "content" / "articles" / LEGACY.name.replace(
        "legacy-page", "us-top-diplomat-blinken-lands-in-israel-for-gaza-cease-fire")
    shutil.copy(LEGACY, path)
    assert "Seed: seeds/002_100b739afe2dc999.txt" in LEGACY.read_text(encoding="utf-8")
    return root, path


def test_old_format_page_is_migrated(tmp_path):
    root, path = legacy_project(tmp_path)
    report = convert(root)
    text = path.read_text(encoding="utf-8")
    assert "Digest:" not in text and "Generated:" in text
    assert edited_fields(parse_page(text)) == set()
    assert report.count("written") == 5


def test_hand_edited_old_page_is_kept_then_migrated_with_its_edits(tmp_path, monkeypatch):
    root, path = legacy_project(tmp_path)
    old = path.read_text(encoding="utf-8")
    edited = old.replace("Trip-Resolved: 6", "Trip-Resolved: 5").replace(
        "Title: US top diplomat", "Title: The US top diplomat")
    path.write_text(edited, encoding="utf-8")
    report = convert(root)
    assert path.read_text(encoding="utf-8") == edited
    (warning,) = [w for w in report.warnings if "by hand" in w]
    assert str(path) in warning and f"news-digest migrate {path}" in warning
    monkeypatch.chdir(root)
    assert cli_main(["-q", "migrate", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "Digest:" not in text
    assert "\nTrip: 5\n" in text and "Title: The US top diplomat" in text
    assert edited_fields(parse_page(text)) == {"title", "trip"}

