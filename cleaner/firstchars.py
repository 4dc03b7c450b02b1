"""The characters a regex match can start with, read off Python's own regex parse tree.

A line that holds none of them cannot match, so a set intersection (in C) replaces a regex
search (a backtracking scan) for most lines. None means "can start anywhere": no shortcut.
"""

from __future__ import annotations

import re

try:  # Python 3.11+: re._parser; older: sre_parse
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

MAX_RANGE = 512  # a character class wider than this is not worth listing


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return None
    chars = _seq(list(parsed))
    if chars is None:
        return None
    if pattern.flags & re.IGNORECASE:
        chars = chars | {c.lower() for c in chars} | {c.upper() for c in chars}
    return frozenset(chars)


def _seq(items: list) -> set[str] | None:
    """First characters of a sequence of parse items; None if it can match the empty string
    or starts with something we cannot list."""
    for op, arg in items:
        if op is C.AT:  # ^, $, \b: zero width, look at what follows
            continue
        if op is C.ASSERT and arg[0] == 1:  # lookahead: zero width
            continue
        return _item(op, arg)
    return None


def _item(op, arg) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(arg)}
    if op is C.IN:
        return _charset(arg)
    if op is C.SUBPATTERN:
        return _seq(list(arg[-1]))
    if op is C.BRANCH:
        result: set[str] = set()
        for branch in arg[1]:
            chars = _seq(list(branch))
            if chars is None:
                return None
            result |= chars
        return result
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1:
        return _seq(list(arg[2]))
    return None


def _charset(items) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            chars.add(chr(arg))
        elif op is C.RANGE and arg[1] - arg[0] <= MAX_RANGE:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:  # NEGATE, CATEGORY (\w, \s), wide ranges
            return None
    return chars
