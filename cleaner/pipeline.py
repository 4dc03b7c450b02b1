"""The whole pipeline in one visible function: decode -> sniff -> extract -> repair ->
normalize -> document. `emit` renders the Document; the CLI only reads bytes and writes."""

from __future__ import annotations

from .cues import generic_cues
from .decode import decode_bytes
from .htmlpage import extract_html
from .language import guess_language
from .model import Document, Options
from .normalize import normalize
from .repair import repair
from .sniff import refuse_binary, refuse_binary_text, sniff_kind
from .textdump import extract_text


def clean(data: bytes, options: Options | None = None) -> Document:
    """Clean one raw page. Raises InputError for binary input, ConfigError for bad options."""
    options = options or Options()
    refuse_binary(data, options.source, encoding_known=options.encoding is not None)
    decoded = decode_bytes(data, options.encoding)
    refuse_binary_text(decoded.text, options.source)
    kind = sniff_kind(decoded.text, options.input_format)
    cues = generic_cues()
    if kind == "html":
        extracted = extract_html(decoded.text, cues, options.url)
    else:
        extracted = extract_text(decoded.text, cues, options.url, options.explain)
    repaired = repair(extracted.paragraphs)
    paragraphs = normalize(repaired.paragraphs)
    title = normalize((extracted.title,))[0] if extracted.title else None
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
        removed=extracted.removed + repaired.removed if options.explain else (),
    )
