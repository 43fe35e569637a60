"""The ``news-digest`` command as an editor runs it: inspect, convert, check."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT, SEEDS, make_project

KEYS = {"file", "slug", "title", "date", "date_provenance", "source", "summary",
        "body_paragraphs", "removed", "people", "places", "organizations", "trip", "quotes"}


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pelican.plugins.news_digest.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def project(tmp_path: Path, seeds=None) -> Path:
    root = make_project(tmp_path / "p", seeds)
    shutil.copy(ROOT / "pelican.conf.py", root / "pelican.conf.py")
    (root / "theme").symlink_to(ROOT / "theme")
    return root


def test_inspect_json_schema():
    proc = cli("inspect", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--json")
    assert proc.returncode == 0, proc.stderr
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(objects) == 5
    for obj in objects:
        assert set(obj) >= KEYS
        assert isinstance(obj["body_paragraphs"], list) and obj["body_paragraphs"]
        assert obj["date"] is None or len(obj["date"]) == 10
        for person in obj["people"]:
            assert isinstance(person["name"], str) and isinstance(person["roles"], list)
            assert isinstance(person["mentions"], int) and person["mentions"] >= 1
            assert person["provenance"]["kind"] in {"text", "inferred", "editor"}
        for entity in obj["places"] + obj["organizations"]:
            assert isinstance(entity["name"], str)
        for quote in obj["quotes"]:
            assert set(quote) >= {"text", "speaker", "provenance"}
        for removed in obj["removed"]:
            assert set(removed) >= {"text", "reason", "line"}
        trip = obj["trip"]
        assert trip is None or ({"number", "basis", "phrase"} <= set(trip)
                                and trip["basis"] in {"region", "visit"})
    by_file = {Path(o["file"]).name: o for o in objects}
    assert by_file["000_90a41741d14c7c91.txt"]["trip"]["number"] == 4


def test_inspect_works_outside_a_project(tmp_path):
    seed = tmp_path / "x.txt"
    seed.write_text("Envoy arrives in Nairobi\n\nThe envoy arrived on Monday for talks.\n")
    proc = cli("inspect", str(seed), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "Envoy arrives in Nairobi"


def test_convert_writes_pages_and_check_strict_fails_on_warnings(tmp_path):
    root = project(tmp_path)
    proc = cli("convert", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert len(list((root / "content" / "articles").glob("*.md"))) == 5
    assert cli("check", "--strict", cwd=root).returncode == 0
    (root / "seeds" / "empty.txt").write_text("")
    proc = cli("check", cwd=root)
    assert proc.returncode == 0 and "empty.txt" in proc.stderr
    proc = cli("check", "--strict", cwd=root)
    assert proc.returncode == 1 and "empty.txt" in proc.stderr


def test_bad_settings_are_explained_not_a_traceback(tmp_path):
    (tmp_path / "pelican.conf.py").write_text('THEME = "no-such-theme"\nPATH = "content"\n')
    (tmp_path / "content").mkdir()
    proc = cli("convert", cwd=tmp_path)
    assert proc.returncode == 2
    assert "pelican.conf.py" in proc.stderr and "no-such-theme" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_inspect_refuses_what_the_build_refuses_and_says_so(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    good = seeds / "good.txt"
    good.write_text("Envoy arrives in Nairobi\n\nThe envoy arrived on Monday for talks.\n")
    os.mkfifo(seeds / "fifo.txt")  # reading it would block forever
    (seeds / "out.txt").symlink_to("/etc/passwd")
    for name in ("fifo.txt", "out.txt", "missing.txt"):
        proc = cli("inspect", "seeds/good.txt", f"seeds/{name}", "--json", cwd=tmp_path)
        assert proc.returncode == 1, (name, proc.stderr)
        assert name in proc.stderr
        assert [json.loads(line)["title"] for line in proc.stdout.splitlines()] == \
            ["Envoy arrives in Nairobi"]
        assert "root:" not in proc.stdout


def test_inspect_json_carries_the_decode_warnings(tmp_path):
    seed = tmp_path / "old.txt"
    seed.write_bytes("Caf\u00e9 talks end\n\nThe visit to the caf\u00e9 ended.\n".encode("cp1252"))
    proc = cli("inspect", str(seed), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert any("cp1252" in w for w in json.loads(proc.stdout)["warnings"])
