"""Text dumps too large to hold as one page (over LARGE_DUMP_BYTES: a crawler's export of a
whole site, a book): read in segments of about SEGMENT_BYTES, each cut at a line break and
read as a page of its own (method `text-segments`), so that memory follows the segment, not
the dump. The codec, the site rule and the page kind are decided once, from the head."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..decode import decode_as, decode_bytes
from ..decode.names import WIDE
from ..model import Document, Options, Removal
from ..normalize import normalize
from ..rules.book import find_rule
from ..rules.text import cues_for
from ..sniff import refuse_binary_text, sniff_kind
from .page import read_dump

LARGE_DUMP_BYTES = 8 * 1024 * 1024  # larger text dumps are read in segments (a 10 MB dump
# read whole peaks near 300 MB: 300 bytes of line records per line)
SEGMENT_BYTES = 4 * 1024 * 1024  # a segment: whole pages for any ordinary export
HEAD_BYTES = 1024 * 1024  # the codec, kind and site rule are decided on this much


def clean_large_dump(data: bytes, options: Options) -> Document | None:
    """The Document of a large text dump, or None when the input is HTML or in UTF-16/32
    (those are read whole)."""
    head = decode_bytes(data[:HEAD_BYTES], options.encoding)
    if head.encoding in WIDE or sniff_kind(head.text, options.input_format) != "text":
        return None
    refuse_binary_text(head, options.source)
    match = find_rule(head.text, options)
    rule = match.rule if match else None
    cues = cues_for(rule)
    title, metadata, kind = None, None, None
    paragraphs: list[str] = []
    removed: list[Removal] = []
    repairs: list = []
    replacements = repaired = dropped = 0
    for offset, chunk in segments(data):
        decoded = decode_as(chunk, head.encoding)
        replacements += decoded.replacements
        read = read_dump(decoded.text, options, rule, cues)
        extracted = read.extracted
        if metadata is None:
            title, metadata, kind = extracted.title, extracted.metadata, extracted.page_kind
        paragraphs.extend(normalize(extracted.paragraphs))
        repaired += len(read.repaired.repairs)
        dropped += sum(1 for r in read.repaired.repairs if r.after is None)
        if options.explain:
            found = extracted.removed + read.repaired.removed
            removed.extend(replace(r, line=r.line + offset) for r in found)
            repairs.extend(replace(r, line=r.line + offset) for r in read.repaired.repairs)
    title = normalize((title,))[0] if title else None
    return Document(
        source=options.source, kind="text", title=title or None, paragraphs=tuple(paragraphs),
        metadata=metadata, encoding=head.encoding, encoding_confidence=head.confidence,
        encoding_reason=head.reason, language=None, method="text-segments", page_kind=kind,
        replacements=replacements, removed=tuple(sorted(removed, key=lambda r: r.line)),
        repairs=tuple(repairs), repair_count=repaired, mojibake_dropped=dropped,
        encoding_why=f"{head.evidence} (from the first {HEAD_BYTES:,} bytes)",
        rule=rule.name if rule else None, rule_why=match.why if match else None,
    )  # fmt: skip


def segments(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(lines before it, segment) for each segment, cut after a line break (a 0x0A byte is
    never part of a multi-byte character in an ASCII-compatible codec)."""
    start, lines = 0, 0
    while start < len(data):
        end = data.find(b"\n", start + SEGMENT_BYTES)
        end = len(data) if end < 0 else end + 1
        chunk = data[start:end]
        yield lines, chunk
        lines += chunk.count(b"\n")
        start = end
