"""``published_bounds``: the window a page's date must lie in, from the text alone.

Rules (calendar arithmetic only, never outside knowledge), each bound with its evidence:

* the latest date the page cites is an earliest bound;
* a year named in a past context ("deployed in 2021", "Vostok-2014 were aimed")
  is an earliest bound (1 January of that year);
* a year named in a future context ("expected to hit ... in 2015") is a latest bound
  (31 December); an event labelled by its year and still ahead ("plan to attend the
  2022 Winter Olympics") is taken to fall in a later year than the writing;
* a day and month without a year ("On May 29, ... spoke") are placed in the page's
  year: past gives an earliest bound in the earliest possible year, future a latest
  bound in the latest possible year; a printed weekday ("Saturday 9th May") fixes the
  year when exactly one candidate year fits;
* "this weekend" beside an upcoming weekend date puts the writing in that week.

A stated ``published`` date supplies the year for year-less dates; it does not
replace the text's own bounds (it can be checked against them).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence

from .._pattern_cache import compile_cached
from ..entities.gazetteer._matcher import trie_regex
from ..model import DateBounds, Evidence, PartialDate
from ..page._cues import layout_cues
from ._grammar import find_dates, find_years, years_matching_weekday

__all__ = ["infer_bounds", "sentences"]

_WINDOW = 80


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = layout_cues()

    def alt(words: Sequence[str]) -> str:
        # Factored on characters (fast in sre); at one position the longest marker wins,
        # as in an alternation of the markers sorted longest first.
        return trie_regex(words)

    return {
        "sentence": re.compile(r"[^.!?]{0,2000}(?:[.!?]+[\"'”’)]{0,3}|$)"),
        "future": compile_cached(rf"\b(?:{alt(cues.future_markers)})\b", re.IGNORECASE),
        "past": compile_cached(rf"\b(?:{alt(cues.past_markers)})\b", re.IGNORECASE),
        "event_year": re.compile(r"-(?<=[A-Za-z]-)(?P<y>1[6-9]\d\d|20\d\d)(?![\w-])"),
        "digit": re.compile(r"\d"),
        "weekend": re.compile(r"\bthis[ \u00a0]+(?:weekend|week)\b", re.IGNORECASE),
    }


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Rough sentence spans in ``text[start:end]`` (bounded pieces, never quadratic)."""
    pat = _patterns()["sentence"]
    pos = start
    while pos < end:
        m = pat.match(text, pos, end)
        if m is None or m.end() == pos:
            nxt = min(end, pos + 2000)
            yield pos, nxt
            pos = nxt
            continue
        yield pos, m.end()
        pos = m.end()


def _tense(text: str, s0: int, s1: int, a: int, b: int) -> str | None:
    """ "future" or "past" by the nearest tense marker within the sentence window."""
    lo, hi = max(s0, a - _WINDOW), min(s1, b + _WINDOW)
    pats = _patterns()
    best: tuple[int, str] | None = None
    for label in ("future", "past"):
        for m in pats[label].finditer(text, lo, hi):
            dist = a - m.end() if m.end() <= a else m.start() - b
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None


class _Acc:
    """The tightest bounds so far, each with the evidence that set it."""

    def __init__(self) -> None:
        self.earliest: dt.date | None = None
        self.latest: dt.date | None = None
        self.e_ev: list[Evidence] = []
        self.l_ev: list[Evidence] = []
        # the same evidence as sets: membership in constant time (a list made it quadratic)
        self._e_seen: set[Evidence] = set()
        self._l_seen: set[Evidence] = set()

    def lower(self, day: dt.date, ev: Evidence) -> None:
        if self.earliest is None or day > self.earliest:
            self.earliest, self.e_ev, self._e_seen = day, [ev], {ev}
        elif day == self.earliest and ev not in self._e_seen:
            self.e_ev.append(ev)
            self._e_seen.add(ev)

    def upper(self, day: dt.date, ev: Evidence) -> None:
        if self.latest is None or day < self.latest:
            self.latest, self.l_ev, self._l_seen = day, [ev], {ev}
        elif day == self.latest and ev not in self._l_seen:
            self.l_ev.append(ev)
            self._l_seen.add(ev)

    def result(self) -> DateBounds:
        if self.earliest is not None and self.latest is not None and self.latest < self.earliest:
            # contradictory text: keep the earliest bound (it rests on dated evidence)
            return DateBounds(self.earliest, None, self.e_ev, ())
        return DateBounds(self.earliest, self.latest, self.e_ev, self.l_ev)


def _year_bounds(text: str, s0: int, s1: int, acc: _Acc, cited_spans: Sequence[tuple[int, int]]) -> None:
    years = [(a, b, y) for a, b, y in find_years(text, s0, s1)]
    years += [
        (m.start("y"), m.end("y"), int(m["y"])) for m in _patterns()["event_year"].finditer(text, s0, s1)
    ]
    for a, b, y in years:
        if _inside(cited_spans, a, b):
            continue
        tense = _tense(text, s0, s1, a, b)
        if tense == "past":
            acc.lower(dt.date(y, 1, 1), Evidence(a, b, f"{y} named as past"))
        elif tense == "future":
            after = text[b : b + 3]
            before = text[max(s0, a - 4) : a].casefold()
            if (
                before.endswith(("the ", "the\u00a0"))
                and after[:1] in " \u00a0"
                and after[1:2].isupper()
                and y > 1
            ):
                acc.upper(dt.date(y - 1, 12, 31), Evidence(a, b, f"the {y} event is still ahead"))
            else:
                acc.upper(dt.date(y, 12, 31), Evidence(a, b, f"{y} named as still to come"))


def infer_bounds(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    published: PartialDate | None = None,
    cited: Sequence[tuple[PartialDate, Evidence]] = (),
) -> DateBounds:
    """Bounds on the publication date from the page's own words in ``spans`` (the body)."""
    try:
        return _infer(text, spans, published, cited)
    except (ValueError, OverflowError):  # dates at the edge of the calendar: no bound
        return DateBounds()


def _infer(
    text: str,
    spans: Sequence[tuple[int, int]],
    published: PartialDate | None,
    cited: Sequence[tuple[PartialDate, Evidence]],
) -> DateBounds:
    acc = _Acc()
    for date, ev in cited:
        acc.lower(date.earliest, Evidence(ev.start, ev.end, ev.reason or f"cites a date of {date}"))
    # a date inside a citation is when the source appeared: past, and already counted above
    cited_spans = sorted((ev.start, ev.end) for _, ev in cited)
    digit = _patterns()["digit"]
    # only sentences with a digit can name a date or a year
    sents = [
        (s0, s1)
        for a, b in spans
        if digit.search(text, max(0, a), min(b, len(text)))  # most paragraphs name no number
        for s0, s1 in sentences(text, max(0, a), min(b, len(text)))
        if digit.search(text, s0, s1)
    ]
    for s0, s1 in sents:
        _year_bounds(text, s0, s1, acc, cited_spans)
    # year-less days, placed in the page's year
    yearless = []
    for s0, s1 in sents:
        for d in find_dates(text, s0, s1):
            if _inside(cited_spans, d.start, d.end):
                continue
            if d.year is None and d.month is not None and d.day is not None:
                yearless.append((d, _tense(text, s0, s1, d.start, d.end)))
            elif d.year is not None and d.month is not None:
                tense = _tense(text, s0, s1, d.start, d.end)
                pd = d.partial()
                if pd is not None and tense == "past":
                    acc.lower(pd.earliest, Evidence(d.start, d.end, f"{d.raw} named as past"))
                elif pd is not None and tense == "future":
                    acc.upper(pd.latest, Evidence(d.start, d.end, f"{d.raw} named as still to come"))
    lo_year = published.year if published else (acc.earliest.year if acc.earliest else None)
    hi_year = published.year if published else (acc.latest.year if acc.latest else None)
    for d, tense in yearless:
        if d.month is None or d.day is None:
            continue
        years: tuple[int, ...] = ()
        if d.weekday is not None and lo_year is not None and hi_year is not None:
            years = years_matching_weekday(d.month, d.day, d.weekday, range(lo_year, hi_year + 1))
        if len(years) == 1:
            day = dt.date(years[0], d.month, d.day)
            why = f"{d.raw} falls on that weekday only in {years[0]}"
            if tense == "future":
                acc.upper(day, Evidence(d.start, d.end, why + "; still to come"))
                if d.weekday in (5, 6) and (m := _patterns()["weekend"].search(text)):
                    monday = day - dt.timedelta(days=day.weekday())
                    acc.lower(monday, Evidence(m.start(), m.end(), f"'{m[0]}' read as the week of {day}"))
            elif tense == "past":
                acc.lower(day, Evidence(d.start, d.end, why + "; already past"))
        elif tense == "past" and lo_year is not None and _valid(lo_year, d.month, d.day):
            acc.lower(
                dt.date(lo_year, d.month, d.day),
                Evidence(d.start, d.end, f"{d.raw} of the page's year is past"),
            )
        elif tense == "future" and hi_year is not None and _valid(hi_year, d.month, d.day):
            acc.upper(
                dt.date(hi_year, d.month, d.day),
                Evidence(d.start, d.end, f"{d.raw} of the page's year is ahead"),
            )
    return acc.result()


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of the sorted ``spans``."""
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True
