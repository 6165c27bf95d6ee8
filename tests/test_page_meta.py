"""Publication date, byline and outlet chosen from a whole page, on pages written for these tests.

Each page has the furniture real pages carry around the article: a site header with
today's date, a menu, a related-articles list and comments with their own dates.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_corpus.model import LayoutLine, LineKind, PartialDate
from sinoru_corpus.page._bylines import choose_bylines
from sinoru_corpus.page._datelines import choose_published, page_day_first
from sinoru_corpus.page._layout import classify_lines
from sinoru_corpus.page._metadata import extract_metadata

_PROSE = (
    "The two delegations met for the third time this year and agreed to extend the grain corridor "
    "until the end of the season, according to the statement released after the talks.",
    "Officials on both sides said that the arrangement was a test of whether the new payment channel "
    "could carry the volumes that the traders had asked for in the spring.",
    "Analysts in the region were cautious about the result, noting that the previous agreement had "
    "been announced with similar language and had collapsed within a few weeks.",
    "The next round is expected in the autumn, when the ministers will review the figures for the "
    "first months of the corridor and decide whether to widen it to fertiliser.",
)

_HEADER = """Monday, March 9, 2026
Home
World
Business
Opinion
Subscribe
"""

_TAIL = """Related stories
Ports brace for a slow winter - January 4, 2026
Freight rates fall again - February 2, 2026
Comments
Olga Ivanova · March 3, 2026 at 9:12 AM
Great piece, thank you.
Peter Novak · March 4, 2026 at 7:40 PM
I am not so sure about the second point.
© 2026 Example Ledger Inc. All rights reserved.
"""


def _page(header_lines: str, *, title: str = "Grain corridor extended after third round of talks") -> str:
    return _HEADER + title + "\n" + header_lines + "\n".join(_PROSE) + "\n" + _TAIL


def _published(text: str) -> PartialDate | None:
    choice = choose_published(text, classify_lines(text))
    return choice.reading.date if choice else None


def _authors(text: str) -> list[str]:
    md = extract_metadata(text)
    return [a.name for a in md.authors]


# ------------------------------------------------------------------ dates


def test_the_header_date_beats_todays_date_and_the_comments() -> None:
    text = _page("By Anna Petrova\nFebruary 27, 2026\n")
    assert _published(text) == PartialDate(2026, 2, 27)


def test_published_beats_updated_whatever_their_order() -> None:
    text = _page("Updated 28 Feb 2026, 10:02 GMT\nPublished 5:32 PM EST, Thu February 26, 2026\n")
    assert _published(text) == PartialDate(2026, 2, 26)
    text = _page("PUBLISHED: February 26, 2026 at 4:56 p.m. | UPDATED: February 27, 2026 at 6:00 p.m.\n")
    assert _published(text) == PartialDate(2026, 2, 26)


def test_an_updated_date_alone_is_still_taken() -> None:
    text = _page("Updated 11:20 GMT, 28 FEB 2026\n")
    assert _published(text) == PartialDate(2026, 2, 28)


def test_iso_date_time_on_a_posted_line() -> None:
    text = _page("Posted at 2026-02-25T14:42:01-0700\nand last updated 2026-02-26 16:42:01-05\n")
    assert _published(text) == PartialDate(2026, 2, 25)


def test_relative_dates_never_become_the_publication_date() -> None:
    text = _page("By Anna Petrova\n2 hours ago\n")
    choice = choose_published(text, classify_lines(text))
    assert choice is None or choice.reading.date != PartialDate(2026, 3, 9)


def test_a_day_stays_a_day() -> None:
    text = _page("Sarah Gooding · February 20, 2026\n")
    md = extract_metadata(text)
    assert md.published == PartialDate(2026, 2, 20)


def test_numeric_dates_follow_the_pages_own_order() -> None:
    day_first = "Filed 03/02/2026\n" + "\n".join(_PROSE) + "\nArchive: 25/01/2026\n"
    month_first = "Filed 03/02/2026\n" + "\n".join(_PROSE) + "\nArchive: 12/30/2025\n"
    assert page_day_first(day_first, default=False) is True
    assert page_day_first(month_first, default=True) is False
    assert _published(day_first) == PartialDate(2026, 2, 3)
    assert _published(month_first) == PartialDate(2026, 3, 2)


def test_written_dates_tell_the_order_when_no_numeric_date_does() -> None:
    assert page_day_first("On 3 March 2026 and 9 April 2026 it rained.", default=False) is True
    assert page_day_first("On March 3, 2026 and April 9, 2026 it rained.", default=True) is False
    assert page_day_first("Nothing here.", default=True) is True


def test_a_time_zone_decides_an_ambiguous_numeric_date() -> None:
    assert _published(_page("03/02/2026 02:00pm GMT\n")) == PartialDate(2026, 2, 3)
    assert _published(_page("03/02/2026 02:00pm EST\n")) == PartialDate(2026, 3, 2)


def test_an_embedded_post_signature_is_not_the_date() -> None:
    text = _page("Ivan Sokolov. Updated February 21st, 2026\n— Ports Watch (@portswatch) February 19, 2026\n")
    assert _published(text) == PartialDate(2026, 2, 21)


def test_a_page_with_only_todays_date_and_no_article_date_abstains() -> None:
    text = _HEADER + "Grain corridor extended\n" + "\n".join(_PROSE) + "\n"
    assert _published(text) is None


# ------------------------------------------------------------------ authors


def test_by_a_and_b() -> None:
    assert _authors(_page("By Anna Petrova and John Smith\nFebruary 27, 2026\n")) == [
        "Anna Petrova",
        "John Smith",
    ]


def test_a_b_and_c_with_an_outlet_after() -> None:
    text = _page("By Maria Lopez, Tom Baker and Wei Chen, Example Ledger\nFebruary 27, 2026\n")
    assert _authors(text) == ["Maria Lopez", "Tom Baker", "Wei Chen"]


def test_written_by_with_a_degree_and_a_date() -> None:
    assert _authors(_page("Written by Grace Holt, PhD on February 27, 2026\n")) == ["Grace Holt"]


def test_author_label() -> None:
    assert _authors(_page("Author: Dr. Li Wei\nFebruary 27, 2026\n")) == ["Li Wei"]


def test_date_then_by() -> None:
    assert _authors(_page("February 27, 2026 by Amy Turner 5 Comments\n")) == ["Amy Turner"]


def test_byline_with_handle_and_date() -> None:
    assert _authors(_page("by Omar Haddad @omarhaddad February 27, 2026: 12:41 PM ET\n")) == ["Omar Haddad"]


def test_name_and_date_line() -> None:
    assert _authors(_page("Peter Novak - Feb 27, 2026 8:02 pm UTC\n")) == ["Peter Novak"]


def test_name_with_role_after_a_bar() -> None:
    assert _authors(_page("Helen Brooks | Senior Editor\nFebruary 27, 2026\n")) == ["Helen Brooks"]


def test_a_byline_continued_on_the_next_line() -> None:
    text = _page(
        "Sarah Lane, Staff Attorney, Example Rights Project\n"
        "& David Moss, Director of Policy, Example Rights Project\nFebruary 27, 2026 | 11:15 PM\n"
    )
    assert _authors(text) == ["Sarah Lane", "David Moss"]


def test_name_line_right_under_the_headline() -> None:
    assert _authors(_page("Daniel Ortega\nFebruary 27, 2026\n")) == ["Daniel Ortega"]


def test_all_capitals_byline() -> None:
    assert _authors(_page("By ALLY MORGAN\nFebruary 27, 2026\n")) == ["ALLY MORGAN"]


def test_reviewed_by_is_not_the_author() -> None:
    text = _page("By Brenda Hale\nExample Health News\nReviewed by Mark Lowe, MD\nFebruary 27, 2026\n")
    assert _authors(text) == ["Brenda Hale"]


def test_menu_labels_sections_organisations_and_headlines_are_never_authors() -> None:
    assert _authors(_page("Market Movers\nInnovative Cities\nFebruary 27, 2026\n")) == []
    assert _authors(_page("By Associated Press\nFebruary 27, 2026\n")) == []
    assert _authors(_page("Breaking News\nFebruary 27, 2026\n")) == []
    text = _page("Suspect in Port Theft Captured by Harbour Police\nFebruary 27, 2026\n")
    assert _authors(text) == []


def test_a_prose_line_with_by_is_not_a_byline() -> None:
    names = choose_bylines(
        "\n".join(_PROSE) + "\nThis session was brought to you by Jamie Fox, the founder of a studio.\n",
        classify_lines("\n".join(_PROSE)),
    )
    assert names == ()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["By Anna Petrova", "February 27, 2026", "Home", "", "x" * 90, *_PROSE]), max_size=30
    )
)
def test_choices_never_raise_and_point_into_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    layout = classify_lines(text)
    choice = choose_published(text, layout)
    if choice is not None:
        assert 0 <= choice.start < choice.end <= len(text)
    for name, ev in choose_bylines(text, layout):
        assert name.name.split()[-1] in text[ev.start : ev.end]


def test_page_meta_data_file_is_well_formed() -> None:
    import json
    from importlib import resources

    raw = json.loads(resources.files("sinoru_corpus").joinpath("data/page_meta.json").read_text("utf-8"))
    assert raw["_comment"].strip()
    for key, words in raw.items():
        if key == "_comment":
            continue
        assert isinstance(words, list), key
        assert words, key
        assert all(isinstance(w, str) and w.strip() for w in words), key
        if key != "site_suffix_separators":  # " | ": a separator keeps its spaces
            assert all(w == w.strip() for w in words), key
            folded = [w.casefold() for w in words]
            assert len(set(folded)) == len(folded), f"duplicate in {key}"
    assert not set(raw["published_cues"]) & set(raw["updated_cues"])
    assert not {w.casefold() for w in raw["month_first_zones"]} & {
        w.casefold() for w in raw["day_first_zones"]
    }


def test_a_month_named_given_name_is_kept() -> None:
    assert _authors(_page("by Laura June Hart July 10, 2026\n")) == ["Laura June Hart"]


def test_posted_by_among_the_paragraphs() -> None:
    text = _page("").replace(
        _PROSE[1], "Posted by Alex Moreno, Project Marketing, Example Labs\n" + _PROSE[1]
    )
    assert _authors(text) == ["Alex Moreno"]


def test_a_quote_signature_a_control_and_the_sites_name_are_not_authors() -> None:
    assert _authors(_page("— Olga Ivanova, Tver, February 27, 2026\n")) == []
    assert _authors(_page("Close X\nFebruary 27, 2026\n")) == []
    site_first = "Harbour Notes\nFebruary 27, 2026\nGrain corridor extended after talks\n" + "\n".join(_PROSE)
    assert _authors(site_first) == []


def test_a_label_glued_to_the_surname_is_cut() -> None:
    assert _authors(_page("Matt HollowayReporter\nFebruary 27, 2026\n")) == ["Matt Holloway"]


def test_a_name_inside_a_menu_is_not_a_byline() -> None:
    menu = "Podcasts\nSunday Edition\nGood News\nFeatures\nSpecials\n"
    text = menu + "Fact Check\nGood Governance\nEditorials\nWorld\nOpinion\n" + "\n".join(_PROSE)
    assert _authors(text) == []


def test_a_day_glued_to_a_reading_time_is_not_a_far_year() -> None:
    assert _published(_page("Ivan Sokolov\non Mar 2714 min read\n")) is None


def test_the_author_is_note_completes_the_byline() -> None:
    text = _page("By Tom Baker\nFebruary 27, 2026\n").replace(
        "Related stories", "The author is a senior fellow at the Example Policy Council.\nRelated stories"
    )
    md = extract_metadata(text)
    (author,) = md.authors
    assert author.name == "Tom Baker"
    assert author.role == "senior fellow"
    assert author.affiliation is not None
    assert author.affiliation.name == "Example Policy Council"


def test_dated_items_of_a_list_are_not_bylines() -> None:
    items = "\n".join(
        [
            "Harbour Update - February 25, 2026",
            "Freight Watch - February 26, 2026",
            "Port Notes - February 27, 2026",
            "",
        ]
    )
    assert _authors(_page(items)) == []


def test_a_byline_above_a_teaser_list_is_still_in_the_header() -> None:
    """A headline, byline and date, then a video widget of teaser headlines before the prose:
    whichever line the layout takes for the headline, the byline above the teasers counts."""
    teasers = [
        "Video: ministers talk about the corridor deal in the capital",
        "Watch again",
        "Traders describe how the grain payments reached the port",
        "How the new payment channel was built over the winter",
        "Officials explain why the earlier agreement collapsed in weeks",
        "Farmers react to the talks on the fertiliser question",
        "What the corridor means for the price of bread this year",
        "A look back at the previous rounds of the grain talks",
        "Port workers on the night the first ship left the harbour",
        "Why the autumn ministers' review matters for exporters",
    ]
    text = (
        "Grain corridor extended for the season after a third round of talks\n"
        "By Ann Lee, Example News\n"
        "Updated 10:00 GMT March 14, 2026\n" + "\n".join(teasers) + "\n" + "\n".join(_PROSE) + "\n"
    )
    assert [n.name for n, _ in choose_bylines(text, classify_lines(text))] == ["Ann Lee"]


@given(st.integers(0, 400), st.integers(0, 400), st.one_of(st.none(), st.integers(0, 400)))
def test_the_header_reaches_at_least_forty_lines_above_the_prose(p: int, e: int, title: int | None) -> None:
    from sinoru_corpus.page._zone import PageZone

    zone = PageZone((), (), p, p + e, title)
    assert zone.header_start <= max(0, p - 40)
    if title is not None:
        assert zone.header_start <= max(0, title - 6)
    assert zone.header_start >= 0


def test_a_byline_beside_the_article_date_counts_when_heavier_prose_follows_far_below() -> None:
    """The page's heaviest run of prose is a feed far below the article, under a headline of
    its own: the byline beside the date chosen as the article's is still its header."""
    menu = "\n".join(f"Section {c}{d}" for c in "ABCDEFGHIJ" for d in "KLMNOP")
    feed = "\n".join(p.replace("The ", "Earlier, the ", 1) for p in _PROSE * 4)
    text = (
        "Grain corridor extended for the season after a third round of talks\n"
        "By\nAnn Lee\nUpdated 10:00, 14 MAR 2026\n" + _PROSE[0] + "\n" + menu + "\n"
        "Live updates on the grain corridor and the talks in the capital\n" + feed + "\n"
    )
    layout = classify_lines(text)
    a = text.index("10:00")
    assert [n.name for n, _ in choose_bylines(text, layout, date_span=(a, a + 17))] == ["Ann Lee"]
    assert choose_bylines(text, layout) == ()  # without the date, nothing there is the header


def _layout(rows: list[tuple[str, str, str]]) -> tuple[str, tuple[LayoutLine, ...]]:
    text, out, pos = "", [], 0
    for n, (line, kind, reason) in enumerate(rows):
        out.append(LayoutLine(number=n, start=pos, end=pos + len(line), kind=LineKind[kind], reason=reason))
        text += line + "\n"
        pos += len(line) + 1
    return text, tuple(out)


_OPEN = "site header above the headline"


def test_the_headline_moves_to_the_line_right_above_the_byline() -> None:
    from sinoru_corpus.page._metadata import _headline_over_byline

    rows = [
        ("Grain corridor extended after a third round of talks", "NAVIGATION", _OPEN),
        ("By Ann Lee, Example News", "NAVIGATION", _OPEN),
        ("March 14, 2026", "DATELINE", "date line"),
        ("Watch", "FURNITURE", "unrecognised header line"),
        ("Video", "FURNITURE", "unrecognised header line"),
        ("Replay", "FURNITURE", "unrecognised header line"),
        ("More videos", "FURNITURE", "unrecognised header line"),
        ("Ministers talk about the corridor in the capital", "TITLE", "headline before the first paragraph"),
        (_PROSE[0], "BODY", "body paragraph"),
    ]
    text, layout = _layout(rows)
    moved = _headline_over_byline(text, layout, text.index("By Ann"))
    assert moved is not None
    assert [ln.number for ln in moved if ln.kind is LineKind.TITLE] == [0]
    assert [ln.kind for ln in moved][1:7] == [ln.kind for ln in layout][1:7]
    assert moved[7].kind is LineKind.FURNITURE
    # the headline already beside the byline, or a menu line above it: nothing moves
    text, layout = _layout([rows[7], *rows[1:7], rows[8]])
    assert _headline_over_byline(text, layout, text.index("By Ann")) is None
    text, layout = _layout([("Sign in / Sign up / Subscribe now", "NAVIGATION", _OPEN), *rows[1:]])
    assert _headline_over_byline(text, layout, text.index("By Ann")) is None


def test_a_name_under_the_headline_among_widget_counters_is_the_byline() -> None:
    """Counters ("1 / 5") and a date beside a name under the headline are the header's
    widgets, not a menu around it."""
    text = (
        "Help\nPrivacy\nTerms\nAbout our ads\n"
        "Grain corridor extended for the season after a third round of talks\n"
        "ANN LEE\nExample PressMarch 2, 2026\n1 / 5\n2 / 5\n" + "\n".join(_PROSE) + "\n"
    )
    assert [n.name for n, _ in choose_bylines(text, classify_lines(text))] == ["ANN LEE"]


def test_the_prose_block_follows_the_layout_headline() -> None:
    """A run of prose above the layout's headline (a feed, a teaser list) is not the article."""
    from sinoru_corpus.page._zone import page_zone

    feed = "\n".join(p.replace("The ", "Earlier, the ", 1) for p in _PROSE[:2])
    ticks = "\n".join(f"’{n}" for n in range(10, 22))  # tiny lines join two runs of prose
    text = (
        feed + "\n" + ticks + "\nGrain corridor extended for the season after a third round of talks\n"
        "By Ann Lee\n" + "\n".join(_PROSE) + "\n"
    )
    layout = classify_lines(text)
    zone = page_zone(text, layout)
    title = next(i for i, k in enumerate(zone.layout_index) if layout[k].kind.name == "TITLE")
    assert zone.prose_start is not None
    assert zone.prose_start > title


def test_a_signature_under_the_last_paragraph_names_the_author() -> None:
    """A blog post signed under its text ("X — date — in Category — Permalink") and nothing
    in the header: the signature is the byline; a comment's "X wrote on date" is not."""
    body = "\n".join(_PROSE)
    signed = "Ann Lee — 2026-03-14 — in Trade — Permalink\nHome\nAbout\n"
    text = "Grain corridor extended for the season\n" + body + "\n" + signed
    assert [n.name for n, _ in choose_bylines(text, classify_lines(text))] == ["Ann Lee"]
    text = (
        "Grain corridor extended for the season\n" + body + "\nAnn Lee wrote on March 14, 2026 at 3:53 am:\n"
    )
    assert choose_bylines(text, classify_lines(text)) == ()
