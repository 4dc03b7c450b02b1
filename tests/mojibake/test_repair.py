"""Mojibake: repair what can be repaired, drop what cannot, never touch clean text."""

import json
from difflib import SequenceMatcher

import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Options, clean
from cleaner.cli import main
from cleaner.decode import decode_bytes
from cleaner.mojibake.repair import repair_line, repair_lines, repaired_title

ZH = "新闻报道：今天北京天气很好，市民纷纷外出游玩。"
HANT = "臺北市政府昨日宣布，老舊公寓加裝電梯的補助上限將提高。"
JA = "日本語のテキストです。東京は大きな都市で、多くの人が電車で通勤しています。"
FR = "L'été dernier, nous sommes allés à la plage près de Nice."


def broken(text: str, true_codec: str, wrong_codec: str) -> str:
    """Mojibake as it is made: bytes decoded with the wrong codec, undecodable ones replaced."""
    return text.encode(true_codec).decode(wrong_codec, errors="replace")


@pytest.mark.parametrize(
    ("text", "true_codec", "wrong_codec"),
    [
        (ZH, "gb18030", "latin_1"),  # ÐÂÎÅ±¨µÀ
        (ZH, "gb18030", "cp1252"),
        (ZH, "gb18030", "ptcp154"),  # chardet's misreading of some GBK pages
        (HANT, "big5hkscs", "cp1252"),
        (HANT, "big5hkscs", "ptcp154"),
        (JA, "cp932", "latin_1"),
        (JA, "cp932", "ptcp154"),
        (FR, "utf-8", "cp1252"),  # L'Ã©tÃ©: ftfy
        ("Temperature 16°C today", "utf-8", "cp1252"),  # 16Â°C
    ],
)
def test_lossless_mojibake_is_repaired_exactly(text, true_codec, wrong_codec):
    fixed, how = repair_line(broken(text, true_codec, wrong_codec))
    assert fixed == text and how


@pytest.mark.parametrize(
    ("text", "true_codec", "wrong_codec"),
    [
        (ZH, "utf-8", "gb18030"),  # 鏂伴椈: the last character's bytes are lost
        (HANT, "utf-8", "gb18030"),
        (ZH, "utf-8", "cp1252"),  # æ–°é—»: cp1252 has no byte 0x81, one character is lost
        (JA, "cp932", "cp1252"),
    ],
)
def test_lossy_mojibake_is_repaired_up_to_the_lost_bytes(text, true_codec, wrong_codec):
    fixed, _ = repair_line(broken(text, true_codec, wrong_codec))
    assert fixed is not None
    assert SequenceMatcher(None, fixed, text).ratio() > 0.8  # what is lost stays lost
    assert "\ufffd" not in fixed  # a character lost in one place is taken out


@pytest.mark.parametrize(
    ("text", "true_codec", "wrong_codec"),
    [(JA, "utf-8", "gb18030"), (ZH, "utf-8", "cp932")],  # 2 and 3 places lost
)
def test_a_line_that_lost_characters_in_several_places_is_dropped(text, true_codec, wrong_codec):
    fixed, how = repair_line(broken(text, true_codec, wrong_codec))
    assert fixed is None and "lost" in how


def test_one_stray_byte_in_a_paragraph_is_taken_out():
    line = "The library requires support for the HTML5 File API along with file slicing."
    assert repair_line(line[:20] + "\ufffd" + line[20:]) == (line, "bad bytes taken out")


def test_only_the_broken_part_of_a_line_is_repaired():
    good = "正常的文字继续，没有问题。"
    line = "标题：" + broken("新闻报道今天", "utf-8", "gb18030") + " " + good
    assert repair_line(line) == ("标题：新闻报道今天 " + good, "part: utf-8 read as gb18030")


@pytest.mark.parametrize(
    "line",
    ["锟斤拷锟斤拷锟斤拷烫烫烫", "屯屯屯屯屯屯屯屯", broken(ZH, "utf-8", "big5hkscs"),
     "����ʷ�о�&lt;���������й�������"],
)  # fmt: skip
def test_unrecoverable_garbage_is_dropped(line):
    assert repair_line(line)[0] is None


def test_a_title_is_repaired_kept_or_dropped_as_a_paragraph_is():
    soup = "����ʷ�о�&lt;���������й�������"
    title, repairs = repaired_title(soup)
    assert title is None and [(r.line, r.of, r.after) for r in repairs] == [(0, "title", None)]
    mojibake = "itertools â€” Functions creating iterators"  # UTF-8 read as cp1252
    title, repairs = repaired_title(mojibake)
    assert title == "itertools — Functions creating iterators"
    assert [(r.before, r.after, r.of) for r in repairs] == [(mojibake, title, "title")]
    assert repaired_title("Zurück zur Übersicht") == ("Zurück zur Übersicht", ())
    assert repaired_title(None) == (None, ())


def test_garbage_tail_is_cut_from_a_good_line():
    assert repair_line("中国公众信息网摘编崯嶧") == ("中国公众信息网摘编", "garbage cut")
    assert repair_line("正文到此结束。\ufffd\ufffd\ufffd")[0] == "正文到此结束。"


@pytest.mark.parametrize(
    "line",
    ["路经滟滪", "金锺国（韩语：김종국），韩国男艺人", "\uf0d8 高等教育出版社",
     "Zurück zur Übersicht", "Привет, как дела?", "Қазақ тілі әдемі.",
     "Tiếng Việt có dấu rất nhiều.", ZH, HANT, JA, FR, "ｶﾀｶﾅ ﾃｷｽﾄ", "col·lecció"],
)  # fmt: skip
def test_clean_text_of_any_script_is_left_alone(line):
    assert repair_line(line) == (line, "")


def test_gold_lines_are_never_changed():
    lines = (FIXTURES / "gold-guard.txt").read_text(encoding="utf-8").split("\n")
    result = repair_lines(lines)
    assert [(r.line, r.before) for r in result.repairs] == []


def test_mojibake_inside_the_gold_is_repaired():
    for line in (FIXTURES / "gold-mojibake.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        assert repair_line(case["before"])[0] == case["after"]


def test_full_width_punctuation_survives_the_repair():
    text = "数字：（一）“引号”，句号。"
    assert repair_line(broken(text, "utf-8", "latin_1"))[0] == text


MOJIBAKE_ALPHABET = st.sampled_from(
    list("新闻报道今天北京ÐÂÎÅ±¨µÀ鏂伴椈鎶ラÃ©â€™崯嶧锟斤拷\ufffd\ue000abc ，。") + ["Â°"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(MOJIBAKE_ALPHABET, max_size=30).map("".join))
def test_repairing_a_repair_changes_nothing(line):
    once, _ = repair_line(line)
    if once is not None:
        twice, _ = repair_line(once)
        assert twice == once


@pytest.mark.parametrize(
    ("text", "codec", "declared"),
    [(ZH * 3, "gbk", "iso-8859-1"), (HANT * 3, "big5", "iso-8859-1"),
     (ZH * 3, "gbk", "windows-1251")],
)  # fmt: skip
def test_wrong_single_byte_declaration_is_overruled(text, codec, declared):
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    decoded = decode_bytes(page.encode(codec))
    assert text in decoded.text and decoded.reason == "detected"


@pytest.mark.parametrize(
    ("text", "codec"),
    [("L'été dernier, à la plage près de Nice. Déjà très chaud.", "latin-1"),
     ("Привет, как дела? Сегодня хорошая погода в Москве.", "cp1251")],
)  # fmt: skip
def test_right_single_byte_declaration_stands(text, codec):
    charset = "iso-8859-1" if codec == "latin-1" else "windows-1251"
    page = f'<html><head><meta charset="{charset}"></head><body>{text}</body></html>'
    decoded = decode_bytes(page.encode(codec))
    assert text in decoded.text and decoded.reason == "declared"


def test_dump_with_a_broken_paragraph_is_repaired_before_classification():
    para = "这是一个足够长的正文段落，包含逗号和句号，用来模拟新闻正文的内容。"
    dump = "\n".join(["首页", "新闻", para, broken(para, "gb18030", "latin_1"), para]).encode()
    doc = clean(dump, Options(explain=True))
    assert list(doc.paragraphs) == [para, para, para]
    assert doc.repair_count == 1 and doc.repairs[0].how == "gb18030 read as cp1252"


def test_cli_reports_repairs_and_mojibake_removals(tmp_path):
    para = "这是一个足够长的正文段落，包含逗号和句号，用来模拟新闻正文的内容。"
    page = tmp_path / "page.txt"
    page.write_text(
        "\n".join([para, broken(para, "gb18030", "latin_1"), "锟斤拷锟斤拷锟斤拷", para])
    )
    result = CliRunner().invoke(main, ["clean", "-f", "json", "--explain", str(page)])
    record = json.loads(result.stdout)
    assert record["repairs"] == 2
    assert [r["after"] for r in record["repaired"]] == [para, None]
    assert {r["line"]: r["reason"] for r in record["removed"]}[3] == "mojibake"


def test_repair_drops_garbage_and_strips_controls():
    result = repair_lines(
        ("正常的段落，没有问题。", "锟斤拷锟斤拷锟斤拷烫烫烫", "a line\x07 ends\ufffd\ufffd")
    )
    assert result.lines == ("正常的段落，没有问题。", "", "a line ends")
    assert [r.reason for r in result.removed] == ["mojibake"]


PTCP154_PAGE = [  # a GBK page read as PTCP154: every line is mojibake
    "新闻报道：今天北京天气很好，市民纷纷外出游玩。",  # sets the page's round trip
    "看点",  # `ҝҙөг`: Cyrillic letters only, as plausible as real Kazakh
    "简评",  # `јтЖА`
    "◎导　　演　韦廉",  # `ЎтөјЎЎЎЎСЭЎЎОӨБ®`
]


def test_plausible_looking_lines_of_a_misread_page_are_repaired_with_it():
    misread = [broken(line, "gb18030", "ptcp154") for line in PTCP154_PAGE]
    assert misread[1] == "ҝҙөг"  # no hard garbage in it: alone it is left as it is
    assert repair_line(misread[1]) == (misread[1], "")
    assert list(repair_lines(misread).lines) == PTCP154_PAGE


@pytest.mark.parametrize(
    "line",
    ["Қазақстан Республикасы — Орталық Азиядағы мемлекет", "Башҡортостан Республикаһы ҡала",
     "Сърбија је држава у југоисточној Европи љубав њега", "Ѓорѓи од Македонија, ѕвезда ќе",
     "Україна є унітарною державою, її столиця Київ", "Монгол Улсын Их Хурал өөрөө өдөр"],
)  # fmt: skip
def test_real_cyrillic_on_a_misread_page_is_left_alone(line):
    page = [broken(PTCP154_PAGE[0], "gb18030", "ptcp154"), line]
    assert repair_lines(page).lines[1] == line


def test_a_no_break_space_of_the_page_does_not_spoil_a_round_trip():
    line = "宝物：后悔药 状元令"
    misread = broken(line, "gb18030", "ptcp154").replace(" ", "\xa0")  # an &nbsp; of the page
    assert repair_line(misread) == (line, "gb18030 read as ptcp154")
