"""Word lists as one regex shaped as a character trie (shared by the page and claims stages).

A plain alternation makes the engine try one branch per word at every position; the
trie tries one branch per character, so matching cost does not grow with the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["trie_regex"]


def trie_regex(words: Iterable[str], unit: Callable[[str], str] = re.escape) -> str:
    """A regex alternation shaped as a trie, so matching cost does not grow with the word count.

    ``unit`` renders one character (frames map a space to ``\\s+``); it is called once per distinct character.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            child = node.get(ch)
            if child is None:
                child = node[ch] = {}
            node = child
        node[""] = {}
    units: dict[str, str] = {}  # each character rendered once (``re.escape`` is pure Python)

    def render(node: Mapping[str, Any]) -> str:
        end = "" in node
        branches: list[str] = []
        for ch in sorted(node):
            if ch:
                u = units.get(ch)
                if u is None:
                    u = units[ch] = unit(ch)
                branches.append(u + render(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return render(trie)
