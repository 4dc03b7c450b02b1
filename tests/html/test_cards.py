"""html/cards.py: a link that wraps a listing's entry is read as the entry, not a menu's link."""

from lxml import html

from cleaner import Options, clean
from cleaner.html.cards import open_card_links, reads_cards
from cleaner.model import ARTICLE, PageKind

SUMMARIES = (
    "Learn to plan and lead a digital transformation across a large organisation, from its "
    "strategy to the teams that carry it out, in six months of online sessions.",
    "Build the skills to design products people keep using: research, prioritising what to "
    "make first, and the metrics that tell a team whether it worked.",
    "Understand how sustainable systems are designed, measured and financed, with cases from "
    "energy, transport and food production taught by the faculty who studied them.",
    "Explore machine learning for engineers who ship software: the models, the data they need "
    "and the ways they fail once they meet the world outside the lab.",
)


def _catalogue(head: str = "") -> bytes:
    """A course catalogue (without `head`'s tags, no schema and no og:type: an article for
    want of evidence) whose programmes are cards, each one link around its title and
    summary, in the page's one <article>."""
    cards = "".join(
        f"<div class='item'><a class='card' href='/programme/{n}'><div class='left'>"
        f"<img src='{n}.jpg'></div><div class='right'><div class='heading'>Programme {n}</div>"
        f"<div class='summary'><p>{summary}</p></div></div></a></div>"
        for n, summary in enumerate(SUMMARIES)
    )
    nav = "".join(f"<li><a href='/{part}'>{part}</a></li>" for part in ("Home", "About", "News"))
    return (
        f"<html><head><title>Certificate programmes</title>{head}</head><body>"
        f"<nav><ul>{nav}</ul></nav><main><h1>Certificate programmes</h1><article class='node'>"
        "<div class='text'><h2>Solve problems. Grow your network.</h2></div>"
        f"<div class='list'>{cards}</div></article></main>"
        "<footer><p>Copyright 2025 The Institute</p></footer></body></html>"
    ).encode()


def test_a_catalogue_keeps_the_summaries_its_cards_link():
    # trafilatura read each card as a link's text and dropped it as a menu's: the page kept
    # its heading and one of the four summaries
    text = "\n".join(clean(_catalogue(), Options()).paragraphs)
    assert all(summary in text for summary in SUMMARIES)
    assert "Copyright" not in text and "About" not in text


def test_a_stated_article_keeps_its_cards_as_links():
    # under a story, cards are its related stories: the tree is left as it is, and
    # trafilatura leaves them out
    stated = _catalogue("<meta property='og:type' content='article'>")
    text = "\n".join(clean(stated, Options()).paragraphs)
    assert not all(summary in text for summary in SUMMARIES)
    assert not reads_cards(PageKind("article", "og:type article"))
    assert reads_cards(ARTICLE) and reads_cards(PageKind("listing", "schema.org ItemList"))


def test_only_a_link_around_a_paragraph_of_some_length_is_a_card():
    tree = html.fromstring(
        "<div><a href='/a'><p>A programme's summary, long enough to be one whole sentence at "
        "least, and more.</p></a><a href='/b'><p>Short</p></a>"
        "<a href='/c'>a plain link of the same length, but with no paragraph in it at all</a></div>"
    )
    assert open_card_links(tree) == 1
    assert [child.tag for child in tree] == ["div", "a", "a"]
    assert tree[0].get("href") == "/a"  # its attributes kept (a box's class still names it)
