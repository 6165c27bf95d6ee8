"""``sinoru_corpus.reader``: the public short path of :mod:`sinoru_corpus.text.reader`.

The code lives in ``text/reader.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .text.reader import (
    MAX_BYTES,
    decode_bytes,
    parse_bytes,
    read_article,
    read_page_bytes,
)

__all__ = [
    "MAX_BYTES",
    "decode_bytes",
    "parse_bytes",
    "read_article",
    "read_page_bytes",
]
