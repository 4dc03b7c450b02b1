"""html/empties.py: the text after an empty element, kept for trafilatura's precision setting."""

from lxml import html

from cleaner import Options, clean
from cleaner.html.empties import drop_blank_boxes, keep_tails_of_empty

PART = "The council voted on Monday to close the old bridge for repairs, and traffic will detour. "


def test_a_story_between_empty_paragraphs_keeps_every_part():
    # a story written as text between empty paragraphs used for spacing, a link within it
    # (an Urdu news site's): trafilatura's precision setting (an article's) deleted the
    # empty paragraph after the link's text with the part that follows it
    parts = [PART.replace("Monday", day) * 3 for day in ("Monday", "Tuesday", "Friday")]
    story = (
        f"<div class='detail_txt'>{parts[0]}<a href='/p'>Pakistan</a> {parts[1]}"
        f"<p style='margin-top: 5px;'></p> {parts[2]}<p></p><p class='hide'>(more)</p></div>"
    )
    head = "<head><meta name='author' content='A. Writer'></head>"
    page = f"<html>{head}<body><article><h1>Bridge</h1>{story}<p>{PART}</p></article>"
    text = "\n".join(clean((page + "</body></html>").encode(), Options()).paragraphs)
    assert all(day in text for day in ("Monday", "Tuesday", "Friday"))


def test_an_empty_block_becomes_a_line_break_and_an_empty_inline_element_goes():
    tree = html.fromstring(
        "<div><p></p>after the paragraph<span></span> after the span<p>kept</p><b></b></div>"
    )
    assert keep_tails_of_empty(tree) == 2  # the last <b> has no tail: left for trafilatura
    assert [child.tag for child in tree] == ["br", "p", "b"]
    assert tree[0].tail == "after the paragraph after the span"


def test_a_box_of_no_text_goes_and_the_text_after_it_stays():
    # an ad's slot (nested boxes, nothing in them to read) before a story's first paragraph,
    # a laid-out table's empty cell before the rest of a sentence; a box with text stays
    tree = html.fromstring(
        "<div><div class='txt_banner'><div><div id='gpt'> </div></div></div>The story begins"
        " <a href='/p'>here</a> and goes on.<div><span></span></div>，还在香港时"
        "<div>a caption</div>after the caption<div><img src='a.png'></div></div>"
    )
    assert drop_blank_boxes(tree) == 2  # the image's box has no text after it: left alone
    assert tree.text == "The story begins "
    assert tree[0].tag == "a" and tree[0].tail == " and goes on.，还在香港时"
    assert [child.tag for child in tree] == ["a", "div", "div"]
    assert tree[1].text == "a caption" and tree[1].tail == "after the caption"


def test_a_box_around_text_after_an_empty_box_holds_text():
    # the inner box holds nothing and goes; the box around it holds the text after it, and
    # stays, with that text its own now
    tree = html.fromstring("<div><div><div class='ad'></div>first part</div>second part</div>")
    assert drop_blank_boxes(tree) == 1
    assert len(tree) == 1 and tree[0].text == "first part" and tree[0].tail == "second part"
