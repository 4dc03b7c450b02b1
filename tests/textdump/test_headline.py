"""A dump's lines as headlines: a bar of links is none."""

from cleaner.textdump.headline import is_bar


def test_a_bar_of_links_is_told_from_a_title_of_parts():
    assert is_bar("Hacker Newsnew | past | comments | ask | show | jobs | submit")
    assert is_bar("关于财经网|关于我们|联系我们|广告合作|网站地图|About caijing.com.cn")
    assert not is_bar("Remote | Full-Time | Senior")  # three parts: an entry's fields
    assert not is_bar("5月LPR按兵不动：1年期为3.45%_经济_宏观频道首页_财经网 - CAIJING.COM.CN")
    assert not is_bar("Why my build is slow | Forum | Tools and Tips | Example Community Site")
