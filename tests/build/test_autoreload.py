"""The editing loop: under a real ``pelican --listen --autoreload``, a new, edited or
deleted seed shows in the served site without a restart.

Each step waits, within a bound, for the served search index to say what the seeds
say now; the server is always stopped at the end.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ..conftest import SEEDS

WAIT = 90  # seconds a step may take before the test gives up (a bound, not a measure)

SEED = """ date 2024-03-05
Envoy opens {word} talks in Nairobi
The special envoy met ministers in Nairobi on Tuesday to open the {word} talks on the
border dispute, officials said.
"The talks will continue next week," the envoy told reporters after the meeting.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small site: its own settings, Pelican's default theme, two example seeds."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "pelicanconf.py").write_text(
        'SITENAME = "Autoreload"\nPATH = "content"\nTIMEZONE = "UTC"\n'
        'PLUGINS = ["pelican.plugins.news_digest"]\nNEWS_DIGEST_SEEDS_PATH = "seeds"\n',
        encoding="utf-8")
    return tmp_path


@pytest.fixture
def served(project: Path) -> Iterator[Callable[[str], str]]:
    """``get(path)``: a file of the site that ``pelican --listen --autoreload`` serves."""
    port = free_port()
    log = (project / "pelican.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pelican", "--autoreload", "--listen", "--port", str(port),
         "--bind", "127.0.0.1", "-s", "pelicanconf.py", "content"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def get(path: str) -> str:
        url = f"http://127.0.0.1:{port}/{path}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")

    try:
        yield get
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)
        log.close()


def builds_done(project: Path) -> int:
    """How many builds the autoreload process has finished so far."""
    return (project / "pelican.log").read_text(encoding="utf-8", errors="replace").count("Done:")


def wait_until(check: Callable[[], bool], what: str, project: Path,
               again: Callable[[], None] | None = None) -> None:
    """Wait (within WAIT seconds) until ``check()``. Pelican starts watching only once a
    build is over, so a change made in between goes unseen: ``again`` repeats it now
    and then, as an editor saving the file again would."""
    deadline = time.monotonic() + WAIT
    nudge = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:  # not serving yet, or mid-write
            pass
        if again is not None and time.monotonic() > nudge:
            again()
            nudge = time.monotonic() + 10
        time.sleep(0.5)
    log = (project / "pelican.log").read_text(encoding="utf-8", errors="replace")
    pytest.fail(f"the served site never showed {what}; pelican said:\n{log[-3000:]}")


def index_has(get: Callable[[str], str], word: str) -> bool:
    return word in get("search-index.js")


def test_new_edited_and_deleted_seeds_show_in_the_served_site(project, served):
    seed = project / "seeds" / "new_envoy.txt"

    def write(word: str) -> Callable[[], None]:
        return lambda: seed.write_text(SEED.format(word=word), encoding="utf-8")

    def settled(builds: int) -> None:
        wait_until(lambda: builds_done(project) > builds, "the build finish", project)

    wait_until(lambda: "search-form" in served("search.html"), "the first build", project)
    settled(0)
    assert not index_has(served, "Zanzibarquux")

    builds = builds_done(project)
    write("Zanzibarquux")()
    wait_until(lambda: index_has(served, "Zanzibarquux"), "the new seed", project,
               again=write("Zanzibarquux"))
    assert "people/" in served("people.html")
    settled(builds)

    builds = builds_done(project)
    write("Quokkaville")()
    wait_until(lambda: index_has(served, "Quokkaville") and not index_has(served, "Zanzibarquux"),
               "the edited seed", project, again=write("Quokkaville"))
    settled(builds)

    seed.unlink()
    wait_until(lambda: not index_has(served, "Quokkaville"), "the deleted seed gone", project)
    assert not list((project / "content" / "articles").glob("*quokkaville*"))
