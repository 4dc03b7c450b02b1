"""The fields a text dump states: dates, authors, site names, a <title> split."""

import pytest

from cleaner.rules.cues import generic_cues
from cleaner.textdump.fields import find_date, find_field, split_page_title


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("发布时间:2018-06-22  来源:中国西藏网", "2018-06-22"),
        ("2023年11月08日 10:32", "2023-11-08"),
        ("Published March 14, 2024 at 6:05 pm", "2024-03-14"),
        ("Updated 5 Nov 2019", "2019-11-05"),
        ("2018-13-45 is not a date", None),
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
