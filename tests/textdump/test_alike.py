"""When two lines are the same headline (textdump/alike.py)."""

import pytest

from cleaner.textdump.alike import same_headline


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        # the same letters, case, spaces and punctuation aside
        ("The Spies of Georgetown", "The spies of Georgetown!"),
        ("乘势而上，开创西藏“互联网+精准扶贫”新局面", "乘势而上,开创西藏互联网+精准扶贫新局面"),
        # one inside the other, at least half its length
        ("The Spies of Georgetown", "The Spies of Georgetown - Atlas Obscura Experiences"),
        # token bigrams alike: a word changed in a long headline
        (
            "Scientists discover a new species of deep-sea anglerfish off Chile",
            "Scientists discover new species of deep-sea anglerfish off Chile",
        ),
    ],
)
def test_lines_that_are_the_same_headline(line, headline):
    assert same_headline(line, headline)


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Travel Insurance", "ExactCare Travel Insurance Plans for Families Abroad"),  # too short
        ("Related stories", "The Spies of Georgetown"),
        ("", "The Spies of Georgetown"),  # no letters
        ("Scientists", "Scientists discover new species of deep-sea anglerfish off Chile"),
        # far apart in length: not compared at all
        ("Spies " * 40, "The Spies of Georgetown"),
    ],
)
def test_lines_that_are_not(line, headline):
    assert not same_headline(line, headline)
