"""Rows of a page's text compared across readings: which rows a reading holds, and a reading
with rows added where they stand on the page (the second readings, agreement.py; the
continued body blocks, continued.py)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from ..model import Extracted
from ..rules.cues import CueSet
from ..textdump.features import line_cues

PART_MIN_CHARS = 8  # a shorter row agrees with a reader only as a paragraph of its own:
# wcxb-dev .772 either way, magichtml-forum .753 -> .754 (rows matched across two paragraphs,
# or inside a longer word, no longer count); the first reading's own lines are still compared
# joined (a row it split in two is no row it lacks: joined per paragraph, wcxb-dev .765)
KEY_CACHE_CHARS = 2000  # a longer text (a reading's whole text) is keyed afresh: memory bounded
KEY_CACHE_SIZE = 4096  # rows remembered: a long page's, and those of the pages before it
ANCHOR_CHARS = 40  # a row this long (spaces aside) places added rows in the paragraph holding it
_SPACE = re.compile(r"[\s|\ue000-\uf8ff]+")  # lines are compared without spaces and table bars
# (trafilatura writes a table row `| a | b |`, resiliparse the same row `a\t\tb`), and without
# private-use characters, which trafilatura drops (a GBK page's user-defined indent, `\ue5e5`)


def with_added(first: Extracted, rows: list[str], added: set[int], suffix: str) -> Extracted:
    """`first` with the `added` rows where they stand, its method named with `suffix`."""
    paragraphs = merged(first.paragraphs, rows, added)
    return replace(first, paragraphs=paragraphs, method=first.method + suffix)


def merged(paragraphs: tuple[str, ...], rows: list[str], added: set[int]) -> tuple[str, ...]:
    """The paragraphs in their order, each added row after the paragraphs that stand above
    it on the page (a paragraph stands where the first visible row it holds does)."""
    out, pending = [], [(p, key_of(p)) for p in paragraphs]
    for i, row in enumerate(rows):
        if i in added:
            out.append(row)
            continue
        key = key_of(row)
        if key and any(key in k for _, k in pending):
            while pending:  # every paragraph up to the one that holds this row
                paragraph, held = pending.pop(0)
                out.append(paragraph)
                if key in held:
                    break
    return tuple(out + [p for p, _ in pending])


def placed_before(paragraphs: tuple[str, ...], rows: list[str], added: set[int]) -> tuple[str, ...]:
    """The paragraphs in their order, each added row before the paragraph that holds the
    next row after it that one holds (a heading before the paragraph it heads), after them
    all when none does. A row places only when a paragraph is it or holds it at ANCHOR_CHARS
    or longer (a short one, a breadcrumb's `Fitness & Exercise Training`, is found in many),
    and only in a paragraph at or after the last one placed."""
    keys = [key_of(p) for p in paragraphs]
    joined = "\x00".join(keys)  # searched from the last paragraph placed on, for a long row
    starts, places = list(accumulate((len(k) + 1 for k in keys[:-1]), initial=0)), {}
    for j, key in enumerate(keys):  # a paragraph's key -> where it stands (for a short row)
        places.setdefault(key, []).append(j)
    before: dict[int, list[str]] = {}
    waiting: list[str] = []
    at = 0
    for i, row in enumerate(rows):
        if i in added:
            waiting.append(row)
            continue
        key = key_of(row)
        if not key:
            continue
        if len(key) < ANCHOR_CHARS:  # a short row places only as a paragraph of its own
            where = places.get(key, ())
            k = bisect_left(where, at)
            found = where[k] if k < len(where) else None
        else:  # the first paragraph from `at` on that holds it
            position = joined.find(key, starts[at])
            found = bisect_right(starts, position) - 1 if position >= 0 else None
        if found is None:
            continue
        at = found
        if waiting:
            before.setdefault(at, []).extend(waiting)
            waiting = []
    out = [row for j, p in enumerate(paragraphs) for row in (*before.get(j, ()), p)]
    return tuple(out + waiting)


def uncued(rows: list[str], indexes: list[int], cues: CueSet) -> set[int]:
    """Those of the `indexes` whose row no cue marks (the rows a reading may add)."""
    cued = line_cues([rows[i] for i in indexes], cues)
    return {i for i, (_, cue) in zip(indexes, cued, strict=True) if cue is None}


def key_of(text: str) -> str:
    """A row as rows are compared: without spaces, table bars and private-use characters.
    A row's key is asked for by each reading it is compared with (wcxb-dev's man page: 4,975
    asks, 759 rows, 8 ms of 37): a short text's is remembered."""
    return _row_key(text) if len(text) <= KEY_CACHE_CHARS else _SPACE.sub("", text)


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _row_key(text: str) -> str:
    return _SPACE.sub("", text)


def forget_rows() -> None:
    """Forget the rows' remembered keys (a benchmark measures its pages cold)."""
    _row_key.cache_clear()


class Lines:
    """A reading's paragraphs, to ask whether one holds a visible row: a short row only as a
    paragraph of its own ("News" is no part of "Newsletter"), a longer one as a part of one
    paragraph (a reader may join rows), never across two."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.keys = tuple(map(key_of, paragraphs))  # each paragraph's key, in order
        self.joined = "\x00" + "\x00".join(self.keys) + "\x00"

    def holds(self, key: str) -> bool:
        if len(key) < PART_MIN_CHARS:
            return f"\x00{key}\x00" in self.joined
        return key in self.joined
