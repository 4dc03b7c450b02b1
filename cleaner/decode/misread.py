"""The yardstick of codec detection: how much of a reading only a wrong codec would give.

Every candidate codec reads the ASCII of a page alike, so only the non-ASCII characters are
weighed: U+FFFD and C1 controls, rare Han characters, a UTF-8 character read as cp1252 (Ã©,
â€™), two different Latin-1 symbols in a row (GB18030's ’ read as cp1252 is ¡¯), a symbol or
spacing modifier wedged inside a word (GB2312's ˇ for Big5's ’ in `Iˇm`), box drawing next
to letters (a DOS code page's reading of CJK bytes), private-use characters next to other
non-ASCII ones (an icon font's glyph stands alone), half-width katakana alone or in pairs
(UTF-8 read as cp932: ﾃｩ), GB18030's four-byte characters read byte by byte (Å0ä9), CJK
punctuation in text without a CJK letter, and words whose case flips. Typography real pages
use inside words (… • · ʼ) counts as nothing.
"""

from __future__ import annotations

import re

from ..mojibake.plausible import (
    C1,
    CONT,
    case_flips,
    count_rare_han,
    implausible_latin,
    kana_after_han,
)
from ..scripts import HALFWIDTH_KANA, HALFWIDTH_KANA_LETTERS, HAN, HANGUL, KANA

_UTF8_AS_LATIN = re.compile(f"[\u00c2-\u00df]{CONT}|[\u00e0-\u00ef]{CONT}{{2}}")
_SYMBOL_PAIR = re.compile("([\u00a1-\u00bf\u00d7\u00f7])(?!\\1)[\u00a1-\u00bf\u00d7\u00f7]")
_WEDGED = re.compile(
    r"(?<=[^\W\d_])[\u00a1-\u00b6\u00b8-\u00bf\u00d7\u00f7\u2020\u2021\u2030"
    r"\u02b0-\u02ba\u02bd-\u02ff](?=[^\W\d_])"
)
# GB18030's four-byte characters (ñ, ©, é outside GBK) read in a single-byte codec: a Latin
# letter, a digit, a non-ASCII character before the CJK ranges, a digit ("EspaÅ0ä9ol")
_FOUR_BYTE_SHAPE = re.compile("[\u00c0-\u024f][0-9][\u0080-\u2fff][0-9]")
_CJK_SYMBOL = re.compile(  # the full-width ？！，：；（） of translated sites aside
    "[\u203b\u2460-\u24ff\u3000-\u303f\u3200-\u33ff\uff02-\uff07\uff0a\uff0b"
    "\uff0d-\uff19\uff1c-\uff1e\uff20-\uff60\uffe0-\uffee]"
)
CJK_LETTER = re.compile(f"[{KANA}{HAN}{HANGUL}{HALFWIDTH_KANA_LETTERS}]")
_BOX_BY_LETTER = re.compile(r"(?<=[^\W\d_])[\u2500-\u259f]|[\u2500-\u259f](?=[^\W\d_])")
_HALF = f"[{HALFWIDTH_KANA}]"
_LONE_HALF_KANA = re.compile(f"(?<!{_HALF}){_HALF}{{1,2}}(?!{_HALF})")
_KANA_AFTER_HAN_HINT = re.compile("[\u3041-\u30ff]")
_LATIN_BEYOND_ASCII = re.compile("[\u00c0-\u052f]")
# Private-use characters among other non-ASCII ones (an icon font's glyph stands alone)
_PRIVATE_IN_RUN = re.compile("(?<=[^\x00-\x7f])[\ue000-\uf8ff]|[\ue000-\uf8ff](?=[^\x00-\x7f])")


def misread_share(text: str, own_fffd: int = 0) -> float:
    """The share of the non-ASCII characters of `text` that only reading bytes in the wrong
    codec leaves: 0.0 for a right reading. `own_fffd`: U+FFFD the input itself holds."""
    count = non_ascii(text)
    if not count:
        return 0.0
    bad = count_rare_han(text) + text.count("\ufffd") - own_fffd + len(C1.findall(text))
    bad += len(_PRIVATE_IN_RUN.findall(text)) + len(_BOX_BY_LETTER.findall(text))
    bad += sum(len(run) for run in _LONE_HALF_KANA.findall(text))
    bad += len(_WEDGED.findall(text)) + 2 * len(_SYMBOL_PAIR.findall(text))
    bad += 2 * len(_FOUR_BYTE_SHAPE.findall(text))
    if not CJK_LETTER.search(text):
        bad += len(_CJK_SYMBOL.findall(text))
    elif _KANA_AFTER_HAN_HINT.search(text):
        bad += kana_after_han(text)
    if _LATIN_BEYOND_ASCII.search(text):
        bad += implausible_latin(text) + case_flips(text, beyond_ascii=True)
        bad += sum(len(shape) for shape in _UTF8_AS_LATIN.findall(text))
    return min(1.0, bad / count)


def non_ascii(text: str) -> int:
    """How many characters of `text` are not ASCII (one pass in C)."""
    return len(text) - len(text.encode("ascii", "ignore"))
