"""Stage 1: bytes -> text, with the codec used and why.

Order: BOM, then the page's declared charset (cross-checked), then strict UTF-8, then chardet
on a bounded sample. The codec is always widened to its superset, and undecodable bytes become
U+FFFD (counted) instead of raising.
"""

from __future__ import annotations

import codecs
import re
import threading

from .errors import ConfigError
from .model import Decoded

DETECT_SAMPLE_BYTES = 64 * 1024  # chardet sees at most this much: detection cost stays flat
ASCII_CONTEXT = 64  # ASCII bytes kept around non-ASCII text in the sample: enough for
# single-byte language models, too few to outvote the CJK bytes
DECLARATION_SCAN_BYTES = 4096  # where <meta charset> and <?xml encoding?> must appear
CROSS_CHECK_MARGIN = 0.1  # a CJK reading must beat a single-byte one by this much
CJK_CANDIDATES = ("gb18030", "big5hkscs", "cp932", "cp949", "euc_jp")
SINGLE_BYTE = frozenset(
    ("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
     "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "koi8_r",
     "koi8_u", "mac_roman", "mac_cyrillic", "cp850", "cp866", "ptcp154", "kz1048", "tis_620",
     "cp874")
)  # fmt: skip

# Decode with the superset a label's pages really use (WHATWG does the same for Latin-1).
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "cp949": "cp949",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "utf-8",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
}

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SCRIPT_STYLE = re.compile(rb"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")
_FIRST_HIGH = re.compile(rb"[\x80-\xff]")

_counter = threading.local()


def _count_and_replace(err: UnicodeDecodeError) -> tuple[str, int]:
    _counter.n = getattr(_counter, "n", 0) + (err.end - err.start)
    return "\ufffd", err.end


codecs.register_error("cleaner-count", _count_and_replace)


def canonical_codec(name: str) -> str | None:
    """Python's name for a label, widened to its superset; None if Python has no such codec."""
    try:
        base = codecs.lookup(name.strip().lower()).name
    except (LookupError, ValueError):
        return None
    key = base.replace("-", "_")
    return SUPERSETS.get(key, base)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode `data`; `encoding` forces a codec (ConfigError if Python does not know it)."""
    if encoding:
        codec = canonical_codec(encoding)
        if codec is None:
            raise ConfigError(
                f"unknown encoding {encoding!r}: use a Python codec name such as utf-8, gb18030, "
                "big5, shift_jis or cp1252, or leave --encoding out to detect it"
            )
        return _decode_with(data, codec, 1.0, "forced")
    if not data:
        return Decoded("", "utf-8", 1.0, "empty")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], codec, 1.0, "bom")
    utf16 = utf16_without_bom(data)
    if utf16:
        return _decode_with(data, utf16, 0.9, "detected")
    declared = _declared_codec(data)
    is_utf8 = _is_strict_utf8(data)
    if declared and declared != "utf-8" and not (is_utf8 and not data.isascii()):
        better = _cjk_instead_of_single_byte(data, declared)
        if better:  # `iso-8859-1` declared on a GBK page: the bytes say otherwise
            return _decode_with(data, better, 0.9, "detected")
        return _decode_with(data, declared, 1.0, "declared")
    if is_utf8:
        # Valid non-ASCII UTF-8 wins over a legacy declaration: that byte pattern is
        # vanishingly rare in GBK or Latin-1 text, and a stale <meta> tag is common.
        reason = "declared" if declared == "utf-8" else "utf-8" if not data.isascii() else "ascii"
        if isinstance(is_utf8, str):  # decoded already while checking
            return Decoded(is_utf8.removeprefix("\ufeff"), "utf-8", 1.0, reason)
        return _decode_with(data, "utf-8", 1.0, reason)
    codec, confidence = detect_codec(data)
    better = _cjk_instead_of_single_byte(data, codec)
    if better:  # chardet answers PTCP154 or cp1251 for some GBK pages
        codec = better
    return _decode_with(data, codec, confidence, "detected")


def detect_codec(data: bytes) -> tuple[str, float]:
    """chardet on the non-ASCII lines of a bounded, script-free sample."""
    import chardet  # imported here: most pages are UTF-8 and never need it

    result = chardet.detect(_sample(data), prefer_superset=True)
    codec = canonical_codec(result.get("encoding") or "") or "cp1252"
    return codec, float(result.get("confidence") or 0.0)


def _sample(data: bytes) -> bytes:
    sample = _SCRIPT_STYLE.sub(b" ", data[: DETECT_SAMPLE_BYTES * 4])
    # Long ASCII runs before the first CJK byte mislead chardet (it answers cp850 or
    # iso8859-15); the lines that hold non-ASCII bytes carry all the evidence there is.
    lines = (_around_non_ascii(line) for line in _NON_ASCII_LINE.findall(sample))
    return b"\n".join(lines)[:DETECT_SAMPLE_BYTES]


def _cjk_instead_of_single_byte(data: bytes, codec: str) -> str | None:
    """A CJK codec that reads the page clearly more plausibly than a single-byte `codec`
    (declared or detected); None to keep `codec`."""
    if codec not in SINGLE_BYTE or data.isascii():
        return None
    from .plausible import score  # only pages in single-byte codecs pay for the tables

    sample = _sample(data)
    best, best_score = None, score(sample.decode(codec, errors="replace")) + CROSS_CHECK_MARGIN
    for candidate in CJK_CANDIDATES:
        value = score(sample.decode(candidate, errors="replace"))
        if value > best_score:
            best, best_score = candidate, value
    return best


def _around_non_ascii(line: bytes) -> bytes:
    """A line trimmed to ASCII_CONTEXT bytes either side of its non-ASCII span."""
    first = _FIRST_HIGH.search(line).start()
    last = len(line) - _FIRST_HIGH.search(line[::-1]).start()
    return line[max(0, first - ASCII_CONTEXT) : last + ASCII_CONTEXT]


def _decode_with(data: bytes, codec: str, confidence: float, reason: str) -> Decoded:
    _counter.n = 0
    text = data.decode(codec, errors="cleaner-count")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, codec, round(confidence, 3), reason, _counter.n)


def _declared_codec(data: bytes) -> str | None:
    match = _DECLARED.search(data[:DECLARATION_SCAN_BYTES])
    if not match:
        return None
    return canonical_codec((match.group(1) or match.group(2)).decode("ascii", "replace"))


def _is_strict_utf8(data: bytes) -> str | bool:
    """The decoded text when `data` is UTF-8 (a truthy answer that saves decoding twice);
    True for UTF-8 cut off inside its last character; False otherwise."""
    try:
        return data.decode("utf-8") or True
    except UnicodeDecodeError as err:
        # A multi-byte character cut off by a truncated download is still UTF-8.
        return err.start >= len(data) - 3 and err.reason == "unexpected end of data"


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM shows NUL in every other byte for Latin text."""
    sample = data[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None
