"""``sinoru_corpus.dask``: the public short path of :mod:`sinoru_corpus.corpus.dask`.

The code lives in ``corpus/dask.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.dask import (
    articles,
    errors,
    jsonl,
    pages,
    parse,
    read_parquet,
    to_parquet,
)

__all__ = [
    "articles",
    "errors",
    "jsonl",
    "pages",
    "parse",
    "read_parquet",
    "to_parquet",
]
