"""``sinoru_corpus.schema``: the public short path of :mod:`sinoru_corpus.io.schema`.

The code lives in ``io/schema.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .io.schema import (
    json_schema,
)

__all__ = [
    "json_schema",
]
