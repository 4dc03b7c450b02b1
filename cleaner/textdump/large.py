"""Text dumps too large to hold as one page (over LARGE_DUMP_BYTES: a crawler's export of a
whole site, a book): read in segments of about SEGMENT_BYTES, each cut at a line break and
read as a page of its own (method `text-segments`), so that memory follows the segment, not
the dump. The codec, the site rule and the page kind are decided once, from the head."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..decode import decode_as, decode_bytes
from ..decode.names import WIDE
from ..model import Document, Extracted, Options, Page
from ..mojibake.repair import Repaired
from ..normalize import normalize
from ..pagekind import page_kind, reading_for
from ..sniff import refuse_binary_text, sniff_kind
from .page import prepare_dump, read_dump

LARGE_DUMP_BYTES = 8 * 1024 * 1024  # larger text dumps are read in segments (a 10 MB dump
# read whole peaks near 300 MB: 300 bytes of line records per line)
SEGMENT_BYTES = 4 * 1024 * 1024  # a segment: whole pages for any ordinary export
HEAD_BYTES = 1024 * 1024  # the codec, kind and site rule are decided on this much


def clean_large_dump(data: bytes, options: Options) -> Document | None:
    """The Document of a large text dump, or None when the input is HTML or in UTF-16/32
    (those are read whole). No language guess: the text may be many pages in many."""
    from ..pipeline import Body, document  # the pipeline reads large dumps through here
    from ..rules import choose_rule

    head = decode_bytes(data[:HEAD_BYTES], options.encoding, options.charset)
    if head.encoding in WIDE or sniff_kind(head.text, options.input_format) != "text":
        return None
    refuse_binary_text(head, options.source)
    page = Page("text", head.text, options.url)
    choice = choose_rule(page, options)
    kind = page_kind(options, choice.rule, choice.cues, page)
    options = replace(options, detect_language=False)
    reading = reading_for(kind, choice.rule, choice.cues, options)
    first, paragraphs, trail = None, [], _Trail(options.explain)
    replacements = 0
    for offset, chunk in segments(data):
        decoded = decode_as(chunk, head.encoding)
        replacements += decoded.replacements
        prepared = prepare_dump(decoded.text, choice.rule)
        extracted = read_dump(prepared, reading)
        first = first or extracted
        paragraphs.extend(normalize(extracted.paragraphs))
        trail.add(offset, extracted, prepared.repaired)
    why = f"{head.evidence} (from the first {HEAD_BYTES:,} bytes)"
    decoded = replace(head, replacements=replacements, evidence=why)
    extracted = replace(first, method="text-segments", removed=tuple(trail.removed))
    repaired = Repaired((), tuple(trail.repairs), tuple(trail.dropped))
    body = Body(extracted, repaired, tuple(paragraphs), ())
    return document(page, decoded, choice, reading, body)


class _Trail:
    """The removals and repairs of every segment, at their lines of the whole dump (repairs
    are counted whether or not they are explained)."""

    def __init__(self, explain: bool) -> None:
        self.explain, self.removed, self.repairs, self.dropped = explain, [], [], []

    def add(self, offset: int, extracted: Extracted, repaired: Repaired) -> None:
        self.repairs.extend(replace(r, line=r.line + offset) for r in repaired.repairs)
        if self.explain:
            self.removed.extend(replace(r, line=r.line + offset) for r in extracted.removed)
            self.dropped.extend(replace(r, line=r.line + offset) for r in repaired.removed)


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
