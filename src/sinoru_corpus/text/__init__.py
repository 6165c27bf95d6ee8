"""Stage 1, text: bytes and strings in, normalised text and sentences out.

Owns: whether an input is text at all and how its bytes are decoded (``reader``); the offsets
every span refers to (``_normalize``: ``Article.text`` is the normalised text); where sentences
end (``_sentences``); the page's shared document of sentences, computed once
and read by every later stage (``_document``).
"""

from __future__ import annotations

from ._document import (
    Document,
    current_document,
    open_document,
)
from ._normalize import (
    MAX_NON_STARTERS,
    NormalizedText,
    normalize_text,
)
from ._sentences import (
    split_sentences,
)
from .reader import (
    MAX_BYTES,
    decode_bytes,
    parse_bytes,
    read_article,
    read_page_bytes,
)

__all__ = [
    "MAX_BYTES",
    "MAX_NON_STARTERS",
    "Document",
    "NormalizedText",
    "current_document",
    "decode_bytes",
    "normalize_text",
    "open_document",
    "parse_bytes",
    "read_article",
    "read_page_bytes",
    "split_sentences",
]
