"""A list the body introduces: a paragraph or heading the first reading kept and, as its next
sibling, a list (`<ul>`, `<ol>`) whose items it left out. trafilatura leaves such a list out
when its search for the page's main content finds no container (an <article>, a <main>, a
post's content class: trafilatura_adapter.finds_container) and it recovers the paragraphs
it finds anywhere, lists only for its recall setting (`Here is a general list of GAAP
compliance principles:`, then the principles). On such a page the list's items of prose
(not links) that no cue marks and that the reading holds in no form are added where they
stand (method `+list`).

Measured (mean F1; zh-cwced / scrapinghub / magichtml-article / magichtml-forum / wcxb-dev):
.9293 / .9744 / .8882 / .7602 / .8183 -> the same / .8194 (five pages better: a firm's list
of accounting principles .52 -> .90, a product's specifications +.03, a guide's and a
service's lists +.02, a tutorial's steps; none worse; articles .9502 -> .9535). On every
page, a container or not: 26 pages changed, 14 worse (scrapinghub -.106: lists trafilatura
leaves out inside a container it leaves out on purpose), wcxb-dev .8204, scrapinghub .9738.
Without the test that the reading holds no part of an item (continued.not_held_damaged), a
tutorial's steps were added again whole where trafilatura kept their two sentences apart.
"""

from __future__ import annotations

from ..model import Extracted
from ..rules.cues import CueSet
from ..textdump.features import line_cues
from .continued import not_held_damaged
from .rows import Lines, key_of
from .trafilatura_adapter import finds_container
from .visible import element_text, squeezed

LIST_TAGS = ("ul", "ol")
INTRO_TAGS = ("p", "h2", "h3", "h4", "h5", "h6")
ITEM_MIN_CHARS = 20  # a shorter item (a menu's entry, a tag) is not added
MAX_LINK_SHARE = 0.3  # a list whose text is more than this share links is a link list
MIN_ITEMS = 2  # a list of one item is no list the body goes on with
ITEM_MARK = "- "  # an added item is written as trafilatura writes a list's items


def introduced_rows(first: Extracted, tree, cues: CueSet) -> tuple[list[str], set[int]] | None:
    """The rows of each introduced list (after the row of its introduction, which places
    them) and the indexes of those to add; None when there are none."""
    lists = [(found, found.getprevious()) for found in tree.iter(*LIST_TAGS)]
    lists = [
        (found, intro) for found, intro in lists if intro is not None and intro.tag in INTRO_TAGS
    ]
    if not lists:  # (most pages: nothing to compare the reading with)
        return None
    kept = Lines(first.paragraphs)
    rows: list[str] = []
    new: list[int] = []
    for items, intro in _introduced(lists, kept):
        rows.append(intro)
        for text in items:
            if len(text) >= ITEM_MIN_CHARS and not kept.holds(key_of(text)):
                new.append(len(rows))
            rows.append(text)
    new = not_held_damaged(rows, new, kept)  # an item whose paragraphs it kept apart
    if not new or finds_container(tree):  # (the search last: it costs the most)
        return None
    cued = line_cues([rows[i] for i in new], cues)
    added = {i for i, (_, cue) in zip(new, cued, strict=True) if cue is None}
    shown = [ITEM_MARK + row if i in added else row for i, row in enumerate(rows)]
    return (shown, added) if added else None


def _introduced(lists: list, kept: Lines):
    """(the items' texts, the introduction's text) of each list of prose (of the `lists`,
    each with its previous sibling) that follows a row the first reading kept."""
    for found, intro in lists:
        text = element_text(intro)
        if not text or not kept.holds(key_of(text)):
            continue
        items = [element_text(li) for li in found.iterchildren("li")]
        items = [t for t in items if t]
        if len(items) >= MIN_ITEMS and _link_share(found) <= MAX_LINK_SHARE:
            yield items, text


def _link_share(element) -> float:
    """The share of the element's text that its links hold."""
    total = len(squeezed(element.text_content()))
    linked = sum(len(squeezed(a.text_content())) for a in element.iter("a"))
    return linked / total if total else 1.0
