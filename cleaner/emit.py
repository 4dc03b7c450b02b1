"""After the pipeline: a Document as text (title line, then one paragraph per line) or JSON."""

from __future__ import annotations

import json
from typing import Any

from .model import Document

LOW_CONFIDENCE = 0.5  # a guessed encoding below this confidence is reported
LINE_POSITIONS = ("input", "visible", "extracted")  # positions that count lines


def to_text(doc: Document, with_title: bool = True) -> str:
    lines = list(doc.paragraphs)
    if with_title and doc.title:
        lines.insert(0, doc.title)
    return "".join(line + "\n" for line in lines)


def to_record(doc: Document, explain: bool = False) -> dict[str, Any]:
    """The JSON schema documented in the README."""
    record: dict[str, Any] = {
        "source": doc.source,
        "url": doc.metadata.url,
        "title": doc.title,
        "date": doc.metadata.date,
        "author": doc.metadata.author,
        "sitename": doc.metadata.sitename,
        "language": doc.language,
        "encoding": doc.encoding,
        "encoding_confidence": doc.encoding_confidence,
        "kind": doc.kind,
        "method": doc.method,
        "page_kind": doc.page_kind.kind,
        "rule": doc.rule,
        "text": "\n".join(doc.paragraphs),
    }
    if doc.replacements:
        record["replacements"] = doc.replacements
    record["repairs"] = doc.repair_count
    record["warnings"] = list(warnings(doc))
    if explain:
        record["encoding_why"] = doc.encoding_why
        record["rule_why"] = doc.rule_why
        record["page_kind_why"] = doc.page_kind.why
        record["removed"] = [_removal(r) for r in doc.removed]
        record["rule_effects"] = [
            {"by": e.where, "directive": e.directive, "line": e.line, "of": e.of,
             "before": e.before, "after": e.after}
            for e in doc.effects
        ]  # fmt: skip
        record["notes"] = list(doc.notes)
        record["repaired"] = [
            {"line": r.line, "of": r.of, "before": r.before, "after": r.after, "how": r.how}
            for r in doc.repairs
        ]
    return record


def _removal(r) -> dict[str, Any]:
    entry = {"line": r.line, "of": r.of, "text": r.text, "reason": r.reason}
    if r.by:
        entry["by"] = r.by
    return entry


def to_json(doc: Document, explain: bool = False, indent: int | None = 2) -> str:
    record = to_record(doc, explain)
    return json.dumps(record, ensure_ascii=False, indent=indent) + "\n"


def render(doc: Document, fmt: str, explain: bool = False, with_title: bool = True) -> str:
    """A document as the CLI and batch mode write it: text, a JSON object, or a JSONL line."""
    if fmt == "text":
        return to_text(doc, with_title)
    return to_json(doc, explain, indent=2 if fmt == "json" else None)  # jsonl, parquet: a line


def explain_lines(doc: Document) -> str:
    """Human-readable removal log for --explain in text mode (written to stderr)."""
    out = []
    if doc.rule:
        out.append(f"{doc.source}: site rule {doc.rule} ({doc.rule_why})\n")
    for e in doc.effects:
        if e.after is not None:  # removals are listed below, each once
            what = position(e.of, e.line) if e.line else e.before
            out.append(f"{doc.source}: {e.directive} {what} ({e.where}): {e.after}\n")
    for r in doc.removed:
        out.append(f"{doc.source}: removed {position(r.of, r.line)} [{r.reason}]: {r.text}\n")
    for r in doc.repairs:
        after = "dropped" if r.after is None else repr(r.after)
        where = position(r.of, r.line)
        out.append(f"{doc.source}: repaired {where} ({r.how}): {r.before!r} -> {after}\n")
    out.extend(f"{doc.source}: note: {note}\n" for note in doc.notes)
    return "".join(out)


def position(of: str, line: int) -> str:
    """Where a trail entry stands, in words: `input line 12`, `paragraph 3`, `block`."""
    return f"{of} line {line}" if of in LINE_POSITIONS else f"{of} {line}" if line else of


def warnings(doc: Document) -> tuple[str, ...]:
    """What a reader of the output should know is uncertain about it, one line each: a
    guessed encoding, bad bytes replaced, lines dropped as mojibake, an empty input, no body
    found."""
    out = []
    if doc.encoding_reason == "detected" and doc.encoding_confidence < LOW_CONFIDENCE:
        sure = f"{doc.encoding_confidence:.2f}"
        out.append(f"encoding guessed as {doc.encoding} with confidence {sure}; name it with "
                   "--encoding if it is wrong")  # fmt: skip
    if doc.replacements:
        forced = doc.encoding_reason == "forced"
        hint = "; check --encoding (without it the codec is detected)" if forced else ""
        out.append(f"{doc.replacements} bad byte sequence(s) in the {doc.encoding} input "
                   f"replaced{hint}")  # fmt: skip
    if doc.mojibake_dropped:
        out.append(f"{doc.mojibake_dropped} line(s) dropped as mojibake (see --explain)")
    if doc.encoding_reason == "empty":  # a download or export that wrote nothing
        out.append("empty input (0 bytes), nothing to clean; check that it was saved whole")
    elif not doc.paragraphs:
        out.append(f"no body text found ({doc.kind} page, method {doc.method})")
    return tuple(out)
