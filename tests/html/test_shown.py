"""html/shown.py: the headline a page shows above its body, when its metadata title is a
site's name or menu, and the part of a title the body's first lines repeat."""

import pytest

from cleaner import Options, clean
from cleaner.html.shown import body_part, heading_like

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
    page = _page("电影", "<td class='bt_title'>犬儒病（上）</td>")
    assert _read(page).title == "电影"
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


def test_a_heading_like_line_has_a_headline_s_weight_and_no_sentence_inside():
    assert heading_like("谁来为无序拆房“埋单”？- -")
    assert heading_like("What happened with Arch Linux ISO in 2024?")
    assert not heading_like("神奇，偶然掉在凡俗的临床上。")
    assert not heading_like("显示")  # too light
    assert not heading_like("更多>> 名家 版画 油画 国画")  # a menu
    assert heading_like("播客热潮迅速蔓延 挑逗传统传媒业")
    assert not heading_like("The store will not work correctly. Enable cookies to go on")


def test_marks_are_read_a_bounded_number_of_times():
    # each read of an element's text may cost the page's length: thousands of nested <b>s
    # (a fuzzed page) are read MARK_READS times at most, of each kind
    from resiliparse.parse.html import HTMLTree

    from cleaner.html.resiliparse_adapter import marked_texts
    from cleaner.html.shown import MARK_READS, marked_text, may_mark

    tree = HTMLTree.parse("<p>" + "<b>" * 2000 + "deep" + "</b>" * 2000 + "</p>")
    reads = []

    def counted(tag, names, text, block_text):
        reads.append(tag)
        return marked_text(tag, names, text, block_text)

    assert marked_texts(tree, counted, may_mark, MARK_READS) == []  # "deep": too light
    assert len(reads) == MARK_READS
