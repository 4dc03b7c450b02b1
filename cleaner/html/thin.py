"""When trafilatura's precision reading of a page holds too little: a reading of nothing but
boilerplate and short lines, or a thin one of a page that names no author (a service, product
or listing page taken for an article), is read again with the balanced setting, and its lines
are taken when there are many more of them (html/extract.py). Each test here costs less than
the second reading it spares."""

from __future__ import annotations

from itertools import islice

from ..model import Reading, Removal
from ..scripts import TOKEN, tokens_at_most
from ..textdump.entries import MIN_ENTRIES
from ..textdump.features import line_cues
from .lines import cleaned_lines, sentence
from .prepare import PreparedTree
from .trafilatura_adapter import Settings, read_tree
from .visible import rows_of

# trafilatura's precision setting kept under THIN_TOKENS metric tokens (a CJK character is one)
# of a page that names no author: the balanced setting reads it again, and its lines are taken
# when they are THIN_GAIN times as many and at least THIN_MIN_MORE: a service, product or
# listing page taken for an article loses its body to the precision setting. Measured (mean
# F1; zh-cwced / scrapinghub / magichtml-article / magichtml-forum / wcxb-dev): .912 / .969 /
# .883 / .754 / .772 -> .909 / .969 / .883 / .757 / .785 (wcxb-dev: product .750 -> .793,
# service .719 -> .752, listing .585 -> .605, collection .532 -> .544, article .930 -> .936;
# zh-cwced: one forum thread's replies taken; measured with THIN_MIN_MORE at 150, 100 then
# gave listing .605 -> .627 and collection .544 -> .541); without THIN_MIN_MORE wcxb-dev .789
# but magichtml-forum .744 (short posts), at 60 magichtml-forum .748; without the author test
# magichtml-article .877 (news whose precision reading was right); at 300 tokens wcxb-dev
# .784, at 600 the same as 400.
THIN_TOKENS = 400
THIN_GAIN = 3.0
THIN_MIN_MORE = 100
# ... and a precision reading under VERY_THIN_TOKENS is read again whatever the page says of
# its author: no story is that short, and a page whose byline the reading kept with two
# paragraphs of a buying guide lost the rest. Measured: magichtml-article .8838 -> .8878,
# wcxb-dev .8107 -> .8125 (article .941 -> .947): two pages +0.69 and +0.93, one short news
# item whose precision reading was right -0.31; the same from 150 to 250 tokens; at 100 only
# the loss, at 300 magichtml-article .8844.
VERY_THIN_TOKENS = 200
# ... but only where the page's text holds this many times what it kept: of the 28 such
# readings on the shared sets, those that gained held 23 and 32 times as much, and the
# others cost magichtml-article's speed 1.07x -> 0.96x trafilatura's for nothing
AUTHOR_WHOLE_GAIN = 20.0
# ... and it is read again only when the page's whole text holds WHOLE_GAIN times what the
# precision setting kept (a balanced reading keeps a part of it): no figure changes at 5, and 25
# of wcxb-dev's 243 precision readings are read again, 2 of zh-cwced's 67 (71 and 7 at 3); at 8
# wcxb-dev .786 (product pages)
WHOLE_GAIN = 5.0
TOKEN_MAX_CHARS = 12  # no prose averages longer tokens (and the spaces between them)


def tokens(paragraphs: tuple[str, ...]) -> int:
    """The benchmark metric's tokens in the paragraphs: a CJK character, or a word."""
    return sum(len(TOKEN.findall(p)) for p in paragraphs)


def holds_more(paragraphs: tuple[str, ...], prepared: PreparedTree) -> bool:
    """Whether the page's whole text holds WHOLE_GAIN times the tokens of the paragraphs: a
    precision reading of nothing but short lines is read again only then. Of the four such
    readings on the shared sets, the three whose balanced reading was taken held 81 to 3,267
    times as much; the other (a film's spec sheet of 29 short lines, 2.4 times) gained
    nothing and cost zh-cwced a second reading (20 ms, 1.4% of its time)."""
    return prepared.text_tokens >= WHOLE_GAIN * tokens(paragraphs)


def thin_reading(paragraphs: tuple[str, ...], prepared: PreparedTree) -> bool:
    """Whether the precision setting kept under THIN_TOKENS of a page that names no author
    (PreparedTree.names_author), or under VERY_THIN_TOKENS of any page."""
    if sum(map(len, paragraphs)) >= THIN_TOKENS * TOKEN_MAX_CHARS:
        return False  # too long to count: no text of this many characters has so few tokens
    kept = tokens(paragraphs)
    if kept >= THIN_TOKENS:
        return False
    named = prepared.names_author
    if named and kept >= VERY_THIN_TOKENS:
        return False
    # a page whose whole text holds too few tokens for a much longer reading is not read
    # again (WHOLE_GAIN; AUTHOR_WHOLE_GAIN when it names an author): the re-read is what
    # this test costs
    whole = prepared.text_tokens
    return whole >= max((AUTHOR_WHOLE_GAIN if named else WHOLE_GAIN) * kept, THIN_MIN_MORE)


ROOM_CHUNK = 50  # rows matched against the cues at a time, until enough tokens are found


def room_outside_cues(
    paragraphs: tuple[str, ...], prepared: PreparedTree, reading: Reading, keep: tuple[str, ...]
) -> bool:
    """Whether the page's visible rows that no cue drops (but those of the reasons in `keep`,
    and captions) hold the tokens a balanced re-read must keep to be taken (THIN_GAIN times
    the precision reading's, at least THIN_MIN_MORE): a re-read of a page whose other text is
    cue lines (a forum page's index of replies, `回复线索`) gains nothing, and costs as much as
    the first reading (54 ms, 3% of zh-cwced's time, on one page). Measured: 3 of the 54
    thin re-reads on the shared sets not asked, none of them taken before (output the same
    on all 1,810 pages); the test costs about 2 ms where it is asked."""
    need = max(THIN_GAIN * tokens(paragraphs), THIN_MIN_MORE)
    rows, kept, found = rows_of(prepared.tree), (*keep, "caption"), 0
    for start in range(0, len(rows), ROOM_CHUNK):  # most pages hold enough within a few chunks
        cued = line_cues(rows[start : start + ROOM_CHUNK], reading.cues)
        found += tokens_at_most(
            "\n".join(r for r, cue in cued if cue is None or cue.reason in kept)
        )
        if found >= need:
            return True
    return False


def taken_again(more: tuple[str, ...], paragraphs: tuple[str, ...]) -> bool:
    """Whether the balanced setting's lines are THIN_GAIN times the precision reading's
    tokens, and at least THIN_MIN_MORE."""
    return tokens(more) >= max(THIN_GAIN * tokens(paragraphs), THIN_MIN_MORE)


def shows_prices(prepared: PreparedTree, reading: Reading) -> bool:
    """Whether a page that states nothing of itself (an article for want of evidence) shows
    MIN_ENTRIES prices or more (`price_mark` in rules/generic/common.txt): it may be a shop's
    collection, whose grid of entries trafilatura reads as boilerplate (extract._fallback
    then reads its visible text for the grid)."""
    kind = reading.page_kind
    if kind.kind != "article" or kind.stated:
        return False
    patterns = reading.cues.field_patterns("price_mark")
    found = (match for pattern in patterns for match in pattern.finditer(prepared.text))
    return sum(1 for _ in islice(found, MIN_ENTRIES)) >= MIN_ENTRIES


class Balanced:
    """trafilatura's balanced reading (`settings`: extract._settings') of a page read with the
    precision setting first: its lines less the cue lines (but the reasons the page's kind
    keeps, and the title's repeats among the first `near`), read once at most, when asked for."""

    def __init__(self, prepared: PreparedTree, reading: Reading, settings: Settings,
                 title: str | None, near: int, keep: tuple[str, ...]) -> None:  # fmt: skip
        self.prepared, self.reading, self.settings, self.title = prepared, reading, settings, title
        self.near, self.keep = near, keep
        self._lines: tuple[tuple[str, ...], tuple[Removal, ...]] | None = None

    def lines(self) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
        if self._lines is None:
            again = read_tree(self.prepared.tree, self.settings)
            cues = self.reading.cues
            self._lines = cleaned_lines(again, cues, self.title, self.near, self.keep)
        return self._lines


def precise_or_balanced(
    paragraphs: tuple[str, ...], removed: tuple[Removal, ...], balanced: Balanced
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """The precision setting's lines, or the balanced setting's when the precision reading
    holds nothing but boilerplate and short lines and they hold a sentence, or when it is
    thin (thin.py) and they hold many more."""
    prepared, reading = balanced.prepared, balanced.reading
    short_only = (removed or paragraphs) and not any(map(sentence, paragraphs))
    boilerplate_only = short_only and holds_more(paragraphs, prepared)
    thin = thin_reading(paragraphs, prepared) and room_outside_cues(
        paragraphs, prepared, reading, balanced.keep
    )
    if not (boilerplate_only or thin):
        return paragraphs, removed
    more, more_removed = balanced.lines()
    if boilerplate_only and any(map(sentence, more)):
        return more, removed + more_removed
    if thin and taken_again(more, paragraphs):
        return more, more_removed
    return paragraphs, removed
