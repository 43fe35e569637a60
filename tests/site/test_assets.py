"""The plugin's packaged templates (behind the site's theme) and static files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.generators import Generator
from pelican.plugins.news_digest.site import assets
from pelican.settings import read_settings

DIGEST_TEMPLATES = ["people", "person", "trips", "trip", "timeline", "search"]


def generator(tmp_path: Path, theme_templates: dict[str, str]) -> Generator:
    """A real Pelican generator whose theme has ``theme_templates``, plugin loader added."""
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    for name, text in theme_templates.items():
        (theme / "templates" / name).write_text(text, encoding="utf-8")
    settings = read_settings(override={"PATH": str(tmp_path), "THEME": str(theme)})
    gen = Generator(context={}, settings=settings, path=str(tmp_path), theme=str(theme),
                    output_path=str(tmp_path / "output"))
    assets.add_fallback_templates(gen)
    return gen


@pytest.mark.parametrize("name", DIGEST_TEMPLATES)
def test_every_digest_page_has_a_packaged_template(name):
    assert (assets.TEMPLATES_DIR / f"{name}.html").is_file()


def test_packaged_templates_fill_in_for_the_theme(tmp_path):
    gen = generator(tmp_path, {})
    for name in DIGEST_TEMPLATES:
        assert Path(gen.get_template(name).filename).parent == assets.TEMPLATES_DIR


def test_the_theme_overrides_them_and_can_extend_them(tmp_path):
    gen = generator(tmp_path, {
        "person.html": '{% extends "!news_digest/person.html" %}{% block title %}Mine'
                       '{% endblock %}',
    })
    person = gen.get_template("person")
    assert Path(person.filename).parent == tmp_path / "theme" / "templates"
    assert "news_digest" in Path(gen.env.get_template("!news_digest/person.html").filename).parts
    assert Path(gen.get_template("people").filename).parent == assets.TEMPLATES_DIR


def test_base_html_still_comes_from_pelican(tmp_path):
    """The plugin ships no base.html: its pages extend the site's (here Pelican's simple)."""
    gen = generator(tmp_path, {})
    assert "simple" in Path(gen.env.get_template("base.html").filename).parts


def test_adding_the_loader_twice_changes_nothing(tmp_path):
    gen = generator(tmp_path, {})
    before = len(gen.env.loader.loaders)
    assets.add_fallback_templates(gen)
    assert len(gen.env.loader.loaders) == before


def test_static_files_are_copied_unchanged(tmp_path):
    assets.copy_static(tmp_path, {})
    copied = tmp_path / "news-digest" / "js" / "search.js"
    assert copied.read_bytes() == (assets.STATIC_DIR / "js" / "search.js").read_bytes()


def test_static_dir_setting_empty_copies_nothing(tmp_path):
    assets.copy_static(tmp_path, {"NEWS_DIGEST_STATIC_DIR": ""})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("setting", "written"), [(None, False), (False, False), (True, True)])
def test_nojekyll_only_when_asked(tmp_path, setting, written):
    settings = {} if setting is None else {"NEWS_DIGEST_NOJEKYLL": setting}
    assets.write_nojekyll(tmp_path, settings)
    assert (tmp_path / ".nojekyll").exists() is written
