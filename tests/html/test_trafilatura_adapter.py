"""The trafilatura adapter's metadata: the fields trafilatura's own `extract_metadata` finds,
read with less of its work."""

import copy
import re

import lxml.html
import pytest
from conftest import SAMPLES
from trafilatura import extract_metadata
from trafilatura.xpaths import AUTHOR_XPATHS

from cleaner.html.trafilatura_adapter import AUTHOR_WORDS, DATE_PARAMS, page_metadata

_HEAD = "<head><title>Bridge closes | City Paper</title>{}</head>"
_BODY = "<body><article><h1>Bridge closes</h1>{}<p>{}</p></article></body>"
_STORY = "The council voted on Monday to close the old bridge for repairs until June. " * 4
PAGES = {
    "a byline class": ("", '<div class="byline">By Jane Doe</div>'),
    "an itemprop author": ("", '<span itemprop="author">Ann Lee</span>'),
    "a rel author link": ('<link rel="author" href="/about">', '<a rel="author">Tom Hill</a>'),
    "an <author> element": ("", "<author>Rui Costa</author>"),
    "a one-word meta author and a date": (
        '<meta name="author" content="admin"><meta property="article:published_time" '
        'content="2024-03-05T10:00:00Z"><meta property="og:site_name" content="citypaper">',
        "",
    ),
    "a JSON-LD author": (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '{"@type": "Person", "name": "Mia Chen"}, "datePublished": "2023-11-02"}</script>',
        "",
    ),
    "a name in no attribute trafilatura reads": ("", '<p class="lede">By Jane Doe</p>'),
    "a canonical address and nothing else": ('<link rel="canonical" href="https://b.org/x">', ""),
}


def _fields(found) -> tuple:
    return found.date, found.author, found.sitename, found.url


@pytest.mark.parametrize("name", PAGES)
def test_page_metadata_is_what_trafilatura_finds(name):
    head, byline = PAGES[name]
    markup = f"<html>{_HEAD.format(head)}{_BODY.format(byline, _STORY)}</html>"
    tree = lxml.html.document_fromstring(markup)
    theirs = extract_metadata(copy.deepcopy(tree), "https://a.org/x", dict(DATE_PARAMS))
    assert _fields(page_metadata(tree, "https://a.org/x")) == _fields(theirs)


@pytest.mark.parametrize("sample", ["en-blog-comments-html", "zh-gbk-news-html",
                                    "zh-discuz-thread-html", "en-site-rule-html"])  # fmt: skip
def test_page_metadata_of_the_samples_is_what_trafilatura_finds(sample):
    tree = lxml.html.document_fromstring((SAMPLES / sample / "raw.html").read_bytes())
    theirs = extract_metadata(copy.deepcopy(tree), None, dict(DATE_PARAMS))
    assert _fields(page_metadata(tree, None)) == _fields(theirs)


def test_page_metadata_finds_the_byline_author():
    head, byline = PAGES["a byline class"]
    markup = f"<html>{_HEAD.format(head)}{_BODY.format(byline, _STORY)}</html>"
    assert page_metadata(lxml.html.document_fromstring(markup), None).author == "Jane Doe"


def test_author_words_cover_every_word_trafilaturas_author_xpaths_test():
    """A trafilatura release that looks for a new word fails here: AUTHOR_WORDS must hold it,
    or pages naming their author only that way would lose it."""
    words = []
    for expression in AUTHOR_XPATHS:
        for literal in re.findall(r"'([^']*)'", expression.path):
            words += literal.split("|")
    # `[Aa]uthor` as the word, `-?` as its hyphen; `rel='me'` (no @) tests a child element
    words = [re.sub(r"\[(\w)\w\]", r"\1", w).replace("-?", "-") for w in words if w != "me"]
    assert len(words) > 20
    assert [w for w in words if not AUTHOR_WORDS.search(w)] == []


@pytest.mark.parametrize("where", ["meta", "json-ld"])
def test_an_author_string_reaches_trafilatura_with_its_long_runs_cut(monkeypatch, where):
    # trafilatura's `[^\w]+$` on an author of 45,000 `=` (a fuzzed page's) is tried from
    # every position of the run: the string it normalizes has each run cut first, and its
    # own function is back afterwards
    from trafilatura import json_metadata, metadata

    from cleaner.html.trafilatura_adapter import AUTHOR_RUN_CHARS

    seen = []

    def recording(current, author):
        seen.append(author)
        return current

    for module in (json_metadata, metadata):
        monkeypatch.setattr(module, "normalize_authors", recording)
    author = "Saru Y" + "=" * 45000 + "x"
    person = '{"@type": "Person", "name": "' + author + '"}'
    script = '{"@context": "https://schema.org", "@type": "NewsArticle", "author": ' + person
    head = (
        f"<meta name='author' content='{author}'>"
        if where == "meta"
        else f"<script type='application/ld+json'>{script}}}</script>"
    )
    page = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    page_metadata(lxml.html.fromstring(page), None)
    assert seen == ["Saru Y" + "=" * AUTHOR_RUN_CHARS + "x"]
    assert json_metadata.normalize_authors is recording and metadata.normalize_authors is recording
