"""Sentence segmentation: offsets, abbreviations, quotes, citations, lists."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.text._sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, [(0, len(text))])]


def test_plain_sentences() -> None:
    assert _split("Russia is large. China is larger! Is it? Yes.") == [
        "Russia is large.",
        "China is larger!",
        "Is it?",
        "Yes.",
    ]


def test_initials_are_not_boundaries() -> None:
    assert _split("Pavel K. Baev wrote it. Then he left.") == ["Pavel K. Baev wrote it.", "Then he left."]


def test_dotted_abbreviations() -> None:
    text = (
        "The U.S. Navy sailed. Stephen Blank, Ph.D. is a fellow. "
        "Dr. Lo and St. Petersburg agree, e.g. on trade."
    )
    assert _split(text) == [
        "The U.S. Navy sailed.",
        "Stephen Blank, Ph.D. is a fellow.",
        "Dr. Lo and St. Petersburg agree, e.g. on trade.",
    ]


def test_dotted_abbreviation_ends_a_sentence_before_a_starter() -> None:
    assert _split("It was aimed at the U.S. The next test came later.") == [
        "It was aimed at the U.S.",
        "The next test came later.",
    ]


def test_quotes_spanning_sentence_ends() -> None:
    text = "He said, “Ties are strong. They will grow.” Then he left."
    assert _split(text) == ["He said, “Ties are strong.", "They will grow.”", "Then he left."]


def test_parenthetical_citation_stays_in_its_sentence() -> None:
    text = "Trade grew (TASS, August 24, 2020). Talks began (Lenta.ru, Feb. 20; Izvestiya, May 5)."
    assert _split(text) == [
        "Trade grew (TASS, August 24, 2020).",
        "Talks began (Lenta.ru, Feb. 20; Izvestiya, May 5).",
    ]


def test_bracketed_insertion_is_not_split() -> None:
    text = "They fear “revolutions” [Ed. Movements in former Soviet states. See below.] and terror. Next."
    assert _split(text) == [
        "They fear “revolutions” [Ed. Movements in former Soviet states. See below.] and terror.",
        "Next.",
    ]


def test_ellipsis_glued_to_a_capital_is_one_sentence() -> None:
    text = "“We discussed the region…We also expressed concern.” He added more."
    assert _split(text) == ["“We discussed the region…We also expressed concern.”", "He added more."]


def test_numbered_list_and_footnote_markers() -> None:
    assert _split("1. Russia joined. 2. China followed.") == ["1. Russia joined.", "2. China followed."]
    assert _split("The deal was signed.12 Later it lapsed.[3] Then nothing.") == [
        "The deal was signed.12",
        "Later it lapsed.[3]",
        "Then nothing.",
    ]


def test_trailing_whitespace_and_nbsp_are_excluded() -> None:
    text = "  First one.\u00a0 Second one.\u00a0 "
    spans = split_sentences(text, [(0, len(text))])
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_spans_respect_paragraphs() -> None:
    text = "One. Two\nThree. Four."
    assert split_sentences(text, [(0, 8), (9, len(text))]) == ((0, 4), (5, 8), (9, 15), (16, 21))


def test_lowercase_after_period_is_not_a_boundary() -> None:
    assert _split("It rose 5.5 percent. Approx. ten states joined.") == [
        "It rose 5.5 percent.",
        "Approx. ten states joined.",
    ]


@given(st.text(max_size=300))
def test_never_raises_and_spans_are_clean(text: str) -> None:
    spans = split_sentences(text, [(0, len(text))])
    assert spans == split_sentences(text, [(0, len(text))])
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace()
        assert not text[e - 1].isspace()
        last = e


@given(st.text(max_size=120), st.lists(st.tuples(st.integers(-5, 130), st.integers(-5, 130)), max_size=4))
def test_any_spans_never_raise(text: str, spans: list[tuple[int, int]]) -> None:
    for s, e in split_sentences(text, spans):
        assert 0 <= s < e <= len(text)
