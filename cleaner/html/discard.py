"""trafilatura's pruning XPaths that test id, class and style by regex (its boilerplate,
comment sections, endless-scroll containers, and its precision setting's page bottoms and
link rows) evaluated in Python, with the same elements found in the same order.

lxml runs each `re:test` of an XPath as a Python callback (about 4 µs an element), two or
three of them on nearly every element, several expressions a reading: 5 ms of a zh-cwced
page (over a quarter of cleaner's time there), against about 1.2 ms here. An expression is
read in Python only when the installed trafilatura's text for it, regexes aside, is the
skeleton written here (`python_expressions`), and only inside cleaner's own readings
(trafilatura_adapter.read_tree): `cleaner eval --compare trafilatura` scores trafilatura as
shipped. An XPath's string value of `@id|@class` is the value of whichever of the two the
element states first (`_first`)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache

from lxml import etree

_TEST = re.compile(r"re:test\((@[\w|@-]+), '([^']*)'\)")  # a literal holds no quote
_LITERAL = re.compile(r"('[^']*')")
_BLOCKS = ("div", "item", "list", "p", "section", "span")
_COMMENT_BLOCKS = ("div", "list", "section", "details")
_MODULES = ("trafilatura.core", "trafilatura.main_extractor", "trafilatura.external")
Search = Callable[[str], re.Match | None]
Found = Callable[[etree._Element], list]


@dataclass(frozen=True)
class InPython:
    """One expression as read here: its text with each `re:test` pattern as {}, and what
    makes its Python function of the compiled patterns (in the text's order)."""

    skeleton: str
    build: Callable[..., Found]


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


def _tested(search: Search, value: str | None) -> bool:
    """`re:test(@name, pattern)`: a missing attribute's '' matches no pattern read here."""
    return value is not None and search(value) is not None


def _boilerplate(both: Search, ids: Search, classes: Search) -> Found:
    def found(tree: etree._Element) -> list:
        hits = []
        for element in tree.iter(_BLOCKS):
            get = element.get
            id_, class_ = get("id"), get("class")
            if (
                (id_ is not None or class_ is not None)
                and (
                    both(_first(element, "id", "class", (id_, class_)))
                    or _tested(ids, id_)
                    or _tested(classes, class_)
                )
                or get("data-lp-replacement-content") is not None
                or "nav" in (get("role") or "").replace("N", "n")
                or "MostPopularStories" in (get("data-component") or "")
            ) and element is not tree:
                hits.append(element)
        return hits

    return found


def _hidden(hidden: Search, ids: Search, classes: Search) -> Found:
    def found(tree: etree._Element) -> list:
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
                or _tested(ids, id_)
                or _tested(classes, class_)
                or get("aria-hidden") == "true"
            ) and element is not tree:
                hits.append(element)
        return hits

    return found


def _by_id_or_class(tags: tuple, ids: Search, classes: Search, then: Callable | None) -> Found:
    """The elements of these tags whose id or class matches, and (if `then`) that pass it."""

    def found(tree: etree._Element) -> list:
        hits = []
        for element in tree.iter(tags):
            id_, class_ = element.get("id"), element.get("class")
            if (id_ is None and class_ is None) or element is tree:
                continue
            if (_tested(ids, id_) or _tested(classes, class_)) and (
                then is None or then(element, id_, class_)
            ):
                hits.append(element)
        return hits

    return found


def _endless(scroll_ids: Search, scroll_classes: Search, ids: Search, classes: Search) -> Found:
    """An endless scroll's container without an <h1>, or a theme's appended-post box."""

    def then(element: etree._Element, id_: str | None, class_: str | None) -> bool:
        return element.find(".//h1") is None or _tested(ids, id_) or _tested(classes, class_)

    return _by_id_or_class(("div", "section", "aside"), scroll_ids, scroll_classes, then)


def _comments(ids: Search, classes: Search) -> Found:
    return _by_id_or_class(_COMMENT_BLOCKS, ids, classes, None)


def _comments_and_lists(ids: Search, classes: Search, list_ids: Search, lists: Search) -> Found:
    def then(element: etree._Element, id_: str | None, class_: str | None) -> bool:
        ordered = element.tag in ("ol", "ul")
        return not ordered or _tested(list_ids, id_) or _tested(lists, class_)

    return _by_id_or_class((*_COMMENT_BLOCKS, "ol", "ul"), ids, classes, then)


def _bottoms(bottom: Search, link: Search) -> Found:
    def found(tree: etree._Element) -> list:
        hits = []
        for element in tree.iter(_BLOCKS):
            get = element.get
            id_, class_, style = get("id"), get("class"), get("style")
            named = _first(element, "id", "class", (id_, class_))
            if (bottom(named) or link(named) or (style is not None and "border" in style)) and (
                element is not tree
            ):
                hits.append(element)
        return hits

    return found


_EACH = "self::div or self::item or self::list or self::p or self::section or self::span"
_COMMENTS = "self::div or self::list or self::section or self::details"
# trafilatura.xpaths' name -> each of its expressions as read here (None: its own XPath)
EXPRESSIONS: dict[str, tuple[InPython | None, ...]] = {
    "OVERALL_DISCARD_XPATH": (
        InPython(
            f""".//*[{_EACH}][@data-lp-replacement-content or contains(translate(@role,
            'N', 'n'), 'nav') or contains(@data-component, 'MostPopularStories') or
            re:test(@id|@class, '{{}}') or re:test(@id, '{{}}') or re:test(@class, '{{}}')]""",
            _boilerplate,
        ),  # fmt: skip
        InPython(
            """.//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or
            re:test(@id|@style, '{}') or contains(@style, 'display:none') or contains(@style,
            'display: none') or re:test(@id, '{}') or re:test(@class, '{}') or
            @aria-hidden='true']""",
            _hidden,
        ),  # fmt: skip
    ),
    "RAW_TREE_PRUNE_XPATH": (
        InPython(
            """.//*[self::div or self::section or self::aside][re:test(@id, '{}') or
            re:test(@class, '{}')][not(.//h1) or re:test(@id, '{}') or
            re:test(@class, '{}')]""",
            _endless,
        ),  # fmt: skip
        None,
    ),
    "REMOVE_COMMENTS_XPATH": (
        InPython(f".//*[{_COMMENTS}][re:test(@id, '{{}}') or re:test(@class, '{{}}')]", _comments),
    ),
    "REMOVE_COMMENTS_AND_LISTS_XPATH": (
        InPython(
            f""".//*[{_COMMENTS} or self::ol or self::ul][re:test(@id, '{{}}') or
            re:test(@class, '{{}}')][not(self::ol or self::ul) or re:test(@id, '{{}}') or
            re:test(@class, '{{}}')]""",
            _comments_and_lists,
        ),  # fmt: skip
    ),
    "PRECISION_DISCARD_XPATH": (
        None,
        InPython(
            f""".//*[{_EACH}][re:test(@id|@class, '{{}}') or re:test(@id|@class, '{{}}')
            or contains(@style, 'border')]""",
            _bottoms,
        ),  # fmt: skip
    ),
}


def _skeleton(text: str) -> str:
    """An expression's text with each `re:test` pattern as {}, without the spaces outside
    its string literals."""
    text = _TEST.sub(lambda m: f"re:test({m[1]}, '{{}}')", text)
    parts = _LITERAL.split(text)  # odd parts: the literals, kept whole
    return "".join(part if i % 2 else "".join(part.split()) for i, part in enumerate(parts))


def _in_python(expression: object, read: InPython) -> Found | None:
    """The Python function of an expression whose text is the skeleton's, its patterns
    compiled as lxml's `re:test` compiles them; None if it is another text or one of its
    patterns matches '' (the functions skip an element without the attributes)."""
    path = getattr(expression, "path", None)
    if not isinstance(path, str) or _skeleton(path) != _skeleton(read.skeleton):
        return None
    compiled = [re.compile(pattern) for _, pattern in _TEST.findall(path)]
    if any(pattern.search("") for pattern in compiled):
        return None
    return read.build(*(pattern.search for pattern in compiled))


def _replacement(name: str, expressions: list) -> list | None:
    """A library list of expressions with those read here as Python functions; None when
    one of them is not the text read here."""
    reads = EXPRESSIONS[name]
    if len(expressions) != len(reads):
        return None
    out = []
    for expression, read in zip(expressions, reads, strict=True):
        function = expression if read is None else _in_python(expression, read)
        if function is None:
            return None
        out.append(function)
    return out


@cache
def python_expressions() -> tuple[tuple, ...]:
    """(module, name, the library's own list, the list read in Python) for every lookup of
    an expression read here; empty when trafilatura's XPaths cannot be read."""
    try:
        xpaths = importlib.import_module("trafilatura.xpaths")
        modules = [importlib.import_module(name) for name in _MODULES]
    except ImportError:
        return ()
    swaps = []
    for name in EXPRESSIONS:
        own = getattr(xpaths, name, None)
        replacement = _replacement(name, own) if isinstance(own, list) else None
        if replacement is not None:
            swaps += [(m, name, own, replacement) for m in modules if getattr(m, name, None) is own]
    return tuple(swaps)


def discard_in_python() -> AbstractContextManager[None]:
    """trafilatura reads a page with python_expressions in place of its XPaths for the calls
    made inside; its own expressions afterwards. Another thread reading meanwhile may meet
    either: they find the same elements."""
    return swapped(python_expressions())


@contextmanager
def swapped(swaps: Iterable[tuple]) -> Iterator[None]:
    """Each (module, name, own, replacement): the replacement is the module's `name` for the
    calls made inside, its own again afterwards, an exception or not (justext_memo.py swaps
    trafilatura's jusText step so too)."""
    swaps = tuple(swaps)
    for module, name, _, replacement in swaps:
        setattr(module, name, replacement)
    try:
        yield
    finally:
        for module, name, own, _ in swaps:
            setattr(module, name, own)
