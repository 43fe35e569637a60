"""The generated pages in ``content/articles/``: slugs, fingerprints, atomic writes.

Generated pages belong to the editor once written. Each page records a
fingerprint of what ingest wrote; a page whose text no longer matches its
fingerprint was edited by hand and is never overwritten or deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock
from pelican.utils import slugify

from .decode import decode_lenient
from .page import escape_meta, read_header

logger = logging.getLogger(__name__)

FINGERPRINT_KEY = "Fingerprint"
_FINGERPRINT_LINE = re.compile(rf"^{FINGERPRINT_KEY}:[^\n]*\n", re.MULTILINE)

# Names a generated article must not take: Pelican's and the digest's own pages.
RESERVED_SLUGS = frozenset(
    {"index", "archives", "search", "people", "trips", "timeline", "tags", "categories",
     "authors", "feeds", "theme", "static", "pages", "articles", "404", "sitemap", "page"}
)
MAX_SLUG_LENGTH = 60
LOCK_NAME = ".news-digest.lock"


# Temporary files of atomic_write; one left behind means a writer was killed.
_TEMP_NAME = re.compile(r"^\..+\.md\.[^.]+\.tmp$")


def seed_key(seed: str) -> str:
    """A seed path as a page's ``Seed:`` line records it (one line, single spaces).

    Pages are matched to seeds by this key, so a seed whose file name has odd
    whitespace keeps its page instead of getting a new slug on every run.
    """
    return escape_meta(seed)


def cap_slug(slug: str, limit: int = MAX_SLUG_LENGTH) -> str:
    """``slug`` itself when short enough, else a prefix plus a hash of the whole.

    File systems refuse names over 255 bytes; a page name made from an extracted
    person name (or any other text) must never crash the build. The hash keeps
    two long names that share a prefix apart.
    """
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:10]
    head = slug[:limit - len(digest) - 1].rstrip("-")
    return f"{head}-{digest}"


def fingerprint(page_text_without_fingerprint: str) -> str:
    return hashlib.sha256(page_text_without_fingerprint.encode("utf-8")).hexdigest()


def with_fingerprint(page_text: str) -> str:
    """Insert the fingerprint as the last header line."""
    header, sep, body = page_text.partition("\n\n")
    return f"{header}\n{FINGERPRINT_KEY}: {fingerprint(page_text)}{sep}{body}"


def is_hand_edited(existing_text: str) -> bool:
    """True when the page no longer matches the fingerprint ingest gave it."""
    meta = read_header(existing_text)
    recorded = meta.get(FINGERPRINT_KEY.lower())
    if not recorded:
        return True  # not a page we wrote, or its fingerprint was removed by hand
    return fingerprint(_FINGERPRINT_LINE.sub("", existing_text, count=1)) != recorded


@dataclass
class ExistingPage:
    path: Path
    slug: str
    seed: str | None  # None for hand-written pages
    hand_edited: bool
    seed_sha: str = ""  # the seed's SHA-256 when the page was generated
    not_utf8: bool = False  # saved in another encoding: Pelican cannot read it as is


@dataclass
class ArticleStore:
    """The ``content/articles`` folder as ingest sees it."""

    root: Path
    pages: dict[str, ExistingPage] = field(default_factory=dict)  # by slug
    by_seed: dict[str, ExistingPage] = field(default_factory=dict)  # by seed_key
    # Slugs that pages declare in a ``Slug:`` line other than their file name: a
    # generated page must not take one, or Pelican would write both to one file.
    claimed: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def scan(cls, root: Path) -> ArticleStore:
        store = cls(root)
        if not root.is_dir():
            return store
        for path in sorted(root.glob("*.md")):
            text, not_utf8 = _read_page(path)
            meta = read_header(text)
            page = ExistingPage(path, path.stem, meta.get("seed"), is_hand_edited(text),
                                meta.get("seed-sha256", ""), not_utf8)
            store.pages[page.slug] = page
            if page.seed:
                store._add_seed_page(page)
            declared = meta.get("slug")
            if declared and declared != path.stem:
                store.claimed.setdefault(declared, path)
        return store

    def _add_seed_page(self, page: ExistingPage) -> None:
        """Two pages of one seed (left by an older build): the shorter name is its page."""
        key = seed_key(page.seed)
        current = self.by_seed.get(key)
        if current is None or (len(page.slug), page.slug) < (len(current.slug), current.slug):
            self.by_seed[key] = page

    def resave_as_utf8(self) -> list[Path]:
        """Re-save pages an editor saved as cp1252 (or latin-1) in UTF-8, every character
        kept, so Pelican publishes them (call with the lock held); the pages re-saved."""
        done = []
        for page in self.pages.values():
            if page.not_utf8:
                text, _ = _read_page(page.path)
                atomic_write(page.path, text)
                page.not_utf8 = False
                done.append(page.path)
        return done

    def remove_stale_temp_files(self) -> None:
        """Delete temporary files a killed ingest left behind (call with the lock held)."""
        if not self.root.is_dir():
            return
        for path in self.root.iterdir():
            if _TEMP_NAME.match(path.name) and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()
                    logger.info("%s: removed, left behind by an interrupted ingest", path)

    def owner_of(self, slug: str) -> str | None:
        """The seed key of the page that has ``slug``, or None."""
        page = self.pages.get(slug)
        return seed_key(page.seed) if page is not None and page.seed else None

    def allocate_slug(self, seed: str, title: str, taken: set[str]) -> str:
        """Stable: a seed keeps the slug of its existing page; else a free one from the title."""
        key = seed_key(seed)
        existing = self.by_seed.get(key)
        if existing is not None:
            return existing.slug
        base = slugify(title, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""),
                                          (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")])
        base = re.sub(r"[^a-z0-9-]+", "", base.lower()).strip("-")
        if len(base) > MAX_SLUG_LENGTH:
            base = base[:MAX_SLUG_LENGTH].rsplit("-", 1)[0] or base[:MAX_SLUG_LENGTH]
        if not base or base in RESERVED_SLUGS or set(base) <= {"-"}:
            base = f"article-{base}" if base else "article"
        slug, n = base, 2
        while (slug in taken or slug in self.claimed
               or (slug in self.pages and self.owner_of(slug) != key)):
            slug = f"{base}-{n}"
            n += 1
        return slug

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """One ingest at a time per folder, so concurrent builds stay consistent.

        ``filelock`` locks on every OS (``fcntl`` exists only on POSIX)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with FileLock(self.root / LOCK_NAME):
            yield


def _read_page(path: Path) -> tuple[str, bool]:
    """A page's text, and True when it was not UTF-8 (decoded leniently, nothing lost)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        logger.warning("%s: cannot read this page (%s); its slug stays reserved", path,
                       exc.strerror or exc)
        return "", False
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return decode_lenient(raw), True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_file(path: Path, sync_dir: bool = True, durable: bool = True):
    """A binary file that replaces ``path`` only when the block completes.

    Writing through it streams (a cache pickle is never held whole in memory).
    ``sync_dir=False`` leaves making the rename durable to the caller (one
    ``sync_folder`` after many writes): the file is still either the old one or the
    complete new one at every moment, even after a crash. ``durable=False`` skips the
    fsyncs for caches, whose loss only costs speed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would hide pages from others
        with os.fdopen(fd, "wb") as fh:
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
        if sync_dir and durable:
            sync_folder(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: Path, data: str | bytes, sync_dir: bool = True,
                 durable: bool = True) -> None:
    """Write ``data`` through ``atomic_file``."""
    with atomic_file(path, sync_dir, durable) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


def sync_folder(folder: Path) -> None:
    """Make the renames and deletions done in ``folder`` durable (a crash right after
    must not lose a page)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
