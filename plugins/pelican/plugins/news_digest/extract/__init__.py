"""Extraction: turn a cleaned article into the fields of ``ArticleData``.

One module per field family (``meta``, ``people``, ``places``, ``organizations``,
``trips``, ``quotes``); this module only wires them together. Everything is
rule-based and linear in the article length: no model, no network.
"""

from __future__ import annotations

from ..model import ArticleData, Cleaned
from . import meta, organizations, people, places, quotes, trips
from .lexicon import norm_key
from .people import resolve_collection  # the collection pass, re-exported for ingest


def extract(cleaned: Cleaned, seed: str, stem: str, registry=None) -> ArticleData:
    """Fill every extracted field for one article.

    ``registry`` is the editor's people file (``editor.PeopleRegistry``) or None;
    it canonicalizes names, it is never the only source of people.
    """
    data = ArticleData(seed=seed, stem=stem, blocks=list(cleaned.blocks),
                       removed=list(cleaned.removed))
    meta.extract_meta(cleaned, data)
    text = cleaned.text
    data.people = people.find_people(cleaned, registry)
    # Places and organizations: the headline and standfirst name them too.
    entity_text = "\n".join([*(x for x in (cleaned.headline, cleaned.standfirst) if x), text])
    data.places = places.find_places(entity_text, [p.name for p in data.people])
    data.organizations = organizations.find_organizations(entity_text)
    if data.source:
        # the article's own outlet is its source, not an organization in the story
        own = {norm_key(data.source), norm_key(organizations.canonical(data.source))}
        data.organizations = [o for o in data.organizations if norm_key(o.name) not in own]
    data.trip = trips.find_trip(entity_text)
    data.quotes = quotes.find_quotes(cleaned, data.people, data.organizations, data.places)
    return data



__all__ = ["extract", "resolve_collection"]
