"""Codec names: a label as Python knows it, widened to the superset pages really use, and the
codecs that may be guessed for a web page at all."""

from __future__ import annotations

import codecs

from ..errors import ConfigError

# Decode with the superset a label's pages really use (WHATWG does the same for Latin-1).
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "cp949": "cp949",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "utf-8",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
}
# Codecs Python calls text encodings that do not read a page's bytes as its characters.
NOT_FOR_PAGES = frozenset(("idna", "punycode", "unicode_escape", "raw_unicode_escape", "undefined"))
# What a browser decodes pages with (the WHATWG Encoding Standard's list), as chardet names
# them: a guess outside it (an EBCDIC or DOS code page) is never right for a web page.
# The first is what chardet answers when nothing fits.
WEB_ENCODINGS = (
    "cp1252", "utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6",
    "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15",
    "iso8859-16", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "cp1250",
    "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "gb18030", "big5hkscs", "euc_jis_2004", "shift_jis_2004", "cp932", "euc_kr", "cp949",
)  # fmt: skip
MULTIBYTE = frozenset(("utf-8", "gb18030", "big5hkscs", "cp932", "euc_jp", "cp949"))
WIDE = frozenset(("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"))


def canonical_codec(name: str) -> str | None:
    """Python's name for a label, widened to its superset; None if Python has no such codec
    or it is no character encoding (rot13, base64, idna)."""
    try:
        info = codecs.lookup(name.strip().lower())
    except (LookupError, ValueError):
        return None
    key = info.name.replace("-", "_")
    if not info._is_text_encoding or key in NOT_FOR_PAGES:  # noqa: SLF001 - codecs' own flag
        return None
    return SUPERSETS.get(key, info.name)


def forced_codec(name: str) -> str:
    """The codec `--encoding NAME` asks for; ConfigError (exit 2) when it names none."""
    codec = canonical_codec(name)
    if codec is None:
        raise ConfigError(
            f"unknown encoding {name!r}: use a character encoding such as utf-8, gb18030, "
            "big5, shift_jis or cp1252, or leave --encoding out to detect it"
        )
    return codec
