"""`cleaner eval`: score the cleaner against gold sets, side by side with trafilatura."""

from __future__ import annotations

from pathlib import Path

import click

from ..model import FOCUSES, Options
from . import main
from .common import choice_option, guarded, write_reports


@main.command(name="eval")
@click.argument(
    "sets", nargs=-1, required=True, type=click.Path(file_okay=False, exists=True, path_type=Path)
)
@click.option(
    "--compare",
    multiple=True,
    help="Also run these peers on the same pages, side by side: trafilatura, "
    "trafilatura-precision, readability, resiliparse (comma-separated or repeated; "
    "readability needs pip install 'cleaner[bench]').",
)
@click.option("--by", help="Also a table of mean F1 per value of this index field (page_type).")
@click.option("--worst", default=5, show_default=True, help="List this many worst pages.")
@click.option("--limit", type=int, help="Only the first N pages of each set.")
@click.option(
    "--title/--no-title",
    default=False,
    show_default=True,
    help="Count the title line (the sets' gold texts leave titles out).",
)
@choice_option(
    "--focus",
    choices=FOCUSES,
    help="HTML pages: as `clean --balanced` / `--precision` / `--recall`.",
)
@click.option(
    "--titles",
    "title_files",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Reviewed titles by page id (JSON lines, as bench/titles/SET.jsonl) for sets "
    "whose index has none: eval adds the share of exact titles. Repeatable.",
)
@click.option("--fast", is_flag=True, help="HTML pages: as `clean --fast`.")
@click.option("--best", is_flag=True, help="HTML pages: as `clean --best`.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write an HTML report here: the figures beside each peer's as bars, "
              "a precision-recall scatter, the --worst pages side by side with their gold "
              "and page reports of them (REPORT-pages/).")  # fmt: skip
def evaluate(sets: tuple[Path, ...], compare: tuple[str, ...], by: str | None, worst: int,
             limit: int | None, title: bool, title_files: tuple[Path, ...], focus: str,
             fast: bool, best: bool, report_path: Path | None) -> None:  # fmt: skip
    """Score the cleaner against gold sets (folders with index.jsonl), e.g.

    \b
      cleaner eval bench/mini/zh-cwced-text bench/mini/wcxb-dev
      cleaner eval bench/mini/wcxb-dev --compare trafilatura --by page_type
      cleaner eval SETS/zh-cwced --titles bench/titles/zh-cwced.jsonl
    """
    from ..evaluate import cleaner_extractor, load_titles, peer, report, run_set

    names = [name.strip() for item in compare for name in item.split(",") if name.strip()]
    peers = [(name, guarded(lambda n=name: peer(n))) for name in names]
    options = guarded(lambda: Options(with_title=title, detect_language=False, metadata=False,
                                      focus=focus, fast=fast, best=best))  # fmt: skip
    ours = cleaner_extractor(options)  # scored as text output: the title is the only metadata
    titles = guarded(lambda: load_titles(title_files))
    runs = []
    for folder in sets:
        results = guarded(lambda f=folder: [run_set(f, ours, "cleaner", limit, by, titles)])
        results += [run_set(folder, extract, name, limit, by) for name, extract in peers]
        click.echo(f"{folder}")
        click.echo(report(results, worst, by))
        runs.append((folder, results))
    if report_path:
        from ..report.evaluation import eval_report

        files = eval_report(report_path, runs, options, worst)
        guarded(lambda: write_reports(files))
        click.echo(f"report: {report_path}")
