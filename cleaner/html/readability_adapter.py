"""Every use of readability-lxml (the optional extra `cleaner[best]`): its article scoring of
a page, as text a block a line. `--best` counts it as a third reader (agreement.py) and
`cleaner eval --compare readability` scores it as a peer."""

from __future__ import annotations

import logging

from ..errors import ConfigError
from .visible import tree_text

NEEDS = "pip install 'cleaner[best]'"  # what brings readability-lxml
# readability logs a page it cannot read with its traceback, which Python prints to stderr
# when no handler is set: such a page is no reading here (readability_text), not an error
logging.getLogger("readability").addHandler(logging.NullHandler())


def available() -> bool:
    try:
        import readability  # noqa: F401
    except ImportError:
        return False
    return True


def require(what: str) -> None:
    """ConfigError (exit 2) naming the extra when readability-lxml is not installed."""
    if not available():
        raise ConfigError(f"{what} needs readability-lxml: {NEEDS}")


def readability_text(markup: str) -> str:
    """readability's article of the page, its visible text a block a line ('' when none, or
    when readability cannot read the page: lxml will not take back a text that a character
    reference made a control character, `&#8;`, when its cleaner joins two texts)."""
    from lxml import html as lxml_html
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(markup).summary(html_partial=True)
    except Unparseable:
        return ""
    return tree_text(lxml_html.fromstring(summary)) if summary.strip() else ""
