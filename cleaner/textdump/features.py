"""Per-line features of a text dump: how much text a line holds and how sentence-like it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..rules.cues import Cue, CueSet
from ..scripts import CJK_RUN

CJK_WORD_RATIO = 0.6  # a Han/kana/hangul character carries about 0.6 of a Latin word
SHORT_WEIGHT = 5.0  # lighter than this: a menu item, a label or a heading
ORDERED_ITEM_WEIGHT = 10.0  # a numbered line lighter than this is a list item (a headline
# list "1. …", "2. …"), heavier ones numbered paragraphs

_WORD = re.compile(r"[^\W\d_]+")  # a run of letters, once the CJK runs are markers
# and a Latin '.' before a space or at the end; Arabic-script, Devanagari, Armenian,
# Ethiopic and Burmese full stops and question marks too
_SENTENCE_END = re.compile("[。！？!?；;…۔؟؛।॥։።။]")
_COMMA = re.compile("[，、,：:،]")
_CJK_MARK, _WORD_MARK, _END_MARK, _COMMA_MARK = "\x01", "\x02", "\x03", "\x04"
_MARKERS_IN = re.compile("[\x01-\x04]")
_NO_MARKERS = str.maketrans("\x01\x02\x03\x04", "    ")
_BULLETS = frozenset("•·▪◦●○■□◆◇►▶*‣")
_ORDERED = re.compile(r"\d{1,3}[.)]\s")  # "1. " / "2) ": an ordered list's item marker
_STRIP = " \t\r\n\u3000\u00a0\ufeff\u200b"


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
    bullet: bool
    cue: Cue | Mark | None
    checked: bool = True  # False: a short line whose cue match was deferred (see body.classify)

    @property
    def punctuated(self) -> bool:
        return self.sentence_ends > 0 or self.commas > 1


class _Remembered(dict):
    """Row -> its features, for rows met before: the kept lines of a dump are read again as
    a dump of their own (extract.settle), most of them unchanged. Bounded by ROW_CACHE_CHARS."""

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
    known = [_ROWS.get(row) for row in rows]
    new = [row for row, info in zip(rows, known, strict=True) if info is None]
    added = sum(map(len, new))
    if _ROWS.chars + added > ROW_CACHE_CHARS:
        _ROWS.cache_clear()
    _ROWS.chars += added
    fresh = iter(_features(new))
    infos = []
    for i, (row, info) in enumerate(zip(rows, known, strict=True)):
        if info is None:
            info = _ROWS[row] = next(fresh)
        infos.append(info if info.index == i else tuple.__new__(LineInfo, (i, *info[1:])))
    return infos if defer else [checked_cue(info, cues) for info in infos]


def _features(rows: list[str]) -> list[LineInfo]:
    """Each row's features (rows stripped, as describe_all gives them), cue match deferred.
    Computed column by column over the whole text: one regex pass per feature replaces each
    CJK run, word, sentence end and comma by a marker character, and rows are then read with
    str.count. Lines are short and a call has a fixed cost, so this is about twice as fast as
    regex calls per line."""
    text, cjk = _marked_words(rows)
    marked = _COMMA.sub(_COMMA_MARK, _SENTENCE_END.sub(_END_MARK, text)).split("\n")
    words = [row.count(_WORD_MARK) for row in marked]
    ends = [  # a Latin '.' ends a sentence before a space or at the end of the line
        row.count(_END_MARK) + t.count(". ") + t.endswith(".")
        for row, t in zip(marked, rows, strict=False)
    ]
    commas = [row.count(_COMMA_MARK) for row in marked]
    weights = [w + c * CJK_WORD_RATIO for w, c in zip(words, cjk, strict=False)]
    columns = zip(range(len(rows)), rows, weights, cjk, ends, commas, strict=False)
    return [LineInfo(i, t, w, c, e, m, _listed(t, w), None, not t) for i, t, w, c, e, m in columns]


def _marked_words(rows: list[str]) -> tuple[str, list[int]]:
    """The rows joined by '\n' with each CJK run and each word replaced by its marker, and
    each row's count of CJK characters."""
    text = "\n".join(rows) + "\n."  # only '\n' between rows; the '.' keeps the last row
    if _MARKERS_IN.search(text):  # the markers must not occur in the text itself
        text = text.translate(_NO_MARKERS)
    text = CJK_RUN.sub(_CJK_MARK, text)  # first: the later passes get a shorter text
    not_cjk = [len(row) - row.count(_CJK_MARK) for row in text.split("\n")]
    cjk = [len(row) - other for row, other in zip(rows, not_cjk, strict=False)]
    return _WORD.sub(_WORD_MARK, text), cjk


def line_cues(rows: list[str], cues: CueSet) -> list[tuple[str, Cue | None]]:
    """Each row, stripped, with the cue it matches: for text that is not classified (an
    extractor's output), only the two features a cue match reads are computed."""
    text, cjk = _marked_words(rows)
    words = [row.count(_WORD_MARK) for row in text.split("\n")]
    return [
        (t, cues.match(t, c > 0, _latin(w + c * CJK_WORD_RATIO, c)) if t else None)
        for t, c, w in zip((row.strip(_STRIP) for row in rows), cjk, words, strict=False)
    ]


def line_weight(line: str) -> float:
    """A line's space-separated words, and its CJK characters at CJK_WORD_RATIO each (one
    line's weight, as the batch above computes it for every row)."""
    cjk = sum(map(len, CJK_RUN.findall(line)))
    return len(CJK_RUN.sub(" ", line).split()) + cjk * CJK_WORD_RATIO


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
    return tuple.__new__(LineInfo, (*info[:-2], cue, True))  # _replace, without its overhead


def _latin(weight: float, cjk: int) -> bool:
    """Latin words outweigh the CJK characters."""
    return weight > 2 * cjk * CJK_WORD_RATIO
