"""Publication-date bounds from the text's own words, with evidence."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.dates._bounds import infer_bounds
from sinoru_corpus.model import Evidence, PartialDate


def bounds(text: str, **kw: object) -> tuple[dt.date | None, dt.date | None]:
    b = infer_bounds(text, [(0, len(text))], **kw)  # type: ignore[arg-type]
    return b.earliest, b.latest


def test_past_year_is_an_earliest_bound() -> None:
    assert bounds("The system was deployed in 2019 after long tests.") == (dt.date(2019, 1, 1), None)


def test_event_year_suffix_named_as_past() -> None:
    assert bounds("The Vostok-2018 exercises were the largest so far.") == (dt.date(2018, 1, 1), None)


def test_future_year_is_a_latest_bound() -> None:
    assert bounds("Trade is expected to reach a record in 2016.") == (None, dt.date(2016, 12, 31))


def test_upcoming_event_of_a_year() -> None:
    text = "He announced his plan to attend the 2030 Winter Games in the capital."
    assert bounds(text) == (None, dt.date(2029, 12, 31))


def test_weekday_fixes_the_year_and_this_weekend_the_week() -> None:
    text = (
        "The parade on Saturday 9th May will draw crowds. Several essays will appear this weekend. "
        "The Vostok-2014 drills were large, and trade is expected to grow in 2015."
    )
    assert bounds(text) == (dt.date(2015, 5, 4), dt.date(2015, 5, 9))


def test_yearless_past_day_in_the_earliest_year() -> None:
    text = (
        "Officials met at the 2023 forum, which was held in spring. On May 29, the envoy spoke in Brussels."
    )
    assert bounds(text) == (dt.date(2023, 5, 29), None)


def test_published_gives_the_year_context() -> None:
    text = "On March 3, the minister said the talks had failed."
    assert bounds(text, published=PartialDate(2020, 6, 1)) == (dt.date(2020, 3, 3), None)


def test_cited_dates_are_earliest_bounds_with_evidence() -> None:
    text = "Some text."
    b = infer_bounds(text, [(0, len(text))], cited=[(PartialDate(2021, 10, 17), Evidence(0, 4, "citation"))])
    assert b.earliest == dt.date(2021, 10, 17)
    assert b.earliest_evidence == (Evidence(0, 4, "citation"),)


def test_evidence_slices_the_text() -> None:
    text = "The system was deployed in 2019 after long tests."
    b = infer_bounds(text, [(0, len(text))])
    (ev,) = b.earliest_evidence
    assert text[ev.start : ev.end] == "2019"


def test_no_evidence_no_bounds() -> None:
    assert bounds("Nothing dated here at all.") == (None, None)


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    b = infer_bounds(text, [(0, len(text))])
    for ev in b.earliest_evidence + b.latest_evidence:
        assert 0 <= ev.start <= ev.end <= len(text)


def test_a_cited_date_is_not_read_as_an_upcoming_event() -> None:
    # "will" near the citation must not turn the source's own date into a future event.
    text = "Lavrov said Russia will not share sovereignty (TASS, February 2, 2024)."
    start = text.index("TASS")
    end = text.index(")")
    cited = ((PartialDate(2024, 2, 2), Evidence(start, end, "cited source")),)
    bounds = infer_bounds(text, [(0, len(text))], cited=cited)
    assert bounds.earliest == dt.date(2024, 2, 2)
    assert bounds.latest is None
