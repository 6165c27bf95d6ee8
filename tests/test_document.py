"""The per-page document: shared sentences and sentence facts give what each stage computed alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus import parse_article
from sinoru_corpus.claims._frames import claim_frames
from sinoru_corpus.entities.gazetteer._matcher import context_test
from sinoru_corpus.text._document import current_document, open_document
from sinoru_corpus.text._sentences import split_sentences

_PROSE = (
    "Officials in Moscow said the partnership is not an alliance. Dr. Lee disagreed (see p. 4). "
    "Some call it a marriage of convenience; others speak of a new cold war!\n\n"
    "The so-called axis of upheaval is a narrative, writes one analyst. Is it real?"
)

_PIECES = [*"abcXYZ .!?\n()'\"-_,;:1\u00e9\u00b2\u00bd\u0663", "Moscow", "axis of upheaval", "Dr.", "U.S."]
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


def test_a_released_document_computes_again_the_same_answers() -> None:
    text = _PROSE
    with open_document(text) as doc:
        before = split_sentences(text, [(0, len(text))])
        frames = [claim_frames(text, s, e) for s, e in before]
        doc.release()
        calls: list[tuple[int, int]] = []

        def split(s: int, e: int) -> tuple[tuple[int, int], ...]:
            calls.append((s, e))
            return before

        assert doc.sentences(0, len(text), split) == before
        assert calls == [(0, len(text))]  # the memo was dropped: split again
        assert [claim_frames(text, s, e) for s, e in before] == frames
        assert any(frames)  # the prose names readings, so the comparison says something


def test_the_document_belongs_to_one_string_and_one_block() -> None:
    text = _PROSE
    other = "".join(list(text))  # equal, but another object: not this document's text
    assert other == text
    assert other is not text
    with open_document(text) as doc:
        assert current_document(text) is doc
        assert current_document(other) is None
    assert current_document(text) is None


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


@pytest.mark.parametrize("inner", [0, 1, 64, 65, 200])
@pytest.mark.parametrize("tail", ["", " abc", " xabc", " abc_"])
def test_a_word_hidden_in_many_longer_words_is_still_found_as_a_search_finds_it(
    inner: int, tail: str
) -> None:
    text = "xabcx " * inner + tail
    expected = re.search(r"(?<![^\W_])abc(?![^\W_])", text) is not None
    assert context_test(text)("abc") is expected


def test_parse_leaves_no_document_open() -> None:
    text = "Russia and China\n\nBy Jane Doe\n\n" + _PROSE
    article = parse_article(text)
    assert article.text == text
    assert current_document(article.text) is None
