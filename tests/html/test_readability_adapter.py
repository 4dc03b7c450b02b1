"""readability-lxml's reading (html/readability_adapter.py): links left open are unwrapped."""

import lxml.html

from cleaner.html.readability_adapter import readability_text, unnested

STORY = [
    "The council voted on Tuesday night to keep the old library open for another ten years.",
    "Residents had collected more than four thousand signatures against the planned closure.",
    "The mayor said the building will be repaired next spring with money from the state fund.",
]
MENU = "".join(f"<li><a href='/s/{n}'>Section {n}" for n in range(30))  # no link is closed
PAGE = (
    "<html><body><ul>" + MENU + "</ul><article>"
    + "".join(f"<p>{line}</p>" for line in STORY)
    + "</article></body></html>"
)  # fmt: skip


def test_links_left_open_are_unwrapped_where_they_nest():
    tree = lxml.html.fromstring(PAGE)
    assert tree.xpath("//a[ancestor::a]")  # the parser nests what the open links hold
    read = unnested(PAGE)
    assert not isinstance(read, str) and not read.xpath("//a[ancestor::a]")
    assert all(line in read.text_content() for line in STORY)  # their text stays


def test_a_page_whose_links_close_is_given_to_readability_as_it_is():
    fine = "<html><body><p><a href='/a'>Home</a> <a href='/b'>News</a></p></body></html>"
    assert unnested(fine) == fine
    script = fine.replace("</body>", "<script>var s = '<a href=x>';</script></body>")
    assert unnested(script) == script  # a `<a` in a script's text nests no link


def test_readability_reads_a_page_with_links_left_open():
    text = readability_text(PAGE)
    assert all(line in text for line in STORY)


def test_long_runs_of_spaces_are_folded_before_readability_reads_the_page():
    # readability weighs each element's text after folding its spaces, in a regex tried from
    # each space of a run, once per element: runs of LONG_SPACE_RUN or more are folded first
    # (bench/fuzz.py --seed 67), to a line break where they hold one: the same rows come out
    wide = PAGE.replace("</p><p>", "</p>" + " " * 3_000 + "\n" + " " * 3_000 + "<p>")
    wide = wide.replace("the old library", "the old" + " " * 5_000 + "library")
    rows = [" ".join(row.split()) for row in readability_text(wide).splitlines()]
    assert [row for row in rows if row] == STORY
