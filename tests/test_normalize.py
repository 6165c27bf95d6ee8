"""Normalisation: BOM, newlines, NFC, surrogates, bounded combining runs."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.model import WarningCode
from sinoru_corpus.text._normalize import MAX_NON_STARTERS, normalize_text


def test_bom_and_newlines() -> None:
    result = normalize_text("\ufeffTitle\r\nBody one\rBody two\n")
    assert result.text == "Title\nBody one\nBody two\n"
    assert result.warnings == ()


def test_only_a_leading_bom_is_dropped() -> None:
    assert normalize_text("a\ufeffb").text == "a\ufeffb"


def test_nfc_composes() -> None:
    assert normalize_text("Cafe\u0301").text == "Caf\u00e9"


def test_no_break_spaces_are_kept() -> None:
    # The seeds' Russian typesetting uses U+00A0; NFC keeps it, and so must we.
    assert normalize_text("in\u00a0London").text == "in\u00a0London"


def test_lone_surrogate_replaced_with_warning() -> None:
    result = normalize_text("ab\ud800c")
    assert result.text == "ab\ufffdc"
    assert [w.code for w in result.warnings] == [WarningCode.TEXT_ALTERED]
    assert "surrogate" in result.warnings[0].message


def test_long_combining_run_is_bounded_and_reported() -> None:
    marks = "\u0301\u0316" * 40  # 80 non-starters of mixed classes
    result = normalize_text("a" + marks)
    assert [w.code for w in result.warnings] == [WarningCode.TEXT_ALTERED]
    assert "U+034F" in result.warnings[0].message
    run = 0
    for ch in result.text:
        run = run + 1 if unicodedata.combining(ch) else 0
        assert run <= MAX_NON_STARTERS
    assert unicodedata.is_normalized("NFC", result.text)


def test_short_combining_runs_untouched() -> None:
    text = "e\u0301\u0316 and more"
    result = normalize_text(text)
    assert result.warnings == ()
    assert result.text == unicodedata.normalize("NFC", text)


@given(st.text())
def test_output_is_nfc_without_cr_and_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert "\r" not in once.text
    assert unicodedata.is_normalized("NFC", once.text)
    assert normalize_text(once.text).text == once.text


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Mn", "Mc", "Me")), max_size=200))
def test_no_warning_without_alteration(text: str) -> None:
    # Ordinary text (no surrogates, no combining runs past the limit) is never reported as altered.
    assert normalize_text(text).warnings == ()
