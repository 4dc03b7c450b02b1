from conftest import EN_PROSE

from cleaner import Options, clean
from cleaner.emit import to_text

EN = EN_PROSE


def test_a_title_that_clean_output_would_drop_is_not_shown_and_its_line_is_recorded():
    # normalized, `互联网Re: 互联网»互联网` shows as `互联网Re：互联网»互联网`, a breadcrumb (no
    # space left in its first step): read again, clean output would lose its only line; so
    # the first reading does not show it, and says why (found by hypothesis)
    dump = "互联网Re: 互联网»互联网".encode()
    doc = clean(dump, Options(explain=True))
    assert doc.title is None and doc.paragraphs == ()
    assert [(r.line, r.text, r.reason) for r in doc.removed] == [
        (1, "互联网Re：互联网»互联网", "breadcrumb")
    ]
    assert to_text(clean(to_text(doc).encode())) == to_text(doc) == ""


def test_a_title_clean_output_reads_as_its_first_paragraph_stays_the_title():
    # read again, the title line of clean output opens its body: the same text, so the
    # first reading keeps it as the title (not a title lost, nor a paragraph added)
    headline = "Is Football Violence a Crime?"
    body = [EN, EN.replace("trip", "journey"), EN.replace("trip", "flight")]
    dump = [f"{headline} - Example News", "Home | Sports | Opinion", headline, *body]
    doc = clean("\n".join(dump).encode())
    assert doc.title == headline and list(doc.paragraphs) == body
    once = to_text(doc)
    assert to_text(clean(once.encode())) == once


def test_the_title_is_read_again_as_clean_output_shows_it():
    # clean output shows a title without its labels: `互联网 | Posted by ()` shows as
    # `互联网 | Posted by`, whose second part is a byline's, so read again it shows `互联网`;
    # the settling reading reads the title as shown, and shows `互联网` (found by hypothesis)
    once = to_text(clean("互联网 | Posted by ()".encode()))
    assert once == "互联网\n" and to_text(clean(once.encode())) == once


def test_a_paragraph_clean_output_reads_as_its_title_is_the_title():
    # no title, and a paragraph that clean output, read again, shows as its title without
    # its label (`()`): it is the title (before, it was dropped, and nothing said so)
    dump = "\n".join(["-", "Posted by 互联网互联网|&nbsp;()"]).encode()
    doc = clean(dump, Options(explain=True))
    assert doc.title == "Posted by 互联网互联网|&nbsp;" and doc.paragraphs == ()
    assert to_text(clean(to_text(doc).encode())) == to_text(doc)


def test_title_less_clean_output_whose_first_paragraph_reads_as_a_title_settles():
    # no title: read again, clean output's first paragraph is its <title> line, shown as its
    # headline (`Headline-Site`), and the next becomes the first: each reading lost one more
    # (found by CI's own property over 150,000 examples). The first paragraph's headline is
    # the title once it would be, and the rest stays
    dump = ["2024", "互联网互联网-互联网&nbsp;", "互联网扶贫扶贫|&nbsp;", "互联网发展|&nbsp;扶贫",
            "互联网互联网互联网互联网-互联网&nbsp;"]  # fmt: skip
    doc = clean("\n".join(dump).encode())
    assert doc.title == "互联网互联网" and len(doc.paragraphs) == 3
    assert to_text(clean(to_text(doc).encode())) == to_text(doc)
