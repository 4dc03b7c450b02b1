"""Generic cue files (rules/generic/*.txt), the fallback layer of the rule mechanism: their
directives checked and read into a CueSet (cues.py matches lines against it).

Directives understood here:
  scope: cjk | latin | any    which lines a file's cues apply to (default any): a Chinese
                             cue is tried only on lines with Han/kana/hangul, an English one
                             only on lines where Latin words outweigh CJK
  drop_line(REASON): REGEX   drop a line that matches, wherever it stands
  cut_from(REASON): REGEX    a line that opens the page's tail (comments, related links,
                             disclaimer): it and everything after it are dropped, once the
                             body has started
  text_date / text_author / text_sitename: REGEX
                             where a dump states its date, author or site name
  thread_url / thread_host / thread_generator / thread_schema: REGEX
                             evidence of a thread page (see pagekind.py)
  KIND_og / KIND_schema / KIND_url / KIND_host: REGEX
                             evidence of an article, product, documentation, collection,
                             listing or service page (see pagekind.py, rules/generic/kinds.txt)
  listing_index: REGEX       an address that is an index (a front page, an archive): a
                             listing whatever else the page says (see pagekind.py)
  tracking_param: REGEX      a query parameter a click's tracker adds, left out of the
                             address the kinds read (see pagekind.py)
  price_line: REGEX          a line that is only a price: a shop's grid gives each of its
                             entries one (see textdump/entries.py)
  price_mark: REGEX          a price anywhere in a page's text: a page that states nothing
                             of itself and shows a few is read for a shop's grid (see
                             html/thin.py)
  code_line: REGEX           a line of code: no gap in a documentation page's body (see
                             textdump/body.py)
  bio_heading: REGEX         a heading that may open an author's biography, the name its
                             group 1 (see textdump/named.py: the byline must name them too)
  site_more: REGEX           a heading that may open the site's recommendations, the name
                             its group 1 (textdump/named.py: the address must name it too)
  title_label: REGEX         a label beside a title's headline, taken out of the title
                             (see textdump/fields.without_labels)
  site_part: REGEX           a part at the end of a page title that names the site, not the
                             headline (see textdump/fields.split_page_title)
  title_goes_on: REGEX       the first word of a title's part that goes on with the headline
                             (see textdump/fields.title_parts)
  comment_markup / player_markup / menu_markup: REGEX
                             the id/class of an article's comment section, of a video
                             player, of a dropdown menu (see html/prune.py)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..model import PAGE_KINDS
from .cues import CUE_DIRECTIVES, Cue, CueSet
from .format import Directive, compile_regex, read_rule_file, rules_dir

FIELD_DIRECTIVES = (
    "text_date",
    "text_author",
    "text_sitename",
    "bio_heading",
    "site_more",
    "title_label",
    "site_part",
    "title_goes_on",
    "thread_url",
    "thread_host",
    "thread_generator",
    "thread_schema",
    *(
        f"{kind}_{where}"
        for kind in PAGE_KINDS  # a thread's evidence has the fields above
        if kind != "thread"
        for where in ("og", "schema", "url", "host")
    ),  # fmt: skip
    "listing_index",
    "tracking_param",
    "price_line",
    "price_mark",
    "code_line",
    "comment_markup",
    "player_markup",
    "menu_markup",
)
SCOPES = ("any", "cjk", "latin")


def directive_problem(d: Directive) -> str | None:
    """What is wrong with a generic file's `scope` or cue directive, if anything: a scope
    that is none of SCOPES, a cue without its reason (loading and `cleaner rules check` ask
    the same)."""
    if d.name == "scope" and d.value.lower() not in SCOPES:
        return f"scope must be one of {', '.join(SCOPES)}"
    if d.name in CUE_DIRECTIVES and not (d.arg or "").strip():
        return f"{d.name} needs a reason: {d.name}(REASON): REGEX"
    return None


def _checked(d: Directive) -> Directive:
    """The directive, or ConfigError naming its file and line and its problem."""
    problem = directive_problem(d)
    if problem:
        raise ConfigError(f"{d.where()}: {problem}")
    return d


def file_scope(directives: list[Directive]) -> str:
    scopes = [d for d in directives if d.name == "scope"]
    return _checked(scopes[-1]).value.lower() if scopes else "any"


def cues_from_directives(directives: list[Directive]) -> list[Cue]:
    scope = file_scope(directives)
    return [
        Cue(d.name, d.arg.strip(), compile_regex(d), scope, d.where())
        for d in map(_checked, directives)
        if d.name in CUE_DIRECTIVES
    ]


def fields_from_directives(directives: list[Directive]) -> list[tuple[str, re.Pattern[str]]]:
    return [(d.name, compile_regex(d)) for d in directives if d.name in FIELD_DIRECTIVES]


def build_cueset(cues: list[Cue], fields: Sequence[tuple[str, re.Pattern[str]]] = ()) -> CueSet:
    return CueSet(cues, fields)


@lru_cache(maxsize=8)
def generic_cues(directory: Path | None = None) -> CueSet:
    """Every generic cue file, all languages at once (pages mix languages)."""
    folder = directory or rules_dir() / "generic"
    cues: list[Cue] = []
    fields: list[tuple[str, re.Pattern[str]]] = []
    for path in sorted(folder.glob("*.txt")):
        directives, problems = read_rule_file(path)
        if problems:  # cleaner's own files: strict
            raise ConfigError(str(problems[0]))
        cues.extend(cues_from_directives(directives))
        fields.extend(fields_from_directives(directives))
    return build_cueset(cues, fields)
