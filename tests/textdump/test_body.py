from cleaner import Options, clean
from cleaner.rules.cuefiles import generic_cues
from cleaner.textdump.body import classify, densest_run
from cleaner.textdump.features import describe_all, table_rows

PARA = "这是一个足够长的正文段落，包含逗号和句号，用来模拟新闻正文的内容。它还有第二句话。"


def _verdict(lines: list[str], thread: bool = False, entries: bool = False):
    infos = describe_all("\n".join(lines), generic_cues(), defer=True)
    return classify(infos, generic_cues(), thread=thread, entries=entries)


def test_densest_run():
    assert densest_run([-3, -3, 10, -1, 20, -3]) == (2, 4, 29)
    assert densest_run([-1, -2]) == (-1, -1, 0.0)


def test_short_line_between_paragraphs_is_a_subheading():
    v = _verdict(["首页", "新闻", PARA, "小标题在这里", PARA])
    assert [v.lines[i].text for i in v.body] == [PARA, "小标题在这里", PARA]


def test_run_of_short_lines_outside_the_body_is_navigation():
    v = _verdict(["首页", "新闻", "体育", PARA, PARA, "关于我们", "联系我们"])
    assert v.removed[0] == "navigation" and v.removed[6] == "navigation"


def test_cut_marker_ends_the_body_only_after_most_of_it():
    comment = "这篇文章写得非常好，我完全同意作者的观点，希望以后多发这样的文章。"
    v = _verdict([PARA, PARA, PARA, "发表评论", comment, comment])
    assert v.removed[3] == "comments" and v.removed[4] == "comments"
    early = _verdict(["发表评论", PARA, PARA, PARA])
    assert len(early.body) == 3


def test_a_thread_keeps_its_posts_across_the_furniture_between_them():
    reply = "我也遇到过这个问题，后来把驱动重新装了一遍就好了，你可以试试。"
    furniture = ["张三", "2024-05-12", "回复", "引用", "举报", "李四"]
    dump = ["首页", "论坛", PARA, PARA, *furniture, reply, *furniture, reply, "返回列表"]
    as_article = _verdict(dump)
    as_thread = _verdict(dump, thread=True)
    assert [as_article.lines[i].text for i in as_article.body] == [PARA, PARA]
    assert [as_thread.lines[i].text for i in as_thread.body].count(reply) == 2
    assert "首页" not in [as_thread.lines[i].text for i in as_thread.body]


def test_cue_line_inside_the_body_is_removed_with_its_reason():
    v = _verdict([PARA, "图为工作人员在现场检查设备。", PARA])
    assert v.removed[1] == "caption" and len(v.body) == 2


def test_no_body_at_all():
    v = _verdict(["首页", "新闻"])
    assert v.body == () and set(v.removed.values()) == {"navigation"}


EN = (
    "The council voted on Tuesday night to add protected bike lanes to four downtown streets, "
    "ending a debate that has run for more than two years."
)
TEASER = "People crowded into a public meeting on Tuesday to weigh in on it."  # weight 13


def test_a_cue_line_counts_as_boilerplate_not_as_a_gap():
    # a copyright line scored 0 let the body run on through a short footer to a teaser
    footer = ["Copyright 2019 Example News.", "76", "Currently in", "Honolulu, HI", "Sponsored By"]
    v = _verdict([EN, EN, *footer, TEASER])  # as a gap: 0 - 4 * 3 + 13 > 0, the teaser joined
    assert [v.lines[i].text for i in v.body] == [EN, EN]
    assert v.removed[2] == "copyright" and v.removed[7] == "outside-body"


def test_forum_furniture_and_counters_are_cues_but_code_is_not_a_breadcrumb():
    cues = generic_cues()
    reasons = {
        line: (cues.match(line).reason if cues.match(line) else None)
        for line in ("1.2k", "#12", "Posts: 131", "Joined: Aug 2019", "Reply", "12 replies",
                     "7 Likes", "1 reaction", "Likes of the week",
                     "只看该作者", "积分 1530", "沙发", "$this->currentPage = $page;",
                     "Home > News > World", "首页>新闻>正文", "Re: Best forum software?",
                     "回复：关于房价的讨论", "Re:Zero − Starting Life in Another World")
    }  # fmt: skip
    assert reasons == {
        "1.2k": "counter",
        "#12": "counter",
        "Posts: 131": "forum",
        "Joined: Aug 2019": "forum",
        "Reply": "forum",
        "12 replies": "forum",
        "7 Likes": "forum",
        "1 reaction": "forum",
        "Likes of the week": None,
        "只看该作者": "forum",
        "积分 1530": "forum",
        "沙发": "forum",
        "$this->currentPage = $page;": None,
        "Home > News > World": "breadcrumb",
        "首页>新闻>正文": "breadcrumb",
        "Re: Best forum software?": "forum",
        "回复：关于房价的讨论": "forum",
        "Re:Zero − Starting Life in Another World": None,
    }


def test_anchored_run_starts_near_the_anchor_and_stops_when_it_runs_dry():
    from cleaner.textdump.body import anchored_run

    scores = [-3, 20, -3, 30, -50, 50, 50]
    assert anchored_run(scores, 0, 2) == (1, 3, 47)  # not carried past the -50 to the far 100
    assert anchored_run(scores, 4, 5) == (-1, -1, 0.0)


def test_a_short_article_below_its_headline_beats_a_longer_list_of_teasers():
    teaser = "这是一条推荐阅读的标题，点击就可以查看全文？"  # punctuated: scores as body
    article = "本报讯，市政府今天发布了新的公交线路调整方案，涉及十二条线路，将于下月起实施。"
    menu = ["首页", "本地新闻", "国内", "国际", "财经", "体育", "娱乐", "科技", "汽车", "房产"]
    lines = ["公交线路调整方案发布_本地新闻_示例网", *menu, "公交线路调整方案发布"]
    lines += ["发布时间：2024-05-20", article, article, "分享到：", *menu, *menu, "热门排行"]
    lines += [teaser] * 12  # 12 x 12.6 outweighs the article (2 x 24), not 4 times over
    doc = clean("\n".join(lines).encode(), Options(input_format="text"))
    assert doc.title == "公交线路调整方案发布"
    assert doc.paragraphs == (article, article)


def test_a_comment_section_longer_than_the_article_is_still_cut():
    comment = (
        "I could not agree more with this piece, and I have been saying the same thing to "
        "anyone who would listen for years now, so thank you for writing it down so clearly."
    )
    lines = [EN] * 4 + ["34 responses to “Council approves bike lanes”"] + [comment] * 8
    v = _verdict(lines)
    assert [v.lines[i].text for i in v.body] == [EN] * 4
    assert v.removed[4] == "comments" and v.removed[12] == "comments"


def test_ordered_list_items_and_script_punctuation():
    urdu = "پاکستان نے دوسرا میچ جیت لیا۔"
    step = "2. Numbered step that is long enough to be a real paragraph of the article body."
    items = describe_all("\n".join(["1. Short headline here", step, urdu]), generic_cues())
    assert [i.bullet for i in items] == [True, False, False]
    assert items[2].punctuated
    # a Chinese site's numbered list (`1·…`: a blog's latest comments), its short items too
    rows = ["1·小伙子哈不错！支持你", "2·心如很漂亮的~", "2006年1月 (90)·更多", "1.5倍的速度"]
    assert [i.bullet for i in describe_all("\n".join(rows), generic_cues())] == [1, 1, 0, 0]


def test_cues_for_tails_bylines_and_other_languages():
    cues = generic_cues()
    expected = {
        "Komentarze (1)": "comments",
        "34 responses to “Council approves bike lanes”": "comments",
        "Das könnte Sie auch interessieren": "recommended",
        "你可能還想看": "recommended",
        "About the author": "author-bio",
        "Baca juga: Cuti Bersama di Jakarta": "related",
        "以上内容为创作者平台用户上传并发布，本平台仅提供信息存储空间服务。": "disclaimer",
        "2 / 11": "counter",
        "ByGizmodo Staff": "metadata",
        "By Mark Stetson on May 16, 2024": "metadata",
        "Bygone days are gone": None,
        "Recommended": "related",  # an inline box as often as a widget: the half-the-body rule
        "More in World": "recommended",
        "• More Washington Examiner": "recommended",
        "More Weather": None,  # a menu item as often: only bulleted, Title Case ends the body
        "More from UK": "related",  # inline boxes too: the half-the-body rule
        "Related coverage from\xa0How to Do Everything: Money:": "related",
        "Related\xa0articles": "related",  # a dump keeps the page's &nbsp;
        "These cookies are essential to provide you with our services.": "cookie",
        "NPR and our vendors use cookies and similar technologies to collect data.": "cookie",
        "Third-party cookies track users across sites, the regulator said on Monday.": None,
        "评论": "comments",  # a comment section's bare heading
        "【評論】": "comments",
        "文章评论(12)": "comments",
        "评论：这次调价对普通家庭影响有限。": None,  # a commentary paragraph, not a heading
        "评论员文章": None,
        "The biggest stories of the day delivered to your inbox.": "newsletter",
        "Join over 250,000 newsletter subscribers": "newsletter",
        "No spam, we promise. You can unsubscribe at any time.": "newsletter",
        "Pick Six Newsletter": "newsletter",
        "The paper sent its newsletter to 2,000 readers before the vote last year.": None,
        "Listen to Short Wave on Spotify, Apple Podcasts and Google Podcasts.": "podcast",
        "• Apple Podcasts": "podcast",
        "* Follow Official WhatsApp Channel Liputan6.com untuk mendapatkan berita.": "newsletter",
        "前言在战国时期，玉更被视作“美德”的象征，佩戴玉蝉已成风尚... [详细]": "teaser",
        "Esper is on a visit to Vietnam to strengthen the military relations ... more": "teaser",
        "He said more was to come... and more": None,
        "This copy is for your personal, non-commercial use only.": "copyright",
        "Want us to cover more about the sun? Email us at shortwave@npr.org.": "contact",
        "Executive producer: Vivian Trakinski": "credits",
        "Will you help us to continue this work?": "donation",
        "Email is how most of the staff reached us at first, she said.": None,
        "举报邮箱：jubao@vip.sina.com": "contact",
        "点击右上角微信好友": "share",
        "Tweet may have been deleted": "embed",
        "(hal/ara)": "editor",
        "İçeriğin Devamı Aşağıda": "ad",
        "Güncelleme Tarihi:": "metadata",
        "कॉपी लिंक": "share",
        "5 minutes": "metadata",
        "美官员否认伊朗直升机事故存在谋杀行为播报文章": "navigation",
        "39健康网（www.39.net）专稿，未经书面授权请勿转载。": "copyright",
        "推荐阅读：绥德交警：8月1日起，专项整治电动车违法行为": "related",
        "Read more: Alibaba poised to launch record-breaking Hong Kong listing": "related",
        "Opinion articles reflect the views of their authors, not necessarily those of X.": (
            "disclaimer"
        ),
        "ZOBACZ WIDEO: Wierzył w Pawła Przedpełskiego.": "related",
        "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.": "notice",
        "For more on lifestyle and health please visit Indiatimes Lifestyle.": "promo",
        "Find out what's happening in Murrietawith free, real-time updates from Patch.": (
            "newsletter"
        ),
    }
    found = {line: getattr(cues.match(line), "reason", None) for line in expected}
    assert found == expected


def test_a_count_of_no_comments_opens_no_comment_section():
    cues = generic_cues()
    assert cues.match("0 Comments").kind == "drop_line"  # a byline's count: only its own line
    assert cues.match("No comments").kind == "drop_line"
    assert cues.match("12 Comments").kind == "cut_from"  # a section that holds comments


def test_a_threads_furniture_repeated_at_every_post_does_not_part_its_posts():
    from cleaner import Options, clean

    # posts of 20 words, each under the dozen lines a forum sets beside it: as furniture
    # those lines cost a post less than unknown short lines do, and the posts are one body
    words = "people post their dates and offers here every week so the rest of us can follow"
    posts = [f"Post {n}: {words}." for n in range(4)]
    furniture = ["Full Member", "Joined", "Jun 29, 2016", "Messages", "11", "Reaction score",
                 "10", "Points", "4,726", "Pre-Medical", "Reply"]  # fmt: skip
    dump = ["Interview thread 2024 | Example Forums", "Home", "Forums"]
    for n, post in enumerate(posts):
        dump += [f"user{n}", *furniture, f"Jul {18 + n}, 2024", f"#{n + 1}", post]
    dump += ["Terms", "Privacy", "Help"]
    options = Options(url="https://forums.example.net/threads/interview-thread.1/", explain=True)
    doc = clean("\n".join(dump).encode("utf-8"), options)
    assert doc.page_kind.thread
    assert [p for p in doc.paragraphs if p in posts] == posts  # every post, one body
    assert not set(doc.paragraphs) & set(furniture)  # and none of the furniture
    assert {r.reason for r in doc.removed if r.text == "Reaction score"} == {"forum"}


STORY = "Hotel group opens its first resort in Lisbon after a year of delays and a new owner."


def test_a_listings_repeated_comment_counts_open_no_comment_section():
    # a listing shows `N comments` under every entry: the first is no comment section's
    # heading there; an article's own comment markers still cut (the test above)
    lines = []
    for n in range(6):
        lines += [STORY.replace("Lisbon", f"Lisbon ({n})"), EN, f"{n + 2} comments"]
    listing = _verdict(lines, entries=True)
    assert [listing.lines[i].text for i in listing.body].count(EN) == 6
    assert all(listing.removed[i] == "comments" for i in range(2, len(lines), 3))
    article = _verdict(lines)
    assert [article.lines[i].text for i in article.body].count(EN) < 6


MANUAL = [
    "The json module exposes an API familiar to users of the standard library marshal and "
    "pickle modules, and encodes basic Python object hierarchies as follows.",
    ">>> import json",
    ">>> json.dumps(['foo', {'bar': ('baz', None, 1.0, 2)}])",
    '\'["foo", {"bar": ["baz", null, 1.0, 2]}]\'',
    ">>> print(json.dumps({'c': 0, 'b': 0}, sort_keys=True))",
    '{"b": 0, "c": 0}',
    "Compact encoding:",
    ">>> json.dumps([1, 2, 3, {'4': 5, '6': 7}], separators=(',', ':'))",
    '\'[1,2,3,{"4":5,"6":7}]\'',
    ">>> from io import StringIO",
    ">>> io = StringIO()",
    ">>> json.dump(['streaming API'], io)",
    ">>> io.getvalue()",
    "'[\"streaming API\"]'",
    ">>> def as_complex(dct):",
    "...     if '__complex__' in dct:",
    "...         return complex(dct['real'], dct['imag'])",
    "...     return dct",
    "Decoding JSON works the other way round: the loads function turns a string holding a "
    "JSON document into the Python objects it describes, as the table below shows.",
]


def test_a_documentation_pages_code_lines_are_no_gap_in_its_body():
    infos = describe_all(
        "\n".join(["Home", "Library", *MANUAL, "Previous", "Next"]), generic_cues()
    )
    manual = classify(infos, generic_cues(), code=True)
    kept = [manual.lines[i].text for i in manual.body]
    assert kept == MANUAL  # the examples between the two paragraphs, and both paragraphs
    article = classify(infos, generic_cues())
    assert len(article.body) < len(MANUAL)  # as an article's, the examples part the body


def test_code_lines_are_kept_on_a_documentation_address_only():
    dump = "\n".join(["json — JSON encoder and decoder", "Home", "Library", *MANUAL]).encode()
    docs = clean(
        dump, Options(input_format="text", url="https://docs.python.org/3/library/json.html")
    )
    blog = clean(dump, Options(input_format="text", url="https://example.com/2024/05/json-tips"))
    assert docs.page_kind.kind == "documentation" and ">>> import json" in docs.paragraphs
    assert blog.page_kind.kind == "article" and ">>> import json" not in blog.paragraphs


FEATURES = [
    "• Water resistant: the pack is made of rip-stop nylon, which sheds rain and resists tears.",
    "• Comfortable: a padded back and breathable straps spread the load over your shoulders.",
    "• Reflective strips on both sides for walking home after dark",  # a feature, unpunctuated
    "• Roomy: forty litres in six pockets, with a sleeve for a laptop and a bottle on each side.",
]


def test_a_products_bulleted_features_are_its_body_and_a_blogs_list_is_not():
    # the shop's menu of short bulleted items stays out on both
    dump = ["Hiking Backpack 40L", "Home", "Products", "Contact", "Hiking Backpack 40L"]
    dump += ["Regular price $39.99 USD", "Sale Sold out", *FEATURES, "Share", "View full details"]
    dump += ["• FAQ", "• Shipping & Returns", "• Wholesale"]
    raw = "\n".join(dump).encode()
    shop = clean(raw, Options(input_format="text", url="https://shop.example.com/products/pack"))
    blog = clean(raw, Options(input_format="text", url="https://example.com/2024/05/packing"))
    assert shop.page_kind.kind == "product" and list(shop.paragraphs) == FEATURES
    assert blog.page_kind.kind == "article" and not set(FEATURES) & set(blog.paragraphs)


def test_a_products_list_of_features_between_its_paragraphs_stays_in_its_body():
    # unpunctuated features between the description and the note below them
    features = [
        "• Seven inch OLED screen with vivid colours and crisp contrast on the go",
        "• Wide adjustable stand for comfortable viewing on a table or a desk",
        "• Wired network port on the dock for a steady connection when playing",
        "• Sixty four gigabytes of storage to save games and screenshots on the system",
    ]
    description = (
        "Play at home on the television or on the go with a vibrant screen, a stand that "
        "holds it at any angle and a dock that connects it to your network."
    )
    note = (
        "This refurbished console has been inspected, restored and verified to be fully "
        "functional, and it comes with a one-year limited warranty."
    )
    body = [description, *features, note]
    dump = ["Console OLED Model", "Store", "Hardware", "Quantity", *body, "Support", "FAQ"]
    url = "https://store.example.com/products/console-oled"
    doc = clean("\n".join(dump).encode(), Options(input_format="text", url=url))
    assert list(doc.paragraphs) == body


def test_an_articles_list_of_prose_stays_in_its_body_and_teasers_after_it_stay_out():
    intro = (
        "Online students pay about a thousand dollars a class, and the price depends on where "
        "they live, which school they choose and how many credits they take each term."
    )
    findings = [
        "• In-state students at public universities pay an average of $40,536 for a degree.",
        "• Out-of-state students pay $59,011 on average for the same degree, online or not.",
        "• At the average private college, an online degree costs $63,185 in tuition alone.",
        "• The average online graduate student pays $1,099 per class, a little more than most.",
        "• Sixteen percent of colleges charge more for a degree earned online than on campus.",
        "• Most students who borrowed for an online degree have not yet paid off their debt.",
    ]
    outro = (
        "Fees vary by institution, and most schools charge program fees too; state schools "
        "often charge more to nonresidents, which may include those who study online."
    )
    teasers = [
        "• Ten ways to pay less for college, from grants to work-study and beyond, explained.",
        "• How student loans work, and what happens to them when you drop out of school.",
    ]
    dump = ["Average Cost of Online College", "Home", "Reports", *[intro, *findings, outro]]
    dump += ["Related reports", *teasers, "About", "Contact"]
    url = "https://example.org/average-cost-of-online-college"
    doc = clean("\n".join(dump).encode(), Options(input_format="text", url=url))
    assert doc.page_kind.kind == "article"
    assert list(doc.paragraphs) == [intro, *findings, outro]


def test_a_tables_rows_are_no_gap_in_the_body_they_stand_in():
    en = "The council published the standings after the last race of the season on Sunday."
    rows = [f"{n}\t\tDriver {chr(64 + n)}\t\t{5000 - n * 10}\t\t{n % 3}" for n in range(1, 13)]
    menu = ["Home", "Results", "Calendar", "Drivers"]
    v = _verdict([*menu, en, en.replace("Sunday", "Monday"), "Pos.\t\tDriver\t\tPoints\t\tWins",
                  *rows, en.replace("council", "league"), en.replace("race", "lap")])  # fmt: skip
    kept = [v.lines[i].text for i in v.body]
    assert kept[0] == en and kept[-1] == en.replace("race", "lap") and rows[5] in kept
    assert all(v.removed[i] == "navigation" for i in range(len(menu)))
    # rows of differing widths, or two rows, are no table: short lines as ever
    lines = describe_all("\n".join(["a\tb\tc", "a\tb", "a\tb\tc", "x\ty\tz"]), generic_cues())
    assert table_rows(lines) == []
    assert table_rows(describe_all("\n".join(rows[:3]), generic_cues())) == [0, 1, 2]
