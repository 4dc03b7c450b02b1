"""An article's body split into blocks of one kind (an ad between them): trafilatura reads
the first; the others' paragraphs of prose are added where they stand."""

from cleaner import Options, clean

SENTENCES = [
    "The council met on Tuesday to decide the budget for the coming year, and the vote was close.",
    "Residents filled the hall, many of them worried about the closing of the public library.",
    "The mayor argued that the town could not keep every service open without raising taxes.",
    "Opponents answered that the library costs less each year than the new roundabout does.",
    "After three hours of debate the council agreed to keep the library open on weekdays only.",
    "The decision will be reviewed in the spring, when the figures for the winter are known.",
    "Volunteers have offered to run a weekend reading room in the old fire station instead.",
    "The mayor said she welcomed the offer and would meet the volunteers before the summer.",
]


def _page(second: str) -> bytes:
    """An article whose first block holds four paragraphs, an ad, then a block like it."""
    first = "".join(f"<p>{s}</p>" for s in SENTENCES[:4])
    return (
        "<html><head><title>Council keeps the library</title>"
        "<meta property='og:type' content='article'></head><body>"
        "<article class='article'><h1>Council keeps the library</h1><div class='chunks'>"
        f"<div class='grid'><div class='body article__body'>{first}</div></div>"
        "<div class='ad'><div class='ad__slot'>Advertisement</div></div>"
        f"<div class='grid'><div class='body article__body'>{second}</div></div>"
        "</div></article><footer>Contact us</footer></body></html>"
    ).encode()


def test_a_body_continued_in_a_block_like_its_first_is_read_whole():
    doc = clean(_page("".join(f"<p>{s}</p>" for s in SENTENCES[4:])), Options())
    assert doc.method == "trafilatura+continued"
    assert [p.split()[0:3] for p in doc.paragraphs] == [s.split()[0:3] for s in SENTENCES]


def test_one_paragraph_in_a_block_like_the_body_is_no_continuation():
    about = "<p>The Town Herald is an independent newspaper serving the valley since 1901.</p>"
    doc = clean(_page(about), Options())
    assert doc.method == "trafilatura"
    assert not any("Town Herald" in p for p in doc.paragraphs)


def test_a_continued_block_adds_nothing_the_body_holds_already():
    doc = clean(_page("".join(f"<p>{s}</p>" for s in SENTENCES)), Options())  # repeated
    assert len(doc.paragraphs) == len(set(doc.paragraphs))


def test_a_quote_in_a_continued_block_is_added_once():
    quote = (
        "<blockquote><p>We will keep the doors open as long as the town wants us to, and we "
        "have every reason to think that it does.</p></blockquote>"
    )
    doc = clean(_page("".join(f"<p>{s}</p>" for s in SENTENCES[4:]) + quote), Options())
    assert doc.method == "trafilatura+continued"
    assert sum("keep the doors open" in p for p in doc.paragraphs) == 1
