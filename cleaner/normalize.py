"""Stage 5: one paragraph per line, no indentation, full-width punctuation in CJK text.

ASCII `, : ; ! ?` become `，：；！？` where they touch CJK text, and `( )` become `（ ）` around
CJK text; numbers (1,000 and 10:30), URLs and Latin text keep theirs. Never NFKC: it would
turn the full-width marks back into ASCII. Normalizing normalized text changes nothing.
"""

from __future__ import annotations

import re

from .lines import CJK_RUN

_CJK_MARKS = frozenset("“”‘’《》「」『』【】…—")
_HAS_CJK = CJK_RUN  # one compiled CJK class serves the package (compiling one costs ms)
_FULLWIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")
_MARK = re.compile(r" ?([,:;!?]) ?")
_ASCII_MARK = re.compile(r"[,:;!?()]")
# an e-mail address in ASCII: `\S+@` would try every start in a long CJK line (no spaces)
_URL = re.compile(
    r"[a-z][a-z0-9+.-]*://\S+|www\.\S+|[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", re.I
)
_PARENS = re.compile(r"\(([^()]*)\)")


def normalize_paragraph(text: str) -> str:
    return _punctuate(_SPACES.sub(" ", text).strip())


def normalize(paragraphs: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Every paragraph normalized, empty ones dropped. One pass over the joined paragraphs
    folds the spaces of all of them (a regex call per paragraph costs more)."""
    joined = "\n".join(paragraphs)
    if joined.count("\n") >= len(paragraphs):  # a paragraph holds a line break itself
        return tuple(p for p in map(normalize_paragraph, paragraphs) if p)
    out = (_punctuate(p.strip()) for p in _SPACES.sub(" ", joined).split("\n"))
    return tuple(p for p in out if p)


def _punctuate(text: str) -> str:
    if not _ASCII_MARK.search(text) or not _HAS_CJK.search(text):
        return text
    # A converted mark can make its neighbour CJK-adjacent (":!中"), and parentheses nest:
    # repeat until nothing changes, so that normalizing normalized text changes nothing.
    while True:
        converted = _PARENS.sub(_parens, _convert_marks(text))
        if converted == text or not _ASCII_MARK.search(converted):
            return converted  # unchanged, or no ASCII mark left to convert: a fixpoint
        text = converted


def _convert_marks(text: str) -> str:
    maybe_url = "://" in text or "www." in text or "@" in text
    protected = [m.span() for m in _URL.finditer(text)] if maybe_url else []
    return _MARK.sub(lambda m: _mark(m, text, protected), text)


def _mark(match: re.Match[str], text: str, protected: list[tuple[int, int]]) -> str:
    pos = match.start(1)
    if any(start <= pos < end for start, end in protected):
        return match.group(0)
    left = text[pos - 1] if pos > 0 else ""
    right = text[pos + 1] if pos + 1 < len(text) else ""
    if left.isdigit() and right.isdigit():
        return match.group(0)  # 1,000 and 10:30
    left_cjk = match.start() > 0 and _cjkish(text[match.start() - 1])
    right_cjk = match.end() < len(text) and _cjkish(text[match.end()])
    if left_cjk or right_cjk:
        return _FULLWIDTH[match.group(1)]
    return match.group(0)


def _cjkish(char: str) -> bool:
    """A CJK character, or a full-width mark that lives in CJK text."""
    code = ord(char)
    return (
        0x3000 <= code <= 0x30FF  # CJK punctuation, kana
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF01 <= code <= 0xFF5E  # full-width forms
        or char in _CJK_MARKS
    )


def _parens(match: re.Match[str]) -> str:
    """Full-width when the parentheses hold CJK text or follow a CJK character."""
    inner, start = match.group(1), match.start()
    after_cjk = start > 0 and bool(CJK_RUN.match(match.string, start - 1))
    if after_cjk or _HAS_CJK.search(inner):
        return f"（{inner}）"
    return match.group(0)
