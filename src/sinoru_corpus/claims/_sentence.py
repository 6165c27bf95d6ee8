"""One sentence as the construction finders see it: its tokens, offsets and article context.

:class:`SentenceView` tokenises a candidate sentence once; every finder
(verb constructions, subjects, nominal attributions) reads the same tokens.
:class:`Candidate` is what a finder returns: a holder, the cue span, and where
the reported content lies.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TypeVar, cast

import attrs

from ._grammar import grammar_words
from ._lexicon import ClaimLexicon
from ._speakers import (
    _CLOSING_QUOTES,
    _OPEN_QUOTES,
    _STRAIGHT_QUOTES,
    QUOTE_MARKS,
    Holder,
    NameIndex,
    Token,
    tokenize,
)

__all__ = ["Candidate", "SentenceView"]

_T = TypeVar("_T")

_BE = grammar_words("be_forms")
_PARTICIPLE_IRREGULAR = grammar_words("irregular_participles")
_NOT_ADVERB_LY = grammar_words("not_adverbs_in_ly")
_CLOSE_QUOTES = _CLOSING_QUOTES | _STRAIGHT_QUOTES  # a quotation that may end right here
_OPENING = _OPEN_QUOTES | _STRAIGHT_QUOTES  # a quotation that may start right here
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "—"}) | QUOTE_MARKS
_VERB_PREPS = grammar_words("verb_prepositions")


@attrs.frozen
class Candidate:
    """A holder found for a cue inside one sentence."""

    holder: Holder
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    quoted_term: bool = False  # "what X calls ‘Greater Asia’": the term is attributed verbatim
    intro: bool = False  # the cue ends the sentence with ":" and introduces a block quote


class SentenceView:
    """One sentence, tokenised once, with the article context the finders need."""

    def __init__(self, text: str, start: int, end: int, index: NameIndex, lex: ClaimLexicon) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.index = index
        self.lex = lex
        self.toks: list[Token] = tokenize(text, start, end)
        self.starts = [t[0] for t in self.toks]
        self._clause_ends: list[int] | None = None
        self._prose: bool | None = None
        self._memo: dict[tuple[str, int], object] = {}

    def memo(self, kind: str, i: int, make: Callable[[SentenceView, int], _T]) -> _T:
        """``make(self, i)``, computed once per sentence (several cues of one word share a subject)."""
        key = (kind, i)
        if key in self._memo:
            return cast(_T, self._memo[key])
        value = make(self, i)
        self._memo[key] = value
        return value

    @property
    def prose(self) -> bool:
        """Whether the sentence is running prose rather than a title-cased headline."""
        if self._prose is None:
            words = [t[2] for t in self.toks if t[2][:1].isalpha()]
            lower = sum(1 for w in words if w[:1].islower())
            self._prose = lower * 3 >= len(words)
        return self._prose

    def clause_ends(self, pattern: re.Pattern[str]) -> list[int]:
        """Start offsets of ``pattern``'s matches in the sentence, found once and kept."""
        if self._clause_ends is None:
            self._clause_ends = [m.start() for m in pattern.finditer(self.text, self.start, self.end)]
        return self._clause_ends

    def at(self, offset: int) -> int | None:
        i = bisect.bisect_left(self.starts, offset)
        return i if i < len(self.toks) and self.toks[i][0] == offset else None

    def covering(self, offset: int) -> int:
        """Index of the token that starts at or before ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def _low(tok: Token) -> str:
    return tok[2].casefold()


def _is_adverb(word: str, lex: ClaimLexicon) -> bool:
    low = word.casefold()
    if low in lex.adverbs:
        return True
    return word.islower() and len(low) > 4 and low.endswith("ly") and low not in _NOT_ADVERB_LY
