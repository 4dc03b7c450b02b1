"""The text-dump extractor: classify the lines, pick the title, read the metadata the dump
states (settle.py then reads the kept lines again until they stay)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Extracted, Metadata, Reading, Removal
from ..rules.cues import CueSet
from ..rules.text import RuledText
from .body import CODE_KINDS, LIST_KINDS, Verdict, classify, line_score, mark_furniture
from .entries import ENTRIES, Entries, entry_grid
from .features import LineInfo, Mark, describe_all
from .fields import (
    META_REASONS,
    address_names,
    find_date,
    find_field,
    split_page_title,
    stands_as_title,
    without_labels,
)
from .headline import headline_anchor
from .items import PROSE_BULLET_KINDS, PROSE_ITEM_KINDS, neutral_prose_items, unbullet_prose
from .named import named_tails
from .title import choose_title, shown_title, title_repeats

METADATA_WINDOW = 6  # body lines at the top and bottom searched for date/author too
TITLE_REPEAT_PASSES = 3  # a new body can bring a new repeat to its top; this settles it
HEAD_WINDOW = 20  # lines above the body searched for date/author/source


@dataclass(frozen=True)
class LineSource:
    """What the lines the extractor reads are: what a line number counts (model.POSITIONS)
    and the method the result names; `code`: a documentation page's code lines are body
    there (body.CODE_KINDS), as in a dump or a page's visible text read on its own, but not
    in a second reading whose lines are added beside trafilatura's, which holds the page's
    code in a form of its own (a table's rows, a block)."""

    of: str
    method: str
    code: bool = True


DUMP = LineSource("input", "text-lines")  # a text dump's own lines
LEAD_IN = ":："  # a title chosen from a line that ends in a colon shows without it: a post's
# opening line that restates its headline as a lead-in (`A few quick pre-sale questions:`)
# (a match starts only where a run of them does: else a long run of spaces inside a line is
# scanned again from each of its characters)
_LEAD_IN_END = re.compile(f"(?<![\\s{LEAD_IN}])[\\s{LEAD_IN}]+$")
TITLE_MARK_PASSES = 4  # labels and lead-in colons taken off in turn, until none is left
# a list's number before a title chosen from a numbered line (a breadcrumb's `4. Topic`)
_NUMBERED = re.compile(r"\d{1,3}[.)]\s+(?=\S+\s+\S)")
TITLE_REPEAT = Mark("title-repeat")


def extract_text(
    text: str,
    reading: Reading,
    ruled: RuledText | None = None,
    with_metadata: bool = True,
    source: LineSource = DUMP,
) -> Extracted:
    """Body, title and metadata (unless `with_metadata` is off) of a dump; `ruled` is the
    dump after a site rule's cuts and rewrites (its removed lines arrive blank, its title
    line is taken as the title); on a thread the posts are the body (see body.classify);
    `source`: what the lines are, for the trail and the method named."""
    cues, explain, thread = reading.cues, reading.options.explain, reading.page_kind.thread
    entries = reading.page_kind.kind in LIST_KINDS
    code = source.code and reading.page_kind.kind in CODE_KINDS
    names = address_names(reading.options.url)  # a title's part that names the site
    lines = _described(ruled.text if ruled is not None else text, reading)
    anchor = headline_anchor(lines, cues, names)
    verdict = classify(lines, cues, explain, anchor, thread, entries=entries, code=code)
    named = named_tails(verdict.lines, cues, names, verdict.start, verdict.end)
    if named is not verdict.lines:  # a heading in the body opens its author's or site's tail
        verdict = classify(named, cues, explain, anchor, thread, entries=entries, code=code)
    grid = entry_grid(verdict.lines, verdict.body, cues, listed=entries)
    seen = _from_grid(verdict, grid)  # the title is looked for above the entries too
    title_index = ruled.title_index if ruled and ruled.title_index is not None else None
    title = verdict.lines[title_index].text if title_index is not None else None
    if title_index is None:  # the title shown may be the page <title>'s headline instead
        title_index = choose_title(seen.lines, seen, cues, names)
        line = seen.lines[title_index].text if title_index is not None else None
        title = shown_title(seen.lines, line, title_index, cues, names)
        title = _unmarked(title, seen.lines, cues) if title else None
    for _ in range(TITLE_REPEAT_PASSES):
        repeats = title_repeats(verdict, title, title_index)
        if not repeats:
            break
        marked = list(verdict.lines)  # choose the body again with the repeats as neutral lines
        for index in repeats:
            marked[index] = marked[index]._replace(cue=TITLE_REPEAT)
        verdict = classify(marked, cues, explain, anchor, thread, entries=entries, code=code)
    chosen = Chosen(title, title_index)
    return _extracted(verdict, chosen, reading, ruled, with_metadata, source, grid)


def _unmarked(title: str, lines: list[LineInfo], cues: CueSet) -> str | None:
    """A title chosen from a dump's line as a reader is shown it: without the colons of a
    lead-in (LEAD_IN; those the document's title shows last once its labels are gone too:
    fields.without_labels), and without a list's number the page's <title> line (the dump's first)
    does not give it (`4. Forum statistics bug …` in a breadcrumb; `5. Data Structures`, its
    <title> numbered too, keeps it); as it stands when what is left is a line a cue drops
    (`2024:` is no counter, `2024` is: read again, clean output would lose its title) or holds
    no letter or digit."""
    bare, shown = _LEAD_IN_END.sub("", title), title
    for _ in range(TITLE_MARK_PASSES):  # the labels and colons the shown title loses, all
        shown, before = _LEAD_IN_END.sub("", without_labels(shown, cues)), shown
        if shown == before:
            break
    if without_labels(bare, cues) != shown:  # (`互联网:():`: a colon that a label hid)
        bare = shown
    number = _NUMBERED.match(bare)
    if number:
        first = next((info.text for info in lines if info.text), "")
        if not first.startswith(number.group()):
            bare = bare[number.end() :]
    if not bare:
        return None
    return bare if bare == title or stands_as_title(bare, cues) else title


def _described(text: str, reading: Reading) -> list[LineInfo]:
    """The dump's lines with their features (cue matches deferred), read as the page's kind
    reads them: a thread's furniture marked, a product's bulleted prose a paragraph, an
    article's a PROSE_ITEM."""
    lines = describe_all(text, reading.cues, defer=True)
    if reading.page_kind.thread:
        lines = mark_furniture(lines)
    if reading.page_kind.kind in PROSE_BULLET_KINDS:
        lines = unbullet_prose(lines)
    elif reading.page_kind.kind in PROSE_ITEM_KINDS:
        lines = neutral_prose_items(lines)
    return lines


@dataclass(frozen=True)
class Chosen:
    """The title shown (the line chosen, or the page <title>'s headline: title.shown_title)
    and the index of the line chosen (or of a site rule's title_line)."""

    text: str | None
    index: int | None


def _extracted(
    verdict: Verdict,
    chosen: Chosen,
    reading: Reading,
    ruled: RuledText | None,
    with_metadata: bool,
    source: LineSource,
    grid: Entries | None,
) -> Extracted:
    """The Extracted of a verdict: the body below the title line (and a grid's entries, see
    entries.py), the title shown (see title.shown_title), the metadata and, with --explain,
    every line left out."""
    cues, url = reading.cues, reading.options.url
    title, title_index = chosen.text, chosen.index
    infos = list(verdict.lines)
    body, removed = _settled_body(verdict, infos, title_index)
    method = source.method
    added = [i for i in grid.lines if i != title_index and infos[i].cue is None] if grid else []
    if added:  # a shop's grid of entries the classifier read as a menu
        body = sorted({*body, *added})
        for index in added:
            removed.pop(index, None)
        method += ENTRIES
    paragraphs = [infos[index].text for index in body]
    metadata = _metadata(infos, verdict, title, cues, url) if with_metadata else Metadata()
    removals: tuple[Removal, ...] = ()
    shown = (
        title_index if title_index is not None and infos[title_index].text == title else None
    )  # a line chosen but not shown as the title is a removed line
    if reading.options.explain:  # a record per removed line is costly: built on request
        removals = _removals(infos, removed, shown, ruled, source.of)
    lines = tuple(i + 1 for i in body)
    title_line = shown + 1 if shown is not None else None
    return Extracted(title, tuple(paragraphs), metadata, removals, method, lines=lines,
                     title_line=title_line)  # fmt: skip


def _from_grid(verdict: Verdict, grid: Entries | None) -> Verdict:
    """The verdict as the title sees it: its body starting at a grid's first line if that
    stands above it, so that the title is looked for above the entries (cleaning the output
    again, whose body starts at them, then finds the same title)."""
    if grid is None or (0 <= verdict.start <= grid.lines[0]):
        return verdict
    return replace(verdict, start=grid.lines[0])


def _settled_body(
    verdict: Verdict, infos: list[LineInfo], title: int | None
) -> tuple[list[int], dict[int, str]]:
    """The body below the title, without short lines left dangling at either end (a densest
    run never starts or ends on a negative line; removing the title can leave one there),
    and the reasons of every line left out."""
    body = [i for i in verdict.body if title is None or i > title]
    removed = dict(verdict.removed)
    while body and line_score(infos[body[-1]]) < 0:
        removed[body.pop()] = "navigation"
    while body and line_score(infos[body[0]]) < 0:
        removed[body.pop(0)] = "navigation"
    kept = set(body)
    for i in verdict.body:
        if i != title and i not in kept:
            removed.setdefault(i, "navigation")
    return body, removed


def _removals(
    infos: list[LineInfo],
    left_out: dict[int, str],
    title_index: int | None,
    ruled: RuledText | None,
    of: str,
) -> tuple[Removal, ...]:
    """A record per line left out (`left_out`: the reasons by index; `of`: what the lines are),
    the title's line aside; a line the site rule cut shows its text before the cut."""
    removed = dict(left_out)
    removed.pop(title_index, None)
    by = {i: infos[i].cue.origin for i in removed if infos[i].cue is not None}
    if ruled is not None:
        lines = ruled.text.split("\n")
        for effect in ruled.effects:
            if effect.after is None:
                removed[effect.line - 1] = ruled.removed[effect.line - 1]
                by[effect.line - 1] = effect.where
                lines[effect.line - 1] = effect.before
        texts = {i: (infos[i].text or lines[i].strip()) for i in removed}
    else:
        texts = {i: infos[i].text for i in removed}
    return tuple(
        Removal(i + 1, texts[i], why, by.get(i, ""), of) for i, why in sorted(removed.items())
    )


def _metadata(
    infos: list[LineInfo], verdict: Verdict, title: str | None, cues: CueSet, url: str | None
) -> Metadata:
    start = verdict.start if verdict.start >= 0 else len(infos)
    head = [i.text for i in infos[max(0, start - HEAD_WINDOW) : start] if i.text]
    body = [infos[i].text for i in verdict.body]
    edges = body[:METADATA_WINDOW] + body[-METADATA_WINDOW:]
    tagged = [i.text for i in infos if i.cue is not None and i.cue.reason in META_REASONS]
    near = tagged + head + edges
    sitename = find_field("sitename", near, cues)
    first_line = next((i.text for i in infos if i.text), None)
    if sitename is None and first_line:
        sitename = split_page_title(first_line, address_names(url))[1]
    return Metadata(
        title=title,
        date=find_date(tagged + head + edges, cues),
        author=find_field("author", near, cues),
        sitename=sitename,
        url=url,
    )
