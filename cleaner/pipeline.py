"""The whole pipeline in one visible function, for both kinds of page:

decode -> sniff -> rule -> parse (HTML) -> page kind -> prepare -> extract -> repair ->
normalize -> document.

Each stage is a function of what earlier stages returned (small frozen records, see model.py);
`emit` renders the Document; the CLI only reads bytes and writes."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from .decode import decode_bytes
from .model import Decoded, Document, Extracted, Options, Page, Reading, Removal
from .mojibake.repair import Repaired, repair_lines
from .normalize import normalize
from .pagekind import page_kind, reading_for
from .rules import RuleChoice, choose_rule
from .sniff import refuse_binary, refuse_binary_text, sniff
from .textdump import LARGE_DUMP_BYTES, clean_large_dump, prepare_dump, read_dump


def clean(data: bytes, options: Options | None = None) -> Document:
    """Clean one raw page. Raises InputError for binary input, ConfigError for bad options."""
    options = options or Options()
    refuse_binary(data, options.source, encoding_known=options.encoding is not None)
    if len(data) > LARGE_DUMP_BYTES and options.input_format != "html":
        large = clean_large_dump(data, options)  # read in segments: memory stays bounded
        if large is not None:
            return large
    decoded = decode_bytes(data, options.encoding, options.charset)  # decode: codec and why
    refuse_binary_text(decoded, options.source)
    page = sniff(decoded, options)  # sniff: HTML or a text dump, and the page's address
    choice = choose_rule(page, options)  # rule: the site rule (or none) and its cues
    if page.kind == "html":
        from . import html  # lxml and trafilatura load only for HTML pages

        markup = html.parse_page(page, choice.rule, options.fast)  # parse: find/replace, tree
        kind = page_kind(options, choice.rule, choice.cues, page, markup.facts)  # page kind
        reading = reading_for(kind, choice.rule, choice.cues, options)
        prepared = html.prepare_tree(markup, reading)  # prepare: rule, prune, tables (once)
        extracted = html.read_html(prepared, reading)  # extract: trafilatura + cues
        repaired = repair_lines(extracted.paragraphs, of="paragraph")  # repair: paragraphs
        kept = normalize(tuple(p for p in repaired.lines if p))  # normalize
    else:
        kind = page_kind(options, choice.rule, choice.cues, page)  # page kind
        reading = reading_for(kind, choice.rule, choice.cues, options)
        prepared = prepare_dump(page.text, choice.rule)  # prepare + repair: lines, then rule
        extracted = read_dump(prepared, reading)  # extract: the line classifier (normalizes)
        repaired, kept = prepared.repaired, extracted.paragraphs
    body = Body(extracted, repaired, kept, prepared.effects + extracted.effects)
    return document(page, decoded, choice, reading, body)  # document


@dataclass(frozen=True)
class Body:
    """What the last stages made of a page, on either path."""

    extracted: Extracted  # the extractor's title, metadata, method and removals
    repaired: Repaired  # what mojibake repair changed or dropped
    paragraphs: tuple[str, ...]  # kept, repaired and normalized
    effects: tuple  # the site rule's directives that acted (rules.Effect)


def document(
    page: Page, decoded: Decoded, choice: RuleChoice, reading: Reading, body: Body
) -> Document:
    """The Document of a page from what each stage found; the explain trail only with
    --explain."""
    extracted, repaired, paragraphs, effects = (
        body.extracted, body.repaired, body.paragraphs, body.effects
    )  # fmt: skip
    options = reading.options
    explain, rule = options.explain, choice.rule
    title = normalize((extracted.title,))[0] if extracted.title else None
    return Document(
        source=options.source, kind=page.kind, title=title or None, paragraphs=paragraphs,
        metadata=extracted.metadata, encoding=decoded.encoding,
        encoding_confidence=decoded.confidence, encoding_reason=decoded.reason,
        language=_language(paragraphs) if options.detect_language else None,
        method=extracted.method, page_kind=reading.page_kind, replacements=decoded.replacements,
        removed=_merge(extracted.removed, repaired.removed) if explain else (),
        repairs=repaired.repairs if explain else (), repair_count=len(repaired.repairs),
        mojibake_dropped=sum(1 for r in repaired.repairs if r.after is None),
        encoding_why=decoded.evidence, rule=rule.name if rule else None, rule_why=choice.why,
        effects=effects if rule and explain else (), notes=rule.notes if rule and explain else (),
    )  # fmt: skip


def clear_caches() -> None:
    """Forget everything learnt or loaded in this process: every function cache of every
    cleaner module loaded (rule books, cue sets, plausibility scores, parsers, a dump's row
    features) and the cue sets' remembered line matches, so that a benchmark that repeats its
    pages measures them cold, and a rule file changed on disk is read again."""
    from .rules.cues import forget_matches

    forget_matches()
    for name, module in list(sys.modules.items()):
        if name == "cleaner" or name.startswith("cleaner."):
            for value in list(vars(module).values()):
                mine = getattr(value, "__module__", None) == name and not isinstance(value, type)
                if mine and hasattr(value, "cache_clear"):
                    value.cache_clear()


def _language(paragraphs: tuple[str, ...]) -> str | None:
    from .language import guess_language  # JSON output only: text output never pays for it

    return guess_language("\n".join(paragraphs))


def _merge(first: tuple[Removal, ...], second: tuple[Removal, ...]) -> tuple[Removal, ...]:
    """Removals in order (a line dropped by repair never reaches the text-dump extractor);
    blocks taken out of an HTML tree (line 0) first."""
    return tuple(sorted(first + second, key=lambda r: r.line))
