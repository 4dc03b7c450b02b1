"""Stage 2: what kind of input is this? Binary (refused), HTML, or a plain-text dump."""

from __future__ import annotations

import re

from .decode import utf16_without_bom
from .errors import InputError

SNIFF_BYTES = 8192  # the head of the input decides its kind
BINARY_CONTROL_SHARE = 0.10  # more C0 controls than this in the head: not text
HTML_MIN_TAGS = 3  # fewer structural tags than this in the head: a text dump

MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<html|<head|<!--)", re.I)
_HTML_TAG = re.compile(r"<(html|head|body|div|p|meta|title|a|span|table|script|br)\b[^>]*>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def refuse_binary(data: bytes, source: str, encoding_known: bool = False) -> None:
    """Raise InputError when `data` is not text (an image, an archive, an executable)."""
    head = data[:SNIFF_BYTES]
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise InputError(f"{source}: this is {what}, not a page; pass an HTML or text file")
    if encoding_known or _looks_utf16_or_32(head):
        return
    if b"\x00" in head:
        raise InputError(
            f"{source}: binary data (NUL bytes), not a page; pass an HTML or text file, "
            "or name its encoding with --encoding if it is UTF-16/32 text"
        )


def refuse_binary_text(text: str, source: str) -> None:
    """After decoding: a head full of control characters is binary data, whatever its bytes."""
    head = text[:SNIFF_BYTES]
    if _CONTROL.search(head) and len(_CONTROL.findall(head)) > BINARY_CONTROL_SHARE * len(head):
        raise InputError(f"{source}: binary data (control characters), not a page")


def sniff_kind(text: str, forced: str = "auto") -> str:
    """'html' or 'text': forced by the caller, else from the tags at the head of the input."""
    if forced in ("html", "text"):
        return forced
    head = text[:SNIFF_BYTES]
    if _HTML_START.match(head):
        return "html"
    return "html" if len(_HTML_TAG.findall(head)) >= HTML_MIN_TAGS else "text"


def _looks_utf16_or_32(head: bytes) -> bool:
    return head[:2] in (b"\xff\xfe", b"\xfe\xff") or utf16_without_bom(head) is not None
