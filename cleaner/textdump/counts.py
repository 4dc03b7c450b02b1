"""Per-row character counts of a dump, column by column, read one of two ways with the same
result: by regex (each class's pattern replaces its characters by a marker in one pass over
the joined rows, then `str.count` per row) or by table (each character's class looked up in
a table, NumPy fenced here, then one count of (row, class) pairs). The table saves about a
sixth of the instructions a dump's whole cleaning takes, but importing NumPy costs a single
page more than it saves: a process counts by regex until it has counted TABLE_AFTER_CHARS
(a batch, an archive) or NumPy is loaded already (py3langid loads it).

The classes, in priority order as the regexes define them: a CJK character (scripts.CJK_RANGES),
a letter outside those (a word is a run of them: `[^\\W\\d_]`), a sentence end (SENTENCE_END) and
a comma (COMMA).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..scripts import CJK_RUN

if TYPE_CHECKING:
    import numpy as np

# a Latin '.' before a space or at the end ends a sentence too (counted by the caller); these
# are Han, Arabic-script, Devanagari, Armenian, Ethiopic and Burmese full stops and questions
SENTENCE_END = re.compile("[。！？!?；;…۔؟؛।॥։።။]")
COMMA = re.compile("[，、,：:،]")
LETTER = re.compile(r"[^\W\d_]+")  # a word; the table is built from a few thousand such runs
TABLE_AFTER_CHARS = 200_000  # about twenty pages: NumPy's import (~70 ms) is paid back by then
_OTHER, _CJK, _LETTER, _END, _COMMA, _NEWLINE, _WORD_START = range(7)
_CLASSES = 7
_PRIORITY = ((_COMMA, COMMA), (_END, SENTENCE_END), (_LETTER, LETTER), (_CJK, CJK_RUN))
_PLANE = 0x10000  # the table covers the Basic Multilingual Plane; rarer characters one by one
_MARKS = {_CJK: "\x01", _LETTER: "\x02", _END: "\x03", _COMMA: "\x04"}
_MARKS_IN = re.compile("[\x01-\x04]")  # the markers must not occur in the text itself
_NO_MARKS = str.maketrans("\x01\x02\x03\x04", "    ")
_counted = 0  # characters this process has counted by regex


class RowCounts(NamedTuple):
    """Per row: CJK characters, words (letter runs), sentence ends, commas."""

    cjk: list[int]
    words: list[int]
    ends: list[int]
    commas: list[int]


def _class_of(char: str) -> int:
    """A character's class, by the same patterns in the same priority as the table."""
    if char == "\n":
        return _NEWLINE
    return next((cls for cls, pattern in reversed(_PRIORITY) if pattern.match(char)), _OTHER)


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """Every BMP code point's class (built once, 10 ms: each pattern over all 65,536)."""
    import numpy as np

    table = np.zeros(_PLANE, dtype=np.uint8)
    plane = "".join(map(chr, range(_PLANE)))
    for cls, pattern in _PRIORITY:  # lowest priority first: a later class overwrites
        for found in pattern.finditer(plane):
            table[found.start() : found.end()] = cls
    table[ord("\n")] = _NEWLINE
    return table


def row_counts(rows: list[str]) -> RowCounts:
    """The four counts of each row (rows hold no line break), by table once NumPy pays (see
    the module's docstring), else by regex."""
    global _counted
    if "numpy" in sys.modules or _counted >= TABLE_AFTER_CHARS:
        return counts_by_table(rows)
    _counted += sum(map(len, rows))
    return counts_by_regex(rows)


def counts_by_regex(rows: list[str]) -> RowCounts:
    """The counts by regex: each class, in priority order, replaced by its marker."""
    if not rows:
        return RowCounts([], [], [], [])
    text = "\n".join(rows)
    if _MARKS_IN.search(text):
        text = text.translate(_NO_MARKS)
    text = CJK_RUN.sub(_MARKS[_CJK], text)  # first: the later passes get a shorter text
    not_cjk = [len(row) - row.count(_MARKS[_CJK]) for row in text.split("\n")]
    cjk = [len(row) - other for row, other in zip(rows, not_cjk, strict=True)]
    later = _PRIORITY[-2::-1]  # the other classes, in priority order
    for cls, pattern in later:
        text = pattern.sub(_MARKS[cls], text)
    marked = text.split("\n")
    words, ends, commas = ([row.count(_MARKS[cls]) for row in marked] for cls, _ in later)
    return RowCounts(cjk, words, ends, commas)


def counts_by_table(rows: list[str]) -> RowCounts:
    """The counts by table: one class per character, the first letter of each word a class
    of its own, and one count of (row, class) pairs."""
    import numpy as np

    if not rows:
        return RowCounts([], [], [], [])
    text = "\n".join(rows)
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) == 2 * len(text):  # the BMP only: one unit a character
        classes = _table()[np.frombuffer(units, dtype=np.uint16)]
    else:
        classes = _classes_beyond(text)
    letters = classes == _LETTER
    starts = letters.copy()
    starts[1:] &= ~letters[:-1]  # a word starts where a letter follows a non-letter
    classes[starts] = _WORD_START
    row = np.cumsum(classes == _NEWLINE)
    counts = np.bincount(row * _CLASSES + classes, minlength=len(rows) * _CLASSES)
    by_class = counts.reshape(len(rows), _CLASSES).T.tolist()
    return RowCounts(by_class[_CJK], by_class[_WORD_START], by_class[_END], by_class[_COMMA])


def _classes_beyond(text: str) -> np.ndarray:
    """Each character's class, in a text with characters beyond the BMP (looked up alone)."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _table()[np.minimum(codes, _PLANE - 1)]
    for at in np.flatnonzero(codes >= _PLANE).tolist():
        classes[at] = _class_of(text[at])
    return classes
