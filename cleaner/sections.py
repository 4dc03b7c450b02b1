"""Sections out of a page's tree before trafilatura: an article's comment section, and the
boxes that a tail heading opens ("Related", "You may also like", "你可能還想看").

Comment sections: trafilatura's precision setting prunes one only when the block's id or class
starts with "comment" (or is `article-comments`/`post-comments`); sites name theirs
`news-comment-list`, `user-comments`, `article__comments`, and the readers' comments come out
as the article's last paragraphs. A block (div, section, list, aside) whose id or class
matches a `comment_markup` pattern (rules/generic/threads.txt) goes. Thread pages keep
theirs: the posts are the body there.

Headed boxes: trafilatura drops a box's heading but may keep its teasers, long summaries that
read as paragraphs (a news portal's "more stories" stream). A heading (h2-h6) that a cut_from
cue matches (the markers that open a page's tail in a text dump) takes with it the largest
block it opens: the blocks it stands at the start of.

Neither removes a block that holds the page's headline (`h1`) or an `<article>` (it wraps
the article), nor, for a headed box, one with half the page's text or more. Measured on the
HTML bench sets: magichtml-article +0.009 F1 (comments: three pages +0.03 to +0.26; headed
boxes: one page +0.92), the other three within +0.0001; no page worse."""

from __future__ import annotations

import re

from lxml import etree

from .cues import CueSet

# blocks that may hold a comment section; `omment` finds Comment and comment alike cheaply,
# the patterns decide
_CANDIDATES = etree.XPath(
    "//*[self::div or self::section or self::ul or self::ol or self::aside]"
    "[contains(@class, 'omment') or contains(@id, 'omment')]"
)
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
HEADING_MAX_CHARS = 40  # longer: a story's headline in a list, not a box's title
LEAD_SLACK = 20  # characters (spaces aside) before a heading that still leave it opening its
# block: an icon's label, a count
HEADED_MAX_SHARE = 0.5  # a box with this share of the page's text is no side box
STOP_TAGS = ("body", "html", "main", "article")  # a heading's box never grows past these


def drop_comment_sections(tree, patterns: list[re.Pattern[str]]) -> int:
    """Removes the comment sections of an article's tree; returns how many."""
    if not patterns:
        return 0
    wrappers = _wrappers(tree)
    sections: list = []
    for block in _CANDIDATES(tree):  # document order: a section comes before its insides
        names = f"{block.get('id', '')} {block.get('class', '')}".replace("_", "-")
        if block in wrappers or not any(p.search(names) for p in patterns):
            continue
        if not any(block in section.iterdescendants() for section in sections[-1:]):
            sections.append(block)
    for section in sections:
        section.drop_tree()  # its tail text stays
    return len(sections)


def drop_headed_sections(tree, cues: CueSet) -> int:
    """Removes the boxes that a tail heading opens; returns how many."""
    boxes = []
    for heading in tree.iter(*HEADINGS):
        text = " ".join(heading.text_content().split())
        if text and len(text) <= HEADING_MAX_CHARS:
            cue = cues.match(text)
            if cue is not None and cue.kind == "cut_from":
                boxes.append(heading)
    if not boxes:
        return 0
    wrappers, total = (
        _wrappers(tree),
        _size(tree.find("body") if tree.find("body") is not None else tree),
    )
    dropped = 0
    for heading in boxes:
        box = _opened_box(heading, wrappers)
        if box.getparent() is not None and _size(box) < HEADED_MAX_SHARE * total:
            box.drop_tree()
            dropped += 1
    return dropped


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
        if len("".join(before.split())) > LEAD_SLACK:
            break
        box = parent
    return box


def _wrappers(tree) -> set:
    """The blocks that hold the headline or an <article>."""
    return {a for found in tree.iter("h1", "article") for a in found.iterancestors()}


def _size(element) -> int:
    return len("".join(element.text_content().split()))
