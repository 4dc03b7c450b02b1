"""Mojibake: text decoded with the wrong codec, repaired where the original can be recovered
(repair.py: round trips, ftfy through ftfy_adapter.py), judged by how plausibly it reads
(plausible.py), with the debris a damaged line carries cut (debris.py)."""

from __future__ import annotations

from .plausible import score, suspicious
from .repair import LineRepair, Repaired, repair_line, repair_lines, repair_text

__all__ = [
    "LineRepair",
    "Repaired",
    "repair_line",
    "repair_lines",
    "repair_text",
    "score",
    "suspicious",
]
