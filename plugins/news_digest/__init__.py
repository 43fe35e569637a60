"""news-digest: a Pelican plugin that turns raw news articles into an annotated digest.

Pipeline, one module per stage:
  ingest  (``ingest``: decode -> ``clean`` -> ``extract`` -> ``markdown`` via ``store``)
  read    (Pelican's Markdown reader; ``metadata`` turns our header into objects)
  generate (``generators``: feeds, and the digest's own pages)
"""

from __future__ import annotations

__version__ = "0.1.0"


def register() -> None:
    """Connect the plugin to Pelican's signals (called by Pelican's plugin loader)."""
    from pelican import signals

    from . import generators, metadata, plugin, search

    signals.initialized.connect(plugin.set_defaults)
    signals.initialized.connect(plugin.run_ingest)
    signals.article_generator_context.connect(metadata.on_article_context)
    signals.article_generator_finalized.connect(generators.on_articles_finalized)
    signals.get_generators.connect(generators.get_generators)
    signals.get_generators.connect(search.get_generators)
