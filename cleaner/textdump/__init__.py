"""Plain-text dumps of pages (a crawler's or browser's text export, a WET record): per-line
features (features.py), the densest run of body lines (body.py), title and the fields a dump
states (extract.py, fields.py), the prepare and extract stages (page.py) and dumps too large
to read whole (large.py)."""

from __future__ import annotations

from .extract import extract_text
from .large import LARGE_DUMP_BYTES, clean_large_dump
from .page import PreparedDump, prepare_dump, read_dump

__all__ = [
    "LARGE_DUMP_BYTES",
    "PreparedDump",
    "clean_large_dump",
    "extract_text",
    "prepare_dump",
    "read_dump",
]
