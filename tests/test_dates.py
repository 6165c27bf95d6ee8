"""Every printed date form, with exact values; nothing is ever filled in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.dates._grammar import find_dates, find_years, parse_date, years_matching_weekday
from sinoru_corpus.model import PartialDate, Precision, Season


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 May 2015", PartialDate(2015, 5, 8)),
        ("May 8, 2015", PartialDate(2015, 5, 8)),
        ("8th May 2015", PartialDate(2015, 5, 8)),
        ("3rd of March 1999", PartialDate(1999, 3, 3)),
        ("Sept. 14, 2021", PartialDate(2021, 9, 14)),
        ("2015-05-08", PartialDate(2015, 5, 8)),
        ("2015-05", PartialDate(2015, 5)),
        ("May 2015", PartialDate(2015, 5)),
        ("December, 2019", PartialDate(2019, 12)),
        ("2015", PartialDate(2015)),
        ("Fall 2016", PartialDate(2016, season=Season.FALL)),
        ("Autumn 2016", PartialDate(2016, season=Season.FALL)),
        ("Winter 2016/17", PartialDate(2016, season=Season.WINTER)),
        ("Winter 2016-2017", PartialDate(2016, season=Season.WINTER)),
        ("Spring 2020", PartialDate(2020, season=Season.SPRING)),
        ("SUMMER 2001", PartialDate(2001, season=Season.SUMMER)),
        ("13.05.2015", PartialDate(2015, 5, 13)),
        ("8/5/2015", PartialDate(2015, 5, 8)),
        ("Saturday 9th May 2015", PartialDate(2015, 5, 9)),
        ("Friday, May 8, 2015", PartialDate(2015, 5, 8)),
        ("  8 May 2015. ", PartialDate(2015, 5, 8)),
    ],
)
def test_forms(raw: str, expected: PartialDate | None) -> None:
    reading = parse_date(raw)
    if expected is None:
        assert reading is None
    else:
        assert reading is not None
        assert reading.date == expected


def test_day_first_numeric_is_ambiguous_and_keeps_the_other_reading() -> None:
    r = parse_date("02.06.23")
    assert r is not None
    assert r.date == PartialDate(2023, 6, 2)
    assert r.ambiguous
    assert r.alternative == PartialDate(2023, 2, 6)
    assert "day first" in r.reason


def test_month_first_option() -> None:
    r = parse_date("02.06.23", day_first=False)
    assert r is not None
    assert r.date == PartialDate(2023, 2, 6)
    assert r.alternative == PartialDate(2023, 6, 2)


def test_same_day_and_month_is_not_ambiguous() -> None:
    r = parse_date("05.05.2020")
    assert r is not None
    assert r.date == PartialDate(2020, 5, 5)
    assert not r.ambiguous


def test_only_valid_reading_is_taken_without_ambiguity() -> None:
    r = parse_date("05.13.2015")
    assert r is not None
    assert r.date == PartialDate(2015, 5, 13)
    assert not r.ambiguous
    assert "month first" in r.reason


def test_two_digit_year_pivot() -> None:
    r1, r2 = parse_date("01.02.99"), parse_date("01.02.05")
    assert r1 is not None
    assert r1.date.year == 1999
    assert r2 is not None
    assert r2.date.year == 2005


@pytest.mark.parametrize(
    "raw", ["31.02.2020", "Winter 2016/18", "Fall 2016/17", "hello", "", "May", "32 May 2015"]
)
def test_not_dates(raw: str) -> None:
    assert parse_date(raw) is None


def test_precision_is_explicit() -> None:
    month = parse_date("May 2015")
    year = parse_date("2015")
    season = parse_date("Fall 2016")
    assert month is not None
    assert month.date.precision is Precision.MONTH
    assert month.date.day is None
    assert year is not None
    assert year.date.precision is Precision.YEAR
    assert year.date.month is None
    assert season is not None
    assert season.date.precision is Precision.SEASON


def test_year_less_date_needs_a_context_year() -> None:
    assert parse_date("August 25") is None
    r = parse_date("August 25", year=2021)
    assert r is not None
    assert r.date == PartialDate(2021, 8, 25)
    assert "context" in r.reason


def test_weekday_mismatch_is_reported() -> None:
    r = parse_date("Friday 9th May 2015")
    assert r is not None
    assert r.weekday == 4
    assert not r.weekday_consistent
    ok = parse_date("Saturday 9th May 2015")
    assert ok is not None
    assert ok.weekday_consistent


def test_find_dates_in_prose() -> None:
    text = "The parade on Saturday 9th May (TASS, October 17; Izvestiya, September 5, 2019) may go ahead."
    found = list(find_dates(text))
    assert [(d.raw, d.year, d.month, d.day, d.weekday) for d in found] == [
        ("Saturday 9th May", None, 5, 9, 5),
        ("October 17", None, 10, 17, None),
        ("September 5, 2019", 2019, 9, 5, None),
    ]
    assert all(text[d.start : d.end] == d.raw for d in found)
    assert found[1].partial(2021) == PartialDate(2021, 10, 17)
    assert found[1].partial() is None


def test_find_years_skips_hyphenated_and_embedded() -> None:
    text = "deployed in 2021, exercise Vostok-2014, code 120145 and (1860)"
    assert [y for _, _, y in find_years(text)] == [2021, 1860]


def test_years_matching_weekday() -> None:
    assert years_matching_weekday(5, 9, 5, range(2013, 2017)) == (2015,)
    assert years_matching_weekday(2, 29, 0, range(2019, 2021)) == ()


@given(st.text(max_size=80))
def test_parse_date_never_raises(raw: str) -> None:
    r = parse_date(raw)
    assert r is None or isinstance(r.date, PartialDate)


@given(st.text(max_size=200))
def test_find_dates_spans_slice(text: str) -> None:
    for d in find_dates(text):
        assert text[d.start : d.end] == d.raw


_PIECES = st.sampled_from(
    ["Wednesday", "Sat.", "the", "of", "9th", "May", "Sept.", "2015", "16", "02.06.23", "12/5/2015",
     "Fall", "winter", "2016/17", "2015-05-08", "-", ".", ",", "x", "1999a", "7", "word " * 12]
)  # fmt: skip


@given(
    st.lists(st.tuples(_PIECES, st.sampled_from([" ", "  ", "", "\u00a0", ", "])), max_size=40),
    st.integers(0, 30),
)
def test_the_digit_windowed_scan_equals_a_full_scan(parts: list[tuple[str, str]], cut: int) -> None:
    from sinoru_corpus.dates._grammar import _patterns, _scan

    text = "".join(p + sep for p, sep in parts)
    scan, _ = _patterns()
    for start, end in ((0, len(text)), (min(cut, len(text)), max(0, len(text) - cut))):
        want = [(m.span(), m.groupdict()) for m in scan.finditer(text, start, end)]
        assert [(m.span(), m.groupdict()) for m in _scan(text, start, end)] == want


# ------------------------------------------------------------ forms from real page headers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2017-06-05T10:00:00Z", PartialDate(2017, 6, 5)),
        ("2017-06-05T10:00", PartialDate(2017, 6, 5)),
        ("2019-11-04T08:15:30-0500", PartialDate(2019, 11, 4)),
        ("2021-03-04T08:15:30.250+05:30", PartialDate(2021, 3, 4)),
        ("2022-06-01 12:00:00 +0800", PartialDate(2022, 6, 1)),
        ("2019-11-20 07:05:09", PartialDate(2019, 11, 20)),
        ("JAN. 13, 2017", PartialDate(2017, 1, 13)),
        ("4 NOV 2023", PartialDate(2023, 11, 4)),
        ("SEPT. 2, 2019", PartialDate(2019, 9, 2)),
        ("Wednesday, May 6, 2020", PartialDate(2020, 5, 6)),
        ("Tue June 5, 2017", PartialDate(2017, 6, 5)),
    ],
)
def test_header_forms_keep_their_day(raw: str, expected: PartialDate) -> None:
    reading = parse_date(raw)
    assert reading is not None
    assert reading.date == expected
    assert reading.date.precision is Precision.DAY


def test_an_impossible_clock_is_not_an_iso_date_time() -> None:
    assert parse_date("2017-06-05T25:10:00") is None


def test_iso_date_with_a_space_and_minutes_only_keeps_the_date_alone() -> None:
    (m,) = find_dates("2023-05-29 09:15 Source: Example Daily")
    assert (m.start, m.end) == (0, 10)


def test_minutes_of_a_clock_are_never_a_day() -> None:
    (m,) = find_dates("World 10:31 March 4, 2021")
    assert (m.month, m.day, m.year) == (3, 4, 2021)


def test_a_label_glued_to_a_month_still_reads() -> None:
    (m,) = find_dates("Updated:March 16, 2020, 7:14 PM")
    assert (m.month, m.day, m.year) == (3, 16, 2020)


_DAYS = st.dates(min_value=dt.date(1600, 1, 1))


@given(
    _DAYS,
    st.sampled_from(["", "T10:00", "T23:59:59Z", "T01:02:03.5+02:00", " 12:00:00 +0800", "T08:00:00-0500"]),
)
def test_iso_dates_round_trip_with_day_precision(day: dt.date, clock: str) -> None:
    raw = f"{day.isoformat()}{clock}"
    reading = parse_date(raw)
    assert reading is not None
    assert reading.date.to_date() == day
    assert reading.date.precision is Precision.DAY
    (m,) = find_dates(f"Posted {raw} by the desk")
    assert m.raw == raw


@given(_DAYS, st.booleans())
def test_written_dates_round_trip_in_capitals_too(day: dt.date, upper: bool) -> None:
    raw = day.strftime("%b %d, %Y")
    reading = parse_date(raw.upper() if upper else raw)
    assert reading is not None
    assert reading.date == PartialDate(day.year, day.month, day.day)


@given(st.text(max_size=120))
def test_find_dates_never_raises_and_its_spans_slice(text: str) -> None:
    for m in find_dates(text):
        assert text[m.start : m.end] == m.raw
