"""Cards: a link that wraps a whole entry, its picture, title and summary paragraph in one
`<a>` (a course catalogue's programmes, a shop's products, a service's features, a listing's
items). trafilatura reads everything inside a link as the link's text and drops such entries
as it drops a menu, so that a listing keeps its introduction and loses its entries. Each such
link is made a `<div>` before trafilatura reads the tree, its attributes kept (a box's class
still names it for the pruning that reads classes).

Not on a stated article: there the cards are the related stories under it. Measured (mean F1,
default reading), with 60 characters, spaces aside: wcxb-dev .8338 -> .8393 (a certificate
catalogue .13 -> .87, a shop's collection .40 -> .86, a market's listing .01 -> .68, a
service's features .43 -> .64, .75 -> .83 and .83 -> .87; five pages lower, by .020 at most),
the four other HTML sets unchanged; with stated articles too, magichtml-article .8916 ->
.8863 (a story's related cards taken in: 1.00 -> .27). With 45 characters .8386, with 80
counting spaces .8391 (30: .8385, 150: .8374, 300: .8373); counting a `<div>`, heading or list
item inside the link as a card's too (not only a `<p>`): +.0006 on wcxb-dev, and a
magichtml-article story .22 -> .00. `--fast` reads no prepared tree."""

from __future__ import annotations

from ..model import PageKind
from .visible import squeezed

CARD_MIN_CHARS = 60  # a card's text holds a title and a sentence at least; a menu's link less
CARD_BLOCK = "p"  # what a card holds that a link's text does not: a paragraph


def reads_cards(kind: PageKind) -> bool:
    """Whether a page's card links are its entries: on every page but a stated article."""
    return not (kind.stated and kind.kind == "article")


def open_card_links(tree) -> int:
    """Makes each link that holds a paragraph and CARD_MIN_CHARS of text a `<div>`; returns
    how many."""
    cards = [
        anchor
        for anchor in tree.iter("a")
        if anchor.find(f".//{CARD_BLOCK}") is not None
        and len(squeezed(anchor.text_content())) >= CARD_MIN_CHARS
    ]
    for anchor in cards:
        anchor.tag = "div"
    return len(cards)
