"""Shared by the claim tests: run the claim finder on a text whose non-blank lines are its prose."""

from __future__ import annotations

from typing import Any

from sinoru_corpus.claims._extract import find_claims
from sinoru_corpus.model import Claim


def line_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every non-blank line of ``text``."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def claims_in_lines(text: str, **kw: Any) -> tuple[Claim, ...]:
    """``find_claims`` over every non-blank line of ``text`` (``kw``: its keyword arguments)."""
    return find_claims(text, line_spans(text), **kw)
