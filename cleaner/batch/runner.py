"""Running a batch: clean every task in worker processes, in input order whatever the number
of workers, and hand each outcome to the caller as it arrives. One input's failure (bad
bytes, a timeout, an unwritable output) is an outcome, never the end of the run."""

from __future__ import annotations

import multiprocessing
import signal
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..archive import Skipped
from ..emit import explain_lines, render, warnings
from ..errors import CleanerError
from ..model import Document, Options
from ..pipeline import clean
from ..report import page_view
from ..report.batch import PageStats, page_stats
from .archives import ArchiveEnd, ArchiveOutputs, RecordTask, expand, record_line, record_options
from .inputs import MAX_BYTES, Task, read_input
from .sinks import atomic_write

CHUNK = 4  # tasks handed to a worker at once: enough to hide the hand-over cost
_INTERRUPTS = (KeyboardInterrupt, SystemExit, GeneratorExit)  # these stop the run, no input


@dataclass(frozen=True)
class BatchOptions:
    page: Options  # what every page is cleaned with (its source is set per input)
    fmt: str = "text"  # text | json | jsonl | parquet
    jobs: int = 1
    skip_existing: bool = False
    timeout: float | None = None  # seconds per input
    max_bytes: int = MAX_BYTES  # a larger input fails
    report: str | None = None  # --report: "batch" (each page's PageStats returned) or
    # "page" (the one page's report too)


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str  # cleaned | empty | failed | skipped
    size: int  # input bytes
    message: str | None = None
    record: str | None = None  # the rendered result, when it goes to a stream
    warnings: tuple[str, ...] = ()  # uncertain results (a guessed encoding, dropped lines)
    explain: str = ""  # --explain in text mode: the removals, for stderr
    kind: str = "page"  # page | record (of an archive) | archive (its end)
    group: Path | None = None  # the archive's own output, in a mirrored run
    span: int = 0  # bytes of an archive this outcome covers (the progress bar)
    stats: PageStats | None = None  # for the batch report (--report)


@dataclass
class Summary:
    cleaned: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0
    bytes: int = 0
    started: float = 0.0
    reasons: Counter = field(default_factory=Counter)  # why archive records were skipped

    def add(self, outcome: Outcome) -> None:
        if outcome.kind == "archive" and outcome.status != "failed":
            return  # an archive's pages are counted, not the archive
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.bytes += outcome.size
        if outcome.kind == "record" and outcome.status == "skipped" and outcome.message:
            self.reasons[outcome.message] += 1

    def line(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        rate = (self.cleaned + self.empty + self.failed) / seconds
        why = ", ".join(f"{n} {reason}" for reason, n in self.reasons.most_common())
        return (
            f"cleaned {self.cleaned}, empty {self.empty}, failed {self.failed}, "
            f"skipped {self.skipped}{f' ({why})' if why else ''} in {seconds:.1f} s "
            f"({rate:.0f} pages/s)"
        )


def run(
    work: Iterable[Task],
    options: BatchOptions,
    on_outcome: Callable[[Outcome], None],
    summary: Summary | None = None,
    done: set[str] | None = None,
) -> Summary:
    """Clean every task (an archive's records each as a task of its own); `on_outcome` sees
    each result in input order, `summary` (the caller's, so it survives an interrupt) counts
    them, `done` names the sources a resumed stream holds already. KeyboardInterrupt stops
    the workers promptly and propagates; every output written so far is complete."""
    summary = summary if summary is not None else Summary(started=time.monotonic())
    units = expand(work, options, done or set())
    outputs = ArchiveOutputs(on_outcome, options.fmt)
    try:
        for outcome in _outcomes(units, options):
            summary.add(outcome)
            outputs(outcome)
    except BaseException:
        outputs.discard()
        raise
    return summary


def _outcomes(units: Iterable, options: BatchOptions) -> Iterator[Outcome]:
    if options.jobs <= 1:
        yield from (process(unit, options) for unit in units)
        return
    with multiprocessing.get_context("fork").Pool(options.jobs, _quiet_worker) as pool:
        try:
            yield from pool.imap(_Worker(options), units, chunksize=CHUNK)
        except BaseException:
            pool.terminate()
            raise


def process(unit, options: BatchOptions) -> Outcome:
    """Clean one unit (a file, or a record of an archive) and write its output; any failure
    becomes a failed outcome."""
    if isinstance(unit, ArchiveEnd):
        status = "failed" if unit.damage else "cleaned"
        return Outcome(unit.source, status, 0, unit.damage, kind="archive", group=unit.out,
                       span=unit.span)  # fmt: skip
    if isinstance(unit, RecordTask):
        return _process_record(unit, options)
    if unit.error:
        return Outcome(unit.source, "failed", 0, unit.error)
    if unit.skip or (options.skip_existing and unit.out is not None and unit.out.exists()):
        return Outcome(unit.source, "skipped", 0)
    return _process_file(unit, options)


def _process_file(task: Task, options: BatchOptions) -> Outcome:
    size, deadline = 0, _deadline(options.timeout, task.source)
    try:
        with deadline:
            data = read_input(task.path, options.max_bytes)
            size = len(data)
            page = replace(options.page, source=task.source)
            doc, stats = _cleaned(data, page, options, (str(task.path or ""), None))
            rendered = render(doc, options.fmt, options.page.explain, options.page.with_title)
    except _INTERRUPTS:
        raise
    except BaseException as err:  # noqa: BLE001 - one input's failure is an outcome (see _failure)
        return Outcome(task.source, "failed", size, _failure(task.source, err, deadline))
    if task.out is not None:
        failed = _write(task.out, rendered, task.source, size)
        if failed:
            return failed
    status = "cleaned" if doc.paragraphs else "empty"
    record = None if task.out else rendered
    trail = explain_lines(doc) if options.page.explain and options.fmt == "text" else ""
    return Outcome(task.source, status, size, None, record, warnings(doc), trail, stats=stats)


def _cleaned(data: bytes, page: Options, options: BatchOptions,
             where: tuple[str, int | None]) -> tuple[Document, PageStats | None]:  # fmt: skip
    """The page cleaned; in a report run with its trail (the output is the same: the trail
    is rendered only when asked for) and its PageStats (`where`: to read it again)."""
    if not options.report:
        return clean(data, page), None
    started = time.perf_counter()
    view = page_view(data, page) if options.report == "page" else None  # cleans it, once
    doc = view.document if view else clean(data, replace(page, explain=True))
    seconds = time.perf_counter() - started
    return doc, page_stats(doc, data, page, seconds, where, view)


def _process_record(unit: RecordTask, options: BatchOptions) -> Outcome:
    outcome = _record_outcome(unit, options)
    return replace(outcome, kind="record", group=unit.out, span=unit.span)


def _record_outcome(unit: RecordTask, options: BatchOptions) -> Outcome:
    record = unit.record
    if isinstance(record, Skipped) or unit.skip:
        why = record.reason if isinstance(record, Skipped) else None
        return Outcome(unit.source, "skipped", 0, why)
    deadline = _deadline(options.timeout, unit.source)
    try:
        with deadline:
            page, where = record_options(unit, options.page), (str(unit.path), record.offset)
            doc, stats = _cleaned(record.payload, page, options, where)
            line = record_line(unit, doc, options.page.explain)
    except _INTERRUPTS:
        raise
    except BaseException as err:  # noqa: BLE001 - one record's failure is an outcome
        failure = _failure(unit.source, err, deadline)
        return Outcome(unit.source, "failed", len(record.payload), failure)
    status = "cleaned" if doc.paragraphs else "empty"
    return Outcome(unit.source, status, len(record.payload), None, line, warnings(doc),
                   stats=stats)  # fmt: skip


def _failure(source: str, err: BaseException, deadline: _deadline) -> str:
    """The one-line message of a failure: the library's own, the --timeout's when it expired
    (its error, raised in a Rust library's call back into Python, arrives as that library's
    panic, a BaseException), or what went wrong reading."""
    if deadline.expired:
        return deadline.message
    if isinstance(err, CleanerError):
        return err.message
    if isinstance(err, OSError | EOFError | zlib.error):
        return f"{source}: cannot read ({err})"
    return f"{source}: internal error ({type(err).__name__}: {err})"  # a bug costs one input


def _write(out: Path, rendered: str, source: str, size: int) -> Outcome | None:
    try:
        if out.suffix == ".parquet":
            from .parquet import ParquetFile

            parquet = ParquetFile(out)
            parquet.write(rendered)
            parquet.close()
        else:
            atomic_write(out, rendered)
    except OSError as err:
        message = f"{source}: cannot write {out} ({err.strerror}); check the output folder"
        return Outcome(source, "failed", size, message)
    return None


class _Worker:
    """A picklable callable for the pool: `process` with the batch's options."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options

    def __call__(self, task: Task) -> Outcome:
        return process(task, self.options)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them with SIGTERM (held while
    an output is written: see sinks.atomic_write)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _deadline:  # noqa: N801 - used as a context manager, like a function
    """SIGALRM after `seconds` raises a CleanerError in the middle of the work (the regex
    engine and Python code check for signals), so a pathological page cannot hang a batch."""

    def __init__(self, seconds: float | None, source: str) -> None:
        self.seconds = seconds if hasattr(signal, "SIGALRM") else None  # POSIX only
        self.source = source
        self.expired = False
        self.message = f"{source}: took longer than {seconds:g} s (--timeout)" if seconds else ""

    def __enter__(self) -> None:
        if self.seconds:
            signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _expired(self, signum, frame) -> None:
        self.expired = True
        raise CleanerError(self.message)
