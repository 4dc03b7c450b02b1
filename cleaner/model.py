"""The small frozen records the pipeline stages pass to each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:  # records of the later stages; the spine imports none of their code
    from .rules.cues import CueSet
    from .rules.site import SiteRule


@dataclass(frozen=True)
class Options:
    """Everything a caller can choose; one object instead of many keyword arguments."""

    encoding: str | None = None  # skip detection and decode with this codec
    charset: str | None = None  # the charset an HTTP Content-Type declared: decoding evidence,
    # weighed like a <meta charset> (a web archive's response records carry one)
    url: str | None = None  # the page's address, for metadata and rule matching
    input_format: str = "auto"  # auto | text | html
    with_title: bool = True  # emit the title as the first line
    explain: bool = False  # keep every removed line with its reason in the output
    detect_language: bool = True  # fill Document.language (costs a model load for non-CJK)
    metadata: bool = True  # HTML: date, author, site name too (a tenth of the time), not
    # only the title; text output shows only the title
    page_kind: str = "auto"  # auto | article | thread (see pagekind.py)
    focus: str = "auto"  # HTML: auto | balanced | precision | recall (trafilatura's favor_*);
    # auto: precision on an article, balanced on a thread
    fast: bool = False  # HTML: resiliparse's visible text through the line classifier,
    # without lxml or trafilatura (archive scale; method `text-fast`)
    best: bool = False  # HTML: three more readings (trafilatura's balanced setting,
    # readability-lxml, --fast's) and the visible lines all three keep added
    # (html/agreement.py; about three times the time; the extra cleaner[best])
    comments: bool = False  # keep an article's comment section (trafilatura's
    # include_comments), for corpora whose convention keeps it; a thread's posts stay anyway
    rule_sources: tuple[tuple[str, str], ...] | None = None  # (folder, layer); None: built-in
    site: str | None = None  # force the site rule of this name
    use_rules: bool = True  # False: generic cleaning only
    source: str = "-"  # the input's name, for messages and JSON

    def __post_init__(self) -> None:
        if self.best and self.fast:
            raise ConfigError("Options.best and Options.fast: choose one (--best or --fast)")
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ConfigError(
                    f"Options.{name} is {value!r}; allowed: {', '.join(map(str, allowed))}"
                )


INPUT_FORMATS = ("auto", "text", "html")
FOCUSES = ("auto", "balanced", "precision", "recall")
PAGE_KINDS = ("article", "thread", "product", "documentation", "collection", "listing", "service")
CHOICES = {"input_format": INPUT_FORMATS, "focus": FOCUSES, "page_kind": ("auto", *PAGE_KINDS)}


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with which codec was used and why."""

    text: str
    encoding: str
    confidence: float
    reason: str  # bom | declared | utf-8 | detected | forced | ascii | empty
    replacements: int = 0  # byte sequences that could not be decoded and became U+FFFD
    evidence: str = ""  # what decided the codec, in words (--explain)
    controls: int = 0  # control characters taken out (a form feed became a line break)
    c1: bool = False  # holds C1 controls (U+0080-U+009F): UTF-8 read as Latin-1 in the page
    # itself, whose bytes a repair needs (mojibake/nodes.py)
    utf8: bytes | None = field(default=None, repr=False)  # the input's bytes when they are
    # exactly the text in UTF-8: a scan of bytes need not encode the text again (rules/book.py)


# What a position in the explain trail counts (Removal.of, LineRepair.of, Effect.of)
POSITIONS = {
    "input": "a line of the decoded input (a text dump)",
    "visible": "a line of the HTML page's visible text (text-fast, text-fallback, text-large-page)",
    "extracted": "a line of the HTML extractor's output, before cue lines are dropped",
    "paragraph": "a paragraph of the HTML page's body, in order",
    "block": "an element of the HTML tree, taken out before extraction (line 0)",
    "node": "a text of the HTML tree, repaired before extraction (line 0)",
    "page": "the whole page (line 0)",
    "title": "the HTML page's title (line 0)",
}


@dataclass(frozen=True)
class Removal:
    """One line or block that was not kept, and why (`--explain` and the tests read these)."""

    line: int  # 1-based position in what `of` names (0: a block or the whole page)
    text: str
    reason: str
    by: str = ""  # file:line of the rule or cue directive that removed it, if one did
    of: str = "input"  # what `line` counts: a key of POSITIONS


@dataclass(frozen=True)
class Page:
    """What sniffing found: the kind of input, its text, and the addresses it has."""

    kind: str  # text | html
    text: str  # decoded; an HTML page's tags mended (see sniff.mend_markup)
    url: str | None  # the address the caller gave (--url)
    own_url: str | None = None  # the address an HTML page states (canonical link, og:url)
    c1: bool = False  # its text holds C1 controls (Decoded.c1)
    misread: bool = False  # its texts hold a codec misread that no C1 control betrays
    # (GBK read as cp1252: `ÖÐÎÄ`), seen in what trafilatura read (Extracted.misread)
    utf8: bytes | None = field(default=None, repr=False)  # the text in UTF-8 (Decoded.utf8)

    @property
    def address(self) -> str | None:
        return self.url or self.own_url


@dataclass(frozen=True)
class Reading:
    """What every extractor is given, on either kind of page."""

    cues: CueSet  # the rule's and the generic cues, for the page kind
    page_kind: PageKind
    rule: SiteRule | None
    options: Options

    @property
    def keeps_comments(self) -> bool:
        """A thread's replies are its body; an article's comments stay with --comments."""
        return self.page_kind.thread or self.options.comments


@dataclass(frozen=True)
class PageKind:
    """An article (its comment section is boilerplate), a thread (the posts are the body), or
    a product, documentation, collection, listing or service page (read as an article is,
    with trafilatura's balanced setting)."""

    kind: str  # one of PAGE_KINDS
    why: str  # the evidence, as `--explain` and JSON show it
    stated: bool = True  # False: an article only for want of any evidence (ARTICLE)

    @property
    def thread(self) -> bool:
        return self.kind == "thread"


ARTICLE = PageKind("article", "no evidence of another kind", stated=False)


@dataclass(frozen=True)
class PageFacts:
    """What an HTML page's markup says of itself, as the page kind reads it, whichever parser
    read it: its generator meta tags, og:type values, schema.org itemtype attributes and
    JSON-LD script texts."""

    generators: tuple[str, ...] = ()
    og_types: tuple[str, ...] = ()
    itemtypes: tuple[str, ...] = ()
    json_ld: tuple[str, ...] = ()


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    date: str | None = None  # ISO 8601
    author: str | None = None
    sitename: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Extracted:
    """What an extractor found: title, body paragraphs, metadata and what it removed."""

    title: str | None
    paragraphs: tuple[str, ...]
    metadata: Metadata
    removed: tuple[Removal, ...] = ()
    method: str = "text-lines"
    lines: tuple[int, ...] = ()  # text dumps: the input line of each paragraph (1-based)
    title_line: int | None = None  # text dumps: the input line the title is, as it stands
    effects: tuple = ()  # rules.text.Effect records of the site rule's directives on the lines
    repairs: tuple = ()  # mojibake.repair.LineRepair records of the text read (--fast's
    # visible text, repaired before the line classifier reads it, as a dump's is)
    misread: bool = False  # the text trafilatura read holds a codec misread: the page is
    # read again with its markup's texts repaired first (pipeline.read_page)


@dataclass(frozen=True)
class Document:
    """The pipeline's result: clean paragraphs plus everything JSON output reports."""

    source: str
    kind: str  # text | html
    title: str | None
    paragraphs: tuple[str, ...]
    metadata: Metadata
    encoding: str
    encoding_confidence: float
    encoding_reason: str
    language: str | None
    method: str
    page_kind: PageKind = ARTICLE
    replacements: int = 0
    removed: tuple[Removal, ...] = field(default_factory=tuple)
    rule: str | None = None  # the site rule applied, by name
    rule_why: str | None = None  # how it was chosen
    effects: tuple = ()  # rules.text.Effect records, with explain
    notes: tuple[str, ...] = ()  # directives accepted but ignored, with explain
    repairs: tuple = ()  # mojibake.repair.LineRepair records, with explain
    repair_count: int = 0  # lines repaired or dropped as mojibake
    mojibake_dropped: int = 0  # of those, lines dropped
    encoding_why: str = ""  # the evidence for the encoding, in words
