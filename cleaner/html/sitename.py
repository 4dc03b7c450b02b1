"""The parts of a page's title that name its site, and the title without them: its
og:site_name, a name in its address (`Bulova`, `Supabase Docs` on supabase.com), an address
itself, and the short sections a title ends with (html/title.py reads the headline)."""

from __future__ import annotations

import re

from ..normalize import letters_key, reader_key
from ..textdump.fields import is_site_part, names_address, names_site_itself, separator_spans

SUBTITLE_DASH = re.compile(r"\s[–—]\s")
_BOARD_HYPHENS = ("-", "--")  # an unspaced hyphen after a board's name (not a subtitle's dash)
_BREADCRUMB_MARKS = ("»", "›")  # a breadcrumb's mark after a site's or a blog's name
TAIL_SHARE = 1.5  # parts after a title's first this many times shorter are a site's sections


def without_site_name(title: str, site: set[str], names: tuple[str, ...]) -> str:
    """The title without the parts at its end that name the site: a part that is its
    og:site_name, or a name in its address (`Bulova`, `Supabase Docs` on supabase.com), or
    holds one (`Warren Averett CPAs & Advisors` on warrenaverett.com), and then without the
    parts after the first when each is much shorter than it (_short_tail); the first stays."""
    spans = _part_spans(title)
    end = len(spans)
    while end > 1 and _names_site(title[slice(*spans[end - 1])], site, names):
        end -= 1
    begin = 1 if end > 1 and _is_site_name(title[slice(*spans[0])], site, names) else 0
    if _short_tail(title, spans[begin:end]):
        end = begin + 1
    elif end - begin == 2 and _short_head(title, spans[begin:end]):
        begin += 1
    if (begin, end) == (0, len(spans)):
        return title
    return title[spans[begin][0] : spans[end - 1][1]].strip()


def _short_tail(title: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the parts after the first are each much shorter than it: sections and a site
    name no metadata names (`四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网`);
    not after a spaced dash, which sets off a subtitle (`Nintendo Switch – OLED Model`)."""
    if len(spans) < 2 or SUBTITLE_DASH.search(title, spans[0][1], spans[1][0]):
        return False
    first = spans[0][1] - spans[0][0]
    return all((end - start) * TAIL_SHARE <= first for start, end in spans[1:])


def _short_head(title: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the first of two parts, set off by an unspaced hyphen or a breadcrumb's mark,
    is much shorter than the second: a forum board's name before the headline (`大话四川-朋友，
    请正确客观认识凉山`), a blog's (`多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业`)."""
    between = title[spans[0][1] : spans[1][0]]
    if between not in _BOARD_HYPHENS and between.strip() not in _BREADCRUMB_MARKS:
        return False
    return (spans[0][1] - spans[0][0]) * TAIL_SHARE <= spans[1][1] - spans[1][0]


def _part_spans(title: str) -> list[tuple[int, int]]:
    """(start, end) of each part of a title between its separators, empty parts left out."""
    spans, start = [], 0
    for separator in [*separator_spans(title), None]:
        end = separator[0] if separator else len(title)
        if title[start:end].strip():
            spans.append((start, end))
        start = separator[1] if separator else end
    return spans


def _is_site_name(part: str, site: set[str], labels: tuple[str, ...]) -> bool:
    """Whether a title's first part is the site's name itself (`Joel on Software - 给计算机系
    学生的建议` on joelonsoftware.com), not a headline that holds it (`Nintendo Switch`)."""
    return reader_key(part) in site or letters_key(part) in labels


def _names_site(part: str, site: set[str], names: tuple[str, ...]) -> bool:
    """Whether a title's part names the site: its og:site_name, its address's name (see
    textdump.fields.names_address), or an address itself (`blog.wenxuecity.com`)."""
    if reader_key(part) in site or names_site_itself(part, names):
        return True
    return names_address(part, names) or is_site_part(part)
