"""What the commands share: the --rules option, the rule folders and book in effect, and how a
CleanerError reaches the user (one line on stderr, its documented exit code)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from ..batch import atomic_write
from ..errors import CleanerError, ConfigError
from ..rules import RuleBook, load_rulebook, rule_sources

T = TypeVar("T")
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
RULES_OPTION = click.option(
    "--rules", "rules", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="A folder of site rule files, ahead of CLEANER_RULES, the config folder and the "
    "built-in rules (repeatable).",
)  # fmt: skip


def choice_option(*names: str, choices: tuple[str, ...], help: str):  # noqa: A002 - click's word
    """An option that takes one of `choices`, the first by default."""
    return click.option(*names, type=click.Choice(choices), default=choices[0],
                        show_default=True, help=help)  # fmt: skip


class Failure(click.ClickException):
    """A one-line message ("cleaner: …") on stderr and an exit code, as click ends a command."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"cleaner: {self.message}", err=True)


def guarded(action: Callable[[], T]) -> T:
    """Run `action`; a CleanerError becomes a Failure with its message and exit code."""
    try:
        return action()
    except CleanerError as err:
        raise Failure(err.message, err.exit_code) from None


def rule_folders(dirs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The rule folders in effect, highest precedence first (see rules/book.py)."""
    config = str(Path(click.get_app_dir("cleaner")) / "rules")
    return guarded(lambda: rule_sources(tuple(dirs), os.environ.get("CLEANER_RULES"), config))


def rule_book(sources: tuple[tuple[str, str], ...]) -> RuleBook:
    return guarded(lambda: load_rulebook(sources))


def write_reports(files: dict[Path, str]) -> None:
    """Write a report's files, each whole (see batch.atomic_write); ConfigError (exit 2) when
    one cannot be written."""
    for path, text in files.items():
        try:
            atomic_write(path, text)
        except OSError as err:
            raise ConfigError(f"{path}: cannot write the report ({err.strerror})") from err
