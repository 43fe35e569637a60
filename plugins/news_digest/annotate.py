"""Link people mentions in rendered article HTML to their person pages.

Works on Pelican's rendered HTML with BeautifulSoup, on text nodes only: never
inside an existing link, a tag or an attribute, and never on part of a word. The
first mention of each person in each block (paragraph, heading, list item) is
linked: enough to navigate, not so many that the text turns blue.

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

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Tag

LINK_ROOT = ".news-digest/person"
# Never touch text inside these.
_SKIP = {"a", "script", "style", "code", "pre", "textarea", "button", "select", "option",
         "svg", "math", "title", "template"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd",
           "dt", "figcaption", "caption", "div", "section", "article", "body"}


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


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    # Compiling this alternation costs ~1 ms; articles about the same people share one.
    return _compiled(tuple(sorted(forms, key=len, reverse=True)))


@lru_cache(maxsize=2048)
def _compiled(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(f) for f in alternatives)
    # Whole words only: not inside a longer word, a hyphenated compound or O'Name.
    return re.compile(rf"(?<![\w-])(?<!\w['’])(?:{body})(?![\w])(?!-\w)")


def _block_of(node) -> Tag | None:
    for parent in node.parents:
        if parent.name in _BLOCKS:
            return parent
    return None


def _skipped(node) -> bool:
    return any(p.name in _SKIP for p in node.parents)


def annotate_html(html: str, forms: dict[str, str], hrefs: dict[str, str]) -> str:
    """Link the first mention per block of every person in ``forms``.

    ``forms`` maps surface text to a canonical name, ``hrefs`` a canonical name to the
    link target. Returns ``html`` unchanged when there is nothing to link.
    """
    forms = {f: n for f, n in forms.items() if n in hrefs and f.strip()}
    if not html or not forms:
        return html
    pattern = _pattern(forms)
    if not pattern.search(html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    linked: set[tuple[int, str]] = set()
    for node in list(soup.find_all(string=True)):
        if isinstance(node, Comment) or type(node) is not NavigableString:
            continue
        if _skipped(node):
            continue
        text = str(node)
        block = id(_block_of(node))
        pieces: list = []
        pos = 0
        for m in pattern.finditer(text):
            name = forms[m.group(0)]
            if (block, name) in linked:
                continue
            linked.add((block, name))
            pieces.append(text[pos:m.start()])
            a = soup.new_tag("a", href=hrefs[name])
            a["class"] = "person"
            a.string = m.group(0)
            pieces.append(a)
            pos = m.end()
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


__all__ = ["LinkTarget", "annotate_html", "mention_forms", "placeholder", "register_targets"]
