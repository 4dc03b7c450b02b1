"""The code-point ranges of the CJK scripts, spelled out once: every pattern and test on
Han, kana and hangul characters in cleaner is built from these."""

from __future__ import annotations

import re

KANA = "\u3040-\u30ff"  # hiragana and katakana
HALFWIDTH_KANA = "\uff61-\uff9f"  # half-width katakana and its punctuation (U+FF61-FF65)
HALFWIDTH_KANA_LETTERS = "\uff66-\uff9f"  # the same, its punctuation aside
HAN_UNIFIED = "\u4e00-\u9fff"  # CJK Unified Ideographs: every common Han character
HAN_EXT_A = "\u3400-\u4dbf"  # Extension A: rare characters
HAN = HAN_EXT_A + HAN_UNIFIED
HAN_COMPAT = "\uf900-\ufaff"  # compatibility ideographs
HANGUL = "\uac00-\ud7af"  # hangul syllables
CJK_RANGES = KANA + HAN + HANGUL + HAN_COMPAT  # a CJK character: one token, one "word"
CJK_RUN = re.compile(f"[{CJK_RANGES}]+")
# the benchmark metric's tokens: a CJK character, or a run of letters and digits
TOKEN = re.compile(f"[{CJK_RANGES}]|[^\\W_]+", re.UNICODE)
_ALNUM_RUN = re.compile(r"[^\W_]+")


def cjk_chars(text: str) -> int:
    """How many CJK characters (CJK_RANGES) a text holds."""
    return sum(map(len, CJK_RUN.findall(text)))


def tokens_at_most(text: str) -> int:
    """At least as many as TOKEN finds in `text` (a run of letters that goes on into CJK
    characters counts them too), found twice as fast in CJK text: its runs go at once."""
    rest, runs = CJK_RUN.subn(" ", text)
    return len(text) - len(rest) + runs + _ALNUM_RUN.subn("", rest)[1]


def is_unified_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def is_han(char: str) -> bool:
    """A Han character of the unified block or of Extension A."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def is_kana(char: str) -> bool:
    return "\u3040" <= char <= "\u30ff"


def is_halfwidth_kana(char: str) -> bool:
    """Half-width katakana or its punctuation (HALFWIDTH_KANA)."""
    return "\uff61" <= char <= "\uff9f"
