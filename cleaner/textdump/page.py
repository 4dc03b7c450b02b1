"""The text-dump path's two stages: prepare (repair the lines, then the site rule's text
directives) and extract (classify the lines, then settle the body). A page and each segment
of a large dump are read alike."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Extracted, Reading
from ..mojibake.repair import Repaired, repair_text
from ..rules.site import SiteRule
from ..rules.text import RuledText, apply_text_rule
from .extract import extract_text
from .settle import settle


@dataclass(frozen=True)
class PreparedDump:
    """A dump ready for the line classifier: repaired, and cut by the site rule."""

    text: str  # the repaired text (line numbers as in the input)
    repaired: Repaired
    ruled: RuledText | None  # the site rule's cuts and rewrites, if a rule applies

    @property
    def effects(self) -> tuple:
        return self.ruled.effects if self.ruled else ()


def prepare_dump(text: str, rule: SiteRule | None) -> PreparedDump:
    """Mojibake repaired line by line (the classifier reads the lines), then the rule."""
    text, repaired = repair_text(text)
    ruled = apply_text_rule(text, rule) if rule else None
    return PreparedDump(text, repaired, ruled)


def read_dump(prepared: PreparedDump, reading: Reading) -> Extracted:
    """Body, title and metadata of a prepared dump, read until cleaning it again changes
    nothing (see settle.py)."""
    return settle(extract_text(prepared.text, reading, prepared.ruled), reading)
