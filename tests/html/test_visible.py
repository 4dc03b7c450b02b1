"""A page's visible text: a page its scripts draw is read with its <noscript> blocks."""

import lxml.html

from cleaner import Options, clean
from cleaner.html.visible import SCRIPTED_PAGE_CHARS, markup_text, visible_text

POSTS = [
    "We signed up last week and the agent on two of our servers will not stay started.",
    "Sorry for the trouble. Could you send us the service log from one of the servers?",
    "Here it is. The service stops a minute after it starts, every time, on both servers.",
]
NOSCRIPT = "".join(f"<div class='post'><p>{post}</p></div>" for post in POSTS)
NOSCRIPT = f"<noscript>{NOSCRIPT}</noscript>"  # a forum's posts for readers without scripts


def _page(head: str = "", shown: str = "") -> str:
    return (f"<html><head><title>Agents crashing - Help - Forum</title>{head}</head><body>"
            f"<div id='app'>{shown}</div>{NOSCRIPT}</body></html>")  # fmt: skip


def test_the_markups_text_holds_noscript_blocks_only_when_asked():
    page = _page()
    assert POSTS[0] not in markup_text(page)
    assert POSTS[0] in markup_text(page, noscript=True)


def test_a_page_with_no_visible_text_is_read_with_its_noscript_blocks():
    page = _page()
    tree = lxml.html.fromstring(page)
    for noscript in tree.iter("noscript"):  # as preparing the tree takes them out
        noscript.drop_tree()
    assert all(post in visible_text(tree, page) for post in POSTS)


def test_a_page_with_visible_text_leaves_its_noscript_blocks_out():
    shown = "<p>" + "The council met on Tuesday and agreed to keep the library open. " * 4 + "</p>"
    assert len(shown) > SCRIPTED_PAGE_CHARS
    page = _page(shown=shown)
    tree = lxml.html.fromstring(page)
    assert POSTS[0] not in visible_text(tree, page)


def test_fast_reads_the_posts_of_a_forum_its_scripts_draw():
    generator = '<meta name="generator" content="Discourse 3.4">'  # a site rule's lxml tree
    for head in ("", generator):
        doc = clean(_page(head).encode(), Options(input_format="html", fast=True))
        assert all(post in doc.paragraphs for post in POSTS), head
