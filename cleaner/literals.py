"""Literal strings that every match of a regex must contain, read off Python's regex parse tree.

`(图片来源|摄影\\s*[:：])` must contain 图片来源 or 摄影, and `^(?=.{0,80}$).*(分享到|扫一扫)`
must contain 分享到 or 扫一扫. A keyword automaton finds these in one pass over a line, and only
the patterns whose keywords occur are run. None means no such set could be read: always run it.
"""

from __future__ import annotations

import re
from re import _constants as C  # Python 3.11+
from re import _parser as P

MAX_CLASS = 64  # a character class with more members than this is not a useful keyword set


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased strings, one of which occurs in (the lower-cased text of) every match."""
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return None
    found = _sequence(list(parsed))
    return frozenset(s.lower() for s in found) if found else None


def _sequence(items: list) -> set[str] | None:
    """The most selective required set among the mandatory parts of a sequence."""
    best: set[str] | None = None
    run: list[str] = []
    for op, arg in items + [(None, None)]:
        if op is C.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            best = _better(best, {"".join(run)})
            run = []
        if op is not None:
            best = _better(best, _element(op, arg))
    return best


def _element(op, arg) -> set[str] | None:
    if op is C.IN:
        return _charset(arg)
    if op is C.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is C.BRANCH:
        result: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if not found:
                return None  # one branch can match without any keyword
            result |= found
        return result
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1:
        return _sequence(list(arg[2]))
    return None  # anchors, lookarounds, \d \w \s, optional parts: no keyword


def _charset(items) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            chars.add(chr(arg))
        elif op is C.RANGE and arg[1] - arg[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars if len(chars) <= MAX_CLASS else None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Prefer the set whose shortest keyword is longest (rarer), then the smaller set."""
    if not b:
        return a
    if not a:
        return b
    key_a, key_b = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return b if key_b > key_a else a
