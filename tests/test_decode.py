import codecs

import pytest

from cleaner.decode import canonical_codec, decode_bytes
from cleaner.errors import ConfigError

ZH = "乘势而上，开创西藏互联网精准扶贫新局面。国务院扶贫办、北京市政府参加了会议。" * 4
HANT = "臺北市政府昨日宣布，老舊公寓加裝電梯的補助上限將提高，並簡化申請流程。" * 4
JA = "日本語のテキストです。東京は大きな都市で、多くの人が電車で通勤しています。" * 4
FR = "L'été dernier, nous sommes allés à la plage près de Nice. C'était déjà très beau. " * 4


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (ZH, "gbk", "gb18030"),
        (ZH, "gb18030", "gb18030"),
        (HANT, "big5", "big5hkscs"),
        (JA, "shift_jis", "cp932"),
        (JA, "euc_jp", "euc_jp"),
    ],
)
def test_detects_legacy_cjk_codecs(text, codec, expected):
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == expected
    assert decoded.reason == "detected"


def test_latin1_text_decodes_with_a_western_codec():
    decoded = decode_bytes(FR.encode("cp1252"))
    assert decoded.text == FR


def test_long_ascii_prefix_does_not_mislead_detection():
    data = b"<html><head>" + b"<meta name='x' content='y'>" * 400 + ZH.encode("gbk")
    assert decode_bytes(data).text.endswith(ZH)


@pytest.mark.parametrize("bom_codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_bom_wins(bom_codec):
    decoded = decode_bytes(ZH.encode(bom_codec))
    assert decoded.text == ZH and decoded.reason == "bom"


def test_utf16_without_bom():
    assert decode_bytes(("Plain English text. " * 20).encode("utf-16-le")).text.startswith("Plain")


def test_declared_charset_is_used():
    html = '<html><head><meta charset="gb2312"></head><body>' + ZH + "</body></html>"
    decoded = decode_bytes(html.encode("gbk"))
    assert decoded.encoding == "gb18030" and decoded.reason == "declared"
    assert ZH in decoded.text


def test_valid_utf8_beats_a_stale_legacy_declaration():
    html = '<html><head><meta charset="iso-8859-1"></head><body>' + ZH + "</body></html>"
    decoded = decode_bytes(html.encode("utf-8"))
    assert decoded.encoding == "utf-8" and ZH in decoded.text


def test_undecodable_bytes_are_replaced_and_counted():
    decoded = decode_bytes(ZH.encode("utf-8") + b"\xff\xfe\xfa" + ZH.encode("utf-8"), "utf-8")
    assert decoded.replacements == 3
    assert decoded.text.count("\ufffd") == 3


def test_truncated_utf8_is_still_utf8():
    data = ZH.encode("utf-8")[:-1]
    assert decode_bytes(data).encoding == "utf-8"


def test_forced_encoding_is_widened_to_its_superset():
    assert decode_bytes(ZH.encode("gbk"), "gb2312").encoding == "gb18030"
    assert canonical_codec("ISO-8859-1") == "cp1252"
    assert canonical_codec("Shift_JIS") == "cp932"
    assert canonical_codec("big5") == "big5hkscs"
    assert canonical_codec("euc-kr") == "cp949"


def test_unknown_forced_encoding_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown encoding 'klingon'"):
        decode_bytes(b"abc", "klingon")


def test_empty_input():
    assert decode_bytes(b"").text == ""


def test_bom_only():
    assert decode_bytes(codecs.BOM_UTF8).text == ""
