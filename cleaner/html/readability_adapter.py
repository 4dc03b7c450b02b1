"""Every use of readability-lxml (the optional extra `cleaner[best]`): its article scoring of
a page, as text a block a line. `--best` counts it as a third reader (agreement.py) and
`cleaner eval --compare readability` scores it as a peer."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from ..errors import ConfigError
from .visible import tree_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

NEEDS = "pip install 'cleaner[best]'"  # what brings readability-lxml
_LINK_OPEN = re.compile(r"<a[\s>]", re.I)
_LINK_CLOSE = re.compile(r"</a\s*>", re.I)
# readability weighs each element by its text after folding spaces (`\s*\n\s*`, tried from
# each space of a run of up to 255), once per element it scores: runs this long are folded
# first, to a line break or a space as they hold one or not, which its reading and the rows
# compared with it (agreement.py, keys without spaces) see alike (bench/fuzz.py --seed 67:
# a 311 KB page of long runs, 10.6 s in readability, 0.5 s folded)
LONG_SPACE_RUN = 16
_LONG_SPACE = re.compile(rf"\s{{{LONG_SPACE_RUN},}}")
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

    markup = _LONG_SPACE.sub(_folded, markup)
    try:
        summary = Document(unnested(markup)).summary(html_partial=True)
    except Unparseable:
        return ""
    return tree_text(lxml_html.fromstring(summary)) if summary.strip() else ""


def _folded(run: re.Match[str]) -> str:
    return "\n" if "\n" in run.group() else " "


def unnested(markup: str) -> str | HtmlElement:
    """The markup, or, when it leaves links open (more `<a` than `</a>`), its tree with each
    link inside another unwrapped (its text kept): the parser nests the links an unclosed one
    holds, each holding the rest of the page, and readability weighs every link's text once
    for each element it scores (a 215 KB page with 47 open links: 10 s, 0.5 s unwrapped)."""
    if len(_LINK_OPEN.findall(markup)) <= len(_LINK_CLOSE.findall(markup)):
        return markup
    from .parse import parse_markup

    tree = parse_markup(markup)
    inner = tree.xpath("//a[ancestor::a]") if tree is not None else []
    if not inner:
        return markup  # (a `<a` in a script's text): readability parses the page itself
    for link in inner:
        link.drop_tag()
    return tree
