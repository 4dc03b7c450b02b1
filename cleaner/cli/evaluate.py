"""`cleaner eval`: score the cleaner against gold sets, side by side with trafilatura."""

from __future__ import annotations

from pathlib import Path

import click

from ..model import FOCUSES, Options
from . import main
from .common import choice_option, guarded


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
@choice_option(
    "--focus",
    choices=FOCUSES,
    help="HTML pages: as `clean --balanced` / `--precision` / `--recall`.",
)
@click.option("--fast", is_flag=True, help="HTML pages: as `clean --fast`.")
def evaluate(
    sets: tuple[Path, ...],
    compare: tuple[str, ...],
    worst: int,
    limit: int | None,
    title: bool,
    focus: str,
    fast: bool,
) -> None:
    """Score the cleaner against gold sets (folders with index.jsonl), e.g.

    \b
      cleaner eval bench/mini/zh-cwced-text bench/mini/wcxb-dev
      cleaner eval bench/mini/wcxb-dev --compare trafilatura
    """
    from ..evaluate import cleaner_extractor, report, run_set, trafilatura_extractor

    options = Options(with_title=title, detect_language=False, metadata=False, focus=focus,
                      fast=fast)  # fmt: skip
    ours = cleaner_extractor(options)  # scored as text output: the title is the only metadata
    for folder in sets:
        results = guarded(lambda f=folder: [run_set(f, ours, "cleaner", limit)])
        if "trafilatura" in compare:
            results.append(run_set(folder, trafilatura_extractor, "trafilatura", limit))
        click.echo(f"{folder}")
        click.echo(report(results, worst))
