"""The second reading of an HTML page (a kind unlike an article, an article only for want of
evidence), and --best's three more readings, and the lines they keep added."""

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner import ConfigError, Options, clean
from cleaner.cli import main
from cleaner.html import readability_adapter

NOTICE = FIXTURES / "best" / "notice.html"
SERVICE = FIXTURES / "unstated" / "service.html"
PROVIDERS = ("Harbor Skills Center", "Green Trades Institute")
CLAUSES = ("一、吉林省嫩江干流补充治理工程位于", "二、自本通告发布之日起", "三、自本通告发布之日起")


def test_the_default_reads_a_thin_notice_again_with_the_balanced_setting():
    # the precision setting keeps the notice's heading lines only, and the page names no
    # author: the balanced setting's reading, many times as long, is taken (thin.thin_reading)
    read = clean(NOTICE.read_bytes(), Options(detect_language=False))
    assert read.method == "trafilatura"
    assert [p for p in read.paragraphs if p.startswith(CLAUSES)]


def test_an_unstated_page_that_names_no_author_gets_the_main_contents_rows_it_lacked():
    # trafilatura's precision setting reads the page's text block only; the line classifier
    # over resiliparse's main content keeps the providers' table beside it: added after it
    read = clean(SERVICE.read_bytes(), Options(detect_language=False))
    assert (read.page_kind.kind, read.page_kind.stated) == ("article", False)
    assert read.method == "trafilatura+visible"
    text = "\n".join(read.paragraphs)
    note = text.index("Note: this program does not award grants")
    assert all(note < text.index(name) for name in PROVIDERS)
    assert text.count("About the Workforce Program") == 1  # nothing of the first reading twice
    assert "Department 1" not in text and "All rights reserved" not in text


def test_a_listings_second_reading_reads_the_main_content_not_the_footer():
    # the address says listing: the second reading keeps the table, and the prose of the
    # <footer> the whole visible text would have brought along stays out
    foot = (
        b"<footer><p>Residents who need help choosing a training provider can call the city "
        b"information line on weekdays, and staff will explain the eligibility rules, the "
        b"application steps and the documents each provider asks for.</p><p>City of Example,"
    )
    data = SERVICE.read_bytes().replace(b"<footer><p>City of Example,", foot, 1)
    options = Options(detect_language=False, url="https://www.example.gov/programs/workforce")
    read = clean(data, options)
    assert (read.page_kind.kind, read.method) == ("listing", "trafilatura+visible")
    text = "\n".join(read.paragraphs)
    assert all(name in text for name in PROVIDERS)
    assert "Residents who need help" not in text


def test_a_paragraph_trafilatura_read_without_its_private_use_indent_is_not_added_again():
    # a GBK page's user-defined indent (U+E5E5) that trafilatura drops and resiliparse keeps
    indented = "<p>\ue5e5\ue5e5The Economic Development Office".encode()
    data = SERVICE.read_bytes().replace(b"<p>The Economic Development Office", indented, 1)
    read = clean(data, Options(detect_language=False))
    assert read.method == "trafilatura+visible"
    assert "\n".join(read.paragraphs).count("The Economic Development Office") == 1


@pytest.mark.parametrize(
    "head",
    [
        b'<meta name="author" content="Office staff">',  # a story names its author
        b'<meta property="og:type" content="article">',  # the page states it is an article
    ],
)
def test_a_page_that_names_an_author_or_states_its_kind_keeps_its_first_reading(head):
    data = SERVICE.read_bytes().replace(b"<title>", head + b"<title>", 1)
    read = clean(data, Options(detect_language=False))
    assert read.method == "trafilatura"
    assert not any(name in p for p in read.paragraphs for name in PROVIDERS)


def test_best_adds_the_lines_three_other_readings_keep_in_page_order(monkeypatch):
    # named by an author, the notice keeps its precision reading (short as it is: no floor
    # under which it is read again here): --best adds the clauses
    from cleaner.html import thin

    monkeypatch.setattr(thin, "VERY_THIN_TOKENS", 0)
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


def test_best_reads_a_page_readability_cannot_read_without_it(tmp_path):
    # `&#8;` makes a control character that lxml will not take back when readability's
    # cleaner joins the text around a <script>: readability gives up with its traceback
    assert readability_adapter.readability_text(BROKEN) == ""
    page = tmp_path / "page.html"
    page.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", "--best", str(page)])
    assert result.exit_code == 0 and "The council met on Tuesday" in result.stdout
    assert "Traceback" not in result.stderr and "summary" not in result.stderr


BROKEN = (
    "<html><head><title>Council meets</title></head><body><article><h1>Council meets</h1>"
    + "<p>The council met on Tuesday and agreed to keep the library open all year. </p>" * 3
    + "<p>Hello <script>x</script>world &#8; more</p></article></body></html>"
)
