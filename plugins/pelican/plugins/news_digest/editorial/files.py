"""The editor's files as the settings name them: each loaded when it exists, else None.

Invalid editor data raises ``toml.EditorDataError`` (file, line, what to fix): a build
must not go on with editor facts silently ignored.
"""

from __future__ import annotations

from typing import Any

from .. import settings as nd_settings
from .corrections import Corrections, load_corrections
from .people import PeopleRegistry, load_people
from .trips import TripRegistry, load_trips


def people_file(settings: dict[str, Any]) -> PeopleRegistry | None:
    """The people file (``NEWS_DIGEST_PEOPLE_FILE``), or None when there is none."""
    path = nd_settings.editor_file(settings, "NEWS_DIGEST_PEOPLE_FILE")
    return load_people(path) if path.is_file() else None


def trips_file(settings: dict[str, Any]) -> TripRegistry | None:
    """The trips file (``NEWS_DIGEST_TRIPS_FILE``), or None when there is none."""
    path = nd_settings.editor_file(settings, "NEWS_DIGEST_TRIPS_FILE")
    return load_trips(path) if path.is_file() else None


def corrections_file(settings: dict[str, Any]) -> Corrections | None:
    """The corrections file (``NEWS_DIGEST_CORRECTIONS_FILE``), or None when there is none."""
    path = nd_settings.editor_file(settings, "NEWS_DIGEST_CORRECTIONS_FILE")
    return load_corrections(path) if path.is_file() else None
