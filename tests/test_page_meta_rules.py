"""Page-metadata rules read from the shape and place of a line, on pages written for these tests."""

from __future__ import annotations

from sinoru_corpus.page._bylines import READING_TIME_BYLINE
from sinoru_corpus.page._metadata import extract_metadata

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
