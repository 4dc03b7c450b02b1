"""Generic cue patterns (rules/generic/*.txt): the fallback layer of the rule mechanism.

Directives understood here:
  scope: cjk | latin | any    which lines a file's cues apply to (default any): a Chinese
                             cue is tried only on lines with Han/kana/hangul, an English one
                             only on lines where Latin words outweigh CJK
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

import ahocorasick

from .errors import ConfigError
from .literals import required_literals
from .ruleformat import Directive, compile_regex, read_rule_file, rules_dir

CUE_DIRECTIVES = ("drop_line", "cut_from")  # also the priority order of a match
FIELD_DIRECTIVES = ("text_date", "text_author", "text_sitename")
SCOPES = ("any", "cjk", "latin")


@dataclass(frozen=True)
class Cue:
    kind: str  # drop_line | cut_from
    reason: str
    pattern: re.Pattern[str]
    scope: str = "any"
    origin: str = ""  # file:line of the directive, for `rules explain`


class CueSet:
    """Cues in priority order (drop_line before cut_from, file order within), matched through
    a keyword automaton: a line is tried only against the cues whose required keywords it
    holds (see literals.py), plus the few cues no keyword could be read from."""

    def __init__(self, cues: list[Cue], fields: list[tuple[str, re.Pattern[str]]] = ()) -> None:
        rank = {kind: i for i, kind in enumerate(CUE_DIRECTIVES)}
        self.cues = tuple(sorted(cues, key=lambda c: rank[c.kind]))  # stable: file order kept
        self.fields = tuple(fields)
        self._automaton, self._always = self._build_automaton()

    def _build_automaton(self) -> tuple[ahocorasick.Automaton | None, tuple[int, ...]]:
        """Keyword -> the cues that require it; and the cues no keyword could be read from."""
        automaton = ahocorasick.Automaton()
        by_keyword: dict[str, list[int]] = {}
        always = []
        for number, cue in enumerate(self.cues):
            keywords = required_literals(cue.pattern)
            if keywords is None:
                always.append(number)
            for keyword in keywords or ():
                by_keyword.setdefault(keyword, []).append(number)
        for keyword, found in by_keyword.items():
            automaton.add_word(keyword, tuple(found))
        if not by_keyword:
            return None, tuple(always)
        automaton.make_automaton()
        return automaton, tuple(always)

    def match(self, line: str, cjk: bool = True, latin: bool = True) -> Cue | None:
        """The first cue, in priority order, that a line matches."""
        automaton, always = self._automaton, self._always
        hits = [found for _end, found in automaton.iter(line.lower())] if automaton else []
        if not hits and not always:
            return None  # the common case: no keyword of any cue in this line
        for number in sorted(set(always).union(*hits)):
            cue = self.cues[number]
            if (cue.scope == "cjk" and not cjk) or (cue.scope == "latin" and not latin):
                continue
            if cue.pattern.search(line):
                return cue
        return None

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
        cues.append(Cue(d.name, d.arg.strip(), compile_regex(d), scope, d.where()))
    return cues


def fields_from_directives(directives: list[Directive]) -> list[tuple[str, re.Pattern[str]]]:
    return [(d.name, compile_regex(d)) for d in directives if d.name in FIELD_DIRECTIVES]


def build_cueset(cues: list[Cue], fields: list[tuple[str, re.Pattern[str]]] = ()) -> CueSet:
    return CueSet(cues, fields)


@lru_cache(maxsize=8)
def generic_cues(directory: Path | None = None) -> CueSet:
    """Every generic cue file, all languages at once (pages mix languages)."""
    folder = directory or rules_dir() / "generic"
    cues: list[Cue] = []
    fields: list[tuple[str, re.Pattern[str]]] = []
    for path in sorted(folder.glob("*.txt")):
        directives, problems = read_rule_file(path)
        if problems:  # cleaner's own files: strict
            raise ConfigError(str(problems[0]))
        cues.extend(cues_from_directives(directives))
        fields.extend(fields_from_directives(directives))
    return build_cueset(cues, fields)
