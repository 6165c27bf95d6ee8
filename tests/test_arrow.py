"""Arrow tables and the Parquet round trip (skipped without pyarrow)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_corpus.corpus._collection import Corpus
from sinoru_corpus.io.strategies import articles
from sinoru_corpus.model import Article
from sinoru_corpus.seeds import load_seeds

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (extra [arrow])")

pq = pytest.importorskip("pyarrow.parquet")

from sinoru_corpus.corpus.arrow import TABLES, read_parquet, to_arrow, to_parquet  # noqa: E402


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_seeds()


def test_tables_are_keyed_by_article(seeds: Corpus) -> None:
    tables = seeds.to_arrow()
    assert tuple(tables) == TABLES
    assert tables["articles"].num_rows == len(seeds)
    assert tables["articles"].column("id").to_pylist() == [a.id for a in seeds]
    for name in ("mentions", "claims", "citations", "authors"):
        table = tables[name]
        assert table.num_rows == sum(len(getattr(a, name)) for a in seeds), name
        ids = table.column("article_id").to_pylist()
        for index, article in enumerate(seeds):
            assert ids.count(article.id) == len(getattr(article, name))
            assert table.column("article_index").to_pylist().count(index) == len(getattr(article, name))
    mentions = tables["mentions"]
    assert mentions.schema.field("start").type == pa.int64()
    assert mentions.column("surface").to_pylist()[0] == seeds[0].mentions[0].surface


def test_parquet_round_trip_of_the_seeds(seeds: Corpus, tmp_path: Path) -> None:
    paths = seeds.to_parquet(tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(f"{t}.parquet" for t in TABLES)
    back = Corpus.read_parquet(tmp_path / "out")
    assert back == seeds
    assert list(back.articles) == list(seeds.articles)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), max_size=4))
def test_parquet_round_trip_gives_equal_articles(drawn: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Corpus(drawn).to_parquet(folder)
        assert list(read_parquet(folder)) == drawn


def test_empty_corpus_round_trips_with_the_same_schema(seeds: Corpus, tmp_path: Path) -> None:
    Corpus().to_parquet(tmp_path)
    assert read_parquet(tmp_path) == Corpus()
    empty, full = to_arrow([]), seeds.to_arrow()
    for name in TABLES:
        assert empty[name].num_rows == 0
        assert empty[name].schema.equals(full[name].schema), name


def test_parquet_streams_an_iterator_in_batches(seeds: Corpus, tmp_path: Path) -> None:
    consumed: list[str] = []

    def stream() -> Iterator[Article]:
        for article in seeds:
            consumed.append(article.id)
            yield article

    to_parquet(stream(), tmp_path, batch_size=2)
    assert consumed == [a.id for a in seeds]
    assert read_parquet(tmp_path) == seeds
    assert pq.ParquetFile(tmp_path / "articles.parquet").metadata.num_row_groups == 3
    with pytest.raises(ValueError, match="batch_size"):
        to_parquet(seeds, tmp_path, batch_size=0)


def test_missing_table_is_named(seeds: Corpus, tmp_path: Path) -> None:
    seeds.to_parquet(tmp_path)
    (tmp_path / "claims.parquet").unlink()
    with pytest.raises(FileNotFoundError, match=r"claims\.parquet"):
        read_parquet(tmp_path)


def test_import_does_not_load_pyarrow() -> None:
    code = "import sys, sinoru_corpus, sinoru_corpus.corpus.arrow; print('pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"sinoru-corpus\[arrow\]"):
        to_arrow([])


def test_duckdb_query_from_the_docs(seeds: Corpus, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    seeds.to_parquet(tmp_path)
    rows = duckdb.sql(
        f"""
        SELECT a.source, count(*) AS mentions
        FROM '{tmp_path}/articles.parquet' AS a
        JOIN '{tmp_path}/mentions.parquet' AS m USING (article_index)
        GROUP BY a.source ORDER BY a.source
        """
    ).fetchall()
    assert rows == sorted((a.source, len(a.mentions)) for a in seeds if a.mentions)
