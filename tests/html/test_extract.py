"""HTML input goes through trafilatura and then the same cue filters as text dumps."""

from conftest import FIXTURES, SAMPLES

from cleaner import Options, clean

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例新闻 - 示例网</title></head>
<body><nav><a href="/">首页</a><a href="/n">新闻</a></nav>
<article><h1>示例新闻</h1>
<p>这是第一段正文，讲述了一个很长的故事，包含足够多的文字，以便抽取器把它当作正文来保留下来。</p>
<p>图为工作人员在现场检查设备。</p>
<p>这是第二段正文，继续讲述这个故事，同样包含足够多的文字，确保它不会被当作导航或者噪声。</p>
<p>责任编辑：张三</p>
</article><footer>版权所有 示例网</footer></body></html>"""


def test_html_page_is_extracted_and_filtered():
    doc = clean(PAGE.encode("utf-8"), Options(explain=True))
    assert doc.kind == "html" and doc.method == "trafilatura"
    assert doc.title == "示例新闻"
    assert any(p.startswith("这是第一段正文") for p in doc.paragraphs)
    assert any(p.startswith("这是第二段正文") for p in doc.paragraphs)
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["图为工作人员在现场检查设备。"] == "caption"
    assert reasons["责任编辑：张三"] == "editor"
    assert not any("首页" in p for p in doc.paragraphs)


def test_forcing_text_mode_on_html():
    doc = clean(PAGE.encode("utf-8"), Options(input_format="text"))
    assert doc.kind == "text"


def test_html_without_body_text_does_not_crash():
    doc = clean(b"<html><head><script>var a=1;</script></head><body></body></html>")
    assert doc.paragraphs == ()


# --- bad HTML: no crash, no hang, a clear result -------------------------------------------

_PARAGRAPH = "深层嵌套的正文段落，内容足够长，也有标点符号。".encode()


def _nested(depth: int) -> bytes:
    return (
        b"<html><body>" + b"<div>" * depth + _PARAGRAPH * 8 + b"</div>" * depth + b"</body></html>"
    )


def test_truncated_html_keeps_what_arrived():
    page = b"<html><head><title>T</title></head><body><article><p>" + _PARAGRAPH * 12
    doc = clean(page, Options(input_format="html"))
    assert doc.paragraphs and doc.paragraphs[0].startswith("深层嵌套的正文段落")


def test_html_without_body_or_with_only_scripts_gives_no_body():
    head_only = b"<html><head><title>Only a head</title></head></html>"
    scripts = (
        b"<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>"
    )
    for page in (head_only, scripts):
        doc = clean(page, Options(input_format="html"))
        assert doc.paragraphs == () and doc.method == "text-fallback"
    assert clean(head_only, Options(input_format="html")).title == "Only a head"


def test_ten_thousand_levels_of_nesting_keep_their_text():
    # libxml2 stops building the tree at depth 256: the text comes from the markup instead
    doc = clean(_nested(10_000), Options(input_format="html"))
    assert doc.method == "text-fallback"
    assert doc.paragraphs and doc.paragraphs[0].startswith("深层嵌套的正文段落")


def test_a_page_past_the_large_page_size_skips_trafilatura(monkeypatch):
    import cleaner.html.parse

    monkeypatch.setattr(cleaner.html.parse, "LARGE_PAGE_CHARS", 10_000)  # as a 5 MB page goes
    row = b"<div><p>" + b"A paragraph of a very long page, with words, commas, and a stop. " * 4
    page = b"<html><head><title>Big</title></head><body>" + (row + b"</p></div>\n") * 100
    doc = clean(page + b"</body></html>", Options(input_format="html"))
    assert doc.method == "text-large-page"
    assert len(doc.paragraphs) == 100


def test_visible_text_is_a_block_per_line_without_scripts():
    from lxml import html as lxml_html

    from cleaner.html.visible import visible_text

    page = (
        "<html><head><title>T</title><script>x()</script></head><body><div>A <a>link</a> here."
        "<!-- note --> tail<script>bad()</script> after</div>"
        "<p>Two &amp; <b>three</b></p></body></html>"
    )
    lines = [
        line for line in visible_text(lxml_html.document_fromstring(page), page).split("\n") if line
    ]
    assert lines == ["T", "A link here. tail after", "Two & three"]


# --- modes and metadata -------------------------------------------------------------------


def test_focus_reaches_trafilatura(monkeypatch):
    import trafilatura

    seen = []
    real = trafilatura.bare_extraction

    def spy(*args, **kwargs):
        seen.append((kwargs["favor_precision"], kwargs["favor_recall"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    for focus in ("balanced", "precision", "recall"):
        clean(PAGE.encode("utf-8"), Options(focus=focus))
    assert seen == [(False, False), (True, False), (False, True)]
    seen.clear()  # auto: precision on an article, balanced on a thread
    clean(PAGE.encode("utf-8"), Options())
    clean(PAGE.encode("utf-8"), Options(page_kind="thread"))
    assert seen == [(True, False), (False, False)]


def test_text_output_without_metadata_has_the_same_title_and_body():
    full = clean(PAGE.encode("utf-8"), Options())
    lean = clean(PAGE.encode("utf-8"), Options(metadata=False))
    assert (lean.title, lean.paragraphs) == (full.title, full.paragraphs)


# --- what trafilatura keeps, cleaned --------------------------------------------------------

_BODY = "".join(
    f"<p>Paragraph {n} of the council story tells what was decided, by whom and why it matters "
    f"to the people of the town, in words enough to be kept as body text.</p>"
    for n in range(1, 5)
)


def _reads_with(monkeypatch, read) -> None:
    """trafilatura's reading replaced, in the first reading (extract) and the balanced
    setting's second (thin)."""
    from cleaner.html import extract, thin

    monkeypatch.setattr(extract, "read_tree", read)
    monkeypatch.setattr(thin, "read_tree", read)


def _article(inside: str, wrapper: str = "div") -> bytes:
    """An article page; `inside` follows the body in the article's own block."""
    return (
        f"<html><head><title>Council story</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<{wrapper} class='story'><h1>Council story</h1>{_BODY}{inside}</div>"
        f"<footer>Contact</footer></body></html>"
    ).encode()


# readers' comments inside the article's block, as gsmarena.com has them
_COMMENTS = (
    "<div class='user-comments'>"
    + "".join(
        f"<div class='user-thread'><p class='uname'>Reader{n}</p>"
        f"<p class='uopin'>I think the council got this one wrong again, as it always "
        f"does when the budget is tight and nobody asks us what we want {n}.</p></div>"
        for n in range(6)
    )
    + "</div>"
)


def test_an_articles_comment_section_goes_before_extraction():
    doc = clean(_article(_COMMENTS), Options(explain=True))
    assert any("Paragraph 4" in p for p in doc.paragraphs)
    assert not any("council got this one wrong" in p for p in doc.paragraphs)
    section = [r for r in doc.removed if "council got this one wrong" in r.text]
    assert [(r.line, r.reason) for r in section] == [(0, "comments")]  # --explain lists it


def _headed(heading: str) -> bytes:
    """An article whose last section opens with `heading`."""
    section = (
        f"<div class='sect'><h2>{heading}</h2><p>Though not required, it is a good idea to "
        f"begin the message with a short line that sums up the change and then say more, "
        f"in as many words as the reader needs.</p></div>"
    )
    return _article(section)


def test_a_discussion_section_of_a_manual_stays_and_a_counted_one_is_cut():
    kept = clean(_headed("DISCUSSION"), Options())  # a man page's, a paper's section
    assert any("good idea to begin" in p for p in kept.paragraphs)
    cut = clean(_headed("Discussion (3)"), Options())  # a count of readers' posts
    assert not any("good idea to begin" in p for p in cut.paragraphs)
    assert any("Paragraph 4" in p for p in cut.paragraphs)


def test_a_thread_keeps_its_comment_section():
    doc = clean(_article(_COMMENTS), Options(page_kind="thread"))
    assert any("council got this one wrong" in p for p in doc.paragraphs)


def test_a_block_named_for_comments_that_holds_the_headline_stays():
    doc = clean(_article("", wrapper="div class='post has-comments'"), Options())
    assert any("Paragraph 1" in p for p in doc.paragraphs)
    doc = clean(_article("", wrapper="div class='comment-wrap'"), Options())
    assert any("Paragraph 1" in p for p in doc.paragraphs)  # it holds the headline


def test_blocks_named_boilerplate_by_their_markup():
    from lxml import html as lxml_html

    from cleaner.html.prune import drop_boilerplate_blocks
    from cleaner.rules.cuefiles import generic_cues

    names = {
        "news-comment-list": True,
        "user-comments box": True,
        "article__comments": True,
        "pcCommentBox": True,
        "comment": True,
        "has-comments": False,
        "comments-open": False,
        "commentary": False,
        "recommended": False,
        "video-player": True,
        "jwplayer jw-reset": True,
        "vjs-control-bar": True,
        "player-stats": False,  # a footballer's figures on a sports page
        "dropdown-menu show": True,  # a menu shown when clicked
        "dropdown-panel": True,
        "dropdown-toggle": False,  # the button that opens it
        "has-dropdown": False,
    }
    found = {}
    for name in names:
        tree = lxml_html.fromstring(f"<html><body><div class='{name}'><p>x</p></div></body></html>")
        found[name] = len(drop_boilerplate_blocks(tree, generic_cues(), keep_comments=False)) == 1
    assert found == names


def test_related_heading_ends_the_body_in_html_too():
    related = (
        "<p>Related articles:</p><p>The mayor answers her critics on the budget, in a story "
        "from last week that readers liked a great deal.</p>"
    )
    doc = clean(_article(related), Options(explain=True))
    assert not any("mayor answers" in p for p in doc.paragraphs)
    assert {r.reason for r in doc.removed if "mayor answers" in r.text} == {"related"}


def test_a_photo_storys_captions_are_its_body():
    caption = (
        "5月19日，在多米尼加首都圣多明各，阿比纳德尔在竞选总部发表胜选演讲。 新华社记者 李梦馨 摄"
    )
    lead = "<p>多米尼加现任总统阿比纳德尔19日晚宣布，他在总统选举首轮投票中获胜，成功连任。</p>"
    page = f"<html><body><article><h1>胜选</h1>{lead}" + f"<p>{caption}</p>" * 3
    doc = clean((page + "</article></body></html>").encode(), Options())
    assert caption in doc.paragraphs
    # beside a long body the same captions are captions
    body = "<p>" + "这是正文的一段，讲述选举的经过和各方的反应，内容足够长。" * 4 + "</p>"
    long_page = f"<html><body><article><h1>胜选</h1>{lead}{body * 3}" + f"<p>{caption}</p>" * 3
    doc = clean((long_page + "</article></body></html>").encode(), Options(explain=True))
    assert caption not in doc.paragraphs
    assert any(r.reason == "caption" for r in doc.removed)


def test_precision_keeping_only_boilerplate_reads_the_page_again(monkeypatch):
    from cleaner.html.trafilatura_adapter import Reading

    texts = {
        "precision": "The biggest stories of the day delivered to your inbox.",
        "balanced": "The actor describes how his prosthetic head was made for the series.",
    }
    seen = []

    def fake(tree, settings):
        seen.append(settings.focus)
        return Reading(texts[settings.focus])

    _reads_with(monkeypatch, fake)
    doc = clean(_article(""), Options())
    assert seen == ["precision", "balanced"]
    assert doc.paragraphs == (texts["balanced"],)
    # a reprint notice and the page's address: no sentence of a body either
    texts["precision"] = (
        "This copy is for your personal, non-commercial use only.\n"
        "https://www.example.com/articles/home-depot-stock-earnings-report-51574168486"
    )
    seen.clear()
    assert clean(_article(""), Options()).paragraphs == (texts["balanced"],)
    # one sentence kept: read again (thin), but the balanced reading, no longer, is not
    # taken; with an author named, not read again at all: short as the reading is, the page
    # holds too little more for it to be a story's (AUTHOR_WHOLE_GAIN)
    texts["precision"] = "The council voted on Monday to close the old bridge."
    seen.clear()
    assert clean(_article(""), Options()).paragraphs == (texts["precision"],)
    assert seen == ["precision", "balanced"]
    seen.clear()
    bylined = _article("").replace(b"<head>", b'<head><meta name="author" content="A. Writer">')
    assert clean(bylined, Options()).paragraphs == (texts["precision"],)
    assert seen == ["precision"]
    # short lines only, a spec sheet's, on a page that holds under WHOLE_GAIN times as much:
    # there is nothing a second reading could find, and it is not asked for
    texts["precision"] = "\n".join(f"Running time {n}: {n} minutes" for n in range(12))
    seen.clear()
    assert clean(_article(""), Options()).paragraphs == tuple(texts["precision"].splitlines())
    assert seen == ["precision"]


_STREAM = (
    "<div class='module'><div class='header-wrapper'><h2>You may also like</h2></div><ul>"
    + "".join(
        f"<li><h4><a href='/s{n}'>Story {n}</a></h4><p>A summary of another story number {n}, "
        f"long enough to read as a paragraph of its own, about a different town and day.</p></li>"
        for n in range(3)
    )
    + "</ul></div>"
)


def test_a_box_opened_by_a_tail_heading_goes_before_extraction(monkeypatch):
    from cleaner.html import extract

    seen = []
    real = extract.read_tree

    def spy(tree, settings):
        seen.append(tree.text_content())
        return real(tree, settings)

    _reads_with(monkeypatch, spy)
    doc = clean(_article(_STREAM), Options())
    assert any("Paragraph 4" in p for p in doc.paragraphs)
    assert "Paragraph 4" in seen[0] and "another story number" not in seen[0]
    assert "You may also like" not in seen[0]  # the box's heading went with it


def test_a_tail_heading_never_takes_the_article_or_half_the_page():
    from lxml import html as lxml_html

    from cleaner.html.prune import drop_boilerplate_blocks
    from cleaner.rules.cuefiles import generic_cues

    cues = generic_cues()
    # the heading opens the article's own block (it holds the h1): only the heading goes
    tree = lxml_html.fromstring(_article("").replace(b"<h1>", b"<h2>Related</h2><h1>"))
    assert [r.reason for r in drop_boilerplate_blocks(tree, cues, keep_comments=False)] == [
        "related"
    ]
    assert "Paragraph 4" in tree.text_content() and "Related" not in tree.text_content()
    # a box with most of the page's text is no side box
    tree = lxml_html.fromstring(f"<html><body><div><h2>Related</h2>{_BODY}</div></body></html>")
    assert drop_boilerplate_blocks(tree, cues, keep_comments=False) == ()


def test_elements_trafilatura_deletes_anyway_are_deleted_once_before_it():
    from lxml import html as lxml_html

    from cleaner.html.prune import drop_unread_elements

    tree = lxml_html.document_fromstring(
        "<html><head><title>T</title></head><body><nav>Home News</nav><aside>Ad</aside>"
        "<p>Body <button>Like</button>tail stays.</p><form><p>Form text</p></form>"
        "<figure><figcaption>Caption</figcaption></figure><time>May 3</time></body></html>"
    )
    assert drop_unread_elements(tree) == 3
    text = tree.text_content()
    assert "Home" not in text and "Ad" not in text and "Like" not in text
    for kept in ("T", "Body tail stays.", "Form text", "Caption", "May 3"):
        assert kept in text


def test_inline_elements_trafilatura_unwraps_are_unwrapped_once_before_it():
    from lxml import html as lxml_html

    from cleaner.html.prune import strip_inline_markup

    tree = lxml_html.document_fromstring(
        "<html><body><p><font color=red><b>Bold</b> and <small>small</small></font> text"
        "<wbr>ends.</p><table><tbody><tr><td>Cell</td></tr></tbody></table></body></html>"
    )
    strip_inline_markup(tree)
    assert not tree.xpath("//font | //small | //wbr")
    assert tree.xpath("//b") and tree.xpath("//tbody")  # bold stays; tables are read first
    assert tree.find(".//p").text_content() == "Bold and small textends."


def test_the_recall_setting_gets_the_whole_tree(monkeypatch):
    import trafilatura

    seen = []
    real = trafilatura.bare_extraction

    def spy(tree, **kwargs):
        seen.append(len(tree.findall(".//nav")))
        return real(tree, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    page = _article("").replace(b"<nav>", b"<nav><a href='/x'>Menu</a>")
    clean(page, Options(focus="recall"))
    clean(page, Options(focus="precision"))
    assert seen == [1, 0]


def test_fast_reads_the_visible_text_without_trafilatura(monkeypatch):

    def never(tree, settings):
        raise AssertionError("--fast must not run trafilatura")

    _reads_with(monkeypatch, never)
    doc = clean(_article(""), Options(fast=True, explain=True))
    assert doc.method == "text-fast" and doc.title == "Council story"
    assert len(doc.paragraphs) == 4 and doc.paragraphs[0].startswith("Paragraph 1")
    assert {r.of for r in doc.removed} <= {"visible", "block"}
    assert "Home" not in doc.paragraphs and "Contact" not in doc.paragraphs


def _menu_page(head: str) -> bytes:
    return (
        f"<html><head><title>Council story</title>{head}</head><body><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<div class='story'><h1>Council story</h1>{_BODY}</div><footer>Contact us</footer>"
        "</body></html>"
    ).encode()


def test_fast_reads_the_main_content_of_a_page_that_states_it_is_an_article(monkeypatch):
    from lxml import html as lxml_html

    def never(*args, **kwargs):
        raise AssertionError("--fast must not parse with lxml")

    monkeypatch.setattr(lxml_html, "document_fromstring", never)
    stated = clean(_menu_page("<meta property='og:type' content='article'>"),
                   Options(fast=True, explain=True))  # fmt: skip
    unstated = clean(_menu_page(""), Options(fast=True, explain=True))
    for doc in (stated, unstated):
        assert doc.method == "text-fast" and doc.title == "Council story"
        assert [p[:11] for p in doc.paragraphs] == [f"Paragraph {n}" for n in range(1, 5)]
    # the menu never reaches the classifier of the stated article: resiliparse's main content
    # left it out; on the other page every visible line is read, and the menu removed
    assert stated.page_kind.stated and not unstated.page_kind.stated
    assert "Home" not in {r.text for r in stated.removed}
    assert {"Home", "News", "Contact us"} <= {r.text for r in unstated.removed}


def test_fast_keeps_lxml_for_a_site_rule_with_xpath(tmp_path):
    from cleaner.rules.book import rule_sources

    (tmp_path / "ex.com.txt").write_text("body: //div[@class='story']\n", encoding="utf-8")
    options = Options(
        fast=True, url="https://ex.com/a", rule_sources=rule_sources((str(tmp_path),))
    )
    doc = clean(_menu_page(""), options)
    assert doc.method.startswith("site-rule-body") and len(doc.paragraphs) == 4


def test_comments_keeps_an_articles_comment_section():
    page = (SAMPLES / "en-blog-comments-html" / "raw.html").read_bytes()
    reply = "How do you deal with the wind?"
    article = clean(page, Options())
    kept = clean(page, Options(comments=True))
    assert not any(reply in p for p in article.paragraphs)
    assert any(reply in p for p in kept.paragraphs)
    assert kept.page_kind.kind == "article"  # an article still: only its comments stay
    assert kept.paragraphs[: len(article.paragraphs)] == article.paragraphs


def test_comments_keeps_a_dumps_comments_after_its_marker():
    body = [f"Paragraph {n} of the council story tells what was decided, and by whom, in words "
            "enough to be read as the body of the article." for n in range(4)]  # fmt: skip
    comments = [
        "12 Comments",
        "What a sensible decision by the council, finally.",
        "I disagree: the old bridge could have been repaired for far less money.",
    ]
    dump = "\n".join(["Council closes the old bridge", *body, *comments]).encode()
    article = clean(dump, Options(input_format="text"))
    kept = clean(dump, Options(input_format="text", comments=True))
    assert comments[1] not in article.paragraphs
    assert comments[1] in kept.paragraphs and comments[2] in kept.paragraphs


def test_a_title_cut_at_an_unescaped_quote_is_read_whole():
    head = "奖金711万元！"
    whole = head + '"中国诺贝尔奖"首位获奖女性啥来头？'
    body = "<p>" + "这是正文的一段，讲述获奖者的经历和研究成果，内容足够长，可以作为正文保留。" * 3
    page = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{whole}">'
            f"<title>{whole}|游民星空</title></head><body><article>{body}</p>{body}</p>"
            "</article></body></html>").encode()  # fmt: skip
    for metadata in (True, False):
        assert clean(page, Options(metadata=metadata)).title == whole
    # a short og:title that the <title> goes on from without a quote is the page's own choice
    short = page.replace(f"<title>{whole}".encode(), f"<title>{head}更多新闻".encode())
    short = short.replace(f'content="{whole}"'.encode(), f'content="{head}"'.encode())
    assert clean(short, Options()).title == head


def _titled(h1: str, extra: str = "") -> bytes:
    """An article page whose og:title is `Bridge closes in June | Town Paper`."""
    body = "<p>" + "The council voted to close the old bridge to traffic from June onwards. " * 4
    head = '<meta property="og:title" content="Bridge closes in June | Town Paper">' + extra
    return (f"<html><head>{head}</head><body><h1>{h1}</h1><article>{body}</p>{body}</p>"
            "</article></body></html>").encode()  # fmt: skip


def test_the_h1_names_which_part_of_the_title_is_the_headline():
    for metadata in (True, False):
        title = clean(_titled("Bridge closes in June"), Options(metadata=metadata)).title
        assert title == "Bridge closes in June"
    # an <h1> that is the site's name, by og:site_name or as a link home, says nothing; the
    # site's name at the title's end goes when og:site_name or the address names it
    site = '<meta property="og:site_name" content="Town Paper">'
    assert clean(_titled("Town Paper", site)).title == "Bridge closes in June"
    logo = _titled("<a href='/'>Town Paper</a>")
    long_name = logo.replace(b'| Town Paper"', b'| The Town Paper of Little Whinging"')
    assert clean(long_name).title == "Bridge closes in June | The Town Paper of Little Whinging"
    # a part after the headline much shorter than it is a site's name or section, named or not
    assert clean(logo).title == "Bridge closes in June"
    at = Options(url="https://www.townpaper.co.uk/news/bridge")
    assert clean(_titled("<a href='/'>Town Paper</a>"), at).title == "Bridge closes in June"


def test_a_title_loses_the_site_name_its_address_gives_at_its_end_only():
    def title(og_title: str, url: str) -> str | None:
        page = _titled("").replace(b"Bridge closes in June | Town Paper", og_title.encode())
        return clean(page, Options(url=url)).title

    assert title("Auth | Supabase Docs", "https://supabase.com/docs/guides/auth") == "Auth"
    assert title("Lights | Giro Sport Design", "https://www.giro.com/lights") == "Lights"
    # a site name that begins the title, or stands inside the headline, stays
    assert title("Giro Helmets | Buyer's Guide", "https://www.giro.com/g") == (
        "Giro Helmets | Buyer's Guide"
    )
    assert title("Nintendo Switch – OLED Model", "https://www.nintendo.com/s") == (
        "Nintendo Switch – OLED Model"
    )


def test_the_one_h1_of_a_page_is_its_headline_whatever_the_og_title_says():
    # the og:title is written for sharing; the page's own single <h1> is what a reader sees
    h1 = "Council votes to close the old bridge"
    assert clean(_titled(h1)).title == h1
    # its text in document order, a space at a line break, a documentation anchor's ¶ out
    h1 = "<code><span>functools</span></code> — Higher-order<br>functions<a href='#f'>¶</a>"
    page = _titled(h1).replace(b"Bridge closes in June | Town Paper", b"functools | Python docs")
    assert clean(page).title == "functools — Higher-order functions"
    # not an address standing as a forum's heading, and not one of two different <h1>s
    assert clean(_titled("bbs.example.org")).title == "Bridge closes in June"
    two = _titled("Council votes", "").replace(b"<article>", b"<h1>Weather</h1><article>")
    assert clean(two).title == "Bridge closes in June"
    # nor one that shares no word with the title: a section's or a logo's ("Forums")
    assert clean(_titled("Forums")).title == "Bridge closes in June"


def test_fast_and_the_fallback_show_the_pages_own_title_as_the_default_does():
    site = '<meta property="og:site_name" content="Town Paper">'
    page = _titled("Council votes", site).replace(b"<article>", b"<h1>Weather</h1><article>")
    for options in (Options(), Options(fast=True)):
        assert clean(page, options).title == "Bridge closes in June"  # og:title, site name out
    # no og:title: the <title>'s headline, not a line the classifier took for one
    menu = _menu_page("").replace(b"<title>Council story</title>",
                                   b"<title>Council story | Town Paper</title>")  # fmt: skip
    at = "https://www.townpaper.example/council"
    assert clean(menu, Options(fast=True, url=at)).title == "Council story"
    assert clean(menu, Options(url=at)).title == "Council story"


def test_fast_reads_a_deeply_nested_page_whole():
    # resiliparse's main-content heuristic takes seconds on thousands of nested <div>s
    from cleaner.html.resiliparse_adapter import parse_fast, reads_main_content
    from cleaner.model import PageKind

    stated = PageKind("article", "og:type 'article'")
    nested = "<div>" * 5000 + _BODY + "</div>" * 10
    for markup, main in ((_BODY, True), (nested, False)):
        page = f"<html><body>{markup}</body></html>"
        assert reads_main_content(stated, parse_fast(page), page) is main
    doc = clean(f"<html><head><meta property='og:type' content='article'></head><body>{nested}"
                "</body></html>".encode(), Options(fast=True))  # fmt: skip
    assert [p[:11] for p in doc.paragraphs] == [f"Paragraph {n}" for n in range(1, 5)]


def test_a_mojibake_title_is_repaired_as_the_paragraphs_are():
    page = _titled("", '<meta property="og:site_name" content="Town Paper">').replace(
        b"Bridge closes in June | Town Paper",
        "itertools \u00e2\u0080\u0094 Functions creating iterators for efficient looping".encode(),
    )
    assert clean(page).title == "itertools — Functions creating iterators for efficient looping"
    h1 = "<h1>Caf\u00c3\u00a9 culture in Paris \u00c2\u00b6</h1>".encode()  # a heading's ¶ too
    page = _titled("").replace(b"<h1></h1>", h1).replace(b"Bridge closes", b"Caf\xc3\xa9 culture")
    assert clean(page).title == "Café culture in Paris"


def test_a_thin_precision_reading_of_a_page_naming_no_author_gives_way_to_the_balanced():
    # a listing of courses that states it is an Article: trafilatura's precision setting
    # keeps its opening lines only; the balanced setting keeps the entries (bench/mini, CC BY)
    from conftest import ROOT

    from cleaner.evaluate import score

    mini = ROOT / "bench" / "mini" / "wcxb-dev"
    page = (mini / "pages" / "0076.html").read_bytes()
    gold = (mini / "gold" / "0076.txt").read_text(encoding="utf-8")
    url = "https://business.fau.edu/executive-education/professional-development/"
    read = clean(page, Options(url=url, detect_language=False))
    assert read.page_kind.kind == "article" and score(gold, "\n".join(read.paragraphs)).f1 > 0.7
    byline = b'<head><meta name="author" content="A. Writer">'
    # a page that names its author is a story: what the precision setting kept stands, when
    # it is no shorter than a story (three more paragraphs of it: 288 tokens) ...
    extra = b"".join(
        b"<p>The programs were built with the region's employers, who asked for courses their "
        b"staff could take without leaving work, and a board of practitioners who teach in "
        b"them reviews every one each year. Paragraph %d.</p>" % n
        for n in range(3)
    )
    longer = page.replace(b"<p>Whether you are ready", extra + b"<p>Whether you are ready", 1)
    kept = clean(longer.replace(b"<head>", byline, 1), Options(url=url, detect_language=False))
    assert len(kept.paragraphs) < len(read.paragraphs) / 2
    assert len(clean(longer, Options(url=url)).paragraphs) > len(read.paragraphs) / 2
    # ... and so it does under VERY_THIN_TOKENS (170 tokens here) when the page holds under
    # AUTHOR_WHOLE_GAIN times as much; a buying guide's two paragraphs (143 tokens of 4,543),
    # its author named, are read again and give way to the guide
    short = clean(page.replace(b"<head>", byline, 1), Options(url=url, detect_language=False))
    assert len(short.paragraphs) < len(read.paragraphs) / 2
    guide = (FIXTURES / "thin" / "buying-guide.html").read_bytes()
    guide_url = "https://www.reviewed.com/dishwashers/features/best-year-2025"
    assert len(clean(guide, Options(url=guide_url, detect_language=False)).paragraphs) > 30


def test_a_thin_reading_is_not_read_again_when_the_rest_of_the_page_is_cue_lines(monkeypatch):
    # a forum page's story above its index of replies (`title【author】08-11 16:06 298字
    # [4321/87]`, a cue line each): the page holds many times what the precision setting
    # kept, but a balanced reading could add only lines the cues drop
    from cleaner.html import extract

    story = (
        "<p>导游的收入很大一部分来自购物的回扣，这是业内的行规，境内游境外游都是这样的，属于国际惯例。"
        "以国内游为例，回扣一般在购物额的百分之十左右。</p>"
    )
    replies = "".join(
        f"<li>旅行中谁忽悠了你第{n}帖【网友{n}号】08-11 16:{n:02d} 298字 [4321/87]</li>"
        for n in range(60)
    )
    page = (
        "<html><head><title>旅行中，谁忽悠了你？</title></head><body>"
        f"<div class='post'>{story}</div><div class='index'><ul>{replies}</ul></div>"
        "</body></html>"
    ).encode()
    seen = []
    real = extract.read_tree

    def spy(tree, settings):
        seen.append(settings.focus)
        return real(tree, settings)

    _reads_with(monkeypatch, spy)
    read = clean(page, Options(detect_language=False))
    assert read.paragraphs[0].startswith("导游的收入")
    assert seen == ["precision"]
    # the same page with its replies' lines written as prose is read again
    prose = replies.replace("【", "，").replace("】", "说")
    seen.clear()
    clean(page.replace(replies.encode(), prose.encode()), Options(detect_language=False))
    assert seen == ["precision", "balanced"]


_ENTRIES = "".join(
    f"<div class='entry'><h2><a href='/j{n}'>Startup {n} is hiring engineers for its data "
    "team</a></h2><p>We build tools that help small towns run their libraries, and we need "
    f"people who care about it.</p><p>{n + 1} days ago</p></div>"
    for n in range(6)
)
_LISTING = (
    "<html><head><title>Jobs</title></head><body><main><h1>Jobs</h1>"
    f"{_ENTRIES}</main></body></html>"
).encode()


def test_a_listing_keeps_its_entries_dates_and_an_article_drops_its_date_lines():
    listing = clean(_LISTING, Options(page_kind="listing"))
    assert sum("days ago" in p for p in listing.paragraphs) == 6  # each entry's, with it
    article = clean(_LISTING, Options(page_kind="article", explain=True))
    assert not any("days ago" in p for p in article.paragraphs)
    assert {r.reason for r in article.removed if "days ago" in r.text} == {"metadata"}


def _sections(heading: str) -> bytes:
    """An article (og:type article: trafilatura's precision setting) of three sections, each
    headed by `heading` formatted with its name and anchor, in a <div> (trafilatura weighs
    the links inside a container)."""
    para = "<p>" + "Learning an instrument trains memory and attention in every season. " * 3
    sections = "".join(
        heading.format(name=name, anchor=name.lower().replace(" ", "-")) + para + "</p>"
        for name in ("Cognitive Benefits", "Emotional Benefits", "Social Benefits")
    )
    head = '<meta property="og:type" content="article"><title>Music lessons</title>'
    return (f"<html><head>{head}</head><body><article><h1>Music lessons</h1><div>{sections}"
            "</div></article></body></html>").encode()  # fmt: skip


def test_a_heading_that_is_its_own_permalink_stays_in_the_body():
    # precision drops a heading that is all link; a link to its own place is no menu's
    doc = clean(_sections('<h3><a href="#{anchor}">{name}</a></h3>'), Options())
    assert doc.page_kind.kind == "article"
    assert {"Cognitive Benefits", "Emotional Benefits", "Social Benefits"} <= set(doc.paragraphs)
    # a permalink glyph beside the text stays a link; the heading is kept either way
    doc = clean(_sections('<h3>{name}<a href="#{anchor}">¶</a></h3>'), Options())
    assert {"Cognitive Benefits", "Emotional Benefits", "Social Benefits"} <= set(doc.paragraphs)


def test_a_roundups_headings_that_link_to_other_sites_stay_in_the_body():
    heading = '<h3><a href="https://{anchor}.example.net/">{name}</a></h3>'
    page = _sections(heading)
    doc = clean(page, Options(url="https://news.example.com/2025/roundup"))
    assert {"Cognitive Benefits", "Emotional Benefits", "Social Benefits"} <= set(doc.paragraphs)
    # without the page's address no link is known to go elsewhere: precision drops them
    assert "Cognitive Benefits" not in clean(page, Options()).paragraphs
    # ... but the address the page states (its canonical link) serves when none is given
    canonical = b'<link rel="canonical" href="https://news.example.com/2025/roundup"><title>'
    doc = clean(page.replace(b"<title>", canonical), Options())
    assert {"Cognitive Benefits", "Emotional Benefits", "Social Benefits"} <= set(doc.paragraphs)


def test_only_links_to_the_same_page_or_another_site_holding_a_headings_text_are_unwrapped():
    from lxml import html

    from cleaner.html.prune import unwrap_heading_anchors

    markup = (
        '<div><h2><a href="#a">Setup</a></h2><h2>Install<a href="#b">#</a></h2>'
        '<h2><a href="/elsewhere">Elsewhere</a></h2><p><a href="#c">Top</a></p>'
        '<h3><a href="https://maker.example.net/x">Maker</a></h3>'
        '<h3><a href="https://blog.example.com/y">Own blog</a></h3>'
        '<h3><a href="//www.example.com/z">Own page</a></h3></div>'
    )
    tree = html.fromstring(markup)
    assert unwrap_heading_anchors(tree) == 1  # no address: only the same page's
    assert tree.findtext("h2") == "Setup"
    tree = html.fromstring(markup)
    assert unwrap_heading_anchors(tree, "https://www.example.com/roundup") == 2
    kept = [a.get("href") for a in tree.iter("a")]
    assert kept == ["#b", "/elsewhere", "#c", "https://blog.example.com/y", "//www.example.com/z"]


# --- a shop's grid on a page that states nothing of itself ----------------------------------

_ITEMS = [
    ("Cast Iron Skillet Duo", "$88", "$114"), ("Enameled Dutch Oven Set", "$88", "$114"),
    ("Carbon Steel Wok Trio", "$26", None), ("Grill Press Pair", "$28", None),
    ("Handle Holder Set", "$15", None), ("Seasoning Spray", "$20", None),
    ("Pan Scraper Kit", "$45", None), ("Trivet and Mitt Set", "$35", None),
    ("Cast Iron Griddle Reversible", "$52", None), ("Mini Skillet Four Pack", "$40", "$48"),
    ("Dutch Oven Lid Lifter", "$12", None), ("Skillet Cover Glass Lid", "$30", None),
]  # fmt: skip
_INTRO = "Our cast iron is poured in Tennessee and seasoned with oil, ready to cook on arrival."


def _card(name: str, price: str, was: str | None) -> str:
    # a card of nested <div>s, as a shop's script renders it: trafilatura reads none of them
    old = f'<div class="line-through">{was}</div>' if was else ""
    return (
        f'<div><div class="flex flex-col"><div class="aspect-square"></div><div class="flex">'
        f'<div class="font-bold">{name}</div><div class="h-4 animate-pulse"></div><div class="'
        f'flex-row"><div class="flex"><div class="font-medium">{price}</div>{old}</div></div>'
        f"</div></div></div>"
    )


def _shop(head: str = "") -> bytes:
    cards = "".join(_card(*item) for item in _ITEMS)
    return f"""<html><head><title>Kitchen Supply Co.</title>{head}</head><body><div><div>
<div class="module"><div class="banner">Save $26 with the limited edition skillet set</div></div>
<div class="module"><button>Shop the skillet set</button><div>Limited Edition</div></div>
<div class="module"><p>{_INTRO}</p></div>
<div class="module"><div><div class="hidden"><label for="q">Search products</label>
<input id="q" type="text"/></div><div class="grid">{cards}</div></div></div>
<div class="module"><a href="https://kitchen.example/">View more on kitchen.example</a></div>
</div></div></body></html>""".encode()


def test_a_shops_grid_trafilatura_leaves_out_is_read_on_a_page_that_states_nothing():
    # trafilatura keeps the introduction only; the page states no kind and shows prices, and
    # its visible text holds a grid of entries (a price each, two on a sale) beside it
    doc = clean(_shop())
    assert doc.method == "text-fallback+entries"
    assert doc.paragraphs[:4] == (_INTRO, "Cast Iron Skillet Duo", "$88", "$114")
    assert "Skillet Cover Glass Lid" in doc.paragraphs and "Limited Edition" not in doc.paragraphs


def test_a_page_that_states_its_kind_keeps_trafilaturas_reading():
    # an article by its og:type is read as one: its prices are a story's, not a shop's
    doc = clean(_shop('<meta property="og:type" content="article">'))
    assert doc.method == "trafilatura" and doc.paragraphs == (_INTRO,)


def test_a_grid_trafilatura_reads_itself_stays_its_reading():
    # the cards as a list of blocks: trafilatura keeps them, and its reading stays
    cards = "".join(f"<li><h3>{name}</h3><p>{price}</p></li>" for name, price, _ in _ITEMS)
    page = f"<html><head><title>Kitchen</title></head><body><ul>{cards}</ul></body></html>"
    doc = clean(page.encode())
    assert doc.method == "trafilatura"  # its lines hold every entry, name and price together
    assert sum("Skillet" in paragraph for paragraph in doc.paragraphs) == 3


def test_a_page_neither_precision_nor_the_visible_text_reads_gets_the_balanced_reading(
    monkeypatch,
):
    # a short note of short lines (a command, its step, no full stop), as a forum's blog
    # post has them: trafilatura's precision setting keeps nothing, the line classifier
    # finds no run of prose in the visible text; the balanced setting's lines, one of them
    # a sentence, are the body, not "no body text found"
    from cleaner.html.trafilatura_adapter import Reading

    steps = ["每次打开别人新的项目都要 npm 依赖都会各种报错很烦", "安装 depcheck"]
    steps.append("npm i -g depcheck")
    texts = {"precision": None, "balanced": "\n".join(steps)}
    seen = []

    def fake(tree, settings):
        seen.append(settings.focus)
        text = texts[settings.focus]
        return None if text is None else Reading(text)

    _reads_with(monkeypatch, fake)
    menu = "".join(f"<li><a href='/{n}'>栏目{n}</a></li>" for n in range(40))
    page = (
        f"<html><head><title>解决依赖报错</title></head><body><ul>{menu}</ul>"
        + "".join(f"<div><code>{line}</code></div>" for line in steps)
        + "</body></html>"
    )
    doc = clean(page.encode(), Options())
    assert seen == ["precision", "balanced"]
    assert doc.paragraphs == tuple(steps)
    # no sentence among the balanced setting's lines either: still nothing
    texts["balanced"] = "安装\n检查"
    seen.clear()
    assert clean(page.encode(), Options()).paragraphs == ()
