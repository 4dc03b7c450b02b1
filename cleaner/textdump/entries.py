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
0.7317; a thin body under 100 words: 0.7315, under 400: 0.7330 (the same pages)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from ..rules.cues import CueSet
from .features import LineInfo, checked_cue

MIN_ENTRIES = 4  # price lines in a run: fewer are a product's own price and its options
MAX_ENTRY_LINES = 8  # a longer stretch between two prices ends the run (a spec sheet's rows
# or a description stand between: no grid)
THIN_BODY_WEIGHT = 200.0  # a body under this weight (about 200 words) may be a grid's page
ENTRIES_OVER_BODY = 1.0  # the entries are kept when their weight is at least the body's
PRICE_MAX_CHARS = 60  # no price line is longer (the patterns bound themselves too)


@dataclass(frozen=True)
class Entries:
    """The lines of a grid of entries that the body left out (indexes into the dump), and how
    many price lines the grid has."""

    lines: tuple[int, ...]
    prices: int


def entry_grid(infos: Sequence[LineInfo], body: tuple[int, ...], cues: CueSet) -> Entries | None:
    """The grid's lines the body lacks, when they outweigh it (see the module's docstring);
    None when the dump has no grid or its body is not thin beside it. The dump's first line
    (its page title) is never an entry."""
    body_weight = sum(infos[i].weight for i in body)
    if body_weight >= THIN_BODY_WEIGHT:
        return None  # (most dumps: their prices are not looked for)
    content = [info for info in infos if info.text][1:]
    prices = _price_positions(content, cues)
    run = _longest_run(prices)
    if len(run) < MIN_ENTRIES:
        return None
    step = int(median(b - a for a, b in zip(run, run[1:], strict=False)))
    start = max(0, run[0] - (step - 1))  # an entry's lines above its price
    kept = set(body)
    span = [checked_cue(info, cues) for info in content[start : run[-1] + 1]]
    added = tuple(info.index for info in span if info.cue is None and info.index not in kept)
    weight = sum(infos[i].weight for i in added)
    if not added or weight < ENTRIES_OVER_BODY * body_weight:
        return None
    return Entries(added, len(run))


def _price_positions(content: list[LineInfo], cues: CueSet) -> list[int]:
    patterns = cues.field_patterns("price_line")
    if not patterns:
        return []
    return [
        position
        for position, info in enumerate(content)
        if len(info.text) <= PRICE_MAX_CHARS and any(p.search(info.text) for p in patterns)
    ]


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
