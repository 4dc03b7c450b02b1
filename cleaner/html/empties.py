"""The text after an empty element kept where trafilatura loses it. trafilatura reads the text
that follows a box holding no text at all (an ad's slot: `<div class="txt_banner"><div
id="gpt-banner"></div></div>The story's first paragraph …`) as that box's tail and drops it;
and it deletes the empty elements of a page (`<p></p>`, `<span></span>`: CUT_EMPTY_ELEMS)
with, for the precision setting, their tails: a story written as text between empty
paragraphs used for spacing (`… کیا ۔<p style="margin-top: 5px;"></p> آئر لینڈ کے …`) loses
every part after one. Such a box is taken out first, and such an element made a line break
(a block) or unwrapped (an inline one), the text after each kept where it stands. Measured
(mean F1, default reading), the elements: zh-cwced .9356 -> .9358, scrapinghub .9744 ->
.9748, magichtml-article .8881 -> .8908 (an Urdu story .32 -> .75), magichtml-forum .7687 ->
.7693, wcxb-dev .8335 -> .8338 (12 pages better by over .005, none worse by that); then the
boxes: zh-cwced .9369, magichtml-article .8916 (that story .87), the other three the same
(one wcxb-dev page -.005); `--fast` and text dumps read no prepared tree."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from .visible import BLOCKS

_UNWRAPPED = "cleaner-unwrapped"  # a tag no page uses: marks the inline elements to strip


def keep_tails_of_empty(tree) -> int:
    """Turns each element trafilatura deletes when empty (trafilatura_adapter.emptied_tags)
    that holds no text or child but has a tail into a `<br>` (a block) or nothing (an inline
    element); returns how many."""
    tags = _emptied()
    if not tags:
        return 0
    empty = [
        e for e in tree.iter(*tags)
        if e.text is None and len(e) == 0 and e.tail and e.tail.strip()
        and e.getparent() is not None
    ]  # fmt: skip
    for element in empty:
        block = element.tag in BLOCKS
        element.attrib.clear()
        element.tag = "br" if block else _UNWRAPPED
    if any(e.tag == _UNWRAPPED for e in empty):
        etree.strip_tags(tree, _UNWRAPPED)
    return len(empty)


@lru_cache(maxsize=1)
def _emptied() -> tuple[str, ...]:
    from .trafilatura_adapter import emptied_tags  # trafilatura loads only for HTML pages

    return emptied_tags()


def drop_blank_boxes(tree) -> int:
    """Removes each `div` that holds no text at all (an ad's slot, a spacer) and has text
    after it, that text kept where it stands (as the parent's, or the previous element's
    tail); returns how many. Which elements hold text is read in one pass from the leaves up
    (a check of each box's own text would walk nested boxes again and again), and only on a
    page that has a div with text after it (most have none)."""
    followed = [e for e in tree.iter("div") if _tail(e) and e.getparent() is not None]
    if not followed:
        return 0
    holding = set()  # the elements with text in them
    for element in reversed(list(tree.iter())):  # each element after all below it
        own = isinstance(element.tag, str) and element.text and element.text.strip()
        if own or any(child in holding or _tail(child) for child in element):
            holding.add(element)
    boxes = [e for e in followed if e not in holding]
    for box in boxes:
        box.drop_tree()  # its tail text stays
    return len(boxes)


def _tail(element) -> bool:
    return bool(element.tail and element.tail.strip())
