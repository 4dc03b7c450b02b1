"""Scoring against gold sets: the benchmark metric (metrics.py) and `cleaner eval`'s runs and
report (sets.py)."""

from __future__ import annotations

from .metrics import Score, score
from .peers import PEERS, peer
from .sets import SetResult, cleaner_extractor, load_titles, report, run_set

__all__ = [
    "PEERS",
    "Score",
    "SetResult",
    "cleaner_extractor",
    "report",
    "load_titles",
    "run_set",
    "score",
    "peer",
]
