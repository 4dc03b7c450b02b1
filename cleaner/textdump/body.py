"""Find the body of a text dump: the densest run of long, punctuated lines.

Each line gets a score (body-like lines positive; short lines, list items and cue lines
negative) and the body is the contiguous run with the highest total (Kadane's maximum
subarray), so a subheading or a caption between paragraphs stays inside while a menu of
forty short items before the article stays out. The line that repeats the page's title can
anchor the body just below it (`anchor`), and a `cut_from` cue inside the run ends it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..rules.cues import Cue, CueSet
from .features import PROSE_ITEM, SHORT_WEIGHT, LineInfo, Mark, checked_cue, table_rows

GOOD_WEIGHT = 10.0  # this heavy (about 10 words or 17 CJK characters) and punctuated: body-like
SHORT_PENALTY = 3.0  # a short line costs a candidate block this much
BULLET_PENALTY = 6.0  # bulleted items in dumps are mostly menus and link lists
UNPUNCTUATED_PENALTY = 1.0  # a medium line with no sentence punctuation (a teaser headline)
MEDIUM_FACTOR = 0.5  # a punctuated line between short and good counts half its weight
CUT_MIN_SHARE = 0.5  # a cut_from marker ends the body once this share of it lies above
CUT_MIN_GOOD = 4  # ... or, for a TAIL_REASONS marker, this many body-like lines (an
# inline "Related" box may stand mid-article; what TAIL_REASONS names never does)
CUT_MIN_WEIGHT = 60.0  # ... or this much body weight (a short article in one paragraph)
# what only ever follows a body: a comment section, a recommendation widget, the author's
# biography, a platform's disclaimer
TAIL_REASONS = ("comments", "recommended", "author-bio", "disclaimer")
REPEATED_MARKERS = 3  # on a page of entries (LIST_KINDS), markers of one reason that stand
# this many times are each entry's own (`12 comments` under every story, a `Comment` link):
# dropped as lines, they open no section (an article's comments repeat theirs too: not there)
LIST_KINDS = ("listing", "collection")
CODE_KINDS = ("documentation",)  # pages whose code lines (`code_line` patterns) are body: a
# prompt, a call, an assignment scores CODE_SCORE there, no gap, where as a short line it cost
# the run SHORT_PENALTY and a manual's examples split its body. Measured: wcxb-dev-text 0.744
# -> 0.746 (documentation 0.856 -> 0.876: nine pages better, by up to +0.30, one -0.018),
# `--fast` on wcxb-dev 0.7876 -> 0.7883 (7 better, 2 worse); no other set has such pages
CODE_SCORE = 0.0  # 1.0 (a code line a little body-like): wcxb-dev-text 0.7457 against 0.7461
# at 0, a sidebar of API names joined to one page's body (-0.22)
ANCHOR_WINDOW = 20  # the run that a headline anchors starts within this many lines below it
# (date, byline, share bar, photo and caption lines stand between; 12 measured 0.004 worse)
ANCHOR_SHARE = 0.25  # ... and is the body unless the densest run elsewhere is 4x heavier
THREAD_GAP_FACTOR = 0.5  # on a thread, a non-body line costs half: between posts stand names,
# dates, post counts and buttons, and the posts are one body (magichtml-forum-text: 0.614 ->
# 0.633; a third of the cost 0.614, seven tenths 0.623)
PROSE_ITEM_SCORE = 0.0  # what an article's bulleted prose scores (see items.py): no body, no gap
TABLE_ROW_SCORE = 0.0  # a row of a table (TABLE_ROWS lines or more in a row, each of the
# same TABLE_CELLS tab-separated cells or more: a page's data table as a browser's text export
# or resiliparse's visible text gives it) scores as no gap, as a code line does: a table of
# names and numbers set in an article no longer parts it. Measured: wcxb-dev --fast 0.7902 ->
# 0.7918 (a ranking's table under its introduction 0.156 -> 0.744), no other page of the ten
# readings moved
SETTLE_MARGIN = 3  # lines either side of the body whose cues are matched: a cue found there
# lowers that line's score, which can move the body's edge


# A short line a thread repeats at every post (`Joined`, `Messages`, `Reaction score`, a
# poster's name) is the forum's furniture: dropped, and between posts it costs
# FURNITURE_SHARE of what another short line costs there, so that posts set apart by a dozen
# such lines stay one body. Measured (mean F1): magichtml-forum-text .6467 -> .6492 (29
# pages better, 9 worse), wcxb-dev-text .7204 -> .7229 (a XenForo thread 0 -> .24), no
# other set's page changed; costing nothing .6490 / .7229 (a thread's run went on into its
# footer), half as much .6487 / .7229.
FURNITURE = Mark("forum")
FURNITURE_REPEATS = 3  # a short line repeated this many times is furniture (twice: .6419 on
# magichtml-forum-text, a reply's quoted line taken for it; four times: .6490 / .7225)
FURNITURE_SHARE = 2 / 3


def mark_furniture(lines: list[LineInfo]) -> list[LineInfo]:
    """A thread's lines with each short line its text repeats FURNITURE_REPEATS times marked
    FURNITURE (not the dump's first line, its title, which its posts' subjects repeat)."""
    short = [info.text for info in lines if info.text and info.weight < SHORT_WEIGHT]
    title = next((info.text for info in lines if info.text), None)
    repeated = {t for t, n in Counter(short).items() if n >= FURNITURE_REPEATS} - {title}
    if not repeated:
        return lines
    return [
        info._replace(cue=FURNITURE, checked=True) if info.text in repeated else info
        for info in lines
    ]


@dataclass(frozen=True)
class Verdict:
    """Which lines are body, and the reason for each one that is not."""

    lines: tuple[LineInfo, ...]  # every line, with cue matches settled where they matter
    body: tuple[int, ...]  # indexes of kept lines, in order
    removed: dict[int, str]  # index -> reason
    start: int  # index of the first body line (-1 when there is none)
    end: int  # index of the last body line


def line_score(info: LineInfo) -> float:
    """A cue line scores as a short line at best, whatever its length: it is boilerplate,
    and counting it as a gap (0) let a body run on past a copyright line into the footer
    (measured: +0.002 to +0.004 F1 on each text set, no page worse by more than 0.03)."""
    if info.cue is not None:
        return min(-SHORT_PENALTY, _plain_score(info))
    return _plain_score(info)


def _plain_score(info: LineInfo) -> float:
    if info.bullet:
        return PROSE_ITEM_SCORE if info.bullet == PROSE_ITEM else -BULLET_PENALTY
    if info.weight < SHORT_WEIGHT:
        return -SHORT_PENALTY
    if not info.punctuated:
        return -UNPUNCTUATED_PENALTY
    if info.weight < GOOD_WEIGHT:
        return info.weight * MEDIUM_FACTOR
    return info.weight


def densest_run(scores: list[float]) -> tuple[int, int, float]:
    """Maximum-sum contiguous run: (first, last, total); (-1, -1, 0) when all are <= 0."""
    best = (-1, -1, 0.0)
    start, total = 0, 0.0
    for i, score in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best[2]:
            best = (start, i, total)
    return best


def anchored_run(scores: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    """The heaviest run that starts in [lo, hi) and ends before its running total first
    drops to zero (a run that went negative is not carried on to a block far below):
    (first, last, total), or (-1, -1, 0) if none is positive."""
    best = (-1, -1, 0.0)
    for start in range(max(lo, 0), min(hi, len(scores))):
        total = 0.0
        for i in range(start, len(scores)):
            total += scores[i]
            if total <= 0:
                break
            if total > best[2]:
                best = (start, i, total)
    return best


def classify(
    lines: Sequence[LineInfo],
    cues: CueSet,
    explain: bool = False,
    anchor: int | None = None,
    thread: bool = False,
    *,
    entries: bool = False,
    code: bool = False,
) -> Verdict:
    """Split a dump's lines into body and removed; `explain` settles every line's reason.
    `anchor`: the index of the line that repeats the page's title (the article's headline):
    the heaviest run starting just below it is the body unless another is ANCHOR_SHARE^-1
    times heavier (a long list of teasers outweighs a short article). `thread`: the page is
    a forum thread, whose posts are one body across the furniture between them. `entries`:
    a page of entries (LIST_KINDS), whose repeated markers open no section. `code`: a page
    of CODE_KINDS, whose code lines are no gap."""
    content = [info for info in lines if info.text]
    if explain:
        content = [checked_cue(info, cues) for info in content]
    position = next((i for i, info in enumerate(content) if info.index == anchor), None)
    code_lines = cues.field_patterns("code_line") if code else ()
    run = _settle(content, cues, position, THREAD_GAP_FACTOR if thread else 1.0, code_lines)
    content, first, last, scores = list(run.lines), run.first, run.last, run.scores
    settled = list(lines)
    for info in content:
        settled[info.index] = info
    if first < 0:
        removed = {info.index: _outside_reason(info) for info in content}
        return Verdict(tuple(settled), (), removed, -1, -1)
    repeated = repeated_markers(info.cue for info in content) if entries else frozenset()
    block, cut = _apply_cut(content[first : last + 1], scores[first : last + 1], repeated)
    body = [info.index for info in block if info.cue is None]
    removed = {info.index: info.cue.reason for info in block if info.cue is not None}
    for info in content:
        if info.index < block[0].index or info.index > block[-1].index:
            after_cut = cut is not None and info.index > block[-1].index
            removed[info.index] = cut if after_cut else _outside_reason(info)
    start, end = (body[0], body[-1]) if body else (-1, -1)
    return Verdict(tuple(settled), tuple(body), removed, start, end)


@dataclass(frozen=True)
class _Run:
    """The body run (first and last index into `lines`; -1 when there is none), found with
    the cue matches around it settled."""

    lines: tuple[LineInfo, ...]
    first: int
    last: int
    scores: tuple[float, ...]


def _settle(
    content: list[LineInfo],
    cues: CueSet,
    anchor: int | None,
    gap_factor: float,
    code_lines: tuple[re.Pattern[str], ...] = (),
) -> _Run:
    """Find the body run, match cues on the lines in and around it, and find it again,
    until no line near the run is left unmatched (on a copy of `content`). A negative score
    is multiplied by `gap_factor`; a line no cue matches that one of `code_lines` does scores
    CODE_SCORE instead."""
    content = list(content)

    def scored(info: LineInfo) -> float:
        if info.cue is FURNITURE:  # (marked on threads only)
            return -SHORT_PENALTY * gap_factor * FURNITURE_SHARE
        score = line_score(info)
        code_gap = code_lines and score < 0 and info.cue is None  # (a page of CODE_KINDS)
        if code_gap and any(p.search(info.text) for p in code_lines):
            return CODE_SCORE
        return score * gap_factor if score < 0 else score

    scores = [scored(info) for info in content]
    for i in table_rows(content):  # a table's rows are no gap in the body they stand in
        if scores[i] < 0 and content[i].cue is None:
            scores[i] = TABLE_ROW_SCORE
    while True:
        first, last = _body_run(scores, anchor)
        if first < 0:
            return _Run(tuple(content), first, last, tuple(scores))
        lo, hi = max(0, first - SETTLE_MARGIN), min(len(content), last + 1 + SETTLE_MARGIN)
        unchecked = [i for i in range(lo, hi) if not content[i].checked]
        if not unchecked:
            return _Run(tuple(content), first, last, tuple(scores))
        for i in unchecked:
            content[i] = checked_cue(content[i], cues)
            if content[i].cue is not None:
                scores[i] = scored(content[i])


def _body_run(scores: list[float], anchor: int | None) -> tuple[int, int]:
    """The densest run, or the run the headline anchors (see classify above)."""
    first, last, total = densest_run(scores)
    if anchor is None or first < 0:
        return first, last
    if anchor < first <= anchor + 1 + ANCHOR_WINDOW:
        return first, last  # it starts below the headline already
    if first <= anchor < last and sum(scores[first:anchor]) >= ANCHOR_SHARE * total:
        return first, last  # much of it lies above the headline: a subheading, not the title
    start, end, weight = anchored_run(scores, anchor + 1, anchor + 1 + ANCHOR_WINDOW)
    return (start, end) if start >= 0 and weight >= ANCHOR_SHARE * total else (first, last)


def repeated_markers(cues: Iterable[Cue | Mark | None]) -> frozenset[str]:
    """The reasons of the cut_from markers that stand REPEATED_MARKERS times or more."""
    counts = Counter(c.reason for c in cues if c is not None and c.kind == "cut_from")
    return frozenset(reason for reason, n in counts.items() if n >= REPEATED_MARKERS)


def _apply_cut(
    block: list[LineInfo], scores: tuple[float, ...], repeated: frozenset[str] = frozenset()
) -> tuple[list[LineInfo], str | None]:
    """End the block at the first cut_from marker with half of the body above it, or, for a
    marker of what only follows an article (TAIL_REASONS), enough body (`_ends_body`); a
    marker of a reason in `repeated` (repeated_markers) ends nothing."""
    total = sum(s for s in scores if s > 0) or 1.0
    above, good = 0.0, 0
    for i, info in enumerate(block):
        # a comment section or a recommendation widget never stands inside an article, so a
        # long one cannot keep its marker from cutting once enough body stands above it
        cue = info.cue
        marker = cue is not None and cue.kind == "cut_from" and cue.reason not in repeated
        enough = marker and (good >= CUT_MIN_GOOD or above >= CUT_MIN_WEIGHT)
        if marker and marker_ends_body(cue, above, total, enough):
            return block[: i + 1], cue.reason  # the marker goes with its own reason
        above += max(scores[i], 0.0)
        good += scores[i] >= GOOD_WEIGHT
    return block, None


def marker_ends_body(cue: Cue | Mark | None, above: float, total: float, tail_ready: bool) -> bool:
    """Whether a cut_from marker ends the body where it stands: once CUT_MIN_SHARE of the
    body (`above` of `total`, in the caller's measure) lies above it, or, for a marker of what
    only follows a body (TAIL_REASONS), once `tail_ready` (enough body above it)."""
    if cue is None or cue.kind != "cut_from":
        return False
    return above >= CUT_MIN_SHARE * total or (cue.reason in TAIL_REASONS and tail_ready)


def _outside_reason(info: LineInfo) -> str:
    """Menus, link lists and headline lists are `navigation`; stray prose is `outside-body`."""
    if info.cue is not None:
        return info.cue.reason
    if info.bullet or info.weight < GOOD_WEIGHT or not info.punctuated:
        return "navigation"
    return "outside-body"
