"""An HTML page's tree made ready for reading, in one ordered pass: the site rule's tree
directives (strip, and the content block it names), then, when the rule names no block,
the blocks markup or a tail heading names boilerplate (prune.py), on every page but a stated
article the links that wrap a whole entry (cards.py), layout tables as blocks (tables.py),
the links of headings to their own place or to another site (prune.py), the elements
trafilatura would delete from every copy it makes (prune.py; not for the recall setting), the inline
ones it unwraps in each (prune.py), the boxes that hold no text and, for the precision
setting, the empty elements whose tails trafilatura would lose with them (empties.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import Options, PageKind, Reading, Removal
from ..rules.tree import TreeRuleResult, apply_tree_rule
from ..scripts import tokens_at_most
from .cards import open_card_links, reads_cards
from .empties import drop_blank_boxes, keep_tails_of_empty
from .parse import LEXBOR, Markup
from .prune import (
    drop_boilerplate_blocks,
    drop_unread_elements,
    strip_inline_markup,
    unwrap_heading_anchors,
)
from .tables import unwrap_layout_tables
from .title import TitleFacts, title_facts

_BYLINES = (
    "//meta[@name='author' or @property='article:author']/@content"
    " | //*[@rel='author' or @itemprop='author']"
)


@dataclass(frozen=True)
class PreparedTree:
    """The tree as the extractor reads it, and what preparing it took out."""

    markup: Markup
    found: TreeRuleResult | None  # what the site rule's tree directives found
    blocks: tuple[Removal, ...]  # the blocks taken out (of="block")
    focus: str  # trafilatura's setting for this page: balanced | precision | recall

    @property
    def tree(self):
        return self.markup.tree

    @property
    def effects(self) -> tuple:
        return self.markup.effects + (self.found.effects if self.found else ())

    @property
    def body(self) -> tuple:
        """The site rule's content block (elements), or ()."""
        return self.found.body if self.found is not None else ()

    @cached_property
    def text(self) -> str:
        """The prepared tree's whole text, read once: the thin re-read's bound and the
        unstated reading's both weigh it (thin.thin_reading, agreement._room_for_more)."""
        return self.tree.text_content()

    @cached_property
    def text_tokens(self) -> int:
        """scripts.tokens_at_most of that text."""
        return tokens_at_most(self.text)

    @cached_property
    def names_author(self) -> bool:
        """Whether the page names an author (a meta tag, rel or itemprop `author`, an
        `"author"` in its JSON-LD): a news story does, a service or product page taken for
        an article seldom does. Read once: the thin re-read and the unstated reading ask."""
        facts = self.markup.facts
        if facts and any('"author"' in text for text in facts.json_ld):
            return True
        return bool(self.tree.xpath(_BYLINES))

    @cached_property
    def titles(self) -> TitleFacts:
        """What the markup says of the page's title: Lexbor's reading of it, else lxml's tree
        read once prepared (its logos and menus pruned); the title's choice and its check
        against the body (html/shown.py) both read it."""
        return self.markup.titles or title_facts(self.tree)


def prepare_tree(markup: Markup, reading: Reading, address: str | None) -> PreparedTree:
    """Changes the markup's tree in place, once, in the order above; `address`: the page's
    (given with --url, or the one it states: Page.address), which tells a heading's link to
    another site from one to the site's own pages (prune.unwrap_heading_anchors)."""
    tree, rule, focus = markup.tree, reading.rule, focus_for(reading.options, reading.page_kind)
    if tree is None or markup.parser == LEXBOR:  # --fast: resiliparse reads the tree as it is
        return PreparedTree(markup, None, (), focus)
    found = apply_tree_rule(tree, rule) if rule is not None else None
    if found is not None and found.body:  # the block is read as the rule found it
        return PreparedTree(markup, found, (), focus)
    blocks = drop_boilerplate_blocks(tree, reading.cues, reading.keeps_comments)
    if reads_cards(reading.page_kind):
        open_card_links(tree)
    ready_for_trafilatura(tree, focus, address)
    return PreparedTree(markup, found, blocks, focus)


def ready_for_trafilatura(tree, focus: str, address: str | None = None) -> None:
    """Layout tables as blocks; the elements trafilatura deletes anyway, but for recall,
    which undoes the deletions when they take every paragraph; the inline elements it
    unwraps; the boxes of no text and, for precision, the empty elements it would delete with
    their tails, tails kept."""
    unwrap_layout_tables(tree)
    unwrap_heading_anchors(tree, address)
    if focus != "recall":
        drop_unread_elements(tree)
    strip_inline_markup(tree)
    drop_blank_boxes(tree)
    if focus == "precision":
        keep_tails_of_empty(tree)


def focus_for(options: Options, kind: PageKind) -> str:
    """`auto`: precision on an article, balanced on every other kind. Measured on the HTML
    bench sets: precision gains 0.002-0.020 F1 on the three article sets and loses 0.029 on
    forum threads (it drops short replies); on wcxb-dev's product, documentation, listing,
    collection and service pages balanced keeps 0.01-0.09 more (pagekind.py)."""
    if options.focus != "auto":
        return options.focus
    return "precision" if kind.kind == "article" else "balanced"
