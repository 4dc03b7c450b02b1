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
from .debris import cut_garbage_tail, rare_tail_start, settle_lost
from .ftfy_adapter import fix_mojibake, sees_mojibake
from .plausible import C1, hard_garbage, only_rare_han, score, suspicious, suspicious_lines
from .trips import MAX_LOST, PageTrip, best_round_trip, quick_page_trip, repair_window

DROP_SCORE = 0.6  # a line that still reads less plausibly than this is dropped
CLEAN_SCORE = 0.98  # a line that reads this plausibly, with no garbage, is left as it is
RARE_ONLY_SCORE = 0.75  # a CJK line this plausible, with no garbage, has rare names, not mojibake
LOST_SHARE = 0.3  # a line with more U+FFFD than this lost its bytes: dropped
MAX_PASSES = 3  # a repaired line is repaired again until it stops changing

_LATIN_RANGE = re.compile("[\u0080-\u024f]")  # “ ” — … are ordinary in CJK text too
_C0 = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")  # C1 may be bytes to recover
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")
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


def repair_title(title: str | None) -> str | None:
    """An HTML page's title repaired as a paragraph is (its og:title or <title> can be
    mojibake too: `itertools â\x80\x94 Functions …`), kept as it is when it looks sound or
    cannot be repaired."""
    return repaired_title(title)[0] or title


def repaired_title(title: str | None) -> tuple[str | None, tuple[LineRepair, ...]]:
    """The page's title as repair_title gives it, but dropped, as a paragraph would be, when
    it is mojibake no round trip recovers (GBK bytes forced through `--encoding utf-8`:
    `����ˮ������`), with that drop as a repair of the title (line 0)."""
    if not title or not suspicious(title):
        return title, ()
    fixed, how = repair_line(title)
    if fixed is None:
        return None, (LineRepair(0, title, None, how, "title"),)
    return fixed, ((LineRepair(0, title, fixed, how, "title"),) if fixed != title else ())


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
        quick = quick_page_trip(line, page.trip)
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
    fixed, how = (None, "") if lost else best_round_trip(line, before, page)
    if fixed is None and not lost:
        fixed, how = repair_window(line, before)
    if fixed is None:
        fixed, how = line, ""
    fixed = _CONTROL.sub("", fixed)  # after the round trips: C1 bytes are evidence for them
    cut = cut_garbage_tail(fixed)
    if cut != fixed:
        fixed, how = cut, (how + ", " if how else "") + "garbage tail cut"
    if score(fixed) < DROP_SCORE and hard_garbage(fixed):  # rare Han alone never drops a line
        return None, "unrecoverable mojibake"
    return fixed, how


def _clean(text: str, value: float | None = None) -> bool:
    """Nothing to repair: reads plausibly, or its only flaws are a few rare Han characters
    (names, places) or private-use bullets, which no round trip explains."""
    value = score(text) if value is None else value
    if hard_garbage(text):
        return False
    if not _LATIN_RANGE.search(text):
        return value >= RARE_ONLY_SCORE
    return value >= CLEAN_SCORE and not sees_mojibake(text)
