"""The cue prefilters (first character, length guard, keywords) never change which cue a line
matches: CueSet.match must agree with trying every cue in priority order."""

import importlib
import pkgutil
import re

import pytest
from conftest import FIXTURES, SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.decode import decode_bytes
from cleaner.rules.cuefiles import build_cueset, cues_from_directives, generic_cues
from cleaner.rules.cues import Cue, CueSet
from cleaner.rules.format import parse_rule_text
from cleaner.rules.literals import shape, slow_on_spaces
from cleaner.textdump.features import line_cues

GUARD = FIXTURES / "gold-guard.txt"  # body lines of many sites
SCRIPTS = [(True, True), (True, False), (False, True)]


def as_read(line: str) -> Cue | None:
    """The cue a dump's line gets as the classifier reads it (its scripts told by its letters:
    a line without Latin letters, `• #3`, meets no cue of a Latin-only file)."""
    return line_cues([line], generic_cues())[0][1]


def brute_force(cues: CueSet, line: str, cjk: bool, latin: bool) -> Cue | None:
    for cue in cues.cues:
        if (cue.scope == "cjk" and not cjk) or (cue.scope == "latin" and not latin):
            continue
        if cue.pattern.search(line):
            return cue
    return None


def sample_lines() -> list[str]:
    lines = []
    for raw in sorted(SAMPLES.glob("*/raw.*")):
        text = decode_bytes(raw.read_bytes()).text
        lines += [line.strip() for line in text.splitlines() if line.strip()]
    guard = GUARD.read_text(encoding="utf-8").splitlines()
    return lines + [line.strip() for line in guard if line.strip()]


def test_every_sample_line_matches_as_without_prefilters():
    cues = generic_cues()
    lines = sample_lines()
    assert len(lines) > 500
    matched = 0
    for line in lines:
        for cjk, latin in SCRIPTS:
            expected = brute_force(cues, line, cjk, latin)
            assert cues.match(line, cjk, latin) is expected, line
            matched += expected is not None
    assert matched > 20  # the samples do hold boilerplate lines


# Lines built from the cues' own vocabulary, so that prefilters are actually exercised.
_PIECES = [
    "图为",
    "原标题：",
    "来源：",
    "责任编辑",
    "2024-05-12",
    "12:30",
    "©",
    "copyright",
    "We use cookies",
    "Photo: ",
    "by ",
    "Share",
    "相关新闻",
    "发表评论",
    "记者 王明 摄",
    "正文",
    "的",
    "。",
    "，",
    " ",
    ">",
    "»",
    "a",
    "Z",
    "1",
    "点击：",
    "23",
    "【",
    "】",
    "分享到",
    "免责声明",
    "subscribe to our newsletter",
    "Log in to comment",
    "字体大小：大 中 小",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12), st.sampled_from(SCRIPTS))
def test_built_lines_match_as_without_prefilters(pieces, script):
    cues = generic_cues()
    line = "".join(pieces).strip()
    if line:
        assert cues.match(line, *script) is brute_force(cues, line, *script)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_arbitrary_text_matches_as_without_prefilters(line):
    cues = generic_cues()
    assert cues.match(line) is brute_force(cues, line, True, True)


@pytest.mark.parametrize(
    "line", ["İÇERİĞİN DEVAMI", "İçeriğin devamı aşağıda", "REKLAM İÇERİĞİN DEVAMI"]
)
def test_a_keyword_is_found_where_the_case_blind_regex_matches(line):
    # str.lower() makes `İ` two characters (`i` and a combining dot) and keeps `ı`; the regex
    # takes both for an `i`: the keyword search must too, or a cue that waits for its keyword
    # never runs
    pattern = re.compile(r"^(?=.{0,80}$).*(içeriğin devamı|reklam yok)", re.IGNORECASE)
    cues = CueSet([Cue("drop_line", "ad", pattern)])
    assert cues.match(line) is cues.cues[0]


@pytest.mark.parametrize(
    ("pattern", "starts", "not_starts", "limit"),
    [
        (r"^(?=.{0,40}$)(图为|上图)", "图上", "下a", 41),
        (r"^[\[【]?\s*(原标题)\s*[:：]", "[【原", "标x", None),
        (r"^\d{1,2}:\d{2}$", "09", "a:", None),
        (r"^(home|menu)\b", "hHmM", "x", None),  # case-insensitive like every cue
    ],
)
def test_shape_reads_first_characters_and_length(pattern, starts, not_starts, limit):
    found = shape(re.compile(pattern, re.IGNORECASE))
    head = re.compile(found.head)
    assert all(head.match(c) for c in starts)
    assert not any(head.match(c) for c in not_starts)
    assert found.limit == limit


@pytest.mark.parametrize(
    "pattern", [r"(图为)", r"^.*图为", r"^(?=.{0,40}$).*图为", r"^a?", r"^(a|)b"]
)
def test_shape_gives_no_head_where_any_character_can_start(pattern):
    found = shape(re.compile(pattern))
    if pattern == r"^(a|)b":
        assert re.compile(found.head).match("b")  # the empty branch lets `b` start
    else:
        assert found.head is None


def test_site_rule_cues_are_prefiltered_too():
    text = "drop_line(promo): ^(?=.{0,30}$).*限时优惠\ndrop_line(tag): ^标签[:：]\n"
    cues = build_cueset(cues_from_directives(parse_rule_text(text, "site.txt")[0]))
    for line in ["今日限时优惠", "标签：经济", "限时优惠" + "很长" * 20, "正文", "其他标签：无"]:
        assert cues.match(line) is brute_force(cues, line, True, True)
    assert cues.match("今日限时优惠").reason == "promo"
    assert cues.match("限时优惠" + "很长" * 20) is None  # past the pattern's own length guard


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Home > Docs > Advanced usage", "breadcrumb"),
        ("首页 » 新闻 » 国内", "breadcrumb"),
        ("#> <class 'int'>", None),  # a prompt's output in a code block
        ("<p><input type=text name=username>", None),  # markup shown as code
        ("User ID: 3f2a9c1e-77b0-4d2a", "cookie"),  # a consent centre's record
        ("timestamp: Event time-stamp.", None),  # an API's field
        # a recommendation box's heading, its ellipsis or colon aside, in several languages
        ("You may also like...", "recommended"),
        ("Você pode gostar…", "recommended"),
        ("Vous aimerez aussi :", "recommended"),
        ("You may like the way it looks.", None),  # a sentence
        ("By Bill Hoppe | Special to the Pioneer Press", "metadata"),  # a contributor's byline
        ("Special to CNN", "metadata"),
        ("Special to the occasion, a cake was baked.", None),
        # a forum post's where and when (XenForo, Invision)
        ("Discussion in 'Social Networks' started by AjayJunkies, May 5, 2024", "metadata"),
        ("March 19, 2024 in Build Hardware Troubleshooting", "metadata"),
        ("March 19, 2024 in the morning the council met again.", None),
        # a quoted post's expander (XenForo), and a sentence that says the same
        ("Click to expand...", "forum"),
        ("Click to expand the menu of options.", None),
        # Stack Exchange's buttons and a user card, XenForo's browser notice, a form's message
        ("Improve this answer", "forum"),
        ("Follow this question to receive notifications", "forum"),
        ("12.3k5 gold badges40 silver badges60 bronze badges", "forum"),
        ("Draft saved", "forum"),  # its answer form, and a sentence about a draft
        ("Required, but never shown", "forum"),
        ("• Asking for help, clarification, or responding to other answers.", "forum"),
        ("The draft saved us a week of work on the bridge.", None),
        ("Sign up for our newsletter", "newsletter"),  # a promo, and an article's advice
        ("Subscribe to newsletter", "newsletter"),
        ("Subscribe to the Pick Six newsletter for the best picks every week.", "newsletter"),
        ("Get new programming jobs by email every morning.", "newsletter"),
        ("Receive the latest local updates in your inbox", "newsletter"),
        ("Get a refund by email within 30 days of purchase.", None),
        ("Subscribing to their newsletter often gives access to promotions.", None),
        ("Follow news sources and subscribe to industry newsletters to stay informed.", None),
        ("Updated: May 3, 2024", "metadata"),  # a date's line, and a product's change
        ("Posted by Jane Doe", "metadata"),
        ("Co-authored by Danny Gordon and Hannah Madden", "metadata"),
        ("Reviewed by Brunilda Nazario, MD 02/29/2024", "metadata"),
        ("Reviewed by the board in March, the plan was approved.", None),
        ("Last updated Tue 5 Nov", "metadata"),
        ("Updated 2 hours ago", "metadata"),
        ("Updated APU to 6 nm for better efficiency", None),
        ("Posted Images", "forum"),
        ("• 3 days ago", "metadata"),  # a post's age or a reading time, bulleted
        ("• 12 min read", "metadata"),
        ("• 3 days ago we met the mayor", None),
        # a reading time after a byline or date, alone, or labelled; a sentence that reads one
        ("Bryan DeArdo • 1 min read", "metadata"),
        ("Nov 18, 2019 at 9:24 pm ET • 2 min read", "metadata"),
        ("mins read", "metadata"),
        ("Reading time 17 minutes", "metadata"),
        ("It takes 5 min to read the whole report.", None),
        ("Reading time matters more than length for most readers.", None),
        # a post's age after its author's name, and a sentence that ends in one
        ("Alan Woinski and Kim Woinski | 3 days ago", "metadata"),
        ("Lance S. 4 months ago", "metadata"),
        ("The storm hit the coast 3 days ago", None),
        # a date bulleted, or glued to its time by a dump, and a sentence with a date in it
        ("• February 15, 2018", "metadata"),
        ("May 10, 20243:55 PM ET", "metadata"),
        ("May 10, 2024 was the day the storm reached the coast and the lights went out.", None),
        ("Nov.November 18, 2019 12:02 PM", "metadata"),  # the month short and whole
        # a post's time (a reply's, a feed's ISO stamp), and a sentence or version with numbers
        ("May 19 at 14:42", "metadata"),
        ("10/05/2024 12:24 pm", "metadata"),
        ("03/12/15 04:39 PM", "metadata"),
        ("2019-11-13T23:06:00+01:00", "metadata"),
        ("2019-11-19 10:07:33 +08:00", "metadata"),
        ("May 19 at 14:42 the storm reached the coast.", None),
        ("3.12.15", None),
        # a carousel's and a dialog's buttons, a teaser's link, and a sentence about a slide
        ("Previous Slide", "prev-next"),
        ("Next slide", "prev-next"),
        ("×", "navigation"),
        ("Read More »", "navigation"),
        ("Next slide shows the results of the survey.", None),
        # a post's score and likes, a profile's fields bulleted, a thread's own furniture
        ("744 upvotes · 85 comments", "forum"),
        ("3.6K upvotes · 401 comments", "forum"),
        ("5 people like this.", "forum"),
        ("• Posts: 1", "forum"),
        ("Registered: 2016-07-02", "forum"),
        ("Top Posters In This Topic", "forum"),
        ("| Show 2 more comments", "forum"),
        ("Please Log in or Create an account to join the conversation.", "forum"),
        ("Registered users can post photos of their own.", None),
        # a post's age abbreviated, a date with dashes, a pager's links
        ("1H ago", "metadata"),
        ("• 32m ago", "metadata"),
        ("12-03-2024 20:34", "metadata"),
        ("• Prev", "prev-next"),
        ("• End", "prev-next"),
        ("Prev Up Next", "prev-next"),
        ("Next", None),  # a template's text in a post's code, as well as a pager's
        ("#2 2025-11-02 06:23:21", "forum"),  # a post's number and time
        ("04-13-2023, 01:42 PM", "metadata"),
        ("Sort by:", "navigation"),
        ("Open comment sort options", "navigation"),
        # a byline's label alone, a sign-up box's heading and fine print, a shop's and a
        # newsroom's buttons, and lines that only begin like them
        ("Written by", "metadata"),
        ("By", "metadata"),
        ("By clicking and subscribing you agree to our", "newsletter"),
        ("Stay up to date", "newsletter"),
        ("View Cart", "navigation"),
        ("Submit correction", "navigation"),
        ("Written by hand, the letters took a week to reach the coast.", None),
        ("Written byby Rebecca MacFarlane", "metadata"),  # the label and its link's `by` as one
        # a deleted post's placeholder, and a sentence about a deleted post
        ("This post is deleted!", "forum"),
        ("(post deleted by author)", "forum"),
        ("[removed]", "forum"),
        ("This post was deleted because it was spam and the thread went on.", None),
        # a post's vote buttons, wpForo's topic starter label (in Portuguese), a side panel's
        # viewers and counts; and sentences that begin like them
        ("Click for thumbs down.0Click for thumbs up.5", "forum"),
        # a share button bulleted, a video player's controls, and a sentence about captions
        ("• Share", "share"),
        ("• Closed Captioning", "player"),
        ("Tap to unmute", "player"),
        ("Closed captioning is available for the whole broadcast on Channel 4.", None),
        ("Topic starter Postado : 6/05/2024 8:51 pm", "forum"),
        ("Visitando este tópico no momento: 1 Guest.", "forum"),
        ("4 Fóruns", "forum"),
        ("The topic starter said on Monday that he would leave.", None),
        ("Recent posts show that the council voted twice.", None),
        ("Stay up to date on vaccines before you travel abroad.", None),
        # an affiliate's notice, and a sentence about commissions
        ("We may earn a commission from links on this page.", "disclaimer"),
        ("As an Amazon Associate I earn from qualifying purchases.", "disclaimer"),
        ("We earn a commission on every sale we make, so the company grew fast.", None),
        # a sign-up's prompts and thanks, and a sentence that only begins like one
        ("Want more stories like this?", "newsletter"),
        ("You have succesfully subscribed. Thank you!", "newsletter"),
        ("Stay up to date with Ascom.", "newsletter"),
        ("Stay up to date with the weather by checking the forecast before you set out.", None),
        # a table of contents' label, and a sentence about one
        ("Table of Contents", "navigation"),
        ("On this page", "navigation"),
        ("The table of contents lists every chapter of the report.", None),
        # a forum post's number and its reactions, and a line that only begins with a number
        ("• #3", "forum"),
        ("Reactions: pnomes and celia17", "forum"),
        ("#2 on the list was the best of them all", None),
        # a breadcrumb under its label, and a sentence that begins like one
        ("You are here: start > searching", "breadcrumb"),
        ("Vous êtes ici : Accueil › Actualités", "breadcrumb"),
        ("You are here to learn, so ask away.", None),
        # an account's links side by side, and a sentence with them
        ("Log In Register", "navigation"),
        ("Sign in | Sign up", "navigation"),
        ("Register to join the club and sign in every week.", None),
        # a search box's prompt, a shop's shipping banner and "Home Page"; a product's perk
        ("Type to search products", "navigation"),
        ("What are you looking for?", "navigation"),
        ("Type to search for yourself what the best option is today.", None),
        ("Free Shipping over $99", "promo"),
        ("Free delivery on orders over £50", "promo"),
        ("Free shipping on every order", None),
        ("Home Page", "navigation"),
        # bbPress's counts around a topic's posts, and sentences about a topic
        ("Viewing 4 posts - 1 through 4 (of 4 total)", "forum"),
        ("Viewing 4 reply threads", "forum"),
        ("• This topic has 4 replies, 2 voices, and was last updated 1 year ago by Ken.", "forum"),
        ("Viewing 4 posts was all it took to convince me.", None),
        # ... a bbPress post's header (its stamp and number, its author's role)
        ("• 2021-05-24 at 10:55 am #7018", "forum"),
        ("Keymaster", "forum"),
        ("Participant", "forum"),
        ("Every participant got a certificate.", None),
        ("This topic has 4 replies from the council, each longer than the last.", None),
        # a Stack Exchange post's stamp and a question's views, and a sentence with a date
        ("asked Feb 11, 2011 at 23:49", "forum"),
        ("edited May 12 at 10:30", "forum"),
        ("Commented Sep 19, 2016 at 14:47", "forum"),
        ("Modified 9 months ago", "forum"),
        ("Viewed 12k times", "forum"),
        ("He asked May 12 at noon", None),
        # ... an edit's stamp, a link aggregator's entry stamp, and sentences about edits
        ("Last edited: Jul 6, 2024", "forum"),
        ("Edited July 5, 2023 by Genady", "forum"),
        ("last edited 12 years ago", "forum"),
        ("Last edited by Monash; 12 Jul 22,, 02:55.", "forum"),
        ("1 point by breve 0 minutes ago | hide | past | discuss", "forum"),
        ("via scvalex 1 year ago | | 12 comments", "forum"),
        ("Last edited by the council in 2019, the plan was never adopted.", None),
        ("Traveled via Chicago 3 days ago and flew home.", None),
        ("Edited by John Smith", None),
        ("Register a new account", "forum"),
        ("Already have an account? Sign in here.", "forum"),
        ("We improve this answer every year by asking readers.", None),
        ("You should upgrade or use an alternative browser.", "notice"),
        ("Thank you! Your submission has been received!", "form"),
        ("Learn more", "navigation"),
        ("Learn more about the council's plans.", None),
        # a comment section's heading, plural or counted, and a field's or example's label
        ("Responses", "comments"),
        ("1 Response", "comments"),
        ("12 Responses:", "comments"),
        ("response:", None),  # an API's hook (`hooks={'response': …}`)
        # a shop's reviews widget ends the product's text; a service's testimonials do not
        ("Share your thoughts!", "comments"),
        ("Write a review", "comments"),
        ("Reviews (5)", "comments"),
        ("Be the first to review this item", "comments"),
        ("Customer reviews", None),
        ("Response:", None),
        # a share bar read a link a line, and a platform named as a subheading or a letter
        ("• Facebook", "share"),
        ("• Instagram", "share"),
        ("Facebook", None),
        ("• X", None),
    ],
)
def test_generic_cues_tell_boilerplate_from_code_and_api_fields(line, reason):
    found = as_read(line)
    assert (found.reason if found else None) == reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("发布时间：2005-03-15 22:36", "metadata"),
        # the time after a forum's other fields
        ("〓 网易娱乐 明星话题 发布时间 2005/03/15 22:36:13 by duscha 〓", "metadata"),
        ("作者：张三 發表時間：2004年9月17日", "metadata"),
        # a sentence about a publication, no stated time
        ("这份报告的发布时间一再推迟，直到今年春天才与公众见面。", None),
        # a thread's index of replies, and a post's reader counter
        ("| 回复线索：", "related"),
        ("- 参与旅行社的一般都是弱势群体……【梅骏！】08-11 16:58 138字 [140/0]", "related"),
        ("您是本文第 154 个阅览者", "metadata"),
        ("第 3 位读者在文中留下的问题，我们下一期再谈。", None),  # no counter: a sentence
        ("他在【新闻频道】发表了一篇文章，全文约3000字。", None),
        # a source or a byline, and an interview's question and remark after its label
        ("来源：太原晚报 2021-11-25 16:26:07", "metadata"),
        ("作者：芊草凡凡 \xa0\xa0时间：2005-08-22 19:13:18", "metadata"),
        ("记者：你们的农机大市场在哪？", None),
        # a date with the source after it, a post's author and time, and sentences with dates
        ("2022.01.20 16:31 来源：河南日报客户端", "metadata"),
        ("2024-05-09 22:30·新华社", "metadata"),
        ("ggjjzhzz 发表于 2005-9-15 11:46:00", "metadata"),
        ("发表于 2024-4-5 23:20:45 | 只看该作者 来自 - 贵州遵义 |倒序浏览 |阅读模式", "metadata"),
        ("发布于 2024-04-03 09:55・IP 属地重庆", "metadata"),
        # an answer's counts and a thread's buttons, and a sentence that counts commenters
        ("1 人赞同了该回答", "forum"),
        ("0个评论", "forum"),
        ("倒序看帖", "forum"),
        ("你对这个回答的评价是？", "forum"),
        ("12个评论者认为这篇文章写得很好，值得一读。", None),
        ("2022.01.20那天，来源不明的消息传遍了整个小区，大家议论纷纷，谁也说不清楚。", None),
        ("他的论文发表于2005年5月12日的学术期刊上，引起了学界对这个问题的广泛讨论。", None),
        ("2022年1月20日来源于网络的一条消息称，小区的供暖将推迟到下周。", None),
        ("记者：这么看你平时也很关注国家的相关农业政策，所以你也是农业专家了。", None),
        # a font-size toolbar, bracketed or with its other buttons, and a document's number
        ("【字体：大\u3000中\u3000小】", "metadata"),
        ("字級：小 中 大 列印 轉寄", "metadata"),
        ("发文字号：\t\t吉政明电〔2022〕1号", None),
        # a share prompt, and a sentence that shares
        ("分享到：", "share"),
        ("扫一扫，手机接着读", "share"),
        ("作为该派中一员，他就能分享到一份胜利者的光荣。", None),
        # a footer's copyright, and a sentence about a copyright's owner
        ("云南日报报业集团 版权所有，未经许可不得转载", "copyright"),
        ("美国唱片工会表示：“播客在使用其它音乐时，一定要获得版权所有者或制作人的许可。”", None),
        # counters without a colon, a trackback address, and sentences about reading
        ("（本文发表于首页批评与建议，已被阅读123次）", "metadata"),
        ("57人参与11评论", "metadata"),
        ("阅读 1234", "metadata"),
        ("本文通告引用（trackback）链接：/wp-trackback.php?p=12", "metadata"),
        ("这本书已被阅读了很多次，读者很多。", None),
        # a comment section's count, after the story's title or alone, and a sentence
        ("《播客热潮迅速蔓延 挑逗传统传媒业》已有1件评论", "comments"),
        ("8条评论", "comments"),
        ("这篇文章已有8条评论指出了其中的问题。", None),
        # a bar of links with the home page among them, and a sentence about a home page
        ("首页|新闻|图片|评论|共青团", "navigation"),
        ("孩子，夏令营让你得到了什么？- -| 回首页 | 2005年索引 | - -浴室都安全吗?", "navigation"),
        ("首页\xa0|\xa0上一页\xa01\xa0下一页\xa0|\xa0尾页", "navigation"),
        ("用户可以把网站设为首页，也可以收藏它。", None),
        # a toggle's buttons alone, and a sentence that shows
        ("显示", "navigation"),
        ("隱藏", "navigation"),
        ("显示结果表明，这个方法比原来的快。", None),
        # a deleted post's placeholder, and a sentence about deleting one
        ("此回复已被删除！", "forum"),
        # an answer's vote buttons, a question's counters' labels, a thread's filter button
        ("抢首赞 已赞过 已踩过<", "forum"),
        ("关注者", "forum"),
        ("仅看楼主", "forum"),
        ("关注者越来越多，他决定继续写下去。", None),
        ("该帖子已被屏蔽", "forum"),
        ("我们删除了此回复中的广告，帖子其余部分保留。", None),
        ("他阅读了1234页的报告，然后写下了自己的看法。", None),
    ],
)
def test_chinese_metadata_and_forum_lines(line, reason):
    found = as_read(line)
    assert (found.reason if found else None) == reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "When you visit any website, it may store or retrieve information on your browser,"
            " mostly in the form of cookies.",
            "cookie",
        ),  # a consent centre's standard introduction
        (
            "These technologies help us understand how our site is used or performs, how users"
            " engage with and navigate through the site.",
            "cookie",
        ),
        ("Analytics/Performance Cookies and Pixel Tracking", "cookie"),
        ("Social Media Cookies", "cookie"),
        ("Strictly Necessary or Essential Cookies", "cookie"),
        # an article about technology is no banner
        ("These technologies help farmers measure soil moisture across large fields.", None),
        ("Delete cookies", None),  # a how-to's step
    ],
)
def test_consent_centres_texts_are_cookie_lines(line, reason):
    found = as_read(line)
    assert (found.reason if found else None) == reason


def test_no_generic_pattern_is_quadratic_in_a_run_of_spaces():
    cues = generic_cues()
    patterns = [(c.origin, c.pattern.pattern) for c in cues.cues]
    patterns += [(field, pattern.pattern) for field, pattern in cues.fields]
    assert [origin for origin, source in patterns if slow_on_spaces(source)] == []


def test_no_pattern_of_the_code_is_quadratic_in_a_run_of_spaces():
    # every module-level pattern of the package (bench/fuzz.py --seed 67: a title line of
    # 75,000 spaces before its last word took 36 s in `[\s:：]+$`, stripping a lead-in's colon)
    found = []
    for module in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if module.name != "cleaner.__main__":  # (it runs the command line)
            for name, value in vars(importlib.import_module(module.name)).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found += [f"{module.name}.{name}"] * slow_on_spaces(value.pattern)
    assert found == []


def test_the_space_check_sees_the_shapes_it_names():
    assert slow_on_spaces(r"[\s:：]+$") and slow_on_spaces(r"\s*[>›]\s*")
    assert not slow_on_spaces(r"(?<![\s:：])[\s:：]+$")  # a match starts once a run
    assert not slow_on_spaces(r"[\s|]+")  # a run alone always matches
    assert slow_on_spaces(r"^\d{1,2}\s*日?\s*$")
    assert slow_on_spaces(r"^(积分)\s*[:：]?\s*\S$")
    assert not slow_on_spaces(r"^\d{1,2}\s*(日\s*)?$")
    assert slow_on_spaces(r"\s*[\[［](edit)[\]］]$")
    assert not slow_on_spaces(r"^(?=.{0,100}$)(posted)\s*:?\s*\S")  # a length guard bounds it


@pytest.mark.parametrize(
    "line",
    ["Your Answer", "Not the answer you're looking for? Browse other questions tagged python."],
)
def test_stack_exchanges_answer_form_ends_its_thread(line):
    found = as_read(line)
    assert (found.reason, found.kind) == ("forum", "cut_from")


def test_a_cue_sets_longest_match_is_its_longest_length_guard():
    guarded = [
        Cue("cut_from", "a", re.compile(r"^(?=.{0,40}$)about\s+(\w+)$", re.I)),
        Cue("cut_from", "b", re.compile(r"^(?=.{0,50}$)more\s+(\w+)$", re.I)),
    ]
    assert CueSet(guarded).longest == 51  # `$` also matches before a final newline: 50 + 1
    unguarded = Cue("drop_line", "c", re.compile(r"^share\b", re.I))
    assert CueSet([*guarded, unguarded]).longest == float("inf")
    assert CueSet([]).longest == 0
