"""html/parse.py: a page's markup parsed into its tree."""

import pytest

from cleaner import Options, clean
from cleaner.html.parse import parse_page
from cleaner.model import Page

PAGE = (
    "<html><head><title>Council meets</title></head><body><article><h1>Council meets</h1>"
    + "<p>The council met on Tuesday and agreed to keep the library open all year. </p>" * 3
    + "<p>Hello <script>x</script>world REF more</p></article></body></html>"
)


@pytest.mark.parametrize(
    "reference", ["&#8;", "&#0008;", "&#11", "&#x1F;", "&#x0C", "&#xFFFE;", "&#65535;"]
)
def test_a_reference_to_a_character_xml_refuses_shows_nothing(reference):
    # lxml put the control character in the text, then refused the text it joined when the
    # <script> was dropped: the page failed with an internal error
    read = clean(PAGE.replace("REF", reference).encode(), Options(detect_language=False))
    assert "Hello world more" in read.paragraphs


@pytest.mark.parametrize(
    ("reference", "shown"),
    [("&#81;", "Q"), ("&#x1F600;", "😀"), ("&#x1fa;", "Ǻ"), ("&#150;", "–"), ("&#12345;", "〹")],
)
def test_a_longer_number_is_the_character_it_names(reference, shown):
    read = clean(PAGE.replace("REF", reference).encode(), Options(detect_language=False))
    assert f"Hello world {shown} more" in read.paragraphs


STATED = (
    '<html><head><meta name="Generator" content="1"><meta name="generator" content="2">'
    '<meta property="OG:type" content="3"><meta property="og:type" content="4">'
    '<link rel="Canonical" href="5"><link rel="canonical" href="6">'
    '<link rel="canonical stylesheet" href="7"><meta property=" og:title" content="8">'
    '<META NAME="generator" content="9"><script type="Application/LD+JSON">[1]</script>'
    '<script type="application/ld+json ">[2]</script></head><body><h1>One <a href="/">Home</a>'
    '</h1><meta property="og:title" content="late"><div itemtype="https://schema.org/Article">'
    "<H1>Two</H1></div></body></html>"
)


def test_lexbor_reads_what_a_page_states_as_its_selectors_would():
    # --fast reads a page's own statements with Lexbor's selectors: `rel` and `type` compared
    # case aside (HTML's rule), `name` and `property` as they are, values whole, tags
    # anywhere, in the page's order
    markup = parse_page(Page("html", STATED, None), None, fast=True)
    assert markup.facts.generators == ("2", "9")
    assert markup.facts.og_types == ("4",)
    assert markup.facts.json_ld == ("[1]",)
    assert markup.facts.itemtypes == ("https://schema.org/Article",)
    assert markup.titles.og_titles == ("late",)
    assert markup.titles.address == "5"
    assert [h.text for h in markup.titles.headings] == ["One Home", "Two"]
