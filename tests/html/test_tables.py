"""Layout tables read as blocks, data tables kept as tables (cleaner/html/tables.py), and what
that changes for a page laid out in nested tables."""

import pytest
from lxml.html import document_fromstring, fragment_fromstring

from cleaner import Options, clean
from cleaner.html.tables import is_data_table, unwrap_layout_tables

ROW = "<tr><td>a</td><td>b</td></tr>"


@pytest.mark.parametrize(
    ("markup", "data"),
    [
        (f"<table>{ROW * 3}</table>", False),  # 3 x 2 cells: too small to hold data
        (f"<table>{ROW * 6}</table>", True),  # 6 x 2 = 12 cells
        (f"<table>{ROW * 10}</table>".replace("<td>b</td>", ""), True),  # 10 rows
        ("<table><tr>" + "<td>x</td>" * 5 + "</tr></table>", True),  # 5 columns
        (f"<table><thead><tr><th>h</th></tr></thead>{ROW}</table>", True),
        (f"<table><caption>Results</caption>{ROW}</table>", True),
        (f"<table summary='prices'>{ROW}</table>", True),
        (f"<table role='presentation'>{ROW * 6}</table>", False),
        (f"<table datatable='0'>{ROW * 6}</table>", False),
        (f"<table><tr><td><table>{ROW * 6}</table></td></tr></table>", False),  # a frame
        # a window frame of five image columns around the page's headline and text
        (
            "<table><tr>"
            + "<td><img src=c.gif></td>" * 2
            + "<td><h1>Guide</h1><p>text</p></td>"
            + "<td><img src=c.gif></td>" * 2
            + "</tr></table>",
            False,
        ),
        ("<table><thead><tr><th>h</th></tr></thead><tr><td><h2>A</h2></td></tr></table>", True),
    ],
)
def test_data_tables_are_told_from_layout_tables(markup, data):
    assert is_data_table(fragment_fromstring(markup)) is data


def test_a_table_set_as_a_figure_holds_data_whatever_its_size():
    # a post's table block (WordPress writes <figure class="wp-block-table">): 5 x 2 cells
    figure = fragment_fromstring(
        f"<figure class='wp-block-table'><table>{ROW * 5}</table></figure>"
    )
    assert is_data_table(figure.find("table")) is True
    assert (
        is_data_table(fragment_fromstring(f"<div><table>{ROW * 5}</table></div>").find("table"))
        is False
    )


def test_unwrapping_keeps_the_data_table_inside_a_layout_table():
    tree = document_fromstring(
        "<html><body><table><tbody><tr><td>menu</td><td>"
        f"<p>body</p><table>{ROW * 6}</table>"
        "</td></tr></tbody></table></body></html>"
    )
    assert unwrap_layout_tables(tree) == 1
    outer = tree.find("body")[0]
    assert outer.tag == "div"
    # the frame's body and row dissolve: its cells are its blocks, in order, text and all
    assert [child.tag for child in outer] == ["div", "div"]
    assert outer[0].text == "menu" and outer[1][0].text == "body"
    # the data table's rows and cells stay
    assert [e.tag for e in outer.iter() if e.tag in ("tbody", "tr", "td")] == ["tr", "td", "td"] * 6
    assert len(tree.findall(".//table")) == 1


CELL_MENU = "".join(f"<a href='/c{i}'>频道{i}</a> | " for i in range(12))
PARAGRAPHS = [
    "据新华社报道，本市今年共新建社区图书馆四十二座，覆盖全部街道，居民步行十五分钟即可到达。",
    "市文化局负责人介绍，新馆全部实行免费开放，每天开放时间不少于十小时，周末照常开放。",
    "此外，各馆还将定期举办读书会和讲座，为老年人和少年儿童提供专门的阅读空间和服务。",
]
DATA_ROWS = "".join(
    f"<tr><td>第{i}区</td><td>{i * 3}座</td><td>2005年{i}月开放</td></tr>" for i in range(1, 7)
)
PAGE = f"""<html><head><meta charset="utf-8"><title>本市新建社区图书馆四十二座</title></head>
<body><table width="760"><tr><td colspan="2">{CELL_MENU}</td></tr>
<tr><td width="200"><a href="/a">热点新闻一</a><br><a href="/b">热点新闻二</a><br>
<a href="/c">热点新闻三</a></td>
<td><h1>本市新建社区图书馆四十二座</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
<table><tr><th>区</th><th>新馆</th><th>开放</th></tr>{DATA_ROWS}</table></td></tr>
<tr><td colspan="2">版权所有 © 2005 本市新闻网 京ICP备05000000号</td></tr></table>
</body></html>"""


def test_a_page_laid_out_in_tables_keeps_its_body_and_data_table_only():
    document = clean(PAGE.encode("utf-8"), Options())
    text = "\n".join(document.paragraphs)
    for paragraph in PARAGRAPHS:
        assert paragraph in document.paragraphs
    assert "频道3" not in text and "版权所有" not in text
    assert "| 第2区 | 6座 | 2005年2月开放 |" in document.paragraphs  # still a table
    # before: the frame came out as one table, menu and body in one row of pipes
    assert not any(p.startswith("|") and "据新华社" in p for p in document.paragraphs)
