"""The plugin's glue to Pelican: which folders autoreload watches, which feed is written."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from pelican.plugins.news_digest import plugin
from pelican.settings import read_settings


def pelican_with(tmp_path: Path, **settings) -> SimpleNamespace:
    """What the ``initialized`` handlers see of a Pelican object: its settings."""
    (tmp_path / "content").mkdir(exist_ok=True)
    base = {"PATH": str(tmp_path / "content"), "NEWS_DIGEST_SEEDS_PATH": str(tmp_path / "seeds")}
    return SimpleNamespace(settings=read_settings(override={**base, **settings}))


def test_seeds_outside_content_join_the_watched_static_paths_once(tmp_path):
    pelican = pelican_with(tmp_path, STATIC_PATHS=["images"])
    plugin.watch_seeds(pelican)
    plugin.watch_seeds(pelican)
    assert pelican.settings["STATIC_PATHS"] == ["images", str((tmp_path / "seeds").resolve())]


def test_seeds_inside_content_are_watched_already(tmp_path):
    pelican = pelican_with(tmp_path, NEWS_DIGEST_SEEDS_PATH=str(tmp_path / "content" / "seeds"),
                           STATIC_PATHS=["images"])
    plugin.watch_seeds(pelican)
    assert pelican.settings["STATIC_PATHS"] == ["images"]


def test_no_ingest_no_watch(tmp_path):
    pelican = pelican_with(tmp_path, STATIC_PATHS=[], NEWS_DIGEST_INGEST=False)
    plugin.watch_seeds(pelican)
    assert pelican.settings["STATIC_PATHS"] == []


def test_the_static_generator_never_sees_the_seeds(tmp_path):
    pelican = pelican_with(tmp_path, STATIC_PATHS=["images"])
    plugin.watch_seeds(pelican)
    shared = pelican.settings
    generator = SimpleNamespace(settings=shared)
    plugin.unwatched_static_settings(generator)
    assert generator.settings["STATIC_PATHS"] == ["images"]
    assert len(shared["STATIC_PATHS"]) == 2  # autoreload still watches them


def test_digest_feed_replaces_pelican_s_at_the_same_path(tmp_path):
    pelican = pelican_with(tmp_path, FEED_ALL_ATOM="feeds/all.atom.xml")
    plugin.take_over_site_feed(pelican)
    assert pelican.settings["FEED_ALL_ATOM"] is None


def test_pelican_s_feed_elsewhere_is_left_alone(tmp_path):
    pelican = pelican_with(tmp_path, FEED_ALL_ATOM="feeds/everything.atom.xml")
    plugin.take_over_site_feed(pelican)
    assert pelican.settings["FEED_ALL_ATOM"] == "feeds/everything.atom.xml"
