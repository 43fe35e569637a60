"""The ``news-digest`` command: inspect, convert and check without a full build."""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from pathlib import Path

from pelican.settings import read_settings

from . import settings as nd_settings
from .editorial.files import corrections_file, people_file, trips_file
from .editorial.toml import EditorDataError
from .extract import resolve_collection
from .ingest.cache import analyse
from .ingest.run import (
    IngestReport,
    display_path,
    editorial_pass,
    list_seeds,
    read_seed,
    usable_seed,
)
from .ingest.store import ArticleStore, seed_key
from .model import ArticleData
from .plugin import ingest_from_settings

logger = logging.getLogger(__package__)  # the whole plugin: every module logs under it


class _Collect(logging.Handler):
    """Counts warnings so ``check --strict`` can fail on any of them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_settings(path: str | None) -> dict:
    """Pelican's settings from the project's settings file (as ``pelican`` reads them)."""

    if path is None:
        for name in ("pelican.conf.py", "pelicanconf.py"):
            if Path(name).is_file():
                path = name
                break
    if path is None:
        logger.warning("no pelican.conf.py here; using defaults (content/, seeds/)")
        return read_settings(None, override={"PATH": str(Path("content").resolve())})
    try:
        return read_settings(path)
    except Exception as exc:  # Pelican raises plain Exceptions for bad settings
        raise SettingsError(f"{path}: cannot load the settings: {exc}. Run news-digest from "
                            "the project folder or pass --settings FILE.") from exc


class SettingsError(Exception):
    """The settings file could not be loaded (message names it and says what to do)."""


def cmd_inspect(args: argparse.Namespace) -> int:

    settings = load_settings(args.settings) if args.settings or Path("pelican.conf.py").is_file() \
        else None
    registry = people_file(settings) if settings else None
    root = nd_settings.project_root(settings) if settings else Path.cwd()
    report = IngestReport()
    found: list[tuple[ArticleData, str]] = []
    for name in args.files:
        path = Path(name)
        if not path.exists() and not path.is_symlink():
            report.warn("%s: no such file", name)
            continue
        # what the build would refuse, refused here too: a FIFO would hang the read
        if not usable_seed(path, path.parent.resolve(), report):
            continue
        display = display_path(path, root)
        before = len(report.warnings)
        got = read_seed(path, display, report)
        if got is None:
            continue
        found.append((analyse(got[0], display, path.stem, registry), got[1]))
        found[-1][0].warnings[:0] = report.warnings[before:]  # decode warnings, in the JSON
    resolve_collection([d for d, _ in found], registry)
    if settings:
        editorial_pass([d for d, _ in found], trips=trips_file(settings),
                       corrections=corrections_file(settings))
        assign_slugs(found, settings)
    found_data = [d for d, _ in found]
    for data in found_data:
        if args.json:
            print(json.dumps(data.to_json(), ensure_ascii=False))
        else:
            print(f"{data.seed}: {data.title!r} ({data.date or 'undated'}, "
                  f"{data.source or 'no source'})")
            print("  people: " + ", ".join(p.name for p in data.people))
            if data.trip:
                print(f"  trip: {data.trip.number} ({data.trip.phrase})")
            if data.trip_resolved:
                print(f"  filed under trip {data.trip_resolved} "
                      f"({data.trip_provenance.kind}: {data.trip_provenance.detail})")
            if data.date_provenance.kind not in ("none", "text"):
                print(f"  date: {data.date_provenance.kind}: {data.date_provenance.detail}")
            if data.discrepancy:
                print(f"  discrepancy: {data.discrepancy}")
    return 0 if len(found) == len(args.files) else 1


def assign_slugs(found: list[tuple[ArticleData, str]], settings: dict) -> None:
    """The slug the build gives each inspected seed: its page's (also after a rename),
    else the one it would get, allocated in the build's order (seeds by name)."""
    store = ArticleStore.scan(nd_settings.articles_path(settings))
    root = nd_settings.project_root(settings)
    seeds = {}
    for path in list_seeds(nd_settings.seeds_path(settings), IngestReport()):
        try:
            seeds[display_path(path, root)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
    for data, sha in found:
        seeds.setdefault(data.seed, sha)
    store.adopt_renamed(list(seeds.items()))
    inspected = {data.seed: data for data, _ in found}
    taken: set[str] = set()
    for seed in sorted(seeds, key=lambda s: Path(s).name):
        page = store.by_seed.get(seed_key(seed))
        data = inspected.get(seed)
        if data is not None:
            data.slug = store.allocate_slug(seed, data.title, taken)
            taken.add(data.slug)
        elif page is not None:
            taken.add(page.slug)


def cmd_convert(args: argparse.Namespace) -> int:

    report = ingest_from_settings(load_settings(args.settings))
    for r in report.results:
        print(f"{r.status:>16}  {r.seed}" + (f" -> {r.slug}.md" if r.slug else ""))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """Move hand-edited pages of the earlier format to the current one, edits kept."""
    pages = {Path(p).resolve() for p in args.pages}
    missing = [p for p in args.pages if not Path(p).is_file()]
    if missing:
        print("error: no such page: " + ", ".join(missing), file=sys.stderr)
        return 2
    report = ingest_from_settings(load_settings(args.settings), migrate=pages)
    for r in report.results:
        print(f"{r.status:>16}  {r.seed}" + (f" -> {r.slug}.md" if r.slug else ""))
    return 0


def cmd_check(args: argparse.Namespace) -> int:

    settings = load_settings(args.settings)
    logged = _Collect()  # warnings outside the report too (editor files, pages)
    logger.addHandler(logged)
    try:
        report = ingest_from_settings(settings, write=False)
    finally:
        logger.removeHandler(logged)
    warnings = len(set(report.warnings) | set(logged.messages))
    analysed = sum(1 for r in report.results if r.status == "analysed")
    print(f"{analysed} seeds OK, {warnings} warnings")
    return 1 if args.strict and warnings else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="news-digest", description=__doc__)
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelican.conf.py)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("inspect", help="print what the extractor makes of raw articles")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per file")
    p.set_defaults(func=cmd_inspect)
    p = sub.add_parser("convert", help="write content/articles/*.md from seeds/ (no build)")
    p.set_defaults(func=cmd_convert)
    p = sub.add_parser("migrate", help="move hand-edited pages of the earlier format "
                                       "(a Digest: line) to the current one, keeping the edits")
    p.add_argument("pages", nargs="+", metavar="PAGE")
    p.set_defaults(func=cmd_migrate)
    p = sub.add_parser("check", help="validate seeds and editor data")
    p.add_argument("--strict", action="store_true", help="exit non-zero on any warning")
    p.set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING,
                        format="%(levelname)s: %(message)s", stream=sys.stderr)
    try:
        return args.func(args)
    except (EditorDataError, SettingsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
