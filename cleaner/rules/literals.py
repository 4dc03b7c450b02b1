"""Literal strings that every match of a regex must contain, read off Python's regex parse tree.

`(图片来源|摄影\\s*[:：])` must contain 图片来源 or 摄影, and `^(?=.{0,80}$).*(分享到|扫一扫)`
must contain 分享到 or 扫一扫. Most cues are also anchored at the line start and many carry a
length guard: `shape` also reads which characters can start a match and how long a matching
line can be. A line is tried only against the cues these three allow (see cues.py).
None means nothing could be read: the check is skipped, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # CPython's own regex parser (3.11+): private, so guarded. Without it `shape` reads
    # nothing and every cue runs on every line: slower, never wrong.
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - another Python
    C = P = None

MAX_CLASS = 64  # a character class with more members than this is not a useful keyword set


if C is not None:
    _CATEGORIES = {
        C.CATEGORY_DIGIT: r"\d",
        C.CATEGORY_NOT_DIGIT: r"\D",
        C.CATEGORY_SPACE: r"\s",
        C.CATEGORY_NOT_SPACE: r"\S",
        C.CATEGORY_WORD: r"\w",
        C.CATEGORY_NOT_WORD: r"\W",
    }
    _BROAD = re.compile(r"\[\^|\\[SWDw]")  # in a head: a negated class or a broad category
    _ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
    _REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


def _parsed(pattern: re.Pattern[str]) -> list:
    try:
        return list(P.parse(pattern.pattern, pattern.flags))
    except re.error:  # pragma: no cover - the pattern compiled already
        return []


def _anchored(items: list) -> bool:
    return bool(items) and items[0] == (C.AT, C.AT_BEGINNING)


@dataclass(frozen=True)
class Shape:
    """What every match of a pattern needs, read off one parse of it."""

    keywords: frozenset[str]  # one of these occurs in the lower-cased line (empty: unknown)
    head: str | None  # a one-character regex the line's first character matches (None: any)
    limit: int | None  # the longest line the pattern can match (None: any length)

    @property
    def narrow_head(self) -> bool:
        """The head names its characters (`[发發]`, `\\d`): few lines start with one.
        A negated or broad class (`[^>]`, `\\S`, `\\w`) admits almost every line."""
        return self.head is not None and not _BROAD.search(self.head)


def shape(pattern: re.Pattern[str]) -> Shape:
    if P is None:
        return Shape(frozenset(), None, None)
    items = _parsed(pattern)
    return Shape(_keywords(items), _head(items, pattern.flags), _limit(items))


def _keywords(items: list) -> frozenset[str]:
    """Lower-cased strings, one of which occurs in (the lower-cased text of) every match."""
    found = _sequence(items)
    return frozenset(map(lowered, found)) if found else frozenset()


def lowered(text: str) -> str:
    """Text in lower case as a case-blind regex reads it, for keywords and the lines searched
    for them: str.lower() makes `İ` an `i` and a combining dot, and the regex takes `ı` for
    `i`, `ς` for `σ`, `ſ` for `s` (CPython's re._casefix): a Turkish `İÇERİĞİN DEVAMI` would
    else miss the keyword `içeriğin devamı` its cue's regex matches. Each such character is
    folded to one of its class, on both sides."""
    low = text.lower()
    if low.isascii() or _CASE_FOLDED.search(low) is None:
        return low
    return low.translate(_SAME_CASE)


try:  # the characters CPython's case-blind regex matches beyond their case pairs
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python: `İ` alone
    _EXTRA_CASES = {}
# each such character -> the first of its class; the dot `İ`.lower() leaves after its `i` dropped
_SAME_CASE: dict[int, str | None] = {
    code: chr(min(others)) for code, others in _EXTRA_CASES.items() if min(others) < code
} | {0x307: None}
_CASE_FOLDED = re.compile("[" + "".join(re.escape(chr(code)) for code in _SAME_CASE) + "]")


def _head(items: list, flags: int) -> str | None:
    """For a pattern anchored with `^`: a one-character regex (with its flags inline) that
    the first character of every match matches."""
    head = _first(items[1:]) if _anchored(items) else None
    if head is None or head[1]:  # unreadable, or the pattern can match the empty string
        return None
    inline = "(?i)" if flags & re.IGNORECASE else ""
    return inline + "|".join(dict.fromkeys(head[0]))


def _limit(items: list) -> int | None:
    """The longest line a `^(?=.{0,N}$)…` pattern can match."""
    for op, arg in items[1:] if _anchored(items) else ():
        if op not in _ZERO_WIDTH:
            break
        body = list(arg[1]) if op is C.ASSERT and arg[0] == 1 else []
        if len(body) == 2 and body[1] == (C.AT, C.AT_END) and body[0][0] is C.MAX_REPEAT:
            low, high, repeated = body[0][1]
            if list(repeated) == [(C.ANY, None)] and high is not C.MAXREPEAT:
                return high + 1  # `$` also matches before a final newline
    return None


def _first(items: list) -> tuple[list[str], bool] | None:
    """(one-character regexes, one of which starts every match; whether the sequence can
    match the empty string), or None when that cannot be read."""
    alternatives: list[str] = []
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op is C.SUBPATTERN:
            found = _first(list(arg[-1]))
        elif op is C.BRANCH:
            found = _union([_first(list(branch)) for branch in arg[1]])
        elif op in _REPEATS:
            found = _first(list(arg[2]))
            found = found and (found[0], found[1] or arg[0] == 0)
        else:
            one = _one_character(op, arg)
            found = None if one is None else ([one], False)
        if found is None:
            return None
        alternatives += found[0]
        if not found[1]:
            return alternatives, False
    return alternatives, True


def _union(found: list[tuple[list[str], bool] | None]) -> tuple[list[str], bool] | None:
    if any(f is None for f in found):
        return None
    return [a for f in found for a in f[0]], any(f[1] for f in found)


def _one_character(op, arg) -> str | None:
    if op is C.LITERAL:
        return re.escape(chr(arg))
    if op is C.NOT_LITERAL:
        return f"[^{re.escape(chr(arg))}]"
    if op is not C.IN:
        return None  # `.`, backreferences: anything
    parts = []
    for item, value in arg:
        if item is C.LITERAL:
            parts.append(re.escape(chr(value)))
        elif item is C.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif item is C.NEGATE:
            parts.append("^")
        elif item is C.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            return None
    return f"[{''.join(parts)}]"


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
    """Prefer the set whose shortest keyword is longest (rarer), then the smaller set, then
    the later one (`<meta name="generator" content="vBulletin`: the name that matters comes
    last). Spaces at a keyword's ends do not count: ' to ' is as common as 'to'."""
    if not b:
        return a
    if not a:
        return b
    key_a, key_b = (_shortest(a), -len(a)), (_shortest(b), -len(b))
    return b if key_b >= key_a else a


def _shortest(keywords: set[str]) -> int:
    return min(len(k.strip(" ")) for k in keywords)


# Two shapes that make a search quadratic in a run of spaces (a line of 45,000 spaces took
# seconds, bench/fuzz.py --seed 17): `\s*` on both sides of an optional mark (`\s*:?\s*`,
# which splits the run every way; `\s*(:\s*)?` matches the same lines) and an unanchored
# pattern starting with `\s*` or a class that holds `\s` (`[\s:：]+$`: tried from each space
# of the run, bench/fuzz.py --seed 67; a run alone, `[\s|]+`, always matches: linear), unless
# a length guard in front (`^(?=.{0,80}$)`) bounds the line (a lookbehind in front,
# `(?<![\s:])[\s:]+$`, starts it once a run).
_SPLITS_SPACES = re.compile(r"\\s\*(?:[^\\()\[\]|]|\\.|\[[^\]]*\])\?\\s\*")
_STARTS_WITH_SPACES = re.compile(r"^(?:\(\?[a-z-]+\))?(?:\\s|\[[^\]]*\\s[^\]]*\])[*+](?!$)")
_LENGTH_GUARD = re.compile(r"^\^?\(\?=\.\{0,\d+\}\$\)")


def slow_on_spaces(source: str) -> bool:
    """Whether a pattern's source has a shape quadratic in a long run of spaces (above)."""
    risky = _SPLITS_SPACES.search(source) or _STARTS_WITH_SPACES.search(source)
    return bool(risky) and not _LENGTH_GUARD.search(source)
