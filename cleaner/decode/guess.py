"""Guessing a page's codec when neither a BOM, nor its bytes (UTF-8), nor a declaration that
decodes cleanly settle it.

chardet makes the first guess, restricted to the codecs browsers decode pages with. Then every
plausible reading competes: the declared codec (if any), UTF-8, chardet's guess and the CJK
multi-byte codecs each decode a sample, and the reading that shows the fewest traces of a
wrong decoding wins (misread.misread_share: U+FFFD, rare Han, mojibake shapes). A stray
invalid byte makes chardet refuse a multi-byte codec outright; here it costs that reading one
bad character. Where two CJK readings are about as plausible (GB2312 and EUC-JP share their
byte ranges), chardet's language models choose between them, on the sample with the bad bytes
taken out. Everything here is linear in the input: the sample is bounded and built in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .misread import CJK_LETTER, misread_share, non_ascii
from .names import WEB_ENCODINGS, WIDE, canonical_codec

SAMPLE_BYTES = 64 * 1024  # chardet sees at most this much: detection cost stays flat
CONTEST_BYTES = 16 * 1024  # each candidate reading is scored on this much of the sample
ASCII_CONTEXT = 64  # ASCII bytes kept around non-ASCII text in the sample: enough for
# single-byte language models, too few to outvote the CJK bytes
DECLARED_BONUS = 0.1  # a declared codec wins unless another reads this much better
VALID_BONUS = 0.05  # a CJK codec that reads every byte wins a near tie (a single-byte
# codec reads any bytes: GB18030's Arabic read as cp1256 is Arabic too, with digits inside)
GUESS_BONUS = 0.02  # chardet's guess wins a near tie against the other readings
CJK_TIE = 0.05  # CJK readings this close are told apart by chardet's language models
CLEAN_READING = 0.05  # a CJK reading of a misdeclared page shows fewer misread characters
CHARDET_SURE = 0.2  # chardet's confidence to overrule the plausibility order (it answers
# 0.02 on English text whose only non-ASCII bytes are punctuation, 0.45 and more on CJK text)
CLEAR_MARGIN = 0.2  # a winner this far ahead of the next different reading is certain
MIN_CJK_EVIDENCE = 12  # non-ASCII bytes a sample needs before a CJK codec may read it (a
# few stray bytes in English text are no East Asian page), and before a guess is certain
CJK_CANDIDATES = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949")
CHARDET_NAMES = {"euc_jp": "EUC-JP"}  # where chardet spells a Python codec otherwise
UTF8_EVIDENCE = 0.5  # a reading other than UTF-8 counts the bytes that form valid UTF-8
# sequences against it at this weight (a legacy page forms at most 40% by chance)
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_TWO_ASCII = re.compile(rb"[\x00-\x7f]{2}")
_OPENING = re.compile(rb"<(script|style)\b", re.IGNORECASE)
_CLOSING = {t: re.compile(b"</" + t + rb"\s*>", re.IGNORECASE) for t in (b"script", b"style")}
_WESTERN_MARK = re.compile("[\u00a0-\u00ff\u2010-\u2014\u2016-\u2027\u2030-\u2044\u20ac\u2122]")


@dataclass(frozen=True)
class Guess:
    codec: str
    confidence: float  # how sure: the winner's plausibility, less when a rival came close
    evidence: str  # what decided, for --explain


def guess_codec(data: bytes, declared: str | None = None) -> Guess:
    """The codec `data` most plausibly is in; `declared` (a page's own claim) gets a bonus."""
    sample = make_sample(data)
    contest = sample[:CONTEST_BYTES]
    first = _chardet(sample)
    evidence = _high_bytes(sample)
    raw = _raw_readings(contest, (declared, "utf-8", first, *CJK_CANDIDATES))
    valid = _whole(contest, raw, CJK_CANDIDATES)
    if evidence < MIN_CJK_EVIDENCE:  # a few bytes: a CJK codec only when it reads them all
        cjk = _perfect(valid, raw)
        keep = {declared, first, *cjk}
        raw = {n: r for n, r in raw.items() if n not in CJK_CANDIDATES or n in keep}
        valid = cjk
    readings = _with_utf8_evidence(raw)
    bonus = dict.fromkeys(valid, VALID_BONUS)
    bonus.update({first: GUESS_BONUS, declared: DECLARED_BONUS})  # a claim outweighs a guess
    order = sorted(readings, key=lambda n: readings[n][1] - bonus.get(n, 0.0))
    winner, how = _cjk_tie(contest, order, readings)
    text, bad = readings[winner]
    rivals = [b for n, (t, b) in readings.items() if n != winner and t != text]
    margin = min(rivals, default=1.0) - bad
    confidence = max(0.0, 1.0 - bad) * min(1.0, max(margin, 0.0) / CLEAR_MARGIN)
    if how != "plausibility":
        confidence = max(confidence, 1.0 - bad) * 0.9  # a language model's choice
    confidence *= min(1.0, evidence / MIN_CJK_EVIDENCE)  # three stray bytes prove little
    board = ", ".join(f"{n} {1 - readings[n][1]:.0%}" for n in order[:3])
    evidence = f"guessed by {how} (chardet said {first}; plausible: {board})"
    return Guess(winner, round(confidence, 3), evidence)


def clean_cjk_reading(data: bytes) -> str | None:
    """A CJK codec that reads the sample without a bad byte and plausibly (with few non-ASCII
    bytes to tell by: perfectly); the most plausible of them."""
    sample = make_sample(data)[:CONTEST_BYTES]
    raw = _raw_readings(sample, CJK_CANDIDATES)
    names = _whole(sample, raw, CJK_CANDIDATES)
    if _high_bytes(sample) < MIN_CJK_EVIDENCE:
        names = _perfect(names, raw)
    readings = {n: raw[n] for n in names if raw[n][1] <= CLEAN_READING}
    if not readings:
        return None
    return _cjk_tie(sample, sorted(readings, key=lambda n: readings[n][1]), readings)[0]


def _raw_readings(sample: bytes, names) -> dict[str, tuple[str, float]]:
    """Each codec's reading of the sample and its misread share, each codec read once."""
    return {name: _reading(sample, name) for name in dict.fromkeys(n for n in names if n)}


def _with_utf8_evidence(raw: dict[str, tuple[str, float]]) -> dict[str, tuple[str, float]]:
    """A reading other than UTF-8 also counts the share of bytes that form valid UTF-8
    against it."""
    if "utf-8" not in raw:
        return raw
    as_utf8 = _utf8_share(raw["utf-8"][0])
    return {n: (t, b + (UTF8_EVIDENCE * as_utf8 if n != "utf-8" else 0.0))
            for n, (t, b) in raw.items()}  # fmt: skip


def _cjk_tie(sample: bytes, order: list[str], readings: dict) -> tuple[str, str]:
    """The winner, unless it is a CJK reading that others come close to: then a reading with
    no CJK letter at all (an English page's curly quotes in GB18030 read as Big5 give 每),
    else chardet's language models on the sample with the winner's bad bytes out."""
    winner = order[0]
    if winner not in CJK_CANDIDATES:
        return winner, "plausibility"
    tied = [n for n in order[1:] if n in CJK_CANDIDATES
            and readings[n][1] <= readings[winner][1] + CJK_TIE]  # fmt: skip
    latin = [n for n in (winner, *tied) if not CJK_LETTER.search(readings[n][0])]
    if tied and latin:  # Latin text with typographic marks, not Latin text with Han in it
        best = max(latin, key=lambda n: len(_WESTERN_MARK.findall(readings[n][0])))
        return best, "the reading with Western typography among close CJK readings"
    if tied:
        chosen, sure = _chardet_sure(_without_bad_bytes(sample, winner), (winner, *tied))
        if chosen in tied and sure >= CHARDET_SURE:
            return chosen, "chardet among close CJK readings"
    return winner, "plausibility"


def _perfect(names: tuple[str, ...], raw: dict) -> tuple[str, ...]:
    """Those of `names` whose reading has nothing misread (GB18030's curly quotes in an
    English page: few bytes, but every one in place)."""
    return tuple(n for n in names if raw[n][1] == 0.0)


def _whole(sample: bytes, raw: dict, names: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `names` that decode the sample, but for a character cut off at its end."""
    cut = {n: raw[n][0].removesuffix("\ufffd") for n in names}  # a character cut off at the end
    return tuple(n for n in names if cut[n].count("\ufffd") == own_fffd(sample, n))


def make_sample(data: bytes) -> bytes:
    """The input's non-ASCII runs, each with some ASCII context, outside scripts and styles:
    long ASCII runs mislead chardet (it answers cp850 or iso8859-15 for GBK) and carry no
    evidence. One pass over the input, which is not copied."""
    spans = _script_spans(data)
    span = next(spans, None)
    parts, size, end = [], 0, 0
    for run in _HIGH_RUN.finditer(data):
        while span and span[1] <= run.start():
            span = next(spans, None)
        if span and span[0] <= run.start():
            continue  # inside a script or style
        start = max(end, run.start() - ASCII_CONTEXT)
        if start != end:  # a new window starts at two ASCII bytes: never inside a character
            safe = _TWO_ASCII.search(data, start, run.start())
            start = safe.start() + 1 if safe else run.start()
        end = run.end() + ASCII_CONTEXT
        parts.append(data[start:end])
        size += end - start
        if size >= SAMPLE_BYTES:
            break
    return b"".join(parts)[:SAMPLE_BYTES]


def _script_spans(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each <script> and <style> element, in order; an unclosed one runs to
    the end. Each search starts where the last ended: linear."""
    pos = 0
    while True:
        opening = _OPENING.search(data, pos)
        if not opening:
            return
        closing = _CLOSING[opening.group(1).lower()].search(data, opening.end())
        pos = closing.end() if closing else len(data)
        yield opening.start(), pos


def _reading(sample: bytes, codec: str) -> tuple[str, float]:
    text = sample.decode(codec, errors="replace")
    return text, misread_share(text, own_fffd(sample, codec))


def _utf8_share(text: str) -> float:
    """The share of a UTF-8 reading's non-ASCII characters that decoded (not U+FFFD)."""
    count = non_ascii(text)
    return 1.0 - text.count("\ufffd") / count if count else 0.0


def _high_bytes(sample: bytes) -> int:
    return len(sample) - len(sample.translate(None, bytes(range(128, 256))))


def own_fffd(data: bytes, codec: str) -> int:
    """How many U+FFFD `data` holds as characters of its own in `codec`: those a reading that
    drops every bad sequence still has (U+FFFD's bytes across two characters, as `fd ff` may
    stand in UTF-16, are none: fuzzing found a count of replaced sequences below zero). The
    second reading only where U+FFFD's bytes occur, or in UTF-16/32."""
    try:
        unit = "\ufffd".encode(codec)
    except UnicodeEncodeError:
        return 0
    if codec not in WIDE and unit not in data:
        return 0
    return data.decode(codec, errors="ignore").count("\ufffd")


def _without_bad_bytes(sample: bytes, codec: str) -> bytes:
    """The sample with the sequences `codec` cannot decode taken out (chardet refuses a
    multi-byte codec over one of them)."""
    text = sample.decode(codec, errors="replace").replace("\ufffd", "")
    return text.encode(codec, errors="ignore")


def _chardet(sample: bytes, among: tuple[str, ...] = WEB_ENCODINGS) -> str:
    """chardet's answer among `among` (the first when nothing fits)."""
    return _chardet_sure(sample, among)[0]


def _chardet_sure(sample: bytes, among: tuple[str, ...]) -> tuple[str, float]:
    """chardet's answer among `among` and its confidence."""
    import chardet  # imported here: most pages are UTF-8 and never need it

    among = tuple(CHARDET_NAMES.get(name, name) for name in among)
    result = chardet.detect(
        sample, prefer_superset=True, include_encodings=among, no_match_encoding=among[0]
    )
    codec = canonical_codec(result.get("encoding") or "") or "cp1252"
    return codec, float(result.get("confidence") or 0.0)
