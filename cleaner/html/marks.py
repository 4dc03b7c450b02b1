"""A page's marked headings, read for html/shown.py from lxml's tree (the default and --best
readings) or Lexbor's (--fast): an <h1>–<h3>, an element whose class or id says title or
heading (`td.bt_title`, `div.postTitle`), emphasis that fills its block (`<b><font size=3>…
</font></b>` alone in a cell, or a `<font>` that did before it was unwrapped: prune.FONT_MARK),
or, in lxml's tree, a block an emphasised label opens (`<b>主题：</b> 你知道…`); each where
its text starts in the page's text, and each heading-like (a headline's weight, no sentence
inside, not a menu)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..textdump.features import line_weight
from ..textdump.fields import TITLE_SEPARATORS
from ..textdump.headline import TITLE_MAX_WEIGHT, TITLE_MIN_WEIGHT
from .parse import LXML
from .prepare import PreparedTree
from .prune import FONT_MARK
from .visible import BLOCKS, INVISIBLE

_MARKED_NAME = re.compile(r"title|headline|heading|biaoti", re.I)
# ... but not a site's, a list's or a box's title: `site-title`, `subtitle`, `sidebar-title`
_OTHER_NAME = re.compile(r"site|blog|logo|nav|menu|side|sub|list|more|hot|relat|box|foot", re.I)
# the longest text a headline's weight (TITLE_MAX_WEIGHT words) takes, at twice the longest
# average word prose has (TOKEN_MAX_CHARS with its space): 40 * 12 * 2 characters
HEADING_LIKE_MAX_CHARS = 960
END_SEPARATORS = " -|_–—·"  # a heading that ends in one: `谁来为无序拆房“埋单”？- -`
MENU_WORDS = 3  # a line with this many words of one or two Han characters is a menu
_MENU_WORD = re.compile(r"(?:^|(?<=\s))[\u3400-\u9fff]{1,2}(?=\s|$)")
_HEADING_TAGS = frozenset(("h1", "h2", "h3"))
_EMPHASIS = frozenset(("b", "strong", "font"))
# a sentence's end inside a line: a headline has none (a question or exclamation mark may
# end it)
_SENTENCE_END = re.compile("[。；;…]|[.!?！？](?=.)")
# a page's elements that may be marks are read at most this many times (each of the parsers'
# kinds): reading one's text, and its block's, costs up to the page's length, and a page of
# thousands of nested <b>s took 282 s before this bound (bench/fuzz.py --seed 15)
MARK_READS = 300
LABEL_WEIGHT = 3.0  # an emphasised label before a headline is this light (`主题：`, `Subject:`)


@dataclass(frozen=True)
class Shown:
    """A marked heading of the page: where its text starts in the page's text, and the text."""

    at: int
    text: str
    labelled: bool = False  # the text of a block that an emphasised label opens (`主题：`)


def page_marks(
    prepared: PreparedTree, visible: str | None, opening: str
) -> tuple[list[Shown], int]:
    """The page's marked headings, in order, and where the body's `opening` (its first
    line's first characters) starts in the page's text, from either parser's tree: for
    Lexbor's, in the visible text --fast read (`visible`), each mark where it last stands
    before the body's first line (or as that line)."""
    if prepared.markup.parser == LXML:
        text, shown = _marked(prepared.tree, opening)
        return shown, text.find(opening)
    from .resiliparse_adapter import fast_visible, marked_texts

    text = visible if visible is not None else fast_visible(prepared.tree, main_content=False)
    start = text.find(opening)
    marks = marked_texts(prepared.tree, marked_text, may_mark, MARK_READS)
    found = sorted((text.rfind(mark, 0, start + len(mark)), mark) for mark in marks)
    return [Shown(at, mark) for at, mark in found if at >= 0], start


def _marked(tree, opening: str) -> tuple[str, list[Shown]]:
    """The page's text (as visible.tree_text reads it) and its marked headings, in order, up
    to where the body's `opening` stands (what follows it cannot stand above it)."""
    from lxml import etree

    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    size, seen, shown, reads = 0, "", [], 0
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, node in walk:
        if event == "start" and (node.tag in INVISIBLE or node.tag == "title"):
            walk.skip_subtree()
            continue
        if event == "start":
            candidate = _lxml_candidate(node) if reads < MARK_READS else None
            if candidate is not None:
                reads += 1
                tag, names, block_text = candidate
                text = marked_text(tag, names, node.text_content, block_text)
                if text is not None:
                    shown.append(Shown(size, text))
                elif tag in _EMPHASIS and (text := _labelled(node.text_content, block_text)):
                    shown.append(Shown(size, text, labelled=True))
            added = ("\n" if node.tag in BLOCKS else "") + (node.text or "")
        elif node is root:
            continue
        else:
            added = ("\n" if node.tag in BLOCKS else "") + (node.tail or "")
        parts.append(added)
        size += len(added)
        if opening and opening in seen + added:  # (`seen`: the text's last characters)
            break
        seen = (seen + added)[-len(opening) :]
    return "".join(parts), shown


def _lxml_candidate(node) -> tuple[str, str, object] | None:
    """An lxml element's tag, names (class and id) and the block text its emphasis must fill
    when they may mark it, else None; a block a `<font>` filled (FONT_MARK) is that font's."""
    tag, classes, ident = node.tag, node.get("class"), node.get("id")
    names = f"{classes or ''} {ident or ''}" if classes or ident else ""
    if node.get(FONT_MARK) is not None:
        return "font", names, node.text_content
    if isinstance(tag, str) and may_mark(tag, names):
        return tag, names, lambda: _block_text(node)
    return None


def marked_text(tag: str, names: str, text, block_text) -> str | None:
    """The text of a marked heading (whitespace squeezed) when it is heading-like, else None:
    of an element's tag, its class and id (`names`), its text and the text of the block it
    stands in (callables: read only when needed, the block's last: it may be long)."""
    named = tag in _HEADING_TAGS or _named_heading(names)
    if not named and tag not in _EMPHASIS:
        return None
    found = " ".join(text().split())
    if not found or not heading_like(found):
        return None
    return found if named or found == " ".join((block_text() or "").split()) else None


def _labelled(text, block_text) -> str | None:
    """The text of a block an emphasised label opens (`<b>主题：</b> 你知道导游为什么…`) when
    the rest is heading-like, else None; whether the label is a title's is the cues' call
    (`title_label`)."""
    label = " ".join(text().split())
    if not label.endswith((":", "：")) or line_weight(label) > LABEL_WEIGHT:
        return None
    block = " ".join((block_text() or "").split())
    rest = block[len(label) :].strip() if block.startswith(label) else ""
    return block if rest and heading_like(rest) else None


def may_mark(tag: str, names: str) -> bool:
    """Whether an element's tag or its class and id may make it a marked heading (the cheap
    test before its text is read)."""
    return tag in _HEADING_TAGS or tag in _EMPHASIS or _named_heading(names)


def _named_heading(names: str) -> bool:
    return _MARKED_NAME.search(names) is not None and _OTHER_NAME.search(names) is None


def _block_text(node) -> str | None:
    """The text of the block an lxml element stands in (None: none)."""
    block = node.getparent()
    while block is not None and block.tag not in BLOCKS:
        block = block.getparent()
    return block.text_content() if block is not None else None


def heading_like(text: str) -> bool:
    """A line that may be a headline: of a headline's weight, no sentence ending inside it,
    not a menu (`更多>> 名家 版画 油画 国画`: MENU_WORDS words of one or two Han characters);
    a separator at its end (`…埋单”？- -`) left unread. A text over HEADING_LIKE_MAX_CHARS is
    none, unread (an unclosed `<h1>` around the rest of a page, read for each heading in it)."""
    if len(text) > HEADING_LIKE_MAX_CHARS:
        return False
    text = TITLE_SEPARATORS.split(text.rstrip(END_SEPARATORS))[0] if text else text
    if not TITLE_MIN_WEIGHT <= line_weight(text) <= TITLE_MAX_WEIGHT:
        return False
    if len(_MENU_WORD.findall(text)) >= MENU_WORDS:
        return False
    return _SENTENCE_END.search(text) is None
