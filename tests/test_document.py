"""The per-page document: shared sentences and sentence facts give what each stage computed alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus import document, parse_article
from sinoru_corpus.document import current_document, open_document, page_words
from sinoru_corpus.frames import claim_frames
from sinoru_corpus.gazetteer._matcher import context_test
from sinoru_corpus.sentences import split_sentences

_PROSE = (
    "Officials in Moscow said the partnership is not an alliance. Dr. Lee disagreed (see p. 4). "
    "Some call it a marriage of convenience; others speak of a new cold war!\n\n"
    "The so-called axis of upheaval is a narrative, writes one analyst. Is it real?"
)

_PIECES = [*"abcXYZ .!?\n()'\"-_,;:1\u00e9", "Moscow", "axis of upheaval", "Dr.", "U.S."]
_texts = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


def _spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


@given(_texts)
def test_sentences_in_a_document_are_those_split_alone(text: str) -> None:
    spans = _spans(text)
    alone = split_sentences(text, spans)
    with open_document(text) as doc:
        first = split_sentences(text, spans)
        again = split_sentences(text, spans)
        assert doc.text is text
    assert first == alone == again


@given(_texts)
def test_frames_in_a_document_are_those_found_alone(text: str) -> None:
    sentences = split_sentences(text, _spans(text))
    alone = [claim_frames(text, s, e) for s, e in sentences]
    with open_document(text):
        shared = [claim_frames(text, s, e) for s, e in sentences]
        assert shared == [claim_frames(text, s, e) for s, e in sentences]
    assert shared == alone


def test_a_paragraph_is_split_once_per_document() -> None:
    text = _PROSE
    with open_document(text):
        first = split_sentences(text, [(0, len(text))])
        assert split_sentences(text, [(0, len(text))]) == first
        doc = current_document(text)
        assert doc is not None
        calls: list[tuple[int, int]] = []
        assert doc.sentences(0, len(text), lambda s, e: calls.append((s, e)) or ()) == first
        assert calls == []  # answered from the memo, not split again


def test_the_document_belongs_to_one_string_and_one_block() -> None:
    text = _PROSE
    other = "".join(list(text))  # equal, but another object: not this document's text
    assert other == text
    assert other is not text
    with open_document(text) as doc:
        assert current_document(text) is doc
        assert current_document(other) is None
    assert current_document(text) is None


@pytest.mark.parametrize("chunk", [1, 3, 7, 1 << 18])
@given(text=_texts)
def test_page_words_are_the_maximal_runs_of_letters_and_digits(chunk: int, text: str) -> None:
    saved = document._CHUNK
    document._CHUNK = chunk
    try:
        assert page_words(text) == frozenset(re.findall(r"[^\W_]+", text))
    finally:
        document._CHUNK = saved


@given(
    _texts,
    st.sampled_from(
        ["Moscow", "abc", "X", "é", "1", "U.S.", "op-ed", "c_a", "axis of upheaval", "-", "Dr", "b c"]
    ),
)
def test_context_words_are_found_as_a_whole_word_search_finds_them(text: str, word: str) -> None:
    expected = re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text) is not None
    assert context_test(text)(word) is expected
    with open_document(text):
        assert context_test(text)(word) is expected


def test_parse_leaves_no_document_open() -> None:
    text = "Russia and China\n\nBy Jane Doe\n\n" + _PROSE
    article = parse_article(text)
    assert article.text == text
    assert current_document(article.text) is None
