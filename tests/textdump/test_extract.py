from conftest import EN_PROSE

from cleaner import Options, clean
from cleaner.emit import to_text

EN = EN_PROSE
ZH = "这是一个足够长的正文段落，包含逗号和句号，用来模拟新闻正文的内容。它还有第二句话。"


def test_clean_output_with_a_short_title_cleans_to_itself():
    # "ExactCare Travel Insurance" holds the title but is not the page's heading: the body of
    # clean output starts right below its title line, not below that subheading
    lines = ["Travel Insurance"] + [EN.replace("trip", f"trip ({n})") for n in range(5)]
    lines += ["ExactCare Travel Insurance"] + [
        EN.replace("costs", f"costs ({n})") for n in range(20)
    ]
    once = to_text(clean("\n".join(lines).encode("utf-8")))
    assert once.splitlines() == lines
    assert to_text(clean(once.encode("utf-8"))) == once


def test_the_headline_above_the_body_is_the_title_however_short():
    dump = "\n".join(
        ["夜雨_原文、翻译及赏析_白居易诗词_读古诗词网", "首页 唐诗三百首 宋词三百首 古诗十九首",
         "您在这里: 首页 › 诗 › 夜雨", "yè yǔ", "夜雨", "朝代：唐代", "作者：白居易", ZH, ZH, ZH]
    )  # fmt: skip
    doc = clean(dump.encode("utf-8"), Options(explain=True))
    assert doc.title == "夜雨"
    assert {r.text: r.reason for r in doc.removed}["您在这里: 首页 › 诗 › 夜雨"] == "breadcrumb"


def test_reply_headings_of_a_thread_are_furniture_and_its_output_cleans_to_itself():
    topic = "Open source forum software for an old school forum?"
    dump = [f"{topic} / Discussion / Example Forums", "Index", "Search", topic]
    for n in range(1, 7):
        dump += [f"#{n} 2024-08-0{n} 10:59:47", f"user{n}", "Member", "Registered: 2011-11-29",
                 f"Re: {topic}" if n > 1 else topic, EN.replace("trip", f"trip {n}"),
                 EN.replace("costs", f"costs {n}")]  # fmt: skip
    doc = clean("\n".join(dump).encode("utf-8"), Options(explain=True))
    assert doc.title == topic
    assert {r.reason for r in doc.removed if r.text == f"Re: {topic}"} == {"forum"}
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once


def test_a_heading_like_line_unlike_the_page_title_gives_way_to_the_page_title():
    dump = ["How to Grow Tomatoes on a Balcony | The Garden Site", "Home", "Table of Contents"]
    dump += [EN.replace("trip", f"tomato plant {n}") for n in range(4)]
    doc = clean("\n".join(dump).encode("utf-8"), Options(explain=True))
    assert doc.title == "How to Grow Tomatoes on a Balcony"
    assert "Table of Contents" in {r.text for r in doc.removed}  # chosen, not shown: removed
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once
    # a page title that is boilerplate itself ("首页") gives no title: the line stays
    dump[0] = "首页"
    dump[2] = "番茄种植指南"
    assert clean("\n".join(dump).encode("utf-8")).title == "番茄种植指南"


def test_a_title_shown_is_a_headline_without_the_site_name_beside_it():
    body = [EN.replace("trip", f"tomato plant {n}") for n in range(4)]
    # the page <title> line is the title chosen: its headline is shown, not the site's name
    dump = ["How to Grow Tomatoes on a Balcony | The Garden Site", "Home", *body]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == "How to Grow Tomatoes on a Balcony"
    # a heading line that holds a site name too: the same, and its output cleans to itself
    dump = ["Garden Site", "Home", "Balcony Tomatoes: A Beginner's Guide | The Garden Site", *body]
    once = to_text(clean("\n".join(dump).encode("utf-8")))
    assert once.splitlines()[0] == "Balcony Tomatoes: A Beginner's Guide"
    assert to_text(clean(once.encode("utf-8"))) == once


def test_a_page_title_line_of_the_sites_name_and_a_section_gives_way_to_the_headline():
    # `北医新闻网_(新闻)`: a news site's name (site_part) and its section, no headline of its
    # own; the headline over the body is the title, not the site's name
    headline = "李简——新外科运动向我们走来"
    dump = ["北医新闻网_(新闻)", "首页>>人物聚焦>>2005人物", headline, ZH, ZH, ZH]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == headline
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once
    # a headline beside the site's name is the page title's, as before
    dump[0] = "新外科运动向我们走来_北医新闻网"
    dump[2] = "人物聚焦"
    assert clean("\n".join(dump).encode("utf-8")).title == "新外科运动向我们走来"


def test_the_page_title_line_wins_over_a_heading_like_line_unlike_it():
    body = [EN.replace("trip", f"tomato plant {n}") for n in range(4)]
    dump = ["How to Grow Tomatoes on a Balcony", "Home", "Start Free Trial", *body]
    doc = clean("\n".join(dump).encode("utf-8"), Options(explain=True))
    assert doc.title == "How to Grow Tomatoes on a Balcony"
    assert "Start Free Trial" in {r.text for r in doc.removed}
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once


def test_a_documents_numbered_section_is_no_title():
    # `一、培养目标：` opens the body's first section: the title is the headline above it
    dump = ["世艺网>艺术教育", "首页 | 艺术教育 | 联系我们", "中国艺术研究院2004年博士生招生简章"]
    dump += ["一、培养目标：", ZH, ZH, "二、报考条件：", ZH, ZH, ZH]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == "中国艺术研究院2004年博士生招生简章"
    assert "二、报考条件：" in doc.paragraphs
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once


def test_a_subtitle_line_under_the_headline_is_no_title():
    dump = ["显示", "打印 关闭", "比赛革命的革命", "——对文化革命的政治心理学分析", ZH, ZH, ZH, ZH]
    assert clean("\n".join(dump).encode("utf-8")).title == "比赛革命的革命"


def test_the_pages_address_tells_the_site_part_of_a_dumps_title():
    body = [EN.replace("trip", f"dental visit {n}") for n in range(4)]
    dump = "\n".join(["Dental Care | ONE Health Ohio", "Home", "Patients", *body]).encode("utf-8")
    assert clean(dump).title == "ONE Health Ohio"  # the longer part, for want of an address
    with_address = Options(url="https://onehealthohio.org/dental-care/")
    doc = clean(dump, with_address)
    assert doc.title == "Dental Care"
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"), with_address)) == once


def test_a_threads_title_line_is_its_title_when_the_posts_start_right_below_it():
    # a thread's body runs from the top of the dump: its <title> line is still no post
    topic = "Open source forum software for an old school forum?"
    dump = [f"{topic} - Help - Example Forum"]
    for n in range(1, 5):
        dump += [f"user{n}", EN.replace("trip", f"trip {n}"), "Reply"]
    address = Options(url="https://forum.example.org/t/open-source-forum-software/4512")
    doc = clean("\n".join(dump).encode("utf-8"), address)
    assert doc.page_kind.thread
    assert doc.title == topic
    assert dump[0] not in doc.paragraphs and doc.paragraphs[0].startswith("Travel insurance")
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"), address)) == once
    # a dump that holds its <title> line and nothing the body keeps (a Discourse thread's
    # posts are written by its scripts) has that title and no body, not the line as a
    # paragraph: read again alone, as clean output is, the line is a title
    for lines in ([dump[0]], [dump[0], "user1", "Thanks!", "user2", "Same here"]):
        doc = clean("\n".join(lines).encode("utf-8"), address)
        assert (doc.title, doc.paragraphs) == (topic, ())
    # a dump of one line that is no page <title> (no parts) is a paragraph
    note = clean(EN.encode("utf-8"))
    assert (note.title, note.paragraphs) == (None, (EN,))


def test_a_first_line_that_is_a_menu_is_no_page_title():
    menu = "新闻 | 体育 | 娱乐 | 商业 | 科技 | 财经 | 汽车 | 手机 | 数码 | 房产"
    headline = "经济学人分析中国经济热度"
    dump = "\n".join([menu, "首页", headline, "新闻", ZH, ZH.replace("正文", "内容"), ZH])
    doc = clean(dump.encode("utf-8"))
    assert doc.title == headline  # not its item that stands above the body (`新闻`)
    # a <title> of a few parts is still one
    titled = dump.replace(menu, f"{headline}_财经_新浪网", 1)
    assert clean(titled.encode("utf-8")).title == headline


def test_a_short_menu_over_a_dump_without_its_page_title_gives_no_title():
    # a browser's text export has no <title> line: its first line is the site's menu
    headline = "Council keeps the library open"
    dump = "\n".join(["Home | News | Sport", headline, EN, EN.replace("trip", "journey")])
    assert clean(dump.encode("utf-8")).title == headline  # not `Sport`
    # a <title> of a headline and its site still gives its headline over a lighter line's
    titled = dump.replace("Home | News | Sport", "Travel insurance explained | Example News")
    titled = titled.replace(headline, "Start Free Trial")
    assert clean(titled.encode("utf-8")).title == "Travel insurance explained"


def _header(headline: str) -> list[str]:
    """A news page's header as a dump shows it: menus, the headline, a byline and its links,
    a date and related links (14 lines from the headline to the end)."""
    menu = ["News", "Metro", "Sports", "Business", "Opinion", "Entertainment", "Fashion"]
    header = ["Skip to main content", *[f"  • {item}" for item in menu], "Search", "Sign in"]
    header += ["Share this:", "  • Facebook", "  • Twitter", "  • Email", headline]
    header += ["By Lia Smith and Yaron Stone", "  • View author archive", "  • Get author RSS feed"]
    header += ["  • email the author", "  • follow on twitter", "Most Popular Today"]
    header += ["November 19, 2019 | 4:20am", "Enlarge Image", "More On:", "taliban"]
    return header + [
        "US professor to be freed in prisoner swap between Afghanistan and Taliban",
        "Afghan woman politician sees Taliban talks as only hope for future",
        "1 killed, dozens wounded in Taliban attacks on Afghan election day",
    ]


def test_the_headline_far_above_the_body_is_the_title_not_a_related_link_at_its_top():
    headline = "Taliban say they freed US, Australian hostages for 3 terrorist figures"
    body = [EN.replace("trip", f"hostage swap {n}") for n in range(6)]
    related = "John Bolton unloads on Trump's 'disrespectful' foreign policy"
    dump = [f"{headline} | New York Post", *_header(headline), related, *body]
    doc = clean("\n".join(dump).encode("utf-8"), Options(explain=True))
    assert doc.title == headline
    assert headline not in {r.text for r in doc.removed if r.line > 1}  # the title line
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once


def test_a_heading_alike_the_headline_comes_before_a_repeat_of_the_titles_first_part():
    # the <title>'s first part ("json") repeated by a line and the page's heading ("json —
    # … decoder¶") above it, both far from the body: the headline is the heading's
    body = [EN.replace("trip", f"encoder {n}") for n in range(6)]
    header = _header("json — JSON encoder and decoder¶")
    header[15:15] = ["Previous topic", "JSON"]  # below the heading, 15 lines above the body
    dump = ["json — JSON encoder and decoder — Python 3.14 documentation", *header, *body]
    address = Options(url="https://docs.python.org/3/library/json.html")  # names the site
    assert clean("\n".join(dump).encode("utf-8"), address).title == "JSON encoder and decoder"


def test_a_web_address_is_no_headline():
    body = [EN.replace("trip", f"whetstone {n}") for n in range(6)]
    dump = ["Best Sharpening Stones | Home Page", "Free Shipping over $99", "(866)-286-2049"]
    dump += ["www.BestSharpeningStones.com", *body]
    assert clean("\n".join(dump).encode("utf-8")).title != "www.BestSharpeningStones.com"
    # nor is a source's line that holds one with its scheme, right above the body
    headline = "广汽回应现代合资内幕 全面合作项目即将展开"
    dump = ["首页 - 新闻 - 北京 - 体育 - 娱乐 - 文化 - 房产 - 汽车 - 军事 - 数码", "推荐 我要说说"]
    dump += [headline, "http://www.qianlong.com/ 2005-07-18 13:03:17", ZH, ZH, ZH, ZH]
    assert clean("\n".join(dump).encode("utf-8")).title == headline


def test_the_headline_over_its_byline_is_the_title_not_a_caption_nearer_the_body():
    # the <title> words the story otherwise; a video's caption stands between the headline
    # and the body: the heading-like line right above the byline's date is the headline
    headline = "One of the top-performing beauty stocks could surge after a makeover"
    dump = ["Beauty stock Coty could surge after makeover", "Skip Navigation", "Markets"]
    dump += ["Watchlist", headline, "Published Tue, Nov 19 2019 7:05 AM EST", "VIDEO 3:45"]
    dump += ["Estee Lauder the defensive stock buy of the cosmetics industry: Pro"]
    dump += [EN.replace("trip", f"stock {n}") for n in range(6)]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == headline


def test_the_headline_over_a_newspapers_byline_is_the_title():
    # a blog's name as first line, a reprinted story's headline over its reporters' byline,
    # which states no date and matches no cue: the headline is the title all the same
    headline = "谁来为无序拆房“埋单”？"
    dump = ["bjreader的博客", "", "拆房屡出命案 管理形同虚设", headline, "本报实习生 刘国栋 周炜"]
    dump += ["本报记者 王燕平 方云凤 柏建斌", "编者按", ZH, ZH, ZH, ZH]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == headline
    assert doc.metadata.author == "刘国栋"


def test_the_headline_over_its_byline_wins_over_the_page_titles_headline():
    # the <title> words the story otherwise and outweighs the headline; a share bar of list
    # items stands between the byline and the body, past twelve lines above it
    headline = "‘We had some issues,’ exec says on Disney+ glitches"
    share = ["• Facebook", "• Twitter", "• Show more sharing options", "Share", "• Facebook"]
    share += ["• Twitter", "• LinkedIn", "• Email", "• Copy Link URLCopied!", "• Print"]
    dump = ["Disney+ glitches blamed on heavy demand says executive Kevin Mayer - LA Times"]
    dump += ["• Business", "• California", "• Food", "Company Town", headline]
    dump += ["By Meg James, Staff Writer", "Nov. 19, 2019", "5:50 PM", *share]
    dump += [EN.replace("trip", f"stream {n}") for n in range(6)]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == headline
    once = to_text(doc)
    assert once.splitlines()[0] == headline
    assert to_text(clean(once.encode("utf-8"))) == once
    # a `Headline | Section` line over the byline shows its headline
    sectioned = [f"{line} | Company Town" if line == headline else line for line in dump]
    assert clean("\n".join(sectioned).encode("utf-8")).title == headline
    # without the byline under it, the <title>'s headline is the title
    plain = [line for line in dump if not line.startswith(("By ", "Nov. ", "5:50"))]
    assert clean("\n".join(plain).encode("utf-8")).title == dump[0].split(" - ")[0]


def test_a_commands_synopsis_or_a_lead_in_line_is_no_headline():
    body = [EN.replace("trip", f"commit {n}") for n in range(5)]
    head = ["PostgreSQL: Documentation: 18: SELECT", "Docs", "Downloads"]
    without = clean("\n".join([*head, *body]).encode("utf-8")).title
    for line in ("git commit [-a | --interactive] [-S[<keyid>]] [--] [<pathspec>...]",
                 "TABLE [ ONLY ] table_name [ * ]", "GROUPING SETS ( grouping_element )",
                 "and with_query is:", "The options are："):  # fmt: skip
        doc = clean("\n".join([*head, line, *body]).encode("utf-8"))
        assert doc.title == without, line
    # a headline's own brackets hold words (a page title of boilerplate: the heading wins)
    headline = "Best Audiobook Subscriptions in 2025 [Tried 11 Services]"
    dump = ["首页", "Docs", "Downloads", headline, *body]
    assert clean("\n".join(dump).encode("utf-8")).title == headline


def test_a_line_that_ends_in_a_comma_is_no_headline():
    # it goes on into the next line: the page title is the title, not that lead-in
    dump = ["CSRankings: Computer Science Rankings", "Home", "If you find CSrankings useful,"]
    dump += [EN.replace("trip", f"ranking {n}") for n in range(5)]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == "CSRankings: Computer Science Rankings"
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once


def test_the_headline_the_header_shows_twice_is_the_title():
    # a first line of menu items set apart by wide spaces, the headline over its source's
    # line and again under it, then the report's authors and date above its first sentence
    headline = "北京市儿童(13-15岁)心理素质发展现状调查研究报告"
    menu = "\u3000".join(["首页", "组织机构", "工作动态", "纲要规划", "国际项目", "理论文摘"])
    source = "http://www.qianlong.com/ 2005-03-06 16:17:00"
    dump = [menu, "北京 >> 首页 >> 研究集萃", headline, source, headline]
    dump += ["北京市妇女儿童工作委员会儿童心理调研课题组", "2003年5月"]
    dump += ["为了贯彻落实北京市“十五”时期儿童发展规划，", ZH, ZH, ZH, ZH]
    doc = clean("\n".join(dump).encode("utf-8"))
    assert doc.title == "北京市儿童（13-15岁）心理素质发展现状调查研究报告"  # CJK brackets
    assert headline not in doc.paragraphs
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"))) == once


def test_a_title_chosen_from_a_lead_in_line_shows_without_its_colon():
    # a Q&A post that opens by restating its question as a lead-in (`…:`), nearest the body
    topic = "A few quick pre-sale questions"
    dump = [f"{topic} – Example Q&A", "Questions", "Ask Question", topic,
            f"Questions › Category: General › {topic}", "Alexis asked 6 years ago", f"{topic}:",
            EN, EN.replace("trip", "journey"), EN.replace("trip", "flight"), "Reply"]  # fmt: skip
    address = Options(url="https://qa.example.com/question/a-few-quick-pre-sale-questions/")
    doc = clean("\n".join(dump).encode("utf-8"), address)
    assert doc.title == topic and doc.paragraphs[0] == EN
    once = to_text(doc)
    assert to_text(clean(once.encode("utf-8"), address)) == once
    # a title that would be a counter without its colon keeps it: read again alone, `2024`
    # is dropped as one, and clean output would lose its only line (found by hypothesis)
    assert to_text(clean(b"2024:")) == "2024:\n" == to_text(clean(b"2024:\n"))
    # every colon at its end goes (`互联网：`, read again, would lose its last one), and one a
    # label hid (the empty `()` a template leaves, which the shown title loses)
    for dump in ("互联网: :", "互联网:()", "互联网:():"):
        assert to_text(clean(dump.encode())) == "互联网\n" == to_text(clean("互联网".encode()))
    # a label's removal that would leave a counter keeps it
    assert to_text(clean(b"2024()")) == "2024()\n" == to_text(clean(b"2024()\n"))
    # a <title>'s headline is boilerplate or not as it shows: `related:互联网` shows as
    # `related：互联网`, which no cue drops (the raw form matches `related:`); found by hypothesis
    for dump in ("related:互联网|互联网", "互联网，!-互联网"):
        once = to_text(clean(dump.encode()))
        assert once.count("互联网") == 1 and to_text(clean(once.encode())) == once


def test_a_title_chosen_from_a_numbered_line_shows_without_the_lists_number():
    # a forum's breadcrumb numbers its steps; its last is the topic, which the title repeats
    topic = "Forum statistics bug Return value must be of type array"
    body = [EN, EN.replace("trip", "journey"), EN.replace("trip", "flight")]
    dump = [f"{topic} - Bugs - Example Forum", "  1. Home", "  2. Forum", "  3. Bugs",
            f"  4. {topic}", *body]  # fmt: skip
    assert clean("\n".join(dump).encode("utf-8")).title == topic
    # a <title> that gives the number too keeps it (a manual's numbered chapter)
    chapter = "5. Data structures and the ways a program keeps its values together in memory"
    dump = [f"{chapter} — Python 3.14 documentation", "Table of Contents", "Previous topic",
            chapter, *body]  # fmt: skip
    assert clean("\n".join(dump).encode("utf-8")).title == chapter
