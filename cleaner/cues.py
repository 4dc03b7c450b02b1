"""Generic cue patterns (rules/generic/*.txt): the fallback layer of the rule mechanism.

Directives understood here:
  scope: cjk | latin | any    which lines a file's cues are tried on (default any): a line
                             with no Han/kana/hangul cannot match a Chinese cue, and skipping
                             it keeps matching cheap
  drop_line(REASON): REGEX   drop a line that matches, wherever it stands
  cut_from(REASON): REGEX    a line that opens the page's tail (comments, related links,
                             disclaimer): it and everything after it are dropped, once the
                             body has started
  text_date / text_author / text_sitename: REGEX
                             where a dump states its date, author or site name
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError
from .firstchars import first_chars
from .ruleformat import Directive, compile_regex, read_rule_file, rules_dir

CUE_DIRECTIVES = ("drop_line", "cut_from")
FIELD_DIRECTIVES = ("text_date", "text_author", "text_sitename")
SCOPES = ("any", "cjk", "latin")

# `^(?=.{0,N}$).*X` ("a short line containing X") backtracks at every position inside one
# big alternation; its prefilter is the bare X, searched on its own.
_SHORT_CONTAINS = re.compile(r"^\^\(\?=\.\{0,(\d+)\}\$\)\.\*")
UNBOUNDED = 1 << 30
_LENGTH_GUARD = re.compile(r"^\(\?=\.\{0,\d+\}\$\)")
_NEVER = re.compile(r"(?!x)x")


@dataclass(frozen=True)
class Cue:
    kind: str  # drop_line | cut_from
    reason: str
    pattern: re.Pattern[str]
    scope: str = "any"


@dataclass(frozen=True)
class _Group:
    """The cues of one scope and kind, with a cheap test that must pass before any is tried."""

    cues: tuple[Cue, ...]
    anchored: re.Pattern[str]  # union of the `^…` patterns, tried with .match
    # the others, each searched alone (faster than a union), on lines up to its length bound
    # that hold one of the characters a match can start with (a character class, scanned in C)
    floating: tuple[tuple[int, re.Pattern[str], re.Pattern[str]], ...]

    def hit(self, line: str) -> Cue | None:
        size = len(line)
        if self.anchored.match(line) or any(
            size <= bound and first.search(line) and p.search(line)
            for bound, first, p in self.floating
        ):
            for cue in self.cues:
                if cue.pattern.search(line):
                    return cue
        return None


@dataclass(frozen=True)
class CueSet:
    groups: tuple[tuple[str, str, _Group], ...]  # (kind, scope, group), drop_line first
    fields: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (directive, pattern)

    def match(self, line: str, cjk: bool = True, latin: bool = True) -> Cue | None:
        """The first cue a line matches: drop_line cues first, then cut_from cues."""
        for _kind, scope, group in self.groups:
            if (scope == "cjk" and not cjk) or (scope == "latin" and not latin):
                continue
            cue = group.hit(line)
            if cue is not None:
                return cue
        return None

    @property
    def cues(self) -> tuple[Cue, ...]:
        return tuple(cue for _, _, group in self.groups for cue in group.cues)

    def field_patterns(self, name: str) -> list[re.Pattern[str]]:
        return [pattern for field, pattern in self.fields if field == name]


def file_scope(directives: list[Directive]) -> str:
    scopes = [d for d in directives if d.name == "scope"]
    scope = scopes[-1].value.lower() if scopes else "any"
    if scope not in SCOPES:
        raise ConfigError(f"{scopes[-1].where()}: scope must be one of {', '.join(SCOPES)}")
    return scope


def cues_from_directives(directives: list[Directive]) -> list[Cue]:
    scope = file_scope(directives)
    cues = []
    for d in directives:
        if d.name not in CUE_DIRECTIVES:
            continue
        if not d.arg:
            raise ConfigError(f"{d.where()}: {d.name} needs a reason: {d.name}(REASON): REGEX")
        cues.append(Cue(d.name, d.arg.strip(), compile_regex(d), scope))
    return cues


def fields_from_directives(directives: list[Directive]) -> list[tuple[str, re.Pattern[str]]]:
    return [(d.name, compile_regex(d)) for d in directives if d.name in FIELD_DIRECTIVES]


def build_cueset(cues: list[Cue], fields: list[tuple[str, re.Pattern[str]]] = ()) -> CueSet:
    groups = []
    for kind in CUE_DIRECTIVES:
        for scope in SCOPES:
            members = tuple(c for c in cues if c.kind == kind and c.scope == scope)
            if members:
                groups.append((kind, scope, _group(members)))
    return CueSet(tuple(groups), tuple(fields))


def _group(cues: tuple[Cue, ...]) -> _Group:
    anchored, floating = [], []
    for cue in cues:
        source = cue.pattern.pattern
        guard = _SHORT_CONTAINS.match(source)
        if guard:
            bare = re.compile(source[guard.end() :], re.IGNORECASE)
            floating.append((int(guard.group(1)), _first_class(bare), bare))
        elif source.startswith("^"):
            # the union only preselects (hits are verified with the full pattern), so it can
            # drop the length lookahead that would scan the whole line for every alternative
            anchored.append("(?:^" + _LENGTH_GUARD.sub("", source[1:], count=1) + ")")
        else:
            floating.append((UNBOUNDED, _first_class(cue.pattern), cue.pattern))
    union = re.compile("|".join(anchored), re.IGNORECASE) if anchored else _NEVER
    return _Group(cues, union, tuple(floating))


def _first_class(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A one-character class a match must start with; `.` when any character may start it."""
    chars = first_chars(pattern)
    if chars is None:
        return re.compile(".", re.DOTALL)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@lru_cache(maxsize=8)
def generic_cues(directory: Path | None = None) -> CueSet:
    """Every generic cue file, all languages at once (pages mix languages)."""
    folder = directory or rules_dir() / "generic"
    cues: list[Cue] = []
    fields: list[tuple[str, re.Pattern[str]]] = []
    for path in sorted(folder.glob("*.txt")):
        directives = read_rule_file(path)
        cues.extend(cues_from_directives(directives))
        fields.extend(fields_from_directives(directives))
    return build_cueset(cues, fields)
