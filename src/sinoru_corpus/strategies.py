"""``sinoru_corpus.strategies``: the public short path of :mod:`sinoru_corpus.io.strategies`.

The code lives in ``io/strategies.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .io.strategies import (
    article_texts,
    articles,
    authors,
    citations,
    claims,
    date_bounds,
    dates,
    entities,
    evidence,
    frames,
    institutions,
    layout_lines,
    mentions,
    parse_warnings,
    partial_dates,
    people,
    regions,
    register_type_strategies,
    series,
    speakers,
)

__all__ = [
    "article_texts",
    "articles",
    "authors",
    "citations",
    "claims",
    "date_bounds",
    "dates",
    "entities",
    "evidence",
    "frames",
    "institutions",
    "layout_lines",
    "mentions",
    "parse_warnings",
    "partial_dates",
    "people",
    "regions",
    "register_type_strategies",
    "series",
    "speakers",
]
