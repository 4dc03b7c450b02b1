"""`--best`: three more readings of an HTML page, and the lines they agree on.

cleaner's own reading (trafilatura, precision on an article, then the cues) keeps what it is
sure of and loses recall on pages unlike articles (a listing's entries, a product's
specifications). Three readers that fail differently read the page again: trafilatura's
balanced setting on the whole page, readability-lxml's article scoring, and the line
classifier over resiliparse's visible text (`--fast`'s reading). A visible line all three
keep and the first reading left out is added where it stands on the page: agreement
counted, not a page-specific rule. Needs readability-lxml (`pip install 'cleaner[best]'`)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Extracted, Page, Reading
from ..textdump.extract import LineSource, extract_text
from .parse import parse_page
from .prepare import PreparedTree
from .readability_adapter import readability_text, require
from .resiliparse_adapter import fast_visible, parse_fast, reads_main_content
from .trafilatura_adapter import Settings, read_tree

AGREEMENT = "+agreement"  # the method's suffix when lines were added
MIN_LINE_CHARS = 2  # shorter visible lines (a bullet, a digit) are never added
_SPACE = re.compile(r"\s+")
_SECOND = LineSource("visible", "text-fast")
# Measured (mean F1; wcxb-dev / magichtml-article / scrapinghub / magichtml-forum / zh-cwced):
# cleaner alone .760 / .883 / .969 / .755 / .911; lines all three keep added .766 / .885 /
# .968 / .761 / .919; lines the fast reading and trafilatura's both keep .774 / .879 / .966 /
# .763 / .894 (zh-cwced's link lists); any two of the three .781 / .856 / .955 / .747 / .878.


def with_agreement(first: Extracted, prepared: PreparedTree, reading: Reading) -> Extracted:
    """`first`, with the visible lines the three other readings all keep added in page
    order."""
    require("--best")
    markup = prepared.markup.text
    lexbor = parse_fast(markup)
    if lexbor is None:
        return first
    visible = fast_visible(lexbor, reads_main_content(reading.page_kind, lexbor, markup))
    fast = extract_text(visible, reading, with_metadata=False, source=_SECOND)
    tree = parse_page(Page("html", markup, reading.options.url), None).tree
    settings = Settings(reading.options.url, True, "balanced", metadata=False)
    balanced = read_tree(tree, settings) if tree is not None else None
    if balanced is None:
        return first
    rows = [row.strip() for row in fast_visible(lexbor, main_content=False).splitlines()[1:]]
    readers = (fast.paragraphs, (balanced.text,), (readability_text(markup),))
    kept, others = _key("\n".join(first.paragraphs)), [_key("\n".join(r)) for r in readers]
    added = {
        i for i, row in enumerate(rows)
        if len(key := _key(row)) >= MIN_LINE_CHARS and key not in kept
        and all(key in other for other in others)
    }  # fmt: skip
    if not added:
        return first
    paragraphs = _merged(first.paragraphs, rows, added)
    return replace(first, paragraphs=paragraphs, method=first.method + AGREEMENT)


def _merged(paragraphs: tuple[str, ...], rows: list[str], added: set[int]) -> tuple[str, ...]:
    """The paragraphs in their order, each added row after the paragraphs that stand above
    it on the page (a paragraph stands where the first visible row it holds does)."""
    out, pending = [], [(p, _key(p)) for p in paragraphs]
    for i, row in enumerate(rows):
        if i in added:
            out.append(row)
            continue
        key = _key(row)
        if key and any(key in k for _, k in pending):
            while pending:  # every paragraph up to the one that holds this row
                paragraph, held = pending.pop(0)
                out.append(paragraph)
                if key in held:
                    break
    return tuple(out + [p for p, _ in pending])


def _key(text: str) -> str:
    return _SPACE.sub("", text)
