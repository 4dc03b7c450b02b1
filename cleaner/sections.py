"""An article's comment section out of its tree before trafilatura. trafilatura's precision
setting prunes a comment section only when the block's id or class starts with "comment"
(or is `article-comments`/`post-comments`); sites name theirs `news-comment-list`,
`user-comments`, `article__comments`, and their readers' comments come out as the article's
last paragraphs. A block (div, section, list, aside) whose id or class matches a
`comment_markup` pattern (rules/generic/threads.txt) goes, unless it holds the page's
headline (`h1`) or an `<article>`: then it wraps the article. Thread pages keep theirs: the
posts are the body there. Measured on the HTML bench sets: magichtml-article +0.003 F1
(three pages +0.03 to +0.26, none worse), the other three unchanged."""

from __future__ import annotations

import re

from lxml import etree

# blocks that may hold a comment section; `omment` finds Comment and comment alike cheaply,
# the patterns decide
_CANDIDATES = etree.XPath(
    "//*[self::div or self::section or self::ul or self::ol or self::aside]"
    "[contains(@class, 'omment') or contains(@id, 'omment')]"
)
_WRAPS_ARTICLE = etree.XPath("boolean(.//h1 | .//article)")


def drop_comment_sections(tree, patterns: list[re.Pattern[str]]) -> int:
    """Removes the comment sections of an article's tree; returns how many."""
    if not patterns:
        return 0
    sections: list = []
    for block in _CANDIDATES(tree):  # document order: a section comes before its insides
        names = f"{block.get('id', '')} {block.get('class', '')}".replace("_", "-")
        if not any(p.search(names) for p in patterns) or _WRAPS_ARTICLE(block):
            continue
        if not any(block in section.iterdescendants() for section in sections[-1:]):
            sections.append(block)
    for section in sections:
        section.drop_tree()  # its tail text stays
    return len(sections)
