"""news-digest: a Pelican plugin that turns raw news articles into an annotated digest.

The subpackages are the pipeline's phases, each importing only the ones before it:

  ingest/     seeds -> decode -> clean -> (extract) -> Markdown page, written atomically
  extract/    cleaned text -> title, date, source, people, places, organizations, trip, quotes
  editorial/  the editor's people, trips and corrections files, applied to the collection
  site/       Pelican's Article objects -> cross-links, annotated text, digest pages, search

``plugin`` connects them to Pelican's signals; ``cli`` is the ``news-digest`` command.
"""

from __future__ import annotations

from .plugin import register

__version__ = "0.1.0"
__all__ = ["register"]
