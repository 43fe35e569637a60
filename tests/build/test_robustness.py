"""No single seed can stop, stall or silently drop out of the build (issue 16).

Each test builds a real project in tmp_path with one hostile seed beside an
ordinary one: the build completes, the ordinary seed is published, and
``news-digest check --strict`` exits non-zero where something would be lost,
garbled or refused.
"""

from __future__ import annotations

import re
import shutil
import xml.dom.minidom
from pathlib import Path

import pytest
from pelican.plugins.news_digest import cli

from ..conftest import ROOT, make_project, run_pelican

ORDINARY = ("Envoy arrives in Nairobi\n\nThe envoy Jane Roe arrived in Nairobi on Monday "
            "for talks with officials.\n\n\"We will talk,\" Jane Roe said.\n")


def project(tmp_path: Path, seeds: dict[str, bytes | str]) -> Path:
    root = make_project(tmp_path / "p", {"ordinary.txt": ORDINARY, **seeds}, editor_data=False)
    shutil.copy(ROOT / "pelican.conf.py", root / "pelican.conf.py")
    (root / "theme").symlink_to(ROOT / "theme")
    return root


def check_strict(root: Path, monkeypatch) -> int:
    monkeypatch.chdir(root)
    return cli.main(["check", "--strict"])


def published(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "articles").glob("*.html"))


def test_a_very_long_person_name_gets_a_short_page_name(tmp_path, monkeypatch):
    first, last = "Johnathan" + "a" * 140, "Smithson" + "b" * 140
    seed = (f"Talks in Cairo end\n\nUS Secretary of State Antony Blinken met envoy {first} "
            f"{last} on Monday.\n\n\"We will continue,\" {first} {last} said.\n")
    root = project(tmp_path, {"lp.txt": seed})
    out = run_pelican(root)
    assert len(published(out)) == 2
    pages = [p.name for p in (out / "people").glob("*.html")]
    assert any(name.startswith("johnathan") for name in pages), pages
    assert max(len(name) for name in pages) <= 80
    assert check_strict(root, monkeypatch) == 1


@pytest.mark.parametrize("char", ["\uffff", "\ufffe", "\x01", "\U0001ffff"])
def test_characters_xml_cannot_carry_never_break_the_feeds(tmp_path, monkeypatch, char):
    root = project(tmp_path, {"odd.txt": ORDINARY.replace("Nairobi", f"Nairobi {char}")
                              .replace("arrives", "lands")})
    out = run_pelican(root)
    assert len(published(out)) == 2
    assert check_strict(project(tmp_path / "clean", {}), monkeypatch) == 0
    feeds = list((out / "feeds").rglob("*.xml"))
    assert len(feeds) >= 2  # the site's and a person's
    for feed in feeds:
        xml.dom.minidom.parse(str(feed))  # raises on a character XML cannot carry
    assert check_strict(root, monkeypatch) == 1


def test_the_search_index_has_no_fixed_temporary_name(tmp_path):
    """Two builds into one output/ crashed on a shared ``search-index.js.tmp``: with a
    directory squatting that name, a build must still write its index."""
    root = project(tmp_path, {})
    (root / "output" / "search-index.js.tmp").mkdir(parents=True)
    out = run_pelican(root)
    assert (out / "search-index.js").stat().st_size > 0


def test_a_page_saved_as_cp1252_is_published_and_check_flags_it(tmp_path, monkeypatch):
    root = project(tmp_path, {})
    run_pelican(root)
    (page,) = (root / "content" / "articles").glob("*.md")
    edited = page.read_text(encoding="utf-8").replace("for talks", "for caf\u00e9 talks")
    page.write_bytes(edited.encode("cp1252"))
    assert check_strict(root, monkeypatch) == 1
    out = run_pelican(root)
    assert [p.name for p in (root / "content" / "articles").glob("*.md")] == [page.name]
    assert "caf\u00e9 talks" in (out / "articles" / f"{page.stem}.html").read_text("utf-8")


def test_a_year_9999_date_in_a_seed_or_a_page_never_crashes_the_build(tmp_path):
    root = project(tmp_path, {"far.txt": " date 9999-12-31 \nTalks end in far future\n\n"
                              "The envoy Jane Roe left Nairobi on Monday after talks.\n"})
    out = run_pelican(root)
    assert len(published(out)) == 2
    page = next(p for p in (root / "content" / "articles").glob("*.md")
                if "ordinary" in p.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(?m)^Date: .*$", "Date: 9999-12-31", text, count=1)
                    if "\nDate: " in text else text.replace("\n", "\nDate: 9999-12-31\n", 1),
                    encoding="utf-8")
    out = run_pelican(root)
    assert len(published(out)) == 2
