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


def test_split_page_title():
    assert split_page_title("Headline here - The Site") == ("Headline here", "The Site")
    assert split_page_title("只有标题") == ("只有标题", None)
