"""``sinoru_corpus.stream``: the public short path of :mod:`sinoru_corpus.corpus.stream`.

The code lives in ``corpus/stream.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.stream import (
    LoadWarning,
    iter_corpus,
)

__all__ = [
    "LoadWarning",
    "iter_corpus",
]
