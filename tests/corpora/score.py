"""Score clean+extract against hand-labelled articles.

Usage: python bench/score_extraction.py [DIR] [-v]   (default DIR: tests/corpora/development)

The scorer lives in the test tree (the regression tests import it);
``bench/score_extraction.py`` is the command-line entry point.

Each ``NAME.txt`` with a ``NAME.toml`` label file is cleaned and extracted. Measures
(each only over the articles whose label has the key it needs):

- people, places, organizations: micro-averaged precision/recall/F1 (names compared
  case-insensitively after normalizing quotes, accents, dots and whitespace);
- ``people_not``: names wrongly taken from promo, credit and byline lines;
- trip (ordinal and basis), stated date, source and headline accuracy (``title = ""``
  labels an article with no headline: right when the title was not taken as stated);
- boilerplate: the share of ``boilerplate`` lines the cleaner removed from the body;
  story kept: the share of ``must_keep`` sentences still in the body;
- quotes (``[[quote]]`` with ``text`` and ``speaker``, "" for unattributed): found,
  attributed right among those found, and wrong speakers (a quote given to someone
  other than its speaker — the error readers must never see).
"""

from __future__ import annotations

import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pelican.plugins.news_digest.extract import extract
from pelican.plugins.news_digest.ingest.clean import clean
from pelican.plugins.news_digest.model import ArticleData

ROOT = Path(__file__).resolve().parents[2]


def _norm(name: str) -> str:
    name = name.replace("\u2019", "'").replace("\u00a0", " ").replace(".", "")
    name = "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))
    return " ".join(name.lower().split())


def _text_norm(text: str) -> str:
    """Running text compared loosely: quotes, dashes, accents and spacing folded."""
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " ")):
        text = text.replace(a, b)
    text = "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))
    return " ".join(text.lower().split())


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


@dataclass
class Rate:
    """A share of labelled cases that came out right, with what went wrong."""

    ok: int = 0
    n: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, right: bool, error: str) -> None:
        self.n += 1
        self.ok += right
        if not right:
            self.errors.append(error)

    @property
    def value(self) -> float:
        return self.ok / self.n if self.n else 1.0


@dataclass
class QuoteTally:
    labelled: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0  # given to a person who did not say it
    errors: list[str] = field(default_factory=list)


def _body(data: ArticleData) -> str:
    return _text_norm("\n".join(b.text for b in data.blocks))


def _score_headline(stem: str, label: dict, data: ArticleData, rate: Rate) -> None:
    want = label["title"].strip().strip("\"'\u201c\u201d\u2018\u2019")
    got = data.title.strip().strip("\"'\u201c\u201d\u2018\u2019")
    if want:
        rate.add(_text_norm(got) == _text_norm(want), f"{stem}: want {want!r}, got {got!r}")
    else:
        stated = data.title_provenance.kind == "text"
        rate.add(not stated, f"{stem}: no headline, but {got!r} was taken as stated")


def _score_boilerplate(stem: str, label: dict, data: ArticleData, rate: Rate) -> None:
    body = _body(data)
    for line in label["boilerplate"]:
        rate.add(_text_norm(line) not in body, f"{stem}: kept {line!r}")


def _score_kept(stem: str, label: dict, data: ArticleData, rate: Rate) -> None:
    body = _body(data) + "\n" + _text_norm(data.summary or "")
    for sentence in label["must_keep"]:
        rate.add(_text_norm(sentence) in body, f"{stem}: lost {sentence!r}")


def _score_quotes(stem: str, label: dict, data: ArticleData, q: QuoteTally) -> None:
    got = [(_text_norm(x.text), x.speaker) for x in data.quotes]
    for item in label["quote"]:
        q.labelled += 1
        text, speaker = _text_norm(item["text"]), item.get("speaker", "")
        # the quote that holds the labelled text, else one it holds (a fragment)
        match = next(((t, s) for t, s in got if text in t), None) or next(
            ((t, s) for t, s in got if len(t) > 10 and t in text), None)
        if match is None:
            q.errors.append(f"{stem}: quote not found {item['text'][:60]!r}")
            continue
        q.found += 1
        said_by = match[1] or ""
        if _norm(said_by) == _norm(speaker):
            q.right += 1
            continue
        if said_by:
            q.wrong += 1
        q.errors.append(f"{stem}: {item['text'][:50]!r} by {speaker or None!r}, "
                        f"got {said_by or None!r}")


def score(directory: Path) -> dict:
    """Run the extractor over every labelled article in ``directory``."""
    tallies = {k: Tally() for k in ("people", "places", "organizations")}
    rates = {k: Rate() for k in ("trip", "date", "source", "headline", "boilerplate", "kept")}
    quotes = QuoteTally()
    people_not_hits: list[str] = []
    files = sorted(p for p in directory.glob("*.txt") if p.with_suffix(".toml").exists())
    for path in files:
        label = tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8"))
        data = extract(clean(path.read_text(encoding="utf-8")), path.name, path.stem)
        stem = path.stem
        people = {p.name for p in data.people}
        tallies["people"].add(stem, people, set(label.get("people", [])))
        tallies["places"].add(stem, {e.name for e in data.places}, set(label.get("places", [])))
        tallies["organizations"].add(stem, {e.name for e in data.organizations},
                                     set(label.get("organizations", [])))
        got_norm = {_norm(x) for x in people}
        people_not_hits += [f"{stem}: {bad}" for bad in label.get("people_not", [])
                            if _norm(bad) in got_norm]
        want_trip = label.get("trip", 0)
        got_trip = data.trip.number if data.trip else 0
        rates["trip"].add(got_trip == want_trip and (
            not want_trip or data.trip.basis == label.get("trip_basis", data.trip.basis)),
            f"{stem}: want {want_trip} {label.get('trip_basis', '')}, got {data.trip}")
        if label.get("date"):
            got_date = data.date.isoformat() if data.date else ""
            rates["date"].add(got_date == label["date"],
                              f"{stem}: want {label['date']}, got {got_date or None}")
        if "source" in label:
            rates["source"].add(_norm(data.source or "") == _norm(label["source"]),
                                f"{stem}: want {label['source']!r}, got {data.source!r}")
        if "title" in label:
            _score_headline(stem, label, data, rates["headline"])
        if "boilerplate" in label:
            _score_boilerplate(stem, label, data, rates["boilerplate"])
        if "must_keep" in label:
            _score_kept(stem, label, data, rates["kept"])
        if "quote" in label:
            _score_quotes(stem, label, data, quotes)
    return {
        "articles": len(files),
        "tallies": tallies,
        "people_not_hits": people_not_hits,
        "rates": rates,
        "quotes": quotes,
        # The names earlier rounds' tests and notes use:
        "trip_accuracy": rates["trip"].value,
        "trip_errors": rates["trip"].errors,
        "date_accuracy": rates["date"].value,
        "dates_labelled": rates["date"].n,
        "date_errors": rates["date"].errors,
    }


def report(r: dict, verbose: bool = False) -> list[str]:
    """The score as printed lines."""
    lines = []
    for name, t in r["tallies"].items():
        p, rc, f = t.prf()
        lines.append(f"{name:14s} P={p:.3f} R={rc:.3f} F1={f:.3f}  (tp={t.tp} fp={t.fp} fn={t.fn})")
    lines.append(f"people_not hits (promo/credit/byline names): {len(r['people_not_hits'])}")
    for name, rate in r["rates"].items():
        if rate.n:
            lines.append(f"{name} accuracy: {rate.value:.3f} ({rate.ok}/{rate.n})")
    q = r["quotes"]
    if q.labelled:
        right = q.right / q.found if q.found else 1.0
        lines.append(f"quotes: found {q.found}/{q.labelled} ({q.found / q.labelled:.3f}), "
                     f"right speaker {q.right}/{q.found} ({right:.3f}), wrong speaker {q.wrong}")
    if verbose:
        for t in r["tallies"].values():
            lines += [f"   {e}" for e in t.errors]
        lines += [f"   {e}" for e in r["people_not_hits"]]
        for rate in r["rates"].values():
            lines += [f"   {e}" for e in rate.errors]
        lines += [f"   {e}" for e in q.errors]
    return lines


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    directory = Path(args[0]) if args else ROOT / "tests" / "corpora" / "development"
    r = score(directory)
    print(f"articles: {r['articles']}  ({directory})")
    print("\n".join(report(r, verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
