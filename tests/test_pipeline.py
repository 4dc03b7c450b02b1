"""The pipeline as a whole: options checked, the typed explain trail on both kinds of page,
the address a page states found once, every cache cleared."""

import functools
import gc
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from cleaner import ConfigError, Options, clean
from cleaner.cli import main
from cleaner.model import POSITIONS
from cleaner.pipeline import clear_caches
from cleaner.sniff import page_address

RULE = """body: //div[@id='story']
cut_from(notes): ^Timetable notes$
"""
STORY = (
    "<html><head><title>Ferry back in service</title></head><body><div id='story'>"
    "<h1>Ferry back in service</h1>"
    + "".join(
        f"<p>Paragraph {n} tells how the green ferry crossed the harbour again after its "
        f"refit, and what the crossing costs.</p>"
        for n in range(1, 4)
    )
    + "<p>Timetable notes</p><p>Bridge tolls rise in spring, the notes say.</p></div></body></html>"
)


@pytest.mark.parametrize(
    ("field", "value"),
    [("page_kind", "thred"), ("focus", "precison"), ("input_format", "pdf")],
)
def test_options_are_checked_by_the_library(field, value):
    with pytest.raises(ConfigError) as caught:
        Options(**{field: value})
    assert f"Options.{field} is {value!r}" in caught.value.message
    assert "allowed:" in caught.value.message


def test_a_site_rules_cut_on_an_html_page_is_in_the_trail(tmp_path):
    (tmp_path / "daily.example.txt").write_text(RULE, encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(STORY, encoding="utf-8")
    args = ["clean", str(page), "--rules", str(tmp_path), "--site", "daily.example", "--explain"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Bridge tolls" not in result.stdout and "Paragraph 3" in result.stdout
    assert "removed paragraph 4 [notes]" in result.stderr  # the marker
    assert "removed paragraph 5 [notes]" in result.stderr  # and what follows it
    assert "cut_from paragraph 4" not in result.stderr  # listed once, as a removal
    record = json.loads(CliRunner().invoke(main, [*args, "-f", "json"]).stdout)
    cut = [r for r in record["removed"] if r["reason"] == "notes"]
    assert [(r["line"], r["of"]) for r in cut] == [(4, "paragraph"), (5, "paragraph")]
    assert all(r["by"].endswith("daily.example.txt:2") for r in cut)  # the directive


def test_every_trail_entry_says_what_its_position_counts():
    dump = clean((SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes(), Options(explain=True))
    html = clean(
        (SAMPLES / "en-blog-comments-html" / "raw.html").read_bytes(), Options(explain=True)
    )
    assert {r.of for r in dump.removed} == {"input"}
    assert {r.of for r in dump.repairs} == {"input"}
    assert {(r.of, r.reason) for r in html.removed} >= {
        ("block", "comments"),
        ("extracted", "share"),
    }
    assert {r.of for r in html.removed} == {"block", "extracted"}
    for entry in (*dump.removed, *dump.repairs, *dump.effects, *html.removed):
        assert entry.of in POSITIONS
        assert (entry.line == 0) == (entry.of in ("block", "page"))


def test_a_pages_own_address_is_read_from_its_link_or_meta_tag():
    assert page_address('<link href="https://a.example/x?a=1&amp;b=2" rel="canonical">') == (
        "https://a.example/x?a=1&b=2"  # any attribute order; entities decoded, as lxml does
    )
    assert page_address("<meta content='https://b.example/' property='og:url'>") == (
        "https://b.example/"
    )
    assert page_address('<link rel="canonical alternate" href="https://c.example/">') is None
    assert page_address("<p>rel=canonical href=https://d.example/</p>") is None


def test_an_address_tag_left_open_over_a_long_run_of_letters_is_read_whole():
    # a mutated page (bench/fuzz.py): the canonical link's quote left open over 24,000
    # characters of mojibake, whose attribute names were tried from each character (5 s)
    run = "㰯㹢戼㰾" * 15_000
    markup = f'<head><link rel="canonical" href="https://a.example/x{run}><title>T</title>'
    assert page_address(markup) is None  # the href's quote never closes: no value
    markup = f'<head><meta property="og:url" content="https://b.example/" {run}>'
    assert page_address(markup) == "https://b.example/"
    # tags no `>` closes, each of which was scanned to the end of the head (3 s)
    assert page_address("og:url <head>" + "<meta" * 40_000) is None
    assert page_address("<meta" * 4 + '<meta property="og:url" content="https://c.example/">') == (
        "https://c.example/"  # the tags the `<meta`s before it open end at its `>`: read as one
    )


def test_a_title_that_normalizes_to_nothing_is_no_title():
    # a mutated page (bench/fuzz.py, seed 28) titled `¶`: the permalink mark normalizing
    # drops left an empty title, and the pipeline took the first of no titles (IndexError)
    sentence = "the council met on Tuesday to decide the budget, and the vote was close."
    body = "".join(f"<p>Paragraph {n}: {sentence}</p>" for n in range(4))
    doc = clean(f"<html><head><title>¶</title></head><body>{body}</body></html>".encode())
    assert doc.title is None
    assert len(doc.paragraphs) == 4


def test_clear_caches_clears_every_cache_of_every_module():
    clean((SAMPLES / "en-blog-comments-html" / "raw.html").read_bytes())
    clean((SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes())
    clear_caches()
    caches = [
        o for o in gc.get_objects()
        if isinstance(o, functools._lru_cache_wrapper)  # noqa: SLF001 - the stdlib's own type
        and getattr(o, "__module__", "").startswith("cleaner")
    ]  # fmt: skip
    assert len(caches) >= 10
    assert [c.__qualname__ for c in caches if c.cache_info().currsize] == []
    assert "cleaner.html.trafilatura_adapter" in sys.modules


def test_python_dash_m_works():
    seed = SAMPLES / "zh-seed-repost" / "raw.txt"
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(seed)], capture_output=True, check=True
    )
    expected = (SAMPLES / "zh-seed-repost" / "expected.txt").read_bytes()
    assert result.stdout == expected


_STORY = "".join(
    f"<p>Paragraph {n} of the story tells what the council decided about the old bridge, "
    "and why, in words enough to be the body of the article.</p>"
    for n in range(1, 6)
)
_PAGE = (
    "<html><head><title>Bridge story</title></head><body><header class='top'><h2>Bridge "
    f"story</h2><p>By the newsroom</p></header><div class='story'>{_STORY}</div></body></html>"
).encode()


@pytest.mark.parametrize(
    ("body", "stale"), [("//header[@class='top']", True), ("//div[@class='story']", False)]
)
def test_a_host_rules_block_that_misses_most_of_the_page_is_set_aside(tmp_path, body, stale):
    from cleaner.rules.book import rule_sources

    (tmp_path / "news.example.txt").write_text(f"body: {body}\n", encoding="utf-8")
    options = Options(
        url="https://news.example/bridge", rule_sources=rule_sources((str(tmp_path),))
    )
    doc = clean(_PAGE, options)
    assert sum("Paragraph" in p for p in doc.paragraphs) == 5  # the story, either way
    if stale:  # the block holds the header alone: the page's own reading, and the reason
        assert doc.method == "trafilatura" and doc.rule is None
        assert doc.rule_why.startswith("news.example's content block set aside: it holds")
    else:
        assert doc.method.startswith("site-rule-body") and doc.rule == "news.example"


_TEASERS = "".join(
    f"<p><a href='/s{n}'>Teaser {n}: the next town over argues about its own river crossing</a>"
    " and the money it will cost, residents say in letters to the editor.</p>"
    for n in range(1, 11)
)


@pytest.mark.parametrize("stated", [True, False])
def test_a_host_rules_block_far_larger_than_a_stated_articles_reading_is_set_aside(
    tmp_path, stated
):
    from cleaner.rules.book import rule_sources

    (tmp_path / "news.example.txt").write_text("body: //div[@class='wrap']\nprune: no\n")
    og = "<meta property='og:type' content='article'>" if stated else ""
    page = (
        f"<html><head><title>Bridge story</title>{og}</head><body><div class='wrap'>"
        f"<h1>Bridge story</h1><div class='story'>{_STORY}</div>"
        f"<aside class='more'>{_TEASERS}</aside></div></body></html>"
    ).encode()
    options = Options(url="https://news.example/b", rule_sources=rule_sources((str(tmp_path),)))
    doc = clean(page, options)
    teasers = sum("Teaser" in p for p in doc.paragraphs)
    if stated:  # the block holds the related stories too: the article's own reading
        assert (doc.method, doc.rule, teasers) == ("trafilatura", None, 0)
        assert "times the text the page's own reading of an article keeps" in doc.rule_why
    else:  # nothing says it is an article: the rule's block, as its author wrote it
        assert (doc.method, doc.rule, teasers) == ("site-rule-body", "news.example", 10)


def test_a_host_rules_block_a_tenth_larger_than_a_stated_articles_reading_is_set_aside(tmp_path):
    # a photo's caption the block holds and the article's own reading leaves out: of the
    # shared pages' stated articles whose block held 5-50% more, 11 of 13 lost F1 by it
    from cleaner.rules.book import rule_sources

    (tmp_path / "news.example.txt").write_text("body: //div[@class='wrap']\nprune: no\n")
    caption = "The old bridge over the river at dusk, seen from the east bank by our photographer"
    page = (
        "<html><head><title>Bridge story</title><meta property='og:type' content='article'>"
        f"</head><body><div class='wrap'><h1>Bridge story</h1><div class='story'>{_STORY}</div>"
        f"<figure><img src='b.jpg'><figcaption>{caption}</figcaption></figure></div></body></html>"
    ).encode()
    options = Options(url="https://news.example/b", rule_sources=rule_sources((str(tmp_path),)))
    doc = clean(page, options)
    assert (doc.method, doc.rule) == ("trafilatura", None)
    assert caption not in doc.paragraphs
    assert "1.1 times the text the page's own reading of an article keeps" in doc.rule_why
