"""One scan for the site rules' content keywords: Hyperscan where installed, else substring
searches; both find the same keywords, ASCII case aside."""

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
