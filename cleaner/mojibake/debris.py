"""Debris around a good line: U+FFFD, C1 and private-use runs, 锟斤拷, and rare characters
ending a simplified-Chinese line (`中国公众信息网摘编崯嶧`); stray U+FFFD inside one."""

from __future__ import annotations

import re

from ..scripts import is_han
from .plausible import score

ACCEPT_SCORE = 0.9  # a repaired line, or what is left of one, must read this plausibly
MIN_TAIL = 2  # a run of this many garbage characters ending a good line is cut off
STRAY_LOST = 1  # places a line may have lost characters in (U+FFFD runs: one stray byte
STRAY_LOST_SHARE = 0.03  # in UTF-8 makes up to four) and keep its text, or one per 33
# characters; more, and the line is dropped
_LOST_RUN = re.compile("\ufffd+")
_DEBRIS = frozenset("\ufffd" + "".join(map(chr, range(0x80, 0xA0))))


def cut_garbage_tail(line: str) -> str:
    """`中国公众信息网摘编崯嶧` -> `中国公众信息网摘编`: debris (U+FFFD, private-use, 锟斤拷) at
    the end of a good line, or a simplified-Chinese line (every Han character in GB2312) that
    ends in two or more Han characters outside GB2312. A tail that holds a GB2312 character
    (`路经滟滪`, a place name) or rare characters inside a line stay."""
    start = _debris_tail_start(line)
    if start == len(line):
        start = rare_tail_start(line)
    if start is None or len(line) - start < MIN_TAIL:
        return line
    head = line[:start]
    return head if head.strip() and score(head) >= ACCEPT_SCORE else line


def _debris_tail_start(line: str) -> int:
    """Where a run of U+FFFD, private-use, C1 characters or 锟斤拷/烫烫/屯屯 ends the line
    (len(line) if none): a scan back from the end, linear in the tail's length."""
    end = len(line)
    while end > 0:
        if line[end - 1] in _DEBRIS or 0xE000 <= ord(line[end - 1]) <= 0xF8FF:
            end -= 1
        elif line.endswith(("锟斤拷", "烫烫", "屯屯"), 0, end):
            end -= 3 if line.endswith("锟斤拷", 0, end) else 2
        else:
            break
    return end


def rare_tail_start(line: str) -> int | None:
    start = len(line)
    while start > 0 and is_han(line[start - 1]) and not _in_gb2312(line[start - 1]):
        start -= 1
    if start == len(line) or not _in_gb2312("".join(c for c in line[:start] if is_han(c))):
        return None
    return start


def _in_gb2312(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def settle_lost(line: str, how: str) -> tuple[str | None, str]:
    """A line still holding U+FFFD lost characters no repair gives back: a stray one or two
    in a long paragraph are taken out and the text kept; more, and the line is dropped."""
    lost = len(_LOST_RUN.findall(line))
    if lost > max(STRAY_LOST, STRAY_LOST_SHARE * len(line.strip())):
        return None, f"characters lost to bad bytes in {lost} places"
    return line.replace("\ufffd", ""), ", ".join(h for h in (how, "bad bytes taken out") if h)
