"""A list the body introduces, on a page where trafilatura finds no container for its main
content and keeps only paragraphs: the list's items of prose are added where they stand."""

import pytest
from lxml import html

from cleaner import Options, clean
from cleaner.html.trafilatura_adapter import finds_container

OPENING = [
    "The council met on Tuesday evening to discuss the budget for the coming year, and the "
    "meeting ran late into the night as residents spoke.",
    "Several members said the library should stay open on weekends, and others asked how the "
    "county would pay for the repairs it needs now.",
]
CLOSING = (
    "The mayor said a decision would come next month, after the finance committee has "
    "reviewed the numbers and heard from the public again."
)
INTRO = "The residents asked the council for three things:"
ITEMS = [
    "Keep the main library open on Saturdays and Sundays all year",
    "Repair the roof of the east wing before the winter storms come",
    "Hire two more librarians for the children's reading room",
]


def _page(frame: str = "div class='x'", items: str = "") -> bytes:
    """A page whose body stands in `frame` (an <article> is a container trafilatura finds; a
    classed <div> is none), a list after its second paragraph."""
    items = items or "".join(f"<li>{item}</li>" for item in ITEMS)
    body = "".join(f"<p>{p}</p>" for p in OPENING) + f"<p>{INTRO}</p><ul>{items}</ul>"
    tag = frame.split()[0]
    return (
        "<html><head><title>Council meets</title></head><body><div class='nav'>"
        f"<a href='/'>Home</a></div><{frame}>{body}<p>{CLOSING}</p></{tag}>"
        "<div class='footer'>Contact us</div></body></html>"
    ).encode()


def _read(page: bytes):
    return clean(page, Options(detect_language=False))


def test_a_list_the_body_introduces_is_added_where_it_stands():
    read = _read(_page())
    assert read.paragraphs == (*OPENING, INTRO, *(f"- {item}" for item in ITEMS), CLOSING)
    assert read.method == "trafilatura+list"


def test_inside_a_container_trafilatura_keeps_the_list_itself():
    read = _read(_page("article"))
    assert read.method == "trafilatura"
    assert read.paragraphs == (*OPENING, INTRO, *(f"- {item}" for item in ITEMS), CLOSING)


@pytest.mark.parametrize(
    "items",
    [
        "".join(f"<li><a href='/{n}'>{item}</a></li>" for n, item in enumerate(ITEMS)),  # links
        "<li>Parks</li><li>Roads</li><li>Schools</li>",  # a menu's short entries
        f"<li>{ITEMS[0]}</li>",  # one item
    ],
)
def test_a_link_list_a_menu_or_one_item_is_not_added(items):
    read = _read(_page(items=items))
    assert read.method == "trafilatura"
    assert read.paragraphs == (*OPENING, INTRO, CLOSING)


def test_finds_container_asks_trafilaturas_own_search():
    assert finds_container(html.fromstring("<html><body><article><p>x</p></article></body></html>"))
    assert finds_container(html.fromstring("<div><div class='post-content'><p>x</p></div></div>"))
    assert not finds_container(html.fromstring("<div><div class='x'><p>x</p></div></div>"))
