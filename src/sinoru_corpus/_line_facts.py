"""Per-line facts computed once: a bounded memo for the pure tests the page stage runs on a line.

Layout, datelines, bylines and the zone finder ask the same questions of the same short
line several times (is it a byline, where are its dates, is it a tail heading), often from
different modules. :func:`per_line` remembers the answers of a pure function of one line,
so each is computed once per distinct line. Only lines up to :data:`MAX_KEY` characters
are remembered (the header and tail lines asked about most; a paragraph is asked about
once or twice) and at most :data:`SIZE` of them, so the memory held stays small and a
long page costs no more than before. :func:`forget_lines` drops every answer: ``parse_article``
calls it when a page is done, so nothing of one page is held while the next is parsed (lines
shared by two pages are rare enough that keeping them measured no faster). Stage: page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ._pattern_cache import compile_cached
from ._trie import trie_regex

__all__ = ["MAX_KEY", "SIZE", "any_phrase", "forget_lines", "forget_with_lines", "per_line"]

MAX_KEY = 400
"""Longest line (in characters) whose answers are remembered."""

SIZE = 8192
"""Distinct lines remembered per function (the memo starts again when it is full)."""

_T = TypeVar("_T")


class _Memo(dict[str, Any]):
    """Answers of one function by line, called like the function; a remembered answer is
    one dict lookup (``__call__`` is ``dict.__getitem__``: no Python frame on a hit)."""

    def __init__(self, fn: Callable[[str], Any]) -> None:
        super().__init__()
        self._fn = fn
        functools.update_wrapper(self, fn)

    __call__ = dict.__getitem__

    def __missing__(self, s: str) -> Any:
        answer = self._fn(s)
        if len(s) <= MAX_KEY:
            if len(self) >= SIZE:
                self.clear()  # bounded: start again rather than grow
            self[s] = answer
        return answer


_MEMOS: list[_Memo] = []
_CLEARERS: list[Callable[[], None]] = []


def per_line(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """``fn`` remembering its answers for short lines; ``fn`` must be pure and its answer immutable."""
    memo = _Memo(fn)
    _MEMOS.append(memo)
    remembering: Callable[[str], _T] = memo
    return remembering


def forget_lines() -> None:
    """Drop every remembered answer (the memory they hold; answers are computed again)."""
    for memo in _MEMOS:
        memo.clear()
    for clear in _CLEARERS:
        clear()


def forget_with_lines(clear: Callable[[], None]) -> None:
    """Call ``clear`` too whenever :func:`forget_lines` runs (for a cache keyed by more than a line)."""
    _CLEARERS.append(clear)


def any_phrase(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``phrases`` (literally), factored as a character trie.

    It matches the same strings as the plain alternation of the phrases, so whether it
    finds something in a line is the same; sre tries one branch per character instead
    of one per phrase.
    """
    return compile_cached(trie_regex(phrases) or "(?!)")
