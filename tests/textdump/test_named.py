"""textdump/named.py: a heading that names the page's author or site opens a tail."""

from cleaner import Options, clean

STORY = [
    "Three cases of plague found in a week",
    "By Jane Morrow",
    "Health officials confirmed three cases of plague in the region this week, the first "
    "such cluster in a decade, and asked residents to avoid contact with wild rodents.",
    "The patients are recovering in hospital, and none of them had travelled abroad before "
    "they fell ill, which suggests that the disease was picked up close to home.",
    "Officials said the risk to the public remains low, but they urged anyone with a sudden "
    "fever after camping or hiking to see a doctor and mention where they had been.",
    "Plague is treatable with common antibiotics when it is caught early, they added, and "
    "the last death from it in the region was recorded more than twenty years ago.",
]
BIO = [
    "About Jane Morrow",
    "Jane Morrow is a freelance writer based in Toronto. Her work has appeared in a number "
    "of newspapers and magazines, and she writes about science, health and the outdoors.",
]


def _body(lines: list[str]) -> tuple[str, ...]:
    return clean("\n".join(lines).encode("utf-8"), Options(detect_language=False)).paragraphs


def test_a_heading_that_names_the_bylined_author_ends_the_article():
    body = _body(STORY + BIO)
    assert body[-1].startswith("Plague is treatable") and BIO[1] not in body
    doc = clean("\n".join(STORY + BIO).encode("utf-8"), Options(explain=True))
    assert any(r.text == BIO[0] and r.reason == "author-bio" for r in doc.removed)
    # a byline that gives a date instead of `By` names the author just as well
    dated = [STORY[0], "Jane Morrow 27/09/2018 2 comments", *STORY[2:]]
    assert BIO[1] not in _body(dated + BIO)


def test_a_heading_about_a_name_the_byline_does_not_give_ends_nothing():
    # a review's section about the app it reviews, or a page without a byline
    unsigned = [STORY[0], *STORY[2:]]
    assert BIO[1] in _body(unsigned + BIO)
    other = ["About Clever Cleaner", BIO[1].replace("Jane Morrow", "Clever Cleaner")]
    assert other[1] in _body(STORY + other)


TEASERS = [
    "More Example Times",
    "Science",
    "A new telescope sees the first light of a distant galaxy",
    "Ann Lee",
    "Astronomers say the images, taken over six nights in March, show a galaxy whose light "
    "left it when the universe was a few hundred million years old, earlier than expected.",
    "Health",
    "Why a short walk after dinner is good for you",
    "Tom Reyes",
    "A walk of ten minutes after a meal lowers the rise in blood sugar that follows it, a "
    "review of seven small studies has found, and the effect is larger in older adults.",
]


def test_a_heading_that_names_the_site_opens_its_recommendations():
    address = Options(url="https://www.exampletimes.com/2024/05/plague", detect_language=False)
    story = [STORY[0], *STORY[2:]]
    body = clean("\n".join(story + TEASERS).encode("utf-8"), address).paragraphs
    assert body[-1] == STORY[-1]
    # on another site the same heading names nothing: the teasers' summaries read as prose
    elsewhere = Options(url="https://www.dailyherald.org/2024/05/plague", detect_language=False)
    body = clean("\n".join(story + TEASERS).encode("utf-8"), elsewhere).paragraphs
    assert TEASERS[4] in body
