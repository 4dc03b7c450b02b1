"""The round trips a wrong decode leaves, for the repair stage (repair.py): which codecs a
page is misread with and which it was really in, how a candidate repair is scored and when it
is taken, and the trip that repaired an earlier line of the same page (PageTrip), which its
other broken lines try first.
"""

from __future__ import annotations

import re

from ..scripts import HALFWIDTH_KANA, HAN, KANA, is_halfwidth_kana, is_kana
from .debris import ACCEPT_SCORE
from .ftfy_adapter import fix_mojibake
from .plausible import common_chars, hard_garbage, is_rare_han, non_space, only_rare_han, score

MIN_GAIN = 0.15  # a repair reads ACCEPT_SCORE well and this much better than the line did
SMALL_GAIN = 0.03  # ... or this much, when the line shows hard garbage
LOSSY_SCORE = 0.75  # a repair that lost bytes may read less well, if it gains at least
LOSSY_GAIN = 0.3  # ... this much
PERFECT_SCORE = 0.995  # a repair that reads this well ends the search
CJK_WRITING_SHARE = 0.5  # a line that the page's own wrong codec reads back into this share of
# common CJK characters is the page's writing, however plausible its misreading looks (GBK read
# as PTCP154: `ҝҙөг` is 看点; real Kazakh, Serbian or Russian reads back into rare Han and U+FFFD)

# Codecs a page is wrongly decoded with (chardet's usual misreadings of CJK bytes included),
# and the codecs the bytes really were in.
WRONG_SINGLE_BYTE = ("cp1252", "latin_1", "cp1251", "ptcp154", "kz1048", "iso8859_15",
                     "koi8_r", "cp866", "mac_roman")  # fmt: skip
CJK_CODECS = ("gb18030", "big5hkscs", "cp932", "cp949")
ROUND_TRIPS = tuple((w, t) for w in WRONG_SINGLE_BYTE for t in (*CJK_CODECS, "utf-8")) + tuple(
    (c, "utf-8") for c in CJK_CODECS
)
PARTIAL_TRIPS = tuple((c, "utf-8") for c in CJK_CODECS)  # UTF-8 text pasted into GBK pages…
WINDOW_SLACK = 3  # characters a broken span's edges may be off by
MAX_LOST = 0.2  # a lossy round trip may leave at most this share of U+FFFD

# Scripts a mojibake repair never gives back (Latin, Cyrillic, Greek, CJK and punctuation do).
_EXOTIC = re.compile("[\u0530-\u1fff\ua000-\uabff\ufb00-\ufdff\ufe70-\ufeff]")
_MAYBE_BAD = re.compile(f"[{HAN}{KANA}{HALFWIDTH_KANA}\ufffd]")  # every _bad_char is one


class PageTrip:
    """The round trip that repaired an earlier line of a page (None before one did): the
    page's other broken lines try it first."""

    def __init__(self) -> None:
        self.trip: tuple[str, str] | None = None


def quick_page_trip(line: str, trip: tuple[str, str]) -> tuple[str, str] | None:
    wrong, right = trip
    candidate = _round_trip(line, wrong, right)
    if candidate is None or candidate == line or "\ufffd" in candidate:
        return None
    rare = only_rare_han(candidate)
    if rare is None or rare > 1 - ACCEPT_SCORE:
        return None  # not clearly right: the full search decides
    if not (hard_garbage(line) or cjk_writing(candidate)):
        return None
    return candidate, f"{right} read as {wrong}"


def cjk_writing(text: str) -> bool:
    """Whether most of a text's characters (spaces aside) are common CJK characters."""
    common = common_chars()
    total = non_space(text)
    return total > 0 and sum(1 for char in text if char in common) >= CJK_WRITING_SHARE * total


def best_round_trip(line: str, before: float, page: PageTrip) -> tuple[str | None, str]:
    """The most plausible repair; the round trip that repaired an earlier line of the page
    is tried first and taken at once when it is good enough here too."""
    broken = hard_garbage(line)
    if page.trip is not None:
        wrong, right = page.trip
        candidate = _round_trip(line, wrong, right)
        if candidate is not None and _accept(_candidate_score(candidate), before, broken):
            return candidate, f"{right} read as {wrong}"
    best, best_score, how, trip = None, before, "", None
    fixed = fix_mojibake(line)
    if fixed != line and _candidate_score(fixed) >= before:
        best, best_score, how = fixed, _candidate_score(fixed), "ftfy"
    unchanged = line.replace("\ufffd", "")  # what a "round trip" of plain ASCII gives back
    for wrong, right in ROUND_TRIPS:
        candidate = _round_trip(line, wrong, right)
        if candidate is None or candidate in (line, unchanged):
            continue
        value = _candidate_score(candidate)
        if _accept(value, before, broken) and value > best_score and not hard_garbage(candidate):
            best, best_score, trip = candidate, value, (wrong, right)
            how = f"{right} read as {wrong}"
            if value >= PERFECT_SCORE:  # nothing can read better: stop looking
                break
    if trip is not None:
        page.trip = trip
    return best, how


def _candidate_score(text: str) -> float:
    """A repair's score: repairs give back CJK, Latin or Cyrillic text, so characters of any
    other script in a candidate (`椈椈椈` read back as Arabic) count against it."""
    exotic = len(_EXOTIC.findall(text))
    return score(text) - (exotic / len(text) if text else 0.0)


def _accept(value: float, before: float, broken: bool = False) -> bool:
    """A repair must read clearly better than the line did, and well in itself; a line that
    shows hard garbage (`РВОЕ | РРЗй`: Cyrillic letters read well one by one) only needs
    a repair that reads better and well."""
    if value >= ACCEPT_SCORE:
        return value >= before + (SMALL_GAIN if broken else MIN_GAIN)
    return value >= LOSSY_SCORE and value >= before + LOSSY_GAIN


def repair_window(line: str, before: float) -> tuple[str | None, str]:
    """A line with only part broken: round trips over the span of its rare characters,
    its edges moved by up to WINDOW_SLACK characters (where the broken part really starts
    and ends is not visible in the characters)."""
    first = _first_bad(line)
    if first is None:
        return None, ""
    last = len(line) - 1 - (_first_bad(line[::-1]) or 0)
    best, best_score, how = None, before, ""
    for start in range(max(0, first - WINDOW_SLACK), first + 1):
        for end in range(last + 1, min(len(line), last + 1 + WINDOW_SLACK) + 1):
            for wrong, right in PARTIAL_TRIPS:
                fixed = _round_trip(line[start:end], wrong, right)
                if fixed is None:
                    continue
                candidate = line[:start] + fixed + line[end:]
                value = _candidate_score(candidate)
                if _accept(value, before) and value > best_score:
                    best, best_score, how = candidate, value, f"part: {right} read as {wrong}"
    return best, how


def _first_bad(text: str) -> int | None:
    """Where the first _bad_char stands (the regex engine skips the other characters)."""
    return next((m.start() for m in _MAYBE_BAD.finditer(text) if _bad_char(m.group())), None)


def _bad_char(char: str) -> bool:
    """Rare Han, kana (UTF-8 read as GBK yields some), half-width katakana, U+FFFD."""
    return is_rare_han(char) or is_kana(char) or is_halfwidth_kana(char) or char == "\ufffd"


def _round_trip(text: str, wrong: str, right: str) -> str | None:
    """The text as `right` would have read its bytes in `wrong`; undecodable bytes become
    U+FFFD (mojibake is usually made with replacement, so some bytes are lost for good)."""
    try:  # a U+FFFD stands for bytes already lost: re-encoding it would add wrong ones
        data = text.replace("\ufffd", "").encode(wrong)
    except UnicodeEncodeError:
        return None
    try:
        return data.decode(right)
    except UnicodeDecodeError:
        if "\xa0" in text:  # most often a page's &nbsp;, no byte of its text: a space
            spaced = _round_trip(text.replace("\xa0", " "), wrong, right)
            if spaced is not None and "\ufffd" not in spaced:
                return spaced
        lossy = data.decode(right, errors="replace")
        return lossy if lossy.count("\ufffd") <= MAX_LOST * len(lossy) else None
