"""Headings that name the page's author or its site, and open a tail below an article:
the author's biography (`About Brigit Katz`, `Über Moritz Bachmann`, `Sobre Carlos
Nadalim`), when the page's byline above names the same person; and the site's own
recommendations (`More TechCrunch`, `More from Sportsnet`, `• More Washington Examiner`),
when the name is the one in the page's address. Each is a `cut_from` marker, with the
reasons `author-bio` and `recommended`, which end a body as cues of those reasons do.

A heading `About <Name>` alone is no evidence: a listing's entry (`About Clever Cleaner`)
or a product's section reads the same. The byline is: a line above the heading that holds
the name and states an author (`By Brigit Katz`, a `text_author` pattern) or a year
(`Carlos Nadalim 27/09/2018 Comente!`, `Von Moritz Bachmann publiziert am 30. Juli 2018`:
a date in any format, which the text_date patterns do not all read). Measured (mean F1):
scrapinghub-text .9095 -> .9127 (five pages better, .73 -> .97 the most, none worse);
every other set's dumps, HTML and `--fast` readings unchanged. As a plain cue, whatever
the byline: the same five, and a listing on wcxb-dev .91 -> .85. The site's headings then:
magichtml-article-text .8318 -> .8388 (two TechCrunch stories that ran on into its river of
teasers, .29 -> .99 and .58 -> .99), `--fast` magichtml-article .8271 -> .8329 (the same
two), scrapinghub-text .9127 -> .9134 (`More Great WIRED Stories`), none worse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..normalize import letters_key
from ..rules.cues import Cue, CueSet
from .features import LineInfo, Mark
from .fields import find_field, names_address

NAMED_BIO = Mark("author-bio", kind="cut_from")
SITE_MORE = Mark("recommended", kind="cut_from")
BYLINE_CHARS = 120  # a longer line that names the author is a paragraph, not a byline
SHORT_NAME = 3  # a name this long that starts the address's (`NBC` of nbcnews.com) names it
HEADING_FIELDS = ("bio_heading", "site_more")  # the rules' patterns of such headings
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a byline's date, however it is written


def named_tails(
    lines: Sequence[LineInfo], cues: CueSet, names: tuple[str, ...], start: int, end: int
) -> Sequence[LineInfo]:
    """The lines with each heading from `start` to `end` (the body run found) that names the
    page's author (NAMED_BIO) or its site (SITE_MORE: `names` are its address's) marked as
    the opener of its tail; `lines` itself when there is none (the caller then need not
    look for the body again)."""
    found = _headings(lines[start : end + 1] if start >= 0 else (), cues)
    if not found:
        return lines
    marks = {
        info.index: NAMED_BIO if kind == "bio_heading" else SITE_MORE
        for info, kind, name in found
        if (kind == "bio_heading" and _bylined(name, lines[: info.index], cues))
        or (kind == "site_more" and _names_site(name, names))
    }
    if not marks:
        return lines
    marked = list(lines)
    for index, mark in marks.items():
        marked[index] = marked[index]._replace(cue=mark, checked=True)
    return marked


def _headings(lines: Sequence[LineInfo], cues: CueSet) -> list[tuple[LineInfo, str, str]]:
    """(line, field, the name its group 1 gives) of each line a pattern of HEADING_FIELDS
    matches (the first such pattern's); a line longer than any heading is not asked for
    (most of a body's lines: asking costs three times as much)."""
    headings = _heading_cues(cues)
    longest = headings.longest
    found = []
    for info in lines:
        if len(info.text) > longest:
            continue
        cue = headings.match(info.text)
        match = cue.pattern.match(info.text) if cue is not None else None
        if match:
            found.append((info, cue.reason, match.group(1)))
    return found


@lru_cache(maxsize=16)  # a cue set per page kind: a handful
def _heading_cues(cues: CueSet) -> CueSet:
    """The cue set's HEADING_FIELDS patterns as a cue set of their own (reason: the field),
    which tries a line only against the patterns its first character and length admit and
    remembers the lines it matched (rules/cues.CueSet)."""
    return CueSet([
        Cue("cut_from", name, pattern)
        for name in HEADING_FIELDS
        for pattern in cues.field_patterns(name)
    ])  # fmt: skip


def _bylined(name: str, above: Sequence[LineInfo], cues: CueSet) -> bool:
    """Whether a short line above names `name` and states an author or a year."""
    for info in above:
        text = info.text
        if name not in text or len(text) > BYLINE_CHARS:
            continue
        if _YEAR.search(text) or find_field("author", (text,), cues) is not None:
            return True
    return False


def _names_site(name: str, names: tuple[str, ...]) -> bool:
    """Whether a name is the site's, as its address gives it (fields.names_address), or the
    start of it (`NBC` on nbcnews.com)."""
    if names_address(name, names):
        return True
    key = letters_key(name)
    return len(key) >= SHORT_NAME and any(label.startswith(key) for label in names)
