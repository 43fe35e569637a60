"""Build benchmark: the digest against plain Pelican at 1,000 and 5,000 articles.

    python bench/bench_build.py                 # N = 1,000 and 5,000, 3 runs (2 at 5,000)
    python bench/bench_build.py --quick         # smoke test: N = 50 and 200, 1 run
    python bench/bench_build.py --profile 1000  # cProfile of one cold digest build
    python bench/bench_build.py --ingest        # also ingest alone, worker pool vs one process

To measure a commit while the working tree changes under you, run it from a snapshot:
    git archive HEAD | tar -x -C /tmp/snap && PYTHONPATH=/tmp/snap/plugins \
        python /tmp/snap/bench/bench_build.py --commit $(git rev-parse --short HEAD)

Why each measurement: editors keep adding articles, so the build must stay close
to what Pelican itself costs (digest / plain), grow linearly, and a one-seed edit
must not cost a full rebuild. The builds an editor meets, each timed against plain
Pelican building the same pages from scratch (every page built: undated pages get a
date, so none is skipped):

- cold: raw seeds only (no pages, no cache);
- fresh clone: the pages committed, no cache and no output (issue 12: no extraction);
- nothing changed: a second build right after;
- one seed edited: a warm build after one seed changed (Pelican's own cached rebuild
  of the plain site is reported beside it);
- output size and peak memory.

Every build is a ``pelican`` subprocess on a fresh temporary project (seeds from
``bench/synth.py``, fixed seed), timed by wall clock in this process, with the CPU
time (user + system) and peak memory (max RSS) of the child from ``os.wait4``. The
tables are printed and written to ``bench/results.md``; notes below its marker line
are kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402
from pelican.plugins.news_digest.ingest.page import (  # noqa: E402
    list_items,
    parse_page,
    parse_person,
)

RESULTS = BENCH / "results.md"
NOTES_MARKER = "<!-- notes: kept when the benchmark rewrites this file -->"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SEARCH_QUERIES = ["Marchetti", "ceasefire", "Kyiv", "grain exports", "Haddad", "Doha talks",
                  "humanitarian", "Solberg Brussels"]

# Targets from issues 12 and 17, each build against plain Pelican's cold build of the
# same pages (on a 2-core machine).
MAX_COLD_OVER_PLAIN = 1.5
MAX_FRESH_OVER_PLAIN = 1.25
MAX_SAME_OVER_PLAIN = 1.1
MAX_WARM_OVER_PLAIN = 0.6
MAX_LARGE_OVER_SMALL = 5.5  # T(5,000) / T(1,000): linear is 5
MAX_RSS_OVER_PLAIN = 1.5
MAX_SEARCH_MS = 100.0
# Issue 15: the digest's output at most 6x plain Pelican's on the same pages, growing
# linearly with the articles.
MAX_OUTPUT_OVER_PLAIN = 6.0
# Output parts reported separately: (label, paths relative to output/, globs allowed).
OUTPUT_PARTS = (("article pages", ("articles",)), ("person pages", ("people", "people.html")),
                ("feeds", ("feeds",)), ("search index", ("search-index.js",)),
                ("home pages", ("index.html", "index")),
                ("trip pages", ("trips", "trips.html")),
                ("timeline", ("timeline.html", "timeline")))


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    cpu: float = 0.0  # user + system seconds of the child and its children (workers)


@dataclass
class SizeResult:
    n: int
    ingest: list[Run] = field(default_factory=list)
    ingest_serial: list[Run] = field(default_factory=list)
    cold: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    fresh: list[Run] = field(default_factory=list)  # pages committed, no cache, no output
    same: list[Run] = field(default_factory=list)  # nothing changed since the last build
    warm: list[Run] = field(default_factory=list)  # one seed edited
    plain_warm: list[Run] = field(default_factory=list)  # Pelican's own cached rebuild
    search: dict | None = None
    size: dict | None = None  # bytes written: {"digest": {part: bytes}, "plain": total}

    @staticmethod
    def med(runs: list[Run]) -> Run | None:
        if not runs:
            return None
        return Run(statistics.median(r.seconds for r in runs),
                   statistics.median(r.max_rss_mb for r in runs),
                   statistics.median(r.cpu for r in runs))


def run_child(cmd: list[str], cwd: Path, log: Path, env: dict | None = None) -> Run:
    """Run ``cmd``; wall time and the child's own peak RSS (not the max over all children)."""
    with log.open("ab") as out:
        out.write(f"\n$ {' '.join(cmd)}\n".encode())
        out.flush()
        # The previous build's output still being written back to disk would slow this
        # one: flush it first (plain Pelican measured right after a digest build varied
        # 2.6-3.3 s at N=1,000 without this).
        os.sync()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env=env or os.environ.copy())
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}); see {log}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)  # KiB


# ---------------------------------------------------------------- projects

DIGEST_CONF = """\
# Benchmark settings: the project's pelican.conf.py with paths into this temp project.
from pathlib import Path
_conf = Path({conf!r})
exec(compile(_conf.read_text(encoding="utf-8"), str(_conf), "exec"))
PATH = {root!r} + "/content"
OUTPUT_PATH = {root!r} + "/output"
CACHE_PATH = {root!r} + "/cache"
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
NEWS_DIGEST_SEEDS_PATH = {root!r} + "/seeds"
"""

# Plain Pelican on the same pages: people become tags, tag pages stand in for person
# pages, Pelican's own "simple" theme; the digest's other outputs have no equivalent.
PLAIN_CONF = """\
SITENAME = "Plain baseline"
AUTHOR = "Bench"
SITEURL = ""
RELATIVE_URLS = True
PATH = {root!r} + "/content"
OUTPUT_PATH = {root!r} + "/output"
CACHE_PATH = {root!r} + "/cache"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = "simple"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS = ["pelican.plugins.sitemap"]
SITEMAP = {{"format": "xml"}}
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{{slug}}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{{slug}}.html"
TAG_URL = TAG_SAVE_AS = "tag/{{slug}}.html"
TAGS_SAVE_AS = "tags.html"
DIRECT_TEMPLATES = ["index", "tags"]
DEFAULT_PAGINATION = 20
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
JINJA_ENVIRONMENT = {{"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}}
MARKDOWN = {{"extension_configs": {{"markdown.extensions.meta": {{}}}}, "output_format": "html5"}}
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "mtime"
"""

_PLAIN_KEEP = ("title", "date", "slug", "summary")


def make_digest_project(root: Path, seeds: Path) -> Path:
    """A fresh project: seeds, hand pages, a people file for the synthetic cast."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(seeds, root / "seeds")
    content = root / "content"
    shutil.copytree(REPO / "content" / "pages", content / "pages")
    (content / "articles").mkdir()
    synth.write_people_toml(content / "people.toml")
    conf = root / "bench.conf.py"
    conf.write_text(DIGEST_CONF.format(conf=str(REPO / "pelican.conf.py"), root=str(root),
                                       theme=str(REPO / "theme"),
                                       plugins=str(REPO / "plugins")), encoding="utf-8")
    return conf


def reset_digest_project(root: Path) -> None:
    """Cold state: no generated pages, no output, no cache."""
    for sub in ("output", "cache", "content/articles"):
        shutil.rmtree(root / sub, ignore_errors=True)
    (root / "content" / "articles").mkdir()


def plain_page(text: str) -> str:
    """The digest's page as a plain Pelican page: core fields plus ``Tags: <people>``."""
    page = parse_page(text)
    lines = [f"{k.capitalize()}: {page.get(k)}" for k in _PLAIN_KEEP if page.get(k)]
    if not page.get("date"):
        lines.append("Date: 1900-01-01")  # plain Pelican needs one; the digest keeps it too
    people = [parse_person(item)[0].replace(",", "")
              for item in list_items(page.fields.get("people"))]
    lines.append("Tags: " + ", ".join(p for p in people if p))
    return "\n".join(lines) + "\n\n" + page.body


def make_plain_project(root: Path, digest_root: Path) -> Path:
    if root.exists():
        shutil.rmtree(root)
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    for page in sorted((digest_root / "content" / "articles").glob("*.md")):
        (articles / page.name).write_text(plain_page(page.read_text(encoding="utf-8")),
                                          encoding="utf-8")
    conf = root / "plain.conf.py"
    conf.write_text(PLAIN_CONF.format(root=str(root)), encoding="utf-8")
    return conf


def pelican_cmd(conf: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", "-s", str(conf), "-q"]


INGEST_CHILD = """\
import json, os, sys, time
from pelican.settings import read_settings
from pelican.plugins.news_digest.plugin import ingest_from_settings
if sys.argv[2] == "serial":  # the same ingest without the worker pool
    import pelican.plugins.news_digest.ingest.cache
    pelican.plugins.news_digest.ingest.cache.default_workers = lambda n_jobs: 1
settings = read_settings(sys.argv[1])
start, cpu = time.perf_counter(), os.times()
report = ingest_from_settings(settings)
end = os.times()
used = sum(getattr(end, k) - getattr(cpu, k) for k in
           ("user", "system", "children_user", "children_system"))
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": used,
                  "seeds": len(report.results),
                  "written": report.count("written")}))
"""


def measure_ingest(root: Path, conf: Path, log: Path, mode: str = "auto") -> Run:
    """Ingest alone into a fresh folder; time measured inside the child (no imports)."""
    reset_digest_project(root)
    out = root / "ingest.json"
    with out.open("w") as fh:
        proc = subprocess.Popen([sys.executable, "-c", INGEST_CHILD, str(conf), mode], cwd=root,
                                stdout=fh, stderr=log.open("ab"))
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"ingest child failed; see {log}")
    got = json.loads(out.read_text().strip().splitlines()[-1])
    return Run(got["seconds"], usage.ru_maxrss / 1024, got.get("cpu", 0.0))


# ---------------------------------------------------------------- search

SEARCH_JS = """
async ([q, mode, measure]) => {
  const input = document.querySelector('#search-input, input[type=search], input[name=q]');
  if (!input) return {error: 'no search input'};
  const form = input.form;
  const target = document.querySelector(
    '#search-results, [data-search-results], .search-results') || document.body;
  const before = target.innerHTML;
  const fire = () => {
    input.value = q;
    if (mode === 'submit' && form) form.requestSubmit();
    else input.dispatchEvent(new Event('input', {bubbles: true}));
  };
  if (!measure) { fire(); return {ms: 0}; }
  return await new Promise((resolve) => {
    let t0 = 0;
    const obs = new MutationObserver(() => {
      if (target.innerHTML === before) return;
      obs.disconnect();
      void target.offsetHeight;  // results laid out, not just inserted
      resolve({ms: performance.now() - t0, hits: target.children.length});
    });
    obs.observe(target, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { obs.disconnect(); resolve({ms: null, error: 'timeout'}); }, 10000);
    t0 = performance.now();
    fire();
  });
}
"""


def measure_search(output: Path) -> dict:
    """Index size and query time in Chromium from file://, or why it was not measured.

    A query is timed from the moment it is submitted (Enter) to its results being
    in the page and laid out; the same while typing is reported too, as it includes
    the page's own debounce delay.
    """
    page = output / "search.html"
    if not page.is_file():
        return {"status": "search not built yet"}
    index_files = [p for p in output.rglob("*") if p.is_file() and "index" in p.name.lower()
                   and "search" in p.name.lower() and p.suffix in (".js", ".json")]
    result: dict = {"index_bytes": sum(p.stat().st_size for p in index_files),
                    "index_files": [p.relative_to(output).as_posix() for p in index_files]}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        result["status"] = "playwright not installed"
        return result
    times: dict[str, list[float]] = {"submit": [], "input": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            start = time.perf_counter()
            tab.goto(page.as_uri(), wait_until="load")
            result["load_ms"] = (time.perf_counter() - start) * 1000
            for mode in ("submit", "input"):
                for q in SEARCH_QUERIES:
                    got = tab.evaluate(SEARCH_JS, [q, mode, True])
                    if got.get("ms") is None:
                        result.setdefault("errors", []).append(f"{q}: {got.get('error')}")
                        continue
                    times[mode].append(got["ms"])
                    tab.evaluate(SEARCH_JS, ["", "submit", False])
                    tab.wait_for_timeout(200)  # let a pending debounce fire before the next
        finally:
            browser.close()
    if times["submit"]:
        result.update(first_ms=times["submit"][0], median_ms=statistics.median(times["submit"]),
                      queries=len(times["submit"]), status="ok")
    else:
        result["status"] = "no query answered: " + "; ".join(result.get("errors", []))
    if times["input"]:
        result["typing_median_ms"] = statistics.median(times["input"])
    return result


# ---------------------------------------------------------------- the run

def bench_size(n: int, runs: int, work: Path, log: Path, search: bool, ingest: bool,
               progress) -> SizeResult:
    """Each run: cold, plain cold, nothing changed, one seed edited, fresh clone, plain
    warm — interleaved, so drift on the machine hits digest and plain alike."""
    res = SizeResult(n)
    seeds = work / f"seeds-{n}"
    synth.write_seeds(seeds, n)
    digest_root, plain_root = work / f"digest-{n}", work / f"plain-{n}"
    conf = make_digest_project(digest_root, seeds)
    for r in range(runs if ingest else 0):
        res.ingest.append(measure_ingest(digest_root, conf, log))
        res.ingest_serial.append(measure_ingest(digest_root, conf, log, "serial"))
        progress(f"N={n} ingest run {r + 1}: {res.ingest[-1].seconds:.2f}s "
                 f"(one process: {res.ingest_serial[-1].seconds:.2f}s)")
    plain_conf = None
    seed_files = sorted((digest_root / "seeds").glob("*.txt"))

    def digest(runs_of: list[Run], what: str) -> None:
        runs_of.append(run_child(pelican_cmd(conf), digest_root, log))
        check_built(digest_root, n, what)
        progress(f"N={n} {what} run {len(runs_of)}: {runs_of[-1].seconds:.2f}s")

    for r in range(runs):
        reset_digest_project(digest_root)
        digest(res.cold, "digest cold")
        if plain_conf is None:
            plain_conf = make_plain_project(plain_root, digest_root)
        for sub in ("output", "cache"):
            shutil.rmtree(plain_root / sub, ignore_errors=True)
        res.plain.append(run_child(pelican_cmd(plain_conf), plain_root, log))
        check_built(plain_root, n, "plain")
        progress(f"N={n} plain cold run {r + 1}: {res.plain[-1].seconds:.2f}s")
        if res.size is None:
            res.size = output_size(digest_root / "output", plain_root / "output")
            progress(f"N={n} output: digest {res.size['digest'] / 1e6:.1f} MB, plain "
                     f"{res.size['plain'] / 1e6:.1f} MB")
        digest(res.same, "nothing changed")
        synth.edit_seed(seed_files[(r * 7919) % len(seed_files)])  # a different seed each run
        digest(res.warm, "one seed edited")
        for sub in ("output", "cache"):  # a fresh clone: the pages, nothing else
            shutil.rmtree(digest_root / sub, ignore_errors=True)
        digest(res.fresh, "fresh clone")
        res.plain_warm.append(run_child(pelican_cmd(plain_conf), plain_root, log))
        progress(f"N={n} plain warm run {r + 1}: {res.plain_warm[-1].seconds:.2f}s")
    if search:
        res.search = measure_search(digest_root / "output")
        progress(f"N={n} search: {res.search}")
    return res


def tree_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def output_size(digest_out: Path, plain_out: Path) -> dict:
    """Bytes of both outputs, the digest's also by part (``OUTPUT_PARTS``)."""
    parts = {label: sum(tree_bytes(digest_out / n) for n in names if (digest_out / n).exists())
             for label, names in OUTPUT_PARTS}
    largest = max((p for p in (digest_out / "people").glob("*.html")), key=lambda p: p.stat(
        ).st_size, default=None)
    return {"digest": tree_bytes(digest_out), "plain": tree_bytes(plain_out), "parts": parts,
            "largest_person_page": largest.stat().st_size if largest else 0,
            "timeline_page": tree_bytes(digest_out / "timeline.html"),
            "trips_page": tree_bytes(digest_out / "trips.html")}


def check_built(root: Path, n: int, what: str) -> None:
    """A build that silently produced fewer pages would make every number meaningless."""
    pages = len(list((root / "output" / "articles").glob("*.html")))
    if pages < n:
        raise RuntimeError(f"{what} build in {root} wrote {pages} article pages, expected {n}")


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


BUILDS = (  # (label, SizeResult field, limit over plain cold or None)
    ("cold, from raw seeds (no pages, no cache)", "cold", MAX_COLD_OVER_PLAIN),
    ("fresh clone (pages committed, no cache)", "fresh", MAX_FRESH_OVER_PLAIN),
    ("nothing changed", "same", MAX_SAME_OVER_PLAIN),
    ("one seed edited, warm", "warm", MAX_WARM_OVER_PLAIN),
    ("plain Pelican's own cached rebuild (reference)", "plain_warm", None),
)


def render(results: list[SizeResult], meta: dict) -> str:
    """The results tables (Markdown) with targets and pass/fail."""
    lines = [
        "# Build benchmark",
        "",
        f"Run {meta['date']} on commit `{meta['commit']}`{meta['dirty']}: "
        f"{meta['cores']} cores, {meta['mem_gib']} GiB, Python {meta['python']}, "
        f"Pelican {meta['pelican']}, {meta['platform']}.",
        f"Command: `{meta['command']}`. Synthetic seeds from `bench/synth.py` "
        f"(fixed seed, ~2–4 KB each). Times are medians of {meta['runs_note']}; "
        "memory is the build process's max RSS (`os.wait4`). Load average before / after "
        f"(1/5/15 min): {meta['load_before']} / {meta['load']}.",
        "",
        "Each build against plain Pelican building the same pages from scratch (cold), "
        "wall time and, in brackets, CPU time (user + system, with worker processes):",
        "",
        "| N | build | digest | plain cold | digest / plain | CPU digest / plain | limit | "
        "result |",
        "|---:|---|---:|---:|---:|---:|---:|:---:|",
    ]
    rows: list[tuple[str, str, str, bool | None]] = []
    for r in results:
        plain = SizeResult.med(r.plain)
        for label, attr, limit in BUILDS:
            got = SizeResult.med(getattr(r, attr))
            if got is None:
                continue
            ratio, cpu = got.seconds / plain.seconds, got.cpu / plain.cpu
            ok = None if limit is None else ratio <= limit
            lines.append(f"| {r.n:,} | {label} | {got.seconds:.2f} s ({got.cpu:.1f}) | "
                         f"{plain.seconds:.2f} s ({plain.cpu:.1f}) | {ratio:.2f} | {cpu:.2f} | "
                         f"{'≤ ' + str(limit) if limit else ''} | {verdict(ok)} |")
    lines += ["", "Peak memory (max RSS of the build process):", "",
              "| N | digest cold | digest fresh clone | digest one seed edited | plain cold | "
              "cold / plain | limit | result |", "|---:|---:|---:|---:|---:|---:|---:|:---:|"]
    for r in results:
        cold, fresh, warm, plain = (SizeResult.med(x) for x in (r.cold, r.fresh, r.warm,
                                                                r.plain))
        peak = max(x.max_rss_mb for x in (cold, fresh, warm) if x is not None)
        ratio = peak / plain.max_rss_mb
        lines.append(f"| {r.n:,} | {cold.max_rss_mb:.0f} MB | "
                     f"{fresh.max_rss_mb if fresh else 0:.0f} MB | "
                     f"{warm.max_rss_mb if warm else 0:.0f} MB | {plain.max_rss_mb:.0f} MB | "
                     f"{ratio:.2f} | ≤ {MAX_RSS_OVER_PLAIN} | "
                     f"{verdict(ratio <= MAX_RSS_OVER_PLAIN)} |")
        rows.append((f"peak memory (largest of the digest's builds) / plain at N={r.n:,}",
                     f"≤ {MAX_RSS_OVER_PLAIN}", f"{ratio:.2f}", ratio <= MAX_RSS_OVER_PLAIN))
    if any(r.ingest for r in results):
        lines += ["", "Ingest alone, worker pool (default) vs one process — does parallel "
                      "ingest pay?", "", "| N | pool | one process | speed-up | "
                      "peak RSS pool / one |", "|---:|---:|---:|---:|---:|"]
        for r in results:
            pool, one = SizeResult.med(r.ingest), SizeResult.med(r.ingest_serial)
            if pool is not None and one is not None:
                lines.append(f"| {r.n:,} | {pool.seconds:.2f} s | {one.seconds:.2f} s | "
                             f"{one.seconds / pool.seconds:.2f}× | {pool.max_rss_mb:.0f} / "
                             f"{one.max_rss_mb:.0f} MB |")
    small, large = results[0], results[-1]
    growth = SizeResult.med(large.cold).seconds / SizeResult.med(small.cold).seconds
    linear = MAX_LARGE_OVER_SMALL * large.n / small.n / 5
    if large is not small:
        rows.append((f"T({large.n:,}) / T({small.n:,}) (digest cold; linear: "
                     f"{large.n / small.n:.0f})", f"≤ {linear:.1f}", f"{growth:.2f}",
                     growth <= linear))
    search = large.search or {"status": "not measured (--no-search)"}
    search_ms = search.get("median_ms")
    rows.append((f"search query in Chromium at N={large.n:,}", f"< {MAX_SEARCH_MS:.0f} ms",
                 f"{search_ms:.1f} ms (median of {search['queries']} queries, submitted; "
                 f"first {search['first_ms']:.1f} ms)" if search_ms is not None
                 else search["status"], None if search_ms is None else search_ms < MAX_SEARCH_MS))
    lines += size_lines(results)
    for r in results:
        if r.size:
            ratio = r.size["digest"] / r.size["plain"]
            rows.append((f"output size digest / plain at N={r.n:,}",
                         f"≤ {MAX_OUTPUT_OVER_PLAIN:.0f}", f"{ratio:.2f}",
                         ratio <= MAX_OUTPUT_OVER_PLAIN))
    if large is not small and small.size and large.size:
        growth_size = large.size["digest"] / small.size["digest"]
        rows.append((f"output size at N={large.n:,} / N={small.n:,} (linear: "
                     f"{large.n / small.n:.0f})", f"≤ {linear:.1f}", f"{growth_size:.2f}",
                     growth_size <= linear))
    lines += ["", "Other targets:", "", "| target | limit | measured | result |",
              "|---|---:|---:|:---:|"]
    lines += [f"| {a} | {b} | {c} | {verdict(d)} |" for a, b, c, d in rows]
    if search.get("index_bytes") is not None:
        lines += ["", f"Search index at N={large.n:,}: {search['index_bytes'] / 1e6:.2f} MB "
                      f"({', '.join(search['index_files']) or 'no file over 10 KB'}); "
                      f"search page load {search.get('load_ms', 0):.0f} ms"
                      + (f"; while typing (includes the page's debounce delay) "
                         f"{search['typing_median_ms']:.1f} ms median"
                         if search.get("typing_median_ms") is not None else "") + "."]
    if meta.get("quick"):
        lines += ["", "**Quick run** (smoke test sizes, 1 run): not a measurement of the "
                      "targets."]
    return "\n".join(lines) + "\n"


def size_lines(results: list[SizeResult]) -> list[str]:
    """The output-size table: both outputs, and the digest's by part."""
    measured = [r for r in results if r.size]
    if not measured:
        return []
    labels = [label for label, _ in OUTPUT_PARTS]
    lines = ["", "Output size (bytes written, MB; the digest's by part; the largest person "
                 "page, timeline.html and trips.html in KB):", "",
             "| N | digest | plain | ratio | " + " | ".join(labels) +
             " | largest person page | timeline.html | trips.html |",
             "|---:|---:|---:|---:|" + "---:|" * (len(labels) + 3)]
    for r in measured:
        z = r.size
        lines.append(f"| {r.n:,} | {z['digest'] / 1e6:.1f} | {z['plain'] / 1e6:.1f} | "
                     f"{z['digest'] / z['plain']:.2f} | "
                     + " | ".join(f"{z['parts'][label] / 1e6:.2f}" for label in labels)
                     + f" | {z['largest_person_page'] / 1e3:.0f} | {z['timeline_page'] / 1e3:.0f}"
                       f" | {z['trips_page'] / 1e3:.0f} |")
    return lines


def machine_meta(args, runs_note: str) -> dict:
    import pelican

    def git(*a: str) -> str:
        try:
            return subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True,
                                  check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    if args.commit:  # a snapshot (git archive) has no .git: say which commit it is
        commit, dirty = args.commit, ""
    else:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no", "plugins", "theme",
                    "pelican.conf.py")
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "dirty": " (with uncommitted changes in plugins/theme)" if dirty else "",
        "cores": os.cpu_count(), "mem_gib": f"{mem:.0f}",
        "python": platform.python_version(), "pelican": pelican.__version__,
        "platform": f"{platform.system()} {platform.machine()}",
        "command": "python bench/bench_build.py " + " ".join(sys.argv[1:]),
        "runs_note": runs_note, "quick": args.quick,
        "load": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def profile(n: int, work: Path, top: int) -> None:
    """cProfile one cold digest build of N articles; print the top functions."""
    import pstats

    seeds = work / f"seeds-{n}"
    synth.write_seeds(seeds, n)
    root = work / f"digest-{n}"
    conf = make_digest_project(root, seeds)
    prof = work / f"cold-{n}.prof"
    log = work / "bench.log"
    run = run_child([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "pelican",
                     "-s", str(conf), "-q"], root, log)
    print(f"cold build of {n} under cProfile: {run.seconds:.1f} s, {run.max_rss_mb:.0f} MB")
    stats = pstats.Stats(str(prof))
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", help="article counts (default 1000 5000)")
    parser.add_argument("--runs", type=int, help="runs per size (default 3)")
    parser.add_argument("--large-runs", type=int,
                        help="runs for sizes >= 5000 (default 2, to fit the time budget)")
    parser.add_argument("--quick", action="store_true", help="N = 50 and 200, one run")
    parser.add_argument("--no-search", action="store_true", help="skip the Chromium search")
    parser.add_argument("--ingest", action="store_true",
                        help="also time ingest alone (worker pool and one process)")
    parser.add_argument("--workdir", type=Path, help="keep the projects here (default: temp)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results Markdown file")
    parser.add_argument("--commit", help="the commit being measured, for a snapshot "
                        "made with git archive (recorded in the results)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one cold build")
    parser.add_argument("--top", type=int, default=30, help="rows of the profile to print")
    args = parser.parse_args(argv)

    sizes = args.sizes or ([50, 200] if args.quick else [1000, 5000])
    runs = args.runs or (1 if args.quick else 3)
    large_runs = args.large_runs or (runs if args.quick else min(runs, 2))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="news-digest-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.profile:
        profile(args.profile, work, args.top)
        return 0
    log = work / "bench.log"
    load_before = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"working in {work} (log: {log})", flush=True)
    t0 = time.perf_counter()

    def progress(msg: str) -> None:
        print(f"[{time.perf_counter() - t0:7.1f}s] {msg}", flush=True)

    results = []
    for n in sorted(sizes):
        r = large_runs if n >= 5000 else runs
        results.append(bench_size(n, r, work, log, search=not args.no_search and
                                  n == max(sizes), ingest=args.ingest, progress=progress))
    notes = sorted({(res.n, len(res.cold)) for res in results})
    runs_note = ", ".join(f"{k} run{'s' if k > 1 else ''} at N={n:,}" for n, k in notes)
    meta = machine_meta(args, runs_note)
    meta["load_before"] = load_before
    text = render(results, meta)
    print("\n" + text)
    notes = ""
    if args.output.is_file():  # hand-written analysis below the marker survives a re-run
        old = args.output.read_text(encoding="utf-8")
        if NOTES_MARKER in old:
            notes = "\n" + NOTES_MARKER + old.split(NOTES_MARKER, 1)[1]
    args.output.write_text(text + notes, encoding="utf-8")
    print(f"written to {args.output}")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
