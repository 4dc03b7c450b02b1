"""Every use of readability-lxml (the optional extra `cleaner[best]`): its article scoring of
a page, as text a block a line. `--best` counts it as a third reader (agreement.py) and
`cleaner eval --compare readability` scores it as a peer."""

from __future__ import annotations

from ..errors import ConfigError
from .visible import tree_text

NEEDS = "pip install 'cleaner[best]'"  # what brings readability-lxml


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
    """readability's article of the page, its visible text a block a line ('' when none)."""
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(markup).summary(html_partial=True)
    return tree_text(lxml_html.fromstring(summary)) if summary.strip() else ""
