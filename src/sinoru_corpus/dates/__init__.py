"""Dates: one date grammar, the window an undated page lies in, dates as queries take them.

Owns: what a printed date means and how precise it is (``_grammar``); where an undated page's
date can lie (``_bounds``); how a query's date string reads as a day range (``_when``).
"""

from __future__ import annotations

from ._grammar import (
    DateMatch,
    DateReading,
    find_dates,
    find_years,
    month_number,
    parse_date,
    weekday_number,
    years_matching_weekday,
)

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
