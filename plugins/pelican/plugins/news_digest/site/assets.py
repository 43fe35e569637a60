"""The plugin's own templates and static files, so any Pelican site can use it.

Why a fallback loader: the digest's pages (people, person, trips, trip, timeline,
search) need templates no ordinary theme has. Pelican looks a template up in the
site's ``THEME_TEMPLATES_OVERRIDES``, then its theme, then its bundled "simple"
theme; the plugin adds its ``templates/`` folder after the theme, before "simple".
So a theme's own ``person.html`` wins, and a theme without one gets the plugin's,
which extends the theme's ``base.html`` and fills its ``content`` block. The
``!news_digest/`` prefix names the plugin's version explicitly, so a theme can
extend it (``{% extends "!news_digest/person.html" %}``), as ``!simple/`` works for
Pelican's own theme.

Why the plugin copies its static files itself: Pelican copies only the theme's
``THEME_STATIC_PATHS``, and the search page's script belongs to the plugin, not to a
theme. They go to ``NEWS_DIGEST_STATIC_DIR`` in the output, which templates link
relative to ``SITEURL``.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader

from .. import settings as nd_settings

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATE_PREFIX = "!news_digest"


def add_fallback_templates(generator) -> None:
    """On ``generator_init``: put the plugin's templates behind the site's theme.

    Pelican builds each generator's loader as ``ChoiceLoader([overrides + theme,
    simple, PrefixLoader(...)])``; the plugin's loader goes second, and its prefix
    into the ``PrefixLoader``. A loader of another shape is extended at its end."""
    ours = FileSystemLoader(str(TEMPLATES_DIR))
    loader = generator.env.loader
    if _has_ours(loader):
        return
    if not isinstance(loader, ChoiceLoader):
        generator.env.loader = ChoiceLoader([loader, ours] if loader else [ours])
        return
    loader.loaders.insert(1, ours)
    for other in loader.loaders:
        if isinstance(other, PrefixLoader):
            other.mapping.setdefault(TEMPLATE_PREFIX, ours)
            return
    loader.loaders.append(PrefixLoader({TEMPLATE_PREFIX: ours}))


def _has_ours(loader) -> bool:
    """True when the plugin's templates are already among ``loader``'s."""
    if isinstance(loader, FileSystemLoader):
        return str(TEMPLATES_DIR) in loader.searchpath
    return isinstance(loader, ChoiceLoader) and any(_has_ours(x) for x in loader.loaders)


def copy_static(output_path: str | Path, settings: dict[str, Any]) -> None:
    """Copy the plugin's static files to ``NEWS_DIGEST_STATIC_DIR`` in the output."""
    folder = nd_settings.get(settings, "NEWS_DIGEST_STATIC_DIR")
    if not folder:
        return
    target = Path(output_path) / folder
    shutil.copytree(STATIC_DIR, target, dirs_exist_ok=True)
    logger.debug("news-digest: static files copied to %s", target)


def write_nojekyll(output_path: str | Path, settings: dict[str, Any]) -> None:
    """Write ``.nojekyll`` when publishing asks for it (GitHub Pages must then serve
    the output as is, without Jekyll, which would drop files starting with ``_``)."""
    if nd_settings.get(settings, "NEWS_DIGEST_NOJEKYLL"):
        (Path(output_path) / ".nojekyll").touch()
