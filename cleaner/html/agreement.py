"""A second reading of an HTML page by default on pages unlike articles, and `--best`'s three
more readings, and the lines they keep.

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
from ..textdump.extract import extract_text
from .extract import FAST
from .parse import parse_page
from .prepare import PreparedTree
from .readability_adapter import readability_text, require
from .resiliparse_adapter import fast_visible, parse_fast, visible_for
from .trafilatura_adapter import Settings, read_tree

AGREEMENT = "+agreement"  # the method's suffix when lines were added (--best)
SECOND_READING = "+visible"  # ... when the second reading's lines were added (by default)
# A page that states it is a listing, collection, service or documentation page, or a thread,
# is read a second time by default, by the line classifier over resiliparse's visible text,
# and the lines that reading keeps are added: trafilatura's reading loses a listing's entries
# and a thread's short replies. Measured (mean F1; wcxb-dev / magichtml-article / scrapinghub
# / magichtml-forum / zh-cwced): .760 / .883 / .969 / .755 / .911 -> .772 / .883 / .969 / .753
# / .912 (wcxb-dev: forum .726 -> .759, listing .563 -> .585, collection .506 -> .531, article
# .923 -> .930, service .714 -> .719); product pages lost .008 (.750 -> .742) and are read
# once; without threads .767 and magichtml-forum unchanged; on every page .794 / .846 / .948
# / .762 / .883: the article sets lose what the second reading adds there (related links).
SECOND_READING_KINDS = ("listing", "collection", "service", "documentation", "thread")
MIN_LINE_CHARS = 2  # shorter visible lines (a bullet, a digit) are never added
PART_MIN_CHARS = 8  # a shorter row agrees with a reader only as a paragraph of its own:
# wcxb-dev .772 either way, magichtml-forum .753 -> .754 (rows matched across two paragraphs,
# or inside a longer word, no longer count); the first reading's own lines are still compared
# joined (a row it split in two is no row it lacks: joined per paragraph, wcxb-dev .765)
_SPACE = re.compile(r"[\s|]+")  # lines are compared without spaces and table bars: trafilatura
# writes a table row `| a | b |`, resiliparse the same row `a\t\tb`
# --best measured (mean F1; wcxb-dev / magichtml-article / scrapinghub / magichtml-forum /
# zh-cwced): cleaner alone .760 / .883 / .969 / .755 / .911; lines all three keep added .766 /
# .885 / .968 / .761 / .919 (.777 / .886 / .968 / .759 / .922 over the default's second
# reading); lines the fast reading and trafilatura's both keep .774 / .879 / .966 / .763 /
# .894 (zh-cwced's link lists); any two of the three .781 / .856 / .955 / .747 / .878.


def more_readings(first: Extracted, prepared: PreparedTree, reading: Reading) -> Extracted:
    """`first` with the lines of the second reading (on a page of a kind in
    SECOND_READING_KINDS, after trafilatura) and of --best's agreement added: the page is
    parsed by Lexbor, its visible text extracted and read by the line classifier once for
    both."""
    second = first.method == "trafilatura" and reading.page_kind.kind in SECOND_READING_KINDS
    best = reading.options.best
    if best:
        require("--best")
    markup = prepared.markup.text
    lexbor = parse_fast(markup) if second or best else None
    if lexbor is None:
        return first
    whole = fast_visible(lexbor, main_content=False)  # the rows lines are added from
    visible = visible_for(reading.page_kind, lexbor, markup, whole)
    fast = extract_text(visible, reading, with_metadata=False, source=FAST).paragraphs
    rows = [row.strip() for row in whole.splitlines()[1:]]
    extracted = _with_rows(first, rows, (fast,), SECOND_READING) if second else first
    return _with_agreement(extracted, rows, markup, fast, reading) if best else extracted


def _with_agreement(
    first: Extracted, rows: list[str], markup: str, fast: tuple[str, ...], reading: Reading
) -> Extracted:
    """`first`, with the visible lines the three other readings all keep added in page
    order: the fast reading, trafilatura's balanced setting and readability-lxml's."""
    tree = parse_page(Page("html", markup, reading.options.url), None).tree
    settings = Settings(reading.options.url, True, "balanced", metadata=False)
    balanced = read_tree(tree, settings) if tree is not None else None
    if balanced is None:
        return first
    readers = (fast, (balanced.text,), (readability_text(markup),))
    return _with_rows(first, rows, readers, AGREEMENT)


def _with_rows(first: Extracted, rows: list[str], readers: tuple, suffix: str) -> Extracted:
    """`first` with the page's visible rows that every reader keeps and it does not."""
    kept, others = _key("\n".join(first.paragraphs)), [_Lines(r) for r in readers]
    added = {
        i for i, row in enumerate(rows)
        if len(key := _key(row)) >= MIN_LINE_CHARS and key not in kept
        and all(other.holds(key) for other in others)
    }  # fmt: skip
    if not added:
        return first
    paragraphs = _merged(first.paragraphs, rows, added)
    return replace(first, paragraphs=paragraphs, method=first.method + suffix)


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


class _Lines:
    """A reading's paragraphs, to ask whether one holds a visible row: a short row only as a
    paragraph of its own ("News" is no part of "Newsletter"), a longer one as a part of one
    paragraph (a reader may join rows), never across two."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.joined = "\x00" + "\x00".join(map(_key, paragraphs)) + "\x00"

    def holds(self, key: str) -> bool:
        if len(key) < PART_MIN_CHARS:
            return f"\x00{key}\x00" in self.joined
        return key in self.joined
