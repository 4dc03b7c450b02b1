"""html/shown.py: the headline a page shows above its body, when its metadata title is a
site's name or menu, and the part of a title the body's first lines repeat."""

import pytest

from cleaner import Options, clean
from cleaner.html.shown import body_part

STORY = (
    "不得不承认，如果没有张曼玉在戛纳封后，就很少有人会去关注这部法国电影。",
    "阿萨亚斯也是法国电影手册的编辑，他从小到大都受着新浪潮的影响。",
    "因此我们在观赏这部电影时，同样可以看得到一些侯式电影的细微痕迹。",
    "特别是某些空镜头和长镜头的运用，让人想起他拍过的那部纪录片。",
)


def _page(title: str, heading: str, body: str = "", og: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p * 3}</p>" for p in STORY)
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    return (
        f"<html><head><meta charset=utf-8><title>{title}</title>{meta}</head><body>"
        "<table><tr><td><a href=/>首页</a> <a href=/ent>娱乐</a> <a href=/bbs>论坛</a></td></tr>"
        f"<tr>{heading}</tr><tr><td>{body}{paragraphs}</td></tr></table></body></html>"
    ).encode()


def _read(page: bytes, url: str | None = None, fast: bool = False, kind: str = "auto"):
    return clean(page, Options(detect_language=False, url=url, fast=fast, page_kind=kind))


@pytest.mark.parametrize("fast", [False, True])  # lxml's tree, and --fast's Lexbor tree
def test_a_site_name_as_title_gives_way_to_the_heading_shown_above_the_body(fast):
    page = _page("网易娱乐", "<td class='bt_title'>《清洁》：东方式内敛与摇滚现实绘</td>")
    read = _read(page, fast=fast)
    assert read.title == "《清洁》：东方式内敛与摇滚现实绘"
    assert read.paragraphs[0].startswith("不得不承认")
    # on a listing, the heading above the first entry is that entry's
    assert _read(page, fast=fast, kind="listing").title == "网易娱乐"
    # emphasis that fills its cell is a mark too
    page = _page("网易娱乐", "<td><b><font size=3>《清洁》：东方式内敛与摇滚现实绘</font></b></td>")
    assert _read(page, fast=fast).title == "《清洁》：东方式内敛与摇滚现实绘"


@pytest.mark.parametrize("fast", [False, True])
def test_a_font_that_fills_its_cell_marks_a_headline(fast):
    # trafilatura's reading unwraps <font>: the cell it filled keeps the mark
    headline = "《清洁》：东方式内敛与摇滚现实绘"
    heading = f"<td><img src=i.gif>\u3000<font color=#FFFBB5>{headline}</font></td>"
    assert _read(_page("网易娱乐", heading), fast=fast).title == "《清洁》：东方式内敛与摇滚现实绘"
    # a font that shares its cell with other text marks nothing
    heading = "<td>推荐 <font color=red>《清洁》：东方式内敛与摇滚现实绘</font> 更多影评</td>"
    assert _read(_page("网易娱乐", heading), fast=fast).title == "网易娱乐"


def test_a_mark_the_cues_take_for_boilerplate_is_no_headline():
    # a byline in a <font> stands nearer the body than the headline
    heading = (
        "<td class='bt_title'>巴黎举行“六四”意义座谈会</td></tr><tr><td><b><font color=green>"
        "作者：孙丰 来源：本站 发布日期：9/17/2004 5:54:13 AM</font></b></td>"
    )
    assert _read(_page("谢谢您访问〖关注中国中心〗", heading)).title == "巴黎举行“六四”意义座谈会"


def test_the_part_after_a_shown_headlines_colon_that_the_body_restates_is_the_headline():
    heading = "<td class='bt_title'>茉莉：我是怎样卷入八九民运的</td>"
    body = "<p>我是怎样卷入八九民运的</p><p>茉莉</p>"
    read = _read(_page("谢谢您访问〖关注中国中心〗", heading, body=body))
    assert read.title == "我是怎样卷入八九民运的"
    assert "我是怎样卷入八九民运的" not in read.paragraphs
    # a body that does not restate it: the whole shown headline
    read = _read(_page("谢谢您访问〖关注中国中心〗", heading))
    assert read.title == "茉莉：我是怎样卷入八九民运的"


@pytest.mark.parametrize("fast", [False, True])
def test_a_breadcrumb_title_gives_way_to_the_heading_the_body_opens_with(fast):
    # a body that speaks of 艺术教育 too; --fast's line classifier takes that heading for
    # the title, and the section's number below it for a menu's item: neither opens its body
    opening = (
        "<p><strong>中国艺术研究院2004年博士生招生简章</strong></p><p>一、培养目标：</p>"
        "<p>培养德智体美全面发展、从事艺术教育与艺术研究的高级专门人才，掌握坚实宽广的基础理论。</p>"
    )
    read = _read(_page("世艺网>艺术教育", "<td></td>", body=opening), fast=fast)
    assert read.title == "中国艺术研究院2004年博士生招生简章"
    # (trafilatura keeps the section's number; the heading is the title's, in both readings)
    opens = ["培养德智体美", "不得不承认，"] if fast else ["一、培养目标", "培养德智体美"]
    assert [p[:6] for p in read.paragraphs[:2]] == opens
    # not a path of names: the heading shares a word with the title and confirms it
    read = _read(_page("世艺网 艺术教育", "<td></td>", body=opening), fast=fast)
    assert read.title == "世艺网 艺术教育"


def test_a_title_line_with_a_long_run_of_spaces_is_its_words():
    # a mutated dump read as HTML (bench/fuzz.py): its first line, the title, holds 100,000
    # spaces, and the test for a path of names (`A > B`) scanned the rest of the run from
    # each of them: minutes for this page; now a run is one space first
    lines = [" ".join(p * 3 for p in STORY[i:]) for i in range(3)]
    data = "\n".join(["加强人工智能治理" + " " * 100_000 + "的十项建议", *lines]).encode()
    read = clean(data, Options(detect_language=False, input_format="html"))
    assert read.title == "加强人工智能治理 的十项建议"
    assert any(p.startswith(STORY[0]) for p in read.paragraphs)


def test_a_title_label_in_bold_opens_the_headline_shown_above_the_body():
    heading = "<td><b>主题：</b> 你知道导游为什么那么热衷于让你去商场购物吗？</td>"
    read = _read(_page("CCTV.com- 央视论坛 :: null", heading))
    assert read.title == "你知道导游为什么那么热衷于让你去商场购物吗？"
    # a label that is not a title's (`title_label`) opens no headline
    heading = "<td><b>简介：</b> 你知道导游为什么那么热衷于让你去商场购物吗？</td>"
    assert _read(_page("CCTV.com- 央视论坛 :: null", heading)).title != (
        "你知道导游为什么那么热衷于让你去商场购物吗？"
    )


def test_one_han_pair_of_a_light_title_in_the_body_does_not_confirm_it():
    heading = "<td class='bt_title'>惊爆日企操控华人女星黑幕</td>"
    body = "<p>娱乐圈里的事情总是一波未平一波又起，让人看不清其中的真相和原委。</p>"
    assert _read(_page("网易娱乐", heading, body=body)).title == "惊爆日企操控华人女星黑幕"
    # the body that names the site in full confirms the title
    body = "<p>网易娱乐的记者昨天采访了这位歌手，她谈到了自己在唱片公司的经历。</p>"
    assert _read(_page("网易娱乐", heading, body=body)).title == "网易娱乐"


@pytest.mark.parametrize("fast", [False, True])
def test_a_subtitle_the_page_sets_on_its_own_line_is_left_out_of_the_title(fast):
    title = "为现代化建设凝聚强大智慧和力量——热烈祝贺市政协会议开幕"
    heading = "<td><p>为现代化建设凝聚强大智慧和力量<div>——热烈祝贺市政协会议开幕</div></p></td>"
    assert _read(_page(title, heading), fast=fast).title == "为现代化建设凝聚强大智慧和力量"
    # a page that shows the whole title on one line keeps its dash and what follows it
    heading = f"<td><h1>{title}</h1></td>"
    assert _read(_page(title, heading), fast=fast).title == title


def test_a_title_the_body_confirms_stays_whatever_the_page_marks():
    # the <title> shares its words with the body: the marked line is a section's
    title = "张曼玉戛纳封后 法国电影新浪潮的细微痕迹"
    page = _page(title, "<td class='bt_title'>今日推荐影评</td>")
    assert _read(page).title == title
    # a page with og:title states its headline: never searched
    page = _page("网易娱乐", "<td class='bt_title'>今日推荐影评</td>", og="网易娱乐")
    assert _read(page).title == "网易娱乐"
    # a shown heading that shares a word with the title confirms it (the body does not)
    page = _page("内敛与摇滚的东方式", "<td class='title'>东方式内敛 #</td>")
    assert _read(page).title == "内敛与摇滚的东方式"


def test_a_light_title_gives_way_to_the_marked_line_the_body_opens_with():
    # `显示` shares a word with the body, but it is light and the body opens with a heading
    opening = "<p><strong><font>犬儒病（上）</font></strong></p>"
    page = _page("显示", "<td>显示 打印</td>", body=opening)
    read = _read(page)
    assert read.title == "犬儒病（上）"
    assert "犬儒病（上）" not in read.paragraphs  # the title's line, not the body's
    # ... not a heading above a body that opens otherwise, when the body has the title's words
    body = "<p>Software is what this page is about, and its body says so in a sentence.</p>"
    page = _page("Software", "<td class='bt_title'>犬儒病（上）</td>", body=body)
    assert _read(page).title == "Software"
    # ... but one pair of Han characters the body has is no such evidence (the body has 电影)
    page = _page("电影", "<td class='bt_title'>犬儒病（上）</td>")
    assert _read(page).title == "犬儒病（上）"
    # ... and not the page's topic its address names
    page = _page("电影", "<td>电影</td>", body=opening)
    assert _read(page, url="https://example.com/topic/电影").title == "电影"


def test_the_part_of_a_title_the_body_opens_with_is_the_headline():
    title = "第四届中国经济学年会会议议程_中国经济学年会秘书处_CN_北京大学中国经济研究中心"
    assert (
        body_part(title, ("第四届中国经济学年会", "一、开幕式")) == "第四届中国经济学年会会议议程"
    )
    assert body_part(title, ("一、开幕式",)) is None
    assert body_part("第四届中国经济学年会会议议程", ("第四届中国经济学年会",)) is None  # one part
    # a spaced dash sets off a subtitle: the title is one headline, not two parts
    review = "Star Wars Jedi: Fallen Order review – shoots for the moon, lands among the stars"
    assert body_part(review, ("shoots for the moon, lands among the stars",)) is None


@pytest.mark.parametrize("fast", [False, True])
def test_a_headline_shown_twice_above_the_body_is_the_title_and_not_the_bodys(fast):
    # no <title>, og:title or <h1>: the title is read off the visible text, where the page's
    # header shows the headline over its source's line and the story's top shows it again
    headline = "北京市儿童心理素质发展现状调查研究报告"
    page = (
        "<html><head><meta charset=utf-8></head><body>"
        "<div>首页\u3000组织机构\u3000工作动态\u3000纲要规划\u3000国际项目\u3000理论文摘</div>"
        f"<div>北京 &gt;&gt; 首页 &gt;&gt; 研究集萃</div><div>{headline}</div>"
        f"<div>http://www.qianlong.com/ 2005-03-06 16:17:00</div><div><p>{headline}</p>"
        "<p>北京市妇女儿童工作委员会儿童心理调研课题组</p><p>2003年5月</p>"
        + "".join(f"<p>{p * 3}</p>" for p in STORY)
        + "</div></body></html>"
    ).encode()
    read = _read(page, fast=fast)
    assert read.title == headline
    assert headline not in read.paragraphs


def test_fast_leaves_out_the_page_title_line_and_the_titles_repeat():
    # the visible text opens with the page's <title>, which the page does not show, and the
    # body run starts on it; the <h1> is the title, and its line at the body's top goes too
    title = "'Meth. We're On It': South Dakota campaign is working, Kristi Noem says"
    h1 = "South Dakota says, 'Meth. We're On It,' and Twitter asks, are you guys OK?"
    text = (
        "Travel insurance covers the costs of a trip that is cancelled, cut short or delayed, "
        "and it pays for medical care abroad when something goes wrong on the way."
    )
    body = "".join(f"<p>{text.replace('trip', f'trip {n}')}</p>" for n in range(5))
    page = (
        f"<html><head><meta charset=utf-8><title>{title}</title></head><body><h1>{h1}</h1>"
        f"<p>By Lisa Kaczke</p>{body}</body></html>"
    ).encode()
    read = clean(page, Options(fast=True, explain=True, detect_language=False))
    assert read.title == h1
    assert read.paragraphs[0].startswith("Travel insurance covers the costs of a trip 0")
    assert {(r.text, r.reason) for r in read.removed} >= {(title, "page-title")}
    # a thread's <title> is its question's heading, which its readers keep
    thread = clean(page, Options(fast=True, page_kind="thread", detect_language=False))
    assert thread.paragraphs[0] == title


AGENDA = (
    "本次年会共设二十三个专题，十一个分会场，每篇文章发言十到十五分钟，评论和讨论五到十分钟。",
    "会议期间将举行全体大会，邀请国内外知名经济学家就中国经济改革与发展的重大问题作主题演讲。",
    "参会代表请于报到当天领取会议材料，并按照会务组的安排入住指定酒店，会议不收取任何费用。",
)
AGENDA_TITLE = "第四届中国经济学年会会议议程_中国经济学年会秘书处_CN_北京大学中国经济研究中心"


def _agenda(heading: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in AGENDA)
    return (
        f"<html><head><title>{AGENDA_TITLE}</title></head><body><div><a href='/'>首页</a> "
        f"<a href='/news'>新闻</a></div>{heading}{body}</body></html>"
    ).encode()


@pytest.mark.parametrize("fast", [False, True])
def test_the_part_of_a_title_the_page_sets_above_its_body_is_the_title(fast):
    # the default reading's body opens with that part; --fast's line classifier chooses it
    # as the headline above the body, which its body leaves out
    read = _read(_agenda("<p><b>第四届中国经济学年会会议议程</b></p>"), fast=fast)
    assert read.title == "第四届中国经济学年会会议议程"
    assert read.paragraphs[0] == AGENDA[0]
    # an <h1> that shows the title whole keeps it whole
    assert _read(_agenda(f"<h1>{AGENDA_TITLE}</h1>"), fast=fast).title == AGENDA_TITLE


def test_a_heading_over_a_grid_of_entries_is_the_first_entrys_not_the_pages():
    # --fast read a shop's grid (a price under each name) on a page that states no kind:
    # the line marked above it is its first entry's field, as on a listing, not a headline
    items = [("Cast Iron Skillet Duo", "$88"), ("Enameled Dutch Oven Set", "$88")]
    items += [("Carbon Steel Wok Trio", "$26"), ("Grill Press Pair", "$28")]
    items += [("Handle Holder Set", "$15"), ("Seasoning Spray", "$20")]
    rows = "".join(f"<div>{name}</div><div>{price}</div>" for name, price in items)
    page = (
        "<html><head><meta charset=utf-8><title>Kitchen Supply Co.</title></head><body>"
        "<table><tr><td><a href=/>Home</a> <a href=/shop>Shop</a> <a href=/about>About</a></td>"
        f"</tr><tr><td class='bt_title'>Item Number: KS-000</td></tr><tr><td>{rows}</td></tr>"
        "</table></body></html>"
    ).encode()
    read = _read(page, fast=True)
    assert read.method == "text-fast+entries" and read.title == "Kitchen Supply Co."
