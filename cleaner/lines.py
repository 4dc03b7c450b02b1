"""Per-line features of a text dump: how much text a line holds and how sentence-like it is."""

from __future__ import annotations

import re
from typing import NamedTuple

from .cues import Cue, CueSet

CJK_WORD_RATIO = 0.6  # a Han/kana/hangul character carries about 0.6 of a Latin word
SHORT_WEIGHT = 5.0  # lighter than this: a menu item, a label or a heading

_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_SENTENCE_MARKS = tuple("。！？!?；;…")  # a Latin '.' counts when a space or the line end follows
_COMMA_MARKS = tuple("，、,：:")
_BULLETS = frozenset("•·▪◦●○■□◆◇►▶*‣")
_STRIP = " \t\r\n\u3000\u00a0\ufeff\u200b"


class LineInfo(NamedTuple):
    index: int  # 0-based position in the dump
    raw: str  # the line as it was (indentation kept)
    text: str  # stripped
    weight: float  # Latin words + CJK characters * CJK_WORD_RATIO
    cjk: int
    sentence_ends: int
    commas: int
    bullet: bool
    indented: bool
    cue: Cue | None
    checked: bool = True  # False: a short line whose cue match was deferred (see classify)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def punctuated(self) -> bool:
        return self.sentence_ends > 0 or self.commas > 1


def describe(index: int, raw: str, cues: CueSet, defer: bool = False) -> LineInfo:
    """Features of one line. With `defer`, the cue match (the most expensive step) waits
    until `checked_cue` asks for it: most lines of a dump are far from its body."""
    text = raw.strip(_STRIP)
    if not text:
        return LineInfo(index, raw, "", 0.0, 0, 0, 0, False, False, None)
    cjk = sum(map(len, _CJK_RUN.findall(text))) if not text.isascii() else 0
    words = len(_WORD.findall(text))
    weight = words + cjk * CJK_WORD_RATIO
    ends = sum(map(text.count, _SENTENCE_MARKS)) + text.count(". ") + text.endswith(".")
    commas = sum(map(text.count, _COMMA_MARKS))
    cue = None if defer else cues.match(text, cjk > 0, words > cjk * CJK_WORD_RATIO)
    return LineInfo(
        index=index,
        raw=raw,
        text=text,
        weight=weight,
        cjk=cjk,
        sentence_ends=ends,
        commas=commas,
        bullet=text[0] in _BULLETS,
        indented=raw[0] in _STRIP,
        cue=cue,
        checked=not defer,
    )


def checked_cue(info: LineInfo, cues: CueSet) -> LineInfo:
    """The same line with its cue match done."""
    if info.checked:
        return info
    latin = info.weight > 2 * info.cjk * CJK_WORD_RATIO  # Latin words outweigh the CJK
    return info._replace(cue=cues.match(info.text, info.cjk > 0, latin), checked=True)


def describe_all(text: str, cues: CueSet, defer: bool = False) -> list[LineInfo]:
    return [describe(i, raw, cues, defer) for i, raw in enumerate(text.splitlines())]
