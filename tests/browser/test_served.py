"""The publish build served from loopback under /news-digest/, as GitHub Pages serves it:
crawl every page and every link; feeds and sitemap are valid XML with absolute URLs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from urllib.parse import urldefrag, urljoin

import pytest

from .conftest import Watch, open_context, watch_page

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LINKS_JS = """() => Array.from(
  document.querySelectorAll('a[href], link[href], script[src], img[src]'))
  .map(e => e.href || e.src)"""


def test_crawl_every_page_and_link(browser, served_site):
    watch = Watch(allowed_origin=served_site.origin)
    context = open_context(browser, watch)
    page = watch_page(context.new_page(), watch)
    start = f"{served_site.siteurl}/index.html"
    queue, seen, broken, pages = deque([start]), {start}, [], 0
    try:
        while queue:
            url = queue.popleft()
            if url.endswith(".html"):
                response = page.goto(url, wait_until="load")
                pages += 1
                if response is None or response.status != 200:
                    broken.append((url, response and response.status))
                    continue
                for link in page.evaluate(LINKS_JS):
                    link = urldefrag(link)[0].split("?")[0]
                    if not link.startswith(("http:", "https:")):
                        continue
                    assert link.startswith(served_site.siteurl + "/"), \
                        f"{url} links outside the site's sub-path: {link}"
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)
            else:
                response = context.request.get(url)
                if response.status != 200:
                    broken.append((url, response.status))
        assert not broken, f"broken links: {broken}"
        on_disk = {p.relative_to(served_site.root).as_posix()
                   for p in served_site.root.rglob("*.html")}
        crawled = {u[len(served_site.siteurl) + 1:] for u in seen if u.endswith(".html")}
        unreachable = on_disk - crawled - {"404.html"}
        assert not unreachable, f"pages no link leads to: {sorted(unreachable)}"
        assert pages >= 3
        watch.assert_clean()
    finally:
        context.close()


def _absolute_and_served(urls: list[str], served_site, context) -> None:
    assert urls
    for url in urls:
        assert url.startswith(served_site.siteurl + "/"), f"not absolute under SITEURL: {url}"
        response = context.request.get(url)
        assert response.status == 200, url


def test_feeds_and_sitemap_are_valid_xml_with_absolute_urls(browser, served_site):
    watch = Watch(allowed_origin=served_site.origin)
    context = open_context(browser, watch)
    try:
        feeds = sorted(served_site.root.rglob("*.atom.xml")) + sorted(
            served_site.root.rglob("*.rss.xml"))
        assert feeds, "no feeds were written"
        for feed in feeds:
            root = ET.parse(feed).getroot()
            links = [e.get("href") for e in root.iter(f"{ATOM}link")]
            links += [e.text for e in root.iter("link") if e.text]
            _absolute_and_served(links, served_site, context)
        sitemap = ET.parse(served_site.root / "sitemap.xml").getroot()
        locs = [e.text for e in sitemap.iter(f"{SITEMAP}loc")]
        _absolute_and_served(locs, served_site, context)
        watch.assert_clean()
    finally:
        context.close()


def test_network_guard_catches_requests(browser, file_site):
    """Self-test: the guard used by every browser test does see a page's http request."""
    watch = Watch()
    context = open_context(browser, watch)
    try:
        page = context.new_page()
        page.goto(urljoin((file_site / "index.html").resolve().as_uri(), "index.html"))
        page.evaluate("() => { const i = new Image(); i.src = 'http://example.invalid/x.png'; "
                      "document.body.append(i); }")
        page.wait_for_timeout(300)
        assert any("example.invalid" in u for u in watch.network)
    finally:
        context.close()
