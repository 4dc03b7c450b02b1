"""The sniff stage: binary input refused, HTML or a text dump."""

import pytest

from cleaner.decode import decode_bytes
from cleaner.errors import InputError
from cleaner.sniff import refuse_binary, refuse_binary_text, sniff_kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<html lang='zh'><head><title>t</title>", "html"),
        ("Title line\nHome\nNews\nA paragraph with <b> in it.", "text"),
        ("<div><p>a</p><p>b</p><br></div>", "html"),
        # a dump that quotes markup stays a dump: it opens with text, its tags are few
        (
            "How to style a line\nHome\n"
            + "Use <span> and <br/> and <p> for this. " * 3
            + "A long paragraph of the tutorial. " * 20,
            "text",
        ),
        # ... but a server's warning before a page, or a fragment of markup, is HTML
        (
            "Warning: session_start() failed in /var/www/x.php on line 2\n<!DOCTYPE html><html>"
            "<body><p>x</p></body></html>",
            "html",
        ),
        ("First paragraph.<br><br>Second one.<br><br><a href='/x'>More</a>", "html"),
    ],
)
def test_sniff_kind(head, kind):
    assert sniff_kind(head) == kind


def test_forced_kind_wins():
    assert sniff_kind("<html><body></body></html>", "text") == "text"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\nrest", "PNG image"),
        (b"%PDF-1.7 stuff", "PDF document"),
        (b"PK\x03\x04zip", "ZIP archive"),
        (b"text\x00with\x00nul", "NUL bytes"),
        (b"a text head. " * 1000 + bytes(range(256)) * 40, "NUL bytes"),  # binary after 8 KB
        (b"page " * 5000 + b"\x00\x00\x00\x00 padding", "NUL bytes"),  # a run of four
    ],
)
def test_refuse_binary(data, message):
    with pytest.raises(InputError, match=message):
        refuse_binary(data, "in.bin")


def test_a_few_stray_nul_bytes_in_a_long_page_are_not_binary():
    data = b"A sentence of a long page. " * 2000
    refuse_binary(data[:20000] + b"\x00" + data[20000:], "in.txt")  # no InputError


def test_utf16_is_not_binary():
    refuse_binary("Hello world, plain text.".encode("utf-16-le"), "in.txt")


def test_control_characters_are_binary():
    with pytest.raises(InputError, match="control characters"):
        refuse_binary_text(decode_bytes(b"\x01\x02\x03\x04abc" * 10), "in.txt")


def test_a_dump_that_quotes_markup_is_cleaned_as_a_dump():
    from cleaner import clean

    line = (
        "Step {}: a line of the tutorial that explains what the browser shows, and why, in "
        "words a beginner follows without a reference open beside the page."
    )
    body = [line.format(n) for n in range(6)]
    body[1] += " Wrap it in <span class='x'> and end it with <br/>, as the <p> element would."
    dump = "\n".join(["Styling lines | Tutorial Site", "Home", "Tutorials", *body])
    doc = clean(dump.encode("utf-8"))
    assert doc.method == "text-lines"
    assert doc.paragraphs == tuple(body)
