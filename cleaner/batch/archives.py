"""Web archives in a batch. An archive's records become units of work, spread over the
workers like files; each record's result is a JSON record that names the archive, the
record's id, date and offset. In a mirrored run an archive's output (one per archive, the unit
of --skip-existing) is written under a temporary name and renamed once its last record is in;
in a stream each record goes out as it comes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..archive import Damage, Record, Skipped, is_archive, named_as_archive, record_at, records
from ..emit import to_record
from ..errors import InputError
from ..model import Document, Options
from .inputs import Task, read_input
from .sinks import AtomicFile

ARCHIVE_FORMATS = ("jsonl", "parquet")  # an archive holds many pages: one record each


@dataclass(frozen=True)
class RecordTask:
    """One record of an archive: a page to clean, or a record skipped with its reason."""

    archive: str  # the archive's name, as messages give it
    record: Record | Skipped
    out: Path | None  # the archive's output in a mirrored run (None: the stream)
    skip: bool = False  # in the stream already (--skip-existing)
    span: int = 0  # bytes of the archive read since the unit before (the progress bar)
    path: Path | None = None  # the archive file (a report reads the record again)

    @property
    def source(self) -> str:
        return f"{self.archive}@{self.record.offset}"


@dataclass(frozen=True)
class ArchiveEnd:
    """The last unit of an archive: its output can be closed; `damage` if reading stopped."""

    source: str
    out: Path | None
    damage: str | None = None
    span: int = 0  # bytes of the archive after its last record


def expand(work: Iterable[Task], options, done: set[str]) -> Iterator:
    """The tasks, with each archive among them replaced by its records and an ArchiveEnd;
    an archive that cannot be cleaned in this format, or a file named as an archive that is
    none, becomes a failing task. `options`: BatchOptions; `done`: sources in the stream
    already (--skip-existing)."""
    for task in work:
        path = task.path
        if task.error or task.skip or path is None:
            yield task
        elif task.source in done:
            yield replace(task, skip=True)  # in the stream already
        elif is_archive(path):
            if options.fmt not in ARCHIVE_FORMATS:
                message = (
                    f"{task.source}: a web archive holds many pages; use -f jsonl or -f parquet"
                )
                yield replace(task, error=message)
            elif options.skip_existing and task.out is not None and task.out.exists():
                yield replace(task, skip=True)  # its output is whole
            else:
                yield from _units(task, options.max_bytes, done)
        elif named_as_archive(path):
            yield replace(task, error=f"{task.source}: not a WARC file (its first bytes are no "
                          "WARC header); pass a .warc or .warc.gz file")  # fmt: skip
        else:
            yield task


def _units(task: Task, max_bytes: int, done: set[str]) -> Iterator:
    damage, last = None, 0
    for item in records(task.path, max_bytes):
        if isinstance(item, Damage):
            damage = f"{task.source}: {item.message}; the records before it are kept"
            break
        skip = f"{task.source}@{item.offset}" in done
        yield RecordTask(task.source, item, task.out, skip, item.offset - last, task.path)
        last = item.offset
    yield ArchiveEnd(task.source, task.out, damage, max(0, _size(task.path) - last))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def page_bytes(path: Path, offset: int | None, max_bytes: int) -> bytes:
    """A page's bytes read again: a file's, or the payload of the archive record at
    `offset`; InputError when the record is no longer there."""
    if offset is None:
        return read_input(path, max_bytes)
    record = record_at(path, offset, max_bytes)
    if not isinstance(record, Record):
        why = record.message if isinstance(record, Damage) else record.reason
        raise InputError(f"{path}@{offset}: cannot read the record again ({why})")
    return record.payload


def record_options(unit: RecordTask, page: Options) -> Options:
    """A record's page options: its name, its address, its HTTP charset, its kind."""
    record = unit.record
    return replace(page, source=unit.source, url=record.url or page.url,
                   charset=record.charset, input_format=record.kind)  # fmt: skip


def record_line(unit: RecordTask, doc: Document, explain: bool) -> str:
    """A record's JSON line: the page's fields, and where the record lies in its archive.
    (An archive is cleaned to JSONL or Parquet only: no text output, no explain lines.)"""
    record = unit.record
    fields = to_record(doc, explain)
    fields.update(warc_file=unit.archive, warc_record_id=record.record_id,
                  warc_date=record.date, warc_offset=record.offset)  # fmt: skip
    return json.dumps(fields, ensure_ascii=False) + "\n"


class ArchiveOutputs:
    """In a mirrored run, each archive's records into its own output, closed at its end; the
    outcomes then go on to `inner` without their record."""

    def __init__(self, inner: Callable, fmt: str) -> None:
        self.inner, self.fmt, self.open = inner, fmt, {}

    def __call__(self, outcome) -> None:
        if outcome.group is not None:
            if outcome.record is not None:
                self._sink(outcome.group).write(outcome.record)
                outcome = replace(outcome, record=None)
            if outcome.kind == "archive":
                self._sink(outcome.group).close()  # an archive without pages: an empty output
                del self.open[outcome.group]
        self.inner(outcome)

    def discard(self) -> None:
        """An interrupted run: the archives not finished leave no output."""
        for sink in self.open.values():
            sink.discard()
        self.open.clear()

    def _sink(self, out: Path):
        if out not in self.open:
            if self.fmt == "parquet":
                from .parquet import ParquetFile

                self.open[out] = ParquetFile(out)
            else:
                self.open[out] = AtomicFile(out)
        return self.open[out]
