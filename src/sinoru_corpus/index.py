"""Lazy inverted indexes: for each field, key -> positions of the articles that carry it.

A :class:`Field` says which keys an article has (its regions' names, its
outlet, its frames...). The same function serves a linear scan
(``field.keys(article)``) and, through :class:`Index`, a look-up table built
the first time a query touches that field, so a query on a large corpus costs
set operations on small position sets instead of a pass over every article.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence

from .model import Article, Region
from .resolve import Resolver, entity_keys, norm, person_keys, region_lineage

__all__ = [
    "AUTHOR",
    "FRAME",
    "INSTITUTION",
    "INSTITUTION_KIND",
    "OUTLET",
    "PERSON",
    "REGION",
    "REGION_KIND",
    "Field",
    "Index",
    "kind_key",
    "lineage_keys",
    "region_tree",
]

# Joins a kind and a name in one key, so "an IGO called SCO" is one look-up.
_SEP = "\x1f"


def kind_key(kind: str, name: str | None = None) -> str:
    return kind if name is None else f"{kind}{_SEP}{name}"


class Field:
    """A named way to read keys off an article. Compared by identity."""

    __slots__ = ("_extract", "name")

    def __init__(self, name: str, extract: Callable[[Article], Iterable[str]]) -> None:
        self.name = name
        self._extract = extract

    def keys(self, article: Article) -> frozenset[str]:
        return frozenset(self._extract(article))

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


def _regions(article: Article) -> Iterable[str]:
    for region in article.regions:
        yield from entity_keys(region)


def _region_kinds(article: Article) -> Iterable[str]:
    for region in article.regions:
        kind = region.kind.value
        yield kind
        for key in entity_keys(region):
            yield kind_key(kind, key)


def _institutions(article: Article) -> Iterable[str]:
    for institution in article.institutions:
        yield from entity_keys(institution)


def _institution_kinds(article: Article) -> Iterable[str]:
    for institution in article.institutions:
        kind = institution.kind.value
        yield kind
        for key in entity_keys(institution):
            yield kind_key(kind, key)


def _people(article: Article) -> Iterable[str]:
    for person in article.people:
        yield from person_keys(person.name, person.aliases)


def _authors(article: Article) -> Iterable[str]:
    for author in article.authors:
        yield from person_keys(author.name)


def _outlet(article: Article) -> Iterable[str]:
    return (norm(article.outlet),) if article.outlet else ()


def _frames(article: Article) -> Iterable[str]:
    for frame in article.frames:
        yield frame.label.value
        yield kind_key(frame.label.value, frame.stance.value)


REGION = Field("region", _regions)
REGION_KIND = Field("region_kind", _region_kinds)
INSTITUTION = Field("institution", _institutions)
INSTITUTION_KIND = Field("institution_kind", _institution_kinds)
PERSON = Field("person", _people)
AUTHOR = Field("author", _authors)
OUTLET = Field("outlet", _outlet)
FRAME = Field("frame", _frames)


class _RegionTree:
    """Keys of an article's regions and of every region that encloses them."""

    __slots__ = ("_memo", "_resolver")

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self._memo: dict[Region, frozenset[str]] = {}

    def __call__(self, article: Article) -> Iterable[str]:
        for region in article.regions:
            yield from self.region_keys(region)

    def _lineage_keys(self, region: Region) -> frozenset[str]:
        keys = set(entity_keys(region))
        for ancestor in region_lineage(region, self._resolver):
            keys.update(entity_keys(ancestor) if isinstance(ancestor, Region) else (norm(ancestor),))
        return frozenset(keys)

    def region_keys(self, region: Region) -> frozenset[str]:
        keys = self._memo.get(region)
        if keys is None:
            keys = self._memo[region] = self._lineage_keys(region)
        return keys


_TREES: dict[int, tuple[Resolver, _RegionTree, Field]] = {}
_TREE_LOCK = threading.Lock()


def _tree(resolver: Resolver) -> tuple[Resolver, _RegionTree, Field]:
    with _TREE_LOCK:
        entry = _TREES.get(id(resolver))
        if entry is None or entry[0] is not resolver:
            tree = _RegionTree(resolver)
            entry = _TREES[id(resolver)] = (resolver, tree, Field("region_tree", tree))
        return entry


def region_tree(resolver: Resolver) -> Field:
    """The region field that also answers for enclosing regions, one per resolver."""
    return _tree(resolver)[2]


def lineage_keys(region: Region, resolver: Resolver) -> frozenset[str]:
    """Names of ``region`` and of every region enclosing it (memoised per resolver)."""
    return _tree(resolver)[1].region_keys(region)


class Index:
    """Inverted indexes over a fixed sequence of articles, built per field on first use."""

    __slots__ = ("_articles", "_lock", "_tables")

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = articles
        self._tables: dict[Field, dict[str, frozenset[int]]] = {}
        self._lock = threading.Lock()

    def table(self, field: Field) -> dict[str, frozenset[int]]:
        """``key -> positions`` for one field, built now if this is its first use."""
        table = self._tables.get(field)
        if table is None:
            with self._lock:
                table = self._tables.get(field)
                if table is None:
                    table = self._tables[field] = self._build(field)
        return table

    def lookup(self, field: Field, keys: Iterable[str]) -> frozenset[int]:
        """Positions of the articles that have any of ``keys`` in ``field``."""
        table = self.table(field)
        found = [table[k] for k in keys if k in table]
        if not found:
            return frozenset()
        if len(found) == 1:
            return found[0]
        return frozenset().union(*found)

    def built(self) -> tuple[str, ...]:
        """Names of the fields indexed so far (for diagnostics and tests)."""
        return tuple(sorted(field.name for field in self._tables))

    def _build(self, field: Field) -> dict[str, frozenset[int]]:
        lists: dict[str, list[int]] = {}
        for position, article in enumerate(self._articles):
            for key in field.keys(article):
                lists.setdefault(key, []).append(position)
        return {key: frozenset(positions) for key, positions in lists.items()}
