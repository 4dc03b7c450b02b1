"""List items as a page's kind reads them in a dump. A bulleted line costs a body run as a
menu's item does (body.BULLET_PENALTY), which is what most bulleted lines of a dump are; on a
product, documentation or service page it is the page's own text, and on an article a list
of findings or steps between its paragraphs is too (`unbullet_prose`, `neutral_prose_items`:
extract.py applies them by the page's kind, before the body is looked for)."""

from __future__ import annotations

from .body import GOOD_WEIGHT
from .features import PROSE_ITEM, SHORT_WEIGHT, LineInfo

# On a product, documentation or service page, a bulleted line heavier than a menu's item
# (SHORT_WEIGHT) is the page's own text (a product's features, a manual's steps, a service's
# offer), not a menu's: it is read as a line of the body, its bullet no penalty. Measured
# (mean F1): wcxb-dev-text .7464 -> .7529 (ten pages better, a shop's description of
# five bulleted features 0 -> .99, a console's list of features .20 -> .97; one .02 worse),
# `--fast` on wcxb-dev .7884 -> .7883 (one page +.04, one -.10, where a footnote opened by
# `*` carried the run into a support menu), no other set moved. Only such lines of a
# paragraph's weight that are punctuated: .7497; every bulleted line: .7530, five pages
# worse. On articles (punctuated lines of a paragraph's weight) wcxb-dev-text gains .015 but
# magichtml-article-text loses .014 and scrapinghub-text .004 (their golds leave an
# article's lists out); on threads magichtml-forum-text loses .020; collections and
# listings: no page moved.
PROSE_BULLET_KINDS = ("product", "documentation", "service")


# On an article, a bulleted line of a paragraph's weight that is punctuated (a report's
# findings, a guide's steps) scores body.PROSE_ITEM_SCORE, neither body nor gap: a list of them
# between paragraphs stays in the body, one at its edges (related stories' teasers) adds
# nothing to it. Measured (mean F1): wcxb-dev-text .7544 -> .7582 (ten pages better, none
# worse), magichtml-article-text .8271 -> .8318 (one page), the other sets and every HTML
# reading unchanged. On threads too: magichtml-forum-text -.0037 (two threads); from a
# weight of 7: wcxb-dev-text .7602 but magichtml-article-text -.0007; scoring them -1: .7578.
# (Read as paragraphs, as on a product's page: wcxb-dev-text +.015, magichtml-article-text
# -.014, scrapinghub-text -.004.)
PROSE_ITEM_KINDS = ("article",)


def neutral_prose_items(lines: list[LineInfo]) -> list[LineInfo]:
    """The lines with each bulleted one of GOOD_WEIGHT or more that is punctuated marked a
    PROSE_ITEM (see PROSE_ITEM_KINDS)."""
    return [
        info._replace(bullet=PROSE_ITEM)
        if info.bullet and info.weight >= GOOD_WEIGHT and info.punctuated
        else info
        for info in lines
    ]


def unbullet_prose(lines: list[LineInfo]) -> list[LineInfo]:
    """The lines with each bulleted one of SHORT_WEIGHT or more read as a line of the body
    (see PROSE_BULLET_KINDS)."""
    return [
        info._replace(bullet=False) if info.bullet and info.weight >= SHORT_WEIGHT else info
        for info in lines
    ]
