"""Parsing on a Dask cluster: a bag of page paths to Articles, JSONL and Parquet (extra ``[dask]``).

>>> import dask.bag as db                                    # doctest: +SKIP
>>> from sinoru_corpus import dask as sd                     # doctest: +SKIP
>>> parsed = sd.parse(sd.pages("pages/", npartitions=8))     # doctest: +SKIP
>>> paths, errors = sd.to_parquet(parsed, "out/")            # doctest: +SKIP

:func:`pages` lists the files on the client (names only) as a bag of
``(path, source)`` pairs, the sources named as
:func:`~sinoru_corpus.corpus._collection.load_corpus` names them; a bag of plain path
strings works too. :func:`parse` reads and parses each page on the workers;
each element of the result is ``(json_text, error)``: the Article in its
compact JSON form (which travels between processes more cheaply than a
pickled object tree) or ``None``, and a :class:`~sinoru_corpus.corpus._loader.LoadError`
or ``None``. :func:`articles`, :func:`errors`, :func:`jsonl` and
:func:`to_parquet` take that bag. The workers must see the paths (a shared
file system) and have ``sinoru-corpus`` installed.

dask is imported only when one of these functions runs.
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..text.reader import MAX_BYTES
from ._loader import LoadError, PathArg, collect_files, read_one

if TYPE_CHECKING:
    from ._collection import Corpus

__all__ = ["articles", "errors", "jsonl", "pages", "parse", "read_parquet", "to_parquet"]

Parsed = tuple[str | None, LoadError | None]


def _bag() -> Any:
    try:
        return importlib.import_module("dask.bag")
    except ImportError:
        raise ImportError("Dask support needs dask: pip install 'sinoru-corpus[dask]'") from None


def pages(paths: PathArg | Iterable[PathArg], pattern: str = "*.txt", *, npartitions: int = 8) -> Any:
    """A ``dask.bag.Bag`` of ``(path, source)`` for the files :func:`load_corpus` would read.

    The listing happens here, on the client; a folder that cannot be listed is
    reported as a :class:`~sinoru_corpus.corpus.stream.LoadWarning`.
    """
    from .stream import LoadWarning

    db = _bag()
    found, unlisted = collect_files(paths, pattern)
    for error in unlisted:
        warnings.warn(str(error), LoadWarning, stacklevel=2)
    return db.from_sequence(found, npartitions=max(1, min(npartitions, len(found) or 1)))


def _parse_one(item: str | os.PathLike[str] | tuple[str, str]) -> Parsed:
    from ..io.serialize import to_json

    if isinstance(item, tuple):
        path, source = item
    else:
        path, source = os.fspath(item), None
    article, error = read_one(path, source, MAX_BYTES)
    return (None if article is None else to_json(article)), error


def _warm_partition(items: Iterable[Any]) -> list[Parsed]:
    from ._loader import _warm_up

    _warm_up()  # once per partition: imports, patterns and generated code ready before the first page
    # a list, not a generator: a partition may have to travel to another worker
    return [_parse_one(item) for item in items]


def parse(paths: Any) -> Any:
    """Each path (or ``(path, source)`` pair) of the bag read and parsed on a worker:
    a bag of ``(json_text | None, LoadError | None)``, in the order of ``paths``."""
    return paths.map_partitions(_warm_partition)


def _article(parsed: Parsed) -> Article:
    from ..io.serialize import _from_trusted_json

    text = parsed[0]
    assert text is not None  # filtered by articles()
    return _from_trusted_json(text, Article)


def articles(parsed: Any) -> Any:
    """The bag of Articles of :func:`parse` (files that failed are in :func:`errors`)."""
    return parsed.filter(lambda item: item[0] is not None).map(_article)


def errors(parsed: Any) -> Any:
    """The bag of :class:`LoadError` of :func:`parse`: files refused, or read with replaced bytes."""
    return parsed.filter(lambda item: item[1] is not None).map(lambda item: item[1])


def jsonl(parsed: Any) -> Any:
    """The bag of JSONL lines (one Article each, the :func:`~sinoru_corpus.io.serialize.dump_jsonl`
    form): ``jsonl(parsed).to_textfiles("out/*.jsonl")`` writes one file per partition."""
    return parsed.filter(lambda item: item[0] is not None).map(lambda item: item[0])


def _write_partition(items: Iterable[Parsed], directory: str, number: Iterable[int]) -> list[Any]:
    from ..io.serialize import _from_trusted_json
    from .arrow import to_parquet as write_tables

    failed: list[LoadError] = []

    def good() -> Iterator[Article]:
        for text, error in items:
            if error is not None:
                failed.append(error)
            if text is not None:
                yield _from_trusted_json(text, Article)

    (index,) = number  # the matching partition of _partition_index: one number
    folder = os.path.join(directory, f"part-{index:05d}")
    write_tables(good(), folder)
    return [(folder, tuple(failed))]


def to_parquet(parsed: Any, directory: PathArg) -> tuple[tuple[Path, ...], tuple[LoadError, ...]]:
    """Write each partition's Articles as the five tables of :func:`~sinoru_corpus.corpus.arrow.to_parquet`
    in ``<directory>/part-NNNNN/`` (on the workers); returns the folders and the load errors.

    Read them back with :func:`read_parquet`, or query ``<directory>/*/articles.parquet``
    with DuckDB or Polars (``article_index`` numbers the articles within a part).
    """
    target = os.path.abspath(os.fspath(directory))
    os.makedirs(target, exist_ok=True)
    written = parsed.map_partitions(_write_partition, target, _partition_index(parsed)).compute()
    folders = tuple(Path(folder) for folder, _ in written)
    failed = tuple(error for _, found in written for error in found)
    return folders, failed


def _partition_index(bag: Any) -> Any:
    """A bag with one element per partition: the partition's number."""
    db = _bag()
    return db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)


def read_parquet(directory: PathArg) -> Corpus:
    """The Corpus of every part written by :func:`to_parquet`, in part order."""
    from ._collection import Corpus
    from .arrow import read_parquet as read_tables

    parts = sorted(p for p in Path(directory).iterdir() if p.is_dir() and p.name.startswith("part-"))
    if not parts:
        raise FileNotFoundError(
            f"{directory}: no part-NNNNN folder written by sinoru_corpus.corpus.dask.to_parquet"
        )
    return Corpus(article for part in parts for article in read_tables(part))
