"""Lazy page parsing, and a streaming Parquet export built on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sinoru_corpus.corpus._collection import Corpus, load_corpus
from sinoru_corpus.corpus._loader import LoadError
from sinoru_corpus.corpus.stream import LoadWarning, iter_corpus
from sinoru_corpus.io.serialize import to_json
from sinoru_corpus.model import Article

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
    from sinoru_corpus.corpus.arrow import read_parquet, to_parquet

    (tmp_path / "pages").mkdir()
    _pages(tmp_path / "pages", 5)
    to_parquet(iter_corpus(tmp_path / "pages"), tmp_path / "out", batch_size=2)
    back = read_parquet(tmp_path / "out")
    assert back == Corpus(load_corpus(tmp_path / "pages").articles)
    assert len(back) == 5


def test_nested_pages_are_named_as_load_corpus_names_them(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    _pages(tmp_path / "a" / "b", 2)
    streamed = list(iter_corpus(tmp_path))
    assert [a.source for a in streamed] == ["a/b/page0.txt", "a/b/page1.txt"]
    assert streamed == list(load_corpus(tmp_path))


def test_cli_export_streams_one_page_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page is written before the next one is read: a page is parsed only when asked for."""
    import io

    from sinoru_corpus.cli import _command as cli
    from sinoru_corpus.corpus import stream

    _pages(tmp_path, 3)
    events: list[str] = []
    real_read_one = stream.read_one

    def read_one(path: str, source: str | None = None) -> object:
        events.append(f"read {Path(path).name}")
        return real_read_one(path, source)

    class Sink(io.StringIO):
        def write(self, text: str) -> int:
            events.append("write")
            return super().write(text)

    monkeypatch.setattr(stream, "read_one", read_one)
    args = cli._parser().parse_args(["export", str(tmp_path), "-q"])
    errors: list[LoadError] = []
    sink = Sink()
    assert cli._export_lines(cli._stream(args, errors), sink) == 3
    assert events == ["read page0.txt", "write", "read page1.txt", "write", "read page2.txt", "write"]
    assert sink.getvalue().splitlines() == [to_json(a) for a in load_corpus(tmp_path)]
    assert errors == []


def test_cli_export_of_a_generator_consumes_it_one_item_at_a_time() -> None:
    import io

    from sinoru_corpus.cli import _command as cli

    taken: list[int] = []
    sink = io.StringIO()

    def articles() -> Iterator[Article]:
        for i in range(3):
            taken.append(i)
            # when item i is taken, every item before it is already written
            assert sink.getvalue().count("\n") == i
            yield Article(text=f"page {i}", source=f"p{i}.txt")

    assert cli._export_lines(articles(), sink) == 3
    assert taken == [0, 1, 2]
