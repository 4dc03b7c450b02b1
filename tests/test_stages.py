"""Unit tests for the small stages: sniff, repair, metadata, and the module entry point."""

import subprocess
import sys

import pytest
from conftest import SAMPLES

from cleaner.decode import decode_bytes
from cleaner.errors import InputError
from cleaner.mojibake.repair import repair_lines
from cleaner.rules.cues import generic_cues
from cleaner.sniff import refuse_binary, refuse_binary_text, sniff_kind
from cleaner.textdump.fields import find_date, find_field, split_page_title


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


def test_repair_drops_garbage_and_strips_controls():
    result = repair_lines(
        ("正常的段落，没有问题。", "锟斤拷锟斤拷锟斤拷烫烫烫", "a line\x07 ends\ufffd\ufffd")
    )
    assert result.lines == ("正常的段落，没有问题。", "", "a line ends")
    assert [r.reason for r in result.removed] == ["mojibake"]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("发布时间:2018-06-22  来源:中国西藏网", "2018-06-22"),
        ("2023年11月08日 10:32", "2023-11-08"),
        ("Published March 14, 2024 at 6:05 pm", "2024-03-14"),
        ("Updated 5 Nov 2019", "2019-11-05"),
        ("2018-13-45 is not a date", None),
    ],
)
def test_find_date(line, iso):
    assert find_date([line], generic_cues()) == iso


def test_find_author_and_site():
    cues = generic_cues()
    assert find_field("author", ["作者：张三 来源：新华网"], cues) == "张三"
    assert find_field("sitename", ["作者：张三 来源：新华网"], cues) == "新华网"
    assert find_field("author", ["By Maria Lopez"], cues) == "Maria Lopez"


def test_split_page_title():
    assert split_page_title("Headline here - The Site") == ("Headline here", "The Site")
    assert split_page_title("只有标题") == ("只有标题", None)


def test_python_dash_m_works():
    seed = SAMPLES / "zh-seed-repost" / "raw.txt"
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(seed)], capture_output=True, check=True
    )
    expected = (SAMPLES / "zh-seed-repost" / "expected.txt").read_bytes()
    assert result.stdout == expected
