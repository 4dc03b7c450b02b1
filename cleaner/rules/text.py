"""Apply a site rule's text directives to a dump's lines, before the line classifier runs.

Order: find_string/replace_string on the raw input, then `cut_before` and `cut_from` (the
first matching line decides), then `rewrite` on each remaining line, then `title_line`.
A rule's `drop_line` cues join the generic cues (ahead of them) inside the classifier.
Every change is recorded as an Effect, which `cleaner rules explain` prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from .cuefiles import build_cueset, generic_cues
from .cues import CueSet
from .site import SiteRule


@dataclass(frozen=True)
class Effect:
    where: str  # file:line of the directive
    directive: str
    line: int  # 1-based line of the input (0: the whole input)
    before: str
    after: str | None  # None: the line was removed
    of: str = "input"  # what `line` counts (model.POSITIONS)


@dataclass(frozen=True)
class RuledText:
    text: str  # removed lines blanked (line numbers keep), rewrites applied
    removed: dict[int, str]  # 0-based line index -> reason
    title_index: int | None
    effects: tuple[Effect, ...]


def find_replace(text: str, rule: SiteRule) -> tuple[str, list[Effect]]:
    """FiveFilters' find_string/replace_string: plain string replacement on the raw input."""
    effects = []
    for find, replacement in rule.replacements:
        count = text.count(find)
        if find and count:
            text = text.replace(find, replacement)
            effects.append(Effect(str(rule.path), "replace_string", 0, f"{find} (x{count})",
                                  replacement, "page"))  # fmt: skip
    return text, effects


def apply_text_rule(text: str, rule: SiteRule, of: str = "input") -> RuledText:
    """The directives on a text's lines; `of`: what the lines are (model.POSITIONS)."""
    text, effects = find_replace(text, rule)
    lines = text.splitlines()
    cuts = _cuts(lines, rule)
    removed = {i: cue.reason for i, (cue, _) in cuts.items() if lines[i].strip()}
    effects += [Effect(cue.origin, directive, i + 1, lines[i].strip(), None, of)
                for i, (cue, directive) in sorted(cuts.items()) if lines[i].strip()]  # fmt: skip
    kept = []
    for i, line in enumerate(lines):
        if i in cuts:
            line = ""  # blanked: line numbers keep
        elif line.strip():
            line, changes = _rewrite(line, i + 1, rule, of)
            effects += changes
        kept.append(line)
    title = next((i for i, line in enumerate(kept) if i not in removed and line.strip()
                  and any(p.search(line) for p in rule.title_line)), None)  # fmt: skip
    # a final newline keeps trailing blanked lines when the text is split again
    return RuledText("\n".join(kept) + "\n", removed, title, tuple(effects))


def _cuts(lines: list[str], rule: SiteRule) -> dict[int, tuple]:
    """The lines the rule cuts, each with (the cue that cut it, its directive): before the
    first `cut_before` match, and from the first `cut_from` match below that on."""
    cuts = {}
    start = _first(lines, rule.cut_before, 0)
    if start is not None:
        cue = _cue_at(lines[start[0]], rule.cut_before)
        cuts.update((i, (cue, "cut_before")) for i in range(start[0]))
    cut_cues = tuple(c for c in rule.cues if c.kind == "cut_from")
    end = _first(lines, cut_cues, start[0] if start else 0)
    if end is not None:
        cue = _cue_at(lines[end[0]], cut_cues)
        cuts.update((i, (cue, "cut_from")) for i in range(end[0], len(lines)))
    return cuts


def apply_rule_to_paragraphs(
    paragraphs: tuple[str, ...], rule: SiteRule
) -> tuple[tuple[str, ...], RuledText]:
    """The same directives over extracted paragraphs (the HTML path)."""
    ruled = apply_text_rule("\n".join(paragraphs), rule, "paragraph")
    kept = tuple(line for line in ruled.text.split("\n") if line.strip())
    return kept, ruled


@lru_cache(maxsize=64)
def cues_for(rule: SiteRule | None) -> CueSet:
    """The rule's drop_line cues ahead of the generic ones (the fallback layer)."""
    generic = generic_cues()
    if rule is None:
        return generic
    own = [c for c in rule.cues if c.kind == "drop_line"]
    if not own and not rule.fields:
        return generic
    return build_cueset(own + list(generic.cues), list(rule.fields) + list(generic.fields))


def _first(lines: list[str], cues, begin: int) -> tuple[int, str] | None:
    for i in range(begin, len(lines)):
        if lines[i].strip() and any(c.pattern.search(lines[i]) for c in cues):
            return i, lines[i]
    return None


def _cue_at(line: str, cues):
    return next(c for c in cues if c.pattern.search(line))


def _rewrite(line: str, number: int, rule: SiteRule, of: str) -> tuple[str, list[Effect]]:
    """The line after the rule's rewrites, and an Effect for each that changed it."""
    effects = []
    for rewrite in rule.rewrites:
        try:
            changed = rewrite.pattern.sub(rewrite.replacement, line)
        except (re.error, IndexError) as err:
            raise InputError(f"rule {rule.name} ({rewrite.where}) failed: {err}") from None
        if changed != line:
            effects.append(
                Effect(rewrite.where, "rewrite", number, line.strip(), changed.strip(), of)
            )
            line = changed
    return line, effects
