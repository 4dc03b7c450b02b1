"""HTML pages: parse (the rule's find/replace, one lxml parse), prepare (the rule's tree
directives, then boilerplate blocks, layout tables and unread elements out: prune.py,
tables.py), extract (trafilatura through trafilatura_adapter.py, the cues on its lines, the
visible-text fallback: visible.py). With --fast, Lexbor's tree and resiliparse's visible text
instead of lxml and trafilatura (resiliparse_adapter.py). Importing this package loads lxml;
trafilatura loads on the first page read."""

from __future__ import annotations

from .extract import read_html
from .parse import LARGE_PAGE_CHARS, LEXBOR, Markup, parse_page
from .prepare import PreparedTree, prepare_tree
from .visible import markup_visible_text, visible_text

__all__ = [
    "LARGE_PAGE_CHARS",
    "LEXBOR",
    "Markup",
    "PreparedTree",
    "parse_page",
    "prepare_tree",
    "markup_visible_text",
    "read_html",
    "visible_text",
]
