"""One document per page: the normalised text and its sentences, computed once and shared.

:func:`~sinoru_corpus.parse.parse_article` opens a :class:`Document` for the
normalised text with :func:`open_document`; while it is open, every stage that
asks for the sentences of a paragraph (:func:`~sinoru_corpus.text._sentences.split_sentences`)
or for the frames of a sentence (:func:`~sinoru_corpus.claims._frames.claim_frames`) gets
the answer computed the first time anyone asked, instead of splitting or scanning
the text again.  Answers are memoised per span, so a stage reads exactly what it
would have computed itself.  Outside an open document (a stage called on its own)
nothing is cached and every call computes afresh.

The open document is held in a :class:`contextvars.ContextVar`: threads and
asyncio tasks parsing different pages never see each other's document, and the
page is released when the parse ends.
"""

from __future__ import annotations

import array
import contextvars
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = ["Document", "current_document", "open_document"]

Span = tuple[int, int]
_Splitter = Callable[[int, int], tuple[Span, ...]]


class Document:
    """A page's normalised text with memoised per-span facts (sentences, frames).

    ``paragraphs`` are the prose spans (standfirst and body) once the layout is
    known; they may be set after the document is opened, because the layout is
    read from the same text.  Memo tables are private: read them through
    :meth:`sentences` and :meth:`memo`.
    """

    __slots__ = ("_memo", "_sentences", "paragraphs", "text")

    def __init__(self, text: str, paragraphs: Sequence[Span] = ()) -> None:
        self.text = text
        self.paragraphs: tuple[Span, ...] = tuple(paragraphs)
        # paragraph start -> (end, flat sentence offsets s0, e0, s1, e1, ...): 16 bytes a sentence
        self._sentences: dict[int, tuple[int, array.array[int]]] = {}
        self._memo: dict[str, dict[int, Any]] = {}

    def sentences(self, start: int, end: int, split: _Splitter) -> tuple[Span, ...]:
        """The sentences of the paragraph ``text[start:end]``, split by ``split`` the first time."""
        known = self._sentences.get(start)
        if known is not None and known[0] == end:
            flat = known[1]
            return tuple(zip(flat[::2], flat[1::2], strict=True))
        found = split(start, end)
        if known is None:  # the first span asked at this start is kept (a paragraph is asked alike)
            self._sentences[start] = (end, array.array("q", [i for span in found for i in span]))
        return found

    def all_sentences(self, split: _Splitter) -> Iterator[Span]:
        """Every sentence of every paragraph, in reading order."""
        for start, end in self.paragraphs:
            yield from self.sentences(start, end, split)

    def release(self) -> None:
        """Drop every memoised fact: the stages sharing them are done; their memory is not kept."""
        self._sentences.clear()
        self._memo.clear()

    def memo(self, kind: str, start: int, end: int, compute: Callable[[int, int], Any]) -> Any:
        """A fact of kind ``kind`` about ``text[start:end]``, computed by ``compute`` the first time."""
        table = self._memo.get(kind)
        if table is None:
            table = self._memo[kind] = {}
        key = start * (len(self.text) + 1) + end if 0 <= end <= len(self.text) else None
        if key is None or start < 0:
            return compute(start, end)  # a span outside the text: not worth a key
        if key in table:
            return table[key]
        value = table[key] = compute(start, end)
        return value


_CURRENT: contextvars.ContextVar[Document | None] = contextvars.ContextVar("sinoru_document", default=None)


def current_document(text: str) -> Document | None:
    """The open document of ``text`` (the same string object), or ``None``."""
    doc = _CURRENT.get()
    return doc if doc is not None and doc.text is text else None


@contextmanager
def open_document(text: str, paragraphs: Sequence[Span] = ()) -> Iterator[Document]:
    """Open a :class:`Document` for ``text`` for the duration of a ``with`` block."""
    doc = Document(text, paragraphs)
    token = _CURRENT.set(doc)
    try:
        yield doc
    finally:
        _CURRENT.reset(token)
