"""Columnar interop: a Corpus as Arrow tables and Parquet files (extra ``sinoru-corpus[arrow]``).

:func:`to_arrow` gives five tables keyed by article: ``articles`` (one row per
article), ``mentions``, ``claims``, ``citations`` and ``authors`` (one row per
item). Every child row carries ``article_index`` (the article's row in
``articles``), ``article_id`` and ``position`` (its place in the article's
tuple). Scalar fields are typed columns; nested values (an entity, a speaker,
evidence spans, tuples of regions...) are columns of their canonical JSON text,
so DuckDB or Polars can query them and the round trip through
:func:`to_parquet` / :func:`read_parquet` gives back equal Articles.

pyarrow is imported only when one of these functions runs.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import itertools
import json
import os
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..io.serialize import SCHEMA_VERSION, from_dict, to_dict
from ..model import Article, Author, Citation, Claim, Mention

if TYPE_CHECKING:
    from ._collection import Corpus

__all__ = ["CHILD_TABLES", "TABLES", "read_parquet", "to_arrow", "to_parquet"]

#: The Article fields that become tables of their own, one row per item.
CHILD_TABLES: tuple[str, ...] = ("mentions", "claims", "citations", "authors")
#: Every table :func:`to_arrow` returns, in order.
TABLES: tuple[str, ...] = ("articles", *CHILD_TABLES)

_KEYS = ("article_index", "article_id", "position")
_META_VERSION = b"sinoru_corpus.schema_version"
_META_JSON = b"sinoru_corpus.json_columns"
_CLASSES: dict[str, type[Any]] = {
    "articles": Article,
    "mentions": Mention,
    "claims": Claim,
    "citations": Citation,
    "authors": Author,
}


def _pyarrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ImportError(
            "Arrow and Parquet support needs pyarrow: pip install 'sinoru-corpus[arrow]'"
        ) from None


def _column_type(pa: Any, hint: Any) -> tuple[Any, bool]:
    """The Arrow type of a field's ``to_dict`` value, and whether it is stored as JSON text."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(rest) != 1:
            return pa.string(), True
        hint = rest[0]
    if hint is bool:
        return pa.bool_(), False
    if hint is int:
        return pa.int64(), False
    if hint is float:
        return pa.float64(), False
    if hint is str or hint is dt.date or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return pa.string(), False
    return pa.string(), True  # attrs classes, tuples, unions: canonical JSON text


def _layout(pa: Any, name: str) -> tuple[Any, frozenset[str]]:
    """The fixed schema of one table (the same for every batch and every corpus) and its JSON columns."""
    cls = _CLASSES[name]
    fields = [pa.field("article_index", pa.int64(), nullable=False)]
    if name != "articles":
        fields += [pa.field("article_id", pa.string()), pa.field("position", pa.int64(), nullable=False)]
    nested = set()
    for attr in attrs.fields(cls):
        if name == "articles" and attr.name in CHILD_TABLES:
            continue
        arrow_type, is_json = _column_type(pa, typing.get_type_hints(cls)[attr.name])
        fields.append(pa.field(attr.name, arrow_type))
        if is_json:
            nested.add(attr.name)
    meta = {_META_VERSION: str(SCHEMA_VERSION).encode(), _META_JSON: json.dumps(sorted(nested)).encode()}
    return pa.schema(fields, metadata=meta), frozenset(nested)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _tables(pa: Any, numbered: Iterable[tuple[int, Article]]) -> dict[str, Any]:
    """The five tables for ``(article_index, article)`` pairs."""
    columns: dict[str, dict[str, list[Any]]] = {}
    layouts = {name: _layout(pa, name) for name in TABLES}
    for name, (schema, _) in layouts.items():
        columns[name] = {field_name: [] for field_name in schema.names}
    for index, article in numbered:
        data = to_dict(article)
        for name in CHILD_TABLES:
            nested = layouts[name][1]
            cols = columns[name]
            for position, item in enumerate(data[name]):
                cols["article_index"].append(index)
                cols["article_id"].append(article.id)
                cols["position"].append(position)
                for key, value in item.items():
                    cols[key].append(_dumps(value) if key in nested else value)
        cols = columns["articles"]
        nested = layouts["articles"][1]
        cols["article_index"].append(index)
        for key in cols:
            if key != "article_index":
                cols[key].append(_dumps(data[key]) if key in nested else data[key])
    return {name: pa.table(columns[name], schema=layouts[name][0]) for name in TABLES}


def to_arrow(corpus: Corpus | Iterable[Article]) -> dict[str, Any]:
    """Five ``pyarrow.Table``s (see the module doc), keyed by name in :data:`TABLES` order."""
    pa, _ = _pyarrow()
    return _tables(pa, enumerate(corpus))


def to_parquet(
    corpus: Corpus | Iterable[Article], directory: str | os.PathLike[str], *, batch_size: int = 1000
) -> tuple[Path, ...]:
    """Write ``<directory>/<table>.parquet`` for each table of :func:`to_arrow`; returns the paths.

    Articles are converted ``batch_size`` at a time, so an iterator of
    Articles is written with memory bounded by one batch.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    pa, pq = _pyarrow()
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = tuple(folder / f"{name}.parquet" for name in TABLES)
    writers = [pq.ParquetWriter(path, _layout(pa, name)[0]) for name, path in zip(TABLES, paths, strict=True)]
    try:
        numbered = enumerate(corpus)
        while batch := list(itertools.islice(numbered, batch_size)):
            for writer, table in zip(writers, _tables(pa, batch).values(), strict=True):
                writer.write_table(table)
    finally:
        for writer in writers:
            writer.close()
    return paths


def _rows(table: Any) -> list[dict[str, Any]]:
    meta = table.schema.metadata or {}
    version = int(meta.get(_META_VERSION, b"0"))
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"Parquet written with schema version {version}, newer than this library reads "
            f"({SCHEMA_VERSION}); upgrade sinoru-corpus"
        )
    nested = json.loads(meta.get(_META_JSON, b"[]"))
    rows: list[dict[str, Any]] = table.to_pylist()
    for row in rows:
        for key in nested:
            row[key] = json.loads(row[key])
    return rows


def read_parquet(directory: str | os.PathLike[str]) -> Corpus:
    """The Corpus written by :func:`to_parquet` (raises :class:`FileNotFoundError` for a missing table)."""
    from ._collection import Corpus

    _, pq = _pyarrow()
    folder = Path(directory)
    missing = [name for name in TABLES if not (folder / f"{name}.parquet").is_file()]
    if missing:
        raise FileNotFoundError(f"{folder}: missing {', '.join(m + '.parquet' for m in missing)}")
    articles = _rows(pq.read_table(folder / "articles.parquet"))
    children: dict[str, dict[int, list[tuple[int, dict[str, Any]]]]] = {}
    for name in CHILD_TABLES:
        groups: dict[int, list[tuple[int, dict[str, Any]]]] = {}
        for row in _rows(pq.read_table(folder / f"{name}.parquet")):
            index, position = row.pop("article_index"), row.pop("position")
            del row["article_id"]
            groups.setdefault(index, []).append((position, row))
        children[name] = groups
    out = []
    for row in articles:
        index = row.pop("article_index")
        for name in CHILD_TABLES:
            row[name] = [item for _, item in sorted(children[name].get(index, ()), key=lambda p: p[0])]
        out.append(from_dict({"schema_version": SCHEMA_VERSION, "type": "Article", **row}, Article))
    return Corpus(out)
