"""Settings for publishing to GitHub Pages: pelican.conf.py plus absolute URLs."""

import os
from pathlib import Path

exec(compile(Path(__file__).with_name("pelican.conf.py").read_text(encoding="utf-8"),
             str(Path(__file__).with_name("pelican.conf.py")), "exec"))

# The Pages site URL (e.g. https://owner.github.io/repo), from actions/configure-pages.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
NEWS_DIGEST_INGEST = True
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# GitHub Pages serves the output as is (no Jekyll processing).
NEWS_DIGEST_NOJEKYLL = True
