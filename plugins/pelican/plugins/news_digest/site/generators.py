"""The digest's own outputs: people, trips, timeline and feeds.

``on_articles_finalized`` (Pelican's ``article_generator_finalized``) builds the
cross-link index once, annotates the articles and puts the index in the shared
context, so every template (article pages included) can use it. ``DigestGenerator``
then writes the pages with Pelican's Writer, honouring RELATIVE_URLS and the
project's PAGINATION_PATTERNS.
"""

from __future__ import annotations

import logging

from markupsafe import Markup, escape
from pelican.generators import Generator

from .. import settings as nd_settings
from ..editorial.files import people_file, trips_file
from .assets import copy_static, write_nojekyll
from .crosslinks import CONTEXT_KEY, DigestIndex, annotate_articles, build_index

logger = logging.getLogger(__name__)


class _FeedItem:
    """An article as Pelican's feed writer sees it, with its title escaped, and with its
    summary as its content when the feed carries summaries only."""

    def __init__(self, article, summary_only: bool = False) -> None:
        self._article = article
        self._summary_only = summary_only

    def __getattr__(self, name: str):
        return getattr(self._article, name)

    @property
    def title(self) -> Markup:
        return escape(self._article.title)

    def get_content(self, siteurl: str):
        if self._summary_only:
            return self._article.summary
        return self._article.get_content(siteurl)


def _claimed_paths(generator) -> set[str]:
    """Output files already spoken for, which person pages must never overwrite."""
    claimed = set()
    for attr in ("articles", "translations", "hidden_articles", "hidden_translations",
                 "drafts", "drafts_translations"):
        for a in getattr(generator, attr, []) or []:
            if getattr(a, "save_as", ""):
                claimed.add(a.save_as)
    for name in generator.settings.get("DIRECT_TEMPLATES", []):
        claimed.add(generator.settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"))
    for key in ("PEOPLE", "TRIPS", "TIMELINE", "SEARCH"):
        claimed.add(nd_settings.get(generator.settings, f"NEWS_DIGEST_{key}_SAVE_AS"))
    claimed.discard("")
    return claimed


def on_articles_finalized(generator) -> None:
    """Build the cross-link index and annotate article bodies (once per build)."""

    settings = generator.settings
    trips = trips_file(settings)
    people_registry = people_file(settings)
    articles = list(generator.articles)
    _fix_urls([*articles, *getattr(generator, "translations", [])])
    index = build_index(articles, settings, trips, people_registry, _claimed_paths(generator))
    generator.context[CONTEXT_KEY] = index
    if nd_settings.get(settings, "NEWS_DIGEST_ANNOTATE"):
        annotate_articles(index, articles, generator.context, settings, people_registry)
        _forget_rendered(articles)
    _release_reader_cache(generator)


def _release_reader_cache(generator) -> None:
    """Free Pelican's in-memory reader cache once it is saved.

    With ``CACHE_CONTENT`` (the digest's warm builds need it) Pelican keeps every page's
    Markdown output and raw metadata (our ``Digest`` line included) in memory after
    writing them to the cache file, for the rest of the build; nothing reads them again
    (the cache file was saved before this signal). Freeing them also frees each
    article's HTML from before annotation."""
    cache = getattr(getattr(generator, "readers", None), "_cache", None)
    if isinstance(cache, dict):
        cache.clear()


def _fix_urls(articles: list) -> None:
    """Compute each article's URL and output path once.

    Pelican formats ``url`` and ``save_as`` from the settings on every access, and the
    digest's pages list every article many times (people, trips, timeline, related
    articles): ~45 accesses per article. Its ``override_url``/``override_save_as``
    (what a page's own ``URL:`` header sets) holds the value instead; slugs, dates and
    categories no longer change once the articles are finalized."""
    for a in articles:
        for key in ("url", "save_as"):
            if not hasattr(a, f"override_{key}"):
                setattr(a, f"override_{key}", getattr(a, key))


def _forget_rendered(articles: list) -> None:
    """Drop the content and summaries Pelican memoized for ``articles``.

    After annotation: they may predate it. Before writing the digest's pages: Pelican
    keeps one copy of every article's HTML per site URL it was rendered for (each
    folder depth with relative URLs); the article pages' copies are not needed again,
    and dropping them lets the feeds' copies reuse that memory instead of adding to
    the build's peak."""
    if not articles:
        return
    ids = {id(a) for a in articles}
    for method in ("get_content", "get_summary"):
        cache = getattr(getattr(articles[0], method, None), "cache", None)
        if not cache:
            continue
        for key in [k for k in cache if k and id(k[0]) in ids]:
            del cache[key]


class DigestGenerator(Generator):
    """People index and pages, trips index and pages, timeline, and the Atom feeds."""

    def generate_context(self) -> None:
        self.index: DigestIndex = self.context.get(CONTEXT_KEY) or DigestIndex()

    def _write(self, writer, save_as: str, template: str, url: str, paginated=None,
               **kwargs) -> None:
        if not save_as:
            return
        writer.write_file(save_as, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], paginated=paginated,
                          template_name=template, url=url, **kwargs)

    def _feed(self, writer, articles: list, path: str, url: str, title: str | None = None,
              summary_only: bool = True) -> None:
        """Write an Atom feed whose titles stay literal text.

        Pelican's feed writer reads titles as HTML (``Markup(title).striptags()``);
        ours are seed text, so they are escaped first and come out as written. Pelican
        puts SITENAME before ``title`` itself ("News Digest - Antony Blinken").
        """
        if not path:
            return
        writer.write_feed([_FeedItem(a, summary_only) for a in articles], self.context, path,
                          url, feed_title=escape(title) if title is not None else None)

    def generate_output(self, writer) -> None:
        write_nojekyll(self.output_path, self.settings)
        copy_static(self.output_path, self.settings)
        _forget_rendered(self.context.get("articles", []))  # the article pages are written
        s = self.settings
        articles = [a for a in self.context.get("articles", []) if not getattr(a, "undated", False)]
        path = nd_settings.get(s, "NEWS_DIGEST_FEED_ATOM")
        self._feed(writer, articles, path, nd_settings.get(s, "NEWS_DIGEST_FEED_ATOM_URL"),
                   summary_only=not nd_settings.get(s, "NEWS_DIGEST_FEED_FULL_TEXT"))
        index = self.index
        self._write(writer, nd_settings.get(s, "NEWS_DIGEST_PEOPLE_SAVE_AS"), "people",
                    nd_settings.get(s, "NEWS_DIGEST_PEOPLE_URL"), people=index.people)
        self._write_each(writer, "person", index.people,
                         [f"Articles with {p.name}" for p in index.people])
        self._write(writer, nd_settings.get(s, "NEWS_DIGEST_TRIPS_SAVE_AS"), "trips",
                    nd_settings.get(s, "NEWS_DIGEST_TRIPS_URL"), trips=index.trips,
                    no_trip=index.no_trip)
        self._write_each(writer, "trip", index.trips, [t.heading for t in index.trips])
        self._timeline(writer, index)
        self._write_search_page(writer)

    def _write_each(self, writer, template: str, pages: list, titles: list[str]) -> None:
        """One page (its articles paginated) and one feed for each person or trip; the
        page object is in the template's context under the template's name."""
        for page, title in zip(pages, titles, strict=True):
            self._write(writer, page.save_as, template, page.url,
                        paginated={"articles": page.articles}, articles=page.articles,
                        **{template: page})
            self._feed(writer, list(reversed(page.dated_articles)), page.feed_save_as,
                       page.feed_url, title)

    def _write_search_page(self, writer) -> None:
        """The search page, unless the site lists it in ``DIRECT_TEMPLATES`` (then
        Pelican writes it, with the same template)."""
        if "search" in self.settings.get("DIRECT_TEMPLATES", []):
            return
        self._write(writer, nd_settings.get(self.settings, "NEWS_DIGEST_SEARCH_SAVE_AS"),
                    "search", nd_settings.get(self.settings, "NEWS_DIGEST_SEARCH_URL"))

    def _timeline(self, writer, index: DigestIndex) -> None:
        """timeline.html by month; above NEWS_DIGEST_TIMELINE_SPLIT entries, one page per
        year and timeline.html as the list of years and months."""
        s = self.settings
        timeline = index.timeline
        years = _years(timeline, s)
        split = len(timeline.get("entries", [])) > int(
            nd_settings.get(s, "NEWS_DIGEST_TIMELINE_SPLIT")) and len(years) > 1
        self._write(writer, nd_settings.get(s, "NEWS_DIGEST_TIMELINE_SAVE_AS"), "timeline",
                    nd_settings.get(s, "NEWS_DIGEST_TIMELINE_URL"), timeline=timeline,
                    trips=index.trips, years=years, split=split, year=None,
                    groups=[] if split else timeline.get("groups", []))
        if not split:
            return
        for y in years:
            self._write(writer, y["save_as"], "timeline", y["url"], timeline=timeline,
                        trips=index.trips, years=years, split=True, year=y, groups=y["groups"])
        undated = _period_paths(s, "undated")
        if timeline.get("undated"):
            self._write(writer, undated["save_as"], "timeline", undated["url"],
                        timeline=timeline, trips=index.trips, years=years, split=True,
                        year={"year": "undated", **undated}, groups=[], undated_page=undated)


def _years(timeline: dict, settings: dict) -> list[dict]:
    """The timeline's month groups by year, with each year page's URL and file."""
    years: list[dict] = []
    for g in timeline.get("groups", []):
        if not years or years[-1]["year"] != g["year"]:
            years.append({"year": g["year"], "groups": [], "articles": 0,
                          **_period_paths(settings, g["year"])})
        years[-1]["groups"].append(g)
        years[-1]["articles"] += g["articles"]
    return years


def _period_paths(settings: dict, year) -> dict:
    """URL and file of one page of a split timeline (a year, or "undated")."""
    return {key: nd_settings.get(settings, f"NEWS_DIGEST_TIMELINE_YEAR_{key.upper()}").format(
        year=year) for key in ("url", "save_as")}

