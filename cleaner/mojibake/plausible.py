"""How plausible a piece of text is as real writing: the yardstick of mojibake repair.

Every character counts as plausible except the traces wrong decoding leaves: Han characters
outside the common sets of their scripts (GB2312 level 1, Big5's frequent characters, JIS X
0208 level 1, read from Python's own codecs), U+FFFD, private-use and C1 characters, a
non-ASCII symbol wedged between letters (`і¬ј`, `s»D`), and the letters of a long word made
mostly of accented letters (`ÐÂÎÅ`). Letters of any script are plausible on their own, so
real Vietnamese, Kazakh or Polish text scores as high as Chinese or English: near 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import islice

from ..scripts import (
    HALFWIDTH_KANA,
    HAN,
    HAN_EXT_A,
    HAN_UNIFIED,
    HANGUL,
    KANA,
    is_han,
    is_unified_han,
)

RARE_LATIN_WORD_SHARE = 0.6  # a 4+ letter word mostly of accented letters is mojibake
SUSPECT_RARE_HAN = 2  # this many rare Han characters make a line worth a closer look,
SUSPECT_RARE_SHARE = 0.1  # ... when they are this share of it (names have one or two)
MAX_HITS = 400  # past this many suspicious characters a page is scanned line by line
PRIVATE_USE_SHARE = 0.3  # more private-use characters than this: garbage, not font bullets

_WEDGED_SYMBOL = re.compile(
    r"(?<=[^\W\d_])[\u00a1-\u00bf\u00d7\u00f7\u2116\u2020-\u2030](?=[^\W\d_])"
)
# UTF-8 read as cp932 pairs a kanji with a half-width katakana (譁ｰ髣ｻ); real half-width
# katakana stands in words of its own.
_KANA_AFTER_HAN = re.compile(  # the kana; a Han character must come before it (checked below)
    f"[{HALFWIDTH_KANA}]"  # UTF-8 read as cp932: 譁ｰ
    f"|(?:[\u30a1-\u30fa]|[ぁぃぅぇぉゃゅょゎ])(?=[{HAN_UNIFIED}])"  # UTF-8 read as GBK: 鎶ラ亾
)
_HARD = re.compile("[\ufffd\u0080-\u009f]")
C1 = re.compile("[\u0080-\u009f]")
_SYMBOL_OR_KANA = re.compile(
    f"[\u00a1-\u00bf\u00d7\u00f7\u2116\u2020-\u2030\u3041-\u30ff{HALFWIDTH_KANA}]"
)
_LETTER_BEYOND_ASCII = re.compile("[\u00c0-\u052f]")
PRIVATE = re.compile("[\ue000-\uf8ff]")
_GARBAGE_RUNS = re.compile(r"(?:锟斤拷)+|烫{2,}|屯{2,}")  # what uninitialised memory decodes to
_CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～・　﹏〔〕［］｛｝％＋－＝／")
_WORD = re.compile(f"[^\\W\\d_{KANA}{HAN}{HANGUL}]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_NON_ASCII_LETTER = re.compile(r"[\u00c0-\u024f]")
# The shapes wrong decoding leaves, not single accented letters (real French, German, Polish):
# a UTF-8 lead character followed by continuation characters as cp1252 shows them (Ã©, Â°,
# â€™, æ–°), runs of three Latin-1 symbols or letters (GBK read as Latin-1: ÐÂÎÅ±¨), Cyrillic
# beyond Russian (GBK read as cp1251/PTCP154), and the garbage classes.
CONT = "[\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"  # noqa: E501
_SUSPECT = re.compile(
    f"[\u00c2-\u00df]{CONT}|[\u00e0-\u00ef]{CONT}{{2}}|[\u00a1-\u00ff]{{3,}}"
    "|[\u0400-\u040f\u0450-\u04ff\ufffd\u0080-\u009f"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|锟斤拷|烫烫|屯屯"
)
# Every _SUSPECT match starts with one of these characters: a plain class scans at C speed.
_SUSPECT_START = re.compile(
    "[\u00a1-\u00ff\u0400-\u040f\u0450-\u04ff\ufffd\u0080-\u009f"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f锟烫屯]"
)  # private-use characters are counted per line instead: a few are only bullets
_NEWLINE = re.compile("\n")
_C0_ANY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The common characters of the CJK scripts, from the level-1 blocks of their codecs."""
    chars: set[str] = set()
    blocks = (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),  # GB2312 level 1
        ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),  # Big5 frequent
        ("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF)),  # JIS X 0208 level 1
        ("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)),  # KS X 1001 hangul
        ("euc_jp", range(0xA4, 0xA6), range(0xA1, 0xFF)),  # hiragana, katakana
    )
    for codec, leads, trails in blocks:  # one decode per block: a tab byte parts the pairs
        data = b"\t".join(bytes((lead, trail)) for lead in leads for trail in trails)
        chars.update(data.decode(codec, errors="replace"))
    chars -= {"\t", "\ufffd"}
    chars = {c for c in chars if not c.isascii()}
    return frozenset(chars | _CJK_PUNCT)


@lru_cache(maxsize=1)
def _rare_class() -> str:
    """The body of a character class of every Han character outside the common sets (for the
    page scan, where the regex engine walks the text in C)."""
    common = {ord(c) for c in common_chars()}
    spans, start = [], None
    for code in range(0x4E00, 0xA001):  # 0xA000: past the block, closes the last span
        rare = code < 0xA000 and code not in common
        if rare and start is None:
            start = code
        elif not rare and start is not None:  # Han characters need no escaping in a class
            spans.append(chr(start) if start == code - 1 else f"{chr(start)}-{chr(code - 1)}")
            start = None
    return "".join(spans) + HAN_EXT_A


def is_rare_han(char: str) -> bool:
    return is_han(char) and not (is_unified_han(char) and char in common_chars())


def count_rare_han(text: str) -> int:
    """Rare Han characters in a line. The regex engine finds the candidates in C with the
    page scan's class (compiling a class of thousands of ranges costs ~40 ms: one is enough);
    the Han characters among them are the rare ones."""
    return sum(1 for char in any_sign().findall(text) if is_rare_han(char))


def suspicious(text: str) -> bool:
    """The fast path for one line: False for nearly every clean line."""
    if text.isascii() and not _C0_ANY.search(text):
        return False
    if _SUSPECT.search(text) or _many_rare(count_rare_han(text), len(text)):
        return True
    return len(PRIVATE.findall(text)) > PRIVATE_USE_SHARE * len(text)


def non_space(text: str) -> int:
    """The characters of a text, its spaces aside: what its shares are counted of."""
    return len(text) - len(_SPACE.findall(text))


def only_rare_han(text: str) -> float | None:
    """The share of rare Han characters when they are a line's only trace of trouble (names,
    places, or UTF-8 read as GBK when the share is high); None when there is any other."""
    if _SUSPECT_START.search(text) or PRIVATE.search(text) or _LETTER_BEYOND_ASCII.search(text):
        return None
    if _KANA_AFTER_HAN.search(text) and kana_after_han(text):
        return None
    total = non_space(text)
    return count_rare_han(text) / total if total else 0.0


def suspicious_lines(text: str) -> set[int]:
    """Indexes of the lines (split at \\n) worth a closer look, from one scan of the whole
    text: most pages have none, and then no line is looked at one by one."""
    if text.isascii() and not _C0_ANY.search(text):
        return set()
    hits = [m.start() for m in islice(any_sign().finditer(text), MAX_HITS)]  # one scan
    if not hits:
        return set()
    lines = text.split("\n")
    if len(hits) == MAX_HITS:  # a page full of debris or rare characters: ask each line
        return {i for i, line in enumerate(lines) if suspicious(line)}
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    rare_hits: dict[int, int] = {}
    private_hits: dict[int, int] = {}
    candidates = set()
    for pos in hits:
        line = bisect_right(starts, pos) - 1
        if "\ue000" <= text[pos] <= "\uf8ff":  # private use: a few are font bullets
            private_hits[line] = private_hits.get(line, 0) + 1
        elif _SUSPECT_START.match(text, pos):
            candidates.add(line)
        else:
            rare_hits[line] = rare_hits.get(line, 0) + 1
    length = len(text)
    sizes = {i: (starts[i + 1] if i + 1 < len(starts) else length) - starts[i]
             for i in {*rare_hits, *private_hits}}  # fmt: skip
    candidates.update(i for i, n in rare_hits.items() if _many_rare(n, sizes[i]))
    candidates.update(i for i, n in private_hits.items() if n > PRIVATE_USE_SHARE * sizes[i])
    return {i for i in candidates if suspicious(lines[i])}


@lru_cache(maxsize=1)
def any_sign() -> re.Pattern[str]:
    """One class holding every character that can make a line suspicious: the first
    characters of the mojibake shapes, private-use and rare Han characters."""
    rare = _rare_class()
    start = _SUSPECT_START.pattern[1:-1]
    return re.compile(f"[{start}{rare}\ue000-\uf8ff]")


def _many_rare(count: int, length: int) -> bool:
    """Enough rare Han characters to look like UTF-8 read as GBK, not a rare name."""
    return count >= SUSPECT_RARE_HAN and count >= SUSPECT_RARE_SHARE * length


def hard_garbage(text: str) -> bool:
    """Traces only a wrong decode leaves: U+FFFD, private-use, C1, 锟斤拷, wedged symbols,
    words whose case flips. (Rare Han characters alone may be real: names, places.)"""
    return (
        bool(_HARD.search(text) or _GARBAGE_RUNS.search(text) or _WEDGED_SYMBOL.search(text))
        or case_flips(text) > 0
        or implausible_latin(text) > 0
    )


@lru_cache(maxsize=64)  # the same strings are scored several times while one line is repaired
def score(text: str) -> float:
    """Share of plausible characters among the non-space ones (1.0 for empty text)."""
    total = non_space(text)
    if total <= 0:
        return 1.0
    bad = count_rare_han(text) + text.count("\ufffd") + len(C1.findall(text))
    bad += len(PRIVATE.findall(text))
    if _SYMBOL_OR_KANA.search(text):  # the costlier look-around patterns only when they can hit
        bad += len(_WEDGED_SYMBOL.findall(text)) + kana_after_han(text)
    if "锟" in text or "烫烫" in text or "屯屯" in text:
        for run in _GARBAGE_RUNS.findall(text):  # 锟 is rare and counted already
            bad += len(run) - run.count("锟")
    if _LETTER_BEYOND_ASCII.search(text):
        bad += implausible_latin(text) + case_flips(text)
    return max(0.0, total - bad) / total


def kana_after_han(text: str) -> int:
    hits = _KANA_AFTER_HAN.finditer(text)
    return sum(1 for m in hits if m.start() and is_unified_han(text[m.start() - 1]))


def case_flips(text: str, beyond_ascii: bool = False) -> int:
    """Letters of words whose case flips back and forth (`ЖшәЬәГ`, `ÐÂÎÅ±¨µÀ`): real words are
    lower, Capitalized, UPPER, or at most one inner capital (McDonald, iPhone)."""
    bad = 0
    for word in _WORD.findall(text):
        if len(word) < 3 or word.islower() or word.isupper() or word.istitle():
            continue
        if beyond_ascii and word.isascii():  # camelCase names in markup are no mojibake
            continue
        flips = sum(1 for a, b in zip(word, word[1:], strict=False) if a.islower() and b.isupper())
        if flips >= 2:
            bad += len(word)
    return bad


def implausible_latin(text: str) -> int:
    """Characters in words that are mostly accented letters (`ÐÂÎÅ`, `Ã©tÃ©`)."""
    bad = 0
    for word in _LATIN_WORD.findall(text):
        if len(word) < 4 or word.isascii():
            continue
        accented = len(_NON_ASCII_LETTER.findall(word))
        if len(word) >= 4 and accented / len(word) > RARE_LATIN_WORD_SHARE:
            bad += accented
    return bad
