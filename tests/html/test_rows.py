"""Rows of a page compared across readings, and rows added where they stand."""

from cleaner.html.rows import Lines, key_of, merged, placed_before

FIRST = "Fitness training is the practice of structured exercise for the sake of health."
SECOND = "Its origins go back to the physical culture of ancient Greece and its games."


def test_an_added_row_goes_before_the_paragraph_that_holds_the_next_row():
    rows = ["Fitness Training", FIRST, "Origins", SECOND]
    assert placed_before((FIRST, SECOND), rows, {2}) == (FIRST, "Origins", SECOND)


def test_a_short_row_found_inside_a_later_paragraph_places_nothing():
    # a breadcrumb's "ancient Greece" is part of SECOND: it must not pull "Definition"
    # below FIRST
    rows = ["ancient Greece", "Definition", FIRST, "Origins", SECOND]
    assert placed_before((FIRST, SECOND), rows, {1, 3}) == ("Definition", FIRST, "Origins", SECOND)


def test_rows_after_every_paragraph_go_last_and_order_is_kept():
    rows = [FIRST, SECOND, "See also", "Notes"]
    assert placed_before((FIRST, SECOND), rows, {2, 3}) == (FIRST, SECOND, "See also", "Notes")


def test_merged_places_a_row_after_the_paragraphs_above_it():
    rows = [FIRST, "- an item of the list", SECOND]
    assert merged((FIRST, SECOND), rows, {1}) == (FIRST, "- an item of the list", SECOND)


def test_lines_hold_a_short_row_only_as_a_paragraph_of_its_own():
    lines = Lines(("News", "Newsletter sign-up and more"))
    assert lines.holds(key_of("News"))
    assert not lines.holds(key_of("Newsl"))
    assert lines.holds(key_of("Newsletter sign-up"))


def test_a_short_row_places_at_its_own_paragraph_after_the_last_placed():
    # "Summary" stands as a paragraph twice: the added row goes before the second, the one
    # at or after the paragraph the row above it placed at (a guard for the lookup by key)
    paragraphs = ("Summary", FIRST, "Summary", SECOND)
    rows = [FIRST, "Added", "Summary", SECOND]
    assert placed_before(paragraphs, rows, {1}) == ("Summary", FIRST, "Added", "Summary", SECOND)
    assert key_of("a | b\tc\ue5e5") == key_of("abc") == "abc"
