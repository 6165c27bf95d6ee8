"""Going through a corpus larger than memory: pages parsed one at a time.

>>> from sinoru_corpus.corpus.stream import iter_corpus
>>> from sinoru_corpus.corpus.arrow import to_parquet
>>> to_parquet(iter_corpus("pages/"), "out/")   # doctest: +SKIP

:func:`iter_corpus` lists the files first (names only), then reads and parses
each page when the consumer asks for it, so memory is bounded by one page
plus whatever the consumer keeps.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator

from ..model import Article
from ._loader import LoadError, PathArg, collect_files, read_one

__all__ = ["LoadWarning", "iter_corpus"]


class LoadWarning(UserWarning):
    """A file that :func:`iter_corpus` could not load (or loaded with replaced bytes)."""


def iter_corpus(
    paths: PathArg | Iterable[PathArg],
    pattern: str = "*.txt",
    *,
    errors: list[LoadError] | None = None,
) -> Iterator[Article]:
    """Parse pages lazily, in the order :func:`~sinoru_corpus.corpus._collection.load_corpus` reads them.

    Yields the same Articles as ``load_corpus(paths, pattern)``. Files that
    fail to load are appended to ``errors`` when a list is given, otherwise
    reported as a :class:`LoadWarning`; a page with undecodable bytes is
    yielded as well as reported. Each page's ``source`` is named as
    ``load_corpus`` names it (relative to the folder given), and a directory
    that cannot be listed is reported like a failed file.
    """
    found, unlisted = collect_files(paths, pattern)
    for unreadable in unlisted:
        _report(unreadable, errors)
    for path, source in found:
        article, error = read_one(path, source)
        if error is not None:
            _report(error, errors)
        if article is not None:
            yield article


def _report(error: LoadError, errors: list[LoadError] | None) -> None:
    if errors is not None:
        errors.append(error)
    else:
        warnings.warn(str(error), LoadWarning, stacklevel=3)
