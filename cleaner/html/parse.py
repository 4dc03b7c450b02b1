"""An HTML page's tree: the site rule's find/replace on the markup, one lxml parse (as
trafilatura's own loader parses), and the scripts and style sheets out."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from ..model import Page
from ..rules.site import SiteRule
from ..rules.text import find_replace

# trafilatura needs ~1.5 s and ~35 MB of memory per MB of page (a 50 MB page: 74 s, 1.8 GB);
# past this size the text cleaner reads the markup's text instead (method `text-large-page`)
LARGE_PAGE_CHARS = 5_000_000


@dataclass(frozen=True)
class Markup:
    """An HTML page as parsed: its markup (after the rule's find/replace) and its tree (None
    when the page is too large for trafilatura, or does not parse)."""

    text: str
    tree: object | None  # lxml.html.HtmlElement
    effects: tuple = ()  # rules.text.Effect records of the rule's find/replace

    @property
    def too_large(self) -> bool:
        return len(self.text) > LARGE_PAGE_CHARS


def parse_page(page: Page, rule: SiteRule | None) -> Markup:
    """The page's markup, the rule's find/replace applied, and its tree."""
    text, effects = find_replace(page.text, rule) if rule is not None else (page.text, [])
    tree = _parse(text) if len(text) <= LARGE_PAGE_CHARS else None
    return Markup(text, tree, tuple(effects))


def wrap(elements: list):
    """A page of its own holding copies of the elements (a site rule's content block)."""
    from copy import deepcopy

    document = lxml_html.document_fromstring("<html><body></body></html>")
    body = document.find("body")
    for element in elements:
        body.append(deepcopy(element))
    return document


@lru_cache(maxsize=1)
def _parser():
    # as trafilatura's own loader: HTML comments left in the tree make it drop text
    # (measured: +0.009 F1 on magichtml-forum, +0.004 on scrapinghub)
    return lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )


def _parse(page: str):
    try:
        tree = lxml_html.document_fromstring(page, parser=_parser())
    except (etree.ParserError, ValueError):
        return None
    _drop_code(tree)
    return tree


def _drop_code(tree) -> None:
    """Scripts (but JSON-LD: metadata and page kind read it) and style sheets: trafilatura
    deletes them too, but only after copying the tree three or four times per page."""
    for element in list(tree.iter("script", "style")):
        if element.tag == "style" or element.get("type", "").lower() != "application/ld+json":
            element.drop_tree()  # its tail text stays
