"""Running a batch: clean every task in worker processes, in input order whatever the number
of workers, and hand each outcome to the caller as it arrives. One input's failure (bad
bytes, a timeout, an unwritable output) is an outcome, never the end of the run."""

from __future__ import annotations

import multiprocessing
import signal
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..emit import explain_lines, render, warnings
from ..errors import CleanerError
from ..model import Options
from ..pipeline import clean
from .inputs import MAX_BYTES, Task, read_input
from .sinks import atomic_write

CHUNK = 4  # tasks handed to a worker at once: enough to hide the hand-over cost


@dataclass(frozen=True)
class BatchOptions:
    page: Options  # what every page is cleaned with (its source is set per input)
    fmt: str = "text"  # text | json | jsonl
    jobs: int = 1
    skip_existing: bool = False
    timeout: float | None = None  # seconds per input
    max_bytes: int = MAX_BYTES  # a larger input fails


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str  # cleaned | empty | failed | skipped
    size: int  # input bytes
    message: str | None = None
    record: str | None = None  # the rendered result, when it goes to a stream
    warnings: tuple[str, ...] = ()  # uncertain results (a guessed encoding, dropped lines)
    explain: str = ""  # --explain in text mode: the removals, for stderr


@dataclass
class Summary:
    cleaned: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0
    bytes: int = 0
    started: float = 0.0

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.bytes += outcome.size

    def line(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        rate = (self.cleaned + self.empty + self.failed) / seconds
        return (
            f"cleaned {self.cleaned}, empty {self.empty}, failed {self.failed}, "
            f"skipped {self.skipped} in {seconds:.1f} s ({rate:.0f} pages/s)"
        )


def run(
    work: Iterable[Task],
    options: BatchOptions,
    on_outcome: Callable[[Outcome], None],
    summary: Summary | None = None,
) -> Summary:
    """Clean every task; `on_outcome` sees each result in input order, `summary` (the
    caller's, so it survives an interrupt) counts them. KeyboardInterrupt stops the workers
    promptly and propagates; every output written so far is complete."""
    summary = summary if summary is not None else Summary(started=time.monotonic())
    if options.jobs <= 1:
        for task in work:
            outcome = process(task, options)
            summary.add(outcome)
            on_outcome(outcome)
        return summary
    with multiprocessing.get_context("fork").Pool(options.jobs, _quiet_worker) as pool:
        try:
            for outcome in pool.imap(_Worker(options), work, chunksize=CHUNK):
                summary.add(outcome)
                on_outcome(outcome)
        except BaseException:
            pool.terminate()
            raise
    return summary


def process(task: Task, options: BatchOptions) -> Outcome:
    """Clean one input and write its output; any failure becomes a failed outcome."""
    if task.error:
        return Outcome(task.source, "failed", 0, task.error)
    if task.skip or (options.skip_existing and task.out is not None and task.out.exists()):
        return Outcome(task.source, "skipped", 0)
    size = 0
    try:
        with _deadline(options.timeout, task.source):
            data = read_input(task.path, options.max_bytes)
            size = len(data)
            doc = clean(data, replace(options.page, source=task.source))
            rendered = render(doc, options.fmt, options.page.explain, options.page.with_title)
    except CleanerError as err:
        return Outcome(task.source, "failed", size, err.message)
    except (OSError, EOFError, zlib.error) as err:
        return Outcome(task.source, "failed", size, f"{task.source}: cannot read ({err})")
    except Exception as err:  # a bug must cost one input, never the batch
        message = f"{task.source}: internal error ({type(err).__name__}: {err})"
        return Outcome(task.source, "failed", size, message)
    if task.out is not None:
        failed = _write(task.out, rendered, task.source, size)
        if failed:
            return failed
    status = "cleaned" if doc.paragraphs else "empty"
    record = None if task.out else rendered
    trail = explain_lines(doc) if options.page.explain and options.fmt == "text" else ""
    return Outcome(task.source, status, size, None, record, warnings(doc), trail)


def _write(out: Path, rendered: str, source: str, size: int) -> Outcome | None:
    try:
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

    def __enter__(self) -> None:
        if self.seconds:
            signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _expired(self, signum, frame) -> None:
        raise CleanerError(f"{self.source}: took longer than {self.seconds:g} s (--timeout)")
