"""Batch cleaning: walk folders, clean every page in worker processes, write outputs safely.

Inputs are files or folders (walked recursively, in sorted order; hidden files and the output
folder are skipped). Each input gets one output under the output folder, mirroring the tree
(`a/page.html` -> `a/page.html.txt`; `page.txt` stays `page.txt`; `.gz` is read transparently
and dropped from the name), or one JSONL stream. Results come back in input order whatever
the number of workers, so outputs are identical for any `jobs`. Nothing holds all pages or
results: tasks are generated lazily and each result is written as it arrives.
"""

from __future__ import annotations

import fnmatch
import gzip
import multiprocessing
import os
import signal
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .emit import render
from .errors import CleanerError, ConfigError
from .model import Options
from .output import atomic_write
from .pipeline import clean

CHUNK = 4  # tasks handed to a worker at once: enough to hide the hand-over cost
SUFFIX = {"text": ".txt", "json": ".json"}


@dataclass(frozen=True)
class BatchOptions:
    page: Options  # what every page is cleaned with (its source is set per input)
    fmt: str = "text"  # text | json | jsonl
    output: Path | None = None  # the folder outputs mirror into (None: a JSONL stream)
    jobs: int = 1
    include: tuple[str, ...] = ()  # --glob: file-name patterns to take (default: every file)
    exclude: tuple[str, ...] = ()  # --exclude: patterns of names or relative paths to leave out
    skip_existing: bool = False
    timeout: float | None = None  # seconds per input


@dataclass(frozen=True)
class Task:
    path: Path
    source: str  # how records and messages name the input
    out: Path | None  # the output file (None: the result goes to the stream)


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str  # cleaned | empty | failed | skipped
    size: int  # input bytes
    message: str | None = None
    record: str | None = None  # the JSONL line, when streaming


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

    @property
    def done(self) -> int:
        return self.cleaned + self.empty + self.failed + self.skipped

    def line(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        rate = (self.cleaned + self.empty + self.failed) / seconds
        return (
            f"cleaned {self.cleaned}, empty {self.empty}, failed {self.failed}, "
            f"skipped {self.skipped} in {seconds:.1f} s ({rate:.0f} pages/s)"
        )


def check_output(inputs: list[Path], output: Path | None) -> None:
    """The output folder may not be an input folder, nor a file."""
    if output is None:
        return
    if output.exists() and not output.is_dir():
        raise ConfigError(f"{output}: not a folder; -o must name a folder for folder inputs")
    for item in inputs:
        if item.is_dir() and output.resolve() == item.resolve():
            raise ConfigError(f"{output}: is an input folder; write the outputs elsewhere")


def tasks(inputs: list[Path], options: BatchOptions) -> Iterator[Task]:
    """Every input file, folders walked in sorted order, lazily."""
    skip = options.output.resolve() if options.output else None
    for item in inputs:
        if item.is_dir():
            for path in _walk(item, skip):
                relative = path.relative_to(item)
                if _wanted(relative, options):
                    yield _task(path, relative, options)
        else:
            yield _task(item, Path(item.name), options)


def count(inputs: list[Path], options: BatchOptions) -> int:
    """How many inputs there are (a second, cheap walk: no list of them is kept)."""
    return sum(1 for _ in tasks(inputs, options))


def run(
    inputs: list[Path],
    options: BatchOptions,
    on_outcome: Callable[[Outcome], None],
    summary: Summary | None = None,
) -> Summary:
    """Clean every input; `on_outcome` sees each result in input order, `summary` (the
    caller's, so it survives an interrupt) counts them. KeyboardInterrupt stops the workers
    promptly and propagates; every output written so far is complete."""
    summary = summary if summary is not None else Summary(started=time.monotonic())
    work = tasks(inputs, options)
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
    if options.skip_existing and task.out is not None and task.out.exists():
        return Outcome(task.source, "skipped", 0)
    size = 0
    try:
        with _deadline(options.timeout, task.source):
            data = _read(task.path)
            size = len(data)
            doc = clean(data, replace(options.page, source=task.source))
            rendered = render(doc, options.fmt, options.page.explain, options.page.with_title)
        if task.out is not None:
            atomic_write(task.out, rendered)
        status = "cleaned" if doc.paragraphs else "empty"
        return Outcome(task.source, status, size, record=None if task.out else rendered)
    except CleanerError as err:
        return Outcome(task.source, "failed", size, err.message)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as err:
        return Outcome(task.source, "failed", size, f"{task.source}: cannot read ({err})")
    except Exception as err:  # a bug must cost one input, never the batch
        message = f"{task.source}: internal error ({type(err).__name__}: {err})"
        return Outcome(task.source, "failed", size, message)


class _Worker:
    """A picklable callable for the pool: `process` with the batch's options."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options

    def __call__(self, task: Task) -> Outcome:
        return process(task, self.options)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them with SIGTERM (held while
    an output is written: see output.atomic_write)."""
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


def _walk(folder: Path, skip: Path | None) -> Iterator[Path]:
    with os.scandir(folder) as entries:
        ordered = sorted(entries, key=lambda e: e.name)
    for entry in ordered:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            if skip is None or path.resolve() != skip:
                yield from _walk(path, skip)
        elif entry.is_file():
            yield path


def _wanted(relative: Path, options: BatchOptions) -> bool:
    name, rel = relative.name, relative.as_posix()
    if options.include and not any(fnmatch.fnmatch(name, p) for p in options.include):
        return False
    return not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in options.exclude)


def _task(path: Path, relative: Path, options: BatchOptions) -> Task:
    source = str(path)
    if options.output is None or options.fmt == "jsonl":
        return Task(path, source, None)
    name = relative.name.removesuffix(".gz")
    suffix = SUFFIX[options.fmt]
    name = name if name.endswith(suffix) else name + suffix
    return Task(path, source, options.output / relative.parent / name)


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data
