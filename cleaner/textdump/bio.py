"""An author's biography below an article, opened by a heading that names the author
(`About Brigit Katz`, `Über Moritz Bachmann`, `Sobre Carlos Nadalim`): a `cut_from`
marker of the `author-bio` tail once the page's byline above names the same person.

A heading `About <Name>` alone is no evidence: a listing's entry (`About Clever Cleaner`)
or a product's section reads the same. The byline is: a line above the heading that holds
the name and states an author (`By Brigit Katz`, a `text_author` pattern) or a year
(`Carlos Nadalim 27/09/2018 Comente!`, `Von Moritz Bachmann publiziert am 30. Juli 2018`:
a date in any format, which the text_date patterns do not all read). Measured (mean F1):
scrapinghub-text .9095 -> .9127 (five pages better, .73 -> .97 the most, none worse);
every other set's dumps, HTML and `--fast` readings unchanged. As a plain cue, whatever
the byline: the same five, and a listing on wcxb-dev .91 -> .85."""

from __future__ import annotations

import re
from functools import lru_cache
from math import inf

from ..rules.cues import CueSet
from ..rules.literals import shape
from .features import LineInfo, Mark
from .fields import find_field

NAMED_BIO = Mark("author-bio", kind="cut_from")
BYLINE_CHARS = 120  # a longer line that names the author is a paragraph, not a byline
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a byline's date, however it is written


def named_bios(lines: list[LineInfo], cues: CueSet) -> list[LineInfo]:
    """The lines with each heading that names the page's author as the opener of its
    biography (NAMED_BIO); the lines themselves when there is none."""
    patterns = cues.field_patterns("bio_heading")
    if not patterns:
        return lines
    longest = _longest(patterns)  # a heading, not a paragraph: most lines are longer
    found = [
        (i, m)
        for i in lines
        if 0 < len(i.text) <= longest
        for p in patterns
        if (m := p.match(i.text))
    ]
    if not found:
        return lines
    marked = list(lines)
    for info, match in found:
        if _bylined(match.group(1), lines[: info.index], cues):
            marked[info.index] = info._replace(cue=NAMED_BIO, checked=True)
    return marked


@lru_cache(maxsize=8)
def _longest(patterns: tuple[re.Pattern[str], ...]) -> float:
    """The longest line any of the patterns can match (their length guards), or no bound."""
    limits = [shape(p).limit for p in patterns]
    return inf if None in limits else max(limits)


def _bylined(name: str, above: list[LineInfo], cues: CueSet) -> bool:
    """Whether a short line above names `name` and states an author or a year."""
    for info in above:
        text = info.text
        if name not in text or len(text) > BYLINE_CHARS:
            continue
        if _YEAR.search(text) or find_field("author", (text,), cues) is not None:
            return True
    return False
