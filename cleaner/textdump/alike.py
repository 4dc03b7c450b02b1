"""When two lines are the same headline: the same letters, one inside the other, or token
bigrams alike (the title's line and its repeats, a headline and the page <title>'s)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..normalize import letters_key
from ..scripts import TOKEN

TITLE_SIMILARITY = 0.6  # this close to the page's <title> line: the same headline
TITLE_CONTAINED = 0.5  # one inside the other and at least half its length: the same headline


def same_headline(a: str, b: str) -> bool:
    """Whether two lines are the same headline; `b`, the page's headline, is compared with
    many lines, so its normalized form and bigrams are computed once (`_prepared`)."""
    if len(a) > 3 * len(b) + 20 or len(b) > 3 * len(a) + 20:
        return False  # far apart in length: not the same headline, skip the work
    x, (y, bb) = letters_key(a), _prepared(b)
    if not x or not y:
        return False
    shorter, longer = sorted((len(x), len(y)))
    if x == y or (shorter >= 4 and shorter >= TITLE_CONTAINED * longer and (x in y or y in x)):
        return True
    if 2 * shorter < TITLE_SIMILARITY * (shorter + longer):
        return False  # the lengths alone bound the overlap below the threshold
    return _dice(_bigrams(a), bb) >= TITLE_SIMILARITY


@lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[str, Counter]:
    return letters_key(text), _bigrams(text)


@lru_cache(maxsize=1024)
def _bigrams(text: str) -> Counter:
    """Token bigrams (a token: one CJK character or one word); remembered: a line is
    compared with each of the title's heads, and again when the body settles."""
    tokens = TOKEN.findall(text.lower())
    return Counter(zip(tokens, tokens[1:], strict=False))


def _dice(ba: Counter, bb: Counter) -> float:
    total = ba.total() + bb.total()
    if len(ba) > len(bb):
        ba, bb = bb, ba  # the shared count, from the smaller side
    shared = sum(min(n, bb[k]) for k, n in ba.items() if k in bb)
    return 2 * shared / total if total else 0.0
