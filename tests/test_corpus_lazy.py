"""Laziness of the Corpus: filter results as bitmap views; Corpus.iter_jsonl reads a line at a time."""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _corpus_builder import sample_articles
from sinoru_corpus.corpus import query as q
from sinoru_corpus.corpus._collection import Corpus, LoadError
from sinoru_corpus.errors import SchemaError, SkippedLineWarning
from sinoru_corpus.io.serialize import to_json
from sinoru_corpus.model import Article

ARTICLES = sample_articles()

# Indexed filters and a predicate, combined below.
_FILTERS: tuple[q.Filter, ...] = (
    q.region("Central Asia"),
    q.region("Russia"),
    q.institution("SCO"),
    q.outlet("inFOCUS"),
    q.where(lambda a: len(a.regions) == 1),
    q.ALL,
    q.NOTHING,
)


def _combined(data: st.DataObject) -> q.Filter:
    f = data.draw(st.sampled_from(_FILTERS))
    for _ in range(data.draw(st.integers(0, 2))):
        g = data.draw(st.sampled_from(_FILTERS))
        f = data.draw(st.sampled_from([f & g, f | g, f & ~g]))
    return f


# ------------------------------------------------------------------ filter results are views


@given(st.data(), st.lists(st.integers(0, len(ARTICLES) - 1), max_size=12))
def test_filter_view_equals_the_eager_selection(data: st.DataObject, picks: list[int]) -> None:
    corpus = Corpus([ARTICLES[i] for i in picks])
    f, g = _combined(data), _combined(data)
    view = corpus.filter(f)
    expected = [a for a in corpus if f.matches(a)]
    assert len(view) == len(expected)
    assert list(view) == expected
    assert view == Corpus(expected)
    # Narrowing a view uses the original corpus's bitmap; it equals filtering the materialised list.
    assert list(view.filter(g)) == [a for a in expected if g.matches(a)]
    assert view.filter(g) == Corpus(expected).filter(g)


def test_len_counts_bits_without_building_the_tuple() -> None:
    view = Corpus(ARTICLES * 3).filter(q.region("Central Asia"))
    assert len(view) == 9  # Kazakhstan, Central Asia and Almaty lie in Central Asia, three times over
    assert view._items is None
    assert repr(view) == "<Corpus: 9 articles, 0 errors>"
    assert view._items is None
    assert view[0] is ARTICLES[0]
    assert view.articles == (ARTICLES[0], ARTICLES[2], ARTICLES[3]) * 3


def test_a_view_keeps_errors_pickles_and_slices_as_a_plain_corpus() -> None:
    errors = (LoadError("x.bin", "binary file"),)
    corpus = Corpus(ARTICLES, errors=errors)
    view = corpus.filter(q.institution("SCO"))
    assert view.errors == errors
    plain = Corpus([ARTICLES[0], ARTICLES[2]], errors=errors)
    assert view == plain
    assert plain == view
    assert pickle.loads(pickle.dumps(view)) == plain
    assert view[1:] == Corpus([ARTICLES[2]], errors=errors)
    assert ARTICLES[2] in view
    assert ARTICLES[1] not in view
    assert view.by_id(ARTICLES[2].id) is ARTICLES[2]
    assert corpus.filter(q.ALL).articles is corpus.articles  # everything matched: the tuple is shared
    assert len(corpus.filter(q.NOTHING)) == 0
    assert list(corpus.filter(q.NOTHING)) == []


def test_a_repeated_query_builds_its_tuple_once_and_few_are_kept() -> None:
    corpus = Corpus(ARTICLES)
    f = q.region("Central Asia")
    first = corpus.filter(f).articles
    assert corpus.filter(q.region("Central Asia")).articles is first
    others = (q.region("Russia"), q.region("Europe"), q.region("Almaty"), q.institution("SCO"))
    for g in others:  # four more distinct results
        assert list(corpus.filter(g)) == [a for a in ARTICLES if g.matches(a)]
    assert len({corpus.filter(g).articles for g in (f, *others)}) == 5
    assert len(corpus._picks) == 4
    again = corpus.filter(f).articles
    assert again == first
    assert again is not first


def test_a_predicate_error_is_raised_by_filter_itself() -> None:
    def broken(article: Article) -> bool:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        Corpus(ARTICLES).filter(broken)


# ------------------------------------------------------------------ Corpus.iter_jsonl


class _Lines:
    """A text stream that counts the lines handed out."""

    name = "recorded.jsonl"

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self.served = 0

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            self.served += 1
            yield line


def _lines(*bad_at: int) -> list[str]:
    """One JSON line per sample article, with ``{not json`` inserted at the 0-based places ``bad_at``."""
    lines = [to_json(a) + "\n" for a in ARTICLES]
    for place in bad_at:
        lines.insert(place, "{not json\n")
    return lines


def test_iter_jsonl_reads_one_line_per_article() -> None:
    stream = _Lines(_lines())
    reader = Corpus.iter_jsonl(stream)  # type: ignore[arg-type]
    assert stream.served == 0
    for count, article in enumerate(reader, 1):
        assert article == ARTICLES[count - 1]
        assert stream.served == count
    assert stream.served == len(ARTICLES)


def test_iter_jsonl_raise_yields_the_lines_before_the_bad_one() -> None:
    stream = _Lines(_lines(2))
    reader = Corpus.iter_jsonl(stream)  # type: ignore[arg-type]
    assert [next(reader), next(reader)] == list(ARTICLES[:2])
    assert stream.served == 2
    with pytest.raises(SchemaError, match=r"^line 3: \$: invalid JSON"):
        next(reader)
    with pytest.raises(SchemaError, match=r"^line 3: "):
        Corpus.from_jsonl(io.StringIO("".join(_lines(2))))


def test_iter_jsonl_skip_reports_what_from_jsonl_keeps(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(_lines(1, 4)), encoding="utf-8")
    skipped: list[LoadError] = []
    reader = Corpus.iter_jsonl(path, errors="skip", skipped=skipped)
    assert next(reader) == ARTICLES[0]
    assert skipped == []  # line 2 not reached yet
    assert next(reader) == ARTICLES[1]
    assert [e.line for e in skipped] == [2]
    rest = list(reader)
    eager = Corpus.from_jsonl(path, errors="skip")
    assert [ARTICLES[0], ARTICLES[1], *rest] == list(eager) == list(ARTICLES)
    assert tuple(skipped) == eager.errors
    assert [(e.path, e.line) for e in skipped] == [(str(path), 2), (str(path), 5)]


def test_iter_jsonl_skip_without_a_list_warns() -> None:
    with pytest.warns(SkippedLineWarning, match="line 2 skipped"):
        assert list(Corpus.iter_jsonl(io.StringIO("".join(_lines(1))), errors="skip")) == list(ARTICLES)


def test_iter_jsonl_opens_a_path_only_when_read(tmp_path: Path) -> None:
    reader = Corpus.iter_jsonl(tmp_path / "missing.jsonl")
    with pytest.raises(FileNotFoundError):
        next(reader)
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip'"):
        Corpus.iter_jsonl(tmp_path / "missing.jsonl", errors="ignore")  # type: ignore[arg-type]
