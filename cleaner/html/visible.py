"""The visible text of an HTML page, a line per block: what the text-dump cleaner reads when
trafilatura finds nothing, or much less than the page shows (method `text-fallback`), and with
--fast (Lexbor's tree: resiliparse_adapter.py)."""

from __future__ import annotations

import html
import re

# fmt: off
BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
))
# fmt: on
INVISIBLE = frozenset(("script", "style", "noscript", "template", "head"))
_HIDDEN_OPEN = re.compile(r"<(script|style|noscript|template)\b|<!--", re.I)
_SHOWN_OPEN = re.compile(r"<(script|style|template)\b|<!--", re.I)  # <noscript> read too
_HIDDEN_CLOSE = {
    tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style", "noscript", "template")
} | {"": re.compile("-->")}
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(sorted(BLOCKS))})\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
PARSER_LOSS = 0.5  # the tree holds under this share of the markup's text: preparing it pruned
# the body with the boilerplate (the page is parsed again), or the parser cut it (its markup)
FORM_WRAPPER_SHARE = 0.5  # a form holding more of the page's text wraps it (trafilatura's own)
SCRIPTED_PAGE_CHARS = 200  # visible text (spaces aside) under this: a page its scripts draw,
# read with its <noscript> blocks when they hold more (a Discourse forum's posts stand in one
# for readers without scripts; the --fast reading of four wcxb-dev threads kept nothing)


def markup_visible_text(markup) -> str:
    """Every visible block of a parsed page (a Markup), whichever parser made its tree."""
    from .parse import LEXBOR

    if markup.parser == LEXBOR:
        from .resiliparse_adapter import fast_visible

        return fast_visible(markup.tree, main_content=False)
    return visible_text(markup.tree, markup.text)


def visible_text(tree, page: str) -> str:
    """The page's title, then its visible text a block per line, its widget forms left out
    (_widget_forms). From the tree; when it holds much less than the markup (preparing it
    pruned the body with the boilerplate, an article inside an <aside>), from the page parsed
    again; from the markup itself when the parser keeps that little (libxml2 stops at deep
    nesting)."""
    if tree is None:  # no tree: the markup's text, whose <title> is its first line
        return markup_text(page)
    title = (tree.findtext(".//title") or "").strip()
    text = tree_text(tree, _widget_forms(tree))
    markup = markup_text(page)
    least = PARSER_LOSS * len(squeezed(markup))
    if len(squeezed(text)) < least:
        text = _as_parsed(page, least) or markup
    if len(squeezed(text)) < SCRIPTED_PAGE_CHARS:  # (the tree holds no <noscript>: prepare.py)
        shown = markup_text(page, noscript=True)
        if len(squeezed(shown)) > len(squeezed(markup)):  # its <noscript> blocks hold text
            text = shown
    return title + "\n" + text


def _as_parsed(page: str, least: float) -> str | None:
    """The visible text of the page parsed afresh (its widget forms left out), if it holds
    `least` characters at least (spaces aside)."""
    from .parse import parse_markup

    fresh = parse_markup(page)
    if fresh is None:
        return None
    text = tree_text(fresh, _widget_forms(fresh))
    return text if len(squeezed(text)) >= least else None


def _widget_forms(tree) -> frozenset:
    """The forms that hold at most FORM_WRAPPER_SHARE of the page's text: a search box, a
    login, a report dialog's options. trafilatura deletes such forms (`_handle_forms`) and
    keeps one that wraps the page (ASP.NET's `<form id="aspnetForm">`); read as a dump's
    lines, a report dialog's list of reasons outweighed a short article."""
    forms = list(tree.iter("form"))
    if not forms:
        return frozenset()
    total = len(tree.text_content())
    return frozenset(f for f in forms if len(f.text_content()) <= FORM_WRAPPER_SHARE * total)


def tree_text(tree, skipped: frozenset = frozenset()) -> str:
    """Text nodes of the body (the head and scripts left out), a line break at each block;
    of an element that is no page (an <h1>), its own text, without the tail that follows it."""
    from lxml import etree

    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    walk = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, node in walk:
        if event == "start":
            if node.tag in INVISIBLE or node in skipped:
                walk.skip_subtree()  # its end event still comes, with the tail
            else:
                parts += ("\n" if node.tag in BLOCKS else "", node.text or "")
        elif node is not root:  # an element's end, or a comment or PI, with its tail
            block = event == "end" and node.tag in BLOCKS
            parts += ("\n" if block else "", node.tail or "")
    return "".join(parts)


def rows_of(element) -> list[str]:
    """An element's visible rows (tree_text's), each run of spaces one space, empty ones out:
    a list item's question and its answer, a page's headings and paragraphs."""
    rows = (" ".join(row.split()) for row in tree_text(element).splitlines())
    return [row for row in rows if row]


def element_text(element) -> str:
    """An element's whole text (its descendants' too), each run of spaces one space."""
    return " ".join(element.text_content().split())


def markup_text(page: str, noscript: bool = False) -> str:
    """The same from the markup alone, by pattern: for a page the parser could not hold.
    Linear: tags are replaced only up to the last `>` (past it no tag can end, and a `<`
    there would be searched to the end once per `<`)."""
    page = _without_hidden(page, _SHOWN_OPEN if noscript else _HIDDEN_OPEN)
    end = page.rfind(">") + 1
    text = _TAG.sub("", _BLOCK_TAG.sub("\n", page[:end])) + page[end:]
    return html.unescape(text)


def _without_hidden(page: str, hidden: re.Pattern[str]) -> str:
    """Scripts, styles, templates and comments (and <noscript> blocks: `hidden` says which)
    replaced by a space; one left unclosed stays (its tag goes with the others). A closing
    tag searched for in vain is not searched for again: linear."""
    out, pos, unclosed = [], 0, set()
    while True:
        opening = hidden.search(page, pos)
        if not opening:
            out.append(page[pos:])
            return "".join(out)
        tag = (opening.group(1) or "").lower()
        closing = None if tag in unclosed else _HIDDEN_CLOSE[tag].search(page, opening.end())
        if closing is None:
            unclosed.add(tag)
            out.append(page[pos : opening.end()])
            pos = opening.end()
            continue
        out.append(page[pos : opening.start()] + " ")
        pos = closing.end()


def more_text(text: str, other: str) -> str:
    """Of two readings of a page's text, the one that holds more (spaces aside)."""
    return other if len(squeezed(other)) > len(squeezed(text)) else text


def squeezed(text: str) -> str:
    """The text without its spaces: texts compared or measured whatever their spacing."""
    return "".join(text.split())
