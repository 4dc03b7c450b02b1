"""Mojibake in the texts of an HTML page's tree, repaired before an extractor reads them.

UTF-8 read as Latin-1 leaves each curly quote or dash as a letter and two C1 control
characters (`computerâ\\x80\\x99s`). Those controls are the bytes a repair needs, and
trafilatura deletes every control character from what it keeps: after it, `computerâs` is
beyond repair. So a page whose text holds a C1 control has its tree's texts repaired first,
each as a line is (repair.repair_line); a text a repair would drop stays as it was, for the
paragraph's own repair to judge.
"""

from __future__ import annotations

import re

from .repair import LineRepair, PageTrip, repair_line

_C1 = re.compile("[\x80-\x9f]")  # never text: the bytes of a UTF-8 sequence read as Latin-1
_CODE = frozenset({"script", "style"})  # texts no extractor reads


def repair_tree_texts(tree, page_text: str) -> tuple[LineRepair, ...]:
    """Repairs in place the texts and tails of the tree's elements that hold a C1 control,
    when the page's text (`page_text`, one scan) holds one; returns each repair (line 0,
    of="node")."""
    if tree is None or not _C1.search(page_text):
        return ()
    repairs, trip = [], PageTrip()
    for element in tree.iter():
        own = isinstance(element.tag, str) and element.tag not in _CODE
        for field in ("text", "tail") if own else ("tail",):
            value = getattr(element, field)
            if value and _C1.search(value):
                fixed, how = repair_line(value, trip)
                if fixed is not None and fixed != value:
                    setattr(element, field, fixed)
                    repairs.append(LineRepair(0, value.strip(), fixed.strip(), how, "node"))
    return tuple(repairs)
