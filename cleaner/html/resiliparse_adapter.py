"""`--fast`'s reading of an HTML page, and every use of resiliparse's HTML side: Lexbor (an
HTML5 parser in C) parses the page once; what the markup says of itself (for the page kind)
and its visible text, a block a line (resiliparse's `extract_plain_text`), come from that tree.
The line classifier then reads the visible text as it reads a text dump (html/extract.py)."""

from __future__ import annotations

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLParserException, HTMLTree

from ..model import PageFacts, PageKind
from .title import Heading, TitleFacts, home_link

# --fast reads only what resiliparse's main-content heuristic keeps on a page that states it is
# an article or a thread (og:type, schema.org type, address, forum software), and everything
# visible on the others: the heuristic takes a listing's entries for navigation. Measured (F1,
# five HTML sets, zh-cwced / scrapinghub / magichtml-article / magichtml-forum / wcxb-dev):
# heuristic everywhere .896/.936/.830/.694/.736, nowhere .872/.889/.781/.687/.754, on stated
# articles and threads .870/.931/.825/.711/.756, on every article or thread .896/.936/.830/.694/.742
MAIN_CONTENT_KINDS = ("article", "thread")


def parse_fast(markup: str):
    """Lexbor's tree of the markup (resiliparse's HTMLTree), or None when it cannot parse it."""
    try:
        return HTMLTree.parse(markup)
    except HTMLParserException:  # the caller reads the page with lxml instead
        return None


def fast_facts(tree) -> PageFacts:
    """The generator meta tags, og:type values, itemtype attributes and JSON-LD texts (a
    selection's `values()`: iterating it costs four times as much)."""
    document = tree.document

    def elements(selector: str) -> list:
        return document.query_selector_all(selector).values()

    return PageFacts(
        tuple(e.getattr("content") or "" for e in elements('meta[name="generator"]')),
        tuple(e.getattr("content") or "" for e in elements('meta[property="og:type"]')),
        tuple(e.getattr("itemtype") or "" for e in elements("[itemtype]")),
        tuple(e.text for e in elements('script[type="application/ld+json"]')),
    )


def fast_title_facts(tree) -> TitleFacts:
    """The TitleFacts of Lexbor's tree (as title.title_facts reads lxml's)."""
    document = tree.document

    def contents(selector: str, name: str = "content") -> list[str]:
        return [e.getattr(name) or "" for e in document.query_selector_all(selector).values()]

    headings = []
    for h1 in document.query_selector_all("h1").values():
        text, links = " ".join(h1.text.split()), h1.query_selector_all("a").values()
        logo = len(links) == 1 and home_link(links[0].text, links[0].getattr("href") or "", text)
        headings.append(Heading(text, logo))
    stated = contents('link[rel="canonical"]', "href") + contents('meta[property="og:url"]')
    return TitleFacts(
        tuple(t for t in contents('head meta[property="og:title"]') if t.strip()),
        " ".join((tree.title or "").split()),
        tuple(contents('head meta[property="og:site_name"]')),
        tuple(headings),
        stated[0] if stated else None,
    )


def reads_main_content(kind: PageKind) -> bool:
    """Whether --fast reads only resiliparse's main content of a page of this kind."""
    return kind.stated and kind.kind in MAIN_CONTENT_KINDS


def fast_visible(tree, main_content: bool) -> str:
    """The page's <title>, then its visible text a block a line; with `main_content` only the
    blocks resiliparse's main-content heuristic keeps (it drops navigation, headers, footers
    and sidebars by their tags and class names). List bullets, image alt texts, link targets
    and form fields are left out; comment sections stay (the cues decide on them)."""
    text = extract_plain_text(
        tree, preserve_formatting=True, main_content=main_content, list_bullets=False,
        alt_texts=False, links=False, form_fields=False, noscript=False, comments=True,
    )  # fmt: skip
    return (tree.title or "").strip() + "\n" + text


def peer_text(markup: str) -> str:
    """resiliparse as a peer of `cleaner eval --compare`: its own main-content text, as DCLM
    runs it."""
    return extract_plain_text(markup, main_content=True)
