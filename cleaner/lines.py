"""Per-line features of a text dump: how much text a line holds and how sentence-like it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .cues import Cue, CueSet

CJK_WORD_RATIO = 0.6  # a Han/kana/hangul character carries about 0.6 of a Latin word
SHORT_WEIGHT = 5.0  # lighter than this: a menu item, a label or a heading

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_SENTENCE_END = re.compile(r"[。！？!?；;…]|\.(?=\s|$|[\"'”’)])")
_COMMA = re.compile(r"[，、,：:]")
_BULLETS = frozenset("•·▪◦●○■□◆◇►▶*‣")
_STRIP = " \t\r\n\u3000\u00a0\ufeff\u200b"


@dataclass(frozen=True)
class LineInfo:
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
    """Features of one line. With `defer`, lines that cannot score as body text (short or
    unpunctuated) skip the cue match, the most expensive step, until `checked_cue`."""
    text = raw.strip(_STRIP)
    if not text:
        return LineInfo(index, raw, "", 0.0, 0, 0, 0, False, False, None)
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    words = len(_WORD.findall(text))
    weight = words + cjk * CJK_WORD_RATIO
    ends = len(_SENTENCE_END.findall(text))
    commas = len(_COMMA.findall(text))
    unchecked = defer and (weight < SHORT_WEIGHT or (ends == 0 and commas < 2))
    cue = None if unchecked else cues.match(text, cjk > 0, words > cjk * CJK_WORD_RATIO)
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
        checked=not unchecked,
    )


def checked_cue(info: LineInfo, cues: CueSet) -> LineInfo:
    """The same line with its cue match done."""
    if info.checked:
        return info
    latin = info.weight > 2 * info.cjk * CJK_WORD_RATIO  # Latin words outweigh the CJK
    return replace(info, cue=cues.match(info.text, info.cjk > 0, latin), checked=True)


def describe_all(text: str, cues: CueSet, defer: bool = False) -> list[LineInfo]:
    return [describe(i, raw, cues, defer) for i, raw in enumerate(text.splitlines())]
