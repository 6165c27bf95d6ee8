"""One document per page: the normalised text and its sentences, computed once and shared.

:func:`~sinoru_corpus.parse.parse_article` opens a :class:`Document` for the
normalised text with :func:`open_document`; while it is open, every stage that
asks for the sentences of a paragraph (:func:`~sinoru_corpus.sentences.split_sentences`)
or for the frames of a sentence (:func:`~sinoru_corpus.frames.claim_frames`) gets
the answer computed the first time anyone asked, instead of splitting or scanning
the text again.  Answers are memoised per span, so a stage reads exactly what it
would have computed itself.  Outside an open document (a stage called on its own)
nothing is cached and every call computes afresh.

The open document is held in a :class:`contextvars.ContextVar`: threads and
asyncio tasks parsing different pages never see each other's document, and the
page is released when the parse ends.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = ["Document", "current_document", "open_document", "page_words"]

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
        self._sentences: dict[Span, tuple[Span, ...]] = {}
        self._memo: dict[tuple[str, int, int], Any] = {}

    def sentences(self, start: int, end: int, split: _Splitter) -> tuple[Span, ...]:
        """The sentences of the paragraph ``text[start:end]``, split by ``split`` the first time."""
        key = (start, end)
        found = self._sentences.get(key)
        if found is None:
            found = self._sentences[key] = split(start, end)
        return found

    def all_sentences(self, split: _Splitter) -> Iterator[Span]:
        """Every sentence of every paragraph, in reading order."""
        for start, end in self.paragraphs:
            yield from self.sentences(start, end, split)

    def memo(self, kind: str, start: int, end: int, compute: Callable[[int, int], Any]) -> Any:
        """A fact of kind ``kind`` about ``text[start:end]``, computed by ``compute`` the first time."""
        key = (kind, start, end)
        memo = self._memo
        if key in memo:
            return memo[key]
        value = memo[key] = compute(start, end)
        return value


# A word: a maximal run of letters and digits (the underscore separates words).
_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[\W_]")
_CHUNK = 1 << 18


def _collect_words(text: str) -> frozenset[str]:
    # read in chunks cut at a non-word character: a word is never split, and the list
    # of one chunk's words is all that is held at once
    words: set[str] = set()
    n = len(text)
    pos = 0
    while pos < n:
        cut = _NOT_WORD.search(text, min(n, pos + _CHUNK)) if pos + _CHUNK < n else None
        hi = cut.start() if cut is not None else n
        words.update(_WORD.findall(text, pos, hi))
        pos = hi + 1 if cut is not None else n
    return frozenset(words)


def page_words(text: str) -> frozenset[str]:
    """The distinct words of ``text`` (maximal runs of letters and digits), read once per document."""
    doc = current_document(text)
    if doc is None:
        return _collect_words(text)
    words: frozenset[str] = doc.memo("words", 0, len(text), lambda _s, _e: _collect_words(text))
    return words


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
