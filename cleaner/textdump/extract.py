"""The text-dump extractor: classify the lines, pick the title, read the metadata the dump
states; and settle, which reads the kept lines again until they stay."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Extracted, Metadata, Reading, Removal
from ..normalize import normalize, normalize_paragraph
from ..rules.cues import CueSet
from ..rules.text import RuledText
from ..scripts import TOKEN
from .body import Verdict, classify, line_score
from .features import LineInfo, Mark, checked_cue, describe_all
from .fields import find_date, find_field, split_page_title, title_parts

TITLE_WINDOW = 12  # the title stands within this many lines above the body
TITLE_MIN_WEIGHT = 2.5  # lighter lines ("7 分钟", "@handle") are not titles
TITLE_MAX_WEIGHT = 40.0  # heavier lines are paragraphs or teasers
TITLE_SIMILARITY = 0.6  # this close to the page's <title> line: the same headline
TITLE_CONTAINED = 0.5  # one inside the other and at least half its length: the same headline
METADATA_WINDOW = 6  # body lines at the top and bottom searched for date/author too
TITLE_REPEAT_WINDOW = 5  # a body line this near the top that repeats the title is dropped
ALIKE_LONGER = 1.3  # a line only alike the headline anchors the body when at most this much
# longer than it: "ExactCare Travel Insurance" is not the heading of "Travel Insurance" (1.15-1.5
# measured alike on the text sets; 2.0 lets clean output re-read lose its top)
TITLE_REPEAT_PASSES = 3  # a new body can bring a new repeat to its top; this settles it
HEAD_WINDOW = 20  # lines above the body searched for date/author/source
META_REASONS = ("metadata", "editor")  # cue reasons of lines that state metadata
SETTLE_PASSES = 3  # the kept lines are read again, as a dump of their own, until they stay:
# cleaning clean output then changes nothing (see settle)


@dataclass(frozen=True)
class LineSource:
    """What the lines the extractor reads are: what a line number counts (model.POSITIONS)
    and the method the result names."""

    of: str
    method: str


DUMP = LineSource("input", "text-lines")  # a text dump's own lines
_NORM = re.compile(r"[\W_]+")
TITLE_REPEAT = Mark("title-repeat")


def extract_text(
    text: str,
    reading: Reading,
    ruled: RuledText | None = None,
    with_metadata: bool = True,
    source: LineSource = DUMP,
) -> Extracted:
    """Body, title and metadata (unless `with_metadata` is off) of a dump; `ruled` is the
    dump after a site rule's cuts and rewrites (its removed lines arrive blank, its title
    line is taken as the title); on a thread the posts are the body (see body.classify);
    `source`: what the lines are, for the trail and the method named."""
    cues, url, explain = reading.cues, reading.options.url, reading.options.explain
    thread = reading.page_kind.thread
    if ruled is not None:
        text = ruled.text
    lines = describe_all(text, cues, defer=True)
    anchor = headline_anchor(lines, cues)
    verdict = classify(lines, cues, explain, anchor, thread)
    title_index = ruled.title_index if ruled and ruled.title_index is not None else None
    if title_index is None:
        title_index = choose_title(verdict.lines, verdict, cues)
    title = verdict.lines[title_index].text if title_index is not None else None
    for _ in range(TITLE_REPEAT_PASSES):
        repeats = _title_repeats(verdict, title, title_index)
        if not repeats:
            break
        marked = list(verdict.lines)  # choose the body again with the repeats as neutral lines
        for index in repeats:
            marked[index] = marked[index]._replace(cue=TITLE_REPEAT)
        verdict = classify(marked, cues, explain, anchor, thread)
    infos = list(verdict.lines)
    body, removed = _settled_body(verdict, infos, title_index)
    paragraphs = [infos[index].text for index in body]
    metadata = _metadata(infos, verdict, title, cues, url) if with_metadata else Metadata()
    removals = ()
    if explain:  # a record per removed line is the costliest output: build it on request
        removals = _removals(infos, removed, title_index, ruled, source.of)
    lines = tuple(i + 1 for i in body)
    return Extracted(title, tuple(paragraphs), metadata, removals, source.method, lines=lines)


def settle(first: Extracted, reading: Reading) -> Extracted:
    """The kept lines, normalized, read again as a dump of their own (the title first) until
    they stay (at most SETTLE_PASSES times), so that cleaning clean output changes nothing; a
    line dropped by a later pass is recorded at its line of the input. The title stays."""
    current = _normalized(first)
    head = [current.title] if current.title else []
    first_body = len(head) + 1  # the dump's line of paragraph 0
    for _ in range(SETTLE_PASSES):
        dump = "\n".join(head + list(current.paragraphs))
        again = extract_text(dump, reading, None, with_metadata=False)
        kept = [n - first_body for n in again.lines if n >= first_body]  # the title stays
        if len(kept) == len(current.paragraphs):
            break
        gone = set(range(len(current.paragraphs))) - set(kept)
        later = tuple(replace(r, line=current.lines[r.line - first_body])
                      for r in again.removed if r.line - first_body in gone)  # fmt: skip
        removed = tuple(sorted(current.removed + later, key=lambda r: r.line))
        paragraphs = tuple(current.paragraphs[i] for i in kept)
        lines = tuple(current.lines[i] for i in kept)
        current = replace(current, paragraphs=paragraphs, lines=lines, removed=removed)
    return current


def _normalized(extracted: Extracted) -> Extracted:
    """Paragraphs and title as the output shows them (see normalize), lines kept aligned."""
    paragraphs = normalize(extracted.paragraphs)  # one pass; it drops what normalizes away
    lines = extracted.lines
    if len(paragraphs) != len(extracted.paragraphs):
        pairs = [(normalize_paragraph(p), n) for p, n in zip(extracted.paragraphs, lines,
                                                             strict=True)]  # fmt: skip
        paragraphs = tuple(p for p, _ in pairs if p)
        lines = tuple(n for p, n in pairs if p)
    title = normalize_paragraph(extracted.title) if extracted.title else None
    return replace(extracted, title=title or None, paragraphs=paragraphs, lines=lines)


def _settled_body(
    verdict: Verdict, infos: list[LineInfo], title: int | None
) -> tuple[list[int], dict[int, str]]:
    """The body below the title, without short lines left dangling at either end (a densest
    run never starts or ends on a negative line; removing the title can leave one there),
    and the reasons of every line left out."""
    body = [i for i in verdict.body if title is None or i > title]
    removed = dict(verdict.removed)
    while body and line_score(infos[body[-1]]) < 0:
        removed[body.pop()] = "navigation"
    while body and line_score(infos[body[0]]) < 0:
        removed[body.pop(0)] = "navigation"
    kept = set(body)
    for i in verdict.body:
        if i != title and i not in kept:
            removed.setdefault(i, "navigation")
    return body, removed


def _removals(
    infos: list[LineInfo],
    left_out: dict[int, str],
    title_index: int | None,
    ruled: RuledText | None,
    of: str,
) -> tuple[Removal, ...]:
    """A record per line left out (`left_out`: the reasons by index; `of`: what the lines are),
    the title's line aside; a line the site rule cut shows its text before the cut."""
    removed = dict(left_out)
    removed.pop(title_index, None)
    by = {i: infos[i].cue.origin for i in removed if infos[i].cue is not None}
    if ruled is not None:
        lines = ruled.text.split("\n")
        for effect in ruled.effects:
            if effect.after is None:
                removed[effect.line - 1] = ruled.removed[effect.line - 1]
                by[effect.line - 1] = effect.where
                lines[effect.line - 1] = effect.before
        texts = {i: (infos[i].text or lines[i].strip()) for i in removed}
    else:
        texts = {i: infos[i].text for i in removed}
    return tuple(
        Removal(i + 1, texts[i], why, by.get(i, ""), of) for i, why in sorted(removed.items())
    )


def _title_repeats(verdict: Verdict, title: str | None, title_index: int | None) -> list[int]:
    """Body lines near the top that repeat the title (the title line itself aside)."""
    if not title:
        return []
    top = [i for i in verdict.body[: TITLE_REPEAT_WINDOW + 1] if i != title_index]
    return [i for i in top[:TITLE_REPEAT_WINDOW] if same_headline(verdict.lines[i].text, title)]


def choose_title(infos: Sequence[LineInfo], verdict: Verdict, cues: CueSet) -> int | None:
    """The headline above the body: the line that repeats the page <title>, else the nearest
    heading-like line above the body, else the <title> line itself (the cue matches of the
    lines it looks at settled on a copy of `infos`)."""
    infos = list(infos)
    content = [i for i in infos if i.text]
    if not content:
        return None
    page_title = content[0]
    start = verdict.start if verdict.start >= 0 else content[-1].index + 1
    above = [i for i in content if i.index < start][-TITLE_WINDOW:]
    for info in above:
        infos[info.index] = checked_cue(info, cues)
    above = [infos[i.index] for i in above]
    page_title = infos[page_title.index] = checked_cue(infos[page_title.index], cues)
    headline, _ = split_page_title(page_title.text)
    keys = {_key(head) for head in _heads(page_title.text)} - {""}
    for info in reversed(above):  # the headline itself, however short ("夜雨")
        same = info.cue is None and not info.bullet and _key(info.text) in keys
        if same and info.index != page_title.index:
            return info.index
    candidates = [i for i in reversed(above) if _heading_like(i)]
    for info in candidates:
        if info.index != page_title.index and same_headline(info.text, headline):
            return info.index
    if candidates:
        return candidates[0].index
    return page_title.index if page_title.index < start and page_title.cue is None else None


def headline_anchor(infos: list[LineInfo], cues: CueSet) -> int | None:
    """The first line below the page's <title> line (a dump's first line) that repeats its
    headline (its longest part, or its first: "The Spies of Georgetown - Atlas Obscura
    Experiences"): the article's own heading, where its body starts. A line that repeats it
    exactly wins over an earlier one that is only alike (a teaser for the next day's
    horoscope)."""
    content = [i for i in infos if i.text]
    if len(content) < 2:
        return None
    heads = _heads(content[0].text)
    exact = {_key(head) for head in heads} - {""}
    # normalizing only shortens a line: one that may repeat a head exactly is this long
    shortest = min(map(len, exact), default=0)
    longest = 2 * max(map(len, heads)) + 20 if exact else -1
    alike = None
    for info in content[1:]:
        fits = shortest <= len(info.text) <= longest
        same = fits and not info.bullet and _key(info.text) in exact
        if not same and (alike is not None or not _heading_like(info)):
            continue
        if not same and not any(_alike(info.text, head) for head in heads):
            continue
        if checked_cue(info, cues).cue is not None:
            continue  # a breadcrumb that ends in the headline
        if same:  # whatever its shape ("…結果!!", a long headline): the page's own heading
            return info.index
        alike = info.index
    return alike


def _heads(page_title: str) -> set[str]:
    """The page <title> line's headline: its longest part and its first."""
    return {split_page_title(page_title)[0], title_parts(page_title)[0]}


def _key(text: str) -> str:
    """A line as headlines are compared exactly: lower case, no punctuation or spaces."""
    return _NORM.sub("", text.lower())


def _alike(line: str, head: str) -> bool:
    return len(line) <= ALIKE_LONGER * len(head) and same_headline(line, head)


def _heading_like(info: LineInfo) -> bool:
    if info.cue is not None or info.bullet:
        return False
    return TITLE_MIN_WEIGHT <= info.weight <= TITLE_MAX_WEIGHT and info.sentence_ends <= 1


def same_headline(a: str, b: str) -> bool:
    """Whether two lines are the same headline; `b`, the page's headline, is compared with
    many lines, so its normalized form and bigrams are computed once (`_prepared`)."""
    if len(a) > 3 * len(b) + 20 or len(b) > 3 * len(a) + 20:
        return False  # far apart in length: not the same headline, skip the work
    x, (y, bb) = _key(a), _prepared(b)
    if not x or not y:
        return False
    shorter, longer = sorted((len(x), len(y)))
    if x == y or (shorter >= 4 and shorter >= TITLE_CONTAINED * longer and (x in y or y in x)):
        return True
    if 2 * shorter < TITLE_SIMILARITY * (shorter + longer):
        return False  # the lengths alone bound the overlap below the threshold
    return _dice(_bigrams(a), bb) >= TITLE_SIMILARITY


@lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[str, Counter]:
    return _key(text), _bigrams(text)


def _bigrams(text: str) -> Counter:
    """Token bigrams (a token: one CJK character or one word)."""
    tokens = TOKEN.findall(text.lower())
    return Counter(zip(tokens, tokens[1:], strict=False))


def _dice(ba: Counter, bb: Counter) -> float:
    total = sum(ba.values()) + sum(bb.values())
    return 2 * sum((ba & bb).values()) / total if total else 0.0


def _metadata(
    infos: list[LineInfo], verdict: Verdict, title: str | None, cues: CueSet, url: str | None
) -> Metadata:
    start = verdict.start if verdict.start >= 0 else len(infos)
    head = [i.text for i in infos[max(0, start - HEAD_WINDOW) : start] if i.text]
    body = [infos[i].text for i in verdict.body]
    edges = body[:METADATA_WINDOW] + body[-METADATA_WINDOW:]
    tagged = [i.text for i in infos if i.cue is not None and i.cue.reason in META_REASONS]
    near = tagged + head + edges
    sitename = find_field("sitename", near, cues)
    first_line = next((i.text for i in infos if i.text), None)
    if sitename is None and first_line:
        sitename = split_page_title(first_line)[1]
    return Metadata(
        title=title,
        date=find_date(tagged + head + edges, cues),
        author=find_field("author", near, cues),
        sitename=sitename,
        url=url,
    )
