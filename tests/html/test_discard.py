"""trafilatura's discard expressions evaluated in Python: the same elements, in the same
order, as its XPath finds; its own expressions back after a reading."""

import lxml.html
import pytest
import trafilatura.external
import trafilatura.main_extractor
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from cleaner.html.discard import discard_in_python, python_discard
from cleaner.html.trafilatura_adapter import Settings, read_tree

TAGS = ["div", "p", "span", "section", "item", "list", "a", "li", "article"]
NAMES = ["id", "class", "style", "role", "data-component", "aria-hidden", "title"]
# pieces of the words the expressions test, and others: the values made from them hit every
# branch (a cookie notice's id before or after its class, a `reply-` class behind an id)
PIECES = ["cookie", "reply-", "hidden", "display:none", "display: none", "Nav", "nav", "menu",
          "share", "comments-title", "hide-x", " hidden", "true", "ad-", "content", "main",
          "MostPopularStories", "x", ""]  # fmt: skip
VALUES = st.lists(st.sampled_from(PIECES), max_size=3).map("".join)
ATTRIBUTES = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=4).map(
    lambda pairs: list(dict(pairs).items())  # the order stated, each name once
)
ELEMENT = st.tuples(st.sampled_from(TAGS), ATTRIBUTES, st.booleans())


def _tree(elements: list) -> etree._Element:
    """A root the expressions never find (`.//*`: below it), the elements in it, each nested
    in the one before or beside it."""
    body = parent = etree.Element("div", {"class": "cookie", "aria-hidden": "true"})  # not found
    for tag, attributes, nested in elements:
        element = etree.SubElement(parent, tag)
        for name, value in attributes:
            element.set(name, value)
        element.text = "text"
        parent = element if nested else parent
    return body


@settings(max_examples=400, deadline=None)
@given(st.lists(ELEMENT, min_size=1, max_size=12))
def test_python_discard_finds_what_the_xpath_finds(elements):
    tree = _tree(elements)
    functions, _ = python_discard()
    for expression, function in zip(OVERALL_DISCARD_XPATH, functions, strict=True):
        assert function(tree) == expression(tree)


@pytest.mark.parametrize(
    ("markup", "found"),
    [
        ('<div class="cookie-notice" id="main">a</div>', ["div"]),
        ('<div id="main" class="cookie-notice">a</div>', []),  # the id is stated first
        ('<div class="cookie-notice">a</div>', ["div"]),
        ('<p class="x" id="cookie">a</p>', []),  # the class stated first: its value is read
        ('<span role="Navigation">a</span>', ["span"]),
        ('<a id="x" style="color: red; display: none">a</a>', ["a"]),
        ('<a class="reply-to" id="top">a</a>', ["a"]),
        ('<a id="top" class="reply-to">a</a>', []),
        ('<li aria-hidden="true">a</li>', ["li"]),
    ],
)
def test_the_first_stated_of_two_attributes_is_the_one_tested(markup, found):
    tree = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    functions, _ = python_discard()
    hits = [element.tag for function in functions for element in function(tree)]
    xpath = [element.tag for expression in OVERALL_DISCARD_XPATH for element in expression(tree)]
    assert hits == xpath == found


def test_the_installed_trafilatura_is_read_in_python():
    """A trafilatura whose expressions changed is read with its own XPath (slower, the same
    result): this fails then, so that SKELETONS are read again."""
    assert python_discard() is not None


def test_trafilatura_has_its_own_expressions_back_after_a_reading():
    page = lxml.html.fromstring(
        "<html><body><article><p>" + "The council met on Tuesday. " * 20 + "</p>"
        '<div class="share-bar">Share this</div></article></body></html>'
    )
    reading = read_tree(page, Settings(url=None, thread=False, focus="precision"))
    assert "council met" in reading.text and "Share this" not in reading.text
    assert trafilatura.main_extractor.OVERALL_DISCARD_XPATH is OVERALL_DISCARD_XPATH
    assert trafilatura.external.OVERALL_DISCARD_XPATH is OVERALL_DISCARD_XPATH
    with pytest.raises(RuntimeError), discard_in_python():
        assert trafilatura.external.OVERALL_DISCARD_XPATH is not OVERALL_DISCARD_XPATH
        raise RuntimeError
    assert trafilatura.external.OVERALL_DISCARD_XPATH is OVERALL_DISCARD_XPATH
