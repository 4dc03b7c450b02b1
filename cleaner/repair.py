"""Stage 4: repair what can be repaired in the kept paragraphs, drop what cannot.

Today: control characters are removed and paragraphs that are mostly undecodable garbage
(U+FFFD, private-use or C1 characters, 锟斤拷-style runs) are dropped with reason `garbage`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Removal

GARBAGE_SHARE = 0.3  # a paragraph with more garbage characters than this is unreadable

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")
_GARBAGE = re.compile(r"[\ufffd\ue000-\uf8ff\x80-\x9f]|锟斤拷|烫烫|屯屯")
_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\ufffd\ue000-\uf8ff锟烫屯]")


@dataclass(frozen=True)
class Repaired:
    paragraphs: tuple[str, ...]
    removed: tuple[Removal, ...]


def repair(paragraphs: tuple[str, ...]) -> Repaired:
    kept, removed = [], []
    for paragraph in paragraphs:
        if _SUSPECT.search(paragraph) is None:  # the fast path: nothing to repair
            kept.append(paragraph)
        elif garbage_share(paragraph) > GARBAGE_SHARE:
            removed.append(Removal(0, paragraph, "garbage"))
        else:
            kept.append(_CONTROL.sub("", paragraph))
    return Repaired(tuple(kept), tuple(removed))


def garbage_share(text: str) -> float:
    if not text:
        return 0.0
    garbage = sum(len(m) for m in _GARBAGE.findall(text))
    return garbage / len(text)
