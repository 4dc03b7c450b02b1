"""Which line of a dump is its title, and what a reader is shown as the title: the headline
above the body (the line that repeats the page <title>'s headline, else the nearest heading-like
line), the line that anchors the body (the page's own heading), and the body lines that repeat
the title (two lines are the same headline as alike.py reads them)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..normalize import letters_key
from ..rules.cues import CueSet
from .alike import TITLE_SIMILARITY, same_headline
from .body import GOOD_WEIGHT, Verdict, line_score
from .features import LineInfo, checked_cue, line_weight
from .fields import (
    ADDRESS,
    META_REASONS,
    NO_ADDRESS,
    find_field,
    split_page_title,
    title_parts,
)

TITLE_WINDOW = 12  # the title stands within this many lines above the body
TITLE_MIN_WEIGHT = 2.5  # lighter lines ("7 分钟", "@handle") are not titles
TITLE_MAX_WEIGHT = 40.0  # heavier lines are paragraphs or teasers
# the least share of a headline's letters a line alike it has (same_headline's length bound,
# below TITLE_CONTAINED): 2 * shorter >= TITLE_SIMILARITY * (shorter + longer)
ALIKE_SHORTER = TITLE_SIMILARITY / (2 - TITLE_SIMILARITY)
TITLE_REPEAT_WINDOW = 5  # a body line this near the top that repeats the title is dropped
ALIKE_LONGER = 1.3  # a line only alike the headline anchors the body when at most this much
# longer than it: "ExactCare Travel Insurance" is not the heading of "Travel Insurance" (1.15-1.5
# measured alike on the text sets; 2.0 lets clean output re-read lose its top)
# a document's numbered section, 一、 to 十九、: a heading inside the body, not its title
_SECTION_NUMBER = re.compile("[一二三四五六七八九十]{1,3}、")
SUBTITLE_MARK = "——"  # a Chinese subtitle's opening dash
# a command's synopsis or a lead-in, not a headline: an optional part in spaced, dashed or
# comma'd brackets, a <placeholder> (`TABLE [ ONLY ] table_name [ * ]`, `[-S[<keyid>]]`), a
# line ending in a colon (`and with_query is:`); a headline's own brackets hold words
# (`Best Audiobook Subscriptions [Tried 11 Services]`). wcxb-dev-text: three documentation
# titles were such lines, one body anchored under a lead-in 0.705 -> 0.883; no other page moved
_SYNOPSIS = re.compile(r"\[[\s,-]|\s\]|\(\s|<[\w-]+>|\w[:：]$")
GOES_ON = (",", "，", "、")  # a line ending in these goes on into the next: no headline (`If
# you find CSrankings useful,`, `为了贯彻落实北京市“十五”时期儿童发展规划，`)
MENU_PARTS = 6  # a first line of this many parts, each a menu item's length at most
SHORT_MENU_PARTS = 3  # a shorter menu's parts: its headline is no better than a heavier line
MENU_ITEM_CHARS = 12  # (MENU_ITEM_CHARS), is a menu: 18 and 20 parts of 2 characters on two
# zh-cwced dumps, where a <title> of so many short parts stands on none of the shared sets
CANDIDATE_SHARE = 0.65  # a heading-like line unlike the <title> this much lighter than it is no
# headline (wcxb-dev-text: 56.1% -> 58.4% exact titles, 58.6% at 0.7; from 0.75 on, the user's
# seed dump, whose first line is a headline of the site's list, loses its own headline)


def shown_title(
    infos: Sequence[LineInfo],
    title: str | None,
    index: int | None,
    cues: CueSet,
    names: tuple[str, ...] = NO_ADDRESS,
) -> str | None:
    """The title a reader is shown: the headline of the line chosen when that line is a
    `Headline | Site` <title> or heading (the site's name left out; shown this way, clean
    output read again shows the same title); the line chosen, when it is the page <title>'s
    headline or like it; else that headline (the nearest heading-like line above the body,
    "Table of Contents", "Start Free Trial", is no better a guess than the page's own title),
    when the dump's first line reads as a <title>. A headline that is boilerplate itself (a
    breadcrumb, a copyright) is never shown. `names`: the page's address's (a part that
    names the site is not its headline)."""
    first = next((i for i in infos if i.text), None)
    if title is None or first is None:
        return title
    if index == first.index or len(title_parts(title)) >= 2:
        return _headline_of(title, cues, names) or title
    if len(title_parts(first.text)) < 2 or _is_menu(first.text):
        return title  # a first line without a site name beside it may be no <title> at all
    if any(same_headline(title, head) for head in _heads(first.text, names)):
        return title
    headline = _headline_of(first.text, cues, names)
    if (
        headline
        and index is not None
        and _is_menu(first.text, SHORT_MENU_PARTS)
        and _outweighs(infos[index].weight, line_weight(headline))  # (a line's index: its place)
    ):
        return title  # `Home | News | Sport`: a menu's items, not a headline and its site
    return headline or title


def _headline_of(page_title: str, cues: CueSet, names: tuple[str, ...]) -> str | None:
    """The headline of a `Headline | Site` <title> line, unless it is boilerplate itself."""
    if len(title_parts(page_title)) < 2:
        return None
    headline = split_page_title(page_title, names)[0]
    return headline if cues.match(headline) is None else None


def title_repeats(verdict: Verdict, title: str | None, title_index: int | None) -> list[int]:
    """Body lines near the top that repeat the title (the title line itself aside)."""
    if not title:
        return []
    top = [i for i in verdict.body[: TITLE_REPEAT_WINDOW + 1] if i != title_index]
    return [i for i in top[:TITLE_REPEAT_WINDOW] if same_headline(verdict.lines[i].text, title)]


def choose_title(
    infos: Sequence[LineInfo], verdict: Verdict, cues: CueSet, names: tuple[str, ...] = NO_ADDRESS
) -> int | None:
    """The headline above the body: the line that repeats the page <title>'s headline
    (_repeated_headline), else one of _candidates, else the <title> line itself (the cue
    matches of the lines it looks at settled on a copy of `infos`)."""
    infos = list(infos)
    content = [i for i in infos if i.text]
    if not content:
        return None
    page_title = content[0]
    start = verdict.start if verdict.start >= 0 else content[-1].index + 1
    header = [i for i in content if i.index < start]
    above = header[-TITLE_WINDOW:]
    for info in above:
        infos[info.index] = checked_cue(info, cues)
    above = [infos[i.index] for i in above]
    page_title = infos[page_title.index] = checked_cue(infos[page_title.index], cues)
    menu = _is_menu(page_title.text)  # no headline to look for, and no title itself
    headline = "" if menu else split_page_title(page_title.text, names)[0]
    heads = (headline, title_parts(page_title.text)[0])  # _heads, the title split once
    keys = set() if menu else {letters_key(head) for head in heads}
    keys.discard("")
    farther = header[:-TITLE_WINDOW]
    repeat = _repeated_headline(above, farther, page_title.index, headline, keys, infos, cues)
    if repeat is not None:
        return repeat
    candidates = _candidates(above, page_title.index, cues)
    usable = (
        page_title.cue is None
        and not menu
        and (
            page_title.index < start
            or (page_title.index == start and _opens_body(page_title, verdict))
        )
    )
    if candidates and not (usable and _outweighs(page_title.weight, candidates[0].weight)):
        return candidates[0].index
    return page_title.index if usable else None


def _candidates(above: list[LineInfo], page_title: int, cues: CueSet) -> list[LineInfo]:
    """The headlines the lines above the body may hold, best first: the heading-like line
    they show twice, the one over the first byline near the body, then every heading-like
    line, the nearest first."""
    shown = _shown_twice(above, page_title) + _bylined(above, cues)
    return shown + [i for i in reversed(above) if _heading_like(i)]


def _shown_twice(above: list[LineInfo], page_title: int) -> list[LineInfo]:
    """The heading-like line nearest the body that the lines above it show twice (the page's
    header and the story's top both show its headline: `北京市儿童(13-15岁)心理素质发展现状调查
    研究报告` over its source's line and again under it), if any; the <title> line aside."""
    shown = Counter(letters_key(i.text) for i in above if i.index != page_title)
    for info in reversed(above):
        if info.index != page_title and shown[letters_key(info.text)] >= 2 and _heading_like(info):
            return [info]
    return []


def _bylined(above: list[LineInfo], cues: CueSet) -> list[LineInfo]:
    """The heading-like line right above the window's first line of metadata (a byline, a
    date: `Published Tue, Nov 19 2019`; or a line that states the author, `本报记者 王燕平`,
    which a body may keep), if any: a story's headline stands over its byline."""
    for line, below in zip(above, above[1:], strict=False):
        stated = below.cue is None and find_field("author", (below.text,), cues) is not None
        if stated or (below.cue is not None and below.cue.reason in META_REASONS):
            return [line] if _heading_like(line) else []
    return []


def _repeated_headline(above: list[LineInfo], farther: list[LineInfo], page_title: int,
                       headline: str, keys: set[str], infos: list[LineInfo],
                       cues: CueSet) -> int | None:  # fmt: skip
    """The line that repeats the page <title>'s headline: the nearest to the body of, in turn,
    the lines of the window above it that repeat a head (`keys`), however short ("夜雨"), the
    lines farther up (past a header of menus, bylines and related links) that repeat the
    headline, the heading-like lines alike it in the window then farther up, and the lines
    farther up that repeat a head (a repeat of the <title>'s first part, `json`, comes after
    a heading alike its headline, `json — JSON encoder and decoder¶`). Cue matches are
    settled in `infos`."""
    key = letters_key(headline)
    for lines, wanted in ((above, keys), (farther, {key} - {""})):
        if (found := _repeat(lines, wanted, page_title, infos, cues)) is not None:
            return found
    shortest = ALIKE_SHORTER * len(key)  # a line alike the headline is this long
    for lines in (above, farther) if key else ():
        for info in reversed(lines):
            if len(info.text) < shortest or info.index == page_title:
                continue
            if not _headline_shaped(info) or not same_headline(info.text, headline):
                continue
            info = infos[info.index] = checked_cue(info, cues)
            if _heading_like(info):
                return info.index
    return _repeat(farther, keys, page_title, infos, cues)


def _repeat(lines: list[LineInfo], keys: set[str], page_title: int, infos: list[LineInfo],
            cues: CueSet) -> int | None:  # fmt: skip
    """The last of the lines (the page <title>'s own aside) that repeats one of the keys, no
    cue's and no list item."""
    shortest = min(map(len, keys), default=0)  # normalizing only shortens a line
    for info in reversed(lines):
        if len(info.text) < shortest or info.index == page_title:
            continue
        if letters_key(info.text) not in keys:
            continue
        info = infos[info.index] = checked_cue(info, cues)
        if info.cue is None and not info.bullet:
            return info.index
    return None


def _is_menu(line: str, least: int = MENU_PARTS) -> bool:
    """Whether a dump's first line is a menu of the site's sections (`首页 - 新闻 - 北京 - 体育
    - …`), not a page <title>: `least` parts or more, none longer than a menu item."""
    parts = title_parts(line)
    return len(parts) >= least and max(map(len, parts)) <= MENU_ITEM_CHARS


def _opens_body(page_title: LineInfo, verdict: Verdict) -> bool:
    """Whether the dump's first line, where its body starts (a thread's posts run from the
    top), is its page <title> all the same: a `Topic - Board - Forum` line of a headline's
    weight, which the body goes on without, when a paragraph of its own follows (a page of
    short lines whose heaviest is that line has no body without it), or when it is the body's
    only line: a dump of a page whose text its scripts write (a Discourse thread's) holds its
    <title> and little else, and that line is no paragraph of the page (read again alone, as
    clean output is, it is a title)."""
    if not (_heading_like(page_title) and len(title_parts(page_title.text)) >= 2):
        return False
    body = [verdict.lines[i] for i in verdict.body if i != page_title.index]
    return not body or any(line_score(info) >= GOOD_WEIGHT for info in body)


def _outweighs(heavier: float, lighter: float) -> bool:
    """Whether a line of the first weight is a better guess than one of the second, much
    lighter: the page's <title> line than a heading-like line unlike it ("Start Free Trial",
    "Table of contents" above a long headline's body), and the other way round."""
    return lighter < CANDIDATE_SHARE * heavier


def headline_anchor(
    infos: list[LineInfo], cues: CueSet, names: tuple[str, ...] = NO_ADDRESS
) -> int | None:
    """The first line below the page's <title> line (a dump's first line) that repeats its
    headline (its longest part, or its first: "The Spies of Georgetown - Atlas Obscura
    Experiences"): the article's own heading, where its body starts. A line that repeats it
    exactly wins over an earlier one that is only alike (a teaser for the next day's
    horoscope)."""
    content = [i for i in infos if i.text]
    if len(content) < 2:
        return None
    if _is_menu(content[0].text):
        return None  # a menu of the site's sections, no page <title>: nothing to repeat
    heads = _heads(content[0].text, names)
    exact = {letters_key(head) for head in heads} - {""}
    # normalizing only shortens a line: one that may repeat a head exactly is this long
    shortest = min(map(len, exact), default=0)
    longest = 2 * max(map(len, heads)) + 20 if exact else -1
    # the lengths a line alike a head has (see _alike, same_headline): bounds tested first
    alike_longest = ALIKE_LONGER * max(map(len, heads))
    alike_shortest = ALIKE_SHORTER * shortest  # (a head without letters is alike no line)
    alike = None
    for info in content[1:]:
        text = info.text
        length = len(text)
        same = shortest <= length <= longest and not info.bullet and letters_key(text) in exact
        if not same:
            if alike is not None or not alike_shortest <= length <= alike_longest:
                continue
            if not _heading_like(info) or not any(_alike(text, head) for head in heads):
                continue
        if checked_cue(info, cues).cue is not None:
            continue  # a breadcrumb that ends in the headline
        if same:  # whatever its shape ("…結果!!", a long headline): the page's own heading
            return info.index
        alike = info.index
    return alike


def _heads(page_title: str, names: tuple[str, ...]) -> set[str]:
    """The page <title> line's headline: its longest part and its first."""
    return {split_page_title(page_title, names)[0], title_parts(page_title)[0]}


def _alike(line: str, head: str) -> bool:
    return len(line) <= ALIKE_LONGER * len(head) and same_headline(line, head)


def _heading_like(info: LineInfo) -> bool:
    """A line that may be a headline: no cue's, no list item, of a headline's weight, one
    sentence at most, not a document's numbered section (`一、培养目标`) and not a subtitle set
    under its headline (`——当代中国的精神危机`)."""
    return info.cue is None and _headline_shaped(info)


def _headline_shaped(info: LineInfo) -> bool:
    """_heading_like, its cue aside (its match is deferred on lines far from the body); a
    web address (`www.BestSharpeningStones.com`), or a line that holds one with its scheme
    (`http://www.qianlong.com/ 2005-07-18 13:03:17`, a source's), or a command's synopsis
    (_SYNOPSIS), is no headline."""
    if info.bullet or not TITLE_MIN_WEIGHT <= info.weight <= TITLE_MAX_WEIGHT:
        return False
    if info.sentence_ends > 1 or "://" in info.text or ADDRESS.fullmatch(info.text):
        return False
    if _SYNOPSIS.search(info.text) or info.text.endswith(GOES_ON):
        return False
    return _SECTION_NUMBER.match(info.text) is None and not info.text.startswith(SUBTITLE_MARK)
