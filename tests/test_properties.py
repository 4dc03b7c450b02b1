"""Properties over arbitrary input: decoding never raises, cleaning never crashes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import CleanerError, clean, to_text
from cleaner.decode import decode_bytes


@settings(deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_never_raises(data):
    decoded = decode_bytes(data)
    assert isinstance(decoded.text, str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_cleaning_arbitrary_bytes_gives_a_document_or_a_clean_error(data):
    try:
        doc = clean(data)
    except CleanerError as err:
        assert err.message
    else:
        assert "\n\n" not in to_text(doc)


PARAGRAPH = st.lists(
    st.sampled_from(
        [
            "互联网",
            "扶贫",
            "发展",
            "工作",
            "，",
            "。",
            "the",
            "city",
            "council",
            "voted",
            ",",
            ".",
            " ",
            "2024",
            "(",
            ")",
            ":",
            # English cue words and marks beside the Chinese: what found the title cases of
            # the twenty-fifth session (`互联网Re: 互联网»互联网`, `互联网 | Posted by ()`)
            "!",
            "?",
            "-",
            "|",
            "»",
            "\t",
            "Re: ",
            "Posted by ",
            "related",
            "&nbsp;",
        ]
    ),
    min_size=1,
    max_size=40,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=12))
def test_cleaning_clean_output_changes_nothing(paragraphs):
    once = to_text(clean("\n".join(paragraphs).encode("utf-8")))
    assert to_text(clean(once.encode("utf-8"))) == once


# --- issue #16: tag soup, mutated samples, stray bytes ---

from conftest import SAMPLES  # noqa: E402

from cleaner import Options  # noqa: E402
from cleaner.evaluate.metrics import score  # noqa: E402

SAMPLE_PAGES = sorted(SAMPLES.glob("*/raw.*"))
TAG_SOUP = st.lists(
    st.sampled_from(
        ["<html>", "<body>", "<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--",
         "-->", "<title>", "<a href='http://[::1'>", "<link rel=canonical href='http://['>",
         "<table><tr><td>", "<br>", "&amp;", "&#0;", "&#xD800;", "<", ">", "\x0c", "\x0b",
         "\x00", "\ufffd", "中文", "text ", "Paragraph with enough words to be a sentence. "]
    ),
    max_size=200,
).map("".join)  # fmt: skip


@settings(max_examples=150, deadline=None, derandomize=True)
@given(TAG_SOUP, st.sampled_from(["auto", "html", "text"]))
def test_tag_soup_gives_a_document_or_a_clean_error(soup, kind):
    try:
        clean(soup.encode("utf-8"), Options(input_format=kind, explain=True))
    except CleanerError as err:
        assert err.message


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    st.sampled_from(SAMPLE_PAGES),
    st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=0, max_size=6)), max_size=6),
    st.floats(0, 1),
)
def test_mutated_samples_give_a_document_or_a_clean_error(page, edits, cut):
    data = bytearray(page.read_bytes())
    for where, junk in edits:
        at = int(where * len(data))
        data[at : at + len(junk)] = junk
    data = bytes(data[: max(1, int(cut * len(data)))])
    try:
        clean(data, Options(explain=True))
    except CleanerError as err:
        assert err.message


# Bytes no text in the page's codec holds: for UTF-8 a byte it never uses, a lone
# continuation byte or a lead cut off; for GBK 0xFF and for Big5 also 0x80, the bytes they
# never use (any other can pair with a lead byte, and then nothing is invalid to see).
INVALID = {"utf-8": (0x80, 0x9F, 0xBF, 0xC0, 0xC1, 0xE4, 0xF5, 0xFE, 0xFF),
           "gb18030": (0xFF,), "big5hkscs": (0x80, 0xFF)}  # fmt: skip
ENCODINGS = {page: decode_bytes(page.read_bytes()).encoding for page in SAMPLE_PAGES}


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.sampled_from(SAMPLE_PAGES), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8)),
                                               min_size=1, max_size=3))  # fmt: skip
def test_stray_bytes_keep_the_output(page, strays):
    """1-3 invalid bytes anywhere in a page keep its output at shingle F1 >= 0.95."""
    data = page.read_bytes()
    undamaged = to_text(clean(data))
    invalid = INVALID[ENCODINGS[page]]
    damaged = bytearray(data)
    for where, pick in sorted(strays, reverse=True):
        damaged.insert(int(where * len(damaged)), invalid[pick % len(invalid)])
    assert score(undamaged, to_text(clean(bytes(damaged)))).f1 >= 0.95


@given(st.text(alphabet=st.sampled_from(list("中文한글カナabc XYZ019_-.,\n\u00e9")), max_size=80))
def test_tokens_at_most_never_counts_fewer_tokens_than_the_metric(text):
    from cleaner.scripts import TOKEN, tokens_at_most

    exact = len(TOKEN.findall(text))
    assert exact <= tokens_at_most(text)
    if not any("a" <= c <= "z" or "A" <= c <= "Z" or c.isdigit() or c == "é" for c in text):
        assert tokens_at_most(text) == exact  # CJK characters alone: one token each


TITLE_PART = st.sampled_from(
    ["Dental Care", "ONE Health Ohio", "Hacker News", "new", "Forum", "example.com", "Docs",
     "Occupational Safety and Health Administration", "新浪网", "", " "]
)  # fmt: skip
SEPARATOR = st.sampled_from([" | ", " - ", " – ", "_", " » ", "--", " / "])
ADDRESS = st.sampled_from(
    [None, "https://onehealthohio.org/a", "https://news.ycombinator.com/newest", "http://[",
     "https://www.osha.gov/x", "//forum.example.com/t/1", "https://docs.example.co.uk/", "x"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TITLE_PART, SEPARATOR), min_size=1, max_size=5), ADDRESS)
def test_a_dumps_title_read_with_any_address_is_a_part_of_its_title_line(parts, address):
    from cleaner.textdump.fields import address_names, split_page_title

    line = "".join(part + separator for part, separator in parts).strip()
    headline, site = split_page_title(line, address_names(address))
    assert headline in line
    assert site is None or site in line
    # and a dump that opens with it cleans to itself with that address
    body = "The council voted on Monday to keep the library open, after a long debate."
    dump = "\n".join([line or "Title", *(body.replace("Monday", d) for d in ("Mon", "Tue"))])
    options = Options(url=address if address != "x" else None)
    once = to_text(clean(dump.encode("utf-8"), options))
    assert to_text(clean(once.encode("utf-8"), options)) == once
