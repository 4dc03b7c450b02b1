"""The repair stage: repair mojibake line by line, drop what cannot be repaired, and say which.

A line takes the fast path unless it holds a trace of wrong decoding (plausible.suspicious).
Suspicious lines get, in order: ftfy for Latin-script mojibake and UTF-8 read as cp1252
(configured never to touch CJK: no width folding, no quote uncurling, no normalization);
then the round trips a wrong decode leaves (UTF-8 read as GBK/Big5/cp932/EUC-KR; GBK/Big5/
Shift_JIS/EUC-KR read as a single-byte codec), over the whole line and then over each run of
non-ASCII text, kept only when the result reads clearly more plausibly (plausible.score);
then a garbage tail is cut off; a line still mostly garbage is dropped (reason `mojibake`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Removal
from ..scripts import is_kana
from .debris import ACCEPT_SCORE, cut_garbage_tail, rare_tail_start, settle_lost
from .ftfy_adapter import fix_mojibake, sees_mojibake
from .plausible import (
    C1,
    common_chars,
    hard_garbage,
    is_rare_han,
    only_rare_han,
    score,
    suspicious,
    suspicious_lines,
)

MIN_GAIN = 0.15  # ... and this much more plausibly than the line as it was
SMALL_GAIN = 0.03  # ... or this much, when the line shows hard garbage
LOSSY_SCORE = 0.75  # a repair that lost bytes may read less well, if it gains at least
LOSSY_GAIN = 0.3  # ... this much
DROP_SCORE = 0.6  # a line that still reads less plausibly than this is dropped
CLEAN_SCORE = 0.98  # a line that reads this plausibly, with no garbage, is left as it is
PERFECT_SCORE = 0.995  # a repair that reads this well ends the search
RARE_ONLY_SCORE = 0.75  # a CJK line this plausible, with no garbage, has rare names, not mojibake
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
LOST_SHARE = 0.3  # a line with more U+FFFD than this lost its bytes: dropped
MAX_PASSES = 3  # a repaired line is repaired again until it stops changing

_LATIN_RANGE = re.compile("[\u0080-\u024f]")  # “ ” — … are ordinary in CJK text too
# Scripts a mojibake repair never gives back (Latin, Cyrillic, Greek, CJK and punctuation do).
_EXOTIC = re.compile("[\u0530-\u1fff\ua000-\uabff\ufb00-\ufdff\ufe70-\ufeff]")
_C0 = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")  # C1 may be bytes to recover
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")
_SPACE = re.compile(r"\s")
_GARBAGE_HEAD = re.compile(r"^\s*(?:[\ufffd\x80-\x9f]\s*)+")  # private-use bullets stay


@dataclass(frozen=True)
class LineRepair:
    line: int  # 1-based line of the input (or paragraph number)
    before: str
    after: str | None  # None: dropped
    how: str
    of: str = "input"  # what `line` counts (model.POSITIONS)


@dataclass(frozen=True)
class Repaired:
    lines: tuple[str, ...]  # same length as the input: a dropped line becomes ""
    repairs: tuple[LineRepair, ...]
    removed: tuple[Removal, ...]


def repair_lines(
    lines: list[str] | tuple[str, ...], candidates: set[int] | None = None, of: str = "input"
) -> Repaired:
    """Repair the lines that look suspicious (`candidates`, if the caller scanned already);
    `of`: what the lines are (model.POSITIONS), for the trail."""
    out, repairs, removed = list(lines), [], []
    if candidates is None and not any("\n" in line for line in lines):
        candidates = suspicious_lines("\n".join(lines))  # one scan for all of them
    elif candidates is None:
        candidates = {i for i, line in enumerate(lines) if suspicious(line)}
    page = PageTrip()  # a page's broken lines share a wrong codec
    for i in sorted(candidates):
        line = lines[i]
        fixed, how = repair_line(line, page)
        if fixed is None:
            out[i] = ""
            repairs.append(LineRepair(i + 1, line, None, how, of))
            removed.append(Removal(i + 1, line.strip(), "mojibake", of=of))
        elif fixed != line:
            out[i] = fixed
            repairs.append(LineRepair(i + 1, line, fixed, how, of))
    return Repaired(tuple(out), tuple(repairs), tuple(removed))


def repair_text(text: str, of: str = "input") -> tuple[str, Repaired]:
    """A whole dump (or a page's visible text: `of`), line by line; the line structure stays
    as it was."""
    candidates = suspicious_lines(text)
    if not candidates:  # the fast path: one scan of the page found nothing
        return text, Repaired((), (), ())
    result = repair_lines(text.split("\n"), candidates, of)
    return "\n".join(result.lines), result


MISREAD_PROBES = 3  # suspicious lines tried for a codec's round trip (misread_codec): one
# that repairs is enough; a page of rare names tries a few and stops


def misread_codec(text: str) -> bool:
    """Whether a line of the text is mojibake that a codec's round trip repairs (`gb18030
    read as cp1252`): its page's markup holds that mojibake too, in texts that no C1 control
    marks (mojibake/nodes.py repairs those before any reader parses the page)."""
    lines, page = text.split("\n"), PageTrip()
    for i in sorted(suspicious_lines(text))[:MISREAD_PROBES]:
        fixed, how = repair_line(lines[i], page)
        if fixed is not None and fixed != lines[i] and " read as " in how:
            return True
    return False


class PageTrip:
    """The round trip that repaired an earlier line of a page (None before one did): the
    page's other broken lines try it first."""

    def __init__(self) -> None:
        self.trip: tuple[str, str] | None = None


def repair_title(title: str | None) -> str | None:
    """An HTML page's title repaired as a paragraph is (its og:title or <title> can be
    mojibake too: `itertools â\x80\x94 Functions …`), kept as it is when it looks sound or
    cannot be repaired."""
    if not title or not suspicious(title):
        return title
    fixed, _how = repair_line(title)
    return fixed or title


def repair_line(line: str, page: PageTrip | None = None) -> tuple[str | None, str]:
    """(repaired line, how); (None, why) when the line is unrecoverable garbage.
    `page` carries the round trip that worked on an earlier line of the same page.
    A repair is repaired again until nothing changes, so repairing a repair changes nothing."""
    fixed, how = _repair_once(line, page)
    for _ in range(MAX_PASSES):
        if fixed is None or fixed == line:
            break
        again, again_how = _repair_once(fixed, None)
        if again == fixed:
            break
        line, fixed = fixed, again
        how = ", ".join(h for h in (how, again_how) if h)
    if fixed is not None and "\ufffd" in fixed:
        fixed, how = settle_lost(fixed, how)
        if fixed is not None:  # what is left is judged again, so that this is a fixpoint
            again, again_how = repair_line(fixed, page)
            return again, ", ".join(h for h in (how, again_how) if h)
    return fixed, how


def _repair_once(line: str, page: PageTrip | None) -> tuple[str | None, str]:
    if line.count("\ufffd") > LOST_SHARE * len(line):  # mostly lost bytes: nothing to rebuild
        return None, "unrecoverable mojibake"
    if "\ufffd" in line and _clean(line.replace("\ufffd", "")):
        return _C0.sub("", line), ""  # stray bad bytes in good text: no round trip explains them
    if page and page.trip:  # the page's own wrong codec, on a cheap check: most of a page
        quick = _quick_page_trip(line, page.trip)
        if quick is not None:
            return quick
    rare = only_rare_han(line)
    if rare is not None and rare <= 1 - RARE_ONLY_SCORE and rare_tail_start(line) is None:
        return line, ""  # a few rare characters, names or places: the cheap verdict
    if C1.search(line):  # C1 bytes may end a UTF-8 sequence read as Latin-1 (`â\x86\x92`):
        fixed = fix_mojibake(line)  # ftfy's reading of them comes before any debris cut
        if fixed != line and _clean(fixed):
            return fixed, "ftfy"
    trimmed = _C0.sub("", cut_garbage_tail(_GARBAGE_HEAD.sub("", line)))  # debris, controls
    if trimmed != line and trimmed.strip() and _clean(trimmed):
        return trimmed, "garbage cut"
    before = score(line)
    if _clean(line, before):
        return line, ""  # real text in Latin, Cyrillic or CJK script: nothing to repair
    lost = line.count("\ufffd") > MAX_LOST * len(line)  # its bytes are gone: no trip helps
    page = page if page is not None else PageTrip()
    fixed, how = (None, "") if lost else _best_round_trip(line, before, page)
    if fixed is None and not lost:
        fixed, how = _repair_window(line, before)
    if fixed is None:
        fixed, how = line, ""
    fixed = _CONTROL.sub("", fixed)  # after the round trips: C1 bytes are evidence for them
    cut = cut_garbage_tail(fixed)
    if cut != fixed:
        fixed, how = cut, (how + ", " if how else "") + "garbage tail cut"
    if score(fixed) < DROP_SCORE and hard_garbage(fixed):  # rare Han alone never drops a line
        return None, "unrecoverable mojibake"
    return fixed, how


def _quick_page_trip(line: str, trip: tuple[str, str]) -> tuple[str, str] | None:
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
    total = len(text) - len(_SPACE.findall(text))
    return total > 0 and sum(1 for char in text if char in common) >= CJK_WRITING_SHARE * total


def _clean(text: str, value: float | None = None) -> bool:
    """Nothing to repair: reads plausibly, or its only flaws are a few rare Han characters
    (names, places) or private-use bullets, which no round trip explains."""
    value = score(text) if value is None else value
    if hard_garbage(text):
        return False
    if not _LATIN_RANGE.search(text):
        return value >= RARE_ONLY_SCORE
    return value >= CLEAN_SCORE and not sees_mojibake(text)


def _best_round_trip(line: str, before: float, page: PageTrip) -> tuple[str | None, str]:
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


def _repair_window(line: str, before: float) -> tuple[str | None, str]:
    """A line with only part broken: round trips over the span of its rare characters,
    its edges moved by up to WINDOW_SLACK characters (where the broken part really starts
    and ends is not visible in the characters)."""
    bad = [i for i, c in enumerate(line) if _bad_char(c)]
    if not bad:
        return None, ""
    best, best_score, how = None, before, ""
    for start in range(max(0, bad[0] - WINDOW_SLACK), bad[0] + 1):
        for end in range(bad[-1] + 1, min(len(line), bad[-1] + 1 + WINDOW_SLACK) + 1):
            for wrong, right in PARTIAL_TRIPS:
                fixed = _round_trip(line[start:end], wrong, right)
                if fixed is None:
                    continue
                candidate = line[:start] + fixed + line[end:]
                value = _candidate_score(candidate)
                if _accept(value, before) and value > best_score:
                    best, best_score, how = candidate, value, f"part: {right} read as {wrong}"
    return best, how


def _bad_char(char: str) -> bool:
    """Rare Han, kana (UTF-8 read as GBK yields some), half-width katakana, U+FFFD."""
    return is_rare_han(char) or is_kana(char) or "\uff61" <= char <= "\uff9f" or char == "\ufffd"


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
