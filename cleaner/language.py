"""Which language the clean text is in: by script for CJK, by py3langid for the rest."""

from __future__ import annotations

import re

from .scripts import HAN, HAN_COMPAT, HANGUL, KANA

LANGID_SAMPLE_CHARS = 300  # py3langid's cost grows with length (a Python loop a byte, and a
# model row read per n-gram). Measured against the shared sets' `lang_guess` on the 1,810
# pages' outputs (898 with a guess): 300 characters agree on 864, as 2,000 do, 600 and 1,000
# on 863, 200 on 859; 300 differs from 600 on three pages, two of them right where 600 was
# wrong; py3langid's time halves (a seventh of a WET record's cleaning at 600)
SCRIPT_SHARE = 0.2  # this share of letters in one CJK script decides the language

_HAN = re.compile(f"[{HAN}{HAN_COMPAT}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LETTER = re.compile(r"[^\W\d_]")


def guess_language(text: str) -> str | None:
    sample = text[:LANGID_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return None
    kana, hangul, han = (len(p.findall(sample)) for p in (_KANA, _HANGUL, _HAN))
    if kana > SCRIPT_SHARE * letters * 0.25:
        return "ja"
    if hangul > SCRIPT_SHARE * letters:
        return "ko"
    if han > SCRIPT_SHARE * letters:
        return "zh"
    import py3langid  # loaded only for non-CJK text: its model takes a moment to load

    language, _ = py3langid.classify(sample)
    return language
