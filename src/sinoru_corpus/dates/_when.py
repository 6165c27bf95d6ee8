"""Dates as queries take them: strings, dates and PartialDates, read as day ranges."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Article, PartialDate, Season

__all__ = ["When", "article_range", "parse_when", "when_range"]

When = PartialDate | dt.date | str

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_SEASON_FIRST = re.compile(r"([A-Za-z]{4,6})[ -](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[ -]([A-Za-z]{4,6})")
_SEASONS = {"spring": Season.SPRING, "summer": Season.SUMMER, "fall": Season.FALL, "autumn": Season.FALL,
            "winter": Season.WINTER}  # fmt: skip


def parse_when(value: When) -> PartialDate | dt.date:
    """Read ``"2016"``, ``"2016-09"``, ``"2016-09-05"``, ``"Fall 2016"`` or ``"2016-fall"``.

    Raises :class:`ValueError` with the accepted forms for anything else.
    """
    if isinstance(value, PartialDate | dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected a date, PartialDate or str, got {type(value).__name__}")
    raw = value.strip()
    try:
        if m := _ISO.fullmatch(raw):
            year, month, day = (int(g) if g else None for g in m.groups())
            assert year is not None
            return PartialDate(year, month, day)
        m = _SEASON_FIRST.fullmatch(raw)
        season, year_text = (m.group(1), m.group(2)) if m else (None, None)
        if m is None and (m := _YEAR_FIRST.fullmatch(raw)):
            year_text, season = m.group(1), m.group(2)
        if season is not None and year_text is not None and season.lower() in _SEASONS:
            return PartialDate(int(year_text), season=_SEASONS[season.lower()])
    except ValueError as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from None
    raise ValueError(
        f"invalid date {value!r}: expected YYYY, YYYY-MM, YYYY-MM-DD, 'Fall 2016' or '2016-fall'"
    )


def when_range(value: PartialDate | dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a date may be."""
    if isinstance(value, PartialDate):
        return value.earliest, value.latest
    return value, value


def article_range(article: Article, *, include_unknown: bool) -> tuple[dt.date | None, dt.date | None] | None:
    """The days an article may have been published on (``None`` ends are open).

    A stated date gives its own range; without one, the inferred bounds are
    used only when ``include_unknown`` asks for them, else ``None``.
    """
    if article.published is not None:
        return article.published.earliest, article.published.latest
    if not include_unknown:
        return None
    return article.published_bounds.earliest, article.published_bounds.latest
