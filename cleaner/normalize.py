"""The normalize stage: one paragraph per line, no indentation, full-width punctuation in CJK text.

ASCII `, : ; ! ?` become `，：；！？` where they touch Chinese or Japanese text, and `( )` become
`（ ）` around it; Korean, written with ASCII marks and spaces, keeps them; numbers (1,000 and
10:30), URLs and Latin text keep theirs. Private-use characters (an icon font's glyph, a legacy
codec's user-defined character) show a reader nothing but a box and are taken out, as are the
bidirectional embeddings and isolates, which show nothing at all. Never NFKC:
it would turn the full-width marks back into ASCII. Normalizing normalized text changes nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .scripts import HAN, HAN_COMPAT, KANA

# what an ASCII mark touching becomes full-width (a regex class): CJK punctuation and kana,
# Han, the full-width forms, and the marks that live in CJK text
CJKISH = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e“”‘’《》「」『』【】…—"
_CJKISH = re.compile(f"[{CJKISH}]")
_HAS_CJK = re.compile(f"[{KANA}{HAN}{HAN_COMPAT}]")  # the scripts written with full-width marks
MAX_PASSES = 50  # conversion passes over one paragraph (one per mark in a run like ":!中")
_FULLWIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}

# the BMP's private-use area, and the bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069): formatting a reader never sees, left in a name a page wraps
# in them (`\u202aGeoffrey Hinton\u202c`); the marks LRM and RLM stay
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\u202a-\u202e\u2066-\u2069]+")
_WIDER_SPACES = r"\t\u00a0\u3000\u2000-\u200a\u202f\u205f"  # tabs, no-break and wide spaces
# the runs to fold: two spaces or more, or one that is not " " (a lone " " is left as it is)
_SPACES = re.compile(f"[ {_WIDER_SPACES}]{{2,}}|[{_WIDER_SPACES}]")
_OTHER_SPACE = re.compile(f"[{_WIDER_SPACES}]")  # a space but " "
_MARK_RUN = re.compile(r"(?: ?[,:;!?] ?)+")
_ASCII_MARK = re.compile(r"[,:;!?()]")
# an e-mail address in ASCII: `\S+@` would try every start in a long CJK line (no spaces)
# A match starts only where a run of its characters does: else a long run without `://` or
# `@` would be scanned again from each of its characters.
_URL = re.compile(
    r"(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://\S+|www\.\S+"
    r"|(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+",
    re.I,
)
# what a paragraph's ends lose: spaces, and the zero-width characters, which join or part
# nothing there (a page's `&zwj;` alone on a line was an empty-looking paragraph)
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_WHITESPACE = (  # what str.strip() takes: every character str.isspace() holds (written out, not
    # found at import: a loop over 12,000 characters, 1 ms of every process's start-up)
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_EDGES = _WHITESPACE + _ZERO_WIDTH
_PARENS = re.compile(r"\(([^()]*)\)")


def normalize_paragraph(text: str) -> str:
    return _punctuate(_folded_spaces(_without_permalinks(without_private_use(text))).strip(_EDGES))


def normalize(paragraphs: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Every paragraph normalized, empty ones dropped. One pass over the joined paragraphs
    folds the spaces of all of them (a regex call per paragraph costs more)."""
    joined = _without_permalinks(without_private_use("\n".join(paragraphs)))
    if joined.count("\n") >= len(paragraphs):  # a paragraph holds a line break itself
        return tuple(p for p in map(normalize_paragraph, paragraphs) if p)
    rows = (p.strip(_EDGES) for p in _folded_spaces(joined).split("\n"))
    out = map(_punctuate, rows) if _HAS_CJK.search(joined) else rows  # marks touch CJK only
    return tuple(p for p in out if p)


def without_private_use(text: str) -> str:
    """The text without private-use characters (icon fonts' glyphs, user-defined ones) and
    bidirectional embeddings, overrides and isolates."""
    return text if text.isascii() else _PRIVATE_USE.sub("", text)


def _without_permalinks(text: str) -> str:
    """Without the pilcrow a heading's permalink shows after it (`Quickstart¶`, as Sphinx and
    MkDocs write it), at the end of each line, and the spaces around it (any a strip takes: a
    wide space, a zero-width character); runs of them apart too (`¶ ¶`: a line that ended in
    one once stripped would lose it on a second pass). One that opens a paragraph reference
    (`¶ 12`) stays."""
    if "¶" not in text:
        return text
    return "\n".join(map(_line_without_permalinks, text.split("\n")))


def _line_without_permalinks(line: str) -> str:
    return line.rstrip(_EDGES + "¶") if line.rstrip(_EDGES).endswith("¶") else line


def _folded_spaces(text: str) -> str:
    """Each run of spaces (tabs, no-break and wide spaces) one space. Most texts have none
    to fold: found by a search (in ASCII by `in`), which is cheaper than a substitution
    that meets every space."""
    if "  " not in text and ("\t" not in text if text.isascii() else not _OTHER_SPACE.search(text)):
        return text
    return _SPACES.sub(" ", text)


def _punctuate(text: str) -> str:
    if not _ASCII_MARK.search(text) or not _HAS_CJK.search(text):
        return text
    # A converted mark can make its neighbour CJK-adjacent (":!中"), and parentheses nest:
    # repeat until nothing changes, so that normalizing normalized text changes nothing (a
    # run of marks longer than MAX_PASSES is junk, and is left as far as it got).
    for _ in range(MAX_PASSES):
        converted = _PARENS.sub(_parens, _convert_marks(text))
        if converted == text or not _ASCII_MARK.search(converted):
            return converted  # unchanged, or no ASCII mark left to convert: a fixpoint
        text = converted
    return text


def _convert_marks(text: str) -> str:
    """A run of ASCII marks (and the single spaces around them) that touches CJK text at
    either end becomes full-width, all of it: one pass, where converting mark by mark would
    take a pass per mark (each converted one makes its neighbour CJK-adjacent)."""
    maybe_url = "://" in text or "www." in text or "@" in text
    spans = [m.span() for m in _URL.finditer(text)] if maybe_url else []
    protected = ([s for s, _ in spans], [e for _, e in spans])
    return _MARK_RUN.sub(lambda m: _mark_run(m, text, protected), text)


def _mark_run(match: re.Match[str], text: str, protected: tuple[list[int], list[int]]) -> str:
    start, end = match.span()
    starts, ends = protected
    inside = bisect_right(starts, end - 1) - 1  # the last URL starting before the run's end
    if inside >= 0 and start < ends[inside]:
        return match.group(0)
    marks = match.group(0).replace(" ", "")
    if len(marks) == 1 and text[start - 1 : start].isdigit() and text[end : end + 1].isdigit():
        return match.group(0)  # 1,000 and 10:30
    left_cjk = start > 0 and _cjkish(text[start - 1])
    right_cjk = end < len(text) and _cjkish(text[end])
    if left_cjk or right_cjk:
        return "".join(_FULLWIDTH[mark] for mark in marks)
    return match.group(0)


def _cjkish(char: str) -> bool:
    """A CJK character, or a full-width mark that lives in CJK text (CJKISH)."""
    return _CJKISH.match(char) is not None


def _parens(match: re.Match[str]) -> str:
    """Full-width when the parentheses hold CJK text or follow a CJK character."""
    inner, start = match.group(1), match.start()
    after_cjk = start > 0 and bool(_HAS_CJK.match(match.string, start - 1))
    if after_cjk or _HAS_CJK.search(inner):
        return f"（{inner}）"
    return match.group(0)


def reader_key(text: str) -> str:
    """Text as a reader compares it: case, curly quotes, dashes and spacing aside (titles
    matched against each other); a private-use character shows nothing to read."""
    return " ".join(without_private_use(text).translate(_READER_SAME).lower().split())


_READER_SAME = str.maketrans("’‘“”–—", "''\"\"--")


@lru_cache(maxsize=8192)
def letters_key(text: str) -> str:
    """Text as compared letter by letter: lower case, nothing but its letters and digits
    (a headline's line against the page title's, a title's part against a site's name);
    remembered: a dump's lines are compared with its title again when its body settles."""
    return _NOT_LETTERS.sub("", text.lower())


_NOT_LETTERS = re.compile(r"[\W_]+")
