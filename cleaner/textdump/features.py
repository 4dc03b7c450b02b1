"""Per-line features of a text dump: how much text a line holds and how sentence-like it is,
and which lines are a table's rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..rules.cues import Cue, CueSet
from ..scripts import CJK_RUN, cjk_chars
from .counts import row_counts

CJK_WORD_RATIO = 0.6  # a Han/kana/hangul character carries about 0.6 of a Latin word
SHORT_WEIGHT = 5.0  # lighter than this: a menu item, a label or a heading
PROSE_ITEM = 2  # a bulleted line of an article that reads as prose (see body.PROSE_ITEM_SCORE)
ORDERED_ITEM_WEIGHT = 10.0  # a numbered line lighter than this is a list item (a headline
# list "1. …", "2. …"), heavier ones numbered paragraphs

TABLE_ROWS = 3  # a table is this many rows or more, each of the same number of tab-separated
TABLE_CELLS = 3  # cells, this many or more (see table_rows)

_BULLETS = frozenset("•·▪◦●○■□◆◇►▶*‣")
_ORDERED = re.compile(r"\d{1,3}([.)]\s|·)")  # "1. " / "2) " / "1·": an ordered list's item
# marker (the middle dot is a Chinese site's: `1·小伙子哈不错！`; zh-cwced --fast, a blog's
# latest comments above its post, one page 0.716 -> 0.736, no other page of the ten readings moved)
_STRIP = " \t\r\n\u3000\u00a0\ufeff\u200b"
_tuple_new = tuple.__new__


@dataclass(frozen=True)
class Mark:
    """A reason the extractor gives a line itself, no pattern having matched it (a repeat of
    the title): the classifier reads the line as it reads a drop_line cue's."""

    reason: str
    kind: str = "drop_line"
    origin: str = ""


class LineInfo(NamedTuple):
    index: int  # 0-based position in the dump
    text: str  # stripped
    weight: float  # Latin words + CJK characters * CJK_WORD_RATIO
    cjk: int
    sentence_ends: int
    commas: int
    bullet: int  # 0 (False): no list item; 1 (True): one; PROSE_ITEM: an article's prose in one
    cue: Cue | Mark | None
    checked: bool = True  # False: a short line whose cue match was deferred (see body.classify)

    @property
    def punctuated(self) -> bool:
        return self.sentence_ends > 0 or self.commas > 1


class _Remembered(dict):
    """Row -> its features, for rows met before: the kept lines of a dump are read again as
    a dump of their own (settle.py), most of them unchanged. Bounded by ROW_CACHE_CHARS.
    Kept as plain tuples of numbers (weight, cjk, sentence_ends, commas, bullet), which the
    garbage collector stops tracking: as LineInfos (a tuple subclass, always tracked) the
    cache's 50,000 rows were walked by every full collection, 3% of an archive run's time."""

    chars = 0

    def cache_clear(self) -> None:
        self.clear()
        self.chars = 0


ROW_CACHE_CHARS = 4_000_000  # characters of rows whose features are remembered (a few
# hundred pages' bodies; the cache is emptied when a dump would take it past this)
_ROWS = _Remembered()


def forget_rows() -> None:
    """Forget every row's remembered features (a benchmark measures its pages cold)."""
    _ROWS.cache_clear()


def describe_all(text: str, cues: CueSet, defer: bool = False) -> list[LineInfo]:
    """Features of every line of a dump (rows met before from _ROWS). With `defer`, the cue
    match (the most expensive step) waits until `checked_cue` asks for it: most lines of a
    dump are far from its body. Rows are remembered stripped: a line's features do not
    change with the spaces around it, and the re-read meets most of them normalized."""
    rows = [row.strip(_STRIP) for row in text.splitlines()]
    known = list(map(_ROWS.get, rows))
    if None in known:  # rows not met before
        new = [row for row, features in zip(rows, known, strict=True) if features is None]
        added = sum(map(len, new))
        if _ROWS.chars + added > ROW_CACHE_CHARS:
            _ROWS.cache_clear()
        _ROWS.chars += added
        fresh = dict(zip(new, _features(new), strict=True))
        _ROWS.update(fresh)
        known = [features or fresh[row] for row, features in zip(rows, known, strict=True)]
    infos = [
        _tuple_new(LineInfo, (i, row, *features, None, not row))
        for i, (row, features) in enumerate(zip(rows, known, strict=True))
    ]  # tuple.__new__: LineInfo's own __new__ is a Python call per row
    return infos if defer else [checked_cue(info, cues) for info in infos]


def _features(rows: list[str]) -> list[tuple[float, int, int, int, int]]:
    """Each row's features but its text (rows stripped, as describe_all gives them): weight,
    CJK characters, sentence ends, commas, list item; the counts come column by column over
    the whole text (see counts.py)."""
    counts = row_counts(rows)
    ends = [  # a Latin '.' ends a sentence before a space or at the end of the line
        n + t.count(". ") + t.endswith(".") for n, t in zip(counts.ends, rows, strict=True)
    ]
    weights = [w + c * CJK_WORD_RATIO for w, c in zip(counts.words, counts.cjk, strict=True)]
    columns = zip(rows, weights, counts.cjk, ends, counts.commas, strict=True)
    return [(w, c, e, m, _listed(t, w)) for t, w, c, e, m in columns]


def line_cues(rows: list[str], cues: CueSet) -> list[tuple[str, Cue | None]]:
    """Each row, stripped, with the cue it matches: for text that is not classified (an
    extractor's output), only the two features a cue match reads are computed."""
    stripped = [row.strip(_STRIP) for row in rows]
    counts = row_counts(stripped)
    return [
        (t, cues.match(t, c > 0, _latin(w + c * CJK_WORD_RATIO, c)) if t else None)
        for t, c, w in zip(stripped, counts.cjk, counts.words, strict=True)
    ]


def line_weight(line: str) -> float:
    """One line's weight as the title and heading checks read it: its space-separated words
    (a CJK run parts them), and its CJK characters at CJK_WORD_RATIO each. Not the rows'
    weight in _features, which counts letter runs (`foo-bar baz` 3 there, 2 here; `12:30 pm`
    1 there, 2 here): the thresholds of each were measured with its own."""
    return len(CJK_RUN.sub(" ", line).split()) + cjk_chars(line) * CJK_WORD_RATIO


def _listed(text: str, weight: float) -> bool:
    """A list item: a bullet, or an ordered list's number before a short item (a long one
    is a numbered paragraph of the body)."""
    if text[:1] in _BULLETS:
        return True
    return text[:1].isdigit() and weight < ORDERED_ITEM_WEIGHT and _ORDERED.match(text) is not None


def checked_cue(info: LineInfo, cues: CueSet) -> LineInfo:
    """The same line with its cue match done."""
    if info.checked:
        return info  # matched already, or an empty line
    cue = cues.match(info.text, info.cjk > 0, _latin(info.weight, info.cjk))
    return _tuple_new(LineInfo, (*info[:-2], cue, True))  # _replace, without its overhead


def _latin(weight: float, cjk: int) -> bool:
    """Latin words outweigh the CJK characters."""
    return weight > 2 * cjk * CJK_WORD_RATIO


def table_rows(lines: Sequence[LineInfo]) -> list[int]:
    """The positions of the lines that are a table's rows: TABLE_ROWS lines or more in a row,
    each of the same number of tab-separated cells, TABLE_CELLS or more."""
    rows: list[int] = []
    run: list[int] = []
    width = 0
    for i, info in enumerate(lines):
        cells = sum(1 for cell in info.text.split("\t") if cell.strip()) if "\t" in info.text else 0
        if cells >= TABLE_CELLS and (not run or cells == width):
            run.append(i)
            width = cells
            continue
        if len(run) >= TABLE_ROWS:
            rows += run
        run, width = ([i], cells) if cells >= TABLE_CELLS else ([], 0)
    return rows + run if len(run) >= TABLE_ROWS else rows
