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
