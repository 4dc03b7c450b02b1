"""html/parse.py: a page's markup parsed into its tree."""

import pytest

from cleaner import Options, clean

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
