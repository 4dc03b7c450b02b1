"""Command line: parse options, read bytes, call the library, write output. Nothing else."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from .decode import canonical_codec
from .emit import explain_lines, to_json, to_record, to_text
from .errors import EXIT_INPUT, EXIT_USAGE, CleanerError
from .model import Options
from .output import atomic_write
from .pipeline import clean as clean_page
from .rulebook import load_rulebook, rule_sources

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
RULES_OPTION = click.option(
    "--rules", "rules", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="A folder of site rule files, ahead of CLEANER_RULES, the config folder and the "
    "built-in rules (repeatable).",
)  # fmt: skip

CLEAN_EXAMPLES = """
\b
Examples:
  cleaner clean page.txt                  clean text to stdout
  cat page.txt | cleaner clean            read stdin
  cleaner clean -f json --explain page.txt
                                          JSON with metadata and every removed line
  cleaner clean -f jsonl a.html b.txt -o out.jsonl
  cleaner clean --encoding gb18030 old.txt
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner")
def main() -> None:
    """Turn raw web pages (HTML or plain-text dumps, any encoding) into clean body text.

    \b
    Examples:
      cleaner clean samples/zh-seed-repost/raw.txt
      cleaner clean -f json --explain page.html
      cleaner eval ../shared/bench/zh-cwced-text --compare trafilatura
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
        rule_sources=sources,
        site=site,
        use_rules=not no_rules,
    )
    if any(Path(name).is_dir() for name in inputs if name != "-"):
        from .batch import BatchOptions

        batch = BatchOptions(base, fmt, None, jobs, include, exclude, skip_existing, timeout)
        _batch(inputs, batch, output, errors_path, quiet)
        return
    if output and Path(output).is_dir():
        raise click.BadParameter(f"{output} is a folder; name a file", param_hint="-o")
    chunks, failed = [], False
    for name in inputs or ("-",):
        try:
            doc = clean_page(_read(name), _options(base, name))
        except CleanerError as err:
            click.echo(f"cleaner: {err.message}", err=True)
            failed = True
            continue
        except Exception as err:  # a bug must cost one input, never the batch
            click.echo(f"cleaner: {name}: internal error ({type(err).__name__}: {err}); "
                       "please report it with this input", err=True)  # fmt: skip
            failed = True
            continue
        if explain and fmt == "text":
            click.echo(explain_lines(doc), err=True, nl=False)
        chunks.append(_render(doc, fmt, base))
    if fmt == "json" and len(chunks) > 1:
        chunks = ["[\n" + ",\n".join(c.rstrip("\n") for c in chunks) + "\n]\n"]
    _write("".join(chunks), output)
    if failed:
        sys.exit(EXIT_INPUT)


@main.command(name="eval")
@click.argument(
    "sets", nargs=-1, required=True, type=click.Path(file_okay=False, exists=True, path_type=Path)
)
@click.option(
    "--compare",
    type=click.Choice(["trafilatura"]),
    multiple=True,
    help="Also run this extractor on the same pages, side by side.",
)
@click.option("--worst", default=5, show_default=True, help="List this many worst pages.")
@click.option("--limit", type=int, help="Only the first N pages of each set.")
@click.option(
    "--title/--no-title",
    default=False,
    show_default=True,
    help="Count the title line (the sets' gold texts leave titles out).",
)
def evaluate(
    sets: tuple[Path, ...], compare: tuple[str, ...], worst: int, limit: int | None, title: bool
) -> None:
    """Score the cleaner against gold sets (folders with index.jsonl), e.g.

    \b
      cleaner eval ../shared/bench/zh-cwced-text ../shared/bench/scrapinghub-text
      cleaner eval ../shared/bench/zh-cwced --compare trafilatura
    """
    from .evaluate import cleaner_extractor, report, run_set, trafilatura_extractor

    ours = cleaner_extractor(Options(with_title=title, detect_language=False))
    for folder in sets:
        results = _guard(lambda f=folder: [run_set(f, ours, "cleaner", limit)])
        if "trafilatura" in compare:
            results.append(run_set(folder, trafilatura_extractor, "trafilatura", limit))
        click.echo(f"{folder}")
        click.echo(report(results, worst))


def _batch(inputs, batch, output: str | None, errors_path: str | None, quiet: bool) -> None:
    """Folder inputs: one output per input under -o, or one JSONL stream."""
    from dataclasses import replace

    from .batch import Summary, check_output, count, run
    from .output import AtomicStream

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
    started, read = time.monotonic(), [0]
    summary = Summary(started=started)

    def on_outcome(outcome) -> None:
        read[0] += outcome.size
        if outcome.record is not None:
            (stream.write if stream else _stdout)(outcome.record)
        if outcome.status == "failed":
            click.echo(f"cleaner: {outcome.message}", err=True)
            if errors:
                errors.write(json.dumps({"path": outcome.source, "message": outcome.message},
                                        ensure_ascii=False) + "\n")  # fmt: skip
        if bar:
            rate = read[0] / 1e6 / max(time.monotonic() - started, 1e-9)
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


def _stdout(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8"))


@main.group()
def rules() -> None:
    """Site rules: list, validate, test and explain them (see rules/README.md)."""


@rules.command(name="list")
@RULES_OPTION
def rules_list(rules: tuple[str, ...]) -> None:
    """Every site rule in effect: name, hosts, layer and file."""
    book = _book(_sources(rules))
    for rule in book.by_name.values():
        hosts = ", ".join(rule.hosts) or "(by content or --site)"
        click.echo(f"{rule.name}\t{hosts}\t{rule.layer}\t{rule.path}")
    for rule in book.shadowed:
        click.echo(f"{rule.name}\t(overridden)\t{rule.layer}\t{rule.path}")


@rules.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@RULES_OPTION
def rules_check(paths: tuple[Path, ...], rules: tuple[str, ...]) -> None:
    """Validate rule files (default: every rule in effect); exit 2 if any is wrong."""
    from .ruletests import check_file, rule_files

    if paths:
        files = rule_files(list(paths))
    else:
        files = rule_files([Path(folder) for folder, _ in _sources(rules)])
    problems = [p for f in files for p in check_file(f)]
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{len(files)} file(s) checked, {len(problems)} problem(s)", err=True)
    if problems:
        sys.exit(EXIT_USAGE)


@rules.command(name="test")
@click.argument("names", nargs=-1)
@RULES_OPTION
def rules_test(names: tuple[str, ...], rules: tuple[str, ...]) -> None:
    """Run the tests rule files carry (test_page, test_contains, test_expected)."""
    from .ruletests import run_rule_tests

    sources = _sources(rules)
    outcomes = _guard(lambda: run_rule_tests(_book(sources), names, sources))
    for outcome in outcomes:
        click.echo(f"{outcome.status.upper()}\t{outcome.rule}\t{outcome.where}")
        for message in outcome.messages:
            click.echo(f"    {message}")
    failed = sum(o.status == "fail" for o in outcomes)
    passed = sum(o.status == "pass" for o in outcomes)
    click.echo(f"{passed} passed, {failed} failed", err=True)
    if failed:
        sys.exit(EXIT_INPUT)


@rules.command(name="explain")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False,
                allow_dash=True))  # fmt: skip
@click.option("--url", help="The page's address.")
@click.option("--site", help="Force the site rule of this name.")
@RULES_OPTION
def rules_explain(input_path: str, url: str | None, site: str | None, rules: tuple[str, ...]):
    """Which site rule matches INPUT and why, and what each of its directives did."""
    sources = _sources(rules)
    book = _book(sources)
    options = Options(url=url, site=site, rule_sources=sources, explain=True,
                      detect_language=False, source=input_path)  # fmt: skip
    doc = _guard(lambda: clean_page(_read(input_path), options))
    if not doc.rule:
        click.echo(f"{input_path}: no site rule matches (generic cleaning only)")
        return
    rule = book.named(doc.rule)
    click.echo(f"{input_path}: rule {doc.rule} from {rule.path} ({rule.layer}), {doc.rule_why}")
    shown = set()
    for effect in doc.effects:
        if effect.after is None or effect.line == 0:
            change = f"{_short(effect.before)} " + ("removed" if effect.after is None
                                                    else f"-> {_short(effect.after)}")  # fmt: skip
        else:
            change = _change(effect.before, effect.after)
        where = f"line {effect.line}: " if effect.line else ""
        click.echo(f"  {effect.where} {effect.directive}: {where}{change}")
        shown.add(effect.line)
    for r in doc.removed:
        if r.by.startswith(f"{rule.path}:") and r.line not in shown:
            click.echo(f"  {r.by} drop_line: line {r.line}: {_short(r.text)} removed")
    for note in doc.notes:
        click.echo(f"  note: {note}")
    generic = sum(1 for r in doc.removed if not r.by.startswith(f"{rule.path}:"))
    click.echo(f"  (and {generic} line(s) removed by the generic cleaner: cleaner clean --explain)")


def _change(before: str, after: str, context: int = 12) -> str:
    """The part of a line a rewrite changed, with a little context: '…abc[old -> new]xyz…'."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    head = ("…" if start > context else "") + before[max(0, start - context) : start]
    tail = before[len(before) - end :][:context] + ("…" if end > context else "")
    old, new = before[start : len(before) - end], after[start : len(after) - end]
    return f"{head}[{_short(old)} -> {_short(new)}]{tail}"


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _sources(dirs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    config = str(Path(click.get_app_dir("cleaner")) / "rules")
    return _guard(lambda: rule_sources(tuple(dirs), os.environ.get("CLEANER_RULES"), config))


def _book(sources):
    return _guard(lambda: load_rulebook(sources))


def _guard(action):
    """Run `action`; a CleanerError becomes a one-line message and its documented exit code."""
    try:
        return action()
    except CleanerError as err:
        click.echo(f"cleaner: {err.message}", err=True)
        sys.exit(err.exit_code)


def _options(base: Options, name: str) -> Options:
    from dataclasses import replace

    return replace(base, source=name)


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as err:
        raise CleanerError(f"{name}: cannot read ({err.strerror}); check the path") from None


def _render(doc, fmt: str, options: Options) -> str:
    if fmt == "text":
        return to_text(doc, options.with_title)
    if fmt == "jsonl":
        return json.dumps(to_record(doc, options.explain), ensure_ascii=False) + "\n"
    return to_json(doc, options.explain)


def _write(text: str, output: str | None) -> None:
    """stdout, or the output file written to a temporary name and renamed into place."""
    if output is None or output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    atomic_write(Path(output), text)
