"""html/title.py: the headline of a page's title, as the reviewed titles of bench/titles/ and
wcxb-dev read it."""

import pytest

from cleaner import Options, clean
from cleaner.html.title import Heading, TitleFacts, headline


def _headline(title: str, *h1s: str, url: str | None = None) -> str | None:
    return headline(title, TitleFacts(title=title, headings=tuple(map(Heading, h1s))), url)


def test_sections_and_a_site_name_no_metadata_names_leave_a_title():
    # no address, no og:site_name: parts much shorter than the headline are the site's
    assert _headline("四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网") == (
        "四年前中500万现穷困潦倒 一夜暴富后如何经营"
    )
    assert _headline("拿起跨界“指挥棒”她跟学生“较着劲儿”成长--大河网") == (
        "拿起跨界“指挥棒”她跟学生“较着劲儿”成长"
    )
    sohu = "劳伦斯：一个无法定义的“洛克菲勒”"
    assert _headline(f"{sohu}-搜狐财经") == sohu
    asked = "脂溢性脱发：爱出油快秃顶？你知道什么该吃什么不该吃吗？"
    assert _headline(f"{asked}-报社新闻") == asked
    # a part that is an address names the site
    assert _headline("昨天去金矿玩 (图) | 海姑娘 | blog.wenxuecity.com") == "昨天去金矿玩 (图)"
    # a blog's name before a breadcrumb's mark, much shorter than the headline after it
    blog = "播客热潮迅速蔓延 挑逗传统传媒业"
    assert _headline(f"多维博客 » {blog}") == blog
    assert _headline("Travel Insurance » Get a quote") == "Travel Insurance » Get a quote"
    # what the address names goes first, then the short sections before it
    assert _headline("Need some help to Install FlaskBB on Windows - Topic - FlaskBB",
                     url="https://forums.flaskbb.org/topic/2295") == (
        "Need some help to Install FlaskBB on Windows"
    )  # fmt: skip
    # a hyphen inside a word, a part as long as the headline and a subtitle's dash stay
    assert _headline("Санкт-Петербург: новости города") == "Санкт-Петербург: новости города"
    assert _headline("静夜思 - 中国诗歌网论坛精选") == "静夜思 - 中国诗歌网论坛精选"
    assert _headline("Nintendo Switch – OLED Model") == "Nintendo Switch – OLED Model"
    # parts at the end that read as a site's whatever the site (`site_part`), after the name
    # the address gives, or a name whose initials spell the address
    nintendo = "https://www.nintendo.com/us/gaming-systems/switch/oled-model/"
    official = "Nintendo Switch – OLED Model - Nintendo - Official Site"
    assert _headline(official, url=nintendo) == "Nintendo Switch – OLED Model"
    osha = "Electrical - Overview | Occupational Safety and Health Administration"
    assert _headline(osha, url="https://www.osha.gov/electrical") == "Electrical - Overview"
    assert _headline("泡泡详情 | 泡泡 - 一个清新文艺的微社区") == "泡泡详情"


def test_the_h1_that_names_the_earliest_part_of_the_title_is_the_headline():
    title = "对于Docker和Podman的一点使用经验 - 好看的hk - 博客园"
    assert _headline(title, "好看的hk", "对于Docker和Podman的一点使用经验") == (
        "对于Docker和Podman的一点使用经验"
    )
    forum = "Can I custom the page template of single question? – DW Q&A Pro"
    assert _headline(forum, "DW Q&A Pro", "Can I custom the page template of single question?") == (
        "Can I custom the page template of single question?"
    )


def test_an_h1_that_is_the_first_part_of_the_title_is_taken_when_og_title_names_none():
    # og:title written for sharing is a label and the site; the <title> holds the headline
    question = "Is there any CMS better than WordPress or should I roll my own?"
    facts = TitleFacts(
        og_titles=("Question - SabaiDiscuss Demo Site",),
        title=f"{question} | SabaiDiscuss Demo Site",
        headings=(Heading(question), Heading("Insert/edit link")),
    )
    assert headline("Question - SabaiDiscuss Demo Site", facts) == question
    # a later part of the <title> that an <h1> names is a section's: the og:title stays
    section = TitleFacts(
        title="Bridge closes | Local news | Site", headings=(Heading("Local news"),)
    )
    assert headline("Bridge closes", section) == "Bridge closes"


def test_an_h1_that_is_a_mark_or_the_address_name_is_no_headline():
    title = "UiPath Load Testing | UiPath Community Forum"
    assert _headline(title, "⯈", "⯈", url="https://forum.uipath.com/t/1") == "UiPath Load Testing"
    story = "Trophy Eyes fan left paralyzed after band’s singer lands on her while stage diving"
    at = "https://ohnotheydidnt.livejournal.com/1.html"
    assert _headline(story, "ohnotheydidnt", url=at) == story


def test_a_lone_h1_unlike_the_title_is_a_sections_unless_the_title_has_no_headline():
    assert _headline("grid items appear to float left? | CSS-Tricks", "Forums") == (
        "grid items appear to float left?"
    )
    assert _headline("Bridge closes in June", "Town bridge to close") == "Town bridge to close"
    assert _headline("-铜雀历史网", "疫情一刀切政策怎么投诉举报") == "疫情一刀切政策怎么投诉举报"
    assert _headline("Hal Higdon", "Marathon Training", url="https://www.halhigdon.com/t") == (
        "Marathon Training"
    )
    # of an <h1> and a title that differ only in spaces, the one with fewer: the <h1> was set
    # on two lines, the title on one (and the other way round)
    one_line = "内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元"
    two_lines = "内蒙古延续部分到期税收优惠政策助企纾困 预计4年为纳税人减负180亿元"
    assert _headline(f"{one_line}_内蒙古自治区政府门户网站", two_lines) == one_line
    assert _headline("पूर्णिमा 23 मई को: गुरुवार", "पूर्णिमा 23 मई को:गुरुवार") == ("पूर्णिमा 23 मई को:गुरुवार")
    # a translated page: its <h1> in another script than the title it kept
    assert _headline("Another Sriracha Shortage", "另一个是拉差短缺可能即将到来") == (
        "另一个是拉差短缺可能即将到来"
    )


def test_a_character_reference_the_page_escaped_twice_is_read():
    twice = "Tools for 2026 | Python, SQL &#x26; AI"
    assert _headline(twice) == "Tools for 2026 | Python, SQL & AI"


def test_a_forum_rules_title_that_is_a_mark_gives_way_to_the_pages_title():
    post = "<p>" + "The installer stops at the second step with an error about paths. " * 4
    page = (
        "<html><head><title>How to install it - Help - Example Community</title>"
        '<meta name="generator" content="Discourse 3.2"></head><body>'
        '<a href="/t/1"><h1 class="arrow">⯈</h1></a>'
        f'<div class="topic-body"><div class="cooked">{post}</p></div></div></body></html>'
    ).encode()
    assert clean(page, Options(url="https://community.example.com/t/1")).title == (
        "How to install it"
    )


def test_a_page_without_og_title_or_title_shows_its_first_h1_that_may_be_a_headline():
    post = "<p>" + "The council voted to close the old bridge to traffic from June onwards. " * 4
    page = (
        "<html><head></head><body><h1><a href='/'>Town Paper</a></h1>"
        f"<h1>Bridge closes in June</h1><article>{post}</p></article></body></html>"
    ).encode()
    assert clean(page, Options(detect_language=False)).title == "Bridge closes in June"


@pytest.mark.parametrize("fast", [False, True])  # lxml's tree, and --fast's Lexbor tree
def test_an_h1_set_on_two_lines_reads_with_a_space_where_it_breaks(fast):
    post = "<p>" + "The council voted to close the old bridge to traffic from June onwards. " * 4
    heading = "Rebuilding the Legacy<br/>of <b>American</b> Made<script>track()</script>"
    page = f"<html><body><h1>{heading}</h1><article>{post}</p></article></body></html>"
    read = clean(page.encode(), Options(detect_language=False, fast=fast))
    assert read.title == "Rebuilding the Legacy of American Made"
    page = page.replace(heading, "<span>Cosmetic Packaging</span><div>Design</div>")
    read = clean(page.encode(), Options(detect_language=False, fast=fast))
    assert read.title == "Cosmetic Packaging Design"


def test_an_h1_of_thousands_of_nodes_or_nested_h1s_are_read_in_linear_time():
    # fuzzed pages (bench/fuzz.py seed 63): an <h1> of 13,000 line breaks, whose children
    # read by index took minutes with --fast, and 1,600 <h1>s nested in blocks, each the rest
    # of the page, whose walks and comparisons with the title took 118 s
    post = "<p>" + "The council voted to close the old bridge to traffic from June onwards. " * 4
    breaks = f"<h1>Bridge closes{'<br>' * 13_000}in June</h1><article>{post}</p></article>"
    nested = "<h1><div>x<br>" * 1_600 + f"<article>{post}</p></article>"
    for body in (breaks, nested):
        page = f"<html><head><title>Bridge closes in June</title></head><body>{body}</body></html>"
        read = clean(page.encode(), Options(detect_language=False, fast=True))
        assert read.paragraphs and read.paragraphs[-1].startswith("The council voted")


def test_a_page_whose_markup_names_no_title_shows_the_headline_above_its_body():
    # no og:title, no <title>, no <h1>: the line classifier's choice in the visible text, as
    # --fast and text dumps choose it
    story = "".join(
        f"<p>This is sentence number {n} of a long story about the river that flooded the old"
        " town, told slowly.</p>"
        for n in range(8)
    )
    page = (
        "<html><head><meta charset=utf-8></head><body><div><a href=/>Home</a> "
        f"<a href=/news>News</a></div><div><b>River floods the old town</b></div>{story}"
        "</body></html>"
    ).encode()
    for fast in (False, True):
        read = clean(page, Options(detect_language=False, fast=fast))
        assert read.title == "River floods the old town"


def test_an_h1_too_long_even_as_mojibake_is_no_headline_and_is_not_repaired():
    huge = "CafÃ© rÃ©sumÃ© " * 100  # 1,500 characters: a paragraph set large
    assert _headline("Bridge closes in June", huge) == "Bridge closes in June"


def test_a_first_part_that_is_the_sites_name_is_not_the_headline():
    joel = "http://chinese.joelonsoftware.com/Articles/Advice.html"
    assert _headline("Joel on Software - 给计算机系学生的建议", url=joel) == "给计算机系学生的建议"
    # a headline that holds the site's name stays whole
    nintendo = "https://www.nintendo.com/us/store/products/oled"
    assert _headline("Nintendo Switch – OLED Model - Nintendo", url=nintendo) == (
        "Nintendo Switch – OLED Model"
    )


def test_a_han_site_name_as_h1_after_the_headline_is_not_the_headline():
    assert _headline("土豆不“土” 土豆无“土” 松花江网", "松花江网") == "土豆不“土” 土豆无“土”"
    # a space inside a Latin title parts words: the <h1> there is no site's name
    assert _headline("Mountain Bike Trails near Houston", "Houston") != "Mountain Bike Trails near"


def _shop_page(kind: str) -> bytes:
    name = "Logitech MX Vertical Ergonomic Wireless Mouse"
    text = "<p>" + "The vertical design puts your hand in a natural handshake position. " * 4
    return (
        f'<html><head><title>{name}</title><meta property="og:title" content="{name}">'
        f'<script type="application/ld+json">{{"@type": "{kind}"}}</script></head><body>'
        f"<h1>MX Vertical</h1><main>{text}</p></main></body></html>"
    ).encode()


def test_a_title_og_title_and_title_agree_on_names_a_product_over_its_h1_label():
    # on a product, listing or service page the <h1> is often a short label; og:title and
    # <title> that say the same are the page's name. On an article the <h1> stays the headline
    product = clean(_shop_page("Product"), Options(detect_language=False))
    assert product.page_kind.kind == "product"
    assert product.title == "Logitech MX Vertical Ergonomic Wireless Mouse"
    article = clean(_shop_page("NewsArticle"), Options(detect_language=False))
    assert article.page_kind.kind == "article"
    assert article.title == "MX Vertical"
    facts = TitleFacts(og_titles=("Casual Dresses - Shop Summer Dresses - Lulus",),
                       title="Casual Dresses - Shop Summer Dresses - Lulus",
                       headings=(Heading("Casual Dresses"),))  # fmt: skip
    url = "https://www.lulus.com/categories/casual-dresses.html"
    assert headline(facts.og_titles[0], facts, url, "collection") == (
        "Casual Dresses - Shop Summer Dresses"
    )
    assert headline(facts.og_titles[0], facts, url, "article") == "Casual Dresses"
    # a page whose og:title differs from its <title> keeps its <h1> whatever its kind
    shared = TitleFacts(og_titles=("The mouse for all-day comfort",), title=facts.title,
                        headings=facts.headings)  # fmt: skip
    assert headline(facts.title, shared, url, "collection") == "Casual Dresses"


def test_spaced_slashes_part_a_forums_title_where_they_stand_twice():
    # FluxBB's `Topic / Board / Forum`; its <h1> is the forum's name
    topic = "What happened with Arch Linux ISO in 2024"
    title = f"{topic} / Arch Discussion / Arch Linux Forums"
    assert _headline(title, "Arch Linux", url="https://bbs.archlinux.org/viewtopic.php?id=1") == (
        topic
    )
    # a slash that stands once is the headline's own
    for own in ("Dare to Play 3 / October pack", "Tech conferences in Americas 2026 / 2027"):
        assert _headline(own) == own
