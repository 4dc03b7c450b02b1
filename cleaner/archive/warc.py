"""Every use of FastWARC, in one place: is a file a web archive (by its first bytes, not its
name), and its records one by one, each either a page to clean (a `response` with an HTML
payload, a WET `conversion`) or a record skipped with its reason. A damaged archive ends
with a `Damage` item naming the offset: what came before it stands."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 64  # enough of the (decompressed) start to see "WARC/1."
HTML_TYPES = ("text/html", "application/xhtml+xml")
ARCHIVE_NAMES = (".warc", ".warc.gz", ".wet", ".wet.gz")  # names that promise an archive


@dataclass(frozen=True)
class Record:
    """A page inside an archive, with what traces it back."""

    payload: bytes
    kind: str  # html | text
    url: str | None
    record_id: str | None
    date: str | None
    offset: int  # where the record starts in the archive file (compressed bytes)
    charset: str | None = None  # the HTTP Content-Type charset: evidence for decoding


@dataclass(frozen=True)
class Skipped:
    """A record that holds no page to clean, and why."""

    offset: int
    reason: str  # request | metadata | revisit | warcinfo | application/pdf | …


@dataclass(frozen=True)
class Damage:
    """The archive cannot be read past this point."""

    offset: int
    message: str


def is_archive(path: Path) -> bool:
    """Whether a file is a WARC (or WET) file, gzip-compressed or not, by its first bytes.
    Only a regular file is looked at: reading the head of a pipe or a device would take bytes
    that the page's own reading then misses."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES * 64)
    except OSError:
        return False
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, HEAD_BYTES)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def named_as_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_NAMES)


def records(path: Path, max_bytes: int) -> Iterator[Record | Skipped | Damage]:
    """The archive's records in order; a payload over `max_bytes` is skipped with a reason."""
    from fastwarc.warc import ArchiveIterator  # only archives pay for the import

    with open(path, "rb") as handle:
        iterator = iter(ArchiveIterator(handle, parse_http=True, auto_decode="all"))
        last = None  # the offset of the last record read
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                return
            except (OSError, ValueError, EOFError, gzip.BadGzipFile) as err:
                where = "from its start" if last is None else f"after the record at offset {last:,}"
                yield Damage(last or 0, f"unreadable {where} ({err})")
                return
            last = record.stream_pos
            yield _read(record, max_bytes)


def record_at(path: Path, offset: int, max_bytes: int) -> Record | Skipped | Damage:
    """The record that starts at `offset` of the archive (a record's `offset`, read again:
    a report shows a page of an archive after the run)."""
    from fastwarc.warc import ArchiveIterator

    with open(path, "rb") as handle:
        handle.seek(offset)
        try:
            record = next(iter(ArchiveIterator(handle, parse_http=True, auto_decode="all")))
        except (StopIteration, OSError, ValueError, EOFError, gzip.BadGzipFile) as err:
            return Damage(offset, f"no record at offset {offset:,} ({err or 'end of file'})")
        return _read(record, max_bytes)


def _read(record, max_bytes: int) -> Record | Skipped | Damage:
    kind = _kind(record)
    if isinstance(kind, Skipped):
        return kind
    expected = record.content_length
    if expected > max_bytes:
        return Skipped(record.stream_pos, f"over --max-bytes ({expected:,} bytes)")
    payload = record.reader.read()
    if len(payload) < expected:
        return Damage(record.stream_pos, f"truncated in the record at offset {record.stream_pos:,}")
    headers = record.headers
    return Record(
        payload=payload,
        kind=kind,
        url=headers.get("WARC-Target-URI") or None,
        record_id=record.record_id,
        date=headers.get("WARC-Date") or None,
        offset=record.stream_pos,
        charset=record.http_charset if record.is_http else None,
    )


def _kind(record) -> str | Skipped:
    """`html` or `text` for a record that holds a page, else why it is skipped."""
    name = str(record.record_type)
    if name == "conversion":
        return "text"
    if name not in ("response", "resource"):
        return Skipped(record.stream_pos, f"{name} record")
    if record.is_http:
        status = record.http_headers.status_code if record.http_headers is not None else 0
        if status and not 200 <= status < 300:
            return Skipped(record.stream_pos, f"HTTP status {status}")
        mime = (record.http_content_type or "").lower()
    else:
        mime = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if mime in HTML_TYPES or (not mime and name == "response"):
        return "html"
    return Skipped(record.stream_pos, mime or "no content type")
