"""``Corpus``: an immutable collection of Articles with queries, figures and I/O.

>>> from sinoru_corpus.corpus._collection import Corpus
>>> from sinoru_corpus.corpus.query import region, institution
>>> corpus = load_corpus("pages/")                          # doctest: +SKIP
>>> corpus.filter(region("Central Asia") & institution("SCO"))  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import compress
from typing import TYPE_CHECKING, Any, TextIO, overload

from ..dates._when import When
from ..entities._resolve import Resolver
from ..model import Article, Precision, SpeakerKind, Stance
from ..text.reader import MAX_BYTES
from . import aggregate
from ._claim_query import ClaimHit, find_claims
from ._loader import LoadError, PathArg, Progress, collect_files, read_files
from .index import Index, _selector
from .query import Filter, _match_bits, where

if TYPE_CHECKING:
    import pandas as pd

    from ..io.serialize import JSONLErrors

__all__ = ["Corpus", "LoadError", "load_corpus"]


class Corpus:
    """An immutable, ordered collection of Articles.

    ``len``, iteration, ``corpus[i]`` (a slice gives a Corpus), ``article in
    corpus`` and :meth:`by_id`. ``errors`` lists the files that failed to load.
    Indexes for queries are built on first use and kept.

    A Corpus returned by :meth:`filter` is a view: it holds the matching
    positions of the corpus it was filtered from as a bitmap and builds its
    tuple of Articles the first time it is needed (iteration, indexing,
    :attr:`articles`); ``len`` counts bits without building it, and filtering
    it again uses the original corpus's indexes. It keeps that corpus's
    articles and indexes alive while it lives.
    """

    __slots__ = ("__weakref__", "_by_id", "_errors", "_index", "_items", "_picks", "_view")

    def __init__(self, articles: Iterable[Article] = (), *, errors: Iterable[LoadError] = ()) -> None:
        self._items: tuple[Article, ...] | None = tuple(articles)
        for article in self._items:
            if not isinstance(article, Article):
                raise TypeError(f"a Corpus holds Articles, got {type(article).__name__}")
        self._view: tuple[Corpus, int] | None = None  # (unfiltered corpus, bitmap) of a filter result
        self._errors: tuple[LoadError, ...] = tuple(errors)
        self._index: Index | None = None
        self._by_id: dict[str, Article] | None = None
        self._picks: dict[int, tuple[Article, ...]] = {}  # bitmap -> the tuple of a recent filter result

    # ------------------------------------------------------------ collection

    @property
    def articles(self) -> tuple[Article, ...]:
        return self._articles

    @property
    def _articles(self) -> tuple[Article, ...]:
        """The Articles as a tuple; a filter result builds it from its bitmap once."""
        items = self._items
        if items is None:
            assert self._view is not None  # one of the two is always set
            root, bits = self._view
            items = self._items = root._picked(bits)
        return items

    def _picked(self, bits: int) -> tuple[Article, ...]:
        """The articles at the positions set in ``bits``, in order; the last few answers are kept,
        so a repeated query builds its tuple once."""
        items = self._picks.get(bits)
        if items is None:
            items = _picked(self._articles, bits)
            picks = self._picks
            while len(picks) >= _PICKS_KEPT:
                try:
                    del picks[next(iter(picks))]
                except (KeyError, RuntimeError, StopIteration):  # another thread changed it
                    break
            picks[bits] = items
        return items

    @property
    def errors(self) -> tuple[LoadError, ...]:
        """Files that could not be loaded (or only with replaced bytes), in load order."""
        return self._errors

    def __len__(self) -> int:
        if self._items is None and self._view is not None:
            return self._view[1].bit_count()
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    @overload
    def __getitem__(self, key: int) -> Article: ...

    @overload
    def __getitem__(self, key: slice) -> Corpus: ...

    def __getitem__(self, key: int | slice) -> Article | Corpus:
        if isinstance(key, slice):
            return Corpus(self._articles[key], errors=self._errors)
        return self._articles[key]

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._ids()
        return isinstance(item, Article) and self._ids().get(item.id) == item

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        if self._errors != other._errors:
            return False
        if self._view is not None and other._view is not None and self._view[0] is other._view[0]:
            return self._view[1] == other._view[1]  # two results over one corpus: compare bitmaps
        return self._articles == other._articles

    __hash__ = None  # type: ignore[assignment]  # equal by content, like a list

    def __repr__(self) -> str:
        return f"<Corpus: {len(self)} articles, {len(self._errors)} errors>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self._articles, self._errors))

    def by_id(self, article_id: str) -> Article:
        """The article with this id; :class:`KeyError` if there is none."""
        try:
            return self._ids()[article_id]
        except KeyError:
            raise KeyError(f"no article with id {article_id!r} in this corpus") from None

    def _ids(self) -> dict[str, Article]:
        if self._by_id is None:
            ids: dict[str, Article] = {}
            for article in self._articles:
                ids.setdefault(article.id, article)  # the first of duplicates wins
            self._by_id = ids
        return self._by_id

    @property
    def index(self) -> Index:
        """The lazy inverted indexes of this corpus."""
        if self._index is None:
            self._index = Index(self._articles)
        return self._index

    # ------------------------------------------------------------ queries

    def filter(self, f: Filter | Callable[[Article], bool]) -> Corpus:
        """The articles ``f`` matches, in corpus order (load errors are kept).

        ``f`` is evaluated here (a predicate's exception is raised by this
        call); the result is a view that builds its tuple of Articles on first
        use (see the class docstring). Filtering a filter result again narrows
        the same bitmap over the original corpus's indexes.
        """
        flt = f if isinstance(f, Filter) else where(f)
        root, among = self._view if self._view is not None else (self, None)
        bits = _match_bits(flt, root._articles, root.index, among)
        return Corpus._filtered(root, bits, self._errors)

    @classmethod
    def _filtered(cls, root: Corpus, bits: int, errors: tuple[LoadError, ...]) -> Corpus:
        """The view of the positions set in ``bits`` of ``root`` (an unfiltered Corpus)."""
        corpus = cls.__new__(cls)
        corpus._items = None
        corpus._view = (root, bits)
        corpus._errors = errors
        corpus._index = None
        corpus._by_id = None
        corpus._picks = {}
        return corpus

    def claims(
        self,
        *,
        speaker: str | None = None,
        speaker_kind: SpeakerKind | str | None = None,
        country: str | None = None,
        about_region: str | None = None,
        about_institution: str | None = None,
        frame: str | None = None,
        stance: Stance | str | None = None,
        since: When | None = None,
        until: When | None = None,
        include_subregions: bool = True,
        include_unknown: bool = False,
        resolver: Resolver | None = None,
    ) -> tuple[ClaimHit, ...]:
        """Claims by speaker, speaker kind or country, about a region or institution,
        holding a frame, in articles dated in a window; see
        :func:`~sinoru_corpus.corpus._claim_query.find_claims`."""
        return find_claims(
            self._articles,
            speaker=speaker,
            speaker_kind=speaker_kind,
            country=country,
            about_region=about_region,
            about_institution=about_institution,
            frame=frame,
            stance=stance,
            since=since,
            until=until,
            include_subregions=include_subregions,
            include_unknown=include_unknown,
            resolver=resolver,
        )

    # ------------------------------------------------------------ figures

    def count_by(self, by: aggregate.CountKey) -> tuple[tuple[str, int], ...]:
        """Articles per region, institution, person, author, outlet, section, frame or year."""
        return aggregate.count_by(self._articles, by)

    def cooccurrence(self) -> tuple[tuple[str, str, int], ...]:
        """Articles per (region, institution) pair."""
        return aggregate.cooccurrence(self._articles)

    def timeline(
        self, *, what: aggregate.What = "articles", granularity: Precision | None = None
    ) -> tuple[aggregate.TimeBin, ...]:
        """Articles or claims per period, each date at its own precision."""
        return aggregate.timeline(self._articles, what=what, granularity=granularity)

    def top_speakers(self, n: int | None = 10) -> tuple[tuple[str, int], ...]:
        return aggregate.top_speakers(self._articles, n)

    def citation_recency(self) -> tuple[aggregate.CitationAge, ...]:
        return aggregate.citation_recency(self._articles)

    # ------------------------------------------------------------ export

    def to_records(self, what: aggregate.What = "articles") -> list[dict[str, Any]]:
        """Plain JSON-safe dicts: one per article, or per claim with ``what="claims"``."""
        from .records import to_records

        return to_records(self, what)

    def to_pandas(self, what: aggregate.What = "articles") -> pd.DataFrame:
        """:meth:`to_records` as a DataFrame (needs ``sinoru-corpus[pandas]``).

        ``earliest`` and ``latest`` are ``datetime64`` columns (for claims, of the claim's article).
        """
        from .records import to_pandas

        return to_pandas(self, what)

    def to_jsonl(self, dest: PathArg | TextIO) -> int:
        """Write one JSON Article per line; returns the number written."""
        from ..io.serialize import dump_jsonl

        return dump_jsonl(self._articles, dest)

    @classmethod
    def from_jsonl(cls, src: PathArg | TextIO, *, errors: JSONLErrors = "raise") -> Corpus:
        """Read Articles written by :meth:`to_jsonl`, one line at a time.

        With ``errors="raise"`` (the default) a bad line raises
        :class:`~sinoru_corpus.errors.SchemaError` naming it; with
        ``errors="skip"`` every good line is kept and each bad one is a
        :class:`LoadError` in ``Corpus.errors`` with its ``line`` number.
        :meth:`iter_jsonl` is the lazy form, for files larger than memory.
        """
        skipped: list[LoadError] = []
        return cls(cls.iter_jsonl(src, errors=errors, skipped=skipped), errors=skipped)

    @staticmethod
    def iter_jsonl(
        src: PathArg | TextIO, *, errors: JSONLErrors = "raise", skipped: list[LoadError] | None = None
    ) -> Iterator[Article]:
        """The lazy form of :meth:`from_jsonl`: its Articles, one line read per Article.

        >>> for article in Corpus.iter_jsonl("corpus.jsonl"):   # doctest: +SKIP
        ...     print(article.title)

        Nothing is read before the first Article is asked for: a path is
        opened then, and closed when the iterator is exhausted or closed
        (``close()``). Memory is bounded by one line plus what the consumer
        keeps. The Articles are those of ``from_jsonl(src, errors=errors)``, in
        the same order. With ``errors="raise"`` a bad line raises
        :class:`~sinoru_corpus.errors.SchemaError` naming it when reading
        reaches it (the Articles before it have been yielded). With
        ``errors="skip"`` a bad line is left out and reading goes on: it is
        appended to ``skipped`` as the :class:`LoadError` ``from_jsonl`` would
        keep in ``Corpus.errors`` when a list is given, otherwise reported as a
        :class:`~sinoru_corpus.errors.SkippedLineWarning`. An unknown
        ``errors`` mode raises :class:`ValueError` at once.
        """
        from ..io.serialize import iter_jsonl, load_jsonl

        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
        if skipped is None:
            return load_jsonl(src, errors=errors)
        sink = skipped
        name = _source_name(src)

        def on_skip(number: int, problems: tuple[str, ...]) -> None:
            sink.append(LoadError(name, "; ".join(problems), line=number))

        return iter_jsonl(src, errors=errors, on_skip=on_skip)

    def to_arrow(self) -> dict[str, Any]:
        """Arrow tables of articles, mentions, claims, citations and authors
        (needs ``sinoru-corpus[arrow]``); see :func:`~sinoru_corpus.corpus.arrow.to_arrow`."""
        from .arrow import to_arrow

        return to_arrow(self._articles)

    def to_parquet(self, directory: PathArg) -> tuple[Any, ...]:
        """Write the :meth:`to_arrow` tables as Parquet files in ``directory``."""
        from .arrow import to_parquet

        return to_parquet(self._articles, directory)

    @classmethod
    def read_parquet(cls, directory: PathArg) -> Corpus:
        """Read a Corpus written by :meth:`to_parquet`."""
        from .arrow import read_parquet

        return read_parquet(directory)


def _source_name(src: PathArg | TextIO) -> str:
    """The name a JSONL source's skipped lines are reported under."""
    name = os.fspath(src) if isinstance(src, str | os.PathLike) else getattr(src, "name", "<stream>")
    return name if isinstance(name, str) else "<stream>"


# Filter results whose tuples each unfiltered Corpus keeps (8 bytes per matching article each).
_PICKS_KEPT = 4


def _picked(articles: tuple[Article, ...], bits: int) -> tuple[Article, ...]:
    """The articles at the positions set in ``bits``, in order."""
    if not bits:
        return ()
    if bits == (1 << len(articles)) - 1:
        return articles  # everything matched: share the tuple
    return tuple(compress(articles, _selector(bits)))


def _restore(articles: tuple[Article, ...], errors: tuple[LoadError, ...]) -> Corpus:
    return Corpus(articles, errors=errors)


def load_corpus(
    paths: PathArg | Iterable[PathArg],
    pattern: str = "*.txt",
    workers: int = 1,
    progress: Progress | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Corpus:
    """Read and parse pages from a directory tree, a file, or a list of them.

    Directories are walked recursively for names matching ``pattern``, in
    sorted order. Binary, unreadable and undecodable files, files over
    ``max_bytes`` (default 10 MiB), anything that is not a regular file (a FIFO,
    a device: refused before it is opened, so loading never hangs) and
    directories that cannot be listed are reported in ``Corpus.errors`` (a page
    with undecodable bytes is also kept, with the bad bytes replaced); nothing
    else is dropped. A single path that cannot be reached raises the
    :class:`OSError` saying why. ``workers > 1`` parses in that many processes
    with the same result as one. ``progress(done, total)`` is called as files
    are read.

    Each page's ``source`` is its path relative to the folder given (``/``
    separators), or its file name when the file itself is given, so the ids do
    not depend on how the folder was spelt or where it lies.
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, got {workers!r}")
    found, errors = collect_files(paths, pattern)
    files = [path for path, _source in found]
    sources = [source for _path, source in found]
    articles: list[Article] = []
    for article, error in read_files(
        files, sources=sources, workers=workers, progress=progress, max_bytes=max_bytes
    ):
        if article is not None:
            articles.append(article)
        if error is not None:
            errors.append(error)
    return Corpus(articles, errors=errors)
