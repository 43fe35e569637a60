"""Word lists and the shared tokenizer for the entity extractors.

Everything here is generic news-English vocabulary (titles, honorifics, name
particles, function words), never names of particular people or stories. The
tokenizer is one linear regex pass; its result is cached because places,
organizations, people and trips all look at the same article text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_lines, data_words

# --- quotes and whitespace -------------------------------------------------

_QUOTE_MAP = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u00a0": " ", "\u2009": " ",
    "\u202f": " ",
})


def normalize(text: str) -> str:
    """Straight quotes and plain spaces, so rules see one spelling of each."""
    return text.translate(_QUOTE_MAP)


def fold(text: str) -> str:
    """ASCII-fold accents (``Rafaḩ`` → ``Rafah``) for gazetteer keys."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def positions(words: list[str], word: str):
    """Indexes of ``word`` in ``words``, found with ``list.index`` (a scan at C speed)."""
    k = -1
    while True:
        try:
            k = words.index(word, k + 1)
        except ValueError:
            return
        yield k


@lru_cache(maxsize=8192)
def norm_key(name: str) -> str:
    """Comparison key for names: folded, lower case, single spaces, no dots."""
    return " ".join(fold(normalize(name)).replace(".", "").lower().split())


# --- vocabulary ------------------------------------------------------------

# Head words of a title: a role must contain one of these.
ROLE_HEADS = frozenset("""
minister secretary president vice-president premier chancellor director spokesman spokeswoman
spokesperson leader speaker senator sen rep representative congressman congresswoman
ambassador envoy chief commander general gen governor mayor king queen prince princess emir
sheikh pope chairman chairwoman chair head official adviser advisor coordinator negotiator
commissioner diplomat attorney judge prosecutor lawmaker deputy secretary-general
undersecretary under-secretary counselor counsellor administrator mediator rapporteur
ceo founder officer lt col colonel brigadier admiral marshal monarch crown-prince
representative foreign-minister strongman chancellor-designate president-elect
photographer reporter correspondent journalist editor analyst researcher professor activist
lawyer economist militant fighter commander-in-chief director-general
chairperson vice-chair vice-chairman co-chair president-designate sultan emira sheikha
high-commissioner consul consul-general attaché attache minister-president
counterpart executive mp mep mla msp td mk mna mpp
vice-minister deputy-minister vice-premier vice-governor vice-chancellor co-founder
fellow lecturer scholar historian scientist
inspector superintendent sergeant constable corporal detective justice
attorney-general solicitor-general auditor-general inspector-general governor-general
coach manager
""".split())

# Words that may precede a head inside a title ("Prime", "Defense", "Minority"...).
ROLE_MODIFIERS = frozenset("""
prime foreign defense defence interior finance trade economy economic security national deputy
vice acting interim former senior chief top special high state senate house minority majority
opposition supreme cabinet war energy health justice education agriculture transport labor
labour home culture assistant executive federal grand crown lieutenant major military
intelligence press public general first permanent principal united nations european
commission council army navy air force forces police party parliament parliamentary
speaker regional international presidential royal ruling chief-of-staff staff joint chiefs
union african arab defense-minister humanitarian relief affairs
""".split())


# Honorifics and forms of address before a name ("Dr.", "Dame", "Alhaji"): data/honorifics.txt
HONORIFICS = data_words("honorifics.txt")
# Last words of a news outlet's name ("... Radio", "... Herald"): data/outlet_words.txt
OUTLET_WORDS = data_words("outlet_words.txt")

# Lower-case particles that may sit inside a personal name.
PARTICLES = frozenset("""
de da das do dos del della di du van von der den ter ten la le bin ibn bint al el y zu
dela delos los las wa af
""".split())

# Arabic-style prefixes glued with a hyphen: al-Sisi, el-Sheikh, bin-Salman.
PREFIX_RE = re.compile(
    r"^(?:al|el|ad|ash|as|at|az|ar|an|bin|ibn|abu|abd|ben|d|l|o|mc|mac)-?['’]?[A-Z]")

# Nationality adjectives and demonyms: data/demonyms.txt adds to the list below.
_DEMONYM_LINES = data_lines("demonyms.txt")
NATIONALITIES = frozenset("""
american israeli palestinian arab iranian egyptian qatari saudi jordanian lebanese syrian
iraqi turkish russian ukrainian german french british chinese indian brazilian japanese
korean european african sudanese kenyan ethiopian nigerian south-african emirati yemeni
polish italian spanish dutch belgian swedish norwegian danish finnish greek austrian swiss
canadian mexican argentine argentinian colombian venezuelan chilean peruvian cuban
australian pakistani afghan bangladeshi indonesian malaysian vietnamese thai filipino
western gulf muslim jewish christian democratic republican likud labor labour conservative
tory liberal socialist communist hungarian romanian czech slovak serbian croatian bosnian
albanian armenian azerbaijani georgian moldovan belarusian kazakh uzbek somali libyan
tunisian algerian moroccan chadian ugandan rwandan congolese tanzanian ghanaian senegalese
malian zambian zimbabwean angolan mozambican emirate taiwanese hong north south east west
northern southern eastern central new
portuguese irish scottish welsh english lithuanian latvian estonian icelandic slovenian
bulgarian cypriot maltese luxembourgish ecuadorian bolivian paraguayan uruguayan
guatemalan honduran salvadoran nicaraguan haitian dominican jamaican fijian samoan tongan
burmese cambodian laotian mongolian nepali nepalese sri-lankan tajik turkmen kyrgyz
singaporean kuwaiti bahraini omani cameroonian ivorian liberian beninese togolese
burkinabe nigerien malawian namibian botswanan eritrean djiboutian mauritanian
""".split()) | frozenset(
    w.lower() for w in _DEMONYM_LINES if " " not in w)
# Multi-word demonyms ("Sri Lankan", "South African"), as lower-case word tuples.
DEMONYM_PHRASES = frozenset(
    tuple(w.lower().split()) for w in _DEMONYM_LINES if " " in w)

# Portfolio names ("Foreign Affairs", "Animal Husbandry"): data/portfolios.txt, as
# lower-case word tuples, longest first under their first word.
def _portfolios() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for line in data_lines("portfolios.txt"):
        words = tuple(line.lower().split())
        by_first.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


PORTFOLIOS = _portfolios()


# Capitalized words that end a person-name or organization candidate.
ORG_WORDS = frozenset("""
ministry department council party agency army forces force court commission committee
organization organisation authority union nations office bank fund corps guard guards
assembly parliament senate congress administration institute university foundation news
times post press network group alliance front movement brigades brigade service services
corporation company inc ltd watch international media broadcasting channel radio tv
television journal herald tribune daily weekly gazette review magazine house palace kremlin
pentagon government cabinet embassy consulate mission program programme project initiative
center centre club league federation association society coalition bureau directorate
command navy police jihad crescent cross summit conference forum talks accord accords
agreement treaty plan operation operations war campaign strip crossing square street
airport hospital school college academy church mosque synagogue museum hotel bridge
""".split())

# Capitalized words that are never (part of) a personal name: function words,
# pronouns, sentence-start adverbs, calendar words, generic nouns.
STOP = frozenset("""
a an the this that these those there here it its he she his her him they them their we our
us you your i me my mine who whom whose which what when where why how while whilst after
before during since until till though although because if unless as at by for from in into
of off on onto out over per to toward towards under up upon with within without about above
across against along amid amidst among around behind below beneath beside besides between
beyond despite down except inside near outside past through throughout via and or but nor so
yet also not no yes all any both each either every few many more most much neither none one
other several some such than then thus too very just only even still already again ever
never now today tonight tomorrow yesterday however meanwhile moreover furthermore therefore
nevertheless nonetheless instead indeed later earlier last next first second third finally
then once soon recently currently previously separately additionally overall elsewhere
asked speaking standing turning according following including regarding citing given
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept
oct nov dec mon tue wed thu fri sat sun am pm gmt utc bst est edt cet read watch listen
related photo photos video videos credit credits image images picture pictures file source
sources update updated published posted comment comments share click subscribe newsletter
advertisement editor note reporting reported writing contributed copyright all
said says told added noted mr mrs ms dr sir madam lord lady god allah breaking live exclusive
analysis opinion explainer world local national politics business sport sports weather
many some most top senior official officials minister ministers president presidents
christmas easter diwali hanukkah passover thanksgiving
whatsapp facebook twitter telegram instagram tiktok youtube zoom
""".split())

SPEECH_VERBS = frozenset("""
said says told added stressed noted warned wrote explained insisted argued responded replied
asked announced declared tweeted posted urged acknowledged confirmed denied claimed conceded
recalled cautioned emphasized emphasised underscored remarked continued countered
maintained admitted suggested insisted observed pointed commented stated reiterated vowed
pledged promised complained lamented charged alleged estimated predicted says
""".split())

# Verbs that, right after a name, show a person acted (evidence for personhood).
ACTION_VERBS = SPEECH_VERBS | frozenset("""
met meets visited visits arrived arrives spoke speaks called calls pressed presses travelled
traveled travels flew flies signed signs held holds hosted hosts welcomed welcomes thanked
praised criticized criticised accused vowed pledged resigned won lost reiterated discussed
discusses defended defends sought seeks appealed appeals landed lands left leaves returned
returns headed heads wants wanted hopes hoped believes believed has had is was will would
can could should may might must did does
""".split())

# Words that open the name of a geographic feature ("Lake Kivu", "Mount Elgon", "River
# Tana"): a capitalized run starting with one is a place, never a person.
# Also "Salar de ..." (a salt flat), "Sierra ...", "Volcano ...", "Glacier ...".
GEO_PREFIXES = frozenset(
    "Lake Mount Mt River Cape Isle Gulf Bay Salar Sierra Volcano Glacier".split())

MONTHS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

WORD_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40}


def ordinal_value(word: str) -> int | None:
    """``4th``/``fourth``/``twenty-first`` → int; anything else → None."""
    w = word.lower()
    if w[-2:] not in ("st", "nd", "rd", "th") and "-" not in w:
        return None
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w in WORD_ORDINALS:
        return WORD_ORDINALS[w]
    tens, _, unit = w.partition("-")
    if tens in TENS and unit in WORD_ORDINALS and WORD_ORDINALS[unit] < 10:
        return TENS[tens] + WORD_ORDINALS[unit]
    return None


# --- tokenizer -------------------------------------------------------------

# Leading whitespace, then one of: dotted abbreviation (U.S., D.C.), word (with
# inner hyphens/apostrophes), number with an ordinal suffix, any other single
# character. No nested quantifiers over the same characters: linear.
_TOKEN_RE = re.compile(
    r"(\s*)(?:((?:[A-Z]\.){2,})"
    r"|([^\W\d_](?:[\w\-]|['’](?=\w))*)"
    r"|(\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)"
    r"|(\S))"
)
_SENT_END = frozenset('.!?:;"“”()—–')


@dataclass(frozen=True, eq=False)
class Tokens:
    """Parallel lists: token text (possessive stripped), kind, offsets, flags."""

    words: tuple[str, ...]
    kinds: tuple[str, ...]  # "w" word, "a" abbreviation, "n" number, "p" punctuation
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sent: tuple[bool, ...]  # first token of a sentence, line or quotation
    poss: tuple[bool, ...]  # had a possessive 's

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=64)
def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` (cached: every extractor looks at the same text)."""
    words: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sent: list[bool] = []
    poss: list[bool] = []
    pos = 0
    prev_word = ""
    prev_kind = "p"
    sent_end = _SENT_END
    for sp, a, w, num, p in _TOKEN_RE.findall(text):
        start = pos + len(sp)
        if w:
            kind, tok = "w", w
        elif a:
            kind, tok = "a", a
        elif num:
            kind, tok = "n", num
        else:
            kind, tok = "p", p
        pos = start + len(tok)
        ps = False
        if kind == "w" and len(tok) > 2 and tok[-1] in "sS" and tok[-2] in "'’":
            tok = tok[:-2]
            ps = True
        if not words or "\n" in sp:
            s = True
        elif prev_kind == "p" and prev_word in sent_end:
            # "Mr." / "Dr." / an initial "J." do not end a sentence.
            s = not (prev_word == "." and len(words) > 1 and
                     (len(words[-2]) == 1 or words[-2].lower() in HONORIFICS))
        else:
            s = False
        words.append(tok)
        kinds.append(kind)
        starts.append(start)
        ends.append(pos)
        sent.append(s)
        poss.append(ps)
        prev_word = tok
        prev_kind = kind
    return Tokens(tuple(words), tuple(kinds), tuple(starts), tuple(ends), tuple(sent),
                  tuple(poss))


def name_words(name: str) -> tuple[str, ...]:
    """Word tokens of a short name, uncached (keeps the text cache for articles)."""
    return tuple(w or a for _sp, a, w, _n, _p in _TOKEN_RE.findall(name) if w or a)


# A dateline at a line start: "KYIV, Ukraine (AP) —", "PORT SUDAN, Sudan, Feb 12 (Reuters) -",
# "NEW DELHI/ABU DHABI:". Bounded repeats: no backtracking blow-up.
_UC = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # upper case, with accents ("BELÉM")
_DATELINE_RE = re.compile(
    rf"^[ \t]*[{_UC}][{_UC}.'\u2019/\- ]{{1,40}}[{_UC}.]"
    r"(?:, [A-Z][\w.' ]{0,40})?(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:—|–|--?|:)", re.MULTILINE)


_CAPS_RE = re.compile(rf"[ \t]*[{_UC}][{_UC}.'\u2019/\- ]*[{_UC}.]")


@lru_cache(maxsize=16)
def dateline_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end of the all-caps place part, end) of each dateline in ``text``."""
    out = []
    for m in _DATELINE_RE.finditer(text):
        caps = _CAPS_RE.match(m.group())
        out.append((m.start(), m.start() + (caps.end() if caps else 0), m.end()))
    return tuple(out)


# Reporting and photo credits inside the story text: "(Reporting by X in Dakar;
# Editing by Y)", "(AP Photo/Jane Roe)", "(credit: X / AAP)", and credit lines.
_CREDIT_RE = re.compile(
    r"\((?:additional )?(?:reporting|writing|editing|compiled|produced|translated)\s+by\b"
    r"[^()\n]{0,400}\)"
    r"|\((?:with )?(?:additional )?inputs? from\b[^()\n]{0,160}\)"
    r"|\((?:[A-Z][\w.\-]{0,20}[ /])?(?:photo|photograph|picture|image|credit|video|file)s?"
    r"\b[^()\n]{0,160}\)"
    r"|^[ \t]*\W{0,3}(?:additional )?(?:reporting|writing|editing) by\b[^\n]{0,400}"
    r"|^[^\n]{0,160}\bcontributed(?: reporting)? to (?:this|the) (?:report|story|article)"
    r"[^\n]{0,40}$",
    re.IGNORECASE | re.MULTILINE)


# A wire photo credit after a caption: "REUTERS/Jane Roe", "AFP PHOTO/Jane Roe". The
# agency is written in capitals; the photographer's name (up to four words) follows.
_AGENCY_CREDIT_RE = re.compile(
    r"\b(?:REUTERS|AFP|AP|EPA|AAP|GETTY|XINHUA|ANADOLU|EFE|DPA|ANSA|PA|WAM|BERNAMA"
    r"|KYODO|YONHAP|TASS|SPUTNIK|IRNA|NTB|TT|NTB SCANPIX|SIPA)(?: PHOTO| IMAGES)?"
    r" ?/ ?[A-Z][\w'’.\-]{0,30}(?:[ \t][A-Z][\w'’.\-]{0,30}){0,3}")


@lru_cache(maxsize=16)
def mask_credits(text: str) -> str:
    """``text`` with reporting/photo credits blanked (same length, offsets kept)."""
    if "/" in text:
        text = _AGENCY_CREDIT_RE.sub(lambda m: " " * len(m.group()), text)
    if not _CREDIT_HINT.search(text):
        return text
    return _CREDIT_RE.sub(lambda m: " " * len(m.group()), text)


_CREDIT_HINT = re.compile(
    r"(?i)\bby\b|photo|credit|picture|image|video|file|contributed|inputs? from")


def in_spans(pos: int, spans: tuple[tuple[int, int, int], ...]) -> tuple[int, int, int] | None:
    """The span containing character offset ``pos`` (spans are sorted), else None."""
    k = bisect_right(spans, (pos, float("inf"), float("inf"))) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][2]:
        return spans[k]
    return None


def is_cap(word: str) -> bool:
    """Capitalized word (``Blinken``, ``Al-Aqsa``) but not ALL CAPS shouting."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_PORTFOLIO_JOINS = frozenset((",", "and", "&"))
# Last words that make a capitalized phrase a portfolio even when it is not listed.
_PORTFOLIO_TAILS = frozenset("""
affairs development resources security cooperation co-operation relations administration
planning services protection transformation transition integration reform enterprises
policy
""".split())


def portfolio_end(toks: Tokens, i: int) -> int:
    """End of a portfolio list starting at token ``i`` (``i`` when there is none).

    ``Industry, Trade and Investment``, ``Foreign Affairs and International
    Cooperation``, ``State for Foreign Affairs``: one or more names from
    data/portfolios.txt joined by ``,``, ``and`` or ``&``.
    """
    words, n = toks.words, len(toks.words)
    if (i + 2 < n and words[i] == "State" and words[i + 1] == "for"
            and words[i + 2].lower() in PORTFOLIOS):
        i += 2  # "Minister of State for Foreign Affairs"
    start = i
    end = i
    k = i
    while k < n:
        if k == start and words[k] == "the" and k + 1 < n:
            k += 1  # "Minister for the Environment"
        got = 0
        for phrase in PORTFOLIOS.get(words[k].lower(), ()):
            m = len(phrase)
            if k + m <= n and all(words[k + x].lower() == phrase[x] for x in range(1, m)) \
                    and not toks.poss[k + m - 1] and words[k][:1].isupper() == \
                    words[start][:1].isupper():
                got = m
                break
        if words[k][:1].isupper() and words[start][:1].isupper():
            # an unlisted portfolio ending in a portfolio word: "Veterans Affairs",
            # "National Administration", "Security Policy", "Veterans and Military Affairs"
            m, last = k, -1
            while m < n and m - k < 5 and toks.kinds[m] == "w" and not toks.poss[m] and (
                    words[m][:1].isupper() or (words[m] == "and" and m > k)):
                if words[m].lower() in _PORTFOLIO_TAILS:
                    last = m
                m += 1
            if last >= 0 and last + 1 - k > got:
                got = last + 1 - k
        if not got:
            break
        end = k + got
        k = end
        if words[end - 1] == "and":
            continue  # "Foreign and | Diaspora Affairs": a shared head follows
        if k + 1 < n and words[k] in _PORTFOLIO_JOINS:
            k += 1
            if words[k] == "and" and k + 1 < n:  # "Industry, Trade, and Investment"
                k += 1
            continue
        break
    return end
