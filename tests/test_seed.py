"""The foundation issue's acceptance on the user's own example, with no site rule."""

import pytest
from conftest import FIXTURES, SAMPLES

from cleaner import Options, clean, to_text
from cleaner.evaluate.metrics import score

USER_EXPECTED = (SAMPLES / "zh-seed-repost" / "user-expected.txt").read_text(encoding="utf-8")
NO_RULES = Options(use_rules=False)


def _removed(raw: bytes) -> dict[int, str]:
    return {r.line: r.reason for r in clean(raw, Options(explain=True, use_rules=False)).removed}


def test_keeps_title_and_all_18_body_lines(seed_raw):
    doc = clean(seed_raw, NO_RULES)
    assert doc.title == "乘势而上，开创西藏“互联网+精准扶贫”新局面"
    assert len(doc.paragraphs) == 18
    for subheading in (
        "互联网是产业脱贫的助推器",
        "互联网是公共服务的优化器",
        "互联网是现代生活的催化剂",
        "在新时期扶贫工作中，互联网既是一种扶贫手段，也是一项脱贫内容",
    ):
        assert subheading in doc.paragraphs


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (1, "navigation"),
        (2, "navigation"),
        (3, "navigation"),
        (7, "metadata"),
        (9, "original-title"),
        (19, "caption"),
        (29, "caption"),
        (39, "caption"),
        (49, "caption"),
        (57, "disclaimer"),
        (58, "comments"),
        (59, "comments"),
    ],
)
def test_removes_each_boilerplate_line_with_its_reason(seed_raw, line, reason):
    assert _removed(seed_raw)[line] == reason


def test_garbled_credit_line_is_removed(seed_raw):
    doc = clean(seed_raw, Options(explain=True, use_rules=False))
    assert {r.line: r.text for r in doc.removed}[55] == "中国公众信息网摘编"
    repair = next(r for r in doc.repairs if r.line == 55)
    assert (repair.before, repair.after) == ("中国公众信息网摘编崯嶧", "中国公众信息网摘编")
    assert "摘编" not in to_text(clean(seed_raw, NO_RULES))


def test_every_removed_line_has_a_reason(seed_raw):
    removed = clean(seed_raw, Options(explain=True, use_rules=False)).removed
    assert removed and all(r.reason for r in removed)


def test_punctuation_is_full_width_as_in_the_expected_file(seed_raw):
    out = to_text(clean(seed_raw, NO_RULES))
    assert "以京东为例：京东" in out and "行政县（区）全覆盖" in out
    body = [line for line in out.splitlines()[2:-1]]
    assert body == USER_EXPECTED.splitlines()[2:-1]


def test_shingle_f1_against_the_user_expected_file(seed_raw):
    assert score(USER_EXPECTED, to_text(clean(seed_raw, NO_RULES))).f1 >= 0.98


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_re_encoded_seed_gives_identical_output(seed_raw, encoding):
    text = seed_raw.decode("utf-8")
    reencoded = text.encode(encoding)  # Python's utf-16 writes a BOM
    assert to_text(clean(reencoded, NO_RULES)) == to_text(clean(seed_raw, NO_RULES))


def test_generic_output_is_the_reviewed_fixture(seed_raw):
    expected = (FIXTURES / "seed-no-rules.expected.txt").read_text(encoding="utf-8")
    assert to_text(clean(seed_raw, NO_RULES)) == expected
