"""Person names the gazetteer does not know: shapes of names and their short forms.

Three shapes make a person (from ``data/names.json``):

* a title and a name: "Foreign Minister Sergei Lavrov", "Comrade Chang Wanquan",
  "President Biden" (the role is the title with up to two capitalised words
  before it: "US Deputy Secretary of State");
* a known given name and a surname: "Henry Kissinger", "Pavel K. Baev";
* a Chinese surname and a given name that spells as pinyin: "Wang Yi".

A person's short form ("Kissinger", "Wang") is what a later sentence calls them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .._data import load_json
from .._pattern_cache import compile_cached
from .gazetteer._matcher import trie_regex

__all__ = ["NameSpan", "find_names", "short_form"]

_SP = r"[ \u00a0]+"
_LOWER = "a-z\u00df-\u00ff\u0100-\u017f"
# "Baev", "O’Brien", "Ying-jeou"; never a possessive ("Xi’s" is the name "Xi")
_CAP = rf"[A-Z\u00c0-\u00de][{_LOWER}]+(?:['’][A-Z][{_LOWER}]+)?(?:-[A-Z]?[{_LOWER}]+)?"
_INITIAL = r"[A-Z]\."
_NAME_WORD = re.compile(r"[^ \u00a0]+")
_ROLE_WORD = re.compile(r"([A-Z][\w.\-]*)[ \u00a0]+$")
_SPLIT = re.compile(_SP)
_INITIAL_RX = re.compile(_INITIAL)


@attrs.frozen
class NameSpan:
    """A person's name at ``start:end``; ``role`` is the printed title, if any."""

    start: int
    end: int
    name: str
    role: str | None
    surname_first: bool = False


@attrs.frozen
class _Lexicon:
    title: re.Pattern[str]
    given: re.Pattern[str]
    chinese: re.Pattern[str]
    pinyin: re.Pattern[str]
    stop: frozenset[str]


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = load_json("names.json")
    # Character tries, no leading lookbehind: the engine skips to capitals fast and
    # ``find_names`` drops the rare match that starts inside a word.
    name = rf"{_CAP}(?:{_SP}{_INITIAL})?(?:{_SP}{_CAP}){{0,2}}"
    title = compile_cached(rf"(?P<title>{trie_regex(raw['titles'])}){_SP}(?P<name>{name})(?![^\W_])")
    given = compile_cached(
        rf"(?P<name>{trie_regex(raw['given_names'])}(?:{_SP}{_INITIAL})?{_SP}{_CAP})(?![^\W_])"
    )
    surnames = trie_regex(raw["chinese_surnames"])
    chinese = re.compile(rf"(?P<name>{surnames}{_SP}[A-Z][a-z]{{1,11}}(?:-[a-z]{{1,6}})?)(?![^\W_])")
    syllable = rf"(?:{_alternation(raw['pinyin_initials'])})?(?:{_alternation(raw['pinyin_finals'])})"
    pinyin = compile_cached(rf"(?:{syllable}){{1,3}}")
    return _Lexicon(title, given, chinese, pinyin, frozenset(raw["stop_words"]))


def _words(name: str) -> list[str]:
    return _SPLIT.split(name)


def _role_prefix(text: str, start: int, floor: int, stop: frozenset[str]) -> int:
    """Extend a title left over up to two capitalised words ("US", "Chinese")."""
    pos = start
    for _ in range(2):
        m = _ROLE_WORD.search(text[max(floor, pos - 40) : pos])
        if m is None or m.group(1) in stop:
            break
        pos -= len(m.group(0))
    return pos


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _titled(text: str, start: int, end: int, lex: _Lexicon) -> Iterator[NameSpan]:
    for m in lex.title.finditer(text, start, end):
        if not _word_start(text, m.start()):
            continue
        base = m.start("name")
        words = [(w.end(), w.group()) for w in _NAME_WORD.finditer(m.group("name"))]
        while words and words[-1][1] in lex.stop:
            words.pop()
        if not words or words[0][1] in lex.stop:
            continue
        parts = [w for _, w in words]
        name = " ".join(parts)
        role_start = _role_prefix(text, m.start("title"), start, lex.stop)
        role = " ".join(_words(text[role_start : m.end("title")]))
        chinese = bool(lex.chinese.fullmatch(name)) and _is_pinyin(parts[-1], lex)
        yield NameSpan(base, base + words[-1][0], name, role, surname_first=chinese and len(parts) > 1)


def _is_pinyin(word: str, lex: _Lexicon) -> bool:
    return lex.pinyin.fullmatch(word.lower().replace("-", "")) is not None


def find_names(text: str, spans: Sequence[tuple[int, int]]) -> tuple[NameSpan, ...]:
    """Person-name candidates in the spans: sorted, non-overlapping, titled ones first on ties."""
    lex = _lexicon()
    found: list[tuple[int, int, int, NameSpan]] = []
    for start, end in spans:
        for ns in _titled(text, start, end, lex):
            found.append((ns.start, 0, -ns.end, ns))
        for m in lex.given.finditer(text, start, end):
            if not _word_start(text, m.start()):
                continue
            words = _words(m.group("name"))
            if words[-1] in lex.stop:
                continue
            found.append((m.start(), 1, -m.end(), NameSpan(m.start(), m.end(), " ".join(words), None)))
        for m in lex.chinese.finditer(text, start, end):
            if not _word_start(text, m.start()):
                continue
            words = _words(m.group("name"))
            if _is_pinyin(words[1], lex) and words[1] not in lex.stop:
                ns = NameSpan(m.start(), m.end(), " ".join(words), None, surname_first=True)
                found.append((m.start(), 2, -m.end(), ns))
    found.sort(key=lambda t: (t[0], t[2], t[1]))
    out: list[NameSpan] = []
    for _, _, _, ns in found:
        if out and ns.start < out[-1].end:
            continue
        out.append(ns)
    return tuple(out)


def short_form(name: str, *, surname_first: bool = False) -> str | None:
    """The word a later sentence uses for the person: the surname, or None for a one-word name."""
    words = [w for w in _words(name) if not _INITIAL_RX.fullmatch(w)]
    if len(words) < 2:
        return None
    return words[0] if surname_first else words[-1]
