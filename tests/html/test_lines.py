"""html/lines.py: an extractor's lines less the cue lines, the title's repeats and what a
cut_from marker ends."""

from cleaner.html.lines import TITLE_REPEAT_LINES, drop_cue_lines
from cleaner.rules.cuefiles import generic_cues


def test_the_headline_restated_at_the_top_is_a_title_repeat():
    cues, title = generic_cues(), "Council closes the old bridge"
    lines = [
        "Council closes the old bridge | Town Paper",
        "The council voted on Monday to close the old bridge to all traffic from June.",
        "Council closes the old bridge | Town Paper",  # further down: kept
    ]
    kept, removed = drop_cue_lines(lines, cues, title, near=1)
    assert kept == tuple(lines[1:]) and [r.reason for r in removed] == ["title-repeat"]
    assert drop_cue_lines(lines, cues, title, near=0)[0] == tuple(lines)  # a thread
    # a post's whole text as the title (X does this): its lines are the body
    post = "Founded in 1898, the university pioneers advances in science. " * 3
    assert drop_cue_lines([post.strip()], cues, post, near=TITLE_REPEAT_LINES)[0] != ()


def test_cues_read_a_list_items_own_text():
    lines = ["- Share on Facebook | Twitter", "- The first step of the plan was agreed."]
    kept, removed = drop_cue_lines(lines, generic_cues(), None)
    assert kept == (lines[1],) and [r.text for r in removed] == [lines[0]]


def test_cues_read_a_table_rows_one_filled_cell():
    # a link aggregator's entries as trafilatura writes its table: the stamp row under each
    # entry fills one cell (its own `|` escaped), and goes as that cell's line would; the
    # entry's row, a data row of two cells and a row of one cell of prose stay as written
    lines = [
        "| 1. | | What happened when humans and Neanderthals hooked up (cnn.com) |",
        "|  | 1 point by breve 0 minutes ago  \\| hide \\| past \\| discuss | ",
        "| May 10, 2024 | The council closed the old bridge. |",
        "| | The council voted on Monday to close the old bridge to all traffic. |",
    ]
    kept, removed = drop_cue_lines(lines, generic_cues(), None)
    assert kept == (lines[0], lines[2], lines[3])
    assert [(r.text, r.reason) for r in removed] == [(lines[1].strip(), "forum")]


def test_an_inline_related_box_early_in_an_article_does_not_end_it():
    body = [
        f"Paragraph {n} of the council story, long enough to be read as body text."
        for n in range(6)
    ]
    lines = [body[0], "Related", "Mayor answers her critics", *body[1:]]
    kept, removed = drop_cue_lines(lines, generic_cues(), None)
    assert kept == (body[0], "Mayor answers her critics", *body[1:])
    assert [r.text for r in removed] == ["Related"]
    # after most of the body, the same heading ends it
    lines = [*body, "Related", "Mayor answers her critics"]
    assert drop_cue_lines(lines, generic_cues(), None)[0] == tuple(body)


def test_a_comment_marker_among_menu_items_opens_no_comment_section():
    jobs = [
        f"{n}. Startup {n} is hiring engineers to build its product (example.com)" for n in (1, 2)
    ]
    menu = ["These are jobs at startups.", "new", "|", "past", "|", "comments", "|", "ask"]
    kept, removed = drop_cue_lines([*menu, *jobs], generic_cues(), None)
    assert kept[-2:] == tuple(jobs) and "comments" not in kept
    # nor does a field's label ("- response:", a hook's name in an API's reference): it is
    # no comment section's heading, and stays a line of the body
    intro = "Requests has a hook system that you can use to manipulate the request process."
    hooks = [intro, "Available hooks:", "- response:", "- The response from a Request.", *jobs]
    kept, removed = drop_cue_lines(hooks, generic_cues(), None)
    assert kept == tuple(hooks) and removed == ()
    # a heading of its own, below the body, still ends it
    story = ["The council voted on Monday to close the old bridge to all traffic from June."] * 5
    reply = "Great news, about time they did something about that bridge honestly."
    kept, removed = drop_cue_lines([*story, "Comments", reply], generic_cues(), None)
    assert kept == tuple(story) and [r.reason for r in removed] == ["comments", "comments"]
