"""``sinoru_corpus.query``: the public short path of :mod:`sinoru_corpus.corpus.query`.

The code lives in ``corpus/query.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.query import (
    ALL,
    NOTHING,
    Filter,
    all_of,
    any_of,
    author,
    frame,
    frame_label,
    institution,
    outlet,
    person,
    published,
    region,
    select,
    text,
    where,
)

__all__ = [
    "ALL",
    "NOTHING",
    "Filter",
    "all_of",
    "any_of",
    "author",
    "frame",
    "frame_label",
    "institution",
    "outlet",
    "person",
    "published",
    "region",
    "select",
    "text",
    "where",
]
