"""The generated pages in ``content/articles/``: slugs, fingerprints, atomic writes.

Generated pages belong to the editor once written. Each page records a short
hash of every field as ingest wrote it (its ``Generated`` line, see ``page``); a
page with a field that no longer matches was edited by hand and is never
overwritten or deleted. Pages of the earlier format (a ``Digest:`` JSON line and a
whole-page ``Fingerprint:``) are recognised so the next build can migrate them.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .decode import decode_lenient
from .page import (
    EXTRACTOR_KEY,
    LEGACY_DIGEST_KEY,
    LEGACY_FINGERPRINT_KEY,
    Page,
    edited_fields,
    escape_meta,
    list_items,
    parse_page,
    parse_person,
)

logger = logging.getLogger(__name__)

_LEGACY_FINGERPRINT_LINE = re.compile(r"^Fingerprint:[^\n]*\n", re.MULTILINE)

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


def is_legacy(page: Page) -> bool:
    """A page of the earlier format (``Digest:`` JSON line)."""
    return LEGACY_DIGEST_KEY in page.fields


def _legacy_hand_edited(text: str, page: Page) -> bool:
    """An old-format page no longer matching its whole-page fingerprint."""
    recorded = page.get(LEGACY_FINGERPRINT_KEY)
    if not recorded:
        return True
    rest = _LEGACY_FINGERPRINT_LINE.sub("", text, count=1)
    return hashlib.sha256(rest.encode("utf-8")).hexdigest() != recorded


def hand_edits(text: str, page: Page | None = None) -> set[str] | None:
    """The fields of a generated page changed by hand (empty: untouched); None for a
    page ingest did not write in a form it can check (hand-written, or its Generated
    line removed). An old-format page edited by hand gives ``{"page"}``."""
    page = page or parse_page(text)
    if is_legacy(page):
        return {"page"} if _legacy_hand_edited(text, page) else set()
    return edited_fields(page)


# ``hand_edits`` of the pages ingest scanned, by file identity and version (path, size,
# modification time): the site asks again for every page Pelican reads, and need not
# read and parse the file again to answer (at 5,000 pages, 5,000 of each). Bounded:
# cleared when it grows past MEMO_LIMIT (a long autoreload session).
_PAGE_EDITS: dict[tuple[str, int, int], frozenset[str] | None] = {}
MEMO_LIMIT = 200_000


def _file_key(path: Path, st: os.stat_result) -> tuple[str, int, int]:
    return os.path.abspath(path), st.st_size, st.st_mtime_ns


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def _remember_page(path: Path, st: os.stat_result | None, edits: set[str] | None) -> None:
    """(``st`` is taken before the page was read: a page changed since gets a new key.)"""
    if st is None:
        return
    key = _file_key(path, st)
    if len(_PAGE_EDITS) >= MEMO_LIMIT:
        _PAGE_EDITS.clear()
    _PAGE_EDITS[key] = None if edits is None else frozenset(edits)


def page_hand_edits(path: Path) -> set[str] | None:
    """``hand_edits`` of the page file at ``path`` (raises OSError or UnicodeDecodeError
    when it cannot be read as UTF-8): from ingest's scan when the file is the one it
    read, else read and checked now."""
    key = _file_key(path, path.stat())
    if key in _PAGE_EDITS:
        known = _PAGE_EDITS[key]
        return None if known is None else set(known)
    return hand_edits(path.read_text(encoding="utf-8"))


def is_hand_edited(text: str) -> bool:
    """True when ingest must not overwrite this page."""
    edits = hand_edits(text)
    return edits is None or bool(edits)


@dataclass
class ExistingPage:
    path: Path
    slug: str
    seed: str | None  # None for hand-written pages
    hand_edited: bool
    seed_sha: str = ""  # the seed's SHA-256 when the page was generated
    page: Page | None = None
    edits: set[str] | None = None  # see ``hand_edits``
    legacy: bool = False  # the earlier format, to migrate
    not_utf8: bool = False  # saved in another encoding: Pelican cannot read it as is

    @property
    def extractor(self) -> str:
        return self.page.get(EXTRACTOR_KEY.lower()) if self.page else ""


@dataclass
class ArticleStore:
    """The ``content/articles`` folder as ingest sees it."""

    root: Path
    pages: dict[str, ExistingPage] = field(default_factory=dict)  # by slug
    by_seed: dict[str, ExistingPage] = field(default_factory=dict)  # by seed_key
    by_sha: dict[str, list[ExistingPage]] = field(default_factory=dict)  # by seed SHA-256
    renamed: dict[str, str] = field(default_factory=dict)  # slug: new seed key (adopted)
    # Slugs that pages declare in a ``Slug:`` line other than their file name: a
    # generated page must not take one, or Pelican would write both to one file.
    claimed: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def scan(cls, root: Path) -> ArticleStore:
        store = cls(root)
        if not root.is_dir():
            return store
        for path in sorted(root.glob("*.md")):
            st = _stat(path)
            text, not_utf8 = _read_page(path)
            parsed = parse_page(text)
            edits = hand_edits(text, parsed)
            if text and not not_utf8:
                _remember_page(path, st, edits)
            page = ExistingPage(path, path.stem, parsed.get("seed") or None,
                                edits is None or bool(edits), parsed.get("seed-sha256"),
                                parsed, edits, is_legacy(parsed), not_utf8)
            store.pages[page.slug] = page
            if page.seed:
                store._add_seed_page(page)
                if page.seed_sha:
                    store.by_sha.setdefault(page.seed_sha, []).append(page)
            declared = parsed.get("slug")
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
        if page is None or not page.seed:
            return None
        return self.renamed.get(slug) or seed_key(page.seed)

    def adopt_renamed(self, seeds: list[tuple[str, str]]) -> dict[str, ExistingPage]:
        """Give a renamed seed the page of its old name, found by the seed's hash.

        ``seeds``: (seed path, SHA-256) of every seed found. A seed with no page of its
        own takes the page of a seed that is gone and had the same bytes, so its address
        stays. Returns {new seed key: page} of the pages adopted."""
        live = {seed_key(seed) for seed, _ in seeds}
        adopted = {}
        for seed, sha in seeds:
            key = seed_key(seed)
            if key in self.by_seed:
                continue
            for page in self.by_sha.get(sha, []):
                if seed_key(page.seed or "") not in live and page not in adopted.values():
                    self.by_seed[key] = adopted[key] = page
                    self.renamed[page.slug] = key
                    break
        return adopted

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


# --- person page addresses ------------------------------------------------------------------

def person_base_slug(name: str, subs: list | None = None) -> str:
    """The address a person's page gets when no other person has it (``subs``: the
    site's SLUG_REGEX_SUBSTITUTIONS, Pelican's default when not given)."""
    base = slugify(name, regex_subs=subs or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    return cap_slug(base.strip("-") or "person")


def assign_person_slugs(names: Iterable[str], fixed: dict[str, str],
                        subs: list | None = None,
                        blocked: Callable[[str], bool] | None = None) -> dict[str, str]:
    """A unique slug per name: recorded addresses (``fixed``) first, then the others by
    name, each its base slug or the first free ``-2``, ``-3``... (deterministic)."""
    names = set(names)
    out: dict[str, str] = {}
    used: set[str] = set()

    def take(name: str, base: str) -> None:
        slug, n = base, 2
        while slug in used or (blocked is not None and blocked(slug)):
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[name] = slug

    for name in sorted(n for n in names if fixed.get(n)):
        take(name, fixed[name])
    for name in sorted(n for n in names if not fixed.get(n)):
        take(name, person_base_slug(name, subs))
    return out


def recorded_person_slugs(store: ArticleStore) -> dict[str, str]:
    """{name: address} of every person on the existing pages ("" when none is recorded)."""
    out: dict[str, str] = {}
    for page in store.pages.values():
        if page.page is None:
            continue
        for item in list_items(page.page.fields.get("people")):
            name, _, slug = parse_person(item)
            if slug or name not in out:
                out[name] = slug or out.get(name, "")
    return out


def person_slugs(store: ArticleStore, names: Iterable[str],
                 subs: list | None = None) -> dict[str, str]:
    """The addresses to record on pages: people already on pages keep theirs; a newcomer
    whose base slug an earlier person has gets a suffix. Only addresses that differ from
    the name's base slug are returned (the others need no record)."""
    old = recorded_person_slugs(store)
    kept = assign_person_slugs(old, old, subs)
    taken = set(kept.values())
    new = assign_person_slugs(set(names) - old.keys(), {}, subs, taken.__contains__)
    both = {**kept, **new}
    return {n: s for n, s in both.items() if s != person_base_slug(n, subs)}
