"""The whole pipeline in one visible function: decode -> sniff -> rules -> extract -> repair
-> normalize -> document. `emit` renders the Document; the CLI only reads bytes and writes."""

from __future__ import annotations

from .decode import decode_bytes
from .html.extract import extract_html
from .model import Document, Options, Removal
from .mojibake.repair import repair_lines
from .normalize import normalize
from .rules.book import find_rule
from .rules.text import cues_for
from .sniff import mend_markup, refuse_binary, refuse_binary_text, sniff_kind
from .textdump.large import LARGE_DUMP_BYTES, clean_large_dump
from .textdump.page import read_dump


def clean(data: bytes, options: Options | None = None) -> Document:
    """Clean one raw page. Raises InputError for binary input, ConfigError for bad options."""
    options = options or Options()
    refuse_binary(data, options.source, encoding_known=options.encoding is not None)
    if len(data) > LARGE_DUMP_BYTES and options.input_format != "html":
        large = clean_large_dump(data, options)  # read in segments: memory stays bounded
        if large is not None:
            return large
    decoded = decode_bytes(data, options.encoding)
    refuse_binary_text(decoded, options.source)
    kind = sniff_kind(decoded.text, options.input_format)
    text = mend_markup(decoded.text) if kind == "html" else decoded.text
    match = find_rule(text, options, kind == "html")
    rule = match.rule if match else None
    cues = cues_for(rule)
    if kind == "html":
        extracted, ruled = extract_html(text, cues, rule, options)
        repaired = repair_lines(extracted.paragraphs)  # paragraph numbers, not input lines
        kept = tuple(p for p in repaired.lines if p)
    else:
        read = read_dump(text, options, rule, cues)
        extracted, repaired, ruled = read.extracted, read.repaired, read.ruled
        kept = extracted.paragraphs
    paragraphs = normalize(kept) if kind == "html" else kept  # a dump's come normalized
    title = normalize((extracted.title,))[0] if extracted.title else None
    explain = options.explain
    return Document(
        source=options.source,
        kind=kind,
        title=title or None,
        paragraphs=paragraphs,
        metadata=extracted.metadata,
        encoding=decoded.encoding,
        encoding_confidence=decoded.confidence,
        encoding_reason=decoded.reason,
        language=_language(paragraphs) if options.detect_language else None,
        method=extracted.method,
        page_kind=extracted.page_kind,
        replacements=decoded.replacements,
        removed=_merge(extracted.removed, repaired.removed) if explain else (),
        repairs=repaired.repairs if explain else (),
        repair_count=len(repaired.repairs),
        mojibake_dropped=sum(1 for r in repaired.repairs if r.after is None),
        encoding_why=decoded.evidence,
        rule=rule.name if rule else None,
        rule_why=match.why if match else None,
        effects=ruled.effects if ruled and explain else (),
        notes=rule.notes if rule and explain else (),
    )


def clear_caches() -> None:
    """Forget what was learnt from earlier pages' lines (plausibility scores, cue matches), so a
    benchmark that repeats its pages measures them cold."""
    from .mojibake.plausible import score
    from .rules.cues import forget_matches

    score.cache_clear()
    forget_matches()


def _language(paragraphs: tuple[str, ...]) -> str | None:
    from .language import guess_language  # JSON output only: text output never pays for it

    return guess_language("\n".join(paragraphs))


def _merge(first: tuple[Removal, ...], second: tuple[Removal, ...]) -> tuple[Removal, ...]:
    """Removals in input order (a line dropped by repair never reaches the extractor)."""
    return tuple(sorted(first + second, key=lambda r: r.line))
