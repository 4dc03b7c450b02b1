"""An article whose page splits its body into several blocks of one kind (Wired's
`article__body` chunks, an ad or an embed between them): trafilatura reads the first block
and stops. The blocks of the same tag and class near the one that holds the first paragraph
it kept, each with CHUNK_MIN_PROSE paragraphs of prose it left out, continue the body: their
paragraphs that no cue marks are added where they stand.

Measured (mean F1; zh-cwced / scrapinghub / magichtml-article / magichtml-forum / wcxb-dev):
.9159 / .9695 / .8838 / .7566 / .8072 -> .9159 / .9741 / .8838 / .7566 / .8072 (two pages
better, +0.37 and +0.46, none worse). Any block of that kind, prose or not: .9149 / .9723 /
.8841 / .7564 / .8063 (a company's "About" paragraph below a press release, a service page's
list of cities, an FAQ). CHUNK_MIN_PROSE 3, NEAR_LEVELS 2 or 6: the same. Without the test
that the first block holds most of the first reading (MAIN_SHARE), one forum page +0.02;
without the test for rows trafilatura damaged, two PostgreSQL manual pages -0.008 (their
paragraphs added a second time, whole).
"""

from __future__ import annotations

from collections import Counter

from ..model import Extracted
from ..rules.cues import CueSet
from .rows import Lines, key_of, uncued
from .visible import element_text

BLOCK_TAGS = ("div", "section")  # the blocks a body is split into
ROW_TAGS = ("p", "h2", "h3", "h4", "blockquote")  # what a block's rows are
STOP_TAGS = ("body", "article", "main")  # a paragraph's block is found below these
NEAR_LEVELS = 4  # a continuing block lies under the first one's ancestor this many levels up
PROSE_CHARS = 80  # a paragraph of prose: this long, and ending a sentence
CHUNK_MIN_PROSE = 2  # ... and a continuing block holds this many (one is an "About us")
MAIN_SHARE = 0.5  # the first block holds this share of what the first reading kept
EDGE_CHARS = 40  # a paragraph that opens or ends with this much of a row (spaces aside) is it
SCRAMBLE_SLACK = 0.1  # a row written out of order is this much shorter or longer at most
MIN_ROW_CHARS = 20  # shorter rows are not added (a caption's credit, a button)
_SENTENCE_ENDS = tuple(".!?\"”'’。！？")


def continued_rows(first: Extracted, tree, cues: CueSet) -> tuple[list[str], set[int]] | None:
    """The rows of the blocks that hold the body (in page order) and the indexes of those to
    add, when the body continues in blocks like the first one; else None."""
    kept = Lines(first.paragraphs)
    main = _first_block(tree, kept)
    if main is None:
        return None
    top = main
    for _ in range(NEAR_LEVELS):
        top = top.getparent() if top.getparent() is not None else top
    kind = main.get("class")
    others = [b for b in top.iter(main.tag) if b is not main and b.get("class") == kind]
    others = [b for b in others if main not in b.iterancestors() and b not in main.iterancestors()]
    if not others or not _holds_most(main, kept):
        return None
    rows, new = _rows(top, main, set(others), kept)
    added = [i for block_rows in new.values() if _prose(rows, block_rows) for i in block_rows]
    added = not_held_damaged(rows, added, kept)
    added_set = uncued(rows, added, cues)
    return (rows, added_set) if added_set else None


def _first_block(tree, kept: Lines):
    """The block of the first paragraph of prose the first reading kept."""
    for paragraph in tree.iter("p"):
        text = element_text(paragraph)
        if len(text) >= PROSE_CHARS and kept.holds(key_of(text)):
            return _block(paragraph)
    return None


def _holds_most(block, kept: Lines) -> bool:
    """Whether the block holds MAIN_SHARE of the first reading's text (by its paragraphs'
    openings): the block the reading took its body from."""
    text = key_of(block.text_content())
    inside = sum(len(k) for k in kept.keys if k[:EDGE_CHARS] in text)
    return inside >= MAIN_SHARE * sum(map(len, kept.keys))


def _block(element):
    """The nearest block with a class that holds the element, below STOP_TAGS."""
    for ancestor in element.iterancestors():
        if ancestor.tag in BLOCK_TAGS and ancestor.get("class"):
            return ancestor
        if ancestor.tag in STOP_TAGS:
            return None
    return None


def _rows(top, main, others: set, kept: Lines) -> tuple[list[str], dict]:
    """The rows of the first block and the others, in page order, and per other block the
    indexes of its rows the first reading did not keep."""
    rows, new, blocks = [], {}, {main} | others
    for element in top.iter(*ROW_TAGS):
        block = _holder(element, blocks)
        text = element_text(element) if block is not None else ""
        if not text:
            continue
        if block is not main and len(text) >= MIN_ROW_CHARS and not kept.holds(key_of(text)):
            new.setdefault(block, []).append(len(rows))
        rows.append(text)
    return rows, new


def _holder(element, blocks: set):
    """The block that holds the element, None when none does or when a row holds it (a
    <p> in a <blockquote> is read with it)."""
    for ancestor in element.iterancestors():
        if ancestor in blocks:
            return ancestor
        if ancestor.tag in ROW_TAGS:
            return None
    return None


def not_held_damaged(rows: list[str], indexes: list[int], kept: Lines) -> list[int]:
    """Those of the rows that the first reading does not hold in a damaged form: trafilatura
    may write a row's inline elements out of order or leave one out (`ON , join_conditionUSING
    (` for `ON join_condition, USING (`), and such a row is not new. A paragraph that opens or
    ends as the row does holds it, or one of about its length with every letter of it."""
    if not indexes:
        return indexes
    letters = [(len(k), Counter(k)) for k in kept.keys]

    def held(row: str) -> bool:
        key = key_of(row)
        head, tail = key[:EDGE_CHARS], key[-EDGE_CHARS:]
        if "\x00" + head in kept.joined or tail + "\x00" in kept.joined:
            return True
        own = Counter(key)
        return any(abs(size - len(key)) <= SCRAMBLE_SLACK * len(key) and own <= found
                   for size, found in letters)  # fmt: skip

    return [i for i in indexes if not held(rows[i])]


def _prose(rows: list[str], indexes: list[int]) -> bool:
    """Whether CHUNK_MIN_PROSE of the rows are paragraphs of prose."""
    prose = sum(len(rows[i]) >= PROSE_CHARS and rows[i].endswith(_SENTENCE_ENDS) for i in indexes)
    return prose >= CHUNK_MIN_PROSE
