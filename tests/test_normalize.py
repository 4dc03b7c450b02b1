import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleaner.normalize import normalize, normalize_paragraph


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("据报道,到2020年,“西藏", "据报道，到2020年，“西藏"),
        ("行政县(区)全覆盖", "行政县（区）全覆盖"),
        ("增长29.22%,高出0.48个百分点;网络", "增长29.22%，高出0.48个百分点；网络"),
        ("以京东为例:京东", "以京东为例：京东"),
        ("他说: 好的! 你呢?", "他说：好的！你呢？"),
        ("共3,500人, 10:30开始", "共3,500人，10:30开始"),
        ("见 http://a.com/x?y=1,z 网址", "见 http://a.com/x?y=1,z 网址"),
        ("邮箱:news,desk@ex.com.cn;电话", "邮箱：news,desk@ex.com.cn；电话"),
        ("集团 (France Médias Monde)", "集团 (France Médias Monde)"),
        ("(记者/王茜)", "（记者/王茜）"),
        ("English only, text: yes!", "English only, text: yes!"),
        # Korean is written with ASCII marks and spaces: they stay
        ("진흙탕 싸움, 공적인 사안 (사진)!", "진흙탕 싸움, 공적인 사안 (사진)!"),
        ("日本語です!", "日本語です！"),
        ("\u3000\u3000中国\u00a0 西藏  网讯", "中国 西藏 网讯"),
        ("  indented English line  ", "indented English line"),
        # private-use characters (an icon font's glyph, a legacy codec's user-defined one)
        ("投身外交(3)\ue004", "投身外交（3）"),
        ("\uf015 Home", "Home"),
        # bidirectional embeddings and isolates a page wraps a name in; the marks LRM/RLM stay
        ("\u202aGeoffrey Hinton\u202c", "Geoffrey Hinton"),
        ("\u2067שלום\u2069 world", "שלום world"),
        ("\u200fשלום", "\u200fשלום"),
    ],
)
def test_normalize_paragraph(raw, expected):
    assert normalize_paragraph(raw) == expected


def test_never_nfkc():
    assert normalize_paragraph("全角，标点：保留（是）") == "全角，标点：保留（是）"
    assert normalize_paragraph("ＡＢＣ全角字母") == "ＡＢＣ全角字母"


def test_empty_paragraphs_are_dropped():
    assert normalize(["a", "  ", "\u3000", "b", "\ue004\uf8ff"]) == ("a", "b")


def test_zero_width_characters_at_a_paragraphs_ends_are_taken_off():
    # a page's `&zwj;` alone on a line, or before a caption; an emoji's joiner stays
    assert normalize(["\u200d", "\u200dSource: 2023 Report", "中文\u200b", "👨\u200d👩"]) == (
        "Source: 2023 Report",
        "中文",
        "👨\u200d👩",
    )
    assert normalize_paragraph("\ufeff\u2060 Home \u200c") == "Home"
    # and every space str.strip() takes, as before
    for space in (c for c in map(chr, range(0x110000)) if c.isspace()):
        assert normalize_paragraph(f"{space}Home{space}") == "Home", hex(ord(space))
        assert normalize([f"{space}中文{space}", "a"]) == ("中文", "a"), hex(ord(space))


def test_private_use_characters_are_taken_out_of_every_paragraph():
    assert normalize(["组成部分。\ue004中央", "\uf0da Home"]) == ("组成部分。中央", "Home")


TEXTS = st.text(
    alphabet=st.sampled_from(
        list("中文字abc XYZ019,.:;!?()（）“”-/%¶" + "\u3000\u00a0\ue004\u202a\u200b\u200d")
    ),
    max_size=60,
)


@given(TEXTS)
@example("¶\u3000")  # a pilcrow before a wide space: it ended the line only once stripped
def test_normalizing_normalized_text_changes_nothing(text):
    once = normalize_paragraph(text)
    assert normalize_paragraph(once) == once


SPACED = st.text(
    alphabet=st.sampled_from(list("ab中. ,\t\u00a0\u3000\u2003\u202f\u205f")), max_size=40
)


@given(st.lists(SPACED, max_size=5))
def test_every_run_of_spaces_becomes_one_space(paragraphs):
    for paragraph in normalize(paragraphs):
        assert "  " not in paragraph
        assert not re.search("[\t\u00a0\u3000\u2000-\u200a\u202f\u205f]", paragraph)
        assert paragraph == paragraph.strip()
    # one pass over all paragraphs reads each as it reads it alone
    alone = tuple(p for p in map(normalize_paragraph, paragraphs) if p)
    assert normalize(paragraphs) == alone


def test_spaces_in_ascii_and_wider_text():
    assert normalize(["a\tb  c", "x y"]) == ("a b c", "x y")
    assert normalize(["é\u00a0\u00a0f", "中 文"]) == ("é f", "中 文")


def test_a_headings_permalink_pilcrow_is_taken_out():
    assert normalize(["Quickstart¶", "Debug Mode ¶ ", "¶ 12 of the act", "x¶ y"]) == (
        "Quickstart",
        "Debug Mode",
        "¶ 12 of the act",  # a paragraph reference
        "x¶ y",
    )
    assert normalize_paragraph("A Minimal Application¶") == "A Minimal Application"


def test_pilcrows_apart_at_a_lines_end_go_at_once():
    # `¶ ¶` lost one pilcrow a pass, so that normalizing it again changed it (hypothesis)
    for text, once in (("¶ ¶", ""), ("Setup ¶ ¶", "Setup"), ("a¶\u3000¶\u200b", "a")):
        assert normalize_paragraph(text) == once == normalize_paragraph(once)
    assert normalize(["Setup ¶ ¶", "¶ 12 of the act ¶"]) == ("Setup", "¶ 12 of the act")
