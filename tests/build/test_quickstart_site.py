"""Another site installs the plugin: a site made by ``pelican-quickstart`` (its own
``pelicanconf.py``, Pelican's default theme or "simple"), with only the seeds from
this repository, builds the digest pages from the plugin's packaged templates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ..conftest import SEEDS, soup

# Answers to pelican-quickstart's questions: the defaults, except the URL prefix.
NO_PREFIX = "\n\n\n\nn\n" + "\n" * 20
WITH_PREFIX = "\n\n\n\nY\nhttps://example.org\n" + "\n" * 20
DIGEST_PAGES = ["people.html", "trips.html", "timeline.html", "search.html"]


def quickstart_site(root: Path, theme: str | None, answers: str = NO_PREFIX) -> Path:
    """A pelican-quickstart site in ``root`` with the plugin enabled and the seeds."""
    subprocess.run(
        [sys.executable, "-m", "pelican.tools.pelican_quickstart", "-p", str(root),
         "-t", "Another digest", "-a", "Someone", "-l", "en"],
        input=answers, text=True, capture_output=True, check=True, timeout=60)
    shutil.copytree(SEEDS, root / "seeds")
    extra = ['PLUGINS = ["pelican.plugins.news_digest"]', 'NEWS_DIGEST_SEEDS_PATH = "seeds"']
    if theme:
        extra.append(f"THEME = {theme!r}")
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as fh:
        fh.write("\n" + "\n".join(extra) + "\n")
    return root


def build(root: Path, conf: str = "pelicanconf.py") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", conf],
        cwd=root, text=True, capture_output=True, timeout=300, env=_env())


def _env() -> dict[str, str]:
    return {**os.environ, "COLUMNS": "200"}


def local_target(output: Path, page: Path, ref: str) -> Path | None:
    """The file a link of ``page`` points to, or None for a link off the site.

    The quickstart themes link their home page as ``/``: a folder means its index."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.endswith("/"):
        path += "index.html"
    base = output if path.startswith("/") else page.parent
    return (base / path.lstrip("/")).resolve()


@pytest.fixture(scope="module", params=[None, "simple"], ids=["notmyidea", "simple"])
def quickstart(request, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = quickstart_site(tmp_path_factory.mktemp("quickstart") / "site", request.param)
    return root / "output", build(root)


def assert_clean(result: subprocess.CompletedProcess) -> None:
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "ERROR" not in log and "WARNING" not in log and "CRITICAL" not in log, log


def test_builds_without_error_or_warning(quickstart):
    assert_clean(quickstart[1])


def test_publish_settings_build_too(tmp_path):
    """quickstart's publishconf.py turns Pelican's FEED_ALL_ATOM on, at the digest feed's
    path: the digest's feed (dated articles only) is the one written, once."""
    root = quickstart_site(tmp_path / "site", None, WITH_PREFIX)
    assert_clean(build(root, "publishconf.py"))
    feed = (root / "output" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    seeds = len(list(SEEDS.glob("*.txt")))
    # Pelican's feed would list every article; without editor data some seeds are undated
    assert 0 < feed.count("<entry>") < seeds


def test_digest_pages_are_built(quickstart):
    output, _ = quickstart
    for name in DIGEST_PAGES:
        assert (output / name).is_file(), name
    people = sorted((output / "people").glob("*.html"))
    trips = sorted((output / "trips").glob("*.html"))
    assert people and trips
    assert (output / "news-digest" / "js" / "search.js").is_file()
    assert (output / "search-index.js").is_file()
    assert not (output / ".nojekyll").exists()
    seeds = {f.name for f in SEEDS.glob("*.txt")}
    assert not [f for f in output.rglob("*.txt") if f.name in seeds]  # watched, not published


def test_digest_pages_use_the_site_theme(quickstart):
    """The default templates extend the theme's base.html and fill its content block."""
    output, _ = quickstart
    index_head = soup(output / "index.html").head.find_all("link", rel="stylesheet")
    for name in DIGEST_PAGES:
        page = soup(output / name)
        assert page.select_one(".news-digest h1") is not None, name
        assert page.head.find_all("link", rel="stylesheet") == index_head, name
        assert page.select_one("nav.news-digest-nav") is not None, name


def test_person_page_lists_articles_that_exist(quickstart):
    output, _ = quickstart
    person = soup(max((output / "people").glob("*.html"), key=lambda p: p.stat().st_size))
    links = [a["href"] for a in person.select(".news-digest ol a")]
    assert links and all(local_target(output, output, href).is_file() for href in links)


def test_internal_links_resolve(quickstart):
    output, _ = quickstart
    digest = [output / n for n in DIGEST_PAGES]
    digest += [*(output / "people").glob("*.html"), *(output / "trips").glob("*.html")]
    for page in digest:
        for tag in soup(page).find_all(["a", "link", "script"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith(("#", "mailto:")):
                continue
            target = local_target(output, page, ref)
            if target is not None:
                assert target.is_file(), f"{page.name}: {ref} does not resolve"


def test_search_page_loads_the_plugin_script(quickstart):
    output, _ = quickstart
    page = soup(output / "search.html")
    sources = [s["src"] for s in page.find_all("script") if s.get("src")]
    assert sources == ["/search-index.js", "/news-digest/js/search.js"]
    assert page.select_one("#search-form") and page.select_one("#search-results")
