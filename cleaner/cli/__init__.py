"""Command line: parse options, read bytes, call the library, write output. This package is
the only part of cleaner that imports click: `clean` (files and folders) in `clean.py`, `rules`
in `rules.py`, `eval` in `evaluate.py`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import CleanerError
from ..rules.book import load_rulebook, rule_sources

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
RULES_OPTION = click.option(
    "--rules", "rules", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="A folder of site rule files, ahead of CLEANER_RULES, the config folder and the "
    "built-in rules (repeatable).",
)  # fmt: skip


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


from . import clean, evaluate, rules  # noqa: E402,F401 - registers the commands on `main`
