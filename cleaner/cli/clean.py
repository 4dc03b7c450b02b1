"""`cleaner clean`: files (or stdin) to text or JSON; folders to mirrored outputs or a stream."""

from __future__ import annotations

import os

import click

from ..batch import MAX_BYTES, STDIN, BatchOptions
from ..decode import forced_codec
from ..model import INPUT_FORMATS, PAGE_KINDS, Options
from . import main
from .common import RULES_OPTION, choice_option, guarded, rule_book, rule_folders
from .running import make_plan, report_kind, run_plan

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
  cleaner clean CC-MAIN-00000.warc.gz -f jsonl -o out.jsonl
                                          a web archive: a record a page
  cleaner clean crawl/ -f parquet -o out/ --fast
                                          a folder of archives, one Parquet each
  cleaner clean page.html --report page-report.html
                                          every line of the page and what became of it
"""


@main.command(epilog=CLEAN_EXAMPLES)
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, exists=True))
@choice_option(
    "-f",
    "--format",
    "fmt",
    choices=("text", "json", "jsonl", "parquet"),
    help="Output format (parquet: pip install 'cleaner[parquet]').",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write here instead of stdout (written whole, or not at all); a folder for folder inputs.",
)
@click.option("--encoding", help="Decode with this codec instead of detecting one.")
@click.option("--url", help="The page's address, for metadata.")
@choice_option("--input-format", choices=INPUT_FORMATS,
               help="Treat the input as HTML or as a text dump.")  # fmt: skip
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
    "--comments",
    is_flag=True,
    help="Keep an article's comment section (a thread's replies are kept anyway).",
)
@click.option("--fast", is_flag=True,
              help="HTML: resiliparse's visible text through the line classifier, without "
              "trafilatura (5-8x faster; for archive scale).")  # fmt: skip
@click.option("--best", is_flag=True,
              help="HTML: three more readings (trafilatura's balanced setting, readability, "
              "--fast's) and the lines all three keep added (about 3x the time; pip install "
              "'cleaner[best]').")  # fmt: skip
@choice_option(
    "--page-kind",
    choices=("auto", *PAGE_KINDS),
    help="thread: keep posts and replies (forums, Q&A); article: drop comment sections; "
    "product, documentation, collection, listing, service: drop them too, keep more of the "
    "page (trafilatura's balanced setting); auto: decide from the page's address, generator, "
    "og:type and schema.org types.",
)
@RULES_OPTION
@click.option("--site", help="Apply the site rule of this name (see `cleaner rules list`).")
@click.option("--no-rules", is_flag=True, help="No site rules: generic cleaning only.")
@click.option("--glob", "include", multiple=True, help="Folders: only files whose name matches.")
@click.option("--exclude", multiple=True, help="Folders: leave out names or paths matching.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the machine's cores", help="Worker processes.")  # fmt: skip
@click.option("--skip-existing", is_flag=True,
              help="Skip inputs whose output exists, or that a -f jsonl -o FILE stream "
              "holds already (resume a killed run).")  # fmt: skip
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
              help="Seconds one input may take before it counts as failed.")  # fmt: skip
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
              help="Also write failures here, as JSONL (path and message).")  # fmt: skip
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
              help="An input larger than this fails (a .gz file: decompressed).")  # fmt: skip
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Also write an HTML report here: one page's every line and what became "
              "of it, or for folders and archives the batch's figures, with page reports of "
              "the pages that look suspicious beside it.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True,
              help="Errors only: no warnings, progress or summary.")  # fmt: skip
def clean(inputs: tuple[str, ...], **given) -> None:
    """Clean INPUT files or folders (or stdin, or '-') and write their body text."""
    options, fmt = _options(given), given["fmt"]
    names = list(inputs) or [STDIN]
    jobs, skip, timeout = given["jobs"], given["skip_existing"], given["timeout"]
    report = given["report_path"]
    batch = BatchOptions(options, fmt, jobs, skip, timeout, given["max_bytes"],
                         report_kind(names) if report else None)  # fmt: skip
    where = (given["output"], given["errors_path"], given["include"], given["exclude"])
    plan = guarded(lambda: make_plan(names, fmt, *where, report))
    run_plan(names, plan, batch, given["quiet"])


def _options(given: dict) -> Options:
    """The library's options from the command's; an unknown codec, a broken rule file or an
    unknown --site stops the run before any input is read."""
    encoding, site, no_rules = given["encoding"], given["site"], given["no_rules"]
    if encoding:
        guarded(lambda: forced_codec(encoding))
    sources = None if no_rules else rule_folders(given["rules"])
    if sources is not None:
        book = rule_book(sources)
        if site:
            guarded(lambda: book.named(site))
        if book.problems and not given["quiet"]:  # what a lenient reading skipped: say so
            click.echo(f"cleaner: {len(book.problems)} problem(s) in the rule files in effect, "
                       "each line or directive skipped; `cleaner rules check` lists them",
                       err=True)  # fmt: skip
    if given["best"]:
        from ..html.readability_adapter import require

        guarded(lambda: require("--best"))
    text = given["fmt"] == "text"
    focus = _focus(precision=given["precision"], balanced=given["balanced"],
                   recall=given["recall"])  # fmt: skip
    return guarded(lambda: Options(
        encoding=encoding, url=given["url"], input_format=given["input_format"],
        with_title=not given["no_title"], explain=given["explain"], detect_language=not text,
        metadata=not text,  # text output shows only the title
        focus=focus, page_kind=given["page_kind"], rule_sources=sources, site=site,
        use_rules=not no_rules, fast=given["fast"], best=given["best"],
        comments=given["comments"],
    ))  # fmt: skip


def _focus(**flags: bool) -> str:
    """The one of --precision / --balanced / --recall given, else auto."""
    chosen = [name for name, on in flags.items() if on]
    if len(chosen) > 1:
        raise click.UsageError("give only one of --precision, --balanced and --recall")
    return chosen[0] if chosen else "auto"
