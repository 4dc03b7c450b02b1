"""Per-line features of a text dump: how much text a line holds and how sentence-like it is."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .cues import Cue, CueSet

CJK_WORD_RATIO = 0.6  # a Han/kana/hangul character carries about 0.6 of a Latin word
FEATURE_CACHE_LINES = 50_000  # line features kept for repeated lines (a few MB at most)
SHORT_WEIGHT = 5.0  # lighter than this: a menu item, a label or a heading

# kana, Han and hangul: one range list for every CJK pattern of the line features
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK_RUN = re.compile(f"[{CJK_RANGES}]+")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_CJK_OR_WORD = re.compile(f"([{CJK_RANGES}]+)|[^\\W\\d_{CJK_RANGES}]+")  # a run, or a word
_MARKS = re.compile("([。！？!?；;…])|[，、,：:]")  # a Latin '.' ends a sentence before a space
_BULLETS = frozenset("•·▪◦●○■□◆◇►▶*‣")
_STRIP = " \t\r\n\u3000\u00a0\ufeff\u200b"


class LineInfo(NamedTuple):
    index: int  # 0-based position in the dump
    text: str  # stripped
    weight: float  # Latin words + CJK characters * CJK_WORD_RATIO
    cjk: int
    sentence_ends: int
    commas: int
    bullet: bool
    cue: Cue | None
    checked: bool = True  # False: a short line whose cue match was deferred (see classify)

    @property
    def punctuated(self) -> bool:
        return self.sentence_ends > 0 or self.commas > 1


def describe(index: int, raw: str, cues: CueSet, defer: bool = False) -> LineInfo:
    """Features of one line. With `defer`, the cue match (the most expensive step) waits
    until `checked_cue` asks for it: most lines of a dump are far from its body."""
    text = raw.strip(_STRIP)
    if not text:
        return LineInfo(index, "", 0.0, 0, 0, 0, False, None)
    weight, cjk, ends, commas = _counts(text)
    words = weight - cjk * CJK_WORD_RATIO
    cue = None if defer else cues.match(text, cjk > 0, words > cjk * CJK_WORD_RATIO)
    # positional: this runs for every line of every page
    return LineInfo(index, text, weight, cjk, ends, commas, text[0] in _BULLETS, cue, not defer)


@lru_cache(maxsize=FEATURE_CACHE_LINES)
def _counts(text: str) -> tuple[float, int, int, int]:
    """(weight, CJK characters, sentence ends, commas) of a stripped line. Cached: menus,
    footers and labels repeat within a page and across the pages of a site."""
    if text.isascii():  # the common case in Latin-script dumps: cheaper counts
        cjk, words = 0, len(_ASCII_WORD.findall(text))
        ends = text.count("!") + text.count("?") + text.count(";") + text.count(". ")
        commas = text.count(",") + text.count(":")
    else:
        tokens = _CJK_OR_WORD.findall(text)  # one pass: a CJK run gives itself, a word ""
        cjk, words = sum(map(len, tokens)), tokens.count("")
        marks = _MARKS.findall(text)  # one pass: a sentence end gives its mark, a comma ""
        commas = marks.count("")
        ends = len(marks) - commas + text.count(". ")
    ends += text.endswith(".")
    return words + cjk * CJK_WORD_RATIO, cjk, ends, commas


def checked_cue(info: LineInfo, cues: CueSet) -> LineInfo:
    """The same line with its cue match done."""
    if info.checked:
        return info
    latin = info.weight > 2 * info.cjk * CJK_WORD_RATIO  # Latin words outweigh the CJK
    cue = cues.match(info.text, info.cjk > 0, latin)
    return tuple.__new__(LineInfo, (*info[:-2], cue, True))  # _replace, without its overhead


def describe_all(text: str, cues: CueSet, defer: bool = False) -> list[LineInfo]:
    return [describe(i, raw, cues, defer) for i, raw in enumerate(text.splitlines())]
