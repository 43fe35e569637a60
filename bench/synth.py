"""Deterministic synthetic seeds for the build benchmark.

The benchmark needs thousands of raw articles that look like the real ones to
the cleaner and the extractor (date markers, datelines, bylines, promo lines,
captions with credits, footers, glued sentences, trip ordinals), so that the
timings measure the work real seeds cause. The cast and the sentences are made
up for this file; article ``i`` depends only on ``(seed, i)``, so the first
1,000 articles of a 5,000-article set are the 1,000-article set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Person", "make_article", "write_seeds", "write_people_toml", "edit_seed", "CAST"]


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # as a news story gives it, e.g. "Jordanian Foreign Minister"
    city: str  # where they usually receive visitors
    country: str
    aliases: tuple[str, ...] = ()


# Travellers: the people whose trips are counted ("her sixth trip to the region").
TRAVELLERS = [
    Person("Helen Marchetti", "US Secretary of State", "Washington", "United States",
           ("Secretary Marchetti",)),
    Person("Claire Dubois-Arnaud", "French Foreign Minister", "Paris", "France"),
    Person("Tomasz Wielgosz", "Polish Foreign Minister", "Warsaw", "Poland"),
    Person("Ingrid Solberg", "EU foreign policy chief", "Brussels", "Belgium"),
    Person("Kenji Arakawa", "Japanese Foreign Minister", "Tokyo", "Japan"),
    Person("David Okonkwo", "UN special envoy", "Geneva", "Switzerland"),
    Person("Martin Kessler", "German Chancellor", "Berlin", "Germany"),
]
# Hosts and other people in the stories.
HOSTS = [
    Person("Olena Kovalchuk", "Ukrainian Foreign Minister", "Kyiv", "Ukraine"),
    Person("Yusuf Demirel", "Turkish Foreign Minister", "Ankara", "Turkey"),
    Person("Layla Haddad", "Jordanian Foreign Minister", "Amman", "Jordan"),
    Person("Ahmed Farouk", "Egyptian intelligence chief", "Cairo", "Egypt"),
    Person("Khalid Al-Mansouri", "Qatari Prime Minister", "Doha", "Qatar",
           ("Sheikh Khalid",)),
    Person("Avi Rosenthal", "Israeli Defense Minister", "Tel Aviv", "Israel"),
    Person("Miriam Katzir", "Israeli Prime Minister", "Jerusalem", "Israel"),
    Person("Priya Raman", "Indian External Affairs Minister", "New Delhi", "India"),
    Person("Li Wenhao", "Chinese Foreign Minister", "Beijing", "China"),
    Person("Maria Santos", "Brazilian President", "Brasilia", "Brazil"),
    Person("Nikos Papadakis", "Greek Prime Minister", "Athens", "Greece"),
    Person("Fatima Benali", "Moroccan Foreign Minister", "Rabat", "Morocco"),
    Person("Omar Siddiqui", "Pakistani Foreign Minister", "Islamabad", "Pakistan"),
    Person("Erik Lindqvist", "NATO Secretary General", "Brussels", "Belgium"),
    Person("Grace Ndlovu", "South African Foreign Minister", "Pretoria", "South Africa"),
    Person("Jorge Villanueva", "Mexican Foreign Secretary", "Mexico City", "Mexico"),
    Person("Saad Al-Harbi", "Saudi Foreign Minister", "Riyadh", "Saudi Arabia"),
    Person("Anna Lindgren", "Swedish Prime Minister", "Stockholm", "Sweden"),
]
ADVISERS = [
    Person("Hannah Weiss", "White House national security adviser", "Washington",
           "United States"),
    Person("Samuel Brooks", "State Department spokesperson", "Washington", "United States"),
    Person("Rania Khoury", "UN humanitarian coordinator", "Geneva", "Switzerland"),
    Person("Peter Hollis", "senior US official", "Washington", "United States"),
]
CAST = TRAVELLERS + HOSTS + ADVISERS

REGIONS = ["the Middle East", "the region", "Europe", "Asia", "the Gulf", "West Asia",
           "Latin America", "Africa"]
OUTLETS = ["Global Wire", "The Daily Ledger", "Meridian News", "Capital Observer",
           "Eastern Post", "Harbor Times", "Northern Tribune", "Lakeside Herald"]
AGENCIES = ["REUTERS", "AFP", "AP", "POOL", "GPO", "EPA", "ANADOLU"]
PHOTOGRAPHERS = ["ANA RIBEIRO", "TOM HALE", "KIM SOO-JIN", "LUCA FERRANTE", "NOOR AZIZ",
                 "JAMES OKAFOR", "ELENA VOSS"]
REPORTERS = ["Rachel Adler", "Marcus Bell", "Sofia Marin", "Daniel Cho", "Amira Saleh",
             "Owen Price"]
ORGS = ["the United Nations", "NATO", "the European Union", "the World Food Programme",
        "the African Union", "the Red Cross", "the World Bank", "the Arab League"]
TOPICS = ["a ceasefire", "grain exports", "a prisoner exchange", "border security",
          "humanitarian corridors", "energy supplies", "a reconstruction fund",
          "sanctions relief", "a maritime agreement", "the release of detained aid workers",
          "air defence systems", "a trade framework"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                 "eighth", "ninth", "tenth", "eleventh", "twelfth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

HEADLINES = [
    "{T} arrives in {city} for talks on {topic}",
    "{Tsur} presses {Hsur} on {topic} during {city} visit",
    "Talks in {city} end without deal on {topic}",
    "'{short_quote}': {Tsur} urges swift progress in {city}",
    "{Tsur} and {Hsur} agree to keep talking on {topic}",
    "Diplomats gather in {city} as pressure grows over {topic}",
    "{Tsur} begins {ordw} trip to {region} with stop in {city}",
    "What {Tsur}'s visit to {country} means for {topic}",
    "{Hsur} hosts {Tsur} amid dispute over {topic}",
]
STANDFIRSTS = [
    "The visit comes as allies disagree over how quickly {topic} can be agreed.",
    "{Tsur} is expected to meet officials from several governments before returning home.",
    "Officials on both sides said the talks were frank but that gaps remain.",
    "Analysts say the trip is a test of how much influence outsiders still have.",
]
LEADS = [
    "{T_role} {T} met {H_role} {H} in {city} on {weekday} to discuss {topic}, officials "
    "said.",
    "{T_role} {T} arrived in {city} on {weekday}, seeking support for {topic} as the "
    "diplomatic calendar grew crowded.",
    "Visiting {T_role} {T} held talks with {H_role} {H} in {city} on {weekday}, pressing "
    "for movement on {topic}.",
    "{H_role} {H} received {T} in {city} on {weekday}, in a meeting both sides described "
    "as constructive.",
]
TRIP_SENTENCES = [
    "It is {Tsur}'s {ordw} trip to {region} since the crisis began.",
    "The stop in {city} is part of {Tsur}'s {ordn} visit to {country} this year.",
    "This is the {ordw} round of shuttle diplomacy {Tsur} has undertaken in {region}.",
    "{Tsur}, on {pos} {ordw} tour of {region}, is due to fly on to {city2} later in the "
    "week.",
    "The {ordn} visit to {country} by {Tsur} follows weeks of phone calls with regional "
    "leaders.",
]
BODY = [
    "{Tsur} also met civil society groups and aid agencies working in {country2}.",
    "{Hsur} told reporters that {country} would not accept conditions imposed from abroad.",
    "The two delegations spent more than three hours together, according to a statement "
    "released after the meeting.",
    "Officials said the talks touched on {topic} and on the wider security situation in "
    "{region}.",
    "{Asur}, the {A_role}, said the administration remained hopeful but realistic about "
    "the timeline.",
    "Earlier in the week {Tsur} stopped in {city2}, where {H2_role} {H2} raised concerns "
    "about {topic2}.",
    "Diplomats familiar with the discussions said a draft text was circulating among "
    "the parties.",
    "{org} has warned that delays could make conditions on the ground considerably worse.",
    "Critics at home accused the government of moving too slowly on {topic2}.",
    "The meeting took place at the foreign ministry, under tight security.",
    "Both sides agreed to set up a working group that will report back within a month.",
    "{H2_role} {H2} is expected to travel to {city} next week for a follow-up meeting.",
    "A joint statement was not issued, which some observers read as a sign of lingering "
    "disagreement.",
    "Markets in {country2} rose slightly on reports that the talks had gone well.",
    "Opposition lawmakers in {country} demanded that the details be made public.",
    "{Tsur} later visited a logistics hub where supplies bound for {country2} are "
    "stored.",
    "The foreign ministry in {city2} said it was studying the proposals carefully.",
    "Several governments have offered to host the next round, including {country2}.",
    "The envoy's team has been in near-constant contact with counterparts in {city2} for "
    "weeks.",
    "Security analysts said the most difficult questions had been left for later.",
    "The trip had been planned for some time but was brought forward after the latest "
    "escalation.",
    "Officials declined to say whether {topic} had been discussed in detail.",
    "{Hsur} thanked {Tsur} for the support of {T_country} during a difficult period.",
    "Protesters gathered outside the venue, calling for an end to the fighting.",
    "Aid groups said access had improved slightly over the past fortnight but remained "
    "far below what is needed.",
    "The delegation included senior military officers and trade officials.",
    "Talks are expected to resume at the technical level on {weekday2}.",
    "The last such meeting, held in {city2} in the spring, ended without agreement.",
    "A spokesperson for {org} welcomed the visit and urged all sides to show restraint.",
    "Ministers also discussed the fate of 37 detained aid workers and 4.5 million "
    "displaced people.",
    "The talks followed a call between the two leaders on {weekday2}.",
    "Officials in {city} said the U.S. proposal would be answered in writing.",
]
QUOTES = [
    "\u201cWe came here to listen, and we will keep coming back until there is a "
    "result,\u201d {Tsur} said.",
    "\u201cNo one in this region wants a wider war, but words alone will not prevent "
    "one,\u201d {Hsur} said at a joint news conference.",
    "\u201cThere has been progress, though not as much as we would like,\u201d said {A}, "
    "the {A_role}.",
    "\u201cOur message is simple: the status quo cannot hold,\u201d {Tsur} told "
    "reporters in {city}.",
    "\"We are ready to work with anyone who is serious about {topic},\" {Hsur} said.",
    "\u201cThe coming days will tell us whether this effort can succeed,\u201d {Asur} "
    "said.",
]
SHORT_QUOTES = ["We cannot wait", "Time is running out", "A step forward",
                "No one wants escalation"]
SUBHEADINGS = ["Pressure at home", "A crowded calendar", "What comes next",
               "Doubts over the timeline", "Aid remains stuck", "Regional reaction"]
PROMOS = [
    "Read  {Hsur} rejects foreign pressure over {topic2}",
    "READ MORE: Inside the negotiations over {topic2}",
    "Read also: {city2} prepares to host summit on {topic}",
    "Related: Why {topic2} divides {region}'s capitals",
]
CAPTIONS = [
    "{T_role} {T} speaks to the press in {city}, {month} {day}, {year} (credit: "
    "{photographer} / {agency})",
    "{T} and {H} shake hands before their meeting in {city}. Photo: {photographer}/"
    "{agency}",
    "{H_role} {H} arrives for talks, {month} {day}, {year}. (Credit: {photographer}/"
    "{agency})",
]
FOOTERS = [
    "Leave a comment",
    "Comments that are abusive, off-topic or in breach of our community guidelines will "
    "be removed.",
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "Follow us on social media for the latest updates.",
    "\u00a9 {year} {outlet}. All rights reserved.",
]


def _surname(name: str) -> str:
    return name.split()[-1]


def _ordinal_number(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _trip_date(traveller_index: int, trip: int, rng: random.Random) -> dt.date:
    """Trips of one traveller are ~40 days apart; an article falls within its trip."""
    start = dt.date(2023, 1, 9) + dt.timedelta(days=traveller_index * 11 + trip * 40)
    return start + dt.timedelta(days=rng.randrange(5))


def make_article(i: int, seed: int = 20240101) -> tuple[str, str]:
    """(file name, text) of synthetic article ``i``; the same inputs give the same text."""
    rng = random.Random(f"{seed}:{i}")
    t_idx = rng.randrange(len(TRAVELLERS))
    t = TRAVELLERS[t_idx]
    h, h2 = rng.sample(HOSTS, 2)
    a = rng.choice(ADVISERS)
    trip = rng.randint(1, 12)
    date = _trip_date(t_idx, trip, rng)
    topic, topic2 = rng.sample(TOPICS, 2)
    outlet = rng.choice(OUTLETS)
    slots = {
        "T": t.name, "Tsur": _surname(t.name), "T_role": t.role, "T_country": t.country,
        "H": h.name, "Hsur": _surname(h.name), "H_role": h.role,
        "H2": h2.name, "H2_role": h2.role,
        "A": a.name, "Asur": _surname(a.name), "A_role": a.role,
        "city": h.city, "country": h.country, "city2": h2.city, "country2": h2.country,
        "region": rng.choice(REGIONS), "topic": topic, "topic2": topic2,
        "weekday": WEEKDAYS[date.weekday()], "weekday2": rng.choice(WEEKDAYS),
        "ordw": ORDINAL_WORDS[trip - 1], "ordn": _ordinal_number(trip),
        "pos": rng.choice(["her", "his", "the"]), "org": rng.choice(ORGS),
        "short_quote": rng.choice(SHORT_QUOTES), "outlet": outlet,
        "month": MONTHS[date.month - 1], "day": date.day, "year": date.year,
        "photographer": rng.choice(PHOTOGRAPHERS), "agency": rng.choice(AGENCIES),
    }

    def fill(template: str) -> str:
        text = template.format(**slots)
        return text[:1].upper() + text[1:]

    lines: list[str] = []
    lead = fill(rng.choice(LEADS))
    style = rng.random()
    if style < 0.25:  # " date YYYY-MM-DD Outlet - lead", no headline
        lines.append(f" date {date.isoformat()} {outlet} - {lead}")
    else:
        if style < 0.85:
            lines.append(fill(rng.choice(HEADLINES)))
            if rng.random() < 0.5:
                lines.append(fill(rng.choice(STANDFIRSTS)))
            if rng.random() < 0.5:
                lines.append(rng.choice([f"By {rng.choice(REPORTERS)}", f"By {outlet} Staff",
                                         "Source: Newsroom"]))
            if rng.random() < 0.2:
                lines.append("| Last update :")
            if rng.random() < 0.3:
                lines.append(f"Published: {slots['month']} {date.day}, {date.year}")
        if rng.random() < 0.3:  # dateline
            lead = f"{h.city.upper()}, {slots['month']} {date.day} ({outlet}) - {lead}"
        lines.append(lead)

    body = [fill(s) for s in rng.sample(BODY, len(BODY))]
    extras = [fill(rng.choice(QUOTES)) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.75:
        extras.append(fill(rng.choice(TRIP_SENTENCES)))
    target = rng.randint(2200, 3800)
    size = sum(len(x) for x in lines)
    paragraphs: list[str] = []
    while body and size < target:
        n = rng.randint(1, 3)
        sentences, body = body[:n], body[n:]
        if extras and rng.random() < 0.5:
            sentences.insert(rng.randrange(len(sentences) + 1), extras.pop())
        glue = "" if rng.random() < 0.08 else " "  # "Gaza Strip.Hours before" style
        para = glue.join(sentences)
        paragraphs.append(para)
        size += len(para) + 2
    paragraphs[1:1] = extras  # whatever was not placed yet goes near the top
    for kind, chance, pool in (("sub", 0.5, SUBHEADINGS), ("promo", 0.5, PROMOS),
                               ("caption", 0.4, CAPTIONS)):
        for _ in range(rng.randint(1, 2) if rng.random() < chance else 0):
            pos = rng.randint(2, max(2, len(paragraphs) - 1))
            text = pool[rng.randrange(len(pool))]
            if text in paragraphs:
                continue
            paragraphs.insert(pos, fill(text) if kind != "sub" else text)
    lines += paragraphs
    if rng.random() < 0.5:
        lines += [fill(f) for f in rng.sample(FOOTERS, rng.randint(1, 2))]
    sep = "\n" if rng.random() < 0.15 else "\n\n"  # some seeds use single newlines
    text = sep.join(lines) + "\n"
    if rng.random() < 0.1:
        text = text.replace(". ", ".\u00a0 ", 2)  # non-breaking and double spaces
    digest = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:16]
    return f"{i:05d}_{digest}.txt", text


def write_seeds(folder: Path, n: int, seed: int = 20240101) -> list[Path]:
    """Write ``n`` articles into ``folder`` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text = make_article(i, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_people_toml(path: Path) -> None:
    """An editor people file for the synthetic cast (canonical names, aliases, roles)."""
    out = ["# Synthetic people file written by bench/synth.py.\n"]
    for p in CAST:
        aliases = ", ".join(f'"{a}"' for a in p.aliases)
        out.append(f'[[person]]\nname = "{p.name}"\naliases = [{aliases}]\n'
                   f'roles = ["{p.role}"]\ndescription = "{p.role} (synthetic)."\n')
    path.write_text("\n".join(out), encoding="utf-8")


def edit_seed(path: Path) -> None:
    """An editor's one-seed change: a sentence added after the first paragraph."""
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.partition("\n\n")
    added = "Officials later said a further round of talks had been pencilled in."
    path.write_text(f"{head}{sep or chr(10)}{added}\n\n{tail}", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - manual inspection
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for k in range(count):
        name, body = make_article(k)
        print(f"=== {name} ({len(body.encode())} bytes)\n{body}")
