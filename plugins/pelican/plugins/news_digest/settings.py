"""The plugin's settings, all prefixed ``NEWS_DIGEST_``, with documented defaults.

Relative paths are resolved against the project root: the folder that holds
Pelican's ``PATH`` (the ``content/`` folder), where ``pelican.conf.py`` lives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Run ingest (seeds -> content/articles) at every build.
    "NEWS_DIGEST_INGEST": True,
    # Where the raw articles are.
    "NEWS_DIGEST_SEEDS_PATH": "seeds",
    # Where generated pages go, inside PATH; must be one of ARTICLE_PATHS.
    "NEWS_DIGEST_ARTICLES_DIR": "articles",
    # Editor data files, inside PATH.
    "NEWS_DIGEST_PEOPLE_FILE": "people.toml",
    "NEWS_DIGEST_TRIPS_FILE": "trips.toml",
    "NEWS_DIGEST_CORRECTIONS_FILE": "corrections.toml",
    # Site-wide Atom feed of dated articles (undated articles have no date to give).
    "NEWS_DIGEST_FEED_ATOM": "feeds/all.atom.xml",
    "NEWS_DIGEST_FEED_ATOM_URL": "feeds/all.atom.xml",
    # The digest's own pages, like Pelican's TAG_URL/TAG_SAVE_AS: *_URL is the link,
    # *_SAVE_AS the file written ("" to not write the page). All end in .html so the
    # site works from file:// and under a sub-path. {slug} is the person's slug,
    # {number} the trip number.
    "NEWS_DIGEST_PEOPLE_URL": "people.html",  # everyone, by article count
    "NEWS_DIGEST_PEOPLE_SAVE_AS": "people.html",
    "NEWS_DIGEST_PERSON_URL": "people/{slug}.html",  # one page per person
    "NEWS_DIGEST_PERSON_SAVE_AS": "people/{slug}.html",
    "NEWS_DIGEST_TRIPS_URL": "trips.html",  # all trips + the articles on no trip
    "NEWS_DIGEST_TRIPS_SAVE_AS": "trips.html",
    "NEWS_DIGEST_TRIP_URL": "trips/{number}.html",  # one page per trip
    "NEWS_DIGEST_TRIP_SAVE_AS": "trips/{number}.html",
    "NEWS_DIGEST_TIMELINE_URL": "timeline.html",  # trips and articles on one axis
    "NEWS_DIGEST_TIMELINE_SAVE_AS": "timeline.html",
    "NEWS_DIGEST_SEARCH_URL": "search.html",  # offline full-text search
    "NEWS_DIGEST_SEARCH_SAVE_AS": "search.html",
    # Atom feeds of a person's and a trip's dated articles ("" for none).
    "NEWS_DIGEST_PERSON_FEED_ATOM": "feeds/people/{slug}.atom.xml",
    "NEWS_DIGEST_PERSON_FEED_ATOM_URL": "feeds/people/{slug}.atom.xml",
    "NEWS_DIGEST_TRIP_FEED_ATOM": "feeds/trips/{number}.atom.xml",
    "NEWS_DIGEST_TRIP_FEED_ATOM_URL": "feeds/trips/{number}.atom.xml",
    # Full article text in the site-wide feed (False: summaries). Person and trip feeds
    # always carry summaries: full text in every one would repeat each article as many
    # times as it names people.
    "NEWS_DIGEST_FEED_FULL_TEXT": True,
    # Above this many entries the timeline is split into one page per year
    # (NEWS_DIGEST_TIMELINE_YEAR_*, {year}; the undated articles on {year} = "undated");
    # timeline.html then lists the years and months.
    "NEWS_DIGEST_TIMELINE_SPLIT": 400,
    "NEWS_DIGEST_TIMELINE_YEAR_URL": "timeline/{year}.html",
    "NEWS_DIGEST_TIMELINE_YEAR_SAVE_AS": "timeline/{year}.html",
    # How many people, quotes and articles a list on a person, trip or trips page shows
    # before it says "and N more" (lists that grow with the collection).
    "NEWS_DIGEST_LIST_LIMIT": 24,
    # How many same-trip and shared-people articles an article page links to.
    "NEWS_DIGEST_RELATED_LIMIT": 5,
    # Output folder of the plugin's static files (the search page's script).
    "NEWS_DIGEST_STATIC_DIR": "news-digest",
    # Write .nojekyll into the output (publishing to GitHub Pages asks for it).
    "NEWS_DIGEST_NOJEKYLL": False,
    # Remove the pages and feeds an earlier build wrote that are no longer part of the
    # site (a deleted seed's page, a person no article names); see site/output.py.
    "NEWS_DIGEST_PRUNE_OUTPUT": True,
    # Link people mentions in article bodies to their pages.
    "NEWS_DIGEST_ANNOTATE": True,
}


def get(settings: dict[str, Any], key: str) -> Any:
    return settings.get(key, DEFAULTS[key])


def project_root(settings: dict[str, Any]) -> Path:
    return Path(settings["PATH"]).resolve().parent


def resolve(settings: dict[str, Any], key: str, base: Path | None = None) -> Path:
    """A path setting as an absolute path (relative to ``base`` or the project root)."""
    value = Path(get(settings, key))
    if value.is_absolute():
        return value
    return (base or project_root(settings)) / value


def seeds_path(settings: dict[str, Any]) -> Path:
    return resolve(settings, "NEWS_DIGEST_SEEDS_PATH")


def articles_path(settings: dict[str, Any]) -> Path:
    return resolve(settings, "NEWS_DIGEST_ARTICLES_DIR", Path(settings["PATH"]))


def editor_file(settings: dict[str, Any], key: str) -> Path:
    return resolve(settings, key, Path(settings["PATH"]))
