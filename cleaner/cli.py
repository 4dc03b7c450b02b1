"""Command line: parse options, read bytes, call the library, write output. Nothing else."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from .decode import canonical_codec
from .emit import explain_lines, to_json, to_record, to_text
from .errors import EXIT_INPUT, CleanerError
from .model import Options
from .pipeline import clean as clean_page

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
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, exists=True))
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
    type=click.Path(dir_okay=False, writable=True),
    help="Write here instead of stdout (written whole, or not at all).",
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
def clean(
    inputs: tuple[str, ...],
    fmt: str,
    output: str | None,
    encoding: str | None,
    url: str | None,
    input_format: str,
    explain: bool,
    no_title: bool,
) -> None:
    """Clean INPUT files (or stdin, or '-') and write their body text."""
    if encoding and canonical_codec(encoding) is None:
        raise click.BadParameter(
            f"unknown encoding {encoding!r}; use a codec name such as utf-8, gb18030, big5, "
            "shift_jis or cp1252, or leave --encoding out to detect it",
            param_hint="--encoding",
        )
    base = Options(
        encoding=encoding,
        url=url,
        input_format=input_format,
        with_title=not no_title,
        explain=explain,
        detect_language=fmt != "text",
    )
    chunks, failed = [], False
    for name in inputs or ("-",):
        try:
            doc = clean_page(_read(name), _options(base, name))
        except CleanerError as err:
            click.echo(f"cleaner: {err.message}", err=True)
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
        try:
            results = [run_set(folder, ours, "cleaner", limit)]
            if "trafilatura" in compare:
                results.append(run_set(folder, trafilatura_extractor, "trafilatura", limit))
        except CleanerError as err:
            raise click.ClickException(err.message) from None
        click.echo(f"{folder}")
        click.echo(report(results, worst))


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
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
