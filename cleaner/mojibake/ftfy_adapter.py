"""Every use of ftfy, in one place: its mojibake detector and its encoding repair, on the lines
with Latin-range characters (all it can repair); ftfy is imported only when such a line comes."""

from __future__ import annotations

import re
from functools import lru_cache

_LATIN_RANGE = re.compile("[\u0080-\u024f]")  # “ ” — … are ordinary in CJK text too


def sees_mojibake(line: str) -> bool:
    """ftfy's own detector, on lines with Latin-range characters (all it can repair)."""
    if not _LATIN_RANGE.search(line):
        return False
    import ftfy  # only such lines pay for the import

    return ftfy.is_bad(line)


def fix_mojibake(line: str) -> str:
    """The line as ftfy repairs its encoding (only), when its detector sees mojibake."""
    if not sees_mojibake(line):
        return line
    import ftfy

    return ftfy.fix_text(line, config=_ftfy_config())


@lru_cache(maxsize=1)
def _ftfy_config():
    """ftfy's encoding repair only: its defaults would fold full-width ，：（） to ASCII,
    uncurl “ ” and normalize text that is not broken."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
