"""An HTML page's tree: the site rule's find/replace on the markup, one parse (lxml's, as
trafilatura's own loader parses, the scripts and style sheets then taken out; with --fast
Lexbor's, see resiliparse_adapter.py), and what the markup says of itself (PageFacts)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from ..model import Page, PageFacts
from ..mojibake.nodes import repair_markup
from ..mojibake.repair import LineRepair
from ..rules.site import SiteRule
from ..rules.text import find_replace
from .title import TitleFacts

# trafilatura needs ~1.5 s and ~35 MB of memory per MB of page (a 50 MB page: 74 s, 1.8 GB);
# past this size the text cleaner reads the markup's text instead (method `text-large-page`)
LARGE_PAGE_CHARS = 5_000_000
LXML, LEXBOR = "lxml", "lexbor"  # which parser made a Markup's tree
# a character reference to a character XML does not allow (the C0 controls but tab, line feed
# and carriage return; U+FFFE, U+FFFF: `&#8;`, `&#x1F;`): lxml puts the character in the
# tree's text, then refuses that text whenever it is set again (dropping a <script> joins the
# texts around it), and the page failed. It shows nothing, as the raw character shows nothing,
# which decoding drops (decode._NOT_XML); a longer number is another character (`&#81;`)
_NOT_XML_REFERENCE = re.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2\d|3[01]|6553[45])(?!\d)"
    r"|[xX]0*(?:[1-8bBcCeEfF]|1[\da-fA-F]|[fF]{3}[eEfF])(?![\da-fA-F]));?"
)


@dataclass(frozen=True)
class Markup:
    """An HTML page as parsed: its markup (after the rule's find/replace) and its tree (None
    when the page is too large for trafilatura, or does not parse)."""

    text: str
    tree: object | None  # lxml.html.HtmlElement, or resiliparse's HTMLTree (LEXBOR)
    effects: tuple = ()  # rules.text.Effect records of the rule's find/replace
    facts: PageFacts | None = None  # what the markup says of itself (None without a tree)
    parser: str = LXML
    titles: TitleFacts | None = None  # ... of its title, read with Lexbor's tree (lxml's is
    # read once prepared: its logos and menus pruned)
    repairs: tuple[LineRepair, ...] = ()  # mojibake repaired in its texts (of="node")
    misread: bool = False  # every suspicious text repaired (Page.misread): read once more at most

    @property
    def too_large(self) -> bool:
        return len(self.text) > LARGE_PAGE_CHARS


def parse_page(page: Page, rule: SiteRule | None, fast: bool = False) -> Markup:
    """The page's markup, the rule's find/replace applied, mojibake in its texts repaired
    (mojibake/nodes.py: before trafilatura deletes the bytes a repair needs), and its tree:
    with `fast` Lexbor's, unless the site rule reads the tree with XPath (lxml's tree then,
    as without)."""
    text, effects = find_replace(page.text, rule) if rule is not None else (page.text, [])
    if _NOT_XML_REFERENCE.search(text):  # (faster than `"&#" in text` on a wide string)
        text = _NOT_XML_REFERENCE.sub("", text)
    if len(text) > LARGE_PAGE_CHARS:
        return Markup(text, None, tuple(effects))
    text, repairs = repair_markup(text, page.c1, page.misread)
    effects = tuple(effects)
    if fast and not _reads_tree(rule):
        from .resiliparse_adapter import parse_fast, read_facts

        tree = parse_fast(text)
        if tree is not None:
            facts = read_facts(tree)
            return Markup(text, tree, effects, facts.page, LEXBOR, facts.titles, repairs,
                          page.misread)  # fmt: skip
    tree = parse_markup(text)
    if tree is None:
        return Markup(text, None, effects, repairs=repairs, misread=page.misread)
    return Markup(text, tree, effects, _facts(tree), repairs=repairs, misread=page.misread)


def _reads_tree(rule: SiteRule | None) -> bool:
    """The rule has XPath directives (a content block, elements to strip, title, date or
    author): they are lxml's XPath."""
    if rule is None:
        return False
    xpaths = (rule.body, rule.strip, rule.strip_id_or_class, rule.strip_image_src, rule.title,
              rule.date, rule.author)  # fmt: skip
    return any(xpaths)


def _facts(tree) -> PageFacts:
    def strings(xpath: str) -> tuple[str, ...]:
        return tuple(str(value) for value in tree.xpath(xpath))

    return PageFacts(
        strings("//meta[@name='generator']/@content"),
        strings("//meta[@property='og:type']/@content"),
        strings("//@itemtype"),
        strings("//script[@type='application/ld+json']/text()"),
    )


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
    parser = lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )
    # every element an HtmlElement, found in C: lxml.html's own lookup is a Python call for
    # each element a reader touches (a form's element classes are never needed here), 2% of
    # the time of a page read by trafilatura
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity,
        )
    )  # fmt: skip
    return parser


def parse_markup(page: str):
    """lxml's tree of a page's markup, as trafilatura's loader parses it, its scripts and style
    sheets taken out (JSON-LD kept); None when it does not parse."""
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
