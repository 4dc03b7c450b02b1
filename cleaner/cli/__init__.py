"""Command line: parse options, read bytes, call the library, write output. This package is
the only part of cleaner that imports click: `clean` in `clean.py` (every input through the
batch runner: `running.py`), `rules` in `rules.py`, `eval` in `evaluate.py`, what they share
in `common.py`."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner")
def main() -> None:
    """Turn raw web pages (HTML or plain-text dumps, any encoding) into clean body text.

    \b
    Examples:
      cleaner clean samples/zh-seed-repost/raw.txt
      cleaner clean -f json --explain page.html
      cleaner eval bench/mini/zh-cwced-text --compare trafilatura
    """


from . import clean, evaluate, rules  # noqa: E402,F401 - registers the commands on `main`
