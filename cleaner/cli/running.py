"""`cleaner clean`'s run: where results go (a mirrored folder, a stream, one file, stdout),
checked before anything is written, then every input through `batch.run`, whether one file,
several, folders or standard input: the same reading, limits, timeout and failure handling."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import click

from ..archive import is_archive
from ..batch import (
    STDIN,
    AtomicFile,
    BatchOptions,
    JsonlStream,
    Selection,
    Summary,
    check_outputs,
    run,
    survey,
    tasks,
)
from ..batch.archives import page_bytes
from ..errors import EXIT_INPUT
from ..report.batch import BatchReport
from .common import EXIT_INTERRUPTED, guarded, write_reports


@dataclass(frozen=True)
class Plan:
    selection: Selection
    target: Path | None  # the one output file (None: stdout, or the mirrored folder)
    errors: Path | None  # --errors
    report: Path | None  # --report
    folders: bool  # a folder among the inputs: progress and a summary
    array: bool  # -f json over several inputs: one JSON array


def make_plan(names: list[str], fmt: str, output: str | None, errors: str | None,
              include: tuple[str, ...], exclude: tuple[str, ...],
              report: str | None = None) -> Plan:  # fmt: skip
    """Where the run writes; ConfigError or a usage error, before anything is read, when an
    output would touch an input."""
    folders = any(name != STDIN and Path(name).is_dir() for name in names)
    files = {"--errors": Path(errors)} if errors else {}
    if report:
        files["--report"] = Path(report)
    target = Path(output) if output and output != "-" else None
    if fmt == "parquet" and target is None:
        raise click.UsageError("-f parquet needs -o FILE.parquet (or -o FOLDER/ for folders)")
    if fmt == "parquet":
        from ..batch.parquet import require_pyarrow

        require_pyarrow()
    records = fmt in ("jsonl", "parquet")  # one stream, unless -o names a folder
    mirrored = _names_folder(output) if records else folders
    if mirrored:
        if not output:
            raise click.UsageError("folder inputs need -o FOLDER (or -f jsonl to stream)")
        if STDIN in names:
            raise click.UsageError("standard input ('-') has no name to mirror; clean it apart")
        selection = Selection(fmt, Path(output), include, exclude, nest=len(names) > 1)
        target = None
    else:
        if target is not None and target.is_dir():
            raise click.BadParameter(f"{output} is a folder; name a file", param_hint="-o")
        selection = Selection(fmt, None, include, exclude)
        files = {"-o": target, **files} if target else files
    check_outputs(names, selection, files)
    array = fmt == "json" and not folders and len(names) > 1
    return Plan(selection, target, Path(errors) if errors else None,
                Path(report) if report else None, folders, array)  # fmt: skip


def report_kind(names: list[str]) -> str:
    """--report on one page (a file that is no archive, or stdin) is that page's report;
    on folders, several inputs or an archive, the batch report."""
    if len(names) != 1:
        return "batch"
    name = names[0]
    single = name == STDIN or (Path(name).is_file() and not is_archive(Path(name)))
    return "page" if single else "batch"


def _names_folder(output: str | None) -> bool:
    """-o names a folder: one that exists, or a name ending in a slash."""
    return bool(output) and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def run_plan(names: list[str], plan: Plan, batch: BatchOptions, quiet: bool) -> None:
    found = guarded(lambda: survey(names, plan.selection))
    total, archives = found.count, found.archives
    jobs = 1 if STDIN in names else max(1, batch.jobs if archives else min(batch.jobs, total))
    batch = replace(batch, jobs=jobs)
    sink = guarded(lambda: _sink(plan, batch.fmt, batch.skip_existing))
    errors = guarded(lambda: JsonlStream(plan.errors, "--errors")) if plan.errors else None
    work = tasks(names, plan.selection)
    done = getattr(sink, "done", None)
    show_bar = (plan.folders or archives) and not quiet and sys.stderr.isatty()
    length = _input_bytes(names, plan) if archives else total  # archives: bytes read
    bar = click.progressbar(length=length, label="cleaning", file=sys.stderr, show_pos=True,
                            show_eta=True) if show_bar else None  # fmt: skip
    summary = Summary(started=time.monotonic())
    report = BatchReport(plan.report) if plan.report and batch.report == "batch" else None
    page_report = plan.report if report is None else None
    on_outcome = _Reporter(sink, errors, bar, summary, quiet, by_bytes=archives,
                           report=report, page_report=page_report)  # fmt: skip
    interrupted = False
    try:
        if bar:
            bar.__enter__()
        run(work, batch, on_outcome, summary, done)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if bar:
            bar.__exit__(None, None, None)
        sink.finish(keep=not interrupted)
        if errors:
            errors.close()
        if report and not interrupted:
            files = report.render(time.monotonic() - summary.started, _reader(batch))
            guarded(lambda: write_reports(files))
    _finish(summary, (plan.folders or archives) and not quiet, interrupted)


class _Reporter:
    """What happens to each outcome, once `summary` has counted it: its record to the sink, a
    failure to stderr and the --errors file, warnings and the explain trail to stderr, the
    progress bar on."""

    def __init__(self, sink, errors: JsonlStream | None, bar, summary: Summary, quiet: bool,
                 by_bytes: bool = False, report: BatchReport | None = None,
                 page_report: Path | None = None) -> None:  # fmt: skip
        self.sink, self.errors, self.bar, self.summary, self.quiet = (
            sink, errors, bar, summary, quiet
        )  # fmt: skip
        self.by_bytes = by_bytes  # the bar counts bytes read (archives among the inputs)
        self.report = report  # --report on a batch
        self.page_report = page_report  # --report on one page

    def __call__(self, outcome) -> None:
        if outcome.record is not None:
            self.sink.write(outcome.record)
        if outcome.status == "failed":
            click.echo(f"cleaner: {outcome.message}", err=True)
            if self.errors:
                failure = {"path": outcome.source, "message": outcome.message}
                self.errors.write(json.dumps(failure, ensure_ascii=False) + "\n")
        if not self.quiet:
            for warning in outcome.warnings:
                click.echo(f"cleaner: {outcome.source}: {warning}", err=True)
        if outcome.explain:
            click.echo(outcome.explain, err=True, nl=False)
        self._report(outcome)
        if self.bar:  # inputs done, or with archives, bytes read
            elapsed = max(time.monotonic() - self.summary.started, 1e-9)
            self.bar.label = f"cleaning ({self.summary.bytes / 1e6 / elapsed:.1f} MB/s)"
            if self.by_bytes:
                self.bar.update(outcome.size if outcome.kind == "page" else outcome.span)
            elif outcome.kind != "record":
                self.bar.update(1)

    def _report(self, outcome) -> None:
        """--report: the batch report gathers every page; a one-page report is written."""
        if self.report is not None:  # an archive's damage is a failure too
            failure = outcome.message if outcome.status == "failed" else None
            self.report.add(outcome.stats, outcome.source, failure)
        elif self.page_report and outcome.stats and outcome.stats.report:
            files = {self.page_report: outcome.stats.report}
            guarded(lambda: write_reports(files))


def _reader(batch: BatchOptions):
    """How the batch report reads a page again: a file, or an archive's record."""
    return lambda stats: page_bytes(Path(stats.path), stats.offset, batch.max_bytes)


def _input_bytes(names: list[str], plan: Plan) -> int:
    """The bytes of every input file: what the bar counts when archives are among them."""
    total = 0
    for task in tasks(names, plan.selection):
        with contextlib.suppress(OSError, TypeError):
            total += task.path.stat().st_size
    return total


def _finish(summary: Summary, show: bool, interrupted: bool) -> None:
    if show or interrupted:
        click.echo(f"cleaner: {summary.line()}", err=True)
    if interrupted:
        click.echo("cleaner: interrupted; every output written is complete", err=True)
        raise click.exceptions.Exit(EXIT_INTERRUPTED)
    if summary.failed:
        raise click.exceptions.Exit(EXIT_INPUT)


def _sink(plan: Plan, fmt: str, resume: bool):
    if fmt == "jsonl" and plan.target is not None:
        return _Stream(JsonlStream(plan.target, "-o", resume))
    if fmt == "parquet" and plan.target is not None:
        from ..batch.parquet import ParquetFile

        return _Plain(ParquetFile(plan.target))
    inner = AtomicFile(plan.target) if plan.target is not None else _Stdout()
    return _Array(inner) if plan.array else _Plain(inner)


class _Stdout:
    def write(self, text: str) -> None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()

    def close(self) -> None:
        pass

    def discard(self) -> None:
        pass


class _Plain:
    """Records one after another (text pages, JSONL lines, one JSON object)."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def write(self, record: str) -> None:
        self.inner.write(record)

    def finish(self, keep: bool) -> None:
        (self.inner.close if keep else self.inner.discard)()


class _Array(_Plain):
    """-f json over several inputs: one array, whatever number of them failed."""

    def __init__(self, inner) -> None:
        super().__init__(inner)
        self.count = 0

    def write(self, record: str) -> None:
        self.inner.write(("[\n" if not self.count else ",\n") + record.rstrip("\n"))
        self.count += 1

    def finish(self, keep: bool) -> None:
        if keep:
            self.inner.write("]\n" if self.count else "[]\n")
        super().finish(keep)


class _Stream(_Plain):
    """A JSONL stream to a file: kept whatever happens (every record in it is whole)."""

    @property
    def done(self) -> set[str]:
        return self.inner.done

    def finish(self, keep: bool) -> None:
        self.inner.close()
