"""The Dask path on a local cluster of two worker processes (small data)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="dask is not installed (extra [dask])")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (extra [dask])")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (extra [arrow])")

from sinoru_corpus.corpus import dask as sd  # noqa: E402
from sinoru_corpus.corpus._collection import load_corpus  # noqa: E402

PAGE = """Pipelines across the steppe
By Lena Orlova

Kazakhstan and China signed a pipeline deal on Tuesday, and Russia said it would join the SCO talks.
"""


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pages" / "more").mkdir(parents=True)
    for i in range(5):
        where = tmp_path / "pages" / ("more" if i % 2 else "")
        (where / f"page{i}.txt").write_text(PAGE.replace("Tuesday", f"day {i}"), encoding="utf-8")
    (tmp_path / "pages" / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    return tmp_path / "pages"


def test_the_cluster_parses_what_load_corpus_loads(client: Any, folder: Path) -> None:
    parsed = sd.parse(sd.pages(folder, npartitions=3))
    expected = load_corpus(folder)
    assert sd.articles(parsed).compute() == list(expected)
    assert sd.errors(parsed).compute() == list(expected.errors)
    lines = sd.jsonl(parsed).compute()
    assert lines == _jsonl(expected)
    # the work ran in the two worker processes, not here
    assert len(client.scheduler_info()["workers"]) == 2


def _jsonl(corpus: Any) -> list[str]:
    from sinoru_corpus.io.serialize import to_json

    return [to_json(article) for article in corpus]


def test_parquet_written_by_the_workers_reads_back_equal(client: Any, folder: Path, tmp_path: Path) -> None:
    parsed = sd.parse(sd.pages(folder, npartitions=2))
    folders, failed = sd.to_parquet(parsed, tmp_path / "out")
    assert [f.name for f in folders] == ["part-00000", "part-00001"]
    expected = load_corpus(folder)
    assert list(failed) == list(expected.errors)
    assert list(sd.read_parquet(tmp_path / "out")) == list(expected)


def test_a_bag_of_plain_paths_names_each_page_by_its_file_name(client: Any, folder: Path) -> None:
    import dask.bag as db

    paths = [str(folder / "page0.txt"), str(folder / "more" / "page1.txt")]
    got = sd.articles(sd.parse(db.from_sequence(paths, npartitions=2))).compute()
    assert [a.source for a in got] == ["page0.txt", "page1.txt"]
