"""Per-row counts of a dump: by the table of character classes, as a regex per row reads them."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.scripts import CJK_RUN
from cleaner.textdump.counts import counts_by_regex, counts_by_table, row_counts


@pytest.mark.parametrize("reading", [counts_by_regex, counts_by_table, row_counts])
def test_counts_of_each_row(reading):
    rows = ["Hello, world. 你好！", "", "𝐀bc déjà-vu 123", "记者：王茜，北京；摄影", "x_y"]
    counts = reading(rows)
    assert counts.cjk == [2, 0, 0, 8, 0]
    # a word is a run of letters: digits, '_' and CJK characters end one; U+1D400 is a letter
    assert counts.words == [2, 0, 3, 0, 2]
    # the caller counts a Latin '.' before a space; '！' and '；' are sentence ends here
    assert counts.ends == [1, 0, 0, 1, 0]
    assert counts.commas == [1, 0, 0, 2, 0]


def test_no_rows():
    assert row_counts([]) == counts_by_table([]) == ([], [], [], [])


def _by_row(row: str) -> tuple[int, int, int, int]:
    """The same counts read with a regex per row (how they were computed before the table)."""
    cjk = sum(map(len, CJK_RUN.findall(row)))
    rest = CJK_RUN.sub(" ", row)
    words = len(re.findall(r"[^\W\d_]+", rest))
    rest = re.sub(r"[^\W\d_]+", " ", rest)
    ends = len(re.findall("[。！？!?；;…۔؟؛।॥։።။]", rest))
    commas = len(re.findall("[，、,：:،]", rest))
    return cjk, words, ends, commas


ROWS = st.lists(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(
                list("中文カナ한글abcÉé 019_,.:;!?。！，、；…\u3000\u00a0\x01\x02\ue004")
            ),
            st.characters(
                blacklist_categories=("Cs",),
                blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
            ),
        ),
        max_size=40,
    ),
    max_size=8,
)


@given(ROWS)
def test_both_readings_agree_with_regexes_per_row(rows):
    assert counts_by_regex(rows) == counts_by_table(rows)
    counts = counts_by_table(rows)
    assert list(zip(counts.cjk, counts.words, counts.ends, counts.commas, strict=True)) == [
        _by_row(row) for row in rows
    ]
