"""Lazy posting-list indexes: for each entity, the sorted positions of the articles that carry it.

A :class:`Field` says which entities an article has (its regions, its
institutions, its outlet, its frames...) and which keys each entity answers
to. The same field serves a linear scan (``field.keys(article)``) and, through
:class:`Index`, posting lists built the first time a query touches that kind of
entity: one ``array('I')`` per distinct entity, so a query on a large corpus
costs set operations on position sets instead of a pass over every article.
Keys (a region's names, or those of every region enclosing it) are attached to
distinct entities at query time, never stored per article.
"""

from __future__ import annotations

import operator
import re
import threading
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from itertools import chain, compress
from typing import Any

from ..entities._resolve import Resolver, entity_keys, norm, person_keys, region_lineage
from ..model import Article, Author, Frame, Institution, Person, Region

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
    "bitmap_positions",
    "kind_key",
    "lineage_keys",
    "region_tree",
]

# Joins a kind and a name in one key, so "an IGO called SCO" is one look-up.
_SEP = "\x1f"


def kind_key(kind: str, name: str | None = None) -> str:
    return kind if name is None else f"{kind}{_SEP}{name}"


class Field:
    """A named way to read keys off an article. Compared by identity.

    A field reads an article's *entities* (its regions, its institutions, its
    outlet...) and each entity's *names* (the keys a query matches). Fields
    that read the same entities share one ``group``, so the index keeps one
    posting list per entity for all of them; the names (a region's own names,
    or those of every region enclosing it) are attached per distinct entity
    when a query first needs them, never stored per article.
    """

    __slots__ = ("_entities", "_names", "_source", "group", "name")

    def __init__(
        self,
        name: str,
        extract: Callable[[Article], Iterable[str]] | None = None,
        *,
        group: str | None = None,
        source: Callable[[Article], Any] | None = None,
        entities: Callable[[Any], Iterable[Hashable]] | None = None,
        names: Callable[[Any], Iterable[str]] | None = None,
    ) -> None:
        """``extract(article)`` gives keys directly; or ``source(article)`` reads an
        attribute of the article, ``entities(source)`` its entities and
        ``names(entity)`` each entity's keys (fields of one ``group`` must read
        the same entities)."""
        self.name = name
        if entities is None:
            if extract is None:
                raise TypeError("a Field needs extract or entities")
            entities, source = extract, None  # each key is its own entity
        self._source: Callable[[Article], Any] = source if source is not None else _self
        self._entities = entities
        self._names: Callable[[Any], Iterable[str]] = names if names is not None else _self_name
        self.group = group if group is not None else name

    def source(self, article: Article) -> Any:
        """What the entities are read from: an attribute of ``article`` (or the article)."""
        return self._source(article)

    def entities(self, source: Any) -> Iterable[Hashable]:
        """The entities in ``source`` (hashable, possibly repeated)."""
        return self._entities(source)

    def names(self, entity: Any) -> Iterable[str]:
        """The keys ``entity`` answers to in this field."""
        return self._names(entity)

    def keys(self, article: Article) -> frozenset[str]:
        return frozenset(k for e in self._entities(self._source(article)) for k in self._names(e))

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


def _self(value: Any) -> Any:
    return value


def _self_name(entity: Any) -> Iterable[str]:
    return (entity,)


def _kind_names(entity: Region | Institution) -> Iterable[str]:
    kind = entity.kind.value
    yield kind
    for key in entity_keys(entity):
        yield kind_key(kind, key)


def _person_names(person: Person) -> Iterable[str]:
    return person_keys(person.name, person.aliases)


def _author_entities(authors: tuple[Author, ...]) -> Iterable[str]:
    return tuple(author.name for author in authors)


def _author_names(name: str) -> Iterable[str]:
    return person_keys(name)


def _outlet_entities(outlet: str | None) -> Iterable[str]:
    return (norm(outlet),) if outlet else ()


def _frame_entities(frames: tuple[Frame, ...]) -> Iterable[tuple[str, str]]:
    return tuple((frame.label.value, frame.stance.value) for frame in frames)


def _frame_names(entity: tuple[str, str]) -> Iterable[str]:
    return (entity[0], kind_key(*entity))


_REGIONS = operator.attrgetter("regions")
_INSTITUTIONS = operator.attrgetter("institutions")


def _region_field(name: str, names: Callable[[Any], Iterable[str]]) -> Field:
    return Field(name, group="regions", source=_REGIONS, entities=_self, names=names)


def _institution_field(name: str, names: Callable[[Any], Iterable[str]]) -> Field:
    return Field(name, group="institutions", source=_INSTITUTIONS, entities=_self, names=names)


REGION = _region_field("region", entity_keys)
REGION_KIND = _region_field("region_kind", _kind_names)
INSTITUTION = _institution_field("institution", entity_keys)
INSTITUTION_KIND = _institution_field("institution_kind", _kind_names)
PERSON = Field(
    "person", group="people", source=operator.attrgetter("people"), entities=_self, names=_person_names
)
AUTHOR = Field(
    "author",
    group="authors",
    source=operator.attrgetter("authors"),
    entities=_author_entities,
    names=_author_names,
)
OUTLET = Field("outlet", source=operator.attrgetter("outlet"), entities=_outlet_entities)
FRAME = Field("frame", source=operator.attrgetter("frames"), entities=_frame_entities, names=_frame_names)


class _RegionTree:
    """Keys of an article's regions and of every region that encloses them."""

    __slots__ = ("_memo", "_resolver")

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self._memo: dict[Region, frozenset[str]] = {}

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
            field = _region_field("region_tree", tree.region_keys)
            entry = _TREES[id(resolver)] = (resolver, tree, field)
        return entry


def region_tree(resolver: Resolver) -> Field:
    """The region field that also answers for enclosing regions, one per resolver."""
    return _tree(resolver)[2]


def lineage_keys(region: Region, resolver: Resolver) -> frozenset[str]:
    """Names of ``region`` and of every region enclosing it (memoised per resolver)."""
    return _tree(resolver)[1].region_keys(region)


# Lookups kept per index: a repeated query costs one dict hit.
_CACHE_SIZE = 64


def _to_bitmap(positions: array[int]) -> int:
    if not positions:
        return 0
    buf = bytearray(positions[-1] // 8 + 1)
    for position in positions:
        buf[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buf, "little")


_BYTE_BITS: tuple[tuple[int, ...], ...] = tuple(
    tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256)
)


def bitmap_positions(bits: int) -> Iterator[int]:
    """The positions set in a bitmap from :meth:`Index.bitmap`, in increasing order."""
    if bits < 0:
        raise ValueError("a bitmap is a non-negative int")
    size = bits.bit_length()
    if bits.bit_count() * 8 < size:
        return _sparse_positions(bits)
    return compress(range(size), _selector(bits))


def _selector(bits: int) -> bytes:
    """One byte per bit of ``bits`` (1 where set), lowest first: a selector for ``compress``."""
    return bin(bits)[:1:-1].encode("ascii").translate(_BIN_DIGITS) if bits else b""


_BIN_DIGITS = bytes.maketrans(b"01", b"\x00\x01")
_NONZERO_RUN = re.compile(rb"[^\x00]+")


def _sparse_positions(bits: int) -> Iterator[int]:
    """Positions of a sparse bitmap: only its non-zero bytes are visited."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for run in _NONZERO_RUN.finditer(data):
        for offset in range(run.start(), run.end()):
            byte = data[offset]
            if byte:
                base = offset * 8
                for bit in _BYTE_BITS[byte]:
                    yield base + bit


class _Postings:
    """Sorted article positions per distinct entity of one group (4 bytes a pair)."""

    __slots__ = ("bits", "entities", "field", "lists", "size", "slot_of")

    def __init__(self, field: Field) -> None:
        self.field = field  # how this group's entities are read
        self.entities: list[Hashable] = []
        self.lists: list[array[int]] = []
        self.slot_of: dict[Hashable, int] = {}
        self.size = 0  # articles indexed so far
        self.bits: dict[int, int] = {}  # slot -> bitmap, made on first use

    def add(self, articles: Sequence[Article]) -> None:
        """Index ``articles[self.size:]``: appends keep every list sorted."""
        field, lists, slot_of, entities = self.field, self.lists, self.slot_of, self.entities
        # Articles often share their entity tuples (one parse reused, or evolve()d):
        # each distinct source object is resolved to slots once. ``keep`` holds the
        # sources so that no id is reused while this loop runs.
        seen: dict[int, tuple[int, ...]] = {}
        keep: list[object] = []
        for position in range(self.size, len(articles)):
            source = field.source(articles[position])
            slots = seen.get(id(source))
            if slots is None:
                found: dict[int, None] = {}
                for entity in field.entities(source):
                    slot = slot_of.get(entity)
                    if slot is None:
                        slot = slot_of[entity] = len(lists)
                        lists.append(array("I"))
                        entities.append(entity)
                    found[slot] = None
                slots = seen[id(source)] = tuple(found)
                keep.append(source)
            for slot in slots:
                lists[slot].append(position)
        self.size = len(articles)
        self.bits.clear()

    def bitmap(self, slot: int) -> int:
        bits = self.bits.get(slot)
        if bits is None:
            bits = self.bits[slot] = _to_bitmap(self.lists[slot])
        return bits

    def pairs(self) -> int:
        return sum(len(positions) for positions in self.lists)


class Index:
    """Posting lists over a sequence of articles, built per entity group on first use.

    Each distinct entity (a region, an institution, an outlet...) has one
    sorted ``array('I')`` of the positions of the articles that carry it;
    the keys a query names are mapped to entities per field when the field is
    first queried (a region's enclosing regions are resolved then, per
    distinct region, never per article). :meth:`extend` indexes more articles
    incrementally.
    """

    __slots__ = ("_articles", "_bit_cache", "_cache", "_groups", "_lock", "_tables")

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = articles
        self._groups: dict[str, _Postings] = {}
        self._tables: dict[Field, dict[str, list[int]]] = {}
        self._cache: dict[tuple[Field, frozenset[str]], frozenset[int]] = {}
        self._bit_cache: dict[tuple[Field, frozenset[str]], int] = {}
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self._articles)

    def _table(self, field: Field) -> tuple[_Postings, dict[str, list[int]]]:
        """The group's postings and ``key -> entity slots`` for ``field``, built on first use."""
        table = self._tables.get(field)
        if table is None:
            with self._lock:
                table = self._tables.get(field)
                if table is None:
                    postings = self._groups.get(field.group)
                    if postings is None:
                        postings = _Postings(field)
                        postings.add(self._articles)
                        self._groups[field.group] = postings
                    table = {}
                    self._name_slots(field, postings, table, 0)
                    self._tables[field] = table
        return self._groups[field.group], table

    @staticmethod
    def _name_slots(field: Field, postings: _Postings, table: dict[str, list[int]], start: int) -> None:
        for slot in range(start, len(postings.entities)):
            for key in set(field.names(postings.entities[slot])):
                table.setdefault(key, []).append(slot)

    def postings(self, field: Field, keys: Iterable[str]) -> array[int]:
        """Sorted positions of the articles that have any of ``keys`` in ``field``."""
        postings, table = self._table(field)
        lists = [postings.lists[s] for s in sorted({s for k in keys for s in table.get(k, ())})]
        if len(lists) == 1:
            return array("I", lists[0])
        return array("I", sorted(set(chain.from_iterable(lists))))

    def bitmap(self, field: Field, keys: Iterable[str]) -> int:
        """The articles that have any of ``keys`` in ``field``, as an int with bit ``i``
        set for position ``i``: combine with ``&``, ``|``, count with ``int.bit_count``,
        list with :func:`bitmap_positions`. Each entity's bitmap is made once and kept."""
        wanted = frozenset(keys)
        bits = self._bit_cache.get((field, wanted))
        if bits is None:
            postings, table = self._table(field)
            bits = 0
            for slot in {s for k in wanted for s in table.get(k, ())}:
                bits |= postings.bitmap(slot)
            with self._lock:
                if len(self._bit_cache) >= _CACHE_SIZE:
                    del self._bit_cache[next(iter(self._bit_cache))]
                self._bit_cache[(field, wanted)] = bits
        return bits

    def clear_cache(self) -> None:
        """Forget cached lookups and bitmaps (the posting lists stay)."""
        with self._lock:
            self._cache.clear()
            self._bit_cache.clear()
            for postings in self._groups.values():
                postings.bits.clear()

    def lookup(self, field: Field, keys: Iterable[str]) -> frozenset[int]:
        """Positions of the articles that have any of ``keys`` in ``field``."""
        wanted = frozenset(keys)
        found = self._cache.get((field, wanted))
        if found is None:
            postings, table = self._table(field)
            slots = {s for k in wanted for s in table.get(k, ())}
            found = frozenset(chain.from_iterable(postings.lists[s] for s in slots))
            with self._lock:
                if len(self._cache) >= _CACHE_SIZE:
                    del self._cache[next(iter(self._cache))]
                self._cache[(field, wanted)] = found
        return found

    def extend(self, articles: Iterable[Article]) -> None:
        """Append ``articles`` (positions continue from ``len(self)``) and index them."""
        with self._lock:
            self._articles = (*self._articles, *articles)
            before = {group: len(postings.entities) for group, postings in self._groups.items()}
            for postings in self._groups.values():
                postings.add(self._articles)
            for field, table in self._tables.items():
                self._name_slots(field, self._groups[field.group], table, before[field.group])
            self._cache.clear()
            self._bit_cache.clear()

    def built(self) -> tuple[str, ...]:
        """Names of the fields indexed so far (for diagnostics and tests)."""
        return tuple(sorted(field.name for field in self._tables))

    def pairs(self) -> int:
        """Article-entity pairs held in the posting lists built so far."""
        return sum(postings.pairs() for postings in self._groups.values())
