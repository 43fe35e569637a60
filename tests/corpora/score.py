"""Score clean+extract against hand-labelled articles.

Usage: python bench/score_extraction.py [DIR] [-v]   (default DIR: tests/corpora/development)

The scorer lives in the test tree (the regression tests import it); ``bench/score_extraction.py``
is the command-line entry point.

Each ``NAME.txt`` with a ``NAME.toml`` label file is cleaned and extracted.
Prints micro-averaged precision/recall/F1 for people, places and
organizations (names compared case-insensitively after normalizing quotes,
accents and whitespace), the number of ``people_not`` names wrongly included
(promo/credit/byline names), trip accuracy and date accuracy (only where the
label states a date).
"""

from __future__ import annotations

import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pelican.plugins.news_digest.extract import extract
from pelican.plugins.news_digest.ingest.clean import clean

ROOT = Path(__file__).resolve().parents[2]


def _norm(name: str) -> str:
    name = name.replace("\u2019", "'").replace("\u00a0", " ").replace(".", "")
    name = "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))
    return " ".join(name.lower().split())


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, stem: str, got: set[str], want: set[str]) -> None:
        g, w = {_norm(x) for x in got}, {_norm(x) for x in want}
        self.tp += len(g & w)
        self.fp += len(g - w)
        self.fn += len(w - g)
        for x in sorted(g - w):
            self.errors.append(f"{stem}: extra {x!r}")
        for x in sorted(w - g):
            self.errors.append(f"{stem}: missing {x!r}")

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(directory: Path) -> dict:
    """Run the extractor over every labelled article in ``directory``."""
    tallies = {k: Tally() for k in ("people", "places", "organizations")}
    people_not_hits: list[str] = []
    trips_ok = trips_n = dates_ok = dates_n = 0
    trip_errors: list[str] = []
    date_errors: list[str] = []
    files = sorted(p for p in directory.glob("*.txt") if p.with_suffix(".toml").exists())
    for path in files:
        label = tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8"))
        data = extract(clean(path.read_text(encoding="utf-8")), path.name, path.stem)
        people = {p.name for p in data.people}
        tallies["people"].add(path.stem, people, set(label.get("people", [])))
        tallies["places"].add(path.stem, {e.name for e in data.places},
                              set(label.get("places", [])))
        tallies["organizations"].add(path.stem, {e.name for e in data.organizations},
                                     set(label.get("organizations", [])))
        got_norm = {_norm(x) for x in people}
        for bad in label.get("people_not", []):
            if _norm(bad) in got_norm:
                people_not_hits.append(f"{path.stem}: {bad}")
        trips_n += 1
        want_trip = label.get("trip", 0)
        got_trip = data.trip.number if data.trip else 0
        ok = got_trip == want_trip and (
            not want_trip or data.trip.basis == label.get("trip_basis", data.trip.basis))
        trips_ok += ok
        if not ok:
            trip_errors.append(f"{path.stem}: want {want_trip} {label.get('trip_basis', '')}, "
                               f"got {data.trip}")
        if label.get("date"):
            dates_n += 1
            got_date = data.date.isoformat() if data.date else ""
            dates_ok += got_date == label["date"]
            if got_date != label["date"]:
                date_errors.append(f"{path.stem}: want {label['date']}, got {got_date or None}")
    return {
        "articles": len(files),
        "tallies": tallies,
        "people_not_hits": people_not_hits,
        "trip_accuracy": trips_ok / trips_n if trips_n else 1.0,
        "trip_errors": trip_errors,
        "date_accuracy": dates_ok / dates_n if dates_n else 1.0,
        "dates_labelled": dates_n,
        "date_errors": date_errors,
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    directory = Path(args[0]) if args else ROOT / "tests" / "corpora" / "development"
    r = score(directory)
    print(f"articles: {r['articles']}  ({directory})")
    for name, t in r["tallies"].items():
        p, rc, f = t.prf()
        print(f"{name:14s} P={p:.3f} R={rc:.3f} F1={f:.3f}  (tp={t.tp} fp={t.fp} fn={t.fn})")
    print(f"people_not hits (promo/credit/byline names): {len(r['people_not_hits'])}")
    print(f"trip accuracy: {r['trip_accuracy']:.3f}")
    print(f"date accuracy: {r['date_accuracy']:.3f} (over {r['dates_labelled']} stated dates)")
    if verbose:
        for t in r["tallies"].values():
            for e in t.errors:
                print("  ", e)
        for e in r["people_not_hits"] + r["trip_errors"] + r["date_errors"]:
            print("  ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
