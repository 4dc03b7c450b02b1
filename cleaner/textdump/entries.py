"""A shop's or a catalogue's grid of entries in a dump: each entry a few short lines (a
brand, a name, a price), which the line classifier reads as a menu, so that a collection
page's dump kept nothing or a stray line. When the body it keeps is thin and the dump holds
a run of price lines at a steady step (`price_line` in rules/generic/common.txt), the
entries' lines are kept too (method `+entries`).

Measured (mean F1, `cleaner eval`): wcxb-dev-text 0.723 -> 0.737 (collection 0.509 -> 0.617,
listing 0.549 -> 0.571, product 0.635 -> 0.623: 9 pages better, by +0.19 to +1.00, 4 worse,
two product pages whose related-products grid outweighs a short description and two
collections whose gold keeps only their introduction); the four other text sets unchanged
(no page moved); the HTML readings that go through the line classifier too: wcxb-dev 0.824
-> 0.825 (two pages), `--fast` on wcxb-dev 0.761 -> 0.772 (8 better, 2 worse). Entries kept
when they outweigh the body at least 0.5 times: 0.7316, twice: 0.7292; 6 prices at least:
0.7317; a thin body under 100 words: 0.7315, under 400: 0.7330 (the same pages).

On a page that states a listing or a collection (LIST_KINDS: its address, its markup), any
short line each entry repeats marks a grid too: a job's age (`18d`), a count (`12 trails`), a
button (`Add to cart`), a story's number (`3.`), provided half the entries have a title (a
line of TITLE_WEIGHT). wcxb-dev-text 0.7588 -> 0.7650 (8 pages better by +0.03 to +0.60: job
boards, link aggregators, a recipe index, a shop; one worse, 0.37 -> 0.23, a job board whose
grid of featured jobs the gold leaves out), `--fast` on wcxb-dev 0.7987 -> 0.8044 (7 better,
the same one worse); the default HTML readings and the other four sets unchanged (no page
moved). Without the titles: a mega menu's `Shop all` under groups of one-word links won on two
pages (0.72 -> 0.00, 0.53 -> 0.40); the menus' entries have a title at most a third of the
time, a listing's of short titles (Hacker News's) 0.87 to 0.93: with every entry's title
asked, that listing was no grid (TITLED 1.0: 0.14; 0.5: 0.97)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from ..rules.cues import CueSet
from .features import LineInfo, checked_cue
from .headline import is_bar

ENTRIES = "+entries"  # the method's suffix when a grid's lines were kept
MIN_ENTRIES = 4  # price lines in a run: fewer are a product's own price and its options
MAX_ENTRY_LINES = 8  # a longer stretch between two prices ends the run (a spec sheet's rows
# or a description stand between: no grid)
THIN_BODY_WEIGHT = 200.0  # a body under this weight (about 200 words) may be a grid's page
ENTRIES_OVER_BODY = 1.0  # the entries are kept when their weight is at least the body's
PRICE_MAX_CHARS = 60  # no price line is longer (the patterns bound themselves too)
SHAPE_MAX_CHARS = 40  # on a page of entries, a line each entry repeats (its age, a count, a
# place, a button) is short; a longer one is an entry's own text
TITLE_WEIGHT = 3.0  # ... and an entry's title is a line of three words at least: a mega menu
# repeats its `Shop all` under groups of one- and two-word links (2 let two menus win; 3 and
# 4 give the same pages)
TITLED = 0.5  # ... as many such lines as half the entries at least (menus: a third at most)
GRID_TRIES = 8  # runs tried, the longest first, until one makes a grid: a page of many short
# repeated lines (a table's cells) stays linear
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Entries:
    """The lines of a grid of entries that the body left out (indexes into the dump), and how
    many entries its run of markers (price lines, or a line each entry repeats) counts."""

    lines: tuple[int, ...]
    entries: int


def entry_grid(
    infos: Sequence[LineInfo], body: tuple[int, ...], cues: CueSet, listed: bool = False
) -> Entries | None:
    """The grid's lines the body lacks, when they outweigh it (see the module's docstring);
    None when the dump has no grid or its body is not thin beside it. The dump's first line
    (its page title) is never an entry. `listed`: a page of entries (a listing's, a
    collection's), whose grid is found by any short line each entry repeats too, not only by
    a price: the longest run that makes a grid is taken (a price's on a tie)."""
    body_weight = sum(infos[i].weight for i in body)
    if body_weight >= THIN_BODY_WEIGHT:
        return None  # (most dumps: their prices are not looked for)
    content = [info for info in infos if info.text][1:]
    runs = [(_longest_run(_price_positions(content, cues)), False)]
    if listed:
        runs += [(_longest_run(positions), True) for positions in _shapes(content)]
    tried = sorted(runs, key=lambda found: -len(found[0]))[:GRID_TRIES]
    kept = set(body)
    for run, shaped in tried:
        if len(run) < MIN_ENTRIES:
            break
        added = _added(content, run, kept, cues)
        if sum(infos[i].weight for i in added) < ENTRIES_OVER_BODY * body_weight or not added:
            continue
        if shaped and sum(infos[i].weight >= TITLE_WEIGHT for i in added) < TITLED * len(run):
            continue  # entries without titles: a menu's groups, `Shop all` under each
        return Entries(added, len(run))
    return None


def _added(
    content: list[LineInfo], run: list[int], kept: set[int], cues: CueSet
) -> tuple[int, ...]:
    """The lines of the grid a run marks (_entry_span) that no cue matches, no menu's line is
    (a bar of links above the first entry, `new | past | comments | ask`: headline.is_bar),
    and the body lacks."""
    span = _entry_span(content, run, cues)
    for position in span:  # each line's cue matched once a page
        content[position] = checked_cue(content[position], cues)
    return tuple(
        info.index
        for info in (content[position] for position in span)
        if info.cue is None and info.index not in kept and not is_bar(info.text)
    )


def _entry_span(content: list[LineInfo], run: list[int], cues: CueSet) -> range:
    """The positions of the grid's entries: the run, and as many lines beside it as an entry
    has beside its markers, above the first (a price ends an entry) or below the last (a
    number opens one: _opens). An entry's markers may stand together (a sale price over the
    regular one): the entries' step is the median distance between each entry's first
    marker, and their markers the median number together."""
    firsts = [n for n, (a, b) in enumerate(zip([run[0] - 2, *run], run, strict=False)) if b - a > 1]
    if len(firsts) < 2:
        return range(run[0], run[-1] + 1)  # one cluster of markers (a price table)
    step = median(run[b] - run[a] for a, b in zip(firsts, firsts[1:], strict=False))
    together = median(b - a for a, b in zip(firsts, [*firsts[1:], len(run)], strict=False))
    beside = max(0, int(step - together))
    if _opens(content, [run[n] for n in firsts], cues):
        return range(run[0], min(len(content), run[-1] + 1 + beside))
    return range(max(0, run[0] - beside), run[-1] + 1)


def _opens(content: list[LineInfo], heads: list[int], cues: CueSet) -> bool:
    """Whether each entry's markers open it: the line above the first entry's is unlike the
    lines above the others' by its cue's reason (a menu's bar over the first story's number,
    the story before, its stamp a forum cue, over the next's), or there is none."""
    if heads[0] == 0:
        return True

    def above(position: int) -> str | None:
        info = content[position - 1] = checked_cue(content[position - 1], cues)
        return info.cue.reason if info.cue else None

    usual = Counter(above(position) for position in heads[1:]).most_common(1)[0][0]
    return above(heads[0]) != usual


def _price_positions(content: list[LineInfo], cues: CueSet) -> list[int]:
    patterns = cues.field_patterns("price_line")
    if not patterns:
        return []
    return [
        position
        for position, info in enumerate(content)
        if len(info.text) <= PRICE_MAX_CHARS and any(p.search(info.text) for p in patterns)
    ]


def _shapes(content: list[LineInfo]) -> list[list[int]]:
    """The positions of each short line's shape (lowercased, its numbers alike: `18d` and
    `3d`, `12 trails` and `4 trails`) that recurs MIN_ENTRIES times or more."""
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for position, info in enumerate(content):
        if len(info.text) <= SHAPE_MAX_CHARS:
            positions[_DIGITS.sub("0", info.text.lower())].append(position)
    return [found for found in positions.values() if len(found) >= MIN_ENTRIES]


def _longest_run(positions: list[int]) -> list[int]:
    """The longest run of positions with at most MAX_ENTRY_LINES between neighbours."""
    best: list[int] = []
    run: list[int] = []
    for position in positions:
        if run and position - run[-1] > MAX_ENTRY_LINES:
            run = []
        run.append(position)
        if len(run) > len(best):
            best = list(run)
    return best
