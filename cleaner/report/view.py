"""What a page report shows: every line the cleaner read, in order, with what became of it.

A text dump's lines are its input lines; an HTML page's are the blocks of its visible text (the
`<title>`, then a line per block, as `--fast` reads it). Each line is kept, removed (with the
reason and the directive that fired, from the explain trail), repaired, the title, or, on an
HTML page, left out by trafilatura's reading of the tree (with --fast: by resiliparse's
main-content heuristic).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..decode import decode_bytes
from ..model import Document, Options, Removal
from ..normalize import normalize_paragraph
from ..pipeline import clean
from ..rules import choose_rule
from ..sniff import sniff

STATUSES = ("title", "kept", "repaired", "rewritten", "removed", "left-out", "blank")
LEFT_OUT = "not-extracted"  # the reason of an HTML block trafilatura's reading left out
TRAFILATURA = "trafilatura"  # ... and what left it out
MAIN_CONTENT = "resiliparse main content"  # ... with --fast


@dataclass(frozen=True)
class ReportLine:
    number: int  # 1-based, in what the page's lines are (input lines or visible blocks)
    text: str
    status: str  # one of STATUSES
    reason: str = ""  # why it was removed or repaired
    by: str = ""  # file:line of the directive that removed it, if one did
    after: str | None = None  # a repaired line's text after repair


@dataclass(frozen=True)
class PageView:
    document: Document  # the page cleaned with the explain trail
    lines: tuple[ReportLine, ...]
    counts: str  # what the lines are: "input line" or "visible block"


def page_view(data: bytes, options: Options | None = None) -> PageView:
    """Clean `data` with the explain trail and mark every line it read (see the module)."""
    options = replace(options or Options(), explain=True)
    document = clean(data, options)
    page = sniff(decode_bytes(data, options.encoding, options.charset), options)
    if page.kind == "html":
        rows, reader = _visible_rows(page, options)
        return PageView(document, tuple(_html_lines(rows, document, reader)), "visible block")
    rows = page.text.splitlines()
    return PageView(document, tuple(_dump_lines(rows, document)), "input line")


def _visible_rows(page, options: Options) -> tuple[list[str], str]:
    """The page's visible blocks as the cleaner parsed it, and what may have left one out."""
    from ..html import LEXBOR, markup_visible_text, parse_page  # lxml loads for HTML only

    markup = parse_page(page, choose_rule(page, options).rule, options.fast)
    reader = MAIN_CONTENT if markup.parser == LEXBOR else TRAFILATURA
    return markup_visible_text(markup).splitlines(), reader


def _dump_lines(rows: list[str], document: Document) -> list[ReportLine]:
    removed = {r.line: r for r in document.removed if r.of == "input"}
    repairs = {r.line: r for r in document.repairs if r.of == "input" and r.after is not None}
    rewrites = {e.line: e for e in document.effects if e.of == "input" and e.after is not None}
    title_seen = False
    lines = []
    for number, row in enumerate(rows, 1):
        text = row.strip()
        if not text:
            lines.append(ReportLine(number, row, "blank"))
        elif number in removed:  # as the classifier read it (repaired, cut by the rule)
            lines.append(_removed(number, removed[number].text or text, removed[number]))
        elif not title_seen and _same(text, document.title):
            title_seen = True
            lines.append(ReportLine(number, text, "title"))
        elif number in repairs:
            repair = repairs[number]
            lines.append(ReportLine(number, text, "repaired", repair.how, after=repair.after))
        elif number in rewrites:
            effect = rewrites[number]
            lines.append(ReportLine(number, text, "rewritten", effect.directive, effect.where,
                                    effect.after))  # fmt: skip
        else:
            lines.append(ReportLine(number, text, "kept"))
    return lines


def _html_lines(rows: list[str], document: Document, reader: str) -> list[ReportLine]:
    kept = "\n".join(normalize_paragraph(p) for p in document.paragraphs)
    removals = [r for r in document.removed if r.text]
    title_seen = False
    lines = []
    for number, row in enumerate((r.strip() for r in rows), 1):
        plain = normalize_paragraph(row)
        if not plain:
            lines.append(ReportLine(number, row, "blank"))
        elif not title_seen and _same(row, document.title):
            title_seen = True
            lines.append(ReportLine(number, row, "title"))
        elif plain in kept:
            lines.append(ReportLine(number, row, "kept"))
        else:
            removal = _removal_of(row, plain, removals)
            lines.append(
                _removed(number, row, removal)
                if removal
                else ReportLine(number, row, "left-out", LEFT_OUT, reader)
            )
    return lines


def _removal_of(row: str, plain: str, removals: list[Removal]) -> Removal | None:
    """The removal a visible block belongs to: the same line, or the block (a comment section
    taken out of the tree) that holds it."""
    for removal in removals:
        if removal.text in (row, plain) or (removal.of == "block" and row in removal.text):
            return removal
    return None


def _removed(number: int, text: str, removal: Removal) -> ReportLine:
    return ReportLine(number, text, "removed", removal.reason, removal.by)


def _same(text: str, title: str | None) -> bool:
    return bool(title) and normalize_paragraph(text) == title
