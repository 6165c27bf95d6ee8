"""Lazy page parsing, and a streaming Parquet export built on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_corpus.corpus import Corpus, load_corpus
from sinoru_corpus.loader import LoadError
from sinoru_corpus.stream import LoadWarning, iter_corpus

PAGE = """Border trade in the steppe
By Ana Petrova

Kazakhstan and Russia agreed on a new customs regime for the border, officials said on Monday.
"""


def _pages(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"page{i}.txt"
        path.write_text(PAGE.replace("Monday", f"day {i}"), encoding="utf-8")
        paths.append(path)
    return paths


def test_yields_what_load_corpus_loads(tmp_path: Path) -> None:
    _pages(tmp_path, 3)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    errors: list[LoadError] = []
    streamed = list(iter_corpus(tmp_path, errors=errors))
    loaded = load_corpus(tmp_path)
    assert streamed == list(loaded)
    assert errors == list(loaded.errors)
    assert [e.path for e in errors] == [str(tmp_path / "bad.txt")]


def test_pages_are_read_only_when_asked_for(tmp_path: Path) -> None:
    first, second = _pages(tmp_path, 2)
    stream = iter_corpus(tmp_path)
    assert next(stream).source == first.name  # relative to the folder given, as load_corpus names it
    second.unlink()  # listed already, not read yet: reported when the stream reaches it
    with pytest.warns(LoadWarning, match="page1.txt"):
        assert list(stream) == []


def test_missing_path_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        next(iter_corpus("/nonexistent/pages"))


def test_streaming_parquet_export(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (extra [arrow])")
    from sinoru_corpus.arrow import read_parquet, to_parquet

    (tmp_path / "pages").mkdir()
    _pages(tmp_path / "pages", 5)
    to_parquet(iter_corpus(tmp_path / "pages"), tmp_path / "out", batch_size=2)
    back = read_parquet(tmp_path / "out")
    assert back == Corpus(load_corpus(tmp_path / "pages").articles)
    assert len(back) == 5
