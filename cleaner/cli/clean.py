"""`cleaner clean`: files (or stdin) to text or JSON; folders to mirrored outputs or a stream."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import click

from ..decode import canonical_codec
from ..emit import explain_lines, render
from ..errors import EXIT_INPUT, CleanerError
from ..model import Options
from ..pipeline import clean as clean_page
from . import EXIT_INTERRUPTED, RULES_OPTION, _book, _guard, _read, _sources, _stdout, _write, main

CLEAN_EXAMPLES = """
\b
Examples:
  cleaner clean page.txt                  clean text to stdout
  cat page.txt | cleaner clean            read stdin
  cleaner clean -f json --explain page.txt
                                          JSON with metadata and every removed line
  cleaner clean -f jsonl a.html b.txt -o out.jsonl
  cleaner clean --encoding gb18030 old.txt
  cleaner clean --precision page.html     HTML: less boilerplate, may lose some body
  cleaner clean --page-kind thread saved-thread.html
                                          keep a forum thread's replies
"""


@main.command(epilog=CLEAN_EXAMPLES)
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, exists=True))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write here instead of stdout (written whole, or not at all); a folder for folder inputs.",
)
@click.option("--encoding", help="Decode with this codec instead of detecting one.")
@click.option("--url", help="The page's address, for metadata.")
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "html"]),
    default="auto",
    show_default=True,
    help="Treat the input as HTML or as a text dump.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Report every removed line with its reason (JSON: 'removed'; text: stderr).",
)
@click.option("--no-title", is_flag=True, help="Leave the title line out of text output.")
@click.option("--precision", is_flag=True,
              help="HTML: keep less, and less boilerplate (favor_precision; the default on "
              "articles).")  # fmt: skip
@click.option("--balanced", is_flag=True,
              help="HTML: trafilatura's balanced default (the default on threads).")  # fmt: skip
@click.option("--recall", is_flag=True,
              help="HTML: keep more of the page (favor_recall).")  # fmt: skip
@click.option(
    "--page-kind",
    type=click.Choice(["auto", "article", "thread"]),
    default="auto",
    show_default=True,
    help="thread: keep posts and replies (forums, Q&A); article: drop comment sections; "
    "auto: decide from the page's address, generator and schema.org types.",
)
@RULES_OPTION
@click.option("--site", help="Apply the site rule of this name (see `cleaner rules list`).")
@click.option("--no-rules", is_flag=True, help="No site rules: generic cleaning only.")
@click.option("--glob", "include", multiple=True, help="Folders: only files whose name matches.")
@click.option("--exclude", multiple=True, help="Folders: leave out names or paths matching.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the machine's cores", help="Folders: worker processes.")  # fmt: skip
@click.option("--skip-existing", is_flag=True, help="Folders: skip inputs whose output exists.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
              help="Folders: seconds one input may take before it counts as failed.")  # fmt: skip
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
              help="Folders: also write failures here, as JSONL (path and message).")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Folders: no progress or summary, errors only.")
def clean(
    inputs: tuple[str, ...],
    fmt: str,
    output: str | None,
    encoding: str | None,
    url: str | None,
    input_format: str,
    explain: bool,
    no_title: bool,
    precision: bool,
    balanced: bool,
    recall: bool,
    page_kind: str,
    rules: tuple[str, ...],
    site: str | None,
    no_rules: bool,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int,
    skip_existing: bool,
    timeout: float | None,
    errors_path: str | None,
    quiet: bool,
) -> None:
    """Clean INPUT files or folders (or stdin, or '-') and write their body text."""
    if encoding and canonical_codec(encoding) is None:
        raise click.BadParameter(
            f"unknown encoding {encoding!r}; use a codec name such as utf-8, gb18030, big5, "
            "shift_jis or cp1252, or leave --encoding out to detect it",
            param_hint="--encoding",
        )
    sources = None if no_rules else _sources(rules)
    if sources is not None:  # a broken rule file stops the run before any input is read
        book = _book(sources)
        if site:
            _guard(lambda: book.named(site))
    base = Options(
        encoding=encoding,
        url=url,
        input_format=input_format,
        with_title=not no_title,
        explain=explain,
        detect_language=fmt != "text",
        metadata=fmt != "text",  # text output shows only the title
        focus=_focus(precision=precision, balanced=balanced, recall=recall),
        page_kind=page_kind,
        rule_sources=sources,
        site=site,
        use_rules=not no_rules,
    )
    if any(Path(name).is_dir() for name in inputs if name != "-"):
        from ..batch import BatchOptions

        batch = BatchOptions(base, fmt, None, jobs, include, exclude, skip_existing, timeout)
        _batch(inputs, batch, output, errors_path, quiet)
        return
    if output and Path(output).is_dir():
        raise click.BadParameter(f"{output} is a folder; name a file", param_hint="-o")
    chunks, failed = [], False
    for name in inputs or ("-",):
        try:
            doc = clean_page(_read(name), replace(base, source=name))
        except CleanerError as err:
            click.echo(f"cleaner: {err.message}", err=True)
            failed = True
            continue
        except Exception as err:  # a bug must cost one input, never the batch
            click.echo(f"cleaner: {name}: internal error ({type(err).__name__}: {err}); "
                       "please report it with this input", err=True)  # fmt: skip
            failed = True
            continue
        if not doc.paragraphs and doc.encoding_reason != "empty":
            click.echo(f"cleaner: {name}: no body text found ({doc.kind} page, method "
                       f"{doc.method})", err=True)  # fmt: skip
        if explain and fmt == "text":
            click.echo(explain_lines(doc), err=True, nl=False)
        chunks.append(render(doc, fmt, explain, base.with_title))
    if fmt == "json" and len(chunks) > 1:
        chunks = ["[\n" + ",\n".join(c.rstrip("\n") for c in chunks) + "\n]\n"]
    _write("".join(chunks), output)
    if failed:
        sys.exit(EXIT_INPUT)


def _batch(inputs, batch, output: str | None, errors_path: str | None, quiet: bool) -> None:
    """Folder inputs: one output per input under -o, or one JSONL stream."""
    from ..batch import Summary, check_output, count, run
    from ..output import AtomicStream

    paths = [Path(name) for name in inputs]
    if batch.fmt == "jsonl":
        stream = AtomicStream(Path(output)) if output and output != "-" else None
    elif not output:
        raise click.UsageError("folder inputs need -o FOLDER (or -f jsonl to stream)")
    else:
        batch, stream = replace(batch, output=Path(output)), None
        _guard(lambda: check_output(paths, batch.output))
    errors = AtomicStream(Path(errors_path)) if errors_path else None
    show_bar = not quiet and sys.stderr.isatty()
    bar = click.progressbar(length=count(paths, batch), label="cleaning", file=sys.stderr,
                            show_pos=True, show_eta=True) if show_bar else None  # fmt: skip
    summary = Summary(started=time.monotonic())

    def on_outcome(outcome) -> None:  # called after `summary` has counted the outcome
        if outcome.record is not None:
            (stream.write if stream else _stdout)(outcome.record)
        if outcome.status == "failed":
            click.echo(f"cleaner: {outcome.message}", err=True)
            if errors:
                errors.write(json.dumps({"path": outcome.source, "message": outcome.message},
                                        ensure_ascii=False) + "\n")  # fmt: skip
        if bar:
            rate = summary.bytes / 1e6 / max(time.monotonic() - summary.started, 1e-9)
            bar.label = f"cleaning ({rate:.1f} MB/s)"
            bar.update(1)

    interrupted = False
    try:
        if bar:
            bar.__enter__()
        run(paths, batch, on_outcome, summary)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if bar:
            bar.__exit__(None, None, None)
        for finished in (stream, errors):
            if finished:
                finished.close()
    _finish(summary, quiet, interrupted)


def _finish(summary, quiet: bool, interrupted: bool) -> None:
    if not quiet:
        click.echo(f"cleaner: {summary.line()}", err=True)
    if interrupted:
        click.echo("cleaner: interrupted; every output written is complete", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if summary.failed:
        sys.exit(EXIT_INPUT)


def _focus(**flags: bool) -> str:
    """The one of --precision / --balanced / --recall given, else auto."""
    chosen = [name for name, on in flags.items() if on]
    if len(chosen) > 1:
        raise click.UsageError("give only one of --precision, --balanced and --recall")
    return chosen[0] if chosen else "auto"
