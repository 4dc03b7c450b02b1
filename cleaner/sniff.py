"""The sniff stage: what kind of input is this? Binary (refused), HTML, or a plain-text dump;
and the address an HTML page states for itself."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from .decode import wide_codec
from .errors import InputError
from .model import Decoded, Options, Page

SNIFF_BYTES = 8192  # the head of the input decides its kind
BINARY_CONTROL_SHARE = 0.10  # more C0 controls than this share of the text: not text
BINARY_NUL_SHARE = 0.001  # NUL bytes beyond this share: binary (compressed data has 0.4%;
# a text file with a few stray NULs has far less, and they are taken out)
NUL_RUN = b"\x00" * 4  # a run like this is a binary format's padding, never text
HTML_MIN_TAGS = 3  # fewer structural tags than this in the head: a text dump
# Input that opens with text, not a tag, is a text dump that may quote markup (a forum post's
# code, a tutorial's `<br/>`): every page of the shared HTML sets opens with a tag and no
# text dump does, and seven of the 905 dumps quote 4-27 tags in their head, which read as
# HTML lost 0.26-0.44 F1 on four of them. Such input is HTML only when a document's start
# stands within LEADING_TEXT_CHARS (a server's warning printed before the page) or its tags
# take FRAGMENT_TAG_SHARE of the head (a fragment of markup; those dumps: 7.4% at most).
LEADING_TEXT_CHARS = 1_000
FRAGMENT_TAG_SHARE = 0.15
ADDRESS_SCAN_CHARS = 200_000  # a page states its address in its head: bounded cost

MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<html|<head|<!--)", re.I)
_TAG_WITH_FFFD = re.compile("<[^<>\ufffd]*\ufffd[^<>]*>")
_ADDRESS_TAG = re.compile(r"<(?:link|meta)\b", re.I)  # opens a tag that may state the address
# a name starts only where a run of name characters does, and is taken whole: else a long run
# (mojibake in a tag left open) is tried again from each of its characters, quadratic
_ATTRIBUTE = re.compile(r"""(?<![\w:-])([\w:-]++)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_HTML_TAG = re.compile(r"<(html|head|body|div|p|meta|title|a|span|table|script|br)\b[^>]*>", re.I)
_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html)\b", re.I)
_OPENING_SPACE = " \t\r\n\ufeff"


def refuse_binary(data: bytes, source: str, encoding_known: bool = False) -> None:
    """Raise InputError when `data` is not text (an image, an archive, an executable)."""
    head = data[:SNIFF_BYTES]
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise InputError(f"{source}: this is {what}, not a page; pass an HTML or text file")
    if encoding_known or b"\x00" not in data or _wide(data):
        return
    if NUL_RUN in data or data.count(0) > BINARY_NUL_SHARE * len(data):
        raise InputError(
            f"{source}: binary data (NUL bytes), not a page; pass an HTML or text file, "
            "or name its encoding with --encoding if it is UTF-16/32 text"
        )


def refuse_binary_text(decoded: Decoded, source: str) -> None:
    """After decoding: text full of control characters is binary data, whatever its bytes
    (decoding took them out and counted them)."""
    if decoded.controls > BINARY_CONTROL_SHARE * (len(decoded.text) + decoded.controls):
        raise InputError(f"{source}: binary data (control characters), not a page")


def sniff(decoded: Decoded, options: Options) -> Page:
    """The page: its kind, its text (an HTML page's tags mended) and its addresses."""
    kind = sniff_kind(decoded.text, options.input_format)
    if kind == "text":
        return Page("text", decoded.text, options.url, utf8=decoded.utf8)
    text = mend_markup(decoded.text)
    own = None if options.url else page_address(text)
    utf8 = decoded.utf8 if text is decoded.text else None  # mended: other bytes
    return Page("html", text, options.url, own, decoded.c1, utf8=utf8)


def page_address(markup: str) -> str | None:
    """The address an HTML page states for itself: the first <link rel="canonical" href> or
    <meta property="og:url" content> (attribute values compared as XPath does, exactly)."""
    head = markup[:ADDRESS_SCAN_CHARS]
    if "canonical" not in head and "og:url" not in head:
        return None  # the values are compared exactly: without either word, no address
    for tag in _address_tags(head):
        if "canonical" not in tag and "og:url" not in tag:
            continue
        found = _ATTRIBUTE.findall(tag)
        attributes = {k.lower(): html.unescape(v.strip("\"'")) for k, v in found}
        if attributes.get("rel") == "canonical" and "href" in attributes:
            return attributes["href"]
        if attributes.get("property") == "og:url" and "content" in attributes:
            return attributes["content"]
    return None


def _address_tags(head: str) -> Iterator[str]:
    """Each <link …> and <meta …> tag of the head, as `<(?:link|meta)\b[^>]*>` finds them, in
    linear time: a tag that no `>` closes ends the search (that regex would scan the rest of
    the head again from each later `<meta`)."""
    at = 0
    while (start := _ADDRESS_TAG.search(head, at)) is not None:
        end = head.find(">", start.end())
        if end < 0:
            return
        yield head[start.start() : end + 1]
        at = end + 1


def sniff_kind(text: str, forced: str = "auto") -> str:
    """'html' or 'text': forced by the caller, else from the tags at the head of the input
    (input that opens with text needs more: see LEADING_TEXT_CHARS)."""
    if forced in ("html", "text"):
        return forced
    head = text[:SNIFF_BYTES]
    if _HTML_START.match(head):
        return "html"
    tags = [m.group() for m in _HTML_TAG.finditer(head)]
    if len(tags) < HTML_MIN_TAGS:
        return "text"
    if head.lstrip(_OPENING_SPACE).startswith("<"):
        return "html"
    if _DOCUMENT_START.search(head, 0, LEADING_TEXT_CHARS):
        return "html"  # a line or two printed before the page
    return "html" if sum(map(len, tags)) >= FRAGMENT_TAG_SHARE * len(head) else "text"


def mend_markup(text: str) -> str:
    """U+FFFD inside a tag taken out: a bad byte in `</div>` would end an element that does
    not exist and reshape the whole tree. One pass: a tag's scan stops at the next < or >."""
    if "\ufffd" not in text:
        return text
    return _TAG_WITH_FFFD.sub(lambda m: m.group().replace("\ufffd", ""), text)


def _wide(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or wide_codec(data) is not None
