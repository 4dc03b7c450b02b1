"""An extractor's lines less the cue lines (trafilatura's, or a site rule's block): a cue's
line goes with its reason, a `cut_from` marker ends the body once enough of it stands above,
the title's repeats go, and a photo story keeps its captions."""

from __future__ import annotations

import re

from ..model import Removal
from ..rules.cues import CueSet
from ..textdump.alike import same_headline
from ..textdump.body import marker_ends_body
from ..textdump.features import line_cues, line_weight

# captions longer than the rest of what trafilatura kept: a photo story, whose captions are
# its body, and stay (measured: one magichtml-article page +0.58 F1, no other page of the HTML
# bench sets changes at any share from 0.3 to 1.0)
PHOTO_STORY_SHARE = 1.0
MENU_ITEM_WEIGHT = 2  # a line of at most this many words beside a marker: a menu around it
LIST_MARK = "- "  # trafilatura's mark of a list item: cues read the item's own text
_CELLS = re.compile(r"(?<!\\)\|")  # a table row's cell separator (`\|` is a cell's own)
# an article's first lines that restate the headline in other words (the headline with its
# site's name, a video's title over it) are title repeats; a title longer than a headline is a
# post's own text (X puts the whole post in <title>), and a thread's first post may restate
# the question: neither is searched. Measured: magichtml-article +0.001, scrapinghub +0.0002
# (3 lines; 5 lost a zh-cwced lead paragraph); on threads -0.014 on magichtml-forum.
TITLE_REPEAT_LINES = 3
HEADLINE_MAX_CHARS = 120  # a longer title is a post's own text: only its word-for-word repeats go
# trafilatura's precision setting kept no line this heavy (space-separated words; a CJK
# character 0.6): no body, read the page again with the balanced setting. Measured on the
# HTML bench sets: any weight from 5 to 8 gains one scrapinghub page (+0.95: a reprint notice
# and a bare address were all it kept) and changes no other; from 10 on a short forum answer
# is lost.
SENTENCE_MIN_WEIGHT = 6
EXTRACTED = "extracted"  # the removals' lines count trafilatura's (or the block's) lines


def cleaned_lines(
    result, cues: CueSet, title: str | None, near: int, keep: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """trafilatura's lines less the cue lines (but those of the reasons in `keep`) and
    repeats of the title (`near` the top, on an article, also the headline restated in other
    words); a photo story's captions stay (see PHOTO_STORY_SHARE)."""
    if result is None or not result.text:
        return (), ()
    lines = result.text.splitlines()
    paragraphs, removed = drop_cue_lines(lines, cues, title, near, keep=keep)
    captions = sum(len(r.text) for r in removed if r.reason == "caption")
    if captions > PHOTO_STORY_SHARE * sum(map(len, paragraphs)):
        return drop_cue_lines(lines, cues, title, near, keep=(*keep, "caption"))
    return paragraphs, removed


def _own_text(line: str) -> str:
    """What the cues read of an extracted line: a list item without its mark, a table row
    that fills one cell that cell (a link aggregator's stamp row, `| | 1 point by breve 0
    minutes ago \\| hide \\| past |`, as trafilatura writes a table), else the line."""
    if line.startswith(LIST_MARK):
        return line[2:]
    row = _table_row(line)
    filled = [cell.strip() for cell in _CELLS.split(row[1:-1]) if cell.strip()] if row else []
    return filled[0].replace("\\|", "|") if len(filled) == 1 else line


def _table_row(line: str) -> str | None:
    """The line, stripped, when it is a table row as trafilatura writes one (`| a | b |`)."""
    row = line.strip()
    return row if len(row) > 2 and row[0] == row[-1] == "|" else None


def _menu_item(items: list[str], index: int) -> bool:
    """Whether the line at `index` stands among menu items: the lines on either side of it
    (blank ones and bars aside) are words, not sentences. "comments" between "past" and "ask"
    in a site's menu opens no comment section."""

    def word(lines) -> bool:
        line = next((x for x in lines if x.strip(" |")), None)
        return line is not None and line_weight(line) <= MENU_ITEM_WEIGHT

    return word(items[index - 1 :: -1] if index else []) and word(items[index + 1 :])


def sentence(line: str) -> bool:
    """Whether a line is long enough to be a sentence of a body: its space-separated words
    and CJK characters weigh SENTENCE_MIN_WEIGHT (an address is one word)."""
    return line_weight(line) >= SENTENCE_MIN_WEIGHT


def drop_cue_lines(
    lines: list[str],
    cues: CueSet,
    title: str | None,
    near: int = 0,
    keep: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """The extracted lines less those a cue matches (but the reasons in `keep`) and those
    that repeat the title: word for word anywhere, or, among the first `near` lines, as the
    same headline (textdump.alike.same_headline) when the title is headline-sized."""
    near = near if title and len(title) <= HEADLINE_MAX_CHARS else 0
    kept, removed = [], []
    cut, above = None, 0  # above: the characters of the lines kept so far
    items = [_own_text(line) for line in lines]
    found = list(zip(lines, line_cues(items, cues), strict=True))
    total = sum(len(item) for _, (item, cue) in found if cue is None)
    for number, (line, (item, cue)) in enumerate(found, start=1):
        if not item:
            continue
        text = LIST_MARK + item if line.startswith(LIST_MARK) else _table_row(line) or item
        if cut is None and kept and marker_ends_body(cue, above, total, True):
            listed = line.startswith(LIST_MARK)  # a list's item ("- response:") heads nothing
            cut = None if listed or _menu_item(items, number - 1) else cue.reason
        if cut is not None:
            removed.append(Removal(number, text, cut, of=EXTRACTED))
        elif title and (text == title or (number <= near and same_headline(text, title))):
            removed.append(Removal(number, text, "title-repeat", of=EXTRACTED))
        elif cue is not None and cue.reason not in keep:
            removed.append(Removal(number, text, cue.reason, cue.origin, EXTRACTED))
        else:
            kept.append(text)
            above += len(text)
    return tuple(kept), tuple(removed)
