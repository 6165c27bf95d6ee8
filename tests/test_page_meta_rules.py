"""Page-metadata rules read from the shape and place of a line, on pages written for these tests."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.dates._grammar import find_dates
from sinoru_corpus.model import PartialDate
from sinoru_corpus.page._bylines import READING_TIME_BYLINE
from sinoru_corpus.page._edges import is_closing_heading
from sinoru_corpus.page._layout import classify_lines
from sinoru_corpus.page._metadata import _footer_date, extract_metadata

_PROSE = (
    "The river port handled more grain this spring than in any season since the new terminal opened, "
    "and the harbour master expects the figure to rise again once the second berth is dredged.",
    "Traders said that the shorter queue at the locks had made the route cheaper than the railway for "
    "the first time, although the insurers still charge more for the winter months on the water.",
    "The regional council has promised to widen the access road before the harvest, but the contract "
    "has not yet been signed and the budget for the work depends on a loan that is still being negotiated.",
    "Farmers further upstream are waiting to see whether the new prices last, since most of them sold "
    "their crop in advance last year and lost money when the freight rates fell in the autumn.",
)


def _page(header: str, tail: str = "") -> str:
    return header + "\n\n" + "\n\n".join(_PROSE) + "\n\n" + tail


def test_a_name_beside_the_reading_time_is_the_author() -> None:
    page = _page(
        "Write a story\nOrla Brennick\n9 min read\nSign in\nGet started\nNext story\n\n"
        "Grain Finds a Cheaper Road on the River\n\nShare on Twitter\nShare on Facebook"
    )
    md = extract_metadata(page)
    assert [a.name for a in md.authors] == ["Orla Brennick"]
    assert md.authors[0].evidence[0].reason == READING_TIME_BYLINE
    # the widget's name line does not pull the headline up to it
    assert md.title == "Grain Finds a Cheaper Road on the River"


def test_a_reading_time_without_a_name_beside_it_names_no_author() -> None:
    page = _page("Write a story\nTop stories\n9 min read\nSign in\n\nGrain Finds a Cheaper Road on the River")
    md = extract_metadata(page)
    assert md.authors == ()
    assert md.title == "Grain Finds a Cheaper Road on the River"


_LONG_TAIL = (
    "Views expressed on this site are mine alone and do not represent those of any employer, past "
    "or present, nor of any organisation that I volunteer for or have ever been a member of."
)


def test_a_post_signature_under_the_text_ends_the_body() -> None:
    page = _page(
        "Grain Finds a Cheaper Road on the River\n\nMonday 4 May 2026\n",
        "Posted on Monday 4 May 2026 at 10:15 by Orla Brennick.\n\n"
        "Send your comments on this post to the address below, and say if they may be quoted.\n\n"
        + _LONG_TAIL
        + "\n",
    )
    md = extract_metadata(page)
    assert md.body.endswith("lost money when the freight rates fell in the autumn.")
    assert "Posted on" not in md.body
    assert _LONG_TAIL not in md.body


def test_a_dated_line_above_most_of_the_text_cuts_nothing() -> None:
    head, rest = _PROSE[0], "\n\n".join(_PROSE[1:])
    page = (
        "Grain Finds a Cheaper Road on the River\n\nMonday 4 May 2026\n\n"
        f"{head}\n\nPublished on 3 May 2026 by the port authority.\n\n{rest}\n"
    )
    md = extract_metadata(page)
    assert md.body.startswith(head[:40])
    assert md.body.endswith(_PROSE[-1])


def test_the_only_cued_date_below_an_undated_text_is_its_date() -> None:
    page = _page(
        "Grain Finds a Cheaper Road on the River\n",
        "Add a comment\n\nCreated on Sunday, 12 April 2026 in the evening. Edited later.\n\nTags\n",
    )
    md = extract_metadata(page)
    assert md.published == PartialDate(2026, 4, 12)
    assert md.published_span is not None
    assert page[md.published_span[0] : md.published_span[1]] == "Sunday, 12 April 2026"


def test_a_list_of_dated_posts_below_the_text_gives_no_footer_date() -> None:
    posts = "Posted on 3 March 2026 by Orla Brennick\n\nPosted on 9 February 2026 by Orla Brennick\n"
    page = _page("Grain Finds a Cheaper Road on the River\n", "More posts\n\n" + posts)
    assert _footer_date(page, classify_lines(page), True) is None
    one = _page("Grain Finds a Cheaper Road on the River\n", "More posts\n\n" + posts.split("\n")[0])
    assert _footer_date(one, classify_lines(one), True) is not None


_HEAD = "Grain Finds a Cheaper Road on the River\n\nOrla Brennick\nMonday 4 May 2026"
_BIO = "Orla Brennick currently works for a river-trade newsletter as a writer. She grew up beside the docks."


def test_a_bio_box_between_the_byline_and_the_text_is_not_the_body() -> None:
    page = _page(f"{_HEAD}\n\n{_BIO}")
    md = extract_metadata(page)
    assert md.body.startswith(_PROSE[0][:50])
    assert _BIO not in md.body
    assert [a.name for a in md.authors] == ["Orla Brennick"]


def test_a_paragraph_opening_with_another_name_or_verb_stays_body() -> None:
    for opening in (
        "Orla Brennick said on Monday that the port would stay open through the winter months.",
        "Tomas Rielly currently works for the port authority and says the new berth will be ready in June.",
    ):
        page = _page(
            f"Grain Finds a Cheaper Road on the River\n\nOrla Brennick\nMonday 4 May 2026\n\n{opening}"
        )
        assert extract_metadata(page).body.startswith(opening)


def test_names_listed_before_an_outlet_are_all_authors() -> None:
    cases = {
        "By Orla Brennick, Quin Rielly, Channel 9 News": ["Orla Brennick", "Quin Rielly"],
        "By Orla Brennick, Quin Rielly, River Trade News": ["Orla Brennick", "Quin Rielly"],
        # a role between the name and the outlet stays a role; a date ends nothing but the list
        "By Orla Brennick, Senior Editor, River Trade News": ["Orla Brennick"],
        "By Orla Brennick, Project Marketing, 12 March 2026": ["Orla Brennick"],
    }
    for byline, names in cases.items():
        page = _page(f"Grain Finds a Cheaper Road on the River\n\n{byline}\nMonday 4 May 2026\n")
        assert [a.name for a in extract_metadata(page).authors] == names, byline


def test_separators_and_figures_do_not_make_a_headline_a_widget() -> None:
    headline = "Barge 2 - The river boat that costs only $9 - Cheapest freight in years"
    page = _page(
        f"Home\nNews\n\n{headline}\n\nOrla Brennick\nMonday 4 May 2026\n\nRiver Freight Grain Barges Ports"
    )
    assert extract_metadata(page).title == headline


def _chart(label: str) -> str:
    ticks = [f"’{y:02d}" for y in range(16, 30)]
    values = ["$800", "600", "400", "200", "0"]
    return "\n\n".join([label, *values, *ticks, "Source: River Port Authority"])


def test_a_chart_copied_between_paragraphs_does_not_split_the_text() -> None:
    first, second = _PROSE[0], _PROSE[1]
    page = (
        "Grain Finds a Cheaper Road on the River\n\nOrla Brennick\nMonday 4 May 2026\n\n"
        f"{first}\n\n{_chart('Grain through the port')}\n\n{second}\n\n{_chart('Freight rates')}\n\n"
        + "\n\n".join(_PROSE[2:])
        + "\n"
    )
    md = extract_metadata(page)
    assert md.title == "Grain Finds a Cheaper Road on the River"
    assert md.body.startswith(first)
    assert md.body.endswith(_PROSE[-1])


def test_a_closing_bio_and_a_print_note_under_the_text_are_not_the_body() -> None:
    bio = "Orla Brennick has covered river trade since 2019. She previously wrote about farming."
    note = "A version of this article appears in print on Page B3 of the regional edition."
    page = _page(f"{_HEAD}\n", f"{bio}\n\n{note}\n\nAdvertisement\n")
    md = extract_metadata(page)
    assert md.body.endswith(_PROSE[-1])
    assert [a.name for a in md.authors] == ["Orla Brennick"]


def test_a_closing_paragraph_about_someone_else_stays_body() -> None:
    last = "Tomas Rielly has covered the same route for years, and he expects the prices to hold."
    page = _page(f"{_HEAD}\n", f"{last}\n\nAdvertisement\n")
    assert extract_metadata(page).body.endswith(last)


def test_a_full_date_glued_to_the_word_before_it_is_read_whole() -> None:
    glued = {
        "Orla BrennickMarch 9, 2026": (2026, 3, 9, "March 9, 2026"),
        "Field Report9 March 2026": (2026, 3, 9, "9 March 2026"),
    }
    for line, (y, m, d, raw) in glued.items():
        [found] = list(find_dates(line))
        assert (found.year, found.month, found.day, found.raw) == (y, m, d, raw)
        assert line[found.start : found.end] == raw
    # a spaced date and an impossible glued one are read as before
    assert [x.raw for x in find_dates("Report 9 March 2026")] == ["9 March 2026"]
    assert list(find_dates("theFebruary 30, 2026")) == []


def test_a_glued_date_line_gives_the_page_its_day() -> None:
    page = _page("Grain Finds a Cheaper Road on the River\n\nField Report9 March 2026\n")
    assert extract_metadata(page).published == PartialDate(2026, 3, 9)


_PIECES = st.sampled_from(["Report", "report", "March", "May", "9", "30", "2026", ", ", " ", "th", "-", "x"])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_every_date_found_is_the_text_of_its_span(text: str) -> None:
    found = list(find_dates(text))
    for d in found:
        assert text[d.start : d.end] == d.raw
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_comments_heading_quoting_a_long_title_closes_the_text() -> None:
    heading = "2 comments on “Grain Finds a Cheaper Road on the River This Spring”"
    assert is_closing_heading(heading)
    assert is_closing_heading("2 comments")
    assert not is_closing_heading("“Grain Finds a Cheaper Road on the River This Spring”")


def test_a_headline_inside_a_list_of_linked_headlines_is_not_the_title() -> None:
    links = (
        "Ferry Operators Warn of a Hard Winter Ahead\n"
        "Why the Canal Tolls Went Up Again This Year\n"
        "Barge Crews Vote for a Strike in the Spring\n"
        "Dredging Work on the Second Berth Begins Soon\n"
    )
    title = "Grain Finds a Cheaper Road Down the River"
    header = f"Home\n\n{title}\nMonday 4 May 2026\n\nMost read\n{links}\nBy Orla Brennick\n"
    assert extract_metadata(_page(header)).title == title
