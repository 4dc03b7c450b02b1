"""html/marks.py: a page's marked headings and what makes a line heading-like."""

from resiliparse.parse.html import HTMLTree

from cleaner.html.marks import MARK_READS, heading_like, marked_text, may_mark
from cleaner.html.resiliparse_adapter import marked_texts


def test_a_text_longer_than_any_headline_is_none_whatever_its_words():
    # 24 "words" of 40 letters: a headline's weight, but no headline (an unclosed <h1> around
    # the rest of a mangled page, its long runs of markup-free letters, read per heading)
    words = " ".join(chr(97 + n % 26) * 40 for n in range(24))
    assert len(words) > 960
    assert not heading_like(words)
    assert heading_like(" ".join(chr(97 + n % 26) * 8 for n in range(24)))


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

    tree = HTMLTree.parse("<p>" + "<b>" * 2000 + "deep" + "</b>" * 2000 + "</p>")
    reads = []

    def counted(tag, names, text, block_text):
        reads.append(tag)
        return marked_text(tag, names, text, block_text)

    assert marked_texts(tree, counted, may_mark, MARK_READS) == []  # "deep": too light
    assert len(reads) == MARK_READS
