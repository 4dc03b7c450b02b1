"""Metadata a text dump states: date (ISO 8601), author, site name, from its cue patterns."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from ..normalize import CJKISH, letters_key, normalize_paragraph
from ..rules.cuefiles import generic_cues
from ..rules.cues import CueSet
from ..scripts import cjk_chars
from ..urls import site_labels
from .features import line_cues

MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
# "Headline - Site", "Headline_Site"; a match starts only where a run of spaces does (else a
# long run of spaces is scanned again from each of its characters)
# spaced dashes, bars and dots, underscores (not inside a name such as `ngx_http_rewrite_module`:
# a letter or digit of ASCII on both sides), bars, and a hyphen or two between Han characters
# ("成长--大河网", "“洛克菲勒”-搜狐财经", "该吃吗？-报社新闻"; an ASCII `?` or `!` after Han, or
# after anything else normalizing makes it full-width beside (`，!-`; normalize.CJKISH), as
# well: clean output read again parts its title alike),
# never inside a word of a script that hyphenates
TITLE_SEPARATORS = re.compile(
    r"(?<!\s)\s+[-|–—_·•»›]\s+|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|(?<!\s)\s*\|\s*"
    rf"|(?:(?<=[\u3400-\u9fff”》）」)？！])|(?<=[{CJKISH}][?!]))-{{1,2}}(?=[\u3400-\u9fff\[【《“])"
)
SLASHED = re.compile(r"(?<!\s)\s+/\s+")  # a spaced slash parts a title where it stands twice
# (a forum's `Topic / Board / Forum`); once it is a headline's own (`Dare to Play 3 / October
# pack`, `Tech conferences in Americas 2026 / 2027`)
SLASHES_TO_PART = 2
MAX_SITENAME_CHARS = 40  # a longer title segment is a headline, not a site name
SITE_LABEL_MIN = 4  # a name of the address this long, inside a title's last part, names the
# site there ("Supabase Docs"); a shorter one ("bbc", "nbf") only when the part is that name


META_REASONS = ("metadata", "editor")  # cue reasons of lines that state metadata (a byline,
# a date, a source)
NO_ADDRESS: tuple[str, ...] = ()
# a title part that is an address (`Psychiatry.org`, `blog.wenxuecity.com`)
ADDRESS = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?", re.I)


@lru_cache(maxsize=256)
def address_names(address: str | None) -> tuple[str, ...]:
    """The names in a page's address (urls.site_labels), letters only, its registrable name
    last: `docs`, `supabase` of docs.supabase.com; remembered: each read of a dump's title
    asks again."""
    return tuple(name for label in site_labels(address) if (name := letters_key(label)))


def names_site_itself(part: str, names: tuple[str, ...]) -> bool:
    """Whether a title's part is the site's name itself, not a headline that holds it: one
    of its address's names (`Moz`), or an address (`Psychiatry.org`, `blog.wenxuecity.com`)."""
    return letters_key(part) in names or ADDRESS.fullmatch(part.strip()) is not None


def names_address(part: str, names: tuple[str, ...]) -> bool:
    """Whether a title's part names the site by its address: it is one of the address's
    names (`Moz`, `BBC`), holds one of SITE_LABEL_MIN letters or more (`ONE Health Ohio` on
    onehealthohio.org, `Hacker News` on news.ycombinator.com), or its words' initials spell
    its registrable name (`Occupational Safety and Health Administration` on osha.gov)."""
    letters = letters_key(part)
    if letters in names:
        return True
    if any(len(label) >= SITE_LABEL_MIN and label in letters for label in names):
        return True
    initials = "".join(word[0] for word in _NAME_WORD.findall(part)).lower()
    return len(initials) >= ACRONYM_MIN and bool(names) and initials == names[-1]


ACRONYM_MIN = 3  # a name's initials this long spell its address's registrable name (`osha`,
# `bcbs`, `mit`; not a subdomain's: `Daily Lodging Report` is dlr.skift.com's listing)
_NAME_WORD = re.compile(r"\b[A-Z][A-Za-z]*")  # a capitalised word: `and`, `of` are no initials


def find_date(lines: Iterable[str], cues: CueSet) -> str | None:
    """The first valid date any text_date pattern finds, as YYYY-MM-DD."""
    patterns = cues.field_patterns("text_date")
    for line in lines:
        for pattern in patterns:
            for match in pattern.finditer(line):
                iso = _iso(match)
                if iso:
                    return iso
    return None


def find_field(name: str, lines: Iterable[str], cues: CueSet) -> str | None:
    """Group 1 of the first text_<name> pattern that matches a line."""
    patterns = cues.field_patterns(f"text_{name}")
    for line in lines:
        for pattern in patterns:
            match = pattern.search(line)
            if match and match.group(1):
                return match.group(1).strip()
    return None


def as_shown(title: str | None, cues: CueSet) -> str | None:
    """A title as a document shows it: normalized, without its labels (None: none left)."""
    title = normalize_paragraph(title) if title else None
    return (without_labels(title, cues) if title else None) or None


def without_labels(title: str, cues: CueSet) -> str:
    """The title without the labels set beside its headline (`title_label` patterns: a
    forum's `Question` badge, `主题：`, an `[编辑]` link, a `（页 1）` counter); the title as
    given when nothing of a word would be left, or a line a cue drops (`2024` of `2024()`, a
    counter: clean output read again would lose it)."""
    bare = title
    for pattern in cues.field_patterns("title_label"):
        bare = pattern.sub("", bare, count=1).strip()
    return bare if bare != title and stands_as_title(bare, cues) else title  # (`2024()`)


def stands_as_title(text: str, cues: CueSet) -> bool:
    """Whether a title shortened for show (its labels or a lead-in's colon taken off) is
    still one read alone: a letter or digit in it (WORDLIKE), and no cue that drops its line
    (`2024` is a counter): clean output read again keeps it as its title."""
    return WORDLIKE.search(text) is not None and line_cues([text], cues)[0][1] is None


def separator_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each separator between a title's parts: TITLE_SEPARATORS, and spaced
    slashes where SLASHES_TO_PART of them stand."""
    spans = [m.span() for m in TITLE_SEPARATORS.finditer(line)]
    slashes = [m.span() for m in SLASHED.finditer(line)] if "/" in line else []
    return sorted(spans + slashes) if len(slashes) >= SLASHES_TO_PART else spans


@lru_cache(maxsize=1024)
def title_parts(line: str) -> tuple[str, ...]:
    """'Headline - Section - Site' -> ('Headline', 'Section', 'Site') (at least one part);
    a part without a letter or digit is what is left of separators side by side (`Site | |
    -`), however its spaces fall. Remembered: a dump's first line is split again by each
    step that reads its title."""
    spans = separator_spans(line)
    ends = [begin for begin, _ in spans[1:]] + [len(line)] if spans else []  # (a part's end)
    pieces, start = [], 0
    for (begin, end), part_end in zip(spans, ends, strict=True):
        if not _goes_on(line[end:part_end]):
            pieces.append(line[start:begin])
            start = end
    pieces.append(line[start:])
    parts = tuple(p.strip() for p in pieces if p and WORDLIKE.search(p))
    return parts or (line.strip(),)


SUBTITLE_MIN_WORDS = 3  # a part after a separator that goes on in lower case for this many
# words continues the headline (`… – and how to solve it`, `… review – shoots for the moon`,
# `Take C.A.R.E. - comwrap auf der DMEXCO 2018`); a site's name is a word or two


def _goes_on(part: str) -> bool:
    """Whether the part after a title's separator (up to the next) continues its headline:
    its first word is a word in lower case (not a brand's `eBay`, `wikiHow`, nor `j7+`) or one
    that goes on (`title_goes_on`: `— And They're Brutal`), it runs to SUBTITLE_MIN_WORDS
    words, and it does not read as a site's (`… | dev.to`)."""
    part = part.strip()
    words = part.split()
    if len(words) < SUBTITLE_MIN_WORDS:
        return False
    first = words[0]
    going_on = generic_cues().field_patterns("title_goes_on")
    if not (first.isalpha() and first.islower()) and not any(p.search(first) for p in going_on):
        return False
    return not is_site_part(part)


WORDLIKE = re.compile(r"[^\W_]")  # a letter or digit: a text without one is a mark, no words


def split_page_title(line: str, names: tuple[str, ...] = NO_ADDRESS) -> tuple[str, str | None]:
    """'Headline - Site' -> ('Headline', 'Site'); the longest part is the headline, of those
    before the parts at the end that name a site (`site_part` in rules/generic: `… | Laravel
    China 社区`, `… - Powered by Discuz!`, a domain name; or the page's address: `names`)."""
    parts = title_parts(line)
    if len(parts) < 2:
        return line.strip(), None
    begin = 1 if names_site_itself(parts[0], names) else 0  # `Psychiatry.org - Headline`
    headline = max(parts[begin : begin + _own_parts(parts[begin:], names)], key=_reading_length)
    site = parts[-1] if parts[-1] != headline else parts[0]
    return headline, site if len(site) <= MAX_SITENAME_CHARS else None


CJK_CHAR_LENGTH = 3  # a CJK character says as much as this many Latin letters: 0.6 of a word
# (features.CJK_WORD_RATIO), a word about five letters. zh-cwced: `Joel on Software - 给计算机系
# 学生的建议` is headed by its Chinese part (two titles better in the fifteen readings, none worse)


def _reading_length(part: str) -> int:
    """A part's length as a reader weighs it: a CJK character as CJK_CHAR_LENGTH letters."""
    return len(part) + (CJK_CHAR_LENGTH - 1) * cjk_chars(part)


def _own_parts(parts: tuple[str, ...], names: tuple[str, ...]) -> int:
    """How many of a title's parts come before those at its end that name a site (one at
    least)."""
    end = len(parts)
    while end > 1 and (names_address(parts[end - 1], names) or is_site_part(parts[end - 1])):
        end -= 1
    return end


def is_site_part(part: str) -> bool:
    """Whether a title's part reads as a site's whatever the site (`site_part` in
    rules/generic: a domain name, `Powered by …`, `Official Site`, a name ending in 论坛)."""
    patterns = generic_cues().field_patterns("site_part")  # (no page's rule is known here)
    return any(p.search(part) for p in patterns)


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    try:
        year, day = int(groups["y"]), int(groups["d"])
        mon = groups.get("mon")
        month = MONTHS[mon[:3].lower()] if mon else int(groups["m"])
        return dt.date(year, month, day).isoformat()
    except (KeyError, TypeError, ValueError):
        return None
