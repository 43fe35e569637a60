"""Broken input: every seed is built or skipped with a warning naming it; the rest always build.

Encodings, line endings, NULs, empty files, huge files, directories, FIFOs,
unreadable files, symlinks and stray files in ``seeds/``. Tests run as root in CI,
where ``chmod 000`` does not stop a read, so unreadability is simulated by making
``Path.read_bytes`` raise ``PermissionError`` for that one file (what the kernel
does for a normal user).
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest
from pelican.plugins.news_digest.ingest.decode import decode_seed
from pelican.plugins.news_digest.ingest.page import read_header
from pelican.plugins.news_digest.ingest.run import ingest
from pelican.plugins.news_digest.ingest.store import is_hand_edited

from ..conftest import SEEDS, make_project, run_pelican, soup

STORY = ("Caf\u00e9 talks end in na\u00efve hope\n\n"
         "The minister\u2019s visit to the caf\u00e9 ended on Monday after long talks.\n\n"
         "Officials said the next round would follow within weeks.\n")
CP1252_ONLY = "Caf\u00e9 talks \u201cend\u201d\n\nThe minister\u2019s visit ended with talks.\n"
# 0x81 is undefined in cp1252, so this can only be latin-1.
LATIN1 = b"Caf\xe9 talks end\n\nThe visit ended \x81 with talks in the caf\xe9.\n"


def five() -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in SEEDS.glob("*.txt")}


def run(tmp_path: Path, seeds: dict[str, bytes | str] | None = None):
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir(exist_ok=True)
    for name, data in (seeds or {}).items():
        (seeds_dir / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    return ingest(seeds_dir, tmp_path / "content" / "articles", project_root=tmp_path)


def page_for(tmp_path: Path, name: str) -> str:
    for md in (tmp_path / "content" / "articles").glob("*.md"):
        text = md.read_text(encoding="utf-8")
        if read_header(text).get("seed", "").endswith(name):
            return text
    raise AssertionError(f"no page for {name}")


DECODABLE = {
    "utf8_bom.txt": (b"\xef\xbb\xbf" + STORY.encode(), "Caf\u00e9 talks", None),
    "utf16le_bom.txt": (STORY.encode("utf-16"), "na\u00efve hope", None),
    "utf16be_bom.txt": (b"\xfe\xff" + STORY.encode("utf-16-be"), "na\u00efve hope", None),
    "utf16le_nobom.txt": (STORY.encode("utf-16-le"), "na\u00efve hope", "UTF-16-LE"),
    "cp1252.txt": (CP1252_ONLY.encode("cp1252"), "Caf\u00e9 talks", "cp1252"),
    "latin1.txt": (LATIN1, "Caf\u00e9 talks", "latin-1"),
    "crlf.txt": (STORY.replace("\n", "\r\n").encode(), "long talks", None),
    "cr.txt": (STORY.replace("\n", "\r").encode(), "long talks", None),
    "stray_nul.txt": (STORY.encode().replace(b"Monday", b"Mon\x00day"), "on Monday", "NUL"),
}


@pytest.mark.parametrize("name", sorted(DECODABLE))
def test_decodable_seed_is_built_and_fallbacks_are_named(tmp_path, name):
    raw, must_show, warning = DECODABLE[name]
    report = run(tmp_path, {**five(), name: raw})
    assert report.count("written") == 6, report.warnings
    text = page_for(tmp_path, name)
    assert must_show in text
    assert "\r" not in text and "\x00" not in text and "\ufeff" not in text
    if warning:
        assert any(name in w and warning in w for w in report.warnings), report.warnings
    else:
        assert not any(name in w for w in report.warnings), report.warnings


SKIPPED = {
    "empty.txt": (b"", "empty"),
    "whitespace.txt": (b" \n\t\r\n \xc2\xa0\n", "empty"),
    "utf16_whitespace.txt": ("   \n\n".encode("utf-16"), "empty"),
    "nuls.txt": (b"\x00" * 4096, "binary"),
    "png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    "random.txt": (bytes((i * 7919 + 13) % 256 for i in range(8192)), "binary"),
    "broken_utf16.txt": (b"\xff\xfe" + b"a\x00\x00\xd8", "BOM"),  # lone surrogate
}


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_unusable_seed_is_skipped_with_a_warning_naming_it(tmp_path, name):
    raw, why = SKIPPED[name]
    report = run(tmp_path, {**five(), name: raw})
    assert report.count("written") == 5
    assert any(name in w and "skipped" in w and why in w for w in report.warnings), \
        report.warnings
    assert [r.status for r in report.results if r.seed.endswith(name)] == ["skipped"]


def test_decode_never_raises_on_any_bytes():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.binary(max_size=300) | st.text(max_size=100).map(lambda t: t.encode("utf-16")))
    def check(raw):
        d = decode_seed(raw)
        if d.text is None:
            assert d.problem  # a skipped seed always says why
        if d.text is not None:
            assert d.text.strip() and "\x00" not in d.text

    check()


def test_ten_megabyte_single_line_without_spaces(tmp_path):
    """The regex worst case: one 10 MB 'word' (no spaces, no sentence ends)."""
    start = time.perf_counter()
    report = run(tmp_path, {"huge.txt": "Headline\n\n" + "a" * 10_000_000,
                            "small.txt": STORY})
    assert report.count("written") == 2, report.warnings
    assert time.perf_counter() - start < 120  # generous safety bound, not a benchmark


def test_hundred_thousand_short_lines(tmp_path):
    lines = "\n".join(f"Line {i} of the story." if i % 7 else "" for i in range(100_000))
    start = time.perf_counter()
    report = run(tmp_path, {"many.txt": "A long story\n\n" + lines, "small.txt": STORY})
    assert report.count("written") == 2, report.warnings
    assert "Line 99998 of the story." in page_for(tmp_path, "many.txt")
    assert time.perf_counter() - start < 120


def test_odd_entries_in_seeds_are_reported_and_never_block(tmp_path):
    seeds = tmp_path / "seeds"
    run(tmp_path, five())
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret headline\n\nSecret text of the story.\n")
    (seeds / "notes.md").write_text("not a seed")
    (seeds / "image.png").write_bytes(b"\x89PNG")
    (seeds / "folder.txt").mkdir()
    os.mkfifo(seeds / "fifo.txt")  # reading it would block forever
    (seeds / "outside.txt").symlink_to(outside / "secret.txt")
    (seeds / "outside_dir.txt").symlink_to(outside)
    (seeds / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (seeds / "loop.txt").symlink_to("loop.txt")
    (seeds / "absolute.txt").symlink_to("/etc/hostname")
    (seeds / "inside.txt").symlink_to("000_90a41741d14c7c91.txt")  # allowed: inside seeds/
    report = run(tmp_path)
    warnings = "\n".join(report.warnings)
    for name in ("notes.md", "image.png", "folder.txt", "fifo.txt", "outside.txt",
                 "outside_dir.txt", "dangling.txt", "loop.txt", "absolute.txt"):
        assert f"{name}:" in warnings, name
    # inside.txt is 000's file under a second name: the same article, on its one page
    assert report.count("unchanged") == 6 and report.count("written") == 0
    assert "Secret text" not in "".join(
        p.read_text() for p in (tmp_path / "content" / "articles").glob("*.md"))


def test_unreadable_seed_is_skipped_and_named(tmp_path, monkeypatch):
    """Simulated: as root ``chmod 000`` still reads, so ``read_bytes`` raises like it would."""
    (tmp_path / "seeds").mkdir()
    locked = tmp_path / "seeds" / "locked.txt"
    locked.write_text(STORY)
    locked.chmod(0)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = run(tmp_path, five())
    assert report.count("written") == 5
    assert any("locked.txt" in w and "Permission denied" in w for w in report.warnings)


def test_seed_names_with_odd_whitespace_keep_their_page(tmp_path):
    """A name the Seed: line cannot hold verbatim must not get a new slug every run."""
    run(tmp_path, {"a  b.txt": STORY, "tab\tname.txt": STORY.replace("Caf", "Bar")})
    first = sorted(p.name for p in (tmp_path / "content" / "articles").glob("*.md"))
    for _ in range(2):
        report = run(tmp_path)
        assert report.count("unchanged") == 2, [(r.seed, r.status) for r in report.results]
    assert sorted(p.name for p in (tmp_path / "content" / "articles").glob("*.md")) == first


def test_a_crashing_seed_never_loses_the_others(tmp_path, monkeypatch):
    import pelican.plugins.news_digest.ingest.cache as ingest_mod

    real = ingest_mod.clean

    def clean(text):
        if "EXPLODE" in text:
            raise ValueError("boom")
        return real(text)

    monkeypatch.setattr(ingest_mod, "clean", clean)
    report = run(tmp_path, {**five(), "bomb.txt": "Headline\n\nEXPLODE now.\n"})
    assert report.count("written") == 5
    assert any("bomb.txt" in w and "boom" in w for w in report.warnings)


def test_pelican_build_with_broken_seeds_builds_the_rest(tmp_path, caplog, monkeypatch):
    from pelican.log import LimitFilter

    # Pelican logs each distinct warning once per process; earlier tests logged these.
    monkeypatch.setattr(LimitFilter, "_raised_messages", set())
    caplog.set_level(logging.WARNING)
    seeds: dict[str, bytes | str] = {**five(), **{k: v[0] for k, v in DECODABLE.items()},
                                     **{k: v[0] for k, v in SKIPPED.items()}}
    root = make_project(tmp_path / "site", seeds, editor_data=False)
    (root / "seeds" / "dir.txt").mkdir()
    (root / "seeds" / "stray.docx").write_bytes(b"PK\x03\x04")
    out = run_pelican(root)
    built = {read_header(p.read_text()).get("seed", "").rsplit("/", 1)[-1]
             for p in (root / "content" / "articles").glob("*.md")}
    assert built == set(five()) | set(DECODABLE)
    for name in built:
        md = next(p for p in (root / "content" / "articles").glob("*.md")
                  if read_header(p.read_text())["seed"].endswith(name))
        assert not is_hand_edited(md.read_text())
        assert (out / "articles" / f"{md.stem}.html").is_file(), name
    logged = caplog.text
    for name in [*SKIPPED, "dir.txt", "stray.docx", "cp1252.txt", "latin1.txt"]:
        assert name in logged, name
    page = next((out / "articles").glob("*.html"))
    assert soup(page).h1 is not None
