"""An HTML page's texts are repaired before trafilatura deletes the C1 bytes a repair needs."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Options, clean
from cleaner.decode import decode_bytes
from cleaner.mojibake.nodes import repair_markup
from cleaner.mojibake.repair import PageTrip, misread_codec, repair_line

# UTF-8 read as Latin-1: ’ is E2 80 99, so "â" and two C1 controls; → is E2 86 92
APOSTROPHE, ARROW = "\u00e2\u0080\u0099", "\u00e2\u0086\u0092"
PARAGRAPH = (
    f"All programs have to manage the way they use a computer{APOSTROPHE}s memory while "
    f"running, and each language finds its own way to do it, in words enough to be kept."
)


def _page(paragraph: str) -> bytes:
    body = "".join(f"<p>{paragraph} ({n})</p>" for n in range(5))
    return (
        "<html><head><meta charset='utf-8'><title>Ownership</title></head><body>"
        f"<article><h1>Ownership</h1>{body}<p><code>f(x)</code> <span>{ARROW}</span> "
        "<code>y</code></p></article></body></html>"
    ).encode()


def test_an_html_pages_misread_quotes_are_repaired_before_extraction():
    doc = clean(_page(PARAGRAPH), Options(explain=True))
    assert any("a computer’s memory" in p for p in doc.paragraphs)
    assert not any("â" in p for p in doc.paragraphs)  # trafilatura would have left "computerâs"
    nodes = [r for r in doc.repairs if r.of == "node"]
    assert nodes and all(r.line == 0 for r in nodes)
    assert {r.after for r in nodes} >= {"→"}


def test_decoding_says_whether_the_text_holds_c1_characters():
    clean_page = "<p>It’s fine — Ã  la carte</p>"
    assert not decode_bytes(clean_page.encode()).c1
    assert decode_bytes(f"<p>a{APOSTROPHE}b</p>".encode()).c1  # UTF-8 bytes C2 80, C2 99
    assert decode_bytes(f"<p>a{APOSTROPHE}b</p>".encode("utf-16")).c1  # found in the text
    assert not decode_bytes(clean_page.encode("cp1252"), encoding="cp1252").c1
    assert repair_markup(clean_page, c1=False) == (clean_page, ())


def test_only_texts_between_tags_are_repaired_and_one_beyond_repair_stays():
    lost = "\ufffd\ufffd\ufffd\x85"  # bytes lost for good: a repair would drop the line
    assert repair_line(lost)[0] is None
    markup = f"<p title='a{APOSTROPHE}b'>a{APOSTROPHE}b</p><p>{lost}</p>"
    fixed, repairs = repair_markup(markup, c1=True)
    assert fixed == f"<p title='a{APOSTROPHE}b'>a’b</p><p>{lost}</p>"  # attributes stay
    assert [(r.line, r.before, r.after, r.of) for r in repairs] == [
        (0, f"a{APOSTROPHE}b", "a’b", "node")
    ]


def test_every_reader_of_the_page_reads_the_repaired_text():
    doc = clean(_page(PARAGRAPH), Options(page_kind="documentation"))  # a second reading too
    assert sum("a computer’s memory" in p for p in doc.paragraphs) == 5  # no paragraph twice


def test_a_misread_character_alone_is_decoded_not_cut_as_debris():
    assert repair_line(ARROW) == ("→", "ftfy")
    assert repair_line(f"See the next page {ARROW}")[0] == "See the next page →"


def test_a_scripts_text_is_left_as_it_is_and_json_ld_is_repaired():
    script = f"<script>var s = 'a{APOSTROPHE}b'; if (a > b) {{ t = 'c{APOSTROPHE}d' }}</script>"
    ld = f'<script type="application/ld+json">{{"headline": "a{APOSTROPHE}b"}}</script>'
    style = f"<STYLE>p:after {{ content: 'x{APOSTROPHE}y' }}</STYLE>"
    markup = f"<head>{script}{ld}{style}</head><body><p>a{APOSTROPHE}b</p></body>"
    fixed, repairs = repair_markup(markup, c1=True)
    assert fixed == markup.replace(ld, ld.replace(APOSTROPHE, "’")).replace(
        f"<p>a{APOSTROPHE}b", "<p>a’b"
    )
    assert [r.after for r in repairs] == ['{"headline": "a’b"}', "a’b"]  # no script's text


def test_texts_are_found_in_linear_time_whatever_the_markup():
    # a C1 control after each of 160,000 `<`s that no `>` follows: searching for the next
    # `>` from each to the end of the markup took 29 s; scripts likewise, closed or not
    first = f"<p>a{APOSTROPHE}b</p>"
    tails = (f"<a{APOSTROPHE}{'x' * 50}" * 160_000, f"<script>{APOSTROPHE}</script>" * 160_000)
    for tail in tails:
        fixed, repairs = repair_markup(first + tail, c1=True)
        assert fixed == "<p>a’b</p>" + tail and len(repairs) == 1
    fixed, repairs = repair_markup(first + "<script" * 160_000, c1=True)
    assert fixed == "<p>a’b</p>" + "<script" * 160_000


def test_a_script_tag_no_closing_tag_ends_keeps_nothing_from_repair():
    # `<script` in an attribute's value: the texts after it are the page's own
    markup = f"<a title='<script>'>a{APOSTROPHE}b</a><p>c{APOSTROPHE}d</p>"
    fixed, _repairs = repair_markup(markup, c1=True)
    assert fixed == "<a title='<script>'>a’b</a><p>c’d</p>"


# the texts between two tags that hold a C1 control, as a pattern finds them (50 ms on a 3 MB
# page: repair_markup finds them from the controls instead)
_TEXT_WITH_C1 = re.compile("(?<=>)[^<>]*[\x80-\x9f][^<>]*(?=<)")


def _repaired_by_pattern(markup: str) -> str:
    trip = PageTrip()

    def repaired(found: re.Match) -> str:
        fixed, _how = repair_line(found.group(0), trip)
        return found.group(0) if fixed is None else fixed

    return _TEXT_WITH_C1.sub(repaired, markup)


@given(st.lists(st.sampled_from(["<p>", "</p>", "<", ">", "a", " ", "â", "\x80", "\x99",
                                 APOSTROPHE, "computer", "\ufffd"]), max_size=40))  # fmt: skip
def test_the_texts_repaired_are_those_between_two_tags_that_hold_a_c1_control(pieces):
    markup = "".join(pieces)
    assert repair_markup(markup, c1=True)[0] == _repaired_by_pattern(markup)


STORY = (
    "不得不承认，如果没有张曼玉在戛纳封后，就很少有人会去关注这部法国电影。",
    "阿萨亚斯也是法国电影手册的编辑，他从小到大都受着新浪潮的影响。",
    "因此我们在观赏这部电影时，同样可以看得到一些侯式电影的细微痕迹。",
    "特别是某些空镜头和长镜头的运用，让人想起他拍过的那部纪录片。",
)


def _misread_page(codec: str) -> bytes:
    """A page whose texts are GBK read as `codec`: no C1 control marks them, and `编辑`'s
    second byte, 0xAD, reads as a soft hyphen, which trafilatura deletes."""

    def misread(text: str) -> str:
        return text.encode("gbk").decode(codec)

    menu = "".join(f"<li><a href=/{n}>{misread(w)}</a></li>" for n, w in enumerate("首新行论"))
    body = "".join(f"<p>{misread(p * 2)}</p>" for p in STORY)
    return (
        "<html><head><meta charset=utf-8><title>电影评论</title></head><body>"
        f"<ul>{menu}</ul>{body}</body></html>"
    ).encode()


@pytest.mark.parametrize("codec", ["cp1252", "cp1251"])
def test_a_misread_no_c1_control_marks_is_repaired_before_trafilatura_reads_it(codec):
    # read as it was, a copyright cue took three of its paragraphs for footers (cp1252's and
    # cp1251's 0xA9 is `©`), and the fourth, a soft hyphen gone, was repaired into other Han
    # characters after `编`: the page is read again with its texts repaired first
    doc = clean(_misread_page(codec), Options(explain=True, detect_language=False))
    assert doc.paragraphs == tuple(p * 2 for p in STORY)
    assert f"gb18030 read as {codec}" in {r.how for r in doc.repairs if r.of == "node"}


def test_fast_repairs_the_visible_text_before_it_is_read():
    # the visible text is repaired as a dump's lines are, before the classifier looks for the
    # body (it took the misread lines for menus)
    doc = clean(_misread_page("cp1251"), Options(fast=True, explain=True, detect_language=False))
    assert doc.paragraphs == tuple(p * 2 for p in STORY)
    assert doc.repair_count >= 4 and {r.of for r in doc.repairs} == {"visible"}


def test_the_visible_text_fallback_repairs_a_misread_before_it_reads_it():
    # trafilatura finds nothing in a page of such lines: the visible text it falls back to is
    # repaired before the line classifier reads it, as --fast's is
    line = STORY[1] + STORY[2]
    misread = line.encode("gbk").decode("cp1252")
    body = "".join(f"<p>{misread} {n}</p>" for n in range(60))
    page = f"<html><head><meta charset=utf-8><title>t</title></head><body>{body}</body></html>"
    doc = clean(page.encode(), Options(detect_language=False))
    assert doc.paragraphs == tuple(f"{line} {n}" for n in range(60))
    assert doc.repair_count == 60


def test_a_codec_misread_is_found_from_the_text_read():
    assert misread_codec("\n".join(["首页", STORY[0].encode("gbk").decode("cp1252")]))
    for sound in ("\n".join(STORY), "Огромнейшая популярность во всём мире. Меню на 7 дней.",
                  "© 2024 鑫淼焱垚 All rights reserved"):  # fmt: skip
        assert not misread_codec(sound)
    # with `misread`, a text that is only a sign (a `©`) stays as it is
    markup = f"<p>© 2024</p><p>{STORY[1].encode('gbk').decode('cp1252')}</p>"
    fixed, repairs = repair_markup(markup, c1=False, misread=True)
    assert fixed == f"<p>© 2024</p><p>{STORY[1]}</p>" and len(repairs) == 1
