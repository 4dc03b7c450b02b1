"""One scan for the site rules' content keywords: Hyperscan where installed, else substring
searches; both find the same keywords, ASCII case aside."""

import codecs

import pytest

from cleaner.rules import scan
from cleaner.rules.book import load_rulebook, rule_sources

KEYWORDS = (b"phpbb", b"<html id=", b"generator", "免责声明".encode())
PAGE = '<HTML ID="XF"><meta name="Generator"><body id="phpBB">免责声明'.encode()


@pytest.fixture(params=["hyperscan", "substring searches"])
def engine(request, monkeypatch):
    if request.param == "hyperscan":
        if scan.hyperscan is None:
            pytest.skip("hyperscan has no wheel for this machine")
    else:
        monkeypatch.setattr(scan, "hyperscan", None)
    return request.param


def test_every_keyword_present_is_found_whatever_its_ascii_case(engine):
    assert scan.keywords_in(PAGE, KEYWORDS) == frozenset(KEYWORDS)


def test_absent_keywords_are_not_found_and_other_bytes_match_exactly(engine):
    page = "<html><body id='php-bb'>免責聲明 Generator".encode()
    assert scan.keywords_in(page, KEYWORDS) == {b"generator"}
    assert scan.keywords_in(b"", KEYWORDS) == frozenset()
    assert scan.keywords_in(PAGE, ()) == frozenset()


def test_a_forum_is_recognised_by_its_markup_with_either_engine(engine):
    book = load_rulebook(rule_sources())
    page = "<html><head></head><body class='x' id='phpbb'><p>Post</p></body></html>"
    rule, matched = book.for_content(page)
    assert rule.name == "phpbb" and matched.startswith("<body")
    assert book.for_content("<html><body><p>phpbb is a forum software</p></body></html>") is None


def test_a_hyperscan_that_fails_on_this_machine_leaves_the_substring_searches(monkeypatch):
    if scan.hyperscan is None:
        pytest.skip("hyperscan has no wheel for this machine")

    def refused(database):  # a CPU it cannot run on (no SSSE3)
        raise scan.hyperscan.ArchitectureError("no SSSE3")

    monkeypatch.setattr(scan.hyperscan, "Scratch", refused)
    fresh = (*KEYWORDS, b"a keyword no other test scans for")  # compiled anew, no scratch yet
    assert scan.keywords_in(PAGE, fresh) == frozenset(KEYWORDS)


def test_a_page_read_from_its_own_bytes_finds_the_rule_its_text_finds():
    # a UTF-8 page is scanned as the bytes it came in (Page.utf8), not encoded again
    from cleaner import Options
    from cleaner.decode import decode_bytes
    from cleaner.sniff import sniff

    book = load_rulebook(rule_sources())
    data = "<html><head></head><body class='x' id='phpbb'><p>帖子 Post</p></body></html>".encode()
    page = sniff(decode_bytes(data), Options())
    assert page.utf8 is data
    assert book.for_content(page.text, page.utf8) == book.for_content(page.text)
    assert book.resolve(page, None).rule.name == "phpbb"


@pytest.mark.parametrize(
    "data",
    [b"<p>a\x0cb</p>", "<p>\u9875</p>".encode() + b"\xff", "<p\ufffd>\u9875</p>".encode()],
    ids=["a control taken out", "a bad byte replaced", "a tag mended"],
)
def test_a_page_whose_text_is_not_its_bytes_in_utf8_is_encoded_for_the_scan(data):
    from cleaner import Options
    from cleaner.decode import decode_bytes
    from cleaner.sniff import sniff

    page = sniff(decode_bytes(data), Options(input_format="html"))
    assert page.text.encode() != data and page.utf8 is None
    bommed = sniff(decode_bytes(codecs.BOM_UTF8 + b"<p>x</p>"), Options(input_format="html"))
    assert bommed.utf8 == bommed.text.encode() == b"<p>x</p>"  # the mark is no text
