"""The per-line memo and the phrase trie of the page stage, on texts written for the test."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus._line_facts import MAX_KEY, SIZE, any_phrase, per_line
from sinoru_corpus.dates._grammar import find_dates, find_years
from sinoru_corpus.page import _edges as page_edges
from sinoru_corpus.page._cues import layout_cues


def test_per_line_computes_a_short_line_once() -> None:
    calls: list[str] = []

    @per_line
    def shout(s: str) -> str:
        calls.append(s)
        return s.upper()

    assert shout("by jane roe") == "BY JANE ROE"
    assert shout("by jane roe") == "BY JANE ROE"
    assert calls == ["by jane roe"]
    assert shout.__name__ == "shout"


def test_per_line_does_not_hold_long_lines() -> None:
    calls: list[int] = []

    @per_line
    def size(s: str) -> int:
        calls.append(len(s))
        return len(s)

    long = "word " * (MAX_KEY // 5 + 1)
    assert size(long) == size(long) == len(long)
    assert calls == [len(long), len(long)]


_PHRASES = ["we use cookies", "use cookies", "cookie policy", "minute read", "(pdf)", "a", "ab"]


@given(st.text(alphabet="abcdeiklopruswy ()", max_size=40))
def test_any_phrase_finds_what_the_alternation_finds(s: str) -> None:
    plain = re.compile("|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True)))
    assert (any_phrase(_PHRASES).search(s) is None) == (plain.search(s) is None)


def test_any_phrase_of_nothing_finds_nothing() -> None:
    assert any_phrase([]).search("anything at all") is None


def _heading_reference(s: str, heads: frozenset[str]) -> bool:
    # the straightforward reading: the whole line, or a heading and a space opening it
    if len(s) > 80 or len(s.split()) > 6:
        return False
    bare = s.casefold().rstrip(" :.")
    counted = bare.lstrip("0123456789 ")
    if counted != bare:
        return counted in heads or any(counted.startswith(h + " ") for h in heads if " " in h)
    return bare in heads or any(bare.startswith(h + " ") for h in heads if h[:1] == bare[:1])


_HEADS = frozenset({"comments", "leave a reply", "related", "more on this story", "read more"})


@given(
    st.lists(
        st.sampled_from(
            ["Comments", "comments", "Leave", "a", "reply", "Related", "more", "on", "this", "story"]
        )
        | st.sampled_from(["Read", "27", "2", ":", ".", "x"]),
        max_size=7,
    ).map(" ".join)
)
def test_heading_lookup_matches_the_reference(s: str) -> None:
    assert page_edges._heading_in(s, _HEADS) == _heading_reference(s, _HEADS)


def test_curated_headings_open_lines() -> None:
    cues = layout_cues()
    for head in sorted(cues.tail_headings | cues.closing_headings):
        line = f"{head.capitalize()} from our desk"
        assert page_edges._heading_in(line, cues.tail_headings | cues.closing_headings) == _heading_reference(
            line, cues.tail_headings | cues.closing_headings
        )


@given(st.text(alphabet="Jan 0123456789,-./ May", max_size=60))
def test_remembered_dates_equal_a_fresh_scan(s: str) -> None:
    fresh = list(find_dates(s, 0, len(s)))
    assert list(find_dates(s)) == fresh
    assert list(find_dates(s)) == fresh  # the second reading comes from the memo
    assert list(find_years(s)) == list(find_years(s, 0, len(s)))


def test_per_line_memo_stays_bounded() -> None:
    @per_line
    def size(s: str) -> int:
        return len(s)

    for i in range(SIZE + 10):
        assert size(f"line {i}") == len(f"line {i}")
    assert 0 < len(size) <= SIZE  # type: ignore[arg-type]  # the memo itself is a dict
    assert size.__name__ == "size"
    assert size.__wrapped__ is not None  # type: ignore[attr-defined]


def test_a_parse_leaves_no_line_memo_behind() -> None:
    from sinoru_corpus import _line_facts, parse_article

    calls: list[str] = []

    @per_line
    def shout(line: str) -> str:
        calls.append(line)
        return line.upper()

    assert shout("a line") == "A LINE"
    assert shout("a line") == "A LINE"
    assert calls == ["a line"]
    parse_article("A title\n\nRussia and China signed a deal, officials said on Monday.\n")
    assert all(len(memo) == 0 for memo in _line_facts._MEMOS)  # every memo is empty after a page
    assert shout("a line") == "A LINE"
    assert calls == ["a line", "a line"]  # computed again, not held


def test_a_parse_leaves_no_headline_answer_behind() -> None:
    from sinoru_corpus import parse_article
    from sinoru_corpus.page import _layout

    parse_article("A Title For The Page\n\nRussia and China signed a deal, officials said on Monday.\n")
    assert _layout._headline.cache_info().currsize == 0  # cleared with the line memos
    assert _layout.is_headline("A Title For The Page") is True  # still answers
