"""Institutions the gazetteer does not know, recognised by the shape of their name.

* A definition "Full Name (ACRONYM)": the name's initials spell the acronym.
* An institution-shaped name: capitalised words ending in a head noun
  ("... Institute", "... Directorate", "Ministry of ..."); the head noun gives
  the kind (``data/institution_shapes.json``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .._data import load_json
from .._pattern_cache import compile_cached
from ..model import InstitutionKind
from .gazetteer._matcher import trie_regex

__all__ = ["Definition", "Shape", "find_definitions", "find_shapes", "guess_kind"]

_SP = r"[ \u00a0]+"
_WORD = r"(?:[A-Z][\w’'\-.&]*[\w]|[A-Z])"
_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9+&/\-]{1,11})\)")
_POSSESSIVE = re.compile(r"[’']s\Z")
_SPLIT = re.compile(_SP)
_WORD_RX = re.compile(r"[^ \u00a0]+")


@attrs.frozen
class Shape:
    start: int
    end: int
    name: str
    kind: InstitutionKind


@attrs.frozen
class Definition:
    """``name`` at ``start:end`` defined as ``acronym`` (the parenthesis at ``acr_start``)."""

    start: int
    end: int
    name: str
    acronym: str
    acr_start: int


@attrs.frozen
class _Lexicon:
    head: re.Pattern[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    heads: dict[str, InstitutionKind]
    military: frozenset[str]
    media: frozenset[str]
    igo: tuple[str, ...]
    stop: frozenset[str]
    connectors: frozenset[str]  # "of", "and", "&": inside a name, never at its edges
    defined: re.Pattern[str]  # the capitalised words and connectors before an acronym definition


@functools.cache
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = load_json("institution_shapes.json")
    heads = {h: InstitutionKind(k) for h, k in raw["heads"].items()}
    tail = "|".join(re.escape(t) for t in raw["tails"])
    connectors = [str(c) for c in raw["connectors"]]
    joined = "|".join(re.escape(c) for c in connectors)
    # Anchored on the head noun (rare, so fast to find); then up to six capitalised
    # words before it, and an optional "of X Y" after it. No "of"/"the" before the
    # head: "Trenin of the Carnegie Centre" is a person and a centre.
    modifier = rf"(?:{_WORD}|and|&)"
    before = rf"(?<![^\W_])(?:{_WORD}{_SP})(?:{modifier}{_SP}){{0,5}}\Z"
    after = rf"{_SP}(?:{tail}){_SP}(?:the{_SP})?{_WORD}(?:{_SP}(?:and{_SP})?{_WORD}){{0,3}}\b"
    return _Lexicon(
        head=compile_cached(trie_regex(heads) + r"\b"),
        before=re.compile(before),
        after=re.compile(after),
        heads=heads,
        military=frozenset(raw["military_words"]),
        media=frozenset(raw["media_words"]),
        igo=tuple(raw["igo_prefixes"]),
        stop=frozenset(raw["leading_stop_words"]),
        connectors=frozenset(connectors),
        defined=re.compile(rf"(?:(?:{_WORD}|{joined}){_SP}){{1,12}}\Z"),
    )


def guess_kind(name: str) -> InstitutionKind:
    """The kind of an institution from its name's head noun and telling words."""
    lex = _lexicon()
    words = _SPLIT.split(name)
    if any(name == p or name.startswith(p + " ") for p in lex.igo):
        return InstitutionKind.IGO
    kind = InstitutionKind.OTHER
    for word in words:  # the last head noun wins: "Institute of ... Studies Centre"
        kind = lex.heads.get(word, kind)
    civilian = kind in (InstitutionKind.GOVERNMENT, InstitutionKind.OTHER) and "Ministry" not in words
    if civilian and lex.military.intersection(words[:-1]):
        kind = InstitutionKind.MILITARY
    if kind is InstitutionKind.OTHER and lex.media.intersection(words):
        kind = InstitutionKind.MEDIA
    return kind


def _trim(words: Sequence[str], stop: frozenset[str], connectors: frozenset[str]) -> tuple[int, int]:
    """The [i, j) range of ``words`` left after dropping leading stop words and edge connectors."""
    i, j = 0, len(words)
    # leading stop words, possessives ("China’s People’s Liberation Army") and gerunds ("Joining the ...")
    while i < j and (
        words[i] in stop
        or words[i] in connectors
        or (_POSSESSIVE.search(words[i]) and not (i > 0 and _POSSESSIVE.search(words[i - 1])))
        or (i == 0 and words[i].endswith("ing") and j - i > 2 and words[i + 1][:1].islower())
    ):
        i += 1
    while j > i and words[j - 1] in connectors:
        j -= 1
    return i, j


def _words(raw: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD_RX.finditer(raw)]


def find_shapes(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[Shape]:
    """Institution-shaped names in the spans, sorted and non-overlapping."""
    lex = _lexicon()
    found: list[tuple[int, int]] = []
    for start, end in spans:
        for head in lex.head.finditer(text, start, end):
            h_start, h_end = head.span()
            if h_start and text[h_start - 1].isalnum():
                continue
            pre = lex.before.search(text, max(start, h_start - 160), h_start)
            post = lex.after.match(text, h_end, end)
            if pre is None and post is None:
                continue
            found.append((pre.start() if pre else h_start, post.end() if post else h_end))
    last = -1
    for s_start, s_end in sorted(found, key=lambda f: (f[0], -f[1])):
        if s_start < last:
            continue
        words = _words(text[s_start:s_end])
        i, j = _trim([w for _, _, w in words], lex.stop, lex.connectors)
        kept = [w for _, _, w in words[i:j]]
        if len(kept) < 2 or (kept[0] in lex.heads and len(kept) < 3):
            continue
        last = s_end
        name = " ".join(kept)
        yield Shape(s_start + words[i][0], s_start + words[j - 1][1], name, guess_kind(name))


def find_definitions(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[Definition]:
    """``Full Name (ACRONYM)``: the longest run of name words before the parenthesis
    whose initials spell the acronym's capitals in order, starting with its first."""
    lex = _lexicon()
    for start, end in spans:
        for m in _ACRONYM.finditer(text, start, end):
            acr = m.group("acr")
            caps = [c for c in acr if c.isupper()]
            if len(caps) < 2:
                continue
            base = max(start, m.start() - 160)
            tail = lex.defined.search(text, base, m.start())
            if tail is None:
                continue
            words = _words(tail.group())
            i, j = _trim([w for _, _, w in words], lex.stop, lex.connectors)
            chosen = _initials_start([w for _, _, w in words[i:j]], caps)
            if chosen is None:
                continue
            first = i + chosen
            name = " ".join(w for _, _, w in words[first:j])
            yield Definition(
                tail.start() + words[first][0], tail.start() + words[j - 1][1], name, acr, m.start()
            )


def _initials_start(words: list[str], caps: list[str]) -> int | None:
    """Index of the earliest word from which the capitalised initials cover ``caps`` in order."""
    for i, w in enumerate(words):
        if w[:1] != caps[0]:
            continue
        initials = [x[0] for x in words[i:] if x[:1].isupper()]
        # every capitalised word's initial must be used, in order, by the acronym's capitals
        it = iter(caps)
        if all(any(c == ch for c in it) for ch in initials) and len(initials) >= max(2, len(caps) - 2):
            return i
    return None
