"""The text-dump path after decoding: repair the lines, apply the site rule's text
directives, decide the page kind, classify the lines, settle the body. One function, so that
a page and each segment of a large dump are read alike."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Extracted, Options
from ..mojibake.repair import Repaired, repair_text
from ..pagekind import cues_for_kind, page_kind
from ..rules.cues import CueSet
from ..rules.site import SiteRule
from ..rules.text import RuledText, apply_text_rule
from .extract import extract_text, settle


@dataclass(frozen=True)
class DumpRead:
    extracted: Extracted
    repaired: Repaired
    ruled: RuledText | None


def read_dump(text: str, options: Options, rule: SiteRule | None, cues: CueSet) -> DumpRead:
    """Body, title and metadata of a text dump, with what repair and the rule did."""
    text, repaired = repair_text(text)  # before the classifier: it reads the lines
    ruled = apply_text_rule(text, rule) if rule else None
    found = page_kind(options, rule, cues)
    kind_cues = cues_for_kind(cues, found)
    thread = found.thread
    extracted = extract_text(text, kind_cues, options.url, options.explain, ruled, thread=thread)
    extracted = settle(extracted, kind_cues, options.url, options.explain, thread)
    return DumpRead(replace(extracted, page_kind=found), repaired, ruled)
