"""Link people mentions in rendered article HTML to their person pages.

Works on Pelican's rendered HTML with BeautifulSoup, on text nodes only: never
inside an existing link, a tag or an attribute, and never on part of a word. Only
the first mention of each person in the article is linked: enough to navigate, not
so many that the text turns blue and a keyboard user tabs through a dozen links to
the same page.

Links are written as Pelican intrasite links (``{filename}/.news-digest/person/<slug>``)
and a matching entry is registered in the context's ``generated_content``, so Pelican
itself rewrites them for every output: ``../people/x.html`` on an article page with
RELATIVE_URLS, an absolute URL in feeds and in a publish build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from bs4 import BeautifulSoup, NavigableString
from bs4.builder import HTMLParserTreeBuilder
from bs4.element import Comment

LINK_ROOT = ".news-digest/person"
# Never touch text inside these.
_SKIP = {"a", "script", "style", "code", "pre", "textarea", "button", "select", "option",
         "svg", "math", "title", "template"}


@dataclass(frozen=True)
class LinkTarget:
    """Stands in for a content object in ``generated_content``: Pelican needs ``url``."""

    url: str


def placeholder(slug: str) -> str:
    return "{filename}/" + f"{LINK_ROOT}/{slug}"


def register_targets(context: dict, urls: dict[str, str]) -> None:
    """Make ``placeholder(slug)`` resolve to ``urls[slug]`` through Pelican."""
    generated = context.setdefault("generated_content", {})
    for slug, url in urls.items():
        generated[f"{LINK_ROOT}/{slug}"] = LinkTarget(url)


def mention_forms(names: Iterable[str], aliases: dict[str, list[str]] | None = None,
                  avoid: Iterable[str] = ()) -> dict[str, str]:
    """Surface form -> canonical name: full names, aliases, and unambiguous surnames.

    A surname is linked only when one person in the article has it and it is not
    also a place or organization the article names (``avoid``).
    """
    names = list(dict.fromkeys(names))
    forms: dict[str, str] = {}
    for name in names:
        forms[name] = name
        for alias in (aliases or {}).get(name, []):
            if alias and alias not in forms:
                forms[alias] = name
    avoid_set = {a.lower() for a in avoid}
    surnames: dict[str, set[str]] = {}
    for name in names:
        parts = name.split()
        if len(parts) > 1:
            surnames.setdefault(parts[-1], set()).add(name)
    first_names = {n.split()[0] for n in names if len(n.split()) > 1}
    for surname, owners in surnames.items():
        if (len(owners) == 1 and surname not in forms and surname.lower() not in avoid_set
                and surname not in first_names and len(surname) > 2):
            forms[surname] = next(iter(owners))
    return forms


# Whole words only: not inside a longer word, a hyphenated compound or O'Name.
_BEFORE = re.compile(r"(?<![\w-])(?<!\w['’])")
_AFTER = re.compile(r"(?![\w])(?!-\w)")


def _trie(alternatives: Iterable[str]) -> str:
    """A regex matching any of ``alternatives``, longest first (a character trie).

    Python's ``re`` tries the branches of a flat alternation one by one at every
    position; a trie branches once per character, so one pattern for every person
    of a build costs about what one article's few names did."""
    root: dict = {}
    for word in alternatives:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # greedy: a longer form is tried before the shorter one it extends
        return f"(?:{body})?" if "" in node else body

    return build(root)


class Matcher:
    """Finds mentions for any article of a build with one compiled pattern.

    ``matches(text, forms)`` yields exactly what an alternation of ``forms`` alone
    (longest first, whole words) would find: where the build's pattern finds a form
    of another article, the article's own forms are tried at that position.
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = frozenset(f for f in forms if f)
        # end conditions inside the pattern (so backtracking finds the longest whole
        # word); the start condition is checked per hit, which keeps the pattern's
        # first-character scan fast
        self.pattern = re.compile(f"(?:{_trie(self.forms)})" + _AFTER.pattern) \
            if self.forms else None

    def matches(self, text: str, forms: dict[str, str]):
        """(start, end, form) of each mention, left to right, never overlapping."""
        if self.pattern is None:
            return
        search = self.pattern.search
        by_length: list[str] | None = None
        pos = 0
        while True:
            m = search(text, pos)
            if m is None:
                return
            start = m.start()
            if not _BEFORE.match(text, start):
                pos = start + 1
                continue
            form = m.group()
            if form not in forms:
                # another article's form: the longest of this article's own, if any
                if by_length is None:
                    by_length = sorted(forms, key=len, reverse=True)
                form = next((f for f in by_length if len(f) < len(form)
                             and text.startswith(f, start)
                             and _AFTER.match(text, start + len(f))), None)
                if form is None:
                    pos = start + 1
                    continue
            yield start, start + len(form), form
            pos = start + len(form)


@lru_cache(maxsize=256)
def _matcher(forms: frozenset[str]) -> Matcher:
    return Matcher(forms)


def _skipped(node) -> bool:
    return any(p.name in _SKIP for p in node.parents)


def annotate_html(html: str, forms: dict[str, str], hrefs: dict[str, str],
                  matcher: Matcher | None = None) -> str:
    """Link the first mention in the article of every person in ``forms``.

    ``forms`` maps surface text to a canonical name, ``hrefs`` a canonical name to the
    link target. Returns ``html`` unchanged when there is nothing to link. ``matcher``
    (one per build, holding every article's forms) saves compiling a pattern here.

    Only the top-level elements that mention someone are parsed; the others are
    copied as they are.
    """
    forms = {f: n for f, n in forms.items() if n in hrefs and f.strip()}
    if not html or not forms:
        return html
    if matcher is None or not matcher.forms.issuperset(forms):
        matcher = _matcher(frozenset(forms))
    if next(matcher.matches(html, forms), None) is None:
        return html
    chunks = split_top_level(html)
    plain = chunks is not None  # markup the splitter vouches for (else: the whole document)
    if chunks is None:
        chunks = [html]
    linked: set[str] = set()  # names already linked in this article
    out = []
    for chunk in chunks:
        if _mentions(chunk, forms, matcher):
            done = _annotate_plain(chunk, forms, hrefs, matcher, linked) if plain else None
            chunk = done if done is not None else _annotate_fragment(chunk, forms, hrefs,
                                                                     matcher, linked)
        out.append(chunk)
    return "".join(out)


def _annotate_plain(html: str, forms: dict[str, str], hrefs: dict[str, str],
                    matcher: Matcher, linked: set[str]) -> str | None:
    """``_annotate_fragment`` without building a tree, for markup ``split_top_level``
    vouched for and with no character reference (so the text between tags is the text
    of the tree's nodes, character for character). None when it does not apply.

    Tags are tracked on a stack, as the tree's ancestors: text inside a skipped element
    is left alone. ``linked`` holds the names linked so far in the article."""
    if "&" in html:
        return None
    links = {}
    for name, href in hrefs.items():
        if any(c in href for c in "&<>\"'"):
            return None
        links[name] = href
    out: list[str] = []
    stack: list[str] = []  # the open elements
    skipping = 0  # open elements whose text is never touched
    pos = 0
    n = len(html)
    while pos < n:
        lt = html.find("<", pos)
        end = n if lt == -1 else lt
        while 0 <= end < n:  # "<" before a non-letter is text
            nxt = html[end + 1:end + 2]
            if nxt == "/" or (nxt.isascii() and nxt.isalpha()):
                break
            end = html.find("<", end + 1)
            end = n if end == -1 else end
        if end > pos:
            text = html[pos:end]
            out.append(text if skipping else _link_text(text, forms, links, matcher, linked))
        if end >= n:
            break
        if html[end + 1] == "/":
            m = _END_TAG.match(html, end)
            if m is None or not stack:
                return None
            tag = stack.pop()
            if tag in _SKIP:
                skipping -= 1
        else:
            m = _START_TAG.match(html, end)
            if m is None:
                return None
            tag = m.group(1).lower()
            if not m.group(3) and tag not in _VOID:
                stack.append(tag)
                if tag in _SKIP:
                    skipping += 1
        out.append(m.group())
        pos = m.end()
    return "".join(out)


def _to_link(text: str, forms: dict[str, str], matcher: Matcher, linked: set[str]):
    """The mentions in ``text`` that get a link: each person's first in the article (names
    in ``linked`` already have one). Records them in ``linked``."""
    for start, end, form in matcher.matches(text, forms):
        name = forms[form]
        if name in linked:
            continue
        linked.add(name)
        yield start, end, form, name


def _link_text(text: str, forms: dict[str, str], links: dict[str, str], matcher: Matcher,
               linked: set[str]) -> str:
    pieces: list[str] = []
    pos = 0
    for start, end, form, name in _to_link(text, forms, matcher, linked):
        pieces.append(text[pos:start])
        pieces.append(f'<a class="person" href="{links[name]}">{form}</a>')
        pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def _mentions(chunk: str, forms: dict[str, str], matcher: Matcher) -> bool:
    """Could a text node of ``chunk`` mention someone? (Never False when one does.)"""
    if next(matcher.matches(chunk, forms), None) is not None:
        return True
    return "&" in chunk and next(matcher.matches(unescape(chunk), forms), None) is not None


def _annotate_fragment(html: str, forms: dict[str, str], hrefs: dict[str, str],
                       matcher: Matcher, linked: set[str]) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if isinstance(node, Comment) or type(node) is not NavigableString:
            continue
        if _skipped(node):
            continue
        text = str(node)
        pieces: list = []
        pos = 0
        for start, end, form, name in _to_link(text, forms, matcher, linked):
            pieces.append(text[pos:start])
            a = soup.new_tag("a", href=hrefs[name])
            a["class"] = "person"
            a.string = form
            pieces.append(a)
            pos = end
        if not pieces:
            continue
        pieces.append(text[pos:])
        for piece in pieces:
            if isinstance(piece, str):
                if piece:
                    node.insert_before(NavigableString(piece))
            else:
                node.insert_before(piece)
        node.extract()
    out = str(soup)
    soup.decompose()  # the tree is full of reference cycles: free it now, not at a GC pass
    return out


# What the splitter leaves to a whole-document parse: declarations, comments,
# processing instructions and elements whose content is not parsed as markup.
_UNUSUAL = re.compile(r"<[!?]|<(?:script|style|template|textarea|title|plaintext|xmp"
                      r"|iframe|noembed|noframes|noscript)\b", re.IGNORECASE)
_START_TAG = re.compile(r"<([a-zA-Z][^\s/><\x00]*)"  # name, then attributes (quoted: no <>)
                        r"""((?:\s(?:[^<>"'/]|/(?!>)|"[^"<>]*"|'[^'<>]*')*)?)(/?)>""")
_END_TAG = re.compile(r"</([a-zA-Z][^\s/><\x00]*)\s*>")
_VOID = frozenset(HTMLParserTreeBuilder().empty_element_tags)


def split_top_level(html: str) -> list[str] | None:
    """``html`` cut into its top-level elements and the text between them.

    Each piece parses alone into the tree it has inside the whole document. None
    when the markup is not plain, balanced, well-nested elements (then the caller
    parses the document as one): a stray or misnested end tag, an unclosed element,
    a comment or raw-text element, a tag this scanner cannot read for certain.
    """
    if _UNUSUAL.search(html):
        return None
    chunks: list[str] = []
    stack: list[str] = []
    start = 0
    pos = html.find("<")
    while pos != -1:
        nxt = html[pos + 1:pos + 2]
        if nxt.isascii() and nxt.isalpha():
            m = _START_TAG.match(html, pos)
            if m is None:
                return None
            name = m.group(1).lower()
            if not stack and pos > start:
                chunks.append(html[start:pos])
                start = pos
            if not m.group(3) and name not in _VOID:
                stack.append(name)
            elif not stack:
                chunks.append(html[start:m.end()])
                start = m.end()
            pos = html.find("<", m.end())
            continue
        if nxt == "/":
            m = _END_TAG.match(html, pos)
            if m is None or not stack or stack[-1] != m.group(1).lower():
                return None
            stack.pop()
            if not stack:
                chunks.append(html[start:m.end()])
                start = m.end()
            pos = html.find("<", m.end())
            continue
        pos = html.find("<", pos + 1)  # "<" before a space or digit is text
    if stack:
        return None
    if start < len(html):
        chunks.append(html[start:])
    return chunks


__all__ = ["LinkTarget", "Matcher", "annotate_html", "mention_forms", "placeholder",
           "register_targets", "split_top_level"]
