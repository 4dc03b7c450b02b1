"""Our metric must agree with the benchmark's reference score.py (a copy lives in fixtures)."""

import importlib.util

from conftest import FIXTURES, SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from cleaner.evaluate.metrics import score

spec = importlib.util.spec_from_file_location("score_reference", FIXTURES / "score_reference.py")
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)


def test_agrees_on_the_seed():
    gold = (SAMPLES / "zh-seed-repost" / "user-expected.txt").read_text(encoding="utf-8")
    pred = (SAMPLES / "zh-seed-repost" / "raw.txt").read_text(encoding="utf-8")
    ours = score(gold, pred)
    assert (ours.precision, ours.recall, ours.f1) == reference.prf(gold, pred)
    assert 0.85 < ours.f1 < 0.95


WORDS = st.lists(st.sampled_from(["互", "联", "网", "the", "cat", "sat", "42", "日本", "한"]))


@given(WORDS, WORDS)
def test_agrees_on_random_texts(a, b):
    gold, pred = " ".join(a), " ".join(b)
    ours = score(gold, pred)
    assert (ours.precision, ours.recall, ours.f1) == reference.prf(gold, pred)


def test_hand_computed():
    assert score("a b c d e", "a b c d").f1 == 2 * (1 * 0.5) / 1.5
    assert score("", "").f1 == 1.0 and score("a b c d", "").f1 == 0.0
