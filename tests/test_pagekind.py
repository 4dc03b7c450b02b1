"""Thread or article: the evidence (address, generator, schema.org), the overrides
(--page-kind, a site rule's page_kind) and what a thread keeps (posts, replies)."""

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner import Options, clean
from cleaner.cli import main
from cleaner.errors import ConfigError
from cleaner.html import parse_page
from cleaner.html.prepare import focus_for
from cleaner.model import Page, PageKind
from cleaner.pagekind import evidence_kind, url_evidence
from cleaner.rules.book import rule_sources
from cleaner.rules.site import load_rule
from cleaner.rules.text import cues_for

BLOG = SAMPLES / "en-blog-comments-html" / "raw.html"
COMMENT = "How do you deal with the wind? My balcony is on the eighth floor"
CUES = cues_for(None)


@pytest.mark.parametrize(
    "url",
    [
        "https://forum.example.com/t/running-two-editions/4411",
        "https://www.example.cn/forum.php?mod=viewthread&tid=38&page=1",
        "https://forums.example.net/viewtopic.php?t=158836",
        "https://example.com/thread-268.html",
        "https://www.example.com/threads/extending-pilot-light.123/",
        "https://stackexchange.example.com/questions/1077347/hello-world",
        "https://www.example.com/r/gardening/comments/1cq6hci/tomatoes/",
        "https://bbs.example.cn/detail/171",
        "https://www.example.org/discussion/118004/spring",
        "https://discuss.example.org/d/2068-types-of-threads",
        "https://forum.example.com/t/12",
    ],
)
def test_forum_and_qa_addresses_are_threads(url):
    assert url_evidence(url, CUES).kind == "thread"


@pytest.mark.parametrize(
    "url",
    [
        "https://blog.example.org/2018/09/10/september-2018-open-thread/",
        "https://news.example.jp/topics/detail/26442071/",
        "https://www.example.com/news/article/7-key-questions-about-the-vote",
        "https://www.example.com/2024/05/12/post-title/",
        "https://hobbs.example.com/2024/05/12/recipes.html",
        "https://finance.example.com/foto-bisnis/d-7349798/jokowi-bertemu-elon-musk",
        "https://www.example.com/news/t-34-tanks-return-to-the-museum",
        "https://www.furniture.example/t/mesh-office-chair",  # a shop's category, no thread id
    ],
)
def test_article_addresses_are_no_evidence(url):
    assert url_evidence(url, CUES) is None


def _facts(markup: str, fast: bool = False):
    """What the page's markup says of itself, read by lxml, or by Lexbor as --fast reads it."""
    return parse_page(Page("html", markup, None), None, fast=fast).facts


@pytest.mark.parametrize("fast", [False, True], ids=["lxml", "lexbor"])
def test_generator_and_schema_org_are_evidence(fast):
    phpbb = '<html><head><meta name="generator" content="phpBB 3.3"></head><body></body></html>'
    wordpress = '<html><head><meta content="WordPress 6.5" name="generator"></head></html>'
    schema = '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    microdata = '<body><div itemtype="https://schema.org/QAPage"><p>Q</p></div></body>'
    article = '<script type="application/ld+json">{"@type": ["NewsArticle"]}</script>'

    def kind(page):
        return evidence_kind(_facts(page, fast), None, CUES)

    assert kind(phpbb).why.startswith("generator 'phpBB")
    assert kind(wordpress).kind == "article"
    assert kind(schema).why == "schema.org type 'DiscussionForumPosting'"
    assert kind(microdata).kind == "thread"
    assert kind(article).kind == "article" and kind(article).stated
    assert not kind(wordpress).stated  # an article for want of evidence


def test_an_article_drops_its_comments_and_a_thread_keeps_them():
    data = BLOG.read_bytes()
    article = clean(data, Options(detect_language=False))
    forced = clean(data, Options(detect_language=False, page_kind="thread"))
    by_address = clean(data, Options(detect_language=False, url="https://ex.com/forum/t/12"))
    assert article.page_kind.kind == "article"
    assert not any(COMMENT in p for p in article.paragraphs)
    assert forced.page_kind.why == "--page-kind"
    assert any(COMMENT in p for p in forced.paragraphs)
    assert by_address.page_kind.kind == "thread"
    assert any(COMMENT in p for p in by_address.paragraphs)


def test_a_site_rule_states_the_kind_and_refuses_other_values(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ex.com.txt").write_text("page_kind: article\n", encoding="utf-8")
    options = Options(url="https://ex.com/forum/t/12", rule_sources=rule_sources((str(rules),)))
    doc = clean(BLOG.read_bytes(), options)
    assert (doc.page_kind.kind, doc.page_kind.why) == ("article", "site rule ex.com")
    assert not any(COMMENT in p for p in doc.paragraphs)
    (rules / "bad.txt").write_text("page_kind: forum\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.txt:1: page_kind must be one of article, thread,"):
        load_rule(rules / "bad.txt", "test")


DUMP = FIXTURES / "forum-thread-dump.txt"  # a question, "Replies", three replies


def test_a_thread_dump_keeps_the_replies_an_article_dump_cuts_them():
    data = DUMP.read_bytes()
    article = clean(data, Options(detect_language=False))
    thread = clean(data, Options(detect_language=False, url="https://garden.example/t/balcony/7"))
    assert article.paragraphs[-1].startswith("I would like to try again")
    assert thread.page_kind.kind == "thread"
    assert thread.paragraphs[-1].startswith("Thank you both")
    assert "Replies" not in thread.paragraphs


def test_cli_page_kind_in_json():
    result = CliRunner().invoke(main, ["clean", "-f", "json", "--explain", "--page-kind",
                                       "thread", str(BLOG)])  # fmt: skip
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert (record["page_kind"], record["page_kind_why"]) == ("thread", "--page-kind")
    assert COMMENT in record["text"]
    bad = CliRunner().invoke(main, ["clean", "--page-kind", "forum", str(BLOG)])
    assert bad.exit_code == 2


def _declared(head: str = "", url: str | None = None) -> str:
    page = f"<html><head>{head}</head><body><p>Text</p></body></html>"
    found = evidence_kind(_facts(page), url, CUES)
    return f"{found.kind}: {found.why}"


def test_a_page_declares_itself_a_product_documentation_collection_listing_or_service():
    ld = '<script type="application/ld+json">{{"@type": "{}"}}</script>'.format
    og = '<meta property="og:type" content="{}">'.format
    assert _declared(og("product")) == "product: og:type 'product'"
    assert _declared(ld("Product")) == "product: schema.org type 'Product'"
    assert _declared(ld("TechArticle")) == "documentation: schema.org type 'TechArticle'"
    assert (
        _declared(url="https://docs.example.com/start") == "documentation: host 'docs.example.com'"
    )
    assert (
        _declared(url="https://ex.com/en/docs/install")
        == "documentation: address '/en/docs/install'"
    )
    assert _declared(url="https://doc.ex.org/book/ch04.html") == "documentation: host 'doc.ex.org'"
    assert _declared(url="https://ex.org/linux/man-pages/man1/grep.1.html") == (
        "documentation: address '/linux/man-pages/man1/grep.1.html'"
    )
    assert _declared(url="https://doctors.ex.org/find").startswith("article")  # not doc.
    article = '<meta property="og:type" content="article">'  # written on every page
    assert _declared(article, url="https://blog.ex.org/") == "listing: an index's address '/'"
    assert _declared(article, url="https://ex.org/category/news/").startswith("listing")
    assert _declared(article, url="https://ex.org/food/recipes/").startswith("listing")
    assert _declared(article, url="https://ex.org/food/recipes/hummus.html").startswith("article")
    assert _declared(url="https://ex.org/2024/05/12/recipes").startswith("article")  # dated
    assert _declared(og("product.group")) == "collection: og:type 'product.group'"
    assert _declared(url="https://shop.ex.com/collections/lamps") == (
        "collection: address '/collections/lamps'"
    )
    assert _declared(url="https://shop.ex.com/product-category/electronics/").startswith(
        "collection"
    )  # WooCommerce's category archive
    assert (
        _declared(url="https://ex.com/category/recipes/")
        == "listing: an index's address '/category/recipes/'"
    )
    assert _declared(ld("Service")) == "service: schema.org type 'Service'"
    # an article's own evidence outranks a product advertised on it, and a /products/ path
    assert _declared(og("article") + ld("Product")) == "article: og:type 'article'"
    assert _declared(url="https://ex.com/2024/05/12/products/review") == (
        "article: address '/2024/05/12/products/review'"
    )
    assert _declared() == "article: no evidence of another kind"  # no evidence: an article
    # a site's front page, a jobs list, a news index; not a route kept in the fragment, not a
    # front page that serves an article by its query
    assert _declared(url="https://lwn.example/") == "listing: an index's address '/'"
    assert (
        _declared(url="https://ex.com/remote-jobs") == "listing: an index's address '/remote-jobs'"
    )
    assert _declared(url="https://ex.com/news/") == "listing: an index's address '/news/'"
    # a sorted index of a site's posts, and a post whose address only mentions one
    assert _declared(url="https://links.ex/newest") == "listing: an index's address '/newest'"
    assert _declared(url="https://ex.com/posts/latest/").startswith("listing")
    assert _declared(url="https://ex.com/blog/the-latest-on-rust").startswith("article")
    assert _declared(url="https://ex.info/#/post?id=10").startswith("article")
    assert _declared(url="https://ex.com/?p=123").startswith("article")
    # a click tracker's parameters name no page: a front page still
    assert _declared(url="https://shop.ex/?srsltid=AfmBOoq&utm_source=x") == (
        "listing: an index's address '/'"
    )
    assert _declared(url="https://ex.com/?p=123&utm_source=x").startswith("article")


def test_the_new_kinds_are_read_with_the_balanced_setting_and_can_be_forced():
    data = BLOG.read_bytes()
    forced = clean(data, Options(detect_language=False, page_kind="product"))
    assert (forced.page_kind.kind, forced.page_kind.why) == ("product", "--page-kind")
    assert not any(COMMENT in p for p in forced.paragraphs)  # comments stay out, as on articles
    result = CliRunner().invoke(main, ["clean", "--page-kind", "documentation", str(BLOG)])
    assert result.exit_code == 0
    for kind in ("product", "documentation", "collection", "listing", "service", "thread"):
        assert focus_for(Options(), PageKind(kind, "")) == "balanced"
    assert focus_for(Options(), PageKind("article", "")) == "precision"


def test_a_text_dumps_kind_is_read_off_its_address():
    dump = (
        "Latest news\n" + "A hotel group opens a resort in Lisbon after a long delay.\n" * 3
    ).encode()
    read = clean(dump, Options(input_format="text", url="https://www.example.com/news/"))
    assert read.page_kind.kind == "listing" and "index" in read.page_kind.why
    dated = Options(input_format="text", url="https://www.example.com/2024/05/12/resort-opens")
    assert clean(dump, dated).page_kind.kind == "article"
