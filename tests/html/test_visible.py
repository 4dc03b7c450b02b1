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


REASONS = ["Spam: advertising, flooding, promotion", "Meaningless: a test, off-topic, low quality",
           "Unfriendly: personal attacks, provocation"]  # fmt: skip
DIALOG = (
    "<div class='modal'><form method='post' action='/reports'><p>Report this post because:</p>"
    + "".join(f"<label><input type='radio' name='why'>{r}</label>" for r in REASONS)
    + "</form></div>"
)
ARTICLE = "".join(f"<p>{post}</p>" for post in POSTS)


def test_a_small_form_is_left_out_and_a_form_wrapping_the_page_is_read():
    page = f"<html><body><article>{ARTICLE}</article>{DIALOG}</body></html>"
    text = visible_text(lxml.html.fromstring(page), page)
    assert POSTS[0] in text and not any(reason in text for reason in REASONS)
    # ASP.NET wraps the whole page in one form: it is the page
    wrapped = f"<html><body><form id='aspnetForm'>{ARTICLE}</form></body></html>"
    assert all(post in visible_text(lxml.html.fromstring(wrapped), wrapped) for post in POSTS)


def test_a_tree_pruned_of_its_body_is_read_again_as_parsed_not_as_markup():
    # the article stands in an <aside>, which preparing the tree drops as boilerplate: the
    # page is parsed again (its report dialog left out), not read by pattern from its markup
    page = f"<html><body><nav>Home</nav><aside>{ARTICLE}</aside>{DIALOG}</body></html>"
    tree = lxml.html.fromstring(page)
    for aside in tree.iter("aside"):
        aside.drop_tree()
    assert POSTS[0] not in lxml.html.tostring(tree, encoding="unicode")
    text = visible_text(tree, page)
    assert all(post in text for post in POSTS)
    assert not any(reason in text for reason in REASONS)
    assert any(reason in markup_text(page) for reason in REASONS)  # (the markup's text has them)


def test_fast_reads_the_whole_page_when_the_main_content_holds_no_body():
    # a stated article set in a block whose class reads as a sidebar: resiliparse's
    # main-content heuristic keeps nothing of it, and the whole visible text is read
    story = " ".join(["The council voted to close the old bridge to traffic from June."] * 6)
    page = (
        "<html><head><meta property='og:type' content='article'><title>Bridge closes</title>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div class='sidebar'><p>{story}</p><p>{story.upper()}</p></div></body></html>"
    )
    doc = clean(page.encode(), Options(detect_language=False, fast=True))
    assert doc.paragraphs == (story, story.upper()) and doc.method == "text-fast"
    # ... and when it holds a thin body (a teaser's sentence) and the whole text ten times more
    teaser = "<article><p>The old bridge closes to traffic in June, the council said.</p></article>"
    thin = page.replace("<div class='sidebar'>", teaser + "<div class='sidebar'>")
    doc = clean(thin.encode(), Options(detect_language=False, fast=True))
    assert story in doc.paragraphs
    # a thin body the whole text does not outweigh tenfold stays
    short = thin.replace(f"<p>{story}</p><p>{story.upper()}</p>", "<p>See also: bridges.</p>")
    doc = clean(short.encode(), Options(detect_language=False, fast=True))
    assert doc.paragraphs == ("The old bridge closes to traffic in June, the council said.",)
