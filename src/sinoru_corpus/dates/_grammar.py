"""Dates as printed on pages: parsed to a :class:`PartialDate` with explicit precision.

Nothing is ever filled in: ``May 2015`` stays a month, ``2015`` stays a year, and
a day-first/month-first clash such as ``02.06.23`` is read day first with the
other reading kept and the ambiguity recorded. python-dateutil supplies the
month and weekday vocabulary (``Sept``, ``Sat``...); the grammar itself is ours,
so dateutil never defaults a missing field.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator, Sequence

import attrs
from dateutil import parser as du_parser
from dateutil.parser import isoparse as du_isoparse

from .._line_facts import MAX_KEY, per_line
from .._pattern_cache import compile_cached
from ..model import PartialDate, Season

__all__ = [
    "DateMatch",
    "DateReading",
    "find_dates",
    "find_years",
    "month_number",
    "parse_date",
    "weekday_number",
    "years_matching_weekday",
]

_SEASONS: dict[str, Season] = {
    "spring": Season.SPRING,
    "summer": Season.SUMMER,
    "fall": Season.FALL,
    "autumn": Season.FALL,
    "winter": Season.WINTER,
}


@attrs.frozen
class DateReading:
    """One reading of a printed date.

    ``alternative`` is the other valid reading of an ambiguous numeric date
    (``02.06.23`` read month first); ``weekday`` is the printed weekday
    (Monday = 0) when there was one.
    """

    date: PartialDate
    ambiguous: bool = False
    reason: str = ""
    alternative: PartialDate | None = None
    weekday: int | None = None

    @property
    def weekday_consistent(self) -> bool:
        """False only when a printed weekday contradicts a full date."""
        day = self.date.to_date()
        return self.weekday is None or day is None or day.weekday() == self.weekday


@attrs.frozen
class DateMatch:
    """A date-like phrase found in running text; the year may be missing."""

    start: int
    end: int
    raw: str
    year: int | None
    month: int | None
    day: int | None
    season: Season | None = None
    weekday: int | None = None

    def partial(self, year: int | None = None) -> PartialDate | None:
        """The date, taking ``year`` from context when the phrase has none."""
        y = self.year if self.year is not None else year
        if y is None or not 1 <= y <= 9999:
            return None
        try:
            if self.season is not None:
                return PartialDate(y, season=self.season)
            return PartialDate(y, self.month, self.day if self.month is not None else None)
        except ValueError:
            return None


# ----------------------------------------------------------------- vocabulary


@functools.cache
def _info() -> du_parser.parserinfo:
    return du_parser.parserinfo()


def month_number(name: str) -> int | None:
    """``"Sept"`` -> 9, ``"May"`` -> 5; ``None`` for anything else."""
    word = name.rstrip(".")
    if not word or not word.isalpha():
        return None
    return _info().month(word)


def weekday_number(name: str) -> int | None:
    """``"Saturday"`` / ``"Sat"`` -> 5 (Monday = 0)."""
    word = name.rstrip(".,")
    if not word or not word.isalpha():
        return None
    return _info().weekday(word)


def _alternation(words: Sequence[str]) -> str:
    # Longest first so "September" wins over "Sep"; capitalised and upper-case forms
    # only ("JAN. 13", "3 NOV 2023"), to keep the modal verb "may" and similar words out.
    forms = sorted({w.capitalize() for w in words} | {w.upper() for w in words}, key=len)
    return "|".join(re.escape(w) for w in reversed(forms))


_SP = r"[ \u00a0]{1,3}"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = _alternation([w for group in _info().MONTHS for w in group])
    days = _alternation([w for group in _info().WEEKDAYS for w in group])
    wd = rf"(?:(?P<@>{days})\.?,?{_SP}(?:the{_SP})?)?"
    ordinal = r"(?:st|nd|rd|th)?"
    forms = [
        # 9th May 2015, Saturday 9th May, 8 May
        wd.replace("@", "wd1")
        + rf"(?P<d1>[0-3]?\d){ordinal}{_SP}(?:of{_SP})?(?P<m1>{months})\.?(?:,?{_SP}(?P<y1>\d{{4}}))?",
        # May 8, 2015; Friday, May 8th
        wd.replace("@", "wd2")
        + rf"(?P<m2>{months})\.?{_SP}(?P<d2>[0-3]?\d){ordinal}(?!\d)(?:,?{_SP}(?P<y2>\d{{4}}))?",
        # May 2015
        rf"(?P<m3>{months})\.?,?{_SP}(?P<y3>\d{{4}})",
        # 2015-05-08, 2015-05, 2017-06-05T10:00:00Z, 2022-06-01 12:00:00 +0800
        r"(?P<iy>\d{4})-(?P<im>[01]\d)(?:-(?P<id>[0-3]\d)"
        # (after a space only with seconds: "2023-05-29 09:15 Source: …" keeps its date alone)
        r"(?P<it>(?:T[0-2]\d:[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?|[ ][0-2]\d:[0-5]\d:[0-5]\d(?:[.,]\d{1,9})?)"
        r"(?:[ ]?(?:Z|[+-][0-2]\d(?::?[0-5]\d)?))?)?)?",
        # 02.06.23, 8/5/2015
        r"(?P<na>[0-3]?\d)(?P<ns>[./-])(?P<nb>[0-3]?\d)(?P=ns)(?P<ny>\d{4}|\d{2})",
        # Fall 2016, Winter 2016/17
        r"(?P<s>(?i:spring|summer|fall|autumn|winter))"
        + rf"{_SP}(?P<sy>\d{{4}})(?:[ ]?[/–-][ ]?(?P<sy2>\d{{4}}|\d{{2}}))?",
    ]
    body = "|".join(f"(?:{f})" for f in forms)
    # ":31 August" after a clock is not a day; "Updated:March 16" is a date
    scan = compile_cached(rf"(?<![\w.-])(?!(?<=:)\d)(?:{body})(?![\w-])")
    # The first digit before the look back (same matches): a leading literal lets the engine skip fast.
    year = re.compile(r"(?P<by>(?:1(?<![\w.-]1)[6-9]|2(?<![\w.-]2)0)\d\d)(?![\w-])")
    return scan, year


# ------------------------------------------------------------------ parsing


def _two_digit_year(yy: int) -> int:
    # POSIX strptime pivot: 69-99 -> 1900s, 00-68 -> 2000s.
    return 1900 + yy if yy >= 69 else 2000 + yy


def _make(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not 1 <= year <= 9999:
        return None
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _numeric(m: re.Match[str], day_first: bool) -> DateReading | None:
    a, b, ys = int(m["na"]), int(m["nb"]), m["ny"]
    year = _two_digit_year(int(ys)) if len(ys) == 2 else int(ys)
    note = f", two-digit year {ys} read as {year}" if len(ys) == 2 else ""
    dmy, mdy = _make(year, b, a), _make(year, a, b)
    first, second = (dmy, mdy) if day_first else (mdy, dmy)
    order = "day first" if day_first else "month first"
    other = "month first" if day_first else "day first"
    if first is not None and second is not None and first != second:
        return DateReading(first, True, f"numeric date read {order}; {other} also valid{note}", second)
    if first is not None:
        return DateReading(first, False, f"numeric date read {order}{note}")
    if second is not None:
        return DateReading(second, False, f"numeric date only valid {other}{note}")
    return None


def _iso(m: re.Match[str]) -> DateReading | None:
    """``2015-05-08``, ``2015-05`` or an ISO 8601 date-time, read to its day.

    The time is checked by ``dateutil.parser.isoparse``, not kept.
    """
    d = _make(int(m["iy"]), int(m["im"]), int(m["id"]) if m["id"] else None)
    if d is None:
        return None
    if m["it"] is None:
        return DateReading(d, False, "ISO date")
    stamp = m[0].replace(" ", "T", 1).replace(" ", "")
    try:
        du_isoparse(stamp)
    except ValueError:
        return None
    return DateReading(d, False, "ISO date and time")


def _season(m: re.Match[str]) -> DateReading | None:
    season = _SEASONS[m["s"].lower()]
    year = int(m["sy"])
    y2 = m["sy2"]
    if y2 is not None:
        second = int(y2) if len(y2) == 4 else (year // 100) * 100 + int(y2)
        if season is not Season.WINTER or second != year + 1:
            return None
    if not 1 <= year <= 9999:
        return None
    return DateReading(PartialDate(year, season=season), False, f"season {m[0]!r}")


def _reading(m: re.Match[str], day_first: bool, year: int | None) -> DateReading | None:
    """A reading of one grammar match; ``year`` fills only a missing year."""
    if m["na"] is not None:
        return _numeric(m, day_first)
    if m["s"] is not None:
        return _season(m)
    if m["iy"] is not None:
        return _iso(m)
    if m["m3"] is not None:
        d = _make(int(m["y3"]), month_number(m["m3"]), None)
        return DateReading(d, False, "month and year") if d is not None else None
    for k in ("1", "2"):
        if m["m" + k] is not None:
            wd_raw = m["wd" + k]
            weekday = weekday_number(wd_raw) if wd_raw else None
            y_raw = m["y" + k]
            reason = "day, month and year"
            if y_raw is None:
                if year is None:
                    return None
                reason = f"day and month; year {year} from context"
            d = _make(int(y_raw) if y_raw else year or 0, month_number(m["m" + k]), int(m["d" + k]))
            if d is None:
                return None
            reading = DateReading(d, False, reason, weekday=weekday)
            if not reading.weekday_consistent:
                reading = attrs.evolve(reading, reason=reason + "; printed weekday does not match")
            return reading
    return None


def parse_date(raw: str, *, day_first: bool = True, year: int | None = None) -> DateReading | None:
    """Read one printed date; ``None`` when ``raw`` is not a date.

    ``day_first`` decides numeric dates such as ``02.06.23``; ``year`` is used
    only for a day and month printed without a year (``August 25``), never to
    fill a missing month or day. A bare year (``2015``) reads as year precision.
    """
    if not isinstance(raw, str):
        return None
    s = raw.strip(" \u00a0\t,.;()[]")
    if not s or len(s) > 60:
        return None
    scan, year_re = _patterns()
    if (m := year_re.fullmatch(s)) is not None:
        return DateReading(PartialDate(int(m["by"])), False, "bare year")
    m = scan.fullmatch(s)
    if m is None:
        return None
    return _reading(m, day_first, year)


def find_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[DateMatch]:
    """Date phrases in ``text[start:end]`` (year-less ones included), in order.

    Bare years are not reported here; numeric dates are read day first.
    """
    if start == 0 and end is None and len(text) <= MAX_KEY:
        if _DIGIT.search(text) is None:
            return iter(())  # every date phrase holds a digit
        return iter(_line_dates(text))  # a whole line: read once, remembered
    return _find_dates(text, start, end)


@per_line
def _line_dates(text: str) -> tuple[DateMatch, ...]:
    return tuple(_find_dates(text, 0, None))


def _find_dates(text: str, start: int, end: int | None) -> Iterator[DateMatch]:
    stop = len(text) if end is None else end
    glued = list(_glued_dates(text, start, stop))
    if not glued:
        yield from _spaced_dates(text, start, stop)
        return
    # a glued full date replaces the partial reading the spaced grammar makes of it
    # ("Research7 April 2020": not "April 2020")
    kept = [
        d
        for d in _spaced_dates(text, start, stop)
        if all(d.end <= g.start or d.start >= g.end for g in glued)
    ]
    yield from sorted([*kept, *glued], key=lambda d: d.start)


@functools.cache
def _glued_pattern() -> re.Pattern[str]:
    months = _alternation([w for group in _info().MONTHS for w in group])
    return re.compile(
        rf"[a-z](?:(?P<gm1>{months})\.?{_SP}(?P<gd1>[0-3]?\d)(?:st|nd|rd|th)?,?{_SP}(?P<gy1>\d{{4}})"
        rf"|(?P<gd2>[0-3]?\d){_SP}(?P<gm2>{months})\.?,?{_SP}(?P<gy2>\d{{4}}))(?![\w-])"
    )


def _glued_dates(text: str, start: int, end: int) -> Iterator[DateMatch]:
    """Full dates glued to the word before them by a browser copy ("Jane DoeNovember 6, 2023",
    "Original Research7 April 2020"): a lower-case letter, then a day, a month and a year."""
    for m in _glued_pattern().finditer(text, start, end):
        k = "1" if m["gm1"] is not None else "2"
        month, day = month_number(m["gm" + k]), int(m["gd" + k])
        if month is None or _make(int(m["gy" + k]), month, day) is None:
            continue
        yield DateMatch(m.start() + 1, m.end(), m[0][1:], int(m["gy" + k]), month, day)


def _spaced_dates(text: str, start: int, stop: int) -> Iterator[DateMatch]:
    for m in _scan(text, start, stop):
        if m["na"] is not None or m["s"] is not None or m["iy"] is not None or m["m3"] is not None:
            r = _reading(m, True, None)
            if r is None:
                continue
            d = r.date
            yield DateMatch(m.start(), m.end(), m[0], d.year, d.month, d.day, d.season)
            continue
        k = "1" if m["m1"] is not None else "2"
        month = month_number(m["m" + k])
        day = int(m["d" + k])
        if month is None or not 1 <= day <= 31:
            continue
        y_raw = m["y" + k]
        wd_raw = m["wd" + k]
        yield DateMatch(
            m.start(),
            m.end(),
            m[0],
            int(y_raw) if y_raw else None,
            month,
            day,
            weekday=weekday_number(wd_raw) if wd_raw else None,
        )


# Every date phrase holds a digit, starts at most _LEAD characters before its first
# digit and is shorter than _REACH - _SLACK (lookahead included): the grammar has only
# bounded repeats, the longest weekday and month names have nine letters.
_LEAD, _SLACK, _REACH = 40, 64, 128
_DIGIT = re.compile(r"\d")


def _scan(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``scan.finditer(text, start, end)``, searching only near digits.

    The grammar opens with a look back, which sre tries at every position; a
    search in a window around each digit finds the same matches, in the same order.
    """
    scan, _ = _patterns()
    pos = start
    while pos < end:
        digit = _DIGIT.search(text, pos, end)
        if digit is None:
            return
        at = digit.start()
        m = scan.search(text, max(pos, at - _LEAD), min(end, at + _REACH))
        if m is None or m.start() > at + _SLACK:
            pos = at + _SLACK + 1  # no phrase starts before this point
            continue
        yield m
        pos = m.end()


def years_matching_weekday(month: int, day: int, weekday: int, years: Sequence[int]) -> tuple[int, ...]:
    """The candidate years in which ``day`` ``month`` falls on ``weekday``."""
    out = []
    for y in years:
        if (
            1 <= y <= 9999
            and day <= calendar.monthrange(y, month)[1]
            and calendar.weekday(y, month, day) == weekday
        ):
            out.append(y)
    return tuple(out)


def find_years(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, int]]:
    """``(start, end, year)`` for every standalone four-digit year 1600-2099 in the range."""
    if start == 0 and end is None and len(text) <= MAX_KEY:
        if _DIGIT.search(text) is None:
            return iter(())
        return iter(_line_years(text))
    return _find_years(text, start, end)


@per_line
def _line_years(text: str) -> tuple[tuple[int, int, int], ...]:
    return tuple(_find_years(text, 0, None))


def _find_years(text: str, start: int, end: int | None) -> Iterator[tuple[int, int, int]]:
    _, year_re = _patterns()
    for m in year_re.finditer(text, start, len(text) if end is None else end):
        yield m.start(), m.end(), int(m["by"])
