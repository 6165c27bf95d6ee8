"""The page stage's cheap prefilters answer exactly what the full tests answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.page._bylines import parse_byline
from sinoru_corpus.page._cues import layout_cues
from sinoru_corpus.page._layout import _nwords, _share_widget


def _share_widget_reference(s: str) -> bool:
    cues = layout_cues()
    words = [w.strip("|·•,:()").casefold() for w in s.split()]
    words = [w for w in words if w]
    if not words:
        return True
    return all(w in cues.navigation_words or w in cues.navigation_joiners for w in words) and any(
        w in cues.navigation_words for w in words
    )


def _vocabulary() -> list[str]:
    cues = layout_cues()
    words = sorted(cues.navigation_words)[:12] + sorted(cues.navigation_joiners)[:6]
    return [*words, "|", "•", "Report", "()"]


@given(st.lists(st.sampled_from(_vocabulary()), max_size=8), st.booleans())
def test_share_widget_matches_its_definition(words: list[str], upper: bool) -> None:
    line = " ".join(w.title() if upper else w for w in words)
    assert _share_widget(line) == _share_widget_reference(line)


def test_share_widget_examples() -> None:
    name = sorted(layout_cues().navigation_words)[0]
    assert _share_widget(f"{name.title()} | {name}")
    assert not _share_widget(f"{name} quarterly report")
    assert _share_widget(" | • ")


@given(st.text(alphabet=st.sampled_from("ab \u00a0\t\n"), max_size=80))
def test_word_count_is_the_split_length(s: str) -> None:
    assert _nwords(s) == len(s.split())
    assert _nwords(s, 3) == min(len(s.split()), 4)


def test_a_byline_without_capitals_is_not_read() -> None:
    assert parse_byline("by jane roe and john doe") == ()
    assert [n.name for n in parse_byline("By Jane Roe and John Doe")] == ["Jane Roe", "John Doe"]
