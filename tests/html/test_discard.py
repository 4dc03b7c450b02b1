"""trafilatura's discard expressions evaluated in Python: the same elements, in the same
order, as its XPath finds; its own expressions back after a reading."""

import lxml.html
import pytest
import trafilatura.external
import trafilatura.main_extractor
import trafilatura.xpaths
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from cleaner.html.discard import EXPRESSIONS, discard_in_python, python_expressions
from cleaner.html.trafilatura_adapter import Settings, read_tree

TAGS = ["div", "p", "span", "section", "item", "list", "a", "li", "article", "aside", "details",
        "ol", "ul", "header", "h1"]  # fmt: skip
NAMES = ["id", "class", "style", "role", "data-component", "aria-hidden", "title"]
# pieces of the words the expressions test, and others: the values made from them hit every
# branch (a cookie notice's id before or after its class, a `reply-` class behind an id)
PIECES = ["cookie", "reply-", "hidden", "display:none", "display: none", "Nav", "nav", "menu",
          "share", "comments-title", "hide-x", " hidden", "true", "ad-", "content", "main",
          "MostPopularStories", "x", "", "comment", "Comments", "commentary", "post-comments",
          "comol", "dsq-comments", "mvp-post-add-box", "infinite-scroll", "bottom", " bottom",
          "link", " ", "border", "elementor-share-buttons"]  # fmt: skip
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


def _in_python(name: str) -> list:
    """The list of an expression's functions that the readings use."""
    own = getattr(trafilatura.xpaths, name)
    swaps = python_expressions()
    return next(read for _, each, mine, read in swaps if each == name and mine is own)


@settings(max_examples=600, deadline=None)
@given(st.lists(ELEMENT, min_size=1, max_size=12))
def test_each_expression_in_python_finds_what_its_xpath_finds(elements):
    tree = _tree(elements)
    for name in EXPRESSIONS:
        for expression, function in zip(getattr(trafilatura.xpaths, name), _in_python(name),
                                        strict=True):  # fmt: skip
            assert function(tree) == expression(tree), name


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
    hits = [e.tag for function in _in_python("OVERALL_DISCARD_XPATH") for e in function(tree)]
    xpath = [element.tag for expression in OVERALL_DISCARD_XPATH for element in expression(tree)]
    assert hits == xpath == found


@pytest.mark.parametrize(
    ("name", "markup", "found"),
    [
        ("REMOVE_COMMENTS_AND_LISTS_XPATH", '<ol id="dsq-comments" title="1"><li>a</li></ol>'
         '<div id="dsq-comments" title="2">b</div><ul class="comment-list" title="3"></ul>',
         ["2", "3"]),  # a list by its comment id, but not by a comment system's
        ("REMOVE_COMMENTS_XPATH", '<div class="commentary" title="1">a</div>'
         '<section id="Comments" title="2">b</section>', ["2"]),
        ("RAW_TREE_PRUNE_XPATH", '<div class="infinite-scroll" title="1"><h1>a</h1></div>'
         '<div class="infinite-scroll" title="2">b</div><aside id="mvp-post-add-box" '
         'title="3"><h1>c</h1></aside>', ["2", "3"]),  # an <h1> below: the page's own story
        ("PRECISION_DISCARD_XPATH", '<div id="x" class="bottom" title="1">a</div><div '
         'class="page bottom" id="x" title="2">b</div><p style="border: 0" title="3">c</p>',
         ["2", "3"]),
    ],
)  # fmt: skip
def test_each_expression_keeps_its_reading(name, markup, found):
    tree = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    hits = [e.get("title") for function in _in_python(name) for e in function(tree)]
    own = [e.get("title") for expression in getattr(trafilatura.xpaths, name)
           for e in expression(tree)]  # fmt: skip
    assert hits == own == found


def test_the_installed_trafilatura_is_read_in_python():
    """A trafilatura whose expressions changed is read with its own XPaths (slower, the same
    result): this fails then, so that the skeletons are read again."""
    assert {name for _, name, _, _ in python_expressions()} == set(EXPRESSIONS)


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
