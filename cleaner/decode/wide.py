"""UTF-16 and UTF-32 without a byte-order mark, recognised by where their NUL bytes fall.

Text in these codecs puts NUL bytes in fixed places: every ASCII character of UTF-16-LE has
a NUL as its second byte, every BMP character of UTF-32-LE two NULs as its last bytes. A CJK
character has few (一 is U+4E00, 开 U+5F00), but a page's spaces, digits and line breaks are
ASCII, so even Chinese text shows them. NULs nearly all on one side decide; else each side's
reading is weighed and the plausible one wins. Binary data reads as rare characters.
"""

from __future__ import annotations

from .misread import misread_share

WIDE_SAMPLE_BYTES = 64 * 1024  # the head the NUL pattern is read from
MIN_NULS = 4  # fewer NULs than this on one side: no evidence either way
CLEARLY_ONE_SIDED = 0.98  # UTF-16: this share of the NULs on one side decides alone; else
# the reading of each side that has NULs is weighed
PLAUSIBLE_SHARE = 0.2  # at most this share of a reading's characters misread
READ_BYTES = 16 * 1024  # the head whose reading is checked
UTF32_PLANE_BYTE_MAX = 0x10  # UTF-32: the third byte of a code point is a plane number


def wide_codec(data: bytes) -> str | None:
    """'utf-32-le', 'utf-32-be', 'utf-16-le', 'utf-16-be', or None for anything else."""
    sample = data[:WIDE_SAMPLE_BYTES]
    if len(sample) < 4 or sample.count(0) < MIN_NULS:
        return None
    return _utf32(sample) or _utf16(sample)


def _utf32(sample: bytes) -> str | None:
    usable = sample[: len(sample) - len(sample) % 4]
    columns = [usable[i::4] for i in range(4)]
    if _all_nul(columns[3]) and _planes(columns[2]) and not _all_nul(columns[0]):
        return "utf-32-le"
    if _all_nul(columns[0]) and _planes(columns[1]) and not _all_nul(columns[3]):
        return "utf-32-be"
    return None


def _utf16(sample: bytes) -> str | None:
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    sides = [(odd, "utf-16-le"), (even, "utf-16-be")]
    for nuls, codec in sides:  # nearly all NULs on one side: the pattern alone decides
        if nuls >= MIN_NULS and nuls >= CLEARLY_ONE_SIDED * (odd + even):
            return codec if _misread(sample, codec) is not None else None
    readings = [(_misread(sample, codec), codec) for nuls, codec in sides if nuls >= MIN_NULS]
    plausible = [(bad, codec) for bad, codec in readings if bad is not None]
    best = min(plausible, default=None)  # Chinese has NULs on both sides (开 is U+5F00)
    return best[1] if best and best[0] <= PLAUSIBLE_SHARE else None


def _misread(sample: bytes, codec: str) -> float | None:
    """How much of the head's reading in `codec` is misread; None when its surrogates do not
    pair up (random bytes break them), one cut off at the end aside."""
    usable = sample[: min(len(sample) - len(sample) % 2, READ_BYTES)]
    try:
        text = usable.decode(codec)
    except UnicodeDecodeError as err:
        if err.start < len(usable) - 4:
            return None
        text = usable[: err.start].decode(codec)
    return misread_share(text)


def _all_nul(column: bytes) -> bool:
    return not column.strip(b"\x00")


def _planes(column: bytes) -> bool:
    return max(column, default=0) <= UTF32_PLANE_BYTE_MAX
