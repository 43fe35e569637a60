"""The digest's own outputs, written after Pelican's article generator has run."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from . import settings as nd_settings

logger = logging.getLogger(__name__)


class DigestGenerator(Generator):
    """Site-wide feed of dated articles (more digest pages come in later stages)."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        # GitHub Pages must serve the output as is (no Jekyll processing).
        (Path(self.output_path) / ".nojekyll").touch()
        articles = [a for a in self.context.get("articles", []) if not getattr(a, "undated", False)]
        path = nd_settings.get(self.settings, "NEWS_DIGEST_FEED_ATOM")
        if path:
            writer.write_feed(articles, self.context, path,
                              nd_settings.get(self.settings, "NEWS_DIGEST_FEED_ATOM_URL"))


def get_generators(pelican):
    return DigestGenerator
