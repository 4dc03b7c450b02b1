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

from dataclasses import replace

from ..model import Extracted, Page, Reading
from ..scripts import tokens_at_most
from ..textdump.extract import extract_text
from .continued import continued_rows
from .extract import FAST
from .introduced import left_out_structure
from .parse import parse_page
from .prepare import PreparedTree
from .readability_adapter import readability_text, require
from .resiliparse_adapter import fast_visible, main_content_safe, parse_fast, visible_for
from .rows import Lines, key_of, with_added
from .trafilatura_adapter import Settings, read_tree
from .visible import squeezed

AGREEMENT = "+agreement"  # the method's suffix when lines were added (--best)
SECOND_READING = "+visible"  # ... when the second reading's lines were added (by default)
SECOND = replace(FAST, code=False)  # the line classifier's reading beside trafilatura's: a
# documentation page's code lines stay gaps there (textdump/extract.LineSource)
CONTINUED = "+continued"  # ... when an article's body continued in blocks like its first
# A page that states it is a listing, collection, service or documentation page, or a thread,
# is read a second time by default, by the line classifier over resiliparse's text of the
# page, and the lines that reading keeps are added: trafilatura's reading loses a listing's entries
# and a thread's short replies. Measured (mean F1; wcxb-dev / magichtml-article / scrapinghub
# / magichtml-forum / zh-cwced): .760 / .883 / .969 / .755 / .911 -> .772 / .883 / .969 / .753
# / .912 (wcxb-dev: forum .726 -> .759, listing .563 -> .585, collection .506 -> .531, article
# .923 -> .930, service .714 -> .719); product pages lost .008 (.750 -> .742) and are read
# once; without threads .767 and magichtml-forum unchanged; on every page .794 / .846 / .948
# / .762 / .883: the article sets lose what the second reading adds there (related links).
# It reads resiliparse's main content (its heuristic drops menus, headers, footers and
# sidebars), a thread's rows taken from the whole visible text: the whole visible text read,
# as --fast reads these kinds, wcxb-dev .801 (collection .555, service .794, listing .637,
# documentation .878); the main content .806 (collection .588, service .808, listing .632,
# documentation .879; 36 pages better, 16 worse: listings whose entries the heuristic drops);
# its rows for threads too, magichtml-forum .757 -> .754.
SECOND_READING_KINDS = ("listing", "collection", "service", "documentation", "thread")
# A page that is an article only for want of any evidence (no og:type, schema.org type or
# address says what it is) and names no author is read a second time too, by the line
# classifier over resiliparse's main content, and the lines that reading keeps are added when
# they make the body UNSTATED_GAIN to UNSTATED_MAX_GAIN times as long (metric tokens) and add
# at least UNSTATED_MIN_MORE: a service page's table in a block beside its text, a
# documentation page's second section. A reading many times longer took another block for
# the body (a blog's front page of posts); a short one adds a thread's replies (two forum
# pages not known as threads). Measured (mean F1; zh-cwced / scrapinghub / magichtml-article /
# magichtml-forum / wcxb-dev): .907 / .969 / .883 / .757 / .789 -> .916 / .969 / .884 / .757 /
# .801 (wcxb-dev: service .752 -> .794, product .793 -> .819, collection .541 -> .555, listing
# .627 -> .637, article .936 -> .941, documentation .877 -> .878; 18 pages better, none worse);
# on every such page .901 / .968 / .878 / .748 / .800; whatever the author, magichtml-article
# .882; without the upper bound zh-cwced .905; without the least gain magichtml-forum .750; a
# gain of 1.5 wcxb-dev .799, 1.25 zh-cwced .915; at least 60 or 150 more tokens the same; the
# page's whole visible text instead of its main content .880 / .963 / .868 / .755 / .806.
UNSTATED_GAIN = 1.3
UNSTATED_MAX_GAIN = 5.0
UNSTATED_MIN_MORE = 100
# ... and only a page whose whole text holds UNSTATED_ROOM times the tokens the first reading
# kept is read again (the second reading costs 1-5 ms): UNSTATED_GAIN, all the text a gain
# could need. At 1.6 a guide trafilatura read two thirds of, its whole text 1.56 times that,
# was never read again (documentation .886 against resiliparse's .887; at 1.3 .891, that page
# .75 -> .99, no other set's page changed); zh-cwced, 33 pages read again instead of 18 for
# nothing, loses about 2% of its speed (0.5 ms a page).
UNSTATED_ROOM = UNSTATED_GAIN
MIN_LINE_CHARS = 2  # shorter visible lines (a bullet, a digit) are never added
# --best measured (mean F1; wcxb-dev / magichtml-article / scrapinghub / magichtml-forum /
# zh-cwced): cleaner alone .760 / .883 / .969 / .755 / .911; lines all three keep added .766 /
# .885 / .968 / .761 / .919 (.777 / .886 / .968 / .759 / .922 over the default's second
# reading); lines the fast reading and trafilatura's both keep .774 / .879 / .966 / .763 /
# .894 (zh-cwced's link lists); any two of the three .781 / .856 / .955 / .747 / .878.


def more_readings(first: Extracted, prepared: PreparedTree, reading: Reading) -> Extracted:
    """`first` with what the readings below add, then the subheadings and the lists its body
    introduces that it left out on a page without a container (introduced.py)."""
    extracted = _readings(first, prepared, reading)
    if not extracted.method.startswith("trafilatura"):
        return extracted
    return left_out_structure(extracted, prepared.tree, reading)


def _readings(first: Extracted, prepared: PreparedTree, reading: Reading) -> Extracted:
    """`first` with the rows of the blocks its body continues in (an article's, continued.py),
    the lines of the second reading (on a page of a kind in SECOND_READING_KINDS, or an
    unstated article: _unstated_reading, after trafilatura) and of --best's agreement added:
    the page is parsed by Lexbor once for all of them."""
    kind = reading.page_kind
    if first.method == "trafilatura" and kind.kind == "article":  # a body split in blocks
        found = continued_rows(first, prepared.tree, reading.cues)
        first = with_added(first, *found, CONTINUED) if found else first
    by_kind = first.method == "trafilatura" and kind.kind in SECOND_READING_KINDS
    unsure = first.method == "trafilatura" and kind.kind == "article" and not kind.stated
    before = _room_for_more(first, prepared) if unsure else None  # first's tokens, if read
    if before is not None and prepared.names_author:  # a story's: not read again (below)
        before = None  # asked before Lexbor's parse, which costs more than its tree search
    best = reading.options.best
    if best:
        require("--best")
    markup = prepared.markup.text
    lexbor = parse_fast(markup) if by_kind or before is not None or best else None
    if lexbor is None:
        return first
    extracted, whole = first, None
    if (by_kind or before is not None) and main_content_safe(lexbor, markup):
        main = fast_visible(lexbor, main_content=True)
        if by_kind:  # a thread's rows as the whole text has them (a post's lines apart)
            whole = fast_visible(lexbor, main_content=False) if kind.thread else None
            main_reading = (_fast_reading(main, reading),)
            extracted = _with_rows(first, _rows(whole or main), main_reading, SECOND_READING)
        else:
            extracted = _unstated_reading(first, before, main, prepared, reading)
    if not best:
        return extracted
    whole = whole or fast_visible(lexbor, main_content=False)  # the rows --best adds from
    fast = _fast_reading(visible_for(kind, lexbor, markup, whole), reading)
    return _with_agreement(extracted, _rows(whole), markup, fast, reading)


def _fast_reading(visible: str, reading: Reading) -> tuple[str, ...]:
    return extract_text(visible, reading, with_metadata=False, source=SECOND).paragraphs


def _rows(visible: str) -> list[str]:
    """The rows of a visible text (fast_visible's), its title line aside."""
    return [row.strip() for row in visible.splitlines()[1:]]


def _tokens(lines: tuple[str, ...] | list[str]) -> int:
    """The metric's tokens in the lines, counted as scripts.tokens_at_most does."""
    return tokens_at_most("\n".join(lines))


def _room_for_more(first: Extracted, prepared: PreparedTree) -> int | None:
    """The tokens `first` holds, when the page's whole text holds UNSTATED_ROOM times as many
    and at least UNSTATED_MIN_MORE more (see _unstated_reading); else None, and the page is
    not read again (most of zh-cwced's are read whole by trafilatura)."""
    before = _tokens(first.paragraphs)
    wanted = before + max(UNSTATED_MIN_MORE, (UNSTATED_ROOM - 1) * before)
    if len(squeezed(prepared.text)) < wanted:  # no more tokens than characters
        return None
    return before if prepared.text_tokens >= wanted else None


def _unstated_reading(
    first: Extracted, before: int, main: str, prepared: PreparedTree, reading: Reading
) -> Extracted:
    """`first` (`before` tokens) with the rows of the main content (`main`) that the line
    classifier keeps and it does not, when they make it UNSTATED_GAIN to UNSTATED_MAX_GAIN
    times as long and at least UNSTATED_MIN_MORE tokens longer (a page that names its author
    is not read again: more_readings); else `first`."""
    least = max(UNSTATED_MIN_MORE, (UNSTATED_GAIN - 1) * before)  # tokens to add, at least
    rows = _rows(main)
    missing = _missing(first, rows)
    if _tokens([rows[i] for i in missing]) < least:  # not even if every row were kept
        return first
    added = _kept_by_all(rows, missing, (_fast_reading(main, reading),))
    more = _tokens([rows[i] for i in added])  # the tokens the rows add
    if not least <= more <= (UNSTATED_MAX_GAIN - 1) * before:
        return first
    return with_added(first, rows, added, SECOND_READING)


def _with_agreement(
    first: Extracted, rows: list[str], markup: str, fast: tuple[str, ...], reading: Reading
) -> Extracted:
    """`first`, with the visible lines the three other readings all keep added in page
    order: the fast reading, trafilatura's balanced setting and readability-lxml's."""
    tree = parse_page(Page("html", markup, reading.options.url), None).tree
    settings = Settings(reading.options.url, True, "balanced")
    balanced = read_tree(tree, settings) if tree is not None else None
    if balanced is None:
        return first
    readers = (fast, (balanced.text,), (readability_text(markup),))
    return _with_rows(first, rows, readers, AGREEMENT)


def _with_rows(first: Extracted, rows: list[str], readers: tuple, suffix: str) -> Extracted:
    """`first` with the page's visible rows that every reader keeps and it does not."""
    added = _kept_by_all(rows, _missing(first, rows), readers)
    return with_added(first, rows, added, suffix) if added else first


def _kept_by_all(rows: list[str], indexes: list[int], readers: tuple) -> set[int]:
    """Those of the rows at `indexes` that every reader keeps."""
    others = [Lines(r) for r in readers]
    return {i for i in indexes if all(o.holds(key_of(rows[i])) for o in others)}


def _missing(first: Extracted, rows: list[str]) -> list[int]:
    """The indexes of the rows `first` does not hold (but a bullet or a digit)."""
    whole = {key_of(p) for p in first.paragraphs}  # a row held whole: no search of the text
    kept = key_of("\n".join(first.paragraphs))
    return [
        i
        for i, row in enumerate(rows)
        if len(key := key_of(row)) >= MIN_LINE_CHARS and key not in whole and key not in kept
    ]
