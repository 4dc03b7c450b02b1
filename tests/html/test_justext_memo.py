"""trafilatura's jusText readings remembered within one reading of a page: the same markup is
read once, each caller gets a copy of the same result, and trafilatura has its own step back
after the reading."""

import lxml.html
import pytest
import trafilatura.external
from lxml import etree

from cleaner.html.justext_memo import justext_remembered, remembered
from cleaner.html.trafilatura_adapter import Settings, read_tree

PAGE = (
    "<html><body><div><p>" + "The council met on Tuesday to talk about the river. " * 4 + "</p>"
    "<p>Residents asked for a new bridge and the mayor agreed to study it.</p></div>"
    "<ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></body></html>"
)


def _counted(calls: list):
    """jusText's own reading, each call recorded."""

    def read(tree, url, language):
        calls.append(language)
        return trafilatura.external.try_justext(tree, url, language)

    return read


def test_the_same_markup_is_read_once_and_each_caller_gets_its_own_copy():
    calls = []
    read = remembered(_counted(calls))
    first = read(lxml.html.fromstring(PAGE), None, None)
    first.append(etree.Element("p"))  # a caller changes its copy
    second = read(lxml.html.fromstring(PAGE), "https://example.com/a", None)  # another tree
    assert calls == [None]
    assert second is not first and len(second) == len(first) - 1
    assert "council met" in " ".join(second.itertext())


def test_other_markup_or_another_language_is_read_again():
    calls = []
    read = remembered(_counted(calls))
    read(lxml.html.fromstring(PAGE), None, None)
    read(lxml.html.fromstring(PAGE.replace("bridge", "tunnel")), None, None)
    read(lxml.html.fromstring(PAGE), None, "de")
    assert calls == [None, None, "de"]


def test_a_remembered_reading_is_justexts_own():
    tree = lxml.html.fromstring(PAGE)
    own = trafilatura.external.try_justext(tree, None, None)
    read = remembered(trafilatura.external.try_justext)
    for _ in range(2):
        assert etree.tostring(read(tree, None, None)) == etree.tostring(own)


def test_a_reading_goes_through_the_memo_and_gives_trafilatura_its_step_back(monkeypatch):
    seen = []

    def spy(tree, url, language):
        seen.append(trafilatura.external.try_justext is not spy)  # the memo stands in front
        return own(tree, url, language)

    own = trafilatura.external.try_justext
    monkeypatch.setattr(trafilatura.external, "try_justext", spy)
    short = "<html><body><div><p>Short note here.</p></div></body></html>"  # jusText is asked
    read_tree(lxml.html.fromstring(short), Settings(url=None, thread=False, focus="balanced"))
    assert seen == [True]
    assert trafilatura.external.try_justext is spy
    with pytest.raises(RuntimeError), justext_remembered():
        assert trafilatura.external.try_justext is not spy
        raise RuntimeError
    assert trafilatura.external.try_justext is spy
