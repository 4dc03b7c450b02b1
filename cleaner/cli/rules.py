"""`cleaner rules`: list, check, test and explain site rules."""

from __future__ import annotations

from pathlib import Path

import click

from ..batch import STDIN, read_input
from ..emit import position
from ..errors import EXIT_INPUT, EXIT_USAGE
from ..model import Options
from ..pipeline import clean as clean_page
from . import main
from .common import RULES_OPTION, guarded, rule_book, rule_folders


@main.group()
def rules() -> None:
    """Site rules: list, validate, test and explain them (see rules/README.md)."""


@rules.command(name="list")
@RULES_OPTION
def rules_list(rules: tuple[str, ...]) -> None:
    """Every site rule in effect: name, hosts, layer and file."""
    book = rule_book(rule_folders(rules))
    for rule in book.by_name.values():
        hosts = ", ".join(rule.hosts) or "(by content or --site)"
        click.echo(f"{rule.name}\t{hosts}\t{rule.layer}\t{rule.path}")
    for rule in book.shadowed:
        click.echo(f"{rule.name}\t(overridden)\t{rule.layer}\t{rule.path}")


@rules.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@RULES_OPTION
def rules_check(paths: tuple[Path, ...], rules: tuple[str, ...]) -> None:
    """Validate rule files (default: every rule in effect, the generic cue files too);
    exit 2 if any is wrong."""
    from ..rules.checks import GENERIC_FOLDER, check_file, rule_files
    from ..rules.format import rules_dir

    if paths:
        files = rule_files(list(paths))
    else:
        folders = [Path(folder) for folder, _ in rule_folders(rules)]
        files = rule_files([*folders, rules_dir() / GENERIC_FOLDER])
    problems = [p for f in files for p in check_file(f)]
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{len(files)} file(s) checked, {len(problems)} problem(s)", err=True)
    if problems:
        raise click.exceptions.Exit(EXIT_USAGE)


@rules.command(name="test")
@click.argument("names", nargs=-1)
@RULES_OPTION
def rules_test(names: tuple[str, ...], rules: tuple[str, ...]) -> None:
    """Run the tests rule files carry (test_page, test_contains, test_expected)."""
    from ..rules.checks import run_rule_tests

    sources = rule_folders(rules)
    outcomes = guarded(lambda: run_rule_tests(rule_book(sources), names, sources))
    for outcome in outcomes:
        click.echo(f"{outcome.status.upper()}\t{outcome.rule}\t{outcome.where}")
        for message in outcome.messages:
            click.echo(f"    {message}")
    failed = sum(o.status == "fail" for o in outcomes)
    passed = sum(o.status == "pass" for o in outcomes)
    skipped = sum(o.status == "skip" for o in outcomes)
    why = " (a test_url without a test_page needs the network)" if skipped else ""
    click.echo(f"{passed} passed, {failed} failed, {skipped} skipped{why}", err=True)
    if failed:
        raise click.exceptions.Exit(EXIT_INPUT)


@rules.command(name="explain")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False,
                allow_dash=True))  # fmt: skip
@click.option("--url", help="The page's address.")
@click.option("--site", help="Force the site rule of this name.")
@RULES_OPTION
def rules_explain(input_path: str, url: str | None, site: str | None, rules: tuple[str, ...]):
    """Which site rule matches INPUT and why, and what each of its directives did."""
    sources = rule_folders(rules)
    book = rule_book(sources)
    options = Options(url=url, site=site, rule_sources=sources, explain=True,
                      detect_language=False, source=input_path)  # fmt: skip
    path = None if input_path == STDIN else Path(input_path)
    doc = guarded(lambda: clean_page(read_input(path), options))
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
        where = f"{position(effect.of, effect.line)}: " if effect.line else ""
        click.echo(f"  {effect.where} {effect.directive}: {where}{change}")
        shown.add((effect.of, effect.line))
    for r in doc.removed:
        if r.by.startswith(f"{rule.path}:") and (r.of, r.line) not in shown:
            where = position(r.of, r.line)
            click.echo(f"  {r.by} drop_line: {where}: {_short(r.text)} removed")
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
