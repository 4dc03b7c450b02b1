"""trafilatura's OVERALL_DISCARD_XPATH (the id, class and style tests by which it prunes a
page's boilerplate: before its main extraction and, with its precision setting, before its
readability fallback) evaluated in Python, with the same elements found in the same order.

lxml runs each `re:test` of an XPath as a Python callback (about 4 µs an element), and these
two expressions make three of them on nearly every element, twice a reading: 3.3 ms of a
zh-cwced page (a fifth of cleaner's time there), against 0.9 ms here. Used only when the
installed trafilatura's expressions are the ones read here (`python_discard`: their text,
regexes aside, must be the SKELETONS below), and only inside cleaner's own readings
(trafilatura_adapter.read_tree): `cleaner eval --compare trafilatura` scores trafilatura as
shipped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from lxml import etree

# Each expression's text, its three `re:test` patterns as {}: an XPath's string value of
# `@id|@class` is the value of whichever of the two the element states first.
SKELETONS = (
    """.//*[self::div or self::item or self::list or self::p or self::section or self::span][
    @data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or
    contains(@data-component, 'MostPopularStories') or re:test(@id|@class, '{}') or
    re:test(@id, '{}') or re:test(@class, '{}')]""",
    """.//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or
    re:test(@id|@style, '{}') or contains(@style, 'display:none') or
    contains(@style, 'display: none') or re:test(@id, '{}') or re:test(@class, '{}') or
    @aria-hidden='true']""",
)
_TEST = re.compile(r"re:test\((@[\w|@-]+), '([^']*)'\)")  # a literal holds no quote
_BLOCKS = ("div", "item", "list", "p", "section", "span")
_MODULES = ("trafilatura.main_extractor", "trafilatura.external")  # where it is looked up
Search = Callable[[str], re.Match | None]


def _first(element: etree._Element, one: str, other: str, values: tuple) -> str:
    """The value of whichever of two attributes the element states first ('' if neither)."""
    if values[0] is None or values[1] is None:
        return values[0] or values[1] or ""
    for name in element.keys():  # noqa: SIM118 - its attributes (iterating gives children)
        if name == one:
            return values[0]
        if name == other:
            return values[1]
    return ""  # pragma: no cover - both were found


def _blocks(both: Search, ids: Search, classes: Search) -> Callable:
    def found(tree: etree._Element) -> list[etree._Element]:
        hits = []
        for element in tree.iter(_BLOCKS):
            get = element.get
            id_, class_ = get("id"), get("class")
            if (
                (id_ is not None or class_ is not None)
                and (
                    both(_first(element, "id", "class", (id_, class_)))
                    or (id_ is not None and ids(id_))
                    or (class_ is not None and classes(class_))
                )
                or get("data-lp-replacement-content") is not None
                or "nav" in (get("role") or "").replace("N", "n")
                or "MostPopularStories" in (get("data-component") or "")
            ) and element is not tree:
                hits.append(element)
        return hits

    return found


def _hidden(hidden: Search, ids: Search, classes: Search) -> Callable:
    def found(tree: etree._Element) -> list[etree._Element]:
        hits = []
        for element in tree.iter(etree.Element):
            get = element.get
            id_, class_, style = get("id"), get("class"), get("style")
            if id_ is None and class_ is None and style is None:
                if get("aria-hidden") == "true" and element is not tree:
                    hits.append(element)
                continue
            if (
                class_ == "comments-title"
                or _first(element, "id", "class", (id_, class_)).startswith("reply-")
                or hidden(_first(element, "id", "style", (id_, style)))
                or (style is not None and ("display:none" in style or "display: none" in style))
                or (id_ is not None and ids(id_))
                or (class_ is not None and classes(class_))
                or get("aria-hidden") == "true"
            ) and element is not tree:
                hits.append(element)
        return hits

    return found


def _skeleton(text: str) -> str:
    return " ".join(text.split())


def _searches(expression: object, skeleton: str) -> list[Search] | None:
    """The patterns of an expression whose text is the skeleton's, compiled as lxml's
    `re:test` compiles them; None if it is another text or a pattern matches nothing (the
    Python tests skip an element without the attributes)."""
    path = getattr(expression, "path", None)
    if not isinstance(path, str):
        return None
    patterns = [pattern for _, pattern in _TEST.findall(path)]
    if _skeleton(_TEST.sub(lambda m: f"re:test({m[1]}, '{{}}')", path)) != _skeleton(skeleton):
        return None
    compiled = [re.compile(pattern) for pattern in patterns]
    if any(pattern.search("") for pattern in compiled):
        return None
    return [pattern.search for pattern in compiled]


@cache
def python_discard() -> tuple[list, list] | None:
    """OVERALL_DISCARD_XPATH as Python functions, and (module, the library's own value) for
    each module that looks it up; None when the installed trafilatura's expressions are not
    the ones read here (or it has none)."""
    import importlib

    try:
        from trafilatura.xpaths import OVERALL_DISCARD_XPATH

        modules = [importlib.import_module(name) for name in _MODULES]
    except ImportError:
        return None
    if len(OVERALL_DISCARD_XPATH) != len(SKELETONS):
        return None
    found = [_searches(e, s) for e, s in zip(OVERALL_DISCARD_XPATH, SKELETONS, strict=True)]
    if any(searches is None for searches in found):
        return None
    own = [(m, m.OVERALL_DISCARD_XPATH) for m in modules if hasattr(m, "OVERALL_DISCARD_XPATH")]
    return [_blocks(*found[0]), _hidden(*found[1])], own


@contextmanager
def discard_in_python() -> Iterator[None]:
    """trafilatura reads a page with python_discard in place of its XPath (when it can) for
    the calls made inside; its own expression afterwards. Another thread reading meanwhile
    may meet either: they find the same elements."""
    installed = python_discard()
    functions, own = installed if installed else ([], [])
    for module, _ in own:
        module.OVERALL_DISCARD_XPATH = functions
    try:
        yield
    finally:
        for module, expressions in own:
            module.OVERALL_DISCARD_XPATH = expressions
