"""A stray byte inside a double-byte character of GB18030, Big5, Shift_JIS, EUC-JP or
EUC-KR: the decoder meets `lead, stray, trail`, fails, and would read the trail byte as the
next lead, every character after it shifted by one byte until the next ASCII byte. This
error handler joins the lead and the trail again (across up to MAX_STRAY stray bytes) when
they make one character and the bytes after them decode, and counts every bad sequence it
meets (spliced ones included)."""

from __future__ import annotations

import codecs
import threading

LOOKAHEAD = 16  # bytes after a spliced character that must decode for the splice to hold
MAX_STRAY = 3  # stray bytes in a row that a splice skips
HANDLER = "cleaner-splice"

_state = threading.local()


def reset() -> None:
    _state.bad = 0


def bad_sequences() -> int:
    return getattr(_state, "bad", 0)


def _splice(err: UnicodeDecodeError) -> tuple[str, int]:
    _state.bad = bad_sequences() + 1
    data, start, codec = err.object, err.start, err.encoding
    for skip in range(1, MAX_STRAY + 1):
        trail = start + 1 + skip
        if data[start] < 0x80 or trail >= len(data) or min(data[start + 1 : trail]) < 0x80:
            break
        char = _decoded(bytes((data[start], data[trail])), codec)
        after = data[trail + 1 : trail + 1 + LOOKAHEAD]
        if char is not None and len(char) == 1 and _decoded(after, codec) is not None:
            return char, trail + 1
    return "\ufffd", err.end


def _decoded(chunk: bytes, codec: str) -> str | None:
    """`chunk` decoded, a character cut off at its end allowed; None if it does not decode."""
    try:
        return chunk.decode(codec)
    except UnicodeDecodeError as err:
        return chunk[: err.start].decode(codec) if err.start >= len(chunk) - 3 else None


codecs.register_error(HANDLER, _splice)
