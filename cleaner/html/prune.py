"""Sections out of a page's tree before trafilatura: blocks that their markup names (an
article's comment section, a video player), the boxes that a tail heading opens ("Related",
"You may also like", "你可能還想看"), and the elements trafilatura would delete anyway
(`drop_unread_elements`).

Named blocks: trafilatura's precision setting prunes a comment section only when the block's
id or class starts with "comment" (or is `article-comments`/`post-comments`); sites name
theirs `news-comment-list`, `user-comments`, `article__comments`, and the readers' comments
come out as the article's last paragraphs. A video player's controls come out as lines of
text ("Play Video", "倍速", "2.0X", "错误代码：QVS.4100"). A block (div, section, list, aside,
figure) whose id or class matches a `comment_markup`, `player_markup` or `menu_markup`
pattern (rules/generic/markup.txt) goes: a dropdown menu outside `<nav>` (a book's chapter
list above each chapter) is navigation hidden until clicked. Thread pages keep their comment
sections: the posts are the body there.

Headed boxes: trafilatura drops a box's heading but may keep its teasers, long summaries that
read as paragraphs (a news portal's "more stories" stream). A heading (h2-h6) that a cut_from
cue matches (the markers that open a page's tail in a text dump) takes with it the largest
block it opens: the blocks it stands at the start of.

Neither removes a block that holds the page's headline (`h1`) or an `<article>` (it wraps
the article), nor, for a headed box, one with half the page's text or more. Measured on the
HTML bench sets: magichtml-article +0.015 F1 (comments: three pages +0.03 to +0.26; players:
one page +0.13, one -0.01; headed boxes: two pages +0.92 and +0.79), the other three within
+0.0001. The elements trafilatura would delete anyway: magichtml-forum +0.0045 and
magichtml-article +0.0013 (its fallback extractors no longer read them), 2-13% fewer
instructions a page."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from lxml import etree

from ..model import Removal
from ..rules.cues import CueSet
from ..rules.literals import shape
from ..urls import host_of, site_host
from .visible import BLOCKS, element_text, squeezed

# which blocks may be named away, and the patterns that name them (cue file fields)
BLOCK_TAGS = ("div", "section", "ul", "ol", "aside", "figure")
MARKUP_FIELDS = {
    "comment_markup": "comments", "player_markup": "player", "menu_markup": "navigation"
}  # fmt: skip
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
ALL_HEADINGS = ("h1", *HEADINGS)
HEADING_MAX_CHARS = 40  # longer: a story's headline in a list, not a box's title
LEAD_SLACK = 20  # characters (spaces aside) before a heading that still leave it opening its
# block: an icon's label, a count
HEADED_MAX_SHARE = 0.5  # a box with this share of the page's text is no side box
STOP_TAGS = ("body", "html", "main", "article")  # a heading's box never grows past these
# MANUALLY_CLEANED elements left for trafilatura (see drop_unread_elements); script and
# style are gone already (parse.py keeps JSON-LD)
READ_BY_TRAFILATURA = frozenset(
    ("form", "figure", "picture", "time", "math", "head", "link", "script")
)


# the inline elements of trafilatura's MANUALLY_STRIPPED: unwrapped once before it reads the
# page (strip_inline_markup); the others (meta, img, tbody …) are read here first
INLINE_STRIPPED = frozenset(
    ("abbr", "acronym", "bdi", "bdo", "big", "cite", "data", "dfn", "font", "ins", "mark",
     "nobr", "ruby", "small", "wbr")
)  # fmt: skip


def drop_boilerplate_blocks(tree, cues: CueSet, keep_comments: bool) -> tuple[Removal, ...]:
    """Removes the blocks that markup names boilerplate and the boxes a tail heading opens
    (comment sections not when they are kept: a thread's posts, or --comments); returns them
    as removals (line 0: not line-based), their text with its spaces collapsed."""
    wrappers = _wrappers(tree)
    found = named_blocks(tree, cues, keep_comments, wrappers) + headed_boxes(tree, cues, wrappers)
    dropped, removals = set(), []
    for block, reason, by in found:
        if block.getparent() is None or any(a in dropped for a in block.iterancestors()):
            continue  # inside a block dropped already
        removals.append(Removal(0, element_text(block), reason, by, "block"))
        dropped.add(block)
        block.drop_tree()  # its tail text stays
    return tuple(removal for removal in removals if removal.text)  # empty ones unlisted


def named_blocks(tree, cues: CueSet, keep_comments: bool, wrappers: set) -> list[tuple]:
    """The blocks whose id or class names them boilerplate (comment sections only when they
    are not kept), in document order, as (block, reason, directive). `wrappers`: the blocks that
    hold the headline."""
    named = [
        (reason, field, pattern)
        for field, reason in MARKUP_FIELDS.items()
        if not (keep_comments and reason == "comments")
        for pattern in cues.field_patterns(field)
    ]
    if not named:
        return []
    worth_a_look = _keyword_check(tuple(pattern for _, _, pattern in named))
    blocks: list = []
    for block in tree.iter(*BLOCK_TAGS):  # a block before its insides, which go with it
        names = f"{block.get('id', '')} {block.get('class', '')}"
        if len(names) == 1 or block in wrappers or not worth_a_look(names):
            continue
        names = names.replace("_", "-")
        match = next((n for n in named if n[2].search(names)), None)
        if match is not None:
            blocks.append((block, match[0], match[1]))
    return blocks


@lru_cache(maxsize=8)
def _keyword_check(patterns: tuple[re.Pattern[str], ...]):
    """A quick test that names hold a keyword one of the patterns needs (read off the
    patterns as cue keywords are; any names pass when a pattern has none)."""
    keywords = set()
    for pattern in patterns:
        found = shape(pattern).keywords
        if not found:
            return lambda names: True
        keywords |= found
    return re.compile("|".join(map(re.escape, sorted(keywords))), re.IGNORECASE).search


def headed_boxes(tree, cues: CueSet, wrappers: set) -> list[tuple]:
    """The boxes that a tail heading opens, as (box, the cue's reason, its directive), but
    those with HEADED_MAX_SHARE of the page's text. `wrappers`: the blocks that hold the
    headline."""
    headings = []
    for heading in tree.iter(*HEADINGS):
        text = element_text(heading)
        if text and len(text) <= HEADING_MAX_CHARS:
            cue = cues.match(text)
            if cue is not None and cue.kind == "cut_from":
                headings.append((heading, cue))
    if not headings:
        return []
    body = tree.find("body")
    total = _size(body if body is not None else tree)
    boxes = [(_opened_box(heading, wrappers), cue) for heading, cue in headings]
    return [
        (box, cue.reason, cue.origin) for box, cue in boxes if _size(box) < HEADED_MAX_SHARE * total
    ]


def _opened_box(heading, wrappers: set):
    """The largest block that the heading stands at the start of."""
    box = heading
    for parent in heading.iterancestors():
        if parent.tag in STOP_TAGS or parent in wrappers:
            break
        before = (parent.text or "") + "".join(
            sibling.text_content() + (sibling.tail or "")
            for sibling in box.itersiblings(preceding=True)
        )
        if len(squeezed(before)) > LEAD_SLACK:
            break
        box = parent
    return box


def drop_unread_elements(tree) -> int:
    """Removes the elements that trafilatura's tree cleaning deletes from every copy of the
    page it makes (`trafilatura.settings.MANUALLY_CLEANED`: nav, aside, footer, iframe, svg,
    button, select, …), once, from the tree it is given: its three or four copies of the page
    and every XPath pass over them get smaller. Kept for it to judge: forms (a form may wrap
    the whole page), figures and pictures, `time`, `math` (it recovers formulas), the head
    (the title search reads it). Not for the recall setting, which undoes the deletions
    when they take every paragraph. Returns how many."""
    elements = [e for e in tree.iter(*_unread_tags()) if e.getparent() is not None]
    for element in elements:
        element.drop_tree()  # its tail text stays, as trafilatura's deletion keeps it
    return len(elements)


def unwrap_heading_anchors(tree, address: str | None = None) -> int:
    """Unwraps each link that holds a heading's whole text, keeping its text, when it goes to
    a place on the same page (`<h3><a href="#benefits">Benefits</a></h3>`, a permalink) or to
    another site than the page's `address` (a roundup's item named by its maker's link):
    trafilatura's precision setting drops a heading all link as a menu's. A link to the site's
    own pages stays (a teaser's headline), and so does a permalink glyph beside a heading's
    text (`¶`, `#`). Returns how many."""
    own = site_host(host_of(address))
    anchors = dict.fromkeys(  # a heading inside a heading (bad markup) lists its links twice
        anchor
        for heading in tree.iter(*ALL_HEADINGS)
        for anchor in heading.iter("a")
        if _elsewhere(anchor.get("href", ""), own) and _whole_text_of_heading(anchor)
    )
    for anchor in anchors:
        anchor.drop_tag()
    return len(anchors)


def _elsewhere(href: str, own: str | None) -> bool:
    """A link to a place on the same page, or, when the page's site is known, to another."""
    if href.startswith("#"):
        return True
    if own is None or not href.startswith(("http://", "https://", "//")):
        return False
    site = site_host(host_of(href))
    return (
        site is not None
        and site != own
        and not (site.endswith("." + own) or own.endswith("." + site))
    )


def _whole_text_of_heading(anchor) -> bool:
    heading = next(anchor.iterancestors(*ALL_HEADINGS), None)
    text = squeezed(anchor.text_content())
    return heading is not None and bool(text) and text == squeezed(heading.text_content())


def strip_inline_markup(tree) -> None:
    """Unwraps the inline elements (`font`, `small`, `cite` …) that trafilatura's tree
    cleaning unwraps in each of its copies of the page, once, in the tree it is given: a page
    laid out in `<font>` inside `<font>` (zh-cwced's) is copied and searched smaller. Measured:
    zh-cwced's default speed 0.81x -> 0.82-0.83x trafilatura's, six of the 1,810 shared pages'
    outputs changed, mean F1 within 0.0002 on every set. A `<font>` that fills its block
    leaves FONT_MARK on the block: that emphasis may mark a headline (html/marks.py)."""
    tags = _inline_tags()
    if tags:
        if "font" in tags:
            _mark_font_blocks(tree)
        etree.strip_tags(tree, *tags)


FONT_MARK = "data-cleaner-font"  # a block a <font> filled before it was unwrapped
FONT_BLOCK_NODES = 8  # a block of more elements than this is no headline's (bounds the read)
FONT_BLOCK_DEPTH = 3  # the levels a <font>'s block is looked for above it (bounds the walk)


def _mark_font_blocks(tree) -> None:
    """Sets FONT_MARK on each small block whose whole text one `<font>` holds (`<td><img>
    <font color=…>Headline</font></td>`); each check reads a bounded part of the tree."""
    for font in tree.iter("font"):
        block = font.getparent()
        for _ in range(FONT_BLOCK_DEPTH):
            if block is None or block.tag in BLOCKS:
                break
            block = block.getparent()
        if block is None or block.tag not in BLOCKS or block.get(FONT_MARK) is not None:
            continue
        if sum(1 for _ in islice(block.iter(), FONT_BLOCK_NODES + 1)) > FONT_BLOCK_NODES:
            continue
        text = font.text_content().split()
        if text and text == block.text_content().split():
            block.set(FONT_MARK, "")


@lru_cache(maxsize=1)
def _inline_tags() -> tuple[str, ...]:
    from .trafilatura_adapter import stripped_tags

    return tuple(tag for tag in stripped_tags() if tag in INLINE_STRIPPED)


@lru_cache(maxsize=1)
def _unread_tags() -> tuple[str, ...]:
    from .trafilatura_adapter import cleaned_tags  # trafilatura loads only for HTML pages

    return tuple(tag for tag in cleaned_tags() if tag not in READ_BY_TRAFILATURA)


def _wrappers(tree) -> set:
    """The blocks that hold the headline or an <article>."""
    return {a for found in tree.iter("h1", "article") for a in found.iterancestors()}


def _size(element) -> int:
    return len(squeezed(element.text_content()))
