"""Stale output (site/output.py): a page an earlier build wrote and this one did not is
removed; nothing the digest did not write is touched (issue 16, case 10)."""

from __future__ import annotations

from pathlib import Path

from pelican.plugins.news_digest.site import output

from tests.conftest import make_project, run_pelican


def test_prune_removes_only_previous_files_not_written_again(tmp_path: Path) -> None:
    out = tmp_path / "output"
    (out / "people").mkdir(parents=True)
    for rel in ("a.html", "b.html", "people/gone.html", "CNAME"):
        (out / rel).write_text("x", encoding="utf-8")
    outside = tmp_path / "outside.html"
    outside.write_text("keep", encoding="utf-8")
    removed = output.prune(out, ["a.html", "b.html", "people/gone.html", "../outside.html",
                                 str(outside), "missing.html", ""],
                           {str((out / "a.html").absolute())})
    assert sorted(p.relative_to(out).as_posix() for p in removed) == ["b.html",
                                                                      "people/gone.html"]
    assert (out / "a.html").exists() and (out / "CNAME").exists()
    assert not (out / "people").exists()  # emptied by the removal, so removed too
    assert outside.read_text(encoding="utf-8") == "keep"
    assert out.is_dir()


def test_manifest_is_per_output_folder(tmp_path: Path) -> None:
    a = output.manifest_path({"OUTPUT_PATH": str(tmp_path / "output"),
                              "CACHE_PATH": str(tmp_path / "cache")})
    b = output.manifest_path({"OUTPUT_PATH": str(tmp_path / "public"),
                              "CACHE_PATH": str(tmp_path / "cache")})
    assert a != b and a.parent == b.parent == tmp_path / "cache"


def _seed_and_page(root: Path) -> tuple[Path, str]:
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    page = next(p for p in (root / "content" / "articles").glob("*.md")
                if seed.name in p.read_text(encoding="utf-8"))
    return seed, page.stem


def test_deleted_seed_leaves_no_page_in_output(tmp_path: Path, caplog) -> None:
    root = make_project(tmp_path / "site")
    out = run_pelican(root)
    (out / "CNAME").write_text("digest.example.org\n", encoding="utf-8")  # the site's own
    seed, slug = _seed_and_page(root)
    article = out / "articles" / f"{slug}.html"
    assert article.is_file()
    seed.unlink()
    caplog.set_level("INFO")
    run_pelican(root)
    assert not article.exists()
    assert "no longer part of the site" in caplog.text and f"articles/{slug}.html" in caplog.text
    assert (out / "CNAME").read_text(encoding="utf-8") == "digest.example.org\n"
    assert len(list((out / "articles").glob("*.html"))) == 4
    assert (out / "index.html").is_file() and (out / "sitemap.xml").is_file()


def test_pruning_can_be_turned_off(tmp_path: Path) -> None:
    root = make_project(tmp_path / "site")
    out = run_pelican(root, NEWS_DIGEST_PRUNE_OUTPUT=False)
    seed, slug = _seed_and_page(root)
    seed.unlink()
    run_pelican(root, NEWS_DIGEST_PRUNE_OUTPUT=False)
    assert (out / "articles" / f"{slug}.html").is_file()
