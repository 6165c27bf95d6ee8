"""Page text for :mod:`sinoru_corpus.io.strategies`: vocabulary, lines and their offsets.

A generated page is built line by line, recording the offsets of what later
becomes evidence (the title, author names, the dateline), so every span the
strategies draw slices the final text exactly. Span helpers work on any text,
generated or given.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._data import load_json
from ..model import LineKind, PartialDate, Precision

__all__ = [
    "CUES",
    "Page",
    "draw_page",
    "free_words",
    "line_spans",
    "month_name",
    "name_tuples",
    "names",
    "optional",
    "printed_date",
    "sentence_spans",
    "span",
    "text_or_sample",
    "unique",
    "word_spans",
    "words",
]


# Short, invented vocabulary (``data/textgen.json``): enough variety for realistic-looking pages.
_VOCABULARY: dict[str, Any] = load_json("textgen.json")
WORDS: tuple[str, ...] = tuple(_VOCABULARY["words"])
NAMES: tuple[str, ...] = tuple(_VOCABULARY["names"])
PLACES: tuple[str, ...] = tuple(_VOCABULARY["places"])
BODIES: tuple[str, ...] = tuple(_VOCABULARY["bodies"])
CUES: tuple[str, ...] = tuple(_VOCABULARY["cues"])
MONTHS: tuple[str, ...] = tuple(_VOCABULARY["months"])
FURNITURE: tuple[str, ...] = tuple(_VOCABULARY["furniture"])

_WORD = re.compile(r"\S+")
_SENTENCE_END = ".!?"


@functools.cache
def free_words() -> st.SearchStrategy[str]:
    """Arbitrary whitespace-free words, to shake out escaping and Unicode bugs.

    Words are in NFC, the form the parser keeps a page's text in, so a drawn page
    is the text its Article holds (a compatibility ideograph such as U+F900 is not).
    """
    chars = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
    return st.text(chars, min_size=1, max_size=12).map(_nfc)


def _nfc(word: str) -> str:
    return unicodedata.normalize("NFC", word)


@functools.cache
def words() -> st.SearchStrategy[str]:
    """Words of a sentence: mostly vocabulary, one in four arbitrary."""
    vocabulary = st.sampled_from(WORDS + PLACES + BODIES)
    return st.one_of(vocabulary, vocabulary, vocabulary, free_words())


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def printed_date(date: PartialDate) -> str:
    """How a page prints a date of each precision: ``8 May 2015``, ``Fall 2016``..."""
    if date.precision is Precision.DAY and date.month is not None:
        return f"{date.day} {month_name(date.month)} {date.year}"
    if date.month is not None:
        return f"{month_name(date.month)} {date.year}"
    if date.season is not None:
        return f"{date.season.value.capitalize()} {date.year}"
    return str(date.year)


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of whitespace-free runs inside ``text[start:end]``."""
    return [m.span() for m in _WORD.finditer(text, start, len(text) if end is None else end)]


def line_spans(text: str) -> list[tuple[int, int]]:
    """The span of each line (``text.split("\\n")``), without its newline."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one line: runs of words, each ending at ``.``/``!``/``?`` or the line end."""
    out: list[tuple[int, int]] = []
    first: int | None = None
    spans = word_spans(text, start, end)
    for index, (w_start, w_end) in enumerate(spans):
        if first is None:
            first = w_start
        if text[w_end - 1] in _SENTENCE_END or index == len(spans) - 1:
            out.append((first, w_end))
            first = None
    return out


# ------------------------------------------------------- strategy helpers


@functools.cache
def names(pool: tuple[str, ...] = NAMES + PLACES + BODIES) -> st.SearchStrategy[str]:
    """Non-blank names: mostly realistic, sometimes arbitrary Unicode."""
    free = st.builds(lambda a, b: a + b, free_words(), st.text(max_size=15))
    return st.one_of(st.sampled_from(pool), free)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``None`` or a value of ``strategy``."""
    return st.none() | strategy


@functools.cache
def name_tuples() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(names(), max_size=3, unique=True).map(tuple)


def text_or_sample(text: str | None) -> st.SearchStrategy[str]:
    """The given text (which must have a word to draw spans from), or a sample sentence."""
    if text is not None:
        if not text.strip():
            raise InvalidArgument("text must contain a non-blank character to draw spans from")
        return st.just(text)
    return st.lists(words(), min_size=1, max_size=12).map(" ".join)


def span(draw: st.DrawFn, spans: list[tuple[int, int]], max_words: int = 4) -> tuple[int, int]:
    """A run of 1..max_words consecutive word spans."""
    first = draw(st.integers(0, len(spans) - 1))
    last = draw(st.integers(first, min(len(spans), first + max_words) - 1))
    return spans[first][0], spans[last][1]


def unique(items: Any) -> tuple[Any, ...]:
    """The distinct items, in first-seen order."""
    return tuple(dict.fromkeys(items))


@attrs.frozen
class Page:
    """A generated page: its lines with their kinds, and the spans the article needs."""

    lines: tuple[tuple[str, LineKind], ...]
    title: str | None
    standfirst: str | None
    dateline: tuple[int, int] | None  # absolute span of the printed date
    author_spans: tuple[tuple[int, int], ...]  # absolute spans of author names

    @property
    def text(self) -> str:
        return "\n".join(line for line, _kind in self.lines)


class _Builder:
    def __init__(self) -> None:
        self.lines: list[tuple[str, LineKind]] = []
        self.offset = 0

    def add(self, kind: LineKind, *parts: str) -> list[tuple[int, int]]:
        """Append a line made of ``parts``; return each part's absolute span."""
        spans: list[tuple[int, int]] = []
        position = self.offset
        for part in parts:
            spans.append((position, position + len(part)))
            position += len(part)
        line = "".join(parts)
        self.lines.append((line, LineKind.BLANK if not line else kind))
        self.offset += len(line) + 1
        return spans


def _sentence(draw: st.DrawFn) -> str:
    body = draw(st.lists(words(), min_size=2, max_size=10))
    if draw(st.booleans()):
        speaker = draw(st.sampled_from(NAMES + PLACES + BODIES))
        body = [speaker, draw(st.sampled_from(CUES)), "that", *body]
    text = " ".join(body).rstrip(_SENTENCE_END)
    return text[:1].upper() + text[1:] + draw(st.sampled_from(".!?") if draw(st.booleans()) else st.just("."))


def _random_sentence(rnd: random.Random) -> str:
    """A sentence from a seeded generator: fast enough for pages of hundreds of paragraphs."""
    vocabulary = WORDS + PLACES + BODIES
    body = [rnd.choice(vocabulary) for _ in range(rnd.randint(4, 18))]
    shape = rnd.random()
    if shape < 0.35:
        body = [rnd.choice(NAMES + PLACES + BODIES), rnd.choice(CUES), "that", *body]
    elif shape < 0.5:
        body = [*body, f"({rnd.choice(BODIES).removeprefix('the ')},", f"{rnd.choice(MONTHS)}",
                f"{rnd.randint(1, 28)},", f"{rnd.randint(1995, 2030)})"]  # fmt: skip
    elif shape < 0.6:
        body = ["“" + " ".join(body) + "”,", rnd.choice(NAMES), "said"]
    text = " ".join(body).rstrip(_SENTENCE_END)
    return text[:1].upper() + text[1:] + "."


def draw_page(
    draw: st.DrawFn,
    *,
    min_sentences: int,
    published: PartialDate | None,
    n_authors: int,
    paragraphs: tuple[int, int] | None = None,
) -> Page:
    """Draw a page: furniture, title, standfirst, dateline, byline, body paragraphs, bio.

    With ``paragraphs=(low, high)``, the body has that many paragraphs of 1-8
    sentences each, written by a seeded generator (long pages stay fast to draw).
    """
    out = _Builder()
    for line in draw(st.lists(st.sampled_from(FURNITURE), max_size=2)):
        out.add(draw(st.sampled_from((LineKind.FURNITURE, LineKind.NAVIGATION))), line)
    title: str | None = None
    if draw(st.booleans()):
        title = " ".join(draw(st.lists(words(), min_size=1, max_size=8)))
        out.add(LineKind.TITLE, title)
    standfirst: str | None = None
    if draw(st.booleans()):
        standfirst = _sentence(draw)
        out.add(LineKind.STANDFIRST, standfirst)
    dateline: tuple[int, int] | None = None
    if published is not None:
        label = draw(st.sampled_from(("Commentary | ", "Analysis, ", "Published ")))
        dateline = out.add(LineKind.DATELINE, label, printed_date(published))[1]
    byline = draw(st.lists(st.sampled_from(NAMES), min_size=n_authors, max_size=n_authors, unique=True))
    author_spans: list[tuple[int, int]] = []
    if byline:
        parts = ["By "]
        for index, name in enumerate(byline):
            parts += [name, " and " if index < len(byline) - 1 else ""]
        spans = out.add(LineKind.BYLINE, *parts)
        author_spans = spans[1::2]
    out.add(LineKind.BLANK)
    # Body paragraphs, one blank line apart, so the body is "\n\n".join of its lines.
    if paragraphs is None:
        sentences = draw(st.integers(max(min_sentences, 1), max(min_sentences, 1) + 4))
        per_line = draw(st.integers(1, 3))
        body = [_sentence(draw) for _ in range(sentences)]
        lines = [" ".join(body[index : index + per_line]) for index in range(0, len(body), per_line)]
    else:
        # One drawn seed, not one draw per word: long pages stay within Hypothesis's budget.
        rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
        count = draw(st.integers(*paragraphs))
        lines = [" ".join(_random_sentence(rnd) for _ in range(rnd.randint(1, 8))) for _ in range(count)]
        # min_sentences is met by the first paragraph's drawn sentences plus the rest
        while sum(len(sentence_spans(line, 0, len(line))) for line in lines) < min_sentences:
            lines.append(_random_sentence(rnd))
    for index, line in enumerate(lines):
        if index:
            out.add(LineKind.BLANK)
        out.add(LineKind.BODY, line)
    with_bio = draw(st.booleans())
    if byline and with_bio:
        out.add(LineKind.BLANK)
        out.add(LineKind.AUTHOR_BIO, f"{byline[0]} is a researcher of Eurasian politics.")
    return Page(tuple(out.lines), title, standfirst, dateline, tuple(author_spans))
