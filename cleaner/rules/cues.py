"""Matching lines against cue patterns: a CueSet tries a line only against the cues its
first character, length and script allow, and those with required keywords only when one
occurs in it (cuefiles.py reads the cue files into a CueSet)."""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, reduce
from math import inf
from operator import itemgetter, or_

import ahocorasick

from .literals import lowered, shape

CUE_DIRECTIVES = ("drop_line", "cut_from")  # also the priority order of a match
PLAN_CACHE = 20_000  # (first character, length band, script) plans kept; a few MB at most
_LIVE: weakref.WeakSet = weakref.WeakSet()  # every cue set, so forget_matches reaches them
MATCH_CACHE = 20_000  # lines whose match is remembered (a body read again meets them twice)
STRONG_KEYWORD = 3  # characters: a keyword this long is rarer in a line than its first character

# The cues a kind of line is tried against: (those that wait for a keyword, as bits: 1 <<
# number; the others as (their pattern's search, cue), in priority order; their bits)
_Plan = tuple
_second = itemgetter(1)  # an automaton hit's value: the bits of the cues its keyword serves


@dataclass(frozen=True)
class Cue:
    kind: str  # drop_line | cut_from
    reason: str
    pattern: re.Pattern[str]
    scope: str = "any"
    origin: str = ""  # file:line of the directive, for `rules explain`


class _Guard:
    """A cue and what a line must have for it to be worth running (see literals.py); its
    regexes are compiled when first needed: a one-page run needs few of them."""

    def __init__(self, number: int, cue: Cue) -> None:
        self.number, self.cue, self.shape = number, cue, shape(cue.pattern)
        # A cue runs only once one of its keywords is found, unless the characters that can
        # start its match are few (literals.Shape.narrow_head) and a keyword is short: then it
        # runs directly (a `.` or `re` occurs in most lines; a line seldom starts with a digit).
        keywords = self.shape.keywords
        strong = all(len(k) >= STRONG_KEYWORD for k in keywords)
        self.needs_keyword = bool(keywords) and (strong or not self.shape.narrow_head)

    @cached_property
    def head(self) -> re.Pattern[str] | None:
        """What a match may start with (None: anything)."""
        return re.compile(self.shape.head) if self.shape.head else None

    def admits(self, length_band: int | None, cjk: bool, latin: bool) -> bool:
        """Whether a line in the length band that ends at `length_band` (None: longer than
        every limit), in these scripts, could match (its first character aside: see head)."""
        scope, limit = self.cue.scope, self.shape.limit
        if (scope == "cjk" and not cjk) or (scope == "latin" and not latin):
            return False
        return limit is None or (length_band is not None and length_band <= limit)


def _keyword_automaton(guards: list[_Guard]) -> ahocorasick.Automaton | None:
    """keyword -> the cues that need it (bits of a mask: 1 << number), found in one pass over
    a line (a regex alternation of ~120 keywords is 5x slower on Latin text: it tries every
    keyword at every position that starts one)."""
    wanted: dict[str, int] = {}
    for guard in guards:
        for keyword in guard.shape.keywords:
            wanted[keyword] = wanted.get(keyword, 0) | 1 << guard.number
    if not wanted:
        return None
    automaton = ahocorasick.Automaton()
    for keyword, bits in wanted.items():
        automaton.add_word(keyword, bits)
    automaton.make_automaton()
    return automaton


class CueSet:
    """Cues in priority order (drop_line before cut_from, file order within). A line is tried
    only against the cues its first character, its length and its script allow, and a cue
    with required keywords only when one of them occurs in the line (see literals.py). These
    plans are built once per (first character, length band, script) and kept."""

    def __init__(self, cues: list[Cue], fields: Sequence[tuple[str, re.Pattern[str]]] = ()) -> None:
        rank = {kind: i for i, kind in enumerate(CUE_DIRECTIVES)}
        self.cues = tuple(sorted(cues, key=lambda c: rank[c.kind]))  # stable: file order kept
        self.fields = tuple(fields)
        self._by_field: dict[str, tuple[re.Pattern[str], ...]] = {}
        for field, pattern in self.fields:
            self._by_field[field] = (*self._by_field.get(field, ()), pattern)
        self._guards = [_Guard(number, cue) for number, cue in enumerate(self.cues)]
        self._limits = sorted({g.shape.limit for g in self._guards if g.shape.limit is not None})
        self._plans: dict[tuple[str, int, bool, bool], _Plan] = {}
        self._starting: dict[str, int] = {}  # first character -> the guards it starts (bits)
        self._admitted: dict[tuple[int, bool, bool], int] = {}  # (band, scripts) -> ... admits
        self._by_mask: dict[int, _Plan] = {}  # guards (bits) -> their plan
        self._always = sum(1 << g.number for g in self._guards if g.shape.head is None)
        self._headed = [(1 << g.number, g) for g in self._guards if g.shape.head]
        self._entries = [(1 << g.number, g.needs_keyword, g.cue.pattern.search, g.cue)
                         for g in self._guards]  # fmt: skip
        self._by_bit = {bit: (search, cue) for bit, _needs, search, cue in self._entries}
        self._matched: dict[tuple[str, bool, bool], Cue | None] = {}
        _LIVE.add(self)
        self._automaton = _keyword_automaton([g for g in self._guards if g.needs_keyword])

    @cached_property
    def longest(self) -> float:
        """The longest line any of the cues can match (their length guards; inf when one has
        none): a caller with many lines longer than that need not ask for them."""
        if any(g.shape.limit is None for g in self._guards):
            return inf
        return max((g.shape.limit for g in self._guards if g.shape.limit is not None), default=0)

    def match(self, line: str, cjk: bool = True, latin: bool = True) -> Cue | None:
        """The first cue, in priority order, that a line matches (remembered: the body of a
        dump is read again when it settles)."""
        if not line:
            return None
        key = (line, cjk, latin)
        if key in self._matched:
            return self._matched[key]
        if len(self._matched) >= MATCH_CACHE:
            self._matched.clear()
        found = self._matched[key] = self._match(line, cjk, latin)
        return found

    def _match(self, line: str, cjk: bool, latin: bool) -> Cue | None:
        if "\xa0" in line:  # a dump keeps the page's &nbsp;: cue patterns are written with spaces
            line = line.replace("\xa0", " ")
        key = (line[0], bisect_left(self._limits, len(line)), cjk, latin)
        keyed, free, free_bits = self._plans.get(key) or self._plan(key)
        if keyed:  # some cues wait for their keywords: look for them
            keyed &= reduce(or_, map(_second, self._automaton.iter(lowered(line))), 0)
        if not keyed:
            for search, cue in free:
                if search(line):
                    return cue
            return None
        tried = keyed | free_bits  # the cues whose keywords occur, with the free ones
        while tried:  # in priority order: a lower bit first
            bit = tried & -tried
            search, cue = self._by_bit[bit]
            if search(line):
                return cue
            tried ^= bit
        return None

    def _plan(self, key: tuple[str, int, bool, bool]) -> _Plan:
        """The cues a kind of line is tried against: those its first character may start
        (bits of a mask per character) and its length band and scripts admit (per band);
        plans with the same cues are one."""
        first, band, cjk, latin = key
        starting = self._starting.get(first)  # a first character comes in several plans
        if starting is None:
            if len(self._starting) >= PLAN_CACHE:
                self._starting.clear()
            starting = self._starting[first] = self._always | sum(
                bit for bit, guard in self._headed if guard.head.match(first) is not None
            )
        admitted = self._admitted.get(key[1:])  # and a band and script in many
        if admitted is None:
            shortest = self._limits[band] if band < len(self._limits) else None
            admitted = self._admitted[key[1:]] = sum(
                1 << g.number for g in self._guards if g.admits(shortest, cjk, latin)
            )
        mask = starting & admitted
        plan = self._by_mask.get(mask)
        if plan is None:
            if len(self._by_mask) >= PLAN_CACHE:
                self._by_mask.clear()
            free = [(bit, search, cue) for bit, needs, search, cue in self._entries
                    if mask & bit and not needs]  # fmt: skip
            keyed = sum(bit for bit, needs, _search, _cue in self._entries if mask & bit and needs)
            plan = (keyed, tuple((search, cue) for _bit, search, cue in free),
                    sum(bit for bit, _search, _cue in free))  # fmt: skip
            self._by_mask[mask] = plan
        if len(self._plans) >= PLAN_CACHE:
            self._plans.clear()
        self._plans[key] = plan
        return plan

    def field_patterns(self, name: str) -> tuple[re.Pattern[str], ...]:
        """The patterns of a field directive, in file order (looked up per page, many times)."""
        return self._by_field.get(name, ())


def forget_matches() -> None:
    """Forget every remembered line match (a benchmark measures its pages cold)."""
    for cueset in list(_LIVE):
        cueset._matched.clear()  # noqa: SLF001 - the cache is the module's own
