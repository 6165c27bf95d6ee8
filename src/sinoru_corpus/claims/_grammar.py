"""The claim stage's closed word classes (``data/claim_grammar.json``), loaded once.

Function words the construction finders test a token against (auxiliaries,
pronouns, linking prepositions, clause leads): curated data, kept out of the
code.  Each list is read from the data file once per process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from .._data import load_json

__all__ = ["grammar_alternation", "grammar_list", "grammar_map", "grammar_words"]


@functools.cache
def _raw() -> Mapping[str, Any]:
    raw = load_json("claim_grammar.json")
    assert isinstance(raw, dict)
    return raw


def grammar_list(key: str) -> tuple[str, ...]:
    """The word list ``key``, in the file's order."""
    return tuple(str(w) for w in _raw()[key])


def grammar_words(key: str) -> frozenset[str]:
    """The word list ``key`` as a set (entries are compared as written: lowercase)."""
    return frozenset(grammar_list(key))


def grammar_map(key: str) -> dict[str, str]:
    """The word mapping ``key`` (``"his"`` -> ``"he"``)."""
    return {str(k): str(v) for k, v in _raw()[key].items()}


def grammar_alternation(key: str) -> str:
    """The word list ``key`` as a regex alternation (no group), in the file's order."""
    return "|".join(re.escape(w) for w in grammar_list(key))
