"""Which language the clean text is in: by script for CJK, by py3langid for the rest."""

from __future__ import annotations

import re

from .scripts import HAN, HAN_COMPAT, HANGUL, KANA

LANGID_SAMPLE_CHARS = 600  # py3langid's cost grows with length (a Python loop a byte); on the
# 1,810 shared pages' outputs 600 characters gave 2,000's answer on all but four, each of them
# right where 2,000 was wrong (a Chinese page taken for English or Wu, an English one for German)
SCRIPT_SHARE = 0.2  # this share of letters in one CJK script decides the language

_HAN = re.compile(f"[{HAN}{HAN_COMPAT}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LETTER = re.compile(r"[^\W\d_]")
_LOADED = None  # py3langid's identifier, once a text needs it (_identifier)


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
    language, _ = _identifier().classify(sample)
    return language


def _identifier():
    """py3langid's identifier, loaded for the first non-CJK text (its model takes a moment),
    with its weights widened from float16 to float32 once: py3langid widens the rows a text
    needs on every call, a quarter of its time (scores bitwise equal on 61,647 samples of the
    shared sets; 30 MB more memory)."""
    global _LOADED
    if _LOADED is None:
        import numpy as np
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        stored = LanguageIdentifier.from_model_file(MODEL_FILE)
        widened = np.ascontiguousarray(stored.nb_ptc, dtype=np.float32)
        _LOADED = LanguageIdentifier(  # (a new one: the stored float16 weights are let go)
            widened,
            stored.nb_pc,
            stored.nb_classes,
            stored.tk_nextmove,
            stored.tk_output,
            tk_row=stored.tk_row,
        )
    return _LOADED
