"""trafilatura's jusText reading of a tree, remembered: when its own extraction of a page is
short, trafilatura reads the page with jusText as a second opinion, and when it then escalates
to its recall setting it reads the same tree with jusText again (its compare step and its
escalation's candidate). A jusText reading (a SAX walk of the tree and a DOM path per
paragraph) is the dearest step of such a page: 30 ms of a 900 KB page whose two readings took
3.2 times trafilatura's `extract`. The result depends only on the tree's markup and the stop
list (the page's language), so the same markup is read once and its result copied.

Swapped in only inside cleaner's own readings (trafilatura_adapter.read_tree), like
discard.py's expressions; `cleaner eval --compare trafilatura` scores trafilatura as shipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from copy import deepcopy

from lxml import etree

from .discard import swapped


def remembered(read: Callable) -> Callable:
    """`read` (trafilatura.external.try_justext: tree, url, language -> a <body> of the kept
    paragraphs) with its results remembered by the tree's markup and the language (the
    address only names the page in a log line); each caller gets its own copy."""
    memo: dict[tuple[str, str | None], etree._Element] = {}

    def reading(tree, url, target_language):
        key = (etree.tostring(tree, encoding="unicode"), target_language)
        if key not in memo:
            memo[key] = read(tree, url, target_language)
        return deepcopy(memo[key])

    return reading


def justext_remembered() -> AbstractContextManager[None]:
    """trafilatura reads a page with its jusText readings remembered for the calls made
    inside, and forgotten after (nothing changes when its jusText step cannot be found)."""
    try:
        external = importlib.import_module("trafilatura.external")
    except ImportError:
        external = None
    own = getattr(external, "try_justext", None)
    return swapped(() if own is None else ((external, "try_justext", own, remembered(own)),))
