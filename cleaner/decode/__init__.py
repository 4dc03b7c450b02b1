"""The decode stage: bytes -> text, with the codec used, how sure, and why.

The evidence, strongest first: `--encoding`; a byte-order mark; the NUL pattern of UTF-16/32;
bytes that are UTF-8 but for a few bad sequences (a legacy declaration loses to them: that
byte pattern is vanishingly rare in GBK or Latin-1 text, and a stale <meta> tag is common);
a multi-byte declaration (<meta charset>, <?xml encoding?>, an HTTP Content-Type) that decodes
with few errors; otherwise a contest of plausible readings (guess.py), where a single-byte
declaration only gets a head start. Bad byte sequences become U+FFFD and are counted; a
guess says how sure it is. Characters XML cannot hold (NUL and other C0 controls, U+FFFE/F)
are taken out, a form feed or vertical tab becomes a line break.
"""

from __future__ import annotations

import codecs
import re

from ..model import Decoded
from ..mojibake.plausible import C1
from . import splice
from .guess import clean_cjk_reading, guess_codec, own_fffd
from .misread import non_ascii
from .names import MULTIBYTE, WEB_ENCODINGS, WIDE, canonical_codec, forced_codec
from .wide import wide_codec

NEAR_VALID = 0.2  # bad sequences up to this share of the non-ASCII characters: still that
# codec (legacy text read as UTF-8 shows 45% or more on every page of the shared sets)
STRAY_BYTES = 4096  # ... or at most one per this many bytes of input: stray bytes in a page
# whose few non-ASCII characters they outnumber (a misread legacy page has one per 100)
DECLARED_STRAY = 3  # ... and a declared codec is kept with this many bad sequences, whatever
# the page's size (an ASCII page with one stray byte is still the UTF-8 it says it is)
DECLARATION_SCAN_BYTES = 4096  # where <meta charset> and <?xml encoding?> must appear
WIDE_CONFIDENCE = 0.9  # UTF-16/32 told by their NUL pattern alone

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]{0,512}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_CONTROLS = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))  # C0 but tab, LF, CR
# C1 controls (U+0080-U+009F) in the text: in UTF-8 bytes C2 80-C2 9F, which a scan of the
# bytes finds in a twelfth of the time the regex takes over the text (scrapinghub: 50 us a page)
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_NOT_XML = re.compile(f"[{re.escape(_CONTROLS.decode('ascii'))}\ufffe\uffff]")
# in the web's encodings (ASCII-compatible, no trail byte under 0x40) a control character in
# the text is one of _CONTROLS in the bytes, and a scan of the bytes costs a sixth of the
# regex's scan of the text (a CJK page is two bytes a character)


def decode_bytes(data: bytes, encoding: str | None = None, declared: str | None = None) -> Decoded:
    """Decode `data`. `encoding` forces a codec (ConfigError if it names none); `declared` is
    a charset the page came with from outside (an HTTP Content-Type), weighed like <meta>."""
    if encoding:
        return _decode(data, forced_codec(encoding), 1.0, "forced", f"--encoding {encoding}")
    settled = _settled(data)
    if settled:
        return settled
    label = declared or _declared_label(data)
    claim = canonical_codec(label) if label else None
    claim = None if claim in WIDE else claim  # an ASCII-compatible page is not UTF-16
    said = f"declared {label}" if label else "no declaration"
    by_bytes = _by_bytes(data, claim, said)
    if by_bytes:
        return by_bytes
    guess = guess_codec(data, claim)
    reason = "declared" if guess.codec == claim else "detected"
    return _decode(data, guess.codec, guess.confidence, reason, f"{said}; {guess.evidence}")


def _settled(data: bytes) -> Decoded | None:
    """Empty input, a byte-order mark, the NUL pattern of UTF-16/32, or ASCII only."""
    if not data:
        return Decoded("", "utf-8", 1.0, "empty")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], codec, 1.0, "bom", "byte-order mark")
    wide = wide_codec(data)
    if wide:
        return _decode(data, wide, WIDE_CONFIDENCE, "detected", f"NUL bytes placed as in {wide}")
    if data.isascii():
        return _decode(data, "utf-8", 1.0, "ascii", "ASCII only")
    return None


def _by_bytes(data: bytes, claim: str | None, said: str) -> Decoded | None:
    """UTF-8 (or a declared multi-byte codec) that reads the bytes but for a few bad
    sequences: a small share of the non-ASCII characters, or stray ones in a page that has
    few others, unless a CJK codec reads every byte (a misdeclared GB18030 page)."""
    codecs_ = dict.fromkeys(c for c in ("utf-8", claim) if c in MULTIBYTE)
    readings = {codec: _try(data, codec) for codec in codecs_}
    for codec, (text, bad) in readings.items():
        if not bad or (bad <= NEAR_VALID * non_ascii(text) and (codec == claim or not claim)):
            reason = "declared" if codec == claim else "utf-8"
            why = f"{codec} bytes; {said}"
            return _decoded(text, codec, _certainty(text, bad), reason, why, bad, data)
    for codec, (text, bad) in readings.items():
        stray = bad * STRAY_BYTES <= len(data) or (codec == claim and bad <= DECLARED_STRAY)
        if stray and codec in (claim, None if claim else "utf-8"):
            other = clean_cjk_reading(data)
            if other and other != codec:
                return _decode(data, other, 1.0, "detected", f"{said}; every byte is {other}")
            why = f"{codec} bytes, a few stray; {said}"
            reason = "declared" if claim else "utf-8"
            return _decoded(text, codec, _certainty(text, bad), reason, why, bad, data)
    return None


def decode_as(data: bytes, codec: str) -> Decoded:
    """`data` in a codec already chosen (a segment of a large dump)."""
    return _decode(data, codec, 1.0, "forced", codec)


def _decode(data: bytes, codec: str, confidence: float, reason: str, why: str) -> Decoded:
    text, bad = _try(data, codec)
    return _decoded(text, codec, confidence, reason, why, bad, data)


def _decoded(text: str, codec: str, confidence: float, reason: str, why: str, bad: int,
             data: bytes) -> Decoded:  # fmt: skip
    if bad:
        why += f"; {bad} bad byte sequence(s) replaced"
    text, controls = _xml_safe(text, data, codec)
    c1 = bool(_C1_UTF8.search(data) if codec == "utf-8" else C1.search(text))
    exact = codec == "utf-8" and not (bad or controls or data.startswith(codecs.BOM_UTF8))
    return Decoded(text, codec, round(confidence, 3), reason, bad, why, controls, c1,
                   data if exact else None)  # fmt: skip


def _try(data: bytes, codec: str) -> tuple[str, int]:
    """The text with bad sequences replaced, and how many there were (U+FFFD the input
    itself holds are not counted)."""
    try:
        return data.decode(codec).removeprefix("\ufeff"), 0
    except UnicodeDecodeError:
        pass
    if codec in MULTIBYTE and codec != "utf-8":  # a stray byte inside a character: spliced
        splice.reset()
        return data.decode(codec, errors=splice.HANDLER).removeprefix(
            "\ufeff"
        ), splice.bad_sequences()
    text = data.decode(codec, errors="replace").removeprefix("\ufeff")
    return text, text.count("\ufffd") - own_fffd(data, codec)


def _certainty(text: str, bad: int) -> float:
    return 1.0 - bad / max(1, non_ascii(text)) if bad else 1.0


def _xml_safe(text: str, data: bytes, codec: str) -> tuple[str, int]:
    """Without the characters XML cannot hold (lxml refuses them), and how many there were."""
    plain = codec in WEB_ENCODINGS and "\ufffe" not in text and "\uffff" not in text
    if plain and len(data.translate(None, _CONTROLS)) == len(data):
        return text, 0
    if not _NOT_XML.search(text):
        return text, 0
    breaks = text.count("\x0b") + text.count("\x0c")
    text, removed = _NOT_XML.subn("", text.replace("\x0b", "\n").replace("\x0c", "\n"))
    return text, breaks + removed


def _declared_label(data: bytes) -> str | None:
    match = _DECLARED.search(data[:DECLARATION_SCAN_BYTES])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


__all__ = ["canonical_codec", "decode_as", "decode_bytes", "forced_codec", "wide_codec"]
