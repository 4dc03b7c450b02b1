"""Web archives in: WARC and WET files (read with FastWARC, warc.py), each record that holds a
page cleaned as a page of its own, with what traces it back to the archive."""

from __future__ import annotations

from .warc import Damage, Record, Skipped, is_archive, named_as_archive, record_at, records

__all__ = [
    "Damage", "Record", "Skipped", "is_archive", "named_as_archive", "record_at", "records",
]  # fmt: skip
