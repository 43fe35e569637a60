"""version.py: the key that says when pages are out of date covers extraction only."""

from __future__ import annotations

from pathlib import Path

from pelican.plugins.news_digest import version


def _package(root: Path) -> Path:
    for rel in ("extract/people.py", "data/stop.txt", "site/annotate.py",
                "templates/person.html", "plugin.py", "model.py"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel, encoding="utf-8")
    return root


def test_site_files_do_not_change_the_extraction_key(tmp_path: Path) -> None:
    root = _package(tmp_path)
    before = version.tree_key(root, version.SITE_PARTS)
    for rel in ("site/annotate.py", "templates/person.html", "plugin.py"):
        (root / rel).write_text("restyled", encoding="utf-8")
    assert version.tree_key(root, version.SITE_PARTS) == before
    (root / "site" / "search.py").write_text("new", encoding="utf-8")
    assert version.tree_key(root, version.SITE_PARTS) == before


def test_extraction_files_change_the_extraction_key(tmp_path: Path) -> None:
    root = _package(tmp_path)
    before = version.tree_key(root, version.SITE_PARTS)
    for rel in ("extract/people.py", "data/stop.txt", "model.py"):
        (root / rel).write_text(rel + " changed", encoding="utf-8")
        after = version.tree_key(root, version.SITE_PARTS)
        assert after != before
        before = after


def test_the_full_code_key_covers_the_site_too(tmp_path: Path) -> None:
    root = _package(tmp_path)
    before = version.tree_key(root)
    (root / "site" / "annotate.py").write_text("changed", encoding="utf-8")
    assert version.tree_key(root) != before
