"""Every href/src in the built site resolves to a file, for the default build (relative
URLs, file://) and the publish build (absolute URLs under a project sub-path)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ..conftest import make_project, run_pelican, soup

SITEURL = "https://example.github.io/news-digest"
ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
         ("source", "src"), ("form", "action"))


def broken_links(output: Path, siteurl: str = "") -> list[str]:
    broken = []
    for page in output.rglob("*.html"):
        doc = soup(page)
        for tag, attr in ATTRS:
            for el in doc.find_all(tag):
                ref = el.get(attr)
                if not ref or ref.startswith(("#", "mailto:")):
                    continue
                if siteurl:
                    if not ref.startswith(siteurl + "/"):
                        if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.I):
                            continue  # an external link in an article: not ours to check
                        broken.append(f"{page}: {ref} is not under SITEURL")
                        continue
                    target = output / unquote(urlsplit(ref[len(siteurl) + 1:]).path)
                else:
                    if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.I) or ref.startswith("/"):
                        broken.append(f"{page}: {ref} is not relative")
                        continue
                    target = page.parent / unquote(urlsplit(ref).path)
                if ref.split("?")[0].split("#")[0].endswith("/") or not target.is_file():
                    broken.append(f"{page}: {ref}")
    return broken


def test_default_build_links_resolve(seed_site):
    assert not broken_links(seed_site)


@pytest.fixture(scope="module")
def publish_site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("publish-site"))
    old = os.environ.get("SITEURL")
    os.environ["SITEURL"] = SITEURL
    try:
        return run_pelican(root, "publishconf.py")
    finally:
        if old is None:
            os.environ.pop("SITEURL", None)
        else:
            os.environ["SITEURL"] = old


def test_publish_build_links_resolve(publish_site):
    assert (publish_site / "index.html").is_file()
    assert not broken_links(publish_site, SITEURL)
    assert SITEURL + "/search-index.js" in (publish_site / "search.html").read_text()
