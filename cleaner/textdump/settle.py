"""The text-dump extractor's last step: the kept lines, normalized, read again as a dump of
their own (the title first) until they and the title stay, so that cleaning clean output
changes nothing. A line a later reading drops is recorded at its line of the input."""

from __future__ import annotations

from dataclasses import replace

from ..model import Extracted, Reading, Removal
from ..normalize import normalize, normalize_paragraph
from .extract import DUMP, extract_text
from .fields import as_shown

SETTLE_PASSES = 3  # readings of the kept lines, at most, until they stay
TITLE_LEFT_OUT = "navigation"  # the reason of a line a reading drops without giving one (a
# title line it does not show; a subheading it shows as its title, where the title stays)


def settle(first: Extracted, reading: Reading) -> Extracted:
    """`first`, normalized, read again until its lines, then its title as the document shows
    it (fields.as_shown), stay (at most SETTLE_PASSES times): a title that clean output read
    again shows otherwise, or not at all (`互联网Re：互联网»互联网` reads as a breadcrumb once
    normalized), is the one shown."""
    current = _normalized(first)
    for _ in range(SETTLE_PASSES):
        shown = as_shown(current.title, reading.cues)  # what clean output's first line is
        head = [shown] if shown else []
        body_start = len(head) + 1  # the dump's line of paragraph 0
        again = extract_text("\n".join(head + list(current.paragraphs)), reading, None,
                             with_metadata=False)  # fmt: skip
        kept = [n - body_start for n in again.lines if n >= body_start]
        again_shown = as_shown(again.title, reading.cues)
        if head:  # the title line read back as the body's first line: the same text
            same_title = again_shown == shown or again.lines[:1] == (1,)
        else:  # the first paragraph read as the title, as it stands: it stays a paragraph
            opens = again.title_line == 1 and current.paragraphs[:1] == (again_shown,)
            kept[:0] = [0] if opens else []
            same_title = opens or again_shown is None
        lines_stay = len(kept) == len(current.paragraphs)
        if lines_stay and same_title:
            break
        # the lines settle first: a title read beside lines that are still to go is no answer
        # (a subheading read as the title of what follows it), unless there is no title yet
        # (then whatever title the reading shows comes from a paragraph: as it stands, or the
        # headline of the first, `Headline-Site`)
        from_body = (again.title_line or 0) >= body_start or (not head and bool(again.title))
        keep_title = same_title or (not lines_stay and (bool(head) or not from_body))
        current = _reread(current, again, kept, body_start, keep_title, reading.options.explain)
    return current


def _reread(current: Extracted, again: Extracted, kept: list[int], body_start: int,
            keep_title: bool, explain: bool) -> Extracted:  # fmt: skip
    """`current` as its reading `again` (of its title line, then its paragraphs from
    `body_start`) keeps it: the paragraphs in `kept`, and the title `again` shows (from a
    paragraph, `chosen`, or none) unless `keep_title`; the lines it drops recorded at their
    input lines."""
    at = again.title_line or 0
    chosen = at - body_start if at >= body_start and not keep_title else None
    gone = set(range(len(current.paragraphs))) - set(kept) - {chosen}
    later = [replace(r, line=current.lines[r.line - body_start])
             for r in again.removed if r.line - body_start in gone]  # fmt: skip
    if explain:  # a line the reading shows as its title, where the title stays, goes too
        given = {r.line - body_start for r in again.removed}
        later += [Removal(current.lines[i], current.paragraphs[i], TITLE_LEFT_OUT, "", DUMP.of)
                  for i in sorted(gone - given)]  # fmt: skip
    title, title_line = current.title, current.title_line
    if not keep_title:
        title = again.title
        if (title is None or chosen is not None) and title_line is not None:
            later += _title_removal(current, again) if explain else []  # shown no more
            title_line = None
        if chosen is not None:  # a paragraph read as the title
            title_line = current.lines[chosen]
    removed = tuple(sorted(current.removed + tuple(later), key=lambda r: r.line))
    return replace(
        current, title=title, title_line=title_line,
        metadata=replace(current.metadata, title=title),
        paragraphs=tuple(current.paragraphs[i] for i in kept),
        lines=tuple(current.lines[i] for i in kept), removed=removed,
    )  # fmt: skip


def _title_removal(current: Extracted, again: Extracted) -> list[Removal]:
    """The record of a title line a reading of the clean output no longer shows: its reason
    as that reading gives it (the line is its dump's first)."""
    given = next((r for r in again.removed if r.line == 1), None)
    line, text = current.title_line, current.title or ""
    if given is not None:
        return [replace(given, line=line, text=text)]
    return [Removal(line, text, TITLE_LEFT_OUT, "", DUMP.of)]


def _normalized(extracted: Extracted) -> Extracted:
    """Paragraphs and title as the output shows them (see normalize), lines kept aligned."""
    paragraphs = normalize(extracted.paragraphs)  # one pass; it drops what normalizes away
    lines = extracted.lines
    if len(paragraphs) != len(extracted.paragraphs):
        pairs = [(normalize_paragraph(p), n) for p, n in zip(extracted.paragraphs, lines,
                                                             strict=True)]  # fmt: skip
        paragraphs = tuple(p for p, _ in pairs if p)
        lines = tuple(n for p, n in pairs if p)
    title = normalize_paragraph(extracted.title) if extracted.title else None
    return replace(extracted, title=title or None, paragraphs=paragraphs, lines=lines)
