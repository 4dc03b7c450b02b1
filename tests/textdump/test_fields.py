"""The fields a text dump states: dates, authors, site names, a <title> split."""

import pytest

from cleaner.rules.cuefiles import generic_cues
from cleaner.textdump.fields import (
    address_names,
    find_date,
    find_field,
    split_page_title,
    title_parts,
    without_labels,
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("发布时间:2018-06-22  来源:中国西藏网", "2018-06-22"),
        ("2023年11月08日 10:32", "2023-11-08"),
        ("Published March 14, 2024 at 6:05 pm", "2024-03-14"),
        ("Updated 5 Nov 2019", "2019-11-05"),
        ("2018-13-45 is not a date", None),
        ("No. 12019-01-02", None),  # a year has no digit before it
        ("on 5 March 2020", "2020-03-05"),
        ("x5 March 2020", None),  # a day starts a word
        ("Mar 7, 2021", "2021-03-07"),
        ("Remar 7, 2021", None),  # a month starts a word
    ],
)
def test_find_date(line, iso):
    assert find_date([line], generic_cues()) == iso


def test_find_author_and_site():
    cues = generic_cues()
    assert find_field("author", ["作者：张三 来源：新华网"], cues) == "张三"
    assert find_field("sitename", ["作者：张三 来源：新华网"], cues) == "新华网"
    assert find_field("author", ["By Maria Lopez"], cues) == "Maria Lopez"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Maria Lopez on Monday", "Maria Lopez"),
        ("By DANICA KIRKA and JILL LAWLESS", "DANICA KIRKA and JILL LAWLESS"),
        ("By clicking Subscribe, you agree to our terms", None),  # no name: a lower-case word
        ("文／栗思", "栗思"),
        ("新华社记者：王可 发布时间：2020-01-01", "王可"),
        ("……让贫困村从中受益摘帽。（中国西藏网 记者/王茜）", "王茜"),  # a byline in brackets
        # a newspaper's byline without a colon: names only after the label
        ("本报记者 王燕平 方云凤 柏建斌", "王燕平"),
        ("记者 刘涛", "刘涛"),
        ("新华社记者邹多为、唐诗凝、丁乐", "邹多为"),
        ("记者了解到，这些楼房里还住着十多户人家。", None),  # a sentence
        ("记者手记", None),  # a heading
        ('作者： size="20"   来源： size="20"', None),  # markup debris is no name
        ("记者：首先欢迎你来到新华网接受我们的采访，请问你怎样看待农业税补贴问题？", None),
        (
            "但是，一位年轻的医生微笑着告诉记者：被称之为最缺乏手术根治信心的肺癌，“我的手术病人很大一部"
            "分术后可以不做放、化疗了。”",
            None,
        ),  # fmt: skip
    ],
)
def test_an_author_is_a_name_on_a_byline(line, author):
    assert find_field("author", [line], generic_cues()) == author


def test_split_page_title():
    assert split_page_title("Headline here - The Site") == ("Headline here", "The Site")
    assert split_page_title("只有标题") == ("只有标题", None)
    # a breadcrumb's or a forum's separators part a title too; a hyphen inside a word does not
    assert split_page_title("多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业") == (
        "播客热潮迅速蔓延 挑逗传统传媒业",
        "多维博客",
    )
    assert (
        split_page_title("NationStates • View topic - 2025-26 Football Season: MLS is Back!")[0]
        == "2025-26 Football Season: MLS is Back!"
    )
    # parts at the end that name a site are no headline, however long (`site_part`)
    assert split_page_title("window系统设置代理 | Laravel China 社区")[0] == "window系统设置代理"
    assert split_page_title("金锺国 - 维基百科，自由的百科全书") == (
        "金锺国",
        "维基百科，自由的百科全书",
    )
    title = (
        "建议对鼠神进行改版 - 建议反馈 - 反恐精英Online-官方论坛 - Powered by Discuz! ; 世纪天成"
    )
    assert split_page_title(title)[0] == "建议对鼠神进行改版"
    assert split_page_title("Gym Workouts | blog.example.com")[0] == "Gym Workouts"
    # an ASCII `!` after Han parts as the full-width one its normalized output shows does
    assert title_parts("互联网!-新闻中心") == ("互联网!", "新闻中心")
    assert title_parts("互联网！-新闻中心") == ("互联网！", "新闻中心")
    assert title_parts("Hello!-世界") == ("Hello!-世界",)
    # ... and after any mark that makes it full-width beside it (`，!` shows as `，！`)
    assert title_parts("互联网，!-新闻中心") == ("互联网，!", "新闻中心")
    assert title_parts("互联网，！-新闻中心") == ("互联网，！", "新闻中心")
    # a CJK character says more than a Latin letter: the longest part as a reader weighs it
    assert split_page_title("Joel on Software - 给计算机系学生的建议")[0] == "给计算机系学生的建议"
    assert split_page_title("Joel on Software - 学生的建议")[0] == "Joel on Software"
    # an underscore parts a title (`…经营__商贸_新浪网`), not a name inside it
    assert title_parts("Module ngx_http_rewrite_module") == ("Module ngx_http_rewrite_module",)
    parts = ("一夜暴富后如何经营", "商贸", "新浪网")
    assert title_parts("一夜暴富后如何经营__商贸_新浪网") == parts
    # ... but not at the start: a headline that ends like a site's name keeps its place
    assert split_page_title("第五届世界互联网大会乌镇峰会论坛 - 新华网")[0] == (
        "第五届世界互联网大会乌镇峰会论坛"
    )
    # an unspaced hyphen between Han characters, or before a bracket or quote that opens the
    # next part, separates parts
    assert title_parts("大话四川-[原创]朋友，请正确客观认识凉山") == (
        "大话四川",
        "[原创]朋友，请正确客观认识凉山",
    )
    assert title_parts("成长--大河网") == ("成长", "大河网")
    assert title_parts("Wi-Fi 6E-[测评]") == ("Wi-Fi 6E-[测评]",)  # after a Latin letter: none


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        # a part that goes on in lower case for three words or more continues the headline
        (
            "Opinion: The problem with space junk – and how to solve it | The Conversation",
            ("Opinion: The problem with space junk – and how to solve it", "The Conversation"),
        ),
        (
            "Star Wars Jedi: Fallen Order review – shoots for the moon, lands among the stars",
            ("Star Wars Jedi: Fallen Order review – shoots for the moon, lands among the stars",),
        ),
        # ... or starts with a word that goes on, capitalised as a headline's words are
        (
            "The Early Reviews For Google's Stadia Are Here — And They're Brutal - Gizmodo",
            ("The Early Reviews For Google's Stadia Are Here — And They're Brutal", "Gizmodo"),
        ),
        # a site's name in lower case is a word or two, a brand's has its capitals, a domain
        ("How to Tie a Tie - wikiHow", ("How to Tie a Tie", "wikiHow")),
        ("Neue Grafikkarten im Test - heise online", ("Neue Grafikkarten im Test", "heise online")),
        ("Roomba j7+ Robot Vacuum | iRobot", ("Roomba j7+ Robot Vacuum", "iRobot")),
        (
            "Writing a parser in Rust - dev.to community site",
            ("Writing a parser in Rust", "dev.to community site"),
        ),
    ],
)
def test_a_subtitle_in_lower_case_is_no_part_of_its_own(title, parts):
    assert title_parts(title) == parts


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("Question Social login options like Facebook", "Social login options like Facebook"),
        ("Question about my login", "Question about my login"),  # a word of the headline
        ("Thread: What do you pay attention to?", "What do you pay attention to?"),
        ("View topic - MLS is Back!", "MLS is Back!"),
        ("雄安新区[编辑]", "雄安新区"),
        ("社会资本、人力资本与下岗职工的再就业（页 1）", "社会资本、人力资本与下岗职工的再就业"),
        ("主题：【2005年中国革命历史巨作】【太行山上】", "【2005年中国革命历史巨作】【太行山上】"),
        ("标 题： 吉林省人民政府关于新增项目的通告", "吉林省人民政府关于新增项目的通告"),
        ("[原创]朋友，请正确客观认识凉山", "朋友，请正确客观认识凉山"),
        ("朋友，请正确客观认识凉山！错误信息[麻辣社区]", "朋友，请正确客观认识凉山！错误信息"),
        ("[麻辣社区]", "[麻辣社区]"),  # nothing beside it: no label
        ("Share All sharing options for: Star Trek 4 eyes Fargo", "Star Trek 4 eyes Fargo"),
        ("如何看待某社区[三]", "如何看待某社区[三]"),  # no forum's name in the brackets
        ("Question", "Question"),  # nothing of a word would be left
        (
            "Title:Natural Language Processing RELIES on Linguistics",
            "Natural Language Processing RELIES on Linguistics",
        ),
        ("Title Fight: a boxing story", "Title Fight: a boxing story"),  # a word, no field
        (
            "Skip to main content Boomer took offense to my t-shirt : r/BoomersBeingFools",
            "Boomer took offense to my t-shirt",
        ),
        ("Skipping breakfast: what the studies say", "Skipping breakfast: what the studies say"),
        # an empty pair of brackets a template left at the end, and brackets that hold a word
        (
            "Command Decorating Clips 3FB7J, Clear, 40-Clips ()",
            "Command Decorating Clips 3FB7J, Clear, 40-Clips",
        ),
        ("雄安新区（）", "雄安新区"),
        ("Sony WH-1000XM5 (Black)", "Sony WH-1000XM5 (Black)"),
    ],
)
def test_labels_beside_a_headline_are_not_the_title(title, bare):
    assert without_labels(title, generic_cues()) == bare


def test_a_title_part_that_names_the_address_is_the_site_not_the_headline():
    names = address_names("https://onehealthohio.org/dental-care/")
    assert names == ("onehealthohio",)
    # the longest part is the headline, unless the page's address names it as the site's
    assert split_page_title("Dental Care | ONE Health Ohio")[0] == "ONE Health Ohio"
    assert split_page_title("Dental Care | ONE Health Ohio", names)[0] == "Dental Care"
    # a subdomain names the site too (`Hacker News` on news.ycombinator.com), a short name
    # only when it is the whole part
    hn = address_names("https://news.ycombinator.com/newest")
    assert split_page_title("New Links | Hacker News", hn)[0] == "New Links"
    bbc = address_names("https://www.bbc.co.uk/news/x")
    assert bbc == ("bbc",)
    assert split_page_title("Storm hits | BBC", bbc)[0] == "Storm hits"
    assert split_page_title("Storm hits | BBC Newsroom Live", bbc)[0] == "BBC Newsroom Live"
    # a first part never goes for holding the name: a headline may ("Sweat workouts")
    sweat = address_names("https://sweat.com/blogs/x")
    assert split_page_title("Sweat workouts for beginners | Sweat", sweat)[0] == (
        "Sweat workouts for beginners"
    )
    assert address_names(None) == () and address_names("http://[") == ()
    # a name's initials spell the address's registrable name, not a subdomain's
    osha = address_names("http://www.osha.gov/electrical")
    title = "Electrical - Overview | Occupational Safety and Health Administration"
    assert split_page_title(title)[0] == "Occupational Safety and Health Administration"
    assert split_page_title(title, osha)[0] == "Electrical"
    dlr = address_names("https://dlr.skift.com/issues/")
    assert split_page_title("Issues - Daily Lodging Report", dlr)[0] == "Daily Lodging Report"


def test_a_first_part_that_is_the_sites_name_is_no_headline():
    title = "Psychiatry.org - What Are the Latest Scientific Trends in Psychiatry?"
    assert split_page_title(title)[0] == "What Are the Latest Scientific Trends in Psychiatry?"
    names = address_names("https://www.psychiatry.org/news-room/trends")
    assert split_page_title(title, names)[0] == (
        "What Are the Latest Scientific Trends in Psychiatry?"
    )
    assert split_page_title("Moz - Beginner's Guide to SEO", address_names("https://moz.com/x"))[
        0
    ] == ("Beginner's Guide to SEO")


@pytest.mark.parametrize("space", [" ", "\u00a0", "\t"])
def test_spaced_slashes_part_a_title_whatever_the_spaces(space):
    # a forum's `Topic / Board / Forum`: a page's &nbsp; or a tab around the slashes too
    title = f"Replacing the fuel pump{space}/{space}Repairs{space}/ Example Forum"
    assert title_parts(title) == ("Replacing the fuel pump", "Repairs", "Example Forum")
    # once, a spaced slash is the headline's own
    assert title_parts(f"Tech conferences 2026{space}/ 2027") == (
        f"Tech conferences 2026{space}/ 2027",
    )
