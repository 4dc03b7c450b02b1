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


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16", "utf-32-le"])
def test_replacements_in_utf16_and_utf32_count_only_whole_characters(codec):
    # `\ufd61\xff` holds the bytes of U+FFFD across two characters (fd ff in UTF-16-LE):
    # no character of the page's own; one U+FFFD is its own, the odd last byte is one bad one
    text = "Price \ufd61\xff\ufd61\xff list \ufffd end"
    decoded = decode_bytes(text.encode(codec) + b"\x01", codec)
    assert decoded.replacements == 1
    assert decoded.text.count("\ufffd") == 2


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


# --- damaged and undeclared input (issue #16) ---

SEED_TEXT = (ZH + "\n") * 30


def test_one_stray_byte_keeps_utf8():
    data = SEED_TEXT.encode("utf-8")
    middle = data.index(b"\n", len(data) // 2) + 1
    decoded = decode_bytes(data[:middle] + b"\xff" + data[middle:])
    assert decoded.encoding == "utf-8" and decoded.replacements == 1
    assert decoded.text.replace("\ufffd", "") == SEED_TEXT


@pytest.mark.parametrize("bad", [b"\x80", b"\xbf", b"\xe4", b"\xf8\xc0"])
def test_lone_continuation_and_cut_characters_keep_utf8(bad):
    data = SEED_TEXT.encode("utf-8")
    decoded = decode_bytes(data[:300] + bad + b"a" + data[300:])
    assert decoded.encoding == "utf-8" and 1 <= decoded.replacements <= 3


def test_a_declared_utf8_page_with_a_bad_byte_stays_utf8():
    html = f'<html><head><meta charset="utf-8"></head><body><p>{ZH}</p><p>{ZH}</p></body></html>'
    data = html.encode("utf-8")
    decoded = decode_bytes(data[:200] + b"\xfe" + data[200:])
    assert (decoded.encoding, decoded.reason, decoded.replacements) == ("utf-8", "declared", 1)


def test_gbk_with_a_stray_byte_is_still_gbk():
    data = SEED_TEXT.encode("gbk")
    decoded = decode_bytes(data[:301] + b"\xff" + data[301:])
    assert decoded.encoding == "gb18030" and ZH in decoded.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_codecs_without_a_bom(codec):
    decoded = decode_bytes(SEED_TEXT.encode(codec))
    assert decoded.text == SEED_TEXT and decoded.encoding == codec


def test_chinese_utf16_without_a_bom_is_not_binary():
    from cleaner.sniff import refuse_binary

    data = ("一\n" + HANT + "\n").encode("utf-16-le") * 20  # 一 is U+4E00: a NUL on both sides
    refuse_binary(data, "x")
    assert decode_bytes(data).text.startswith("一\n" + HANT)


def test_an_english_page_in_gb18030_declared_utf8_is_read_as_gb18030():
    text = "It’s a “test” page — with curly quotes… " * 10
    html = f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'
    decoded = decode_bytes(html.encode("gb18030"))
    assert decoded.encoding == "gb18030" and text in decoded.text


def test_an_english_page_with_old_mojibake_in_gb18030_is_read_as_gb18030():
    # the page's own UTF-8 text already shows a few â\x80\x99 (mojibake it was published
    # with); GB18030's four-byte ñ and © read byte by byte (EspaÅ0ä9ol) give a wrong codec away
    body = (
        "We don’t repair — we replace. España’s view… © 2024. " * 8 + "Earthâ\x80\x99s orbit. " * 3
    )
    decoded = decode_bytes(f"<html><body><p>{body}</p></body></html>".encode("gb18030"))
    assert decoded.encoding == "gb18030" and body in decoded.text


def test_a_misdeclared_latin1_page_is_read_as_cp1252():
    html = f'<html><head><meta charset="utf-8"></head><body><p>{FR}</p></body></html>'
    decoded = decode_bytes(html.encode("cp1252"))
    assert decoded.encoding in ("cp1252", "iso8859-15") and FR in decoded.text


def test_dos_and_ebcdic_code_pages_are_never_guessed():
    for data in (SEED_TEXT.encode("gbk"), FR.encode("cp1252"), b"abc \xff\xfe\xfa def" * 3):
        assert decode_bytes(data).encoding not in ("cp737", "cp875", "cp437", "cp850", "cp500")


def test_a_guess_on_three_stray_bytes_says_it_is_unsure():
    decoded = decode_bytes(b"Plain English text only. " * 20 + b"\xb3 \x9b \xfe")
    assert decoded.reason == "detected" and decoded.confidence < 0.5
    assert "guessed" in decoded.evidence


@pytest.mark.parametrize("name", ["rot13", "base64", "idna", "punycode", "zlib", "hex"])
def test_codecs_that_are_no_character_encoding_are_refused(name):
    assert canonical_codec(name) is None
    with pytest.raises(ConfigError, match="character encoding"):
        decode_bytes(b"abc", name)


def test_control_characters_are_taken_out_form_feeds_break_lines():
    decoded = decode_bytes(b"one\x0ctwo\x0bthree\x00four\x1b")
    assert decoded.text == "one\ntwo\nthreefour" and decoded.controls == 4
