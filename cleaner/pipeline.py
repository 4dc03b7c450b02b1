"""The whole pipeline in one visible function: decode -> sniff -> rules -> extract -> repair
-> normalize -> document. `emit` renders the Document; the CLI only reads bytes and writes."""

from __future__ import annotations

from .decode import decode_bytes
from .htmlpage import extract_html
from .language import guess_language
from .model import Document, Options
from .normalize import normalize
from .repair import repair
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
        extracted, ruled = extract_html(decoded.text, cues, options.url, rule, options.explain)
    else:
        ruled = apply_text_rule(decoded.text, rule) if rule else None
        extracted = extract_text(decoded.text, cues, options.url, options.explain, ruled)
    repaired = repair(extracted.paragraphs)
    paragraphs = normalize(repaired.paragraphs)
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
        language=guess_language("\n".join(paragraphs)) if options.detect_language else None,
        method=extracted.method,
        replacements=decoded.replacements,
        removed=extracted.removed + repaired.removed if explain else (),
        rule=rule.name if rule else None,
        rule_why=match.why if match else None,
        effects=ruled.effects if ruled and explain else (),
        notes=rule.notes if rule and explain else (),
    )


def find_rule(text: str, options: Options, html: bool = False) -> RuleMatch | None:
    """The site rule for this page, if rules are on and one matches."""
    if not options.use_rules:
        return None
    book = load_rulebook(options.rule_sources or rule_sources())
    return book.resolve(text, options.url, options.site, html)
