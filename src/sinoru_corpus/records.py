"""``sinoru_corpus.records``: the public short path of :mod:`sinoru_corpus.corpus.records`.

The code lives in ``corpus/records.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.records import (
    article_record,
    claim_record,
    to_pandas,
    to_records,
)

__all__ = [
    "article_record",
    "claim_record",
    "to_pandas",
    "to_records",
]
