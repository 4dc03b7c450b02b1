"""Shingle precision / recall / F1: the article-extraction-benchmark metric.

Identical to the benchmark's reference `score.py`: every Han, kana or hangul character is
one token, any other run of letters or digits is one token, and 4-token shingles are
compared as multisets.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..scripts import TOKEN  # the metric's tokens: a CJK character, a run of letters

SHINGLE_SIZE = 4  # the reference metric's shingle length


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter:
    tokens = TOKEN.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def score(gold: str, predicted: str) -> Score:
    g, p = shingles(gold), shingles(predicted)
    if not g and not p:
        return Score(1.0, 1.0, 1.0)
    common = sum((g & p).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)
