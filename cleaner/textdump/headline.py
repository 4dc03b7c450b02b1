"""What a dump's headline looks like, and where the page's own headline stands: the first
line below the page <title> line that repeats its headline anchors the body (title.py chooses
the title shown among such lines)."""

from __future__ import annotations

import re
from statistics import median

from ..normalize import letters_key
from ..rules.cues import CueSet
from .alike import TITLE_SIMILARITY, same_headline
from .features import LineInfo, checked_cue
from .fields import ADDRESS, NO_ADDRESS, split_page_title, title_parts

TITLE_MIN_WEIGHT = 2.5  # lighter lines ("7 分钟", "@handle") are not titles
TITLE_MAX_WEIGHT = 40.0  # heavier lines are paragraphs or teasers
# the least share of a headline's letters a line alike it has (same_headline's length bound,
# below TITLE_CONTAINED): 2 * shorter >= TITLE_SIMILARITY * (shorter + longer)
ALIKE_SHORTER = TITLE_SIMILARITY / (2 - TITLE_SIMILARITY)
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
BAR_PARTS = 4  # a line of this many short parts is a bar of links (`new | past | comments |
# ask`): no headline, and no grid's entry (entries.py)
SHORT_MENU_PARTS = 3  # a shorter menu's parts: its headline is no better than a heavier line
MENU_ITEM_CHARS = 12  # (MENU_ITEM_CHARS), is a menu: 18 and 20 parts of 2 characters on two
# zh-cwced dumps, where a <title> of so many short parts stands on none of the shared sets


def is_menu(line: str, least: int = MENU_PARTS) -> bool:
    """Whether a dump's first line is a menu of the site's sections (`首页 - 新闻 - 北京 - 体育
    - …`), not a page <title>: `least` parts or more, none longer than a menu item."""
    parts = title_parts(line)
    return len(parts) >= least and max(map(len, parts)) <= MENU_ITEM_CHARS


def is_bar(line: str) -> bool:
    """Whether a line is a bar of links set apart by `|` (`Hacker Newsnew | past | comments |
    ask | show`, the site's name glued to its first): BAR_PARTS parts or more, most a menu
    item's length (a <title>'s parts, `Headline_经济_财经网 - CAIJING.COM.CN`, are no bar)."""
    if "|" not in line:
        return False
    parts = [part.strip() for part in line.split("|")]
    return len(parts) >= BAR_PARTS and median(map(len, parts)) <= MENU_ITEM_CHARS


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
    if is_menu(content[0].text):
        return None  # a menu of the site's sections, no page <title>: nothing to repeat
    heads = heads_of(content[0].text, names)
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
            if not heading_like(info) or not any(_alike(text, head) for head in heads):
                continue
        if checked_cue(info, cues).cue is not None:
            continue  # a breadcrumb that ends in the headline
        if same:  # whatever its shape ("…結果!!", a long headline): the page's own heading
            return info.index
        alike = info.index
    return alike


def heads_of(page_title: str, names: tuple[str, ...]) -> set[str]:
    """The page <title> line's headline: its longest part and its first."""
    return {split_page_title(page_title, names)[0], title_parts(page_title)[0]}


def _alike(line: str, head: str) -> bool:
    return len(line) <= ALIKE_LONGER * len(head) and same_headline(line, head)


def heading_like(info: LineInfo) -> bool:
    """A line that may be a headline: no cue's, no list item, of a headline's weight, one
    sentence at most, not a document's numbered section (`一、培养目标`) and not a subtitle set
    under its headline (`——当代中国的精神危机`)."""
    return info.cue is None and headline_shaped(info)


def headline_shaped(info: LineInfo) -> bool:
    """heading_like, its cue aside (its match is deferred on lines far from the body); a
    web address (`www.BestSharpeningStones.com`), or a line that holds one with its scheme
    (`http://www.qianlong.com/ 2005-07-18 13:03:17`, a source's), or a command's synopsis
    (_SYNOPSIS), is no headline."""
    if info.bullet or not TITLE_MIN_WEIGHT <= info.weight <= TITLE_MAX_WEIGHT:
        return False
    if info.sentence_ends > 1 or "://" in info.text or ADDRESS.fullmatch(info.text):
        return False
    if _SYNOPSIS.search(info.text) or info.text.endswith(GOES_ON):
        return False
    if is_bar(info.text):
        return False
    return _SECTION_NUMBER.match(info.text) is None and not info.text.startswith(SUBTITLE_MARK)
