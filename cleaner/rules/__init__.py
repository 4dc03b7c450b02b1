"""Site rules and cues: the rule file format (format.py), one site rule (site.py), where
rules come from and which one a page gets (book.py), the generic cue files (cuefiles.py) and
their fast matching (cues.py, literals.py), a rule's directives on text lines (text.py) and
on an HTML tree (tree.py), and `cleaner rules check|test` (checks.py, loaded on use: it runs
the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Options, Page
from .book import RuleBook, find_rule, load_rulebook, rule_sources
from .cuefiles import generic_cues
from .cues import CueSet
from .site import SiteRule
from .text import Effect, cues_for


@dataclass(frozen=True)
class RuleChoice:
    """The site rule a page gets (None: generic cleaning), why, and the cues it reads with."""

    rule: SiteRule | None
    why: str | None
    cues: CueSet  # the rule's drop_line cues ahead of the generic ones
    by_host: bool = False  # the rule was chosen by the page's host


def choose_rule(page: Page, options: Options, by_host: bool = True) -> RuleChoice:
    """The rule stage: forced by --site, else by address (unless `by_host` is off: a host
    rule's stale content block set aside, see pipeline.py), else by content (book.py)."""
    match = find_rule(page, options, by_host)
    if match is None:
        return RuleChoice(None, None, cues_for(None))
    return RuleChoice(match.rule, match.why, cues_for(match.rule), match.by_host)


__all__ = [
    "CueSet",
    "Effect",
    "RuleBook",
    "RuleChoice",
    "SiteRule",
    "choose_rule",
    "cues_for",
    "generic_cues",
    "load_rulebook",
    "rule_sources",
]
