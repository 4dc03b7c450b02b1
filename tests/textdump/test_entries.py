"""A shop's or a listing's grid of entries in a text dump: kept when the body beside it is
thin."""

import pytest

from cleaner import Options, clean, to_text
from cleaner.rules.cuefiles import generic_cues
from cleaner.textdump.entries import entry_grid
from cleaner.textdump.features import describe_all

MENU = ["Shop All", "Bakeware", "Barware", "Cookware", "Cutlery", "Gadgets", "Sale", "Gift Cards"]
ENTRIES = [
    ("LODGE", '12" CAST IRON SKILLET', "$49.99 USD"),
    ("LODGE", 'CAST IRON SKILLET 9" L6SK3', "$34.99 USD"),
    ("LODGE", "RECTANGULAR GRILL PRESS", "$36.99 USD"),
    ("LODGE", "GRILL PAN SCRAPERS", "$6.99 USD"),
    ("LODGE", 'CAST IRON LID 9" L6SC3', "$31.99 USD"),
    ("LODGE", "SILICONE HOT HANDLE HOLDER", "$6.99 USD"),
]
FOOTER = ["Newsletter", "Sign up for deals", "Instagram", "Facebook"]
STORY = (
    "The council met on Tuesday and agreed, after a long debate, to keep the old library "
    "open for another five years while the new building is planned. "
)


def _shop(entries=ENTRIES, between: int = 0) -> str:
    lines = ["Lodge Cast Iron – Shop in the Kitchen", *MENU, "Lodge Cast Iron"]
    for entry in entries:
        lines += [*entry, *(["In stock"] * between)]
    return "\n".join([*lines, *FOOTER])


def test_a_shops_grid_is_kept_when_the_body_beside_it_is_thin():
    doc = clean(_shop().encode(), Options(input_format="text", explain=True))
    assert doc.method == "text-lines+entries"
    assert doc.title == "Lodge Cast Iron"
    assert doc.paragraphs[:3] == ("LODGE", '12" CAST IRON SKILLET', "$49.99 USD")
    assert doc.paragraphs[-1] == "$6.99 USD"
    assert "Bakeware" not in doc.paragraphs and "Instagram" not in doc.paragraphs
    kept = {removal.text for removal in doc.removed}
    assert not kept & {text for entry in ENTRIES for text in entry}


def test_cleaning_the_kept_grid_again_changes_nothing():
    first = to_text(clean(_shop().encode(), Options(input_format="text")))
    assert to_text(clean(first.encode(), Options(input_format="text"))) == first


def test_an_article_keeps_its_body_and_not_a_product_box_below_it():
    lines = ["Library stays open | City Paper", *MENU, "Library stays open", *[STORY] * 4]
    dump = "\n".join(lines + [text for entry in ENTRIES[:4] for text in entry] + FOOTER)
    doc = clean(dump.encode(), Options(input_format="text"))
    assert doc.method == "text-lines"
    assert all(paragraph == STORY.strip() for paragraph in doc.paragraphs)


def test_prices_far_apart_are_no_grid():
    infos = describe_all(_shop(between=8), generic_cues())
    assert entry_grid(infos, (), generic_cues()) is None
    infos = describe_all(_shop(between=2), generic_cues())
    grid = entry_grid(infos, (), generic_cues())
    assert grid is not None and grid.entries == len(ENTRIES)


def test_three_prices_are_a_products_own_not_a_grid():
    infos = describe_all(_shop(ENTRIES[:3]), generic_cues())
    assert entry_grid(infos, (), generic_cues()) is None


@pytest.mark.parametrize(
    ("line", "price"),
    [
        ("$49.99 USD", True),
        ("Price: $4,899.00", True),
        ("Sale price €12,90", True),
        ("$100.00 $90.00", True),
        ("From £8", True),
        ("¥1,280", True),
        ("128.00元", True),
        ("Save $26 with the Limited Edition Holiday Set", False),
        ("$5 off your first order", False),
        ("Call 555-1234", False),
        ("2024", False),
    ],
)
def test_a_price_line_is_only_a_price(line, price):
    patterns = generic_cues().field_patterns("price_line")
    assert any(pattern.search(line) for pattern in patterns) is price


JOBS = [
    ("Senior Backend Engineer", "Acme Robotics", "Anywhere in the World", "{n}d"),
    ("Staff Frontend Developer", "Northwind Data", "United States", "{n}d"),
    ("Full Stack Engineer, Payments", "Globex Pay", "Europe only", "{n}d"),
    ("Principal Engineer, Platform", "Initech Cloud", "Anywhere in the World", "{n}d"),
    ("Lead Mobile Developer", "Umbrella Apps", "Canada", "{n}d"),
]


def _board() -> str:
    lines = ["Remote Programming Jobs", "Log in", "Post a job", "Remote Programming Jobs"]
    for n, job in enumerate(JOBS, start=2):
        lines += [field.format(n=n) for field in job]
    return "\n".join([*lines, *FOOTER])


def test_a_listings_entries_are_kept_by_a_line_each_repeats():
    # no price on a job board: its grid is marked by each job's age (`2d`, `3d`, ...)
    url = "https://jobs.example.com/categories/remote-programming-jobs"
    listing = clean(_board().encode(), Options(input_format="text", url=url, page_kind="listing"))
    assert listing.method == "text-lines+entries"
    assert [job[0] for job in JOBS] == [p for p in listing.paragraphs if p in {j[0] for j in JOBS}]
    assert "Canada" in listing.paragraphs and "Post a job" not in listing.paragraphs
    article = clean(_board().encode(), Options(input_format="text", page_kind="article"))
    assert article.method == "text-lines"  # an article's repeated lines mark no grid


def test_a_mega_menus_repeated_link_marks_no_grid_but_the_prices_do():
    # `Shop all` under each group of one-word links recurs more often than the six prices
    groups = [["Helmets", "Road", "MTB", "Gravel"], ["Shoes", "Road", "MTB"], ["Apparel", "Road"]]
    groups += [["Eyewear", "Gloves"], ["Kids", "Cycling"], ["Snow", "Goggles"], ["Bags", "Caps"]]
    menu = [line for group in groups for line in [*group, "Shop All"]]
    lines = ["Lights | Example Cycling", *menu, "Lights"]
    lines += [text for entry in ENTRIES for text in entry[1:]]
    dump = "\n".join([*lines, *FOOTER])
    doc = clean(dump.encode(), Options(input_format="text", page_kind="collection"))
    assert doc.method == "text-lines+entries"
    assert doc.paragraphs[:2] == ('12" CAST IRON SKILLET', "$49.99 USD")
    assert not {"Road", "Gravel", "Shop All"} & set(doc.paragraphs)


def test_an_entry_with_a_sale_price_over_its_regular_one_keeps_its_name():
    # two prices stand together under each name: the entries' step is between their first
    # prices, and the lines above a price are the name alone, not the menu item above it
    sale = [(name, price, "$99.00 USD") for _, name, price in ENTRIES]
    infos = describe_all(_shop(sale), generic_cues())
    grid = entry_grid(infos, (), generic_cues())
    kept = [infos[i].text for i in grid.lines]
    assert kept[:3] == ['12" CAST IRON SKILLET', "$49.99 USD", "$99.00 USD"]
    assert grid.entries == 2 * len(ENTRIES) and "Gift Cards" not in kept


def test_a_listing_of_short_titles_is_a_grid_when_half_its_entries_have_one():
    # a link aggregator: a number, a title and a stamp each, some titles two words long
    titles = ["Rust ships async closures today", "Why SQLite works", "Show HN: Tiny editor"]
    titles += ["A history of the Unix shell", "Postgres tips", "Designing a small compiler"]
    lines = ["New Links | Linkhub", "Linkhubnew | past | comments | ask | show", "login"]
    for n, title in enumerate(titles * 2, start=1):
        lines += [f"{n}.", title, f"{n} points by user{n} {n} minutes ago | hide | past | discuss"]
    dump = "\n".join([*lines, "More", "Guidelines | FAQ | Lists | API | Security | Legal"])
    doc = clean(dump.encode(), Options(input_format="text", url="https://linkhub.example/newest"))
    assert doc.page_kind.kind == "listing" and doc.method == "text-lines+entries"
    assert [p for p in doc.paragraphs if not p[0].isdigit()] == titles * 2  # the last one too:
    # a number opens each entry (the bar above the first is unlike the stamp above the others)
    assert doc.title == "New Links"  # the bar of links over the entries is no headline
