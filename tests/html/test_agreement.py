"""--best: three more readings of an HTML page, and the lines all three keep added."""

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner import ConfigError, Options, clean
from cleaner.cli import main
from cleaner.html import readability_adapter

NOTICE = FIXTURES / "best" / "notice.html"
CLAUSES = ("一、吉林省嫩江干流补充治理工程位于", "二、自本通告发布之日起", "三、自本通告发布之日起")


def test_the_default_reads_a_thin_notice_again_with_the_balanced_setting():
    # the precision setting keeps the notice's heading lines only, and the page names no
    # author: the balanced setting's reading, many times as long, is taken (extract._thin)
    read = clean(NOTICE.read_bytes(), Options(detect_language=False))
    assert read.method == "trafilatura"
    assert [p for p in read.paragraphs if p.startswith(CLAUSES)]


def test_best_adds_the_lines_three_other_readings_keep_in_page_order():
    # named by an author, the notice keeps its precision reading: --best adds the clauses
    data = NOTICE.read_bytes().replace(b"<head>", b'<head><meta name="author" content="x">', 1)
    alone = clean(data, Options(detect_language=False))
    best = clean(data, Options(detect_language=False, best=True))
    assert not any(p.startswith(CLAUSES) for p in alone.paragraphs)
    assert best.method == alone.method + "+agreement"
    found = [next(i for i, p in enumerate(best.paragraphs) if p.startswith(c)) for c in CLAUSES]
    assert found == sorted(found)  # the notice's clauses in their order on the page
    assert set(alone.paragraphs) <= set(best.paragraphs)  # nothing of the first reading lost


def test_best_changes_nothing_where_the_readings_do_not_all_agree():
    data = (SAMPLES / "en-blog-comments-html" / "raw.html").read_bytes()
    alone = clean(data, Options(detect_language=False))
    best = clean(data, Options(detect_language=False, best=True))
    assert (best.paragraphs, best.method) == (alone.paragraphs, alone.method)


def test_best_needs_readability_and_refuses_fast(monkeypatch):
    with pytest.raises(ConfigError, match="choose one"):
        Options(best=True, fast=True)
    result = CliRunner().invoke(main, ["clean", "--best", "--fast", str(NOTICE)])
    assert result.exit_code == 2 and "choose one" in result.output
    monkeypatch.setattr(readability_adapter, "available", lambda: False)
    with pytest.raises(ConfigError, match=r"cleaner\[best\]"):
        clean(NOTICE.read_bytes(), Options(best=True))
    result = CliRunner().invoke(main, ["clean", "--best", str(NOTICE)])
    assert result.exit_code == 2 and "pip install 'cleaner[best]'" in result.output


def test_cli_best_and_eval_best():
    result = CliRunner().invoke(main, ["clean", "--best", str(NOTICE)])
    assert result.exit_code == 0 and "一、吉林省嫩江干流补充治理工程位于" in result.output
    result = CliRunner().invoke(main, ["eval", "--best", str(FIXTURES / "evalset")])
    assert result.exit_code == 0 and "cleaner" in result.output


_CARDS = "".join(
    f"<article class='card'><a href='/r/{n}'><h2>Recipe {n}</h2><p>Beans soaked overnight, "
    f"then cooked slowly with onions and thyme until they are soft, number {n}.</p></a></article>"
    for n in range(1, 9)
)
_LISTING = f"<html><head><title>Recipes</title></head><body><main>{_CARDS}</main></body></html>"


def test_a_listing_gets_the_lines_a_second_reading_keeps():
    # a page that states it is a listing (its address): the line classifier over the visible
    # text reads it again, and the entries trafilatura left out are added in page order
    listing = clean(_LISTING.encode(), Options(url="https://ex.com/category/recipes/"))
    assert listing.page_kind.kind == "listing" and listing.method == "trafilatura+visible"
    entries = [p for p in listing.paragraphs if p.startswith("Beans soaked")]
    assert [e.rsplit(" ", 1)[-1] for e in entries] == [f"{n}." for n in range(1, 9)]
    # an article is read once, as before
    article = clean(_LISTING.encode(), Options(url="https://ex.com/2024/05/12/recipes"))
    assert article.method == "trafilatura"


def test_a_listing_read_with_best_is_parsed_by_lexbor_once(monkeypatch):
    from cleaner.html import agreement

    calls = []
    parse = agreement.parse_fast
    monkeypatch.setattr(agreement, "parse_fast", lambda markup: calls.append(1) or parse(markup))
    best = clean(_LISTING.encode(), Options(url="https://ex.com/category/recipes/", best=True))
    assert best.method.startswith("trafilatura+visible") and len(calls) == 1
