"""The whole pipeline in one visible function: decode -> sniff -> rules -> extract -> repair
-> normalize -> document. `emit` renders the Document; the CLI only reads bytes and writes."""

from __future__ import annotations

from dataclasses import replace

from .decode import decode_bytes
from .htmlpage import extract_html
from .model import Document, Options, Removal
from .normalize import normalize
from .pagekind import cues_for_kind, page_kind
from .repair import repair_lines, repair_text
from .rulebook import RuleMatch, load_rulebook, rule_sources
from .ruletext import apply_text_rule, cues_for
from .sniff import refuse_binary, refuse_binary_text, sniff_kind
from .textdump import extract_text


def clean(data: bytes, options: Options | None = None) -> Document:
    """Clean one raw page. Raises InputError for binary input, ConfigError for bad options."""
    options = options or Options()
    refuse_binary(data, options.source, encoding_known=options.encoding is not None)
    decoded = decode_bytes(data, options.encoding)
    refuse_binary_text(decoded.text, options.source)
    kind = sniff_kind(decoded.text, options.input_format)
    match = find_rule(decoded.text, options, kind == "html")
    rule = match.rule if match else None
    cues = cues_for(rule)
    if kind == "html":
        extracted, ruled = extract_html(decoded.text, cues, rule, options)
        repaired = repair_lines(extracted.paragraphs)  # paragraph numbers, not input lines
        kept = tuple(p for p in repaired.lines if p)
    else:
        text, repaired = repair_text(decoded.text)  # before the classifier: it reads the lines
        ruled = apply_text_rule(text, rule) if rule else None
        found = page_kind(options, rule, cues)
        kind_cues = cues_for_kind(cues, found)
        extracted = extract_text(
            text, kind_cues, options.url, options.explain, ruled, thread=found.thread
        )
        extracted = replace(extracted, page_kind=found)
        kept = extracted.paragraphs
    paragraphs = normalize(kept)
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
        rule=rule.name if rule else None,
        rule_why=match.why if match else None,
        effects=ruled.effects if ruled and explain else (),
        notes=rule.notes if rule and explain else (),
    )


def clear_caches() -> None:
    """Forget what was learnt from earlier pages' lines (plausibility scores), so a
    benchmark that repeats its pages measures them cold."""
    from .plausible import score

    score.cache_clear()


def find_rule(text: str, options: Options, html: bool = False) -> RuleMatch | None:
    """The site rule for this page, if rules are on and one matches."""
    if not options.use_rules:
        return None
    book = load_rulebook(options.rule_sources or rule_sources())
    return book.resolve(text, options.url, options.site, html)


def _language(paragraphs: tuple[str, ...]) -> str | None:
    from .language import guess_language  # JSON output only: text output never pays for it

    return guess_language("\n".join(paragraphs))


def _merge(first: tuple[Removal, ...], second: tuple[Removal, ...]) -> tuple[Removal, ...]:
    """Removals in input order (a line dropped by repair never reaches the extractor)."""
    return tuple(sorted(first + second, key=lambda r: r.line))
