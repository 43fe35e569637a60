"""No data loss: real ``news-digest convert`` processes killed mid-write or run at once.

Pages are written to a temporary file and renamed, under a folder lock, so a
killed ingest leaves each page either as it was or complete, and two ingests
started together leave one page per seed. These tests do it for real with
SIGKILL and two concurrent processes; nothing is mocked.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pelican.plugins.news_digest.ingest.page import read_header
from pelican.plugins.news_digest.ingest.store import is_hand_edited

from ..conftest import ROOT, SEEDS

N_SEEDS = 40


def project(tmp_path: Path, n: int = N_SEEDS, repeat: int = 6) -> Path:
    """``n`` distinct seeds of ~``repeat`` times an example's size, and the settings file."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "pelican.conf.py", tmp_path / "pelican.conf.py")
    (tmp_path / "theme").symlink_to(ROOT / "theme")
    examples = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
    for i in range(n):
        head, _, body = examples[i % len(examples)].partition("\n")
        text = f"{head} number {i}\n{body}" + f"\n\nClosing paragraph {i} of the story.\n"
        body_more = "\n\n".join(f"Paragraph {k} of copy {i} says the talks went on."
                                for k in range(repeat * 20))
        (tmp_path / "seeds" / f"seed_{i:03}.txt").write_text(text + "\n\n" + body_more)
    return tmp_path


CLI = [sys.executable, "-m", "pelican.plugins.news_digest.cli"]


def convert(root: Path) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "-q", "convert"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def md_pages(root: Path) -> list[Path]:
    return sorted((root / "content" / "articles").glob("*.md"))


def assert_consistent(root: Path, complete: bool) -> None:
    """Every page is whole and carries a valid fingerprint; no stray files when complete."""
    seeds_seen: dict[str, Path] = {}
    for md in md_pages(root):
        text = md.read_text(encoding="utf-8")
        assert text.endswith("\n") and "\n\n" in text, f"{md.name}: truncated"
        assert not is_hand_edited(text), f"{md.name}: truncated or corrupt (bad fingerprint)"
        seed = read_header(text)["seed"]
        assert seed not in seeds_seen, f"{seed}: two pages {seeds_seen[seed].name}, {md.name}"
        seeds_seen[seed] = md
    if complete:
        assert len(seeds_seen) == len(list((root / "seeds").glob("*.txt")))
        extra = [p.name for p in (root / "content" / "articles").iterdir()
                 if p.suffix != ".md" and p.name != ".news-digest.lock"]
        assert extra == [], f"temporary files left: {extra}"


def wait_for_writes(root: Path, before: dict[str, int], proc: subprocess.Popen,
                    limit: float = 120) -> bool:
    """Poll until the process starts replacing pages (or exits); True if it started."""
    deadline = time.monotonic() + limit
    folder = root / "content" / "articles"
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            now = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()
                   if p.name != ".news-digest.lock"}
        except FileNotFoundError:  # a temporary file renamed while listing: writing
            return True
        if now != before:
            return True
        time.sleep(0.0005)
    return False


@pytest.mark.slow
def test_sigkill_mid_ingest_never_leaves_a_truncated_page(tmp_path):
    root = project(tmp_path)
    first = convert(root)
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    assert_consistent(root, complete=True)
    rng = random.Random(1234)
    kills_during_writes = 0
    round_ = 0
    # Until two kills have landed inside the write phase (at most 8 rounds: under
    # load a run can finish before the poll notices it started writing).
    while kills_during_writes < 2 and round_ < 8:
        # Change every seed so every page is rewritten, then kill at a random moment
        # inside the write phase.
        for seed in (root / "seeds").glob("*.txt"):
            with seed.open("a", encoding="utf-8") as fh:
                fh.write(f"\n\nUpdate {round_} to the story.\n")
        before = {p.name: p.stat().st_mtime_ns for p in (root / "content" / "articles")
                  .iterdir() if p.name != ".news-digest.lock"}
        proc = convert(root)
        if wait_for_writes(root, before, proc):
            # Half the rounds kill at the first sign of writing (a page being
            # truncated, if writes were not atomic), the rest a little later.
            if round_ % 2:
                time.sleep(rng.uniform(0, 0.03))
            if proc.poll() is None:
                kills_during_writes += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert_consistent(root, complete=False)
        round_ += 1
    assert kills_during_writes >= 1, "never managed to kill during the write phase"
    # The next run finishes the job and clears what the killed ones left.
    final = convert(root)
    assert final.wait(timeout=300) == 0, final.stderr.read().decode()
    assert_consistent(root, complete=True)
    last = f"Update {round_ - 1} to the story."
    assert all(last in p.read_text() for p in md_pages(root))


@pytest.mark.slow
def test_two_converts_at_once_leave_one_page_per_seed(tmp_path):
    root = project(tmp_path, n=20, repeat=5)
    procs = [convert(root), convert(root)]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    assert_consistent(root, complete=True)
    # ...and again with a hand-edited page and a changed seed in the mix.
    page = md_pages(root)[0]
    edited = page.read_text(encoding="utf-8") + "\nAn editor's note.\n"
    page.write_text(edited, encoding="utf-8")
    seed_of_page = read_header(edited)["seed"]
    (root / seed_of_page).write_text((root / seed_of_page).read_text() + "\n\nNew line.\n")
    procs = [convert(root), convert(root)]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    assert page.read_text(encoding="utf-8") == edited
    others = [p for p in md_pages(root) if p != page]
    for p in others:
        assert not is_hand_edited(p.read_text(encoding="utf-8"))
    assert len(md_pages(root)) == 20


def test_hand_edited_page_survives_seed_change_and_deletion(tmp_path):
    root = project(tmp_path, n=3, repeat=1)
    assert convert(root).wait(timeout=120) == 0
    page = md_pages(root)[0]
    seed = root / read_header(page.read_text())["seed"]
    edited = page.read_text().replace("Title: ", "Title: Corrected ", 1)
    page.write_text(edited)
    seed.write_text(seed.read_text() + "\n\nThe seed changed.\n")
    proc = convert(root)
    _, err = proc.communicate(timeout=120)
    assert page.read_text() == edited
    seed.unlink()
    proc = subprocess.run([*CLI, "convert"], cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert page.read_text() == edited
    assert page.name in proc.stderr and "by hand" in proc.stderr
    assert len(md_pages(root)) == 3  # the other two untouched, the edited one kept


def test_stale_temp_files_are_cleared_but_other_files_are_not(tmp_path):
    root = project(tmp_path, n=2, repeat=1)
    folder = root / "content" / "articles"
    stale = folder / ".some-page.md.abc123.tmp"
    stale.write_text("half a page")
    mine = folder / "notes.tmp"  # not ours: left alone
    mine.write_text("editor's file")
    assert convert(root).wait(timeout=120) == 0
    assert not stale.exists() and mine.read_text() == "editor's file"
    assert os.listdir(folder)
