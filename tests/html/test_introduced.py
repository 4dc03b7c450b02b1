"""A list the body introduces, on a page where trafilatura finds no container for its main
content and keeps only paragraphs: the list's items of prose are added where they stand."""

import pytest
from lxml import html

from cleaner import Options, clean
from cleaner.html.introduced import left_out_structure
from cleaner.html.trafilatura_adapter import finds_container
from cleaner.model import Extracted, Metadata, PageKind, Reading
from cleaner.rules.cuefiles import generic_cues

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


SECTIONS = (("Budget", OPENING[1]), ("Timeline", CLOSING))


def _sectioned(frame: str = "div class='x'", lead: str = "", sections=SECTIONS) -> bytes:
    """A page whose body paragraphs stand under subheadings, in `frame`; `lead`: markup
    before the first paragraph."""
    body = lead + f"<p>{OPENING[0]}</p>"
    body += "".join(f"<h2>{heading}</h2><p>{text}</p>" for heading, text in sections)
    tag = frame.split()[0]
    return (
        "<html><head><title>Council meets</title></head><body><div class='nav'>"
        f"<a href='/'>Home</a></div><{frame}>{body}</{tag}></body></html>"
    ).encode()


def test_subheadings_left_out_are_added_before_the_paragraphs_they_head():
    read = _read(_sectioned())
    assert read.paragraphs == (OPENING[0], "Budget", OPENING[1], "Timeline", CLOSING)
    assert read.method == "trafilatura+headings"


def test_inside_a_container_trafilatura_keeps_the_subheadings_itself():
    read = _read(_sectioned("article"))
    assert read.paragraphs == (OPENING[0], "Budget", OPENING[1], "Timeline", CLOSING)
    assert read.method == "trafilatura"


def test_a_heading_above_every_row_kept_heads_no_part_of_the_body():
    read = _read(_sectioned(lead="<h2>Council news</h2>"))
    assert "Council news" not in read.paragraphs
    assert read.paragraphs[:2] == (OPENING[0], "Budget")


def test_a_heading_a_cue_marks_is_not_added():
    read = _read(_sectioned(sections=[SECTIONS[0], ("Related articles", CLOSING)]))
    assert "Budget" in read.paragraphs
    assert "Related articles" not in read.paragraphs


def test_a_heading_over_a_list_comes_before_the_lists_items():
    items = "".join(f"<li>{item}</li>" for item in ITEMS)
    page = _sectioned(lead="").replace(
        b"<h2>Timeline</h2>", f"<h2>Requests</h2><ul>{items}</ul><h2>Timeline</h2>".encode()
    )
    read = _read(page)
    listed = tuple(f"- {item}" for item in ITEMS)
    assert read.paragraphs == (
        OPENING[0], "Budget", OPENING[1], "Requests", *listed, "Timeline", CLOSING,
    )  # fmt: skip
    assert read.method == "trafilatura+headings+list"


def test_an_items_answer_is_added_under_its_question_once():
    questions = ["When will the library open on Sundays?", "Who pays for the roof repairs?"]
    answers = [
        "From the first of March, between noon and five in the afternoon, every week.",
        "The county pays for them out of the reserve fund the council set up last year.",
    ]
    faq = "".join(
        f"<li><p>{q}</p><ul><li>{a}</li></ul></li>" for q, a in zip(questions, answers, strict=True)
    )
    body = "".join(f"<p>{p}</p>" for p in OPENING) + f"<p>{INTRO}</p><ul>{faq}</ul>"
    page = (
        "<html><head><title>Council meets</title></head><body>"
        f"<div class='x'>{body}<p>{CLOSING}</p></div></body></html>"
    ).encode()
    read = _read(page)
    assert read.paragraphs == (
        *OPENING, INTRO, questions[0], f"- {answers[0]}", questions[1], f"- {answers[1]}",
        CLOSING,
    )  # fmt: skip


def _left_out_of(first: tuple[str, ...], kind: str, monkeypatch, contained: bool = False):
    """left_out_structure on _sectioned()'s tree for a reading that kept `first`; the
    container search answers `contained` and records that it was asked."""
    asked = []

    def search(tree):
        asked.append(tree)
        return contained

    monkeypatch.setattr("cleaner.html.introduced.finds_container", search)
    reading = Reading(generic_cues(), PageKind(kind, "test"), None, Options())
    tree = html.fromstring(_sectioned())
    found = left_out_structure(Extracted(None, first, Metadata()), tree, reading)
    return found.paragraphs, bool(asked)


def test_a_reading_that_holds_a_subheading_read_the_headings_of_an_article(monkeypatch):
    first = (OPENING[0], "Budget", OPENING[1], CLOSING)  # "Timeline" left out
    assert _left_out_of(first, "article", monkeypatch) == (first, False)  # (not searched)


@pytest.mark.parametrize("kind", ["collection", "listing", "product", "service", "documentation"])
def test_a_pages_entries_keep_their_names_inside_a_container_too(kind, monkeypatch):
    # a shop's product tiles: trafilatura may leave out a name that links to its product
    first = (OPENING[0], "Budget", OPENING[1], CLOSING)
    with_timeline = (OPENING[0], "Budget", OPENING[1], "Timeline", CLOSING)
    assert _left_out_of(first, kind, monkeypatch, contained=True) == (with_timeline, False)


def test_an_articles_subheadings_are_added_only_without_a_container(monkeypatch):
    first = (OPENING[0], OPENING[1], CLOSING)
    every = (OPENING[0], "Budget", OPENING[1], "Timeline", CLOSING)
    assert _left_out_of(first, "article", monkeypatch) == (every, True)
    assert _left_out_of(first, "article", monkeypatch, contained=True) == (first, True)
