"""Sentence segmentation with offsets, tuned for analytical prose.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes,
brackets and a footnote marker after it) when whitespace and a plausible
sentence opener follow.  It does not end after initials ("Pavel K. Baev"),
dotted abbreviations ("U.S.", "Ph.D.", "e.g."), titles ("Dr.", "St."), list
numbers ("1."), or inside a balanced parenthesis or bracket, so citations like
``(TASS, August 24, 2020)`` and editorial insertions stay in their sentence.
An ellipsis glued to the next word ("…We") does not end a sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from .._data import casefolded, load_json
from ._document import current_document

__all__ = ["split_sentences"]


@attrs.frozen
class _Words:
    """The splitter's word lists (``data/sentences.json``), casefolded."""

    abbreviations: frozenset[str]  # take a period and go on with the sentence ("Dr.", "vol.")
    soft_abbreviations: frozenset[str]  # end a sentence before a typical opener ("etc.")
    starters: frozenset[str]  # open sentences: after "U.S." or "etc." they mark a boundary
    dotted_continuations: frozenset[str]  # dotted abbreviations that never end one ("e.g.")


@functools.cache
def _words() -> _Words:
    raw = load_json("sentences.json")
    return _Words(
        abbreviations=casefolded(raw["abbreviations"]),
        soft_abbreviations=casefolded(raw["soft_abbreviations"]),
        starters=casefolded(raw["starters"]),
        dotted_continuations=casefolded(raw["dotted_continuations"]),
    )


_OPENERS = "“\"‘'([«¿¡…"
_SPACE = frozenset(
    " \t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


@functools.cache
def _boundary() -> re.Pattern[str]:
    # terminator, closing quotes/brackets, optional footnote marker, closing again;
    # every piece is a bounded or single-class run, so matching is linear.
    return re.compile(
        r"[.!?…]{1,8}[”’\"'»)\]]{0,4}(?:\[\d{1,3}\]|\d{1,3}(?![\d,.]))?[”’\"'»)\]]{0,4}(?=\s|$)"
    )


@functools.cache
def _word_before() -> re.Pattern[str]:
    # the dotted or plain word that ends right before a period (searched on a short tail)
    return re.compile(r"([A-Za-z\u00c0-\u024f]{1,12}(?:\.[A-Za-z\u00c0-\u024f]{1,12}){0,4})$")


@functools.cache
def _list_marker() -> re.Pattern[str]:
    return re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})\.?")


@functools.cache
def _brackets() -> re.Pattern[str]:
    return re.compile(r"[()\[\]]")


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced () and [] ranges in a paragraph; an unmatched bracket protects nothing."""
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _brackets().finditer(text, start, end):
        ch = m.group()
        i = m.start()
        if ch == "(" or ch == "[":
            if len(stack) < 32:
                stack.append((ch, i))
            continue
        want = "(" if ch == ")" else "["
        while stack and stack[-1][0] != want:
            stack.pop()  # an unclosed opener inside: drop it
        if stack:
            _, open_at = stack.pop()
            if not stack and i - open_at <= 600:
                ranges.append((open_at, i))
    return ranges


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1].isspace()):
        end -= 1
    return start, end


def _next_word(text: str, pos: int, end: int) -> str:
    i = pos
    while i < end and i - pos < 40 and text[i].isalpha():
        i += 1
    return text[pos:i]


def _is_boundary(text: str, sent_start: int, m: re.Match[str], para_end: int) -> bool:
    """Whether the terminator run ``m`` really ends the sentence that began at ``sent_start``."""
    # the next sentence must start with an opener after the whitespace
    j = m.end()
    while j < para_end and text[j].isspace():
        j += 1
    if j >= para_end:
        return True
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    token = m.group()
    if token != ".":
        return True  # "?", "!", "…", or a period with closing quotes or a footnote
    before = text[max(sent_start, m.start() - 40) : m.start()]
    if _list_marker().fullmatch(before.strip()):
        return False  # "1." / "a." / "iv." opening a numbered item
    wm = _word_before().search(before)
    if wm is None:
        return True
    word = wm.group(1)
    head_ok = wm.start(1) == 0 or not before[wm.start(1) - 1].isalnum()
    if not head_ok:
        return True
    lower = word.casefold()
    follower = _next_word(text, j, para_end).casefold()
    lists = _words()
    if "." in word:  # U.S., Ph.D., e.g.: a boundary only before a typical sentence opener
        return follower in lists.starters and lower not in lists.dotted_continuations
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Pavel K. Baev"
    if lower in lists.soft_abbreviations:
        return follower in lists.starters
    return lower not in lists.abbreviations


def split_sentences(text: str, spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sentence spans inside the given paragraph spans, in order, without surrounding whitespace.

    While a :class:`~sinoru_corpus.text._document.Document` is open for ``text``, each
    paragraph is split once and every later call reads the same sentences.
    """
    n = len(text)
    doc = current_document(text)
    out: list[tuple[int, int]] = []
    for raw_start, raw_end in spans:
        start, end = max(0, min(raw_start, n)), max(0, min(raw_end, n))
        if end <= start:
            continue
        if doc is None:
            out += _split_paragraph(text, start, end)
        else:
            out += doc.sentences(start, end, functools.partial(_split_paragraph, text))
    return tuple(out)


def _split_paragraph(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    pattern = _boundary()
    protected = _protected(text, start, end)
    k = 0
    sent_start = start
    for m in pattern.finditer(text, start, end):
        while k < len(protected) and protected[k][1] < m.start():
            k += 1
        if k < len(protected) and protected[k][0] < m.start() <= protected[k][1]:
            continue
        if not _is_boundary(text, sent_start, m, end):
            continue
        s, e = _trim(text, sent_start, m.end())
        if e > s:
            out.append((s, e))
        sent_start = m.end()
    s, e = _trim(text, sent_start, end)
    if e > s:
        out.append((s, e))
    return tuple(out)
