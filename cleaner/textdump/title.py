"""Which line of a dump is its title, and what a reader is shown as the title: the headline
above the body (the line that repeats the page <title>'s headline, else the nearest heading-like
line; headline.py says what a headline looks like and which line anchors the body), and the
body lines that repeat the title (two lines are the same headline as alike.py reads them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..normalize import letters_key, normalize_paragraph
from ..rules.cues import CueSet
from .alike import same_headline
from .body import GOOD_WEIGHT, Verdict, line_score
from .features import LineInfo, checked_cue, line_weight
from .fields import (
    META_REASONS,
    NO_ADDRESS,
    find_field,
    is_site_part,
    split_page_title,
    title_parts,
)
from .headline import (
    ALIKE_SHORTER,
    SHORT_MENU_PARTS,
    heading_like,
    headline_shaped,
    heads_of,
    is_menu,
)

TITLE_WINDOW = 12  # the title stands within this many lines above the body; a headline over
TITLE_WINDOW_LINES = 24  # its byline within as many list items aside (a share bar's, between
# byline and body) and this many lines at most (a header of menus is no headline's place)
TITLE_REPEAT_WINDOW = 5  # a body line this near the top that repeats the title is dropped
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
    if index is not None and _over_byline(infos, index, cues):
        return title  # the story's own headline, over its byline
    if len(title_parts(first.text)) < 2 or is_menu(first.text):
        return title  # a first line without a site name beside it may be no <title> at all
    if any(same_headline(title, head) for head in heads_of(first.text, names)):
        return title
    headline = _headline_of(first.text, cues, names)
    if (
        headline
        and index is not None
        and is_menu(first.text, SHORT_MENU_PARTS)
        and _outweighs(infos[index].weight, line_weight(headline))  # (a line's index: its place)
    ):
        return title  # `Home | News | Sport`: a menu's items, not a headline and its site
    return headline or title


def _headline_of(page_title: str, cues: CueSet, names: tuple[str, ...]) -> str | None:
    """The headline of a `Headline | Site` <title> line, unless it is a site's name (a title of
    the name and a section: `北医新闻网_(新闻)`) or boilerplate itself as
    it is shown (normalized: `related:互联网` shows as `related：互联网`, which no cue drops, and
    clean output read again meets that form)."""
    if len(title_parts(page_title)) < 2:
        return None
    headline = split_page_title(page_title, names)[0]
    if is_site_part(headline):  # `北医新闻网_(新闻)`: the site's name and a section, no headline
        return None
    return headline if cues.match(normalize_paragraph(headline)) is None else None


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
    (_repeated_headline), else the one over a byline (_bylined), else the heading-like line
    shown twice (_shown_twice) or the nearest, unless the <title> line outweighs it, else the
    <title> line itself (the cue matches of the lines looked at settled on a copy of `infos`)."""
    infos = list(infos)
    content = [i for i in infos if i.text]
    if not content:
        return None
    page_title = content[0]
    start = verdict.start if verdict.start >= 0 else content[-1].index + 1
    header = [i for i in content if i.index < start]
    wide = _window(header)
    for info in wide:
        infos[info.index] = checked_cue(info, cues)
    wide = [infos[i.index] for i in wide]
    above = wide[-TITLE_WINDOW:]
    page_title = infos[page_title.index] = checked_cue(infos[page_title.index], cues)
    menu = is_menu(page_title.text)  # no headline to look for, and no title itself
    headline = "" if menu else split_page_title(page_title.text, names)[0]
    heads = (headline, title_parts(page_title.text)[0])  # heads_of, the title split once
    keys = set() if menu else {letters_key(head) for head in heads}
    keys.discard("")
    farther = header[:-TITLE_WINDOW]
    repeat = _repeated_headline(above, farther, page_title.index, headline, keys, infos, cues)
    if repeat is not None:
        return repeat
    bylined = _bylined(wide, cues)
    if bylined is not None:
        return bylined  # a story's headline stands over its byline, whatever the <title>
        # says (`‘We had some issues,’ exec says…` under `… - Los Angeles Times`)
    return _heading_or_page_title(above, page_title, menu, start, verdict)


def _heading_or_page_title(
    above: list[LineInfo], page_title: LineInfo, menu: bool, start: int, verdict: Verdict
) -> int | None:
    """The heading-like line the header shows twice, else the nearest, unless the page
    <title> line outweighs it; else that line, when it may be the title (above the body, or
    opening it: _opens_body)."""
    candidates = _shown_twice(above, page_title.index)
    candidates += [i for i in reversed(above) if heading_like(i)]
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


def _window(header: list[LineInfo]) -> list[LineInfo]:
    """The lines above the body a headline over its byline is looked for in: TITLE_WINDOW
    lines, list items not counted, TITLE_WINDOW_LINES at most."""
    counted = 0
    for n, info in enumerate(reversed(header[-TITLE_WINDOW_LINES:]), 1):
        counted += not info.bullet
        if counted == TITLE_WINDOW:
            return header[-n:]
    return header[-TITLE_WINDOW_LINES:]


def _shown_twice(above: list[LineInfo], page_title: int) -> list[LineInfo]:
    """The heading-like line nearest the body that the lines above it show twice (the page's
    header and the story's top both show its headline: `北京市儿童(13-15岁)心理素质发展现状调查
    研究报告` over its source's line and again under it), if any; the <title> line aside."""
    shown = Counter(letters_key(i.text) for i in above if i.index != page_title)
    for info in reversed(above):
        if info.index != page_title and shown[letters_key(info.text)] >= 2 and heading_like(info):
            return [info]
    return []


def _bylined(above: list[LineInfo], cues: CueSet) -> int | None:
    """The index of the heading-like line right above the window's first line of metadata (a
    byline, a date: `Published Tue, Nov 19 2019`; or a line that states the author, `本报记者
    王燕平`, which a body may keep), if any: a story's headline stands over its byline."""
    for line, below in zip(above, above[1:], strict=False):
        if _byline(below, cues):
            return line.index if heading_like(line) else None
    return None


def _byline(info: LineInfo, cues: CueSet) -> bool:
    """A line of metadata (its cue matched), or one that states the author."""
    if info.cue is not None:
        return info.cue.reason in META_REASONS
    return find_field("author", (info.text,), cues) is not None


def _over_byline(infos: Sequence[LineInfo], index: int, cues: CueSet) -> bool:
    """Whether the line at `index` is a headline right over a byline (_bylined)."""
    below = next((i for i in infos[index + 1 :] if i.text), None)
    return (
        below is not None and heading_like(infos[index]) and _byline(checked_cue(below, cues), cues)
    )


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
            if not headline_shaped(info) or not same_headline(info.text, headline):
                continue
            info = infos[info.index] = checked_cue(info, cues)
            if heading_like(info):
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


def _opens_body(page_title: LineInfo, verdict: Verdict) -> bool:
    """Whether the dump's first line, where its body starts (a thread's posts run from the
    top), is its page <title> all the same: a `Topic - Board - Forum` line of a headline's
    weight, which the body goes on without, when a paragraph of its own follows (a page of
    short lines whose heaviest is that line has no body without it), or when it is the body's
    only line: a dump of a page whose text its scripts write (a Discourse thread's) holds its
    <title> and little else, and that line is no paragraph of the page (read again alone, as
    clean output is, it is a title)."""
    if not (heading_like(page_title) and len(title_parts(page_title.text)) >= 2):
        return False
    body = [verdict.lines[i] for i in verdict.body if i != page_title.index]
    return not body or any(line_score(info) >= GOOD_WEIGHT for info in body)


def _outweighs(heavier: float, lighter: float) -> bool:
    """Whether a line of the first weight is a better guess than one of the second, much
    lighter: the page's <title> line than a heading-like line unlike it ("Start Free Trial",
    "Table of contents" above a long headline's body), and the other way round."""
    return lighter < CANDIDATE_SHARE * heavier
