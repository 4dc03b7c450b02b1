"""What trafilatura leaves out of a page where its search for the main content finds no
container (an <article>, a <main>, a post's content class: trafilatura_adapter.finds_container)
and it recovers the paragraphs it finds anywhere: the body's subheadings, and the lists the body
introduces (lists it keeps only for its recall setting).

A subheading (`<h2>`–`<h6>`) it left out, whose next element is a paragraph it kept or a list
of prose, and below the first row it kept (a heading above the body is a sidebar's or a
banner's), is added before the paragraph it heads (method `+headings`): a glossary page's
`Definition`, `Benefits`, `How It Works`, each over its section; a ranking's `1. Harvard
Business School` over its entry. A reading that holds any of the page's subheadings read its
headings (wild text holds none): nothing is added to it. On a page of ENTRY_KINDS the same
wherever trafilatura left a heading out, container or not (a shop's product names, links to
the products, over their prices). Measured (mean F1; zh-cwced / scrapinghub /
magichtml-article / magichtml-forum / wcxb-dev): .9293 / .9744 / .8882 / .7602 / .8194 ->
.9293 / .9744 / .8882 / .7602 / .8235 (wcxb-dev: collection .596 -> .617, service .808 ->
.814, documentation .891 -> .895, listing .664 -> .667, article .9535 -> .9543; 26 pages
changed, a glossary +.21, a shop's collection +.85; three -.001 to -.002, headings their gold
leaves out). Measured and left out: headings above the body too, scrapinghub .9743 and
magichtml-article .8881 (a teaser's heading above the story); an article's headings inside
a container too, wcxb-dev .8247 but magichtml-article .8876, scrapinghub .9742 (a newsletter
box's heading, `By Rick Steves`); a heading's next element a paragraph only (not a `<div>`),
wcxb-dev .8229.

A paragraph or heading kept and, as its next sibling, a list (`<ul>`, `<ol>`) whose items it
left out (`Here is a general list of GAAP compliance principles:`, then the principles): the
list's rows of prose (not links) that no cue marks and that the reading holds in no form are
added where they stand (method `+list`); an item's rows are its blocks (an FAQ's question, a
paragraph the reading kept, then its answer in a list of its own: the answer is added under
the question, where the item whole was added above it, the question twice).

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

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from ..model import Extracted, Reading
from ..rules.cues import CueSet
from .continued import not_held_damaged
from .rows import Lines, key_of, placed_before, uncued, with_added
from .trafilatura_adapter import finds_container
from .visible import element_text, rows_of, squeezed

LIST_TAGS = ("ul", "ol")
INTRO_TAGS = ("p", "h2", "h3", "h4", "h5", "h6")
SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")  # the <h1> is the title's
HEADING_MAX_CHARS = 120  # a longer "heading" is a paragraph set large, not added as one
ITEM_MIN_CHARS = 20  # a shorter item (a menu's entry, a tag) is not added
MAX_LINK_SHARE = 0.3  # a list whose text is more than this share links is a link list
MIN_ITEMS = 2  # a list of one item is no list the body goes on with
ITEM_MARK = "- "  # an added item is written as trafilatura writes a list's items
# the kinds of page whose subheadings are added wherever trafilatura left them out: a
# collection's and a listing's headings are its entries' names, a service page's its
# offers'; an article's or a thread's only on a page without a container (inside one,
# trafilatura leaves a heading out on purpose). wcxb-dev .8206 (no container only) -> .8236.
ENTRY_KINDS = ("collection", "listing", "product", "service", "documentation")
HEADINGS = "+headings"  # the method's suffix when subheadings were added
INTRODUCED = "+list"  # ... when a list the body introduces was added


def left_out_structure(first: Extracted, tree, reading: Reading) -> Extracted:
    """`first` with the subheadings, then the introduced lists, that trafilatura left out of
    a page where it finds no container (asked once, and only when there is something to add:
    its search costs the most), or of a page of ENTRY_KINDS (subheadings)."""
    cues, kind = reading.cues, reading.page_kind.kind
    contained = cache(lambda: finds_container(tree))  # asked at most once
    lists = [(found, found.getprevious()) for found in tree.iter(*LIST_TAGS)]
    lists = [
        (found, intro) for found, intro in lists if intro is not None and intro.tag in INTRO_TAGS
    ]
    if not lists and next(tree.iter(*SUBHEADINGS), None) is None:
        return first  # (many pages: nothing the reading could have left out)
    kept, items = Lines(first.paragraphs), _Items()
    paragraphs = _subheadings(first.paragraphs, tree, kept, items, cues, kind, contained)
    if paragraphs is not None:
        first = replace(first, paragraphs=paragraphs, method=first.method + HEADINGS)
        kept = Lines(paragraphs)
    found = introduced_rows(lists, kept, items, cues, contained)
    return with_added(first, *found, INTRODUCED) if found else first


def _subheadings(paragraphs: tuple[str, ...], tree, kept: Lines, items: _Items, cues: CueSet,
                 kind: str, contained: Callable[[], bool]) -> tuple[str, ...] | None:  # fmt: skip
    """The paragraphs with each subheading left out before the paragraph it heads (on a page
    of ENTRY_KINDS, container or not); None when there is none to add. On a page of another
    kind, a reading that holds any subheading read the page's headings (a container's):
    none is added, and trafilatura's search (3 ms) is not asked."""
    texts = set()
    for heading in tree.iter(*SUBHEADINGS):
        text = element_text(heading)
        if not text or len(text) > HEADING_MAX_CHARS:
            continue
        if kept.holds(key_of(text)):
            if kind not in ENTRY_KINDS:
                return None
        elif _heads_kept(heading, kept, items):
            texts.add(text)
    if not texts:
        return None
    rows, new, below_kept = rows_of(tree), [], False
    for i, row in enumerate(rows):  # a heading above every row kept heads no part of the body
        if not below_kept:
            below_kept = kept.holds(key_of(row))
        elif row in texts and not kept.holds(key_of(row)):
            new.append(i)
    added = uncued(rows, new, cues)
    if not added or (kind not in ENTRY_KINDS and contained()):
        return None
    return placed_before(paragraphs, rows, added)


def _heads_kept(heading, kept: Lines, items: _Items) -> bool:
    """Whether the element after a heading is a paragraph the reading kept or a list of
    prose."""
    after = next((e for e in heading.itersiblings() if isinstance(e.tag, str)), None)
    if after is None:
        return False
    if after.tag in LIST_TAGS:
        return bool(items.of(after))
    following = element_text(after)
    return bool(following) and kept.holds(key_of(following))


def introduced_rows(
    lists: list, kept: Lines, items: _Items, cues: CueSet, contained: Callable[[], bool]
) -> tuple[list[str], set[int]] | None:
    """The rows of each introduced list (of `lists`: each list with the element before it,
    a paragraph or heading; after the row of its introduction, which places them) and the
    indexes of those to add; None when there are none."""
    rows: list[str] = []
    new: list[int] = []
    for listed, intro in _introduced(lists, kept, items):
        rows.append(intro)
        for text in listed:
            if len(text) >= ITEM_MIN_CHARS and not kept.holds(key_of(text)):
                new.append(len(rows))
            rows.append(text)
    new = not_held_damaged(rows, new, kept)  # an item whose paragraphs it kept apart
    if not new or contained():
        return None
    added = uncued(rows, new, cues)
    shown = [ITEM_MARK + row if i in added else row for i, row in enumerate(rows)]
    return (shown, added) if added else None


def _introduced(lists: list, kept: Lines, items: _Items):
    """(the items' rows, the introduction's text) of each list of prose (of the `lists`, each
    with its previous sibling) that follows a row the first reading kept."""
    for found, intro in lists:
        text = element_text(intro)
        if not text or not kept.holds(key_of(text)):
            continue
        listed = items.of(found)
        if listed:
            yield [row for item in listed for row in item], text


class _Items(dict):
    """Each list's items as rows, read once (a heading's test and the list's own ask)."""

    def of(self, found) -> list[list[str]]:
        """The rows of each item of a list of prose (an item's blocks are rows of their own:
        an FAQ's question and its answer); none for a link list or a list of one item."""
        if found not in self:
            self[found] = _item_rows(found)
        return self[found]


def _item_rows(found) -> list[list[str]]:
    items = [li for li in found.iterchildren("li") if element_text(li)]
    if len(items) < MIN_ITEMS or _link_share(found) > MAX_LINK_SHARE:
        return []
    return [rows_of(li) for li in items]  # (a list of prose: its items walked)


def _link_share(element) -> float:
    """The share of the element's text that its links hold."""
    total = len(squeezed(element.text_content()))
    linked = sum(len(squeezed(a.text_content())) for a in element.iter("a"))
    return linked / total if total else 1.0
