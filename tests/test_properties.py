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
