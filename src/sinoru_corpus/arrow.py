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

import importlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Article
from .serialize import SCHEMA_VERSION, from_dict, to_dict

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["CHILD_TABLES", "TABLES", "read_parquet", "to_arrow", "to_parquet"]

#: The Article fields that become tables of their own, one row per item.
CHILD_TABLES: tuple[str, ...] = ("mentions", "claims", "citations", "authors")
#: Every table :func:`to_arrow` returns, in order.
TABLES: tuple[str, ...] = ("articles", *CHILD_TABLES)

_KEYS = ("article_index", "article_id", "position")
_META_VERSION = b"sinoru_corpus.schema_version"
_META_JSON = b"sinoru_corpus.json_columns"


def _pyarrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ImportError(
            "Arrow and Parquet support needs pyarrow: pip install 'sinoru-corpus[arrow]'"
        ) from None


def _is_nested(value: Any) -> bool:
    return isinstance(value, dict | list)


def _table(pa: Any, rows: list[dict[str, Any]], keys: tuple[str, ...]) -> Any:
    """A table from rows of one class; nested columns hold JSON text (``"null"`` for None)."""
    columns: dict[str, list[Any]] = {k: [] for k in keys}
    for row in rows:
        for key, value in row.items():
            columns.setdefault(key, []).append(value)
    nested = sorted(k for k, values in columns.items() if any(_is_nested(v) for v in values))
    for key in nested:
        columns[key] = [_dumps(v) for v in columns[key]]
    table = pa.table(columns) if rows else pa.table({k: pa.array([], pa.int64()) for k in keys[:1]})
    meta = {_META_VERSION: str(SCHEMA_VERSION).encode(), _META_JSON: json.dumps(nested).encode()}
    return table.replace_schema_metadata(meta)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def to_arrow(corpus: Corpus | Iterable[Article]) -> dict[str, Any]:
    """Five ``pyarrow.Table``s (see the module doc), keyed by name in :data:`TABLES` order."""
    pa, _ = _pyarrow()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for index, article in enumerate(corpus):
        data = to_dict(article)
        del data["schema_version"], data["type"]
        for name in CHILD_TABLES:
            for position, item in enumerate(data.pop(name)):
                rows[name].append(
                    {"article_index": index, "article_id": article.id, "position": position, **item}
                )
        rows["articles"].append({"article_index": index, **data})
    return {
        name: _table(pa, rows[name], ("article_index",) if name == "articles" else _KEYS) for name in TABLES
    }


def to_parquet(corpus: Corpus | Iterable[Article], directory: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Write ``<directory>/<table>.parquet`` for each table of :func:`to_arrow`; returns the paths."""
    _, pq = _pyarrow()
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in to_arrow(corpus).items():
        path = folder / f"{name}.parquet"
        pq.write_table(table, path)
        paths.append(path)
    return tuple(paths)


def _rows(table: Any) -> list[dict[str, Any]]:
    meta = table.schema.metadata or {}
    version = int(meta.get(_META_VERSION, b"0"))
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"Parquet written with schema version {version}, newer than this library reads "
            f"({SCHEMA_VERSION}); upgrade sinoru-corpus"
        )
    nested = set(json.loads(meta.get(_META_JSON, b"[]")))
    rows: list[dict[str, Any]] = table.to_pylist()
    for row in rows:
        for key in nested:
            row[key] = json.loads(row[key])
    return rows


def read_parquet(directory: str | os.PathLike[str]) -> Corpus:
    """The Corpus written by :func:`to_parquet` (raises :class:`FileNotFoundError` for a missing table)."""
    from .corpus import Corpus

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
