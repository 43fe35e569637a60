"""Where each page type of a build lives (found from the build, not hard-coded slugs)."""

from __future__ import annotations

from pathlib import Path

# Page types of the digest, each as candidate paths or globs inside output/.
PAGE_TYPES: dict[str, tuple[str, ...]] = {
    "home": ("index.html",),
    "article": ("articles/*.html",),
    "people": ("people.html", "people/index.html"),
    "person": ("people/*.html", "person/*.html"),
    "trips": ("trips.html", "trips/index.html"),
    "trip": ("trips/*.html", "trip/*.html"),
    "timeline": ("timeline.html",),
    "search": ("search.html",),
    "about": ("pages/about.html",),
    "404": ("404.html",),
}


def find_page(root: Path, kind: str) -> Path | None:
    """The first page of ``kind`` in the build at ``root`` (None while it does not exist)."""
    for pattern in PAGE_TYPES[kind]:
        hits = sorted(p for p in root.glob(pattern) if p.is_file())
        if "*" in pattern:  # an entity page, not the folder's index
            hits = [p for p in hits if p.name != "index.html"]
        if hits:
            return hits[0]
    return None


def existing_pages(root: Path) -> dict[str, Path]:
    return {kind: page for kind in PAGE_TYPES if (page := find_page(root, kind))}
