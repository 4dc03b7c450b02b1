"""Mojibake in the texts of an HTML page, repaired before any reader parses it.

UTF-8 read as Latin-1 leaves each curly quote or dash as a letter and two C1 control
characters (`computerâ\\x80\\x99s`). Those controls are the bytes a repair needs, and
trafilatura deletes every control character from what it keeps: after it, `computerâs` is
beyond repair. So a page whose markup holds a C1 control has each text between two tags that
holds one repaired first, as a line is (repair.repair_line), and every reader of the page
(trafilatura, the visible text, the second readings compared with it) reads the same text.
A text a repair would drop stays as it was, for the paragraph's own repair to judge.
"""

from __future__ import annotations

import re

from .repair import LineRepair, PageTrip, repair_line

_TEXT_WITH_C1 = re.compile("(?<=>)[^<>]*[\x80-\x9f][^<>]*(?=<)")  # a text between two tags


def repair_markup(markup: str, c1: bool) -> tuple[str, tuple[LineRepair, ...]]:
    """The markup with the texts that hold a C1 control repaired, and each repair (line 0,
    of="node"); the markup itself when it holds none (`c1`: decoding found some, model.Decoded)."""
    if not c1:
        return markup, ()
    repairs, trip = [], PageTrip()

    def repaired(found: re.Match) -> str:
        value = found.group(0)
        fixed, how = repair_line(value, trip)
        if fixed is None or fixed == value:
            return value
        repairs.append(LineRepair(0, value.strip(), fixed.strip(), how, "node"))
        return fixed

    return _TEXT_WITH_C1.sub(repaired, markup), tuple(repairs)
