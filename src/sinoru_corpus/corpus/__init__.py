"""Corpora: collections of Articles, loading them, queries, indexes and figures.

Owns: which files make a corpus and what happens to a bad file (``_loader``, ``_collection``);
whether an article matches a query (``query``, ``index``, ``_claim_query``); the figures,
records, Arrow tables and pictures of a corpus (``aggregate``, ``records``, ``arrow``,
``plot``); reading a corpus larger than memory (``stream``); parsing on a Dask cluster
(``dask``, extra ``[dask]``).

``sinoru_corpus.corpus`` is itself the public path of :class:`Corpus`, :func:`load_corpus`
and :class:`LoadError`.
"""

from __future__ import annotations

from ._collection import (
    Corpus,
    LoadError,
    load_corpus,
)
from ._loader import (
    Progress,
    collect_files,
    find_files,
    read_files,
    source_name,
)

__all__ = [
    "Corpus",
    "LoadError",
    "Progress",
    "collect_files",
    "find_files",
    "load_corpus",
    "read_files",
    "source_name",
]
