"""Shared fixtures: the example expectations and real Pelican builds into tmp_path."""

from __future__ import annotations

import logging
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.sitemap import sitemap

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_SPEC = ROOT.parent / "shared" / "spec" / "seeds-expected.toml"
# The product spec lives beside the checkout in ``../shared/``; a clone elsewhere (CI)
# uses the copy in ``tests/spec/``, which test_project checks against the original.
SPEC_COPY = ROOT / "tests" / "spec" / "seeds-expected.toml"
EXPECTED_FILE = SHARED_SPEC if SHARED_SPEC.is_file() else SPEC_COPY
with EXPECTED_FILE.open("rb") as _fh:
    SPEC_SEEDS: list[dict] = tomllib.load(_fh)["seed"]


def load_expected() -> list[dict]:
    return SPEC_SEEDS


@pytest.fixture(scope="session")
def expected() -> list[dict]:
    return load_expected()


def make_project(root: Path, seeds: dict[str, bytes | str] | None = None,
                 editor_data: bool = True) -> Path:
    """A project folder in ``root``: seeds (the five examples by default) + content."""
    (root / "seeds").mkdir(parents=True)
    if seeds is None:
        for f in SEEDS.glob("*.txt"):
            shutil.copy(f, root / "seeds" / f.name)
    else:
        for name, data in seeds.items():
            target = root / "seeds" / name
            if isinstance(data, str):
                target.write_text(data, encoding="utf-8")
            else:
                target.write_bytes(data)
    content = root / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "articles").mkdir(parents=True)
    if editor_data:
        for f in (ROOT / "content").glob("*.toml"):
            shutil.copy(f, content / f.name)
    return root


def pelican_settings(root: Path, conf: str = "pelican.conf.py", **overrides) -> dict:
    from pelican.settings import read_settings

    override = {
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / "output"),
        "CACHE_PATH": str(root / "cache"),
        "NEWS_DIGEST_SEEDS_PATH": str(root / "seeds"),
    }
    override.update(overrides)
    return read_settings(str(ROOT / conf), override=override)


def run_pelican(root: Path, conf: str = "pelican.conf.py", **overrides) -> Path:
    """A real Pelican build of the project in ``root``; returns the output folder."""
    from pelican import Pelican

    _forget_failed_builds()
    Pelican(pelican_settings(root, conf, **overrides)).run()
    return root / "output"


def _forget_failed_builds() -> None:
    """pelican-sitemap remembers the first Pelican object of a build until that build
    finishes; a build a test made fail (bad editor data) never finishes, and every later
    in-process build with another Pelican object would then write no sitemap.xml.
    (``pelican --autoreload`` reuses one object, so users never meet this.)"""
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Path]:
    """build(seeds=None, **settings) -> output folder, built in tmp_path."""

    def _build(seeds: dict[str, bytes | str] | None = None, editor_data: bool = True,
               **overrides) -> Path:
        root = tmp_path / "site"
        if not root.exists():
            make_project(root, seeds, editor_data)
        return run_pelican(root, **overrides)

    return _build


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The five example seeds built once for the whole session."""
    root = make_project(tmp_path_factory.mktemp("seed-site"))
    return run_pelican(root)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def warnings_log(caplog) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING)
    return caplog
