"""``sinoru_corpus.arrow``: the public short path of :mod:`sinoru_corpus.corpus.arrow`.

The code lives in ``corpus/arrow.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.arrow import (
    CHILD_TABLES,
    TABLES,
    read_parquet,
    to_arrow,
    to_parquet,
)

__all__ = [
    "CHILD_TABLES",
    "TABLES",
    "read_parquet",
    "to_arrow",
    "to_parquet",
]
