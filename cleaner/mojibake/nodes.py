"""Mojibake in the texts of an HTML page, repaired before any reader parses it.

UTF-8 read as Latin-1 leaves each curly quote or dash as a letter and two C1 control
characters (`computerâ\\x80\\x99s`). Those controls are the bytes a repair needs, and
trafilatura deletes every control character from what it keeps: after it, `computerâs` is
beyond repair. So a page whose markup holds a C1 control has each text between two tags that
holds one repaired first, as a line is (repair.repair_line), and every reader of the page
(trafilatura, the visible text, the second readings compared with it) reads the same text.
A text a repair would drop stays as it was, for the paragraph's own repair to judge; so does
a script's or a style sheet's (no reader reads them: html/parse.py drops them), JSON-LD's
aside (metadata and the page kind read it).

A codec misread that leaves no C1 control (GBK read as cp1252 or cp1251: `ÖÐÎÄ`, `КЧ Ті`)
loses bytes to trafilatura too: it deletes soft hyphens (cp1252's and cp1251's 0xAD), and what
follows a lost byte decodes as other, plausible Han characters. Such a page is found from the
text trafilatura read (repair.misread_codec), and read again with each suspicious text
between two tags repaired the same way (`misread`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from .plausible import any_sign, suspicious
from .repair import LineRepair, repair_line
from .trips import PageTrip

_C1 = re.compile("[\x80-\x9f]")
_CODE_OPEN = re.compile(r"<(script|style)\b", re.I)
_CODE_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}
_JSON_LD = re.compile(r"application/ld\+json", re.I)


def repair_markup(
    markup: str, c1: bool, misread: bool = False
) -> tuple[str, tuple[LineRepair, ...]]:
    """The markup with the texts that hold a C1 control repaired, and each repair (line 0,
    of="node"); the markup itself when it holds none (`c1`: decoding found some, model.Decoded).
    With `misread` (model.Page), every suspicious text is repaired (a misread no C1 marks)."""
    if not (c1 or misread):
        return markup, ()
    repairs, trip, parts, done = [], PageTrip(), [], 0
    code = _code_spans(markup)
    starts = [start for start, _ in code]
    for start, end in _texts_with(markup, any_sign() if misread else _C1):
        at = bisect_right(starts, start) - 1
        if at >= 0 and start < code[at][1]:
            continue  # a script's text: never read
        value = markup[start:end]
        if misread and not suspicious(value):
            continue  # a sign alone (a `©`, a rare name): no mojibake
        fixed, how = repair_line(value, trip)
        if fixed is None or fixed == value:
            continue
        repairs.append(LineRepair(0, value.strip(), fixed.strip(), how, "node"))
        parts += (markup[done:start], fixed)
        done = end
    return "".join(parts) + markup[done:], tuple(repairs)


def _texts_with(markup: str, sign: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The spans of the texts between a `>` and a `<` that hold a `sign` (a C1 control), in
    order. Found from the signs, which are rare: a pattern over every text of a 3 MB page took
    50 ms. Linear: each search back stops where the last one ended, and a `<` or `>` found
    ahead is searched for again only once passed."""
    searched, ahead = 0, {"<": -1, ">": -1}
    while (found := sign.search(markup, searched)) is not None:
        at = found.start()
        start = max(markup.rfind("<", searched, at), markup.rfind(">", searched, at)) + 1
        for char, where in ahead.items():
            if where < at:
                ahead[char] = _find(markup, char, at)
        end = min(ahead.values())
        if start > 0 and markup[start - 1] == ">" and end < len(markup) and markup[end] == "<":
            yield start, end
        searched = end


def _find(markup: str, char: str, start: int) -> int:
    """The next `char` at or after `start`, or the end of the markup."""
    found = markup.find(char, start)
    return len(markup) if found < 0 else found


def _code_spans(markup: str) -> list[tuple[int, int]]:
    """The spans of the scripts' and style sheets' contents, JSON-LD's aside, in order. One
    that no closing tag ends is none (a `<script` in an attribute's value must not keep the
    rest of the page from repair) and ends the search: linear, a closing tag is searched for
    once."""
    spans, searched = [], 0
    while (opening := _CODE_OPEN.search(markup, searched)) is not None:
        content = markup.find(">", opening.end()) + 1  # a tag no `>` closes ends the search
        closing = _CODE_CLOSE[opening.group(1).lower()].search(markup, content) if content else None
        if closing is None:
            return spans
        if not _JSON_LD.search(markup, opening.end(), content):
            spans.append((content, closing.start()))
        searched = closing.end()
    return spans
