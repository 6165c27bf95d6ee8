"""``sinoru_corpus.aggregate``: the public short path of :mod:`sinoru_corpus.corpus.aggregate`.

The code lives in ``corpus/aggregate.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.aggregate import (
    COUNT_KEYS,
    CitationAge,
    CoMatrix,
    CountKey,
    TimeBin,
    What,
    citation_recency,
    coarsen,
    cooccurrence,
    cooccurrence_matrix,
    count_by,
    recency_summary,
    timeline,
    top_speakers,
)

__all__ = [
    "COUNT_KEYS",
    "CitationAge",
    "CoMatrix",
    "CountKey",
    "TimeBin",
    "What",
    "citation_recency",
    "coarsen",
    "cooccurrence",
    "cooccurrence_matrix",
    "count_by",
    "recency_summary",
    "timeline",
    "top_speakers",
]
