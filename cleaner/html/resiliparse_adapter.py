"""`--fast`'s reading of an HTML page, and every use of resiliparse's HTML side: Lexbor (an
HTML5 parser in C) parses the page once; what the markup says of itself (for the page kind)
and its visible text, a block a line (resiliparse's `extract_plain_text`), come from that tree.
The line classifier then reads the visible text as it reads a text dump (html/extract.py)."""

from __future__ import annotations

from dataclasses import dataclass

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLParserException, HTMLTree, NodeType

from ..model import PageFacts, PageKind
from .title import MAX_HEADLINE_CHARS, MOJIBAKE_GROWTH, Heading, TitleFacts, home_link
from .visible import BLOCKS, INVISIBLE, SCRIPTED_PAGE_CHARS, more_text, squeezed

# --fast reads only what resiliparse's main-content heuristic keeps on a page that states it is
# an article or a thread (og:type, schema.org type, address, forum software), and everything
# visible on the others: the heuristic takes a listing's entries for navigation. Measured (F1,
# five HTML sets, zh-cwced / scrapinghub / magichtml-article / magichtml-forum / wcxb-dev):
# heuristic everywhere .896/.936/.830/.694/.736, nowhere .872/.889/.781/.687/.754, on stated
# articles and threads .870/.931/.825/.711/.756, on every article or thread .896/.936/.830/.694/.742
MAIN_CONTENT_KINDS = ("article", "thread")
# resiliparse's main-content heuristic takes time growing with the square of the nesting of
# block elements: 3,000 <div>s one inside the other 0.2 s, 20,000 (a fuzzed page) 9 s. A page
# with more <div>s than this, this many left open, is read whole (the shared pages have at
# most 1,250 <div>s and 111 left open; counting them costs 0.04 ms)
MANY_DIVS = 3000
_INNER_MARKUP = ", ".join(sorted(BLOCKS | INVISIBLE))  # what parts or hides a heading's text
_BREAK = object()  # (in _heading_text's stack: a block's edge)
HEADING_CHARS = MAX_HEADLINE_CHARS * MOJIBAKE_GROWTH  # a longer <h1> is no headline (title.py)
HEADING_NODES = 50  # ... nor one of more nodes: reading them one by one in Python costs time
# growing with the square of <h1>s nested in blocks (a fuzzed page's 1,600: 118 s, 2.8 s before)


def parse_fast(markup: str):
    """Lexbor's tree of the markup (resiliparse's HTMLTree), or None when it cannot parse it."""
    try:
        return HTMLTree.parse(markup)
    except HTMLParserException:  # the caller reads the page with lxml instead
        return None


_STATED_META = ("og:type", "og:title", "og:site_name", "og:url")  # the og: properties read
_SAID = ", ".join(
    ['meta[name="generator"]', *(f'meta[property="{p}"]' for p in _STATED_META),
     'link[rel="canonical"]']
)  # fmt: skip


@dataclass(frozen=True)
class LexborFacts:
    """What the markup of a page Lexbor parsed says of itself: for its kind, and its title."""

    page: PageFacts
    titles: TitleFacts


_FACTS = _SAID + ', [itemtype], script[type="application/ld+json"], h1'  # all read_facts reads


def read_facts(tree) -> LexborFacts:
    """Generator and og:* meta tags, itemtype attributes, JSON-LD texts, the <title>, <h1>s
    and the stated address, as html/parse.py and html/title.py read them from lxml's tree:
    one selection of them all (a selection walks the whole tree), each element then told
    by its tag and attributes as Lexbor's selectors tell them (`rel` and `type` values case
    aside, `name` and `property` exact; `_said`)."""
    said: dict[str, list[str]] = {}  # generator, og:* and canonical, as the lxml reading takes
    typed, json_ld, headings = [], [], []
    for element in tree.document.query_selector_all(_FACTS).values():
        tag = element.tag
        if _said(element, tag):
            key = element.getattr("property") or element.getattr("name") or "canonical"
            value = element.getattr("content") or element.getattr("href") or ""
            said.setdefault(key, []).append(value)
        if element.hasattr("itemtype"):
            typed.append(element.getattr("itemtype") or "")
        if tag == "script" and (element.getattr("type") or "").lower() == "application/ld+json":
            json_ld.append(element.text)
        if tag == "h1":
            headings.append(_heading(element))
    page = PageFacts(tuple(said.get("generator", ())), tuple(said.get("og:type", ())),
                     tuple(typed), tuple(json_ld))  # fmt: skip
    stated = said.get("canonical", []) + said.get("og:url", [])
    titles = TitleFacts(
        tuple(t for t in said.get("og:title", ()) if t.strip()),
        " ".join((tree.title or "").split()),
        tuple(said.get("og:site_name", ())),
        tuple(headings),
        stated[0] if stated else None,
    )
    return LexborFacts(page, titles)


def _said(element, tag: str) -> bool:
    """Whether an element is one of _SAID's: a <meta> of the generator or an og: property
    it names, or a canonical <link>."""
    if tag == "meta":
        stated = element.getattr("property")
        return element.getattr("name") == "generator" or stated in _STATED_META
    return tag == "link" and (element.getattr("rel") or "").lower() == "canonical"


def _heading(h1) -> Heading:
    text, links = _heading_text(h1), h1.query_selector_all("a").values()
    logo = len(links) == 1 and home_link(links[0].text, links[0].getattr("href") or "", text)
    return Heading(text, logo)


def _heading_text(h1) -> str:
    """An <h1>'s text as visible.tree_text reads lxml's: a space at each inner block or line
    break, its scripts and styles left out (Lexbor's text joins the nodes as they stand:
    `Rebuilding the Legacy<br>of American Made` read `Legacyof`). An <h1> too long to be a
    headline, or of more than HEADING_NODES nodes, keeps Lexbor's text."""
    text = h1.text
    if len(text) > HEADING_CHARS or h1.query_selector(_INNER_MARKUP) is None:
        return " ".join(text.split())  # most: its text as it stands
    parts, stack, nodes = [], [h1], 0
    while stack:  # (a stack: a heading nested thousands deep must not exhaust recursion)
        node, nodes = stack.pop(), nodes + 1
        if node is _BREAK:
            parts.append(" ")
        elif node.type == NodeType.TEXT:
            parts.append(node.text)
        elif node.type == NodeType.ELEMENT and (node is h1 or node.tag not in INVISIBLE):
            children = node.child_nodes  # (read whole once: by index, each builds them all)
            nodes += len(children)
            if nodes > HEADING_NODES:
                return " ".join(text.split())
            block = node is not h1 and node.tag in BLOCKS
            stack += [_BREAK] * block + children.values()[::-1] + [_BREAK] * block
    return " ".join("".join(parts).split())


def reads_main_content(kind: PageKind, tree, markup: str) -> bool:
    """Whether --fast reads only resiliparse's main content of a page of this kind: not when
    thousands of <div>s stand nested (see MANY_DIVS)."""
    return kind.stated and kind.kind in MAIN_CONTENT_KINDS and main_content_safe(tree, markup)


def main_content_safe(tree, markup: str) -> bool:
    """Whether resiliparse's main-content heuristic may read the page: not when thousands of
    <div>s stand nested (see MANY_DIVS)."""
    if len(tree.document.get_elements_by_tag_name("div")) <= MANY_DIVS:  # (a selector: 1.7x)
        return True
    return markup.count("<div") - markup.count("</div") <= MANY_DIVS


def visible_for(kind: PageKind, tree, markup: str, whole: str | None = None) -> str:
    """--fast's visible text of a page of this kind (main content or all: reads_main_content);
    `whole`, the page's whole visible text when the caller has read it already."""
    if reads_main_content(kind, tree, markup):
        return fast_visible(tree, main_content=True)
    return whole if whole is not None else fast_visible(tree, main_content=False)


def fast_visible(tree, main_content: bool) -> str:
    """The page's <title>, then its visible text a block a line; with `main_content` only the
    blocks resiliparse's main-content heuristic keeps (it drops navigation, headers, footers
    and sidebars by their tags and class names). List bullets, image alt texts, link targets
    and form fields are left out; comment sections stay (the cues decide on them)."""
    text = _plain_text(tree, main_content, noscript=False)
    if len(squeezed(text)) < SCRIPTED_PAGE_CHARS:  # a page its scripts draw (visible.py)
        text = more_text(text, _plain_text(tree, main_content, noscript=True))
    return (tree.title or "").strip() + "\n" + text


def _plain_text(tree, main_content: bool, noscript: bool) -> str:
    return extract_plain_text(
        tree, preserve_formatting=True, main_content=main_content, list_bullets=False,
        alt_texts=False, links=False, form_fields=False, noscript=noscript, comments=True,
    )  # fmt: skip


def peer_text(markup: str) -> str:
    """resiliparse as a peer of `cleaner eval --compare`: its own main-content text, as DCLM
    runs it."""
    return extract_plain_text(markup, main_content=True)


_MARK_TAGS = "h1, h2, h3, b, strong, font"
_NAMED = "[class], [id]"


def marked_texts(tree, marked_text, may_mark, reads: int) -> list[str]:
    """The texts of the elements of Lexbor's tree that `marked_text` (html/marks.py) takes
    for marked headings; `may_mark` tells from the tag, class and id which to read at all,
    and at most `reads` of each kind (tags, names) are read."""
    document, found = tree.document, []
    for selector in (_MARK_TAGS, _NAMED):
        left = reads
        for element in document.query_selector_all(selector).values():
            names = f"{element.class_name or ''} {element.id or ''}"
            if not may_mark(element.tag, names):
                continue
            text = marked_text(
                element.tag, names, lambda e=element: e.text, lambda e=element: _block(e)
            )
            if text is not None:
                found.append(text)
            left -= 1
            if not left:
                break
    return found


def _block(element) -> str | None:
    """The text of the block an element stands in (None: none)."""
    from .visible import BLOCKS

    block = element.parent
    while block is not None and block.tag not in BLOCKS:
        block = block.parent
    return block.text if block is not None else None
