"""Composable article filters: ``region("Central Asia") & institution("SCO") & ~outlet("inFOCUS")``.

One mechanism serves every entity: a filter on a :class:`~sinoru_corpus.corpus.index.Field`
matches an article when the article's keys for that field meet the query's
keys. Such filters answer from the corpus's lazy indexes; the others (text
phrases, dates, arbitrary predicates) scan only the articles the indexed part
of a query left over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from ..dates._when import When, article_range, parse_when, when_range
from ..entities._resolve import Resolver, default_resolver, entity_keys, norm
from ..model import Article, FrameLabel, InstitutionKind, RegionKind, Stance
from .index import (
    AUTHOR,
    FRAME,
    INSTITUTION,
    INSTITUTION_KIND,
    OUTLET,
    PERSON,
    REGION,
    REGION_KIND,
    Field,
    Index,
    bitmap_positions,
    kind_key,
    region_tree,
)

__all__ = [
    "ALL",
    "NOTHING",
    "Filter",
    "all_of",
    "any_of",
    "author",
    "frame",
    "frame_label",
    "institution",
    "outlet",
    "person",
    "published",
    "region",
    "select",
    "text",
    "where",
]

Pos = frozenset[int]


def _full(articles: Sequence[Article]) -> int:
    """The bitmap of every position of ``articles``."""
    return (1 << len(articles)) - 1


def _from_positions(positions: Iterable[int]) -> int:
    """A bitmap with the bits of ``positions`` set (any order)."""
    buf = bytearray()
    for position in positions:
        byte = position >> 3
        if byte >= len(buf):
            buf.extend(bytes(byte + 1 - len(buf)))
        buf[byte] |= 1 << (position & 7)
    return int.from_bytes(buf, "little")


class Filter:
    """A test on an Article, combinable with ``&``, ``|`` and ``~``.

    ``f(article)`` (or ``f.matches(article)``) tests one article;
    ``corpus.filter(f)`` selects from a corpus using its indexes.
    """

    __slots__ = ()

    def matches(self, article: Article) -> bool:
        raise NotImplementedError

    def __call__(self, article: Article) -> bool:
        return self.matches(article)

    @property
    def indexed(self) -> bool:
        """Whether :meth:`positions` answers from indexes without scanning articles."""
        return False

    def positions(self, articles: Sequence[Article], index: Index, among: Pos | None = None) -> Pos:
        """Pos of the matching articles, restricted to ``among`` when given."""
        pool = None if among is None else _from_positions(among)
        return frozenset(bitmap_positions(self._bits(articles, index, pool)))

    def _bits(self, articles: Sequence[Article], index: Index, among: int | None) -> int:
        """The matching articles as a bitmap (bit ``i`` for position ``i``), within ``among``.

        This default scans (only the articles in ``among`` when given); indexed
        filters answer with ``&``, ``|`` and ``~`` on their index bitmaps.
        """
        pool: Iterable[int] = range(len(articles)) if among is None else bitmap_positions(among)
        return _from_positions(i for i in pool if self.matches(articles[i]))

    def __and__(self, other: Filter) -> Filter:
        return all_of(self, other)

    def __or__(self, other: Filter) -> Filter:
        return any_of(self, other)

    def __invert__(self) -> Filter:
        if isinstance(self, _Not):
            return self.inner
        return _Not(self)


@attrs.frozen(eq=False)
class _Const(Filter):
    value: bool

    def matches(self, article: Article) -> bool:
        return self.value

    @property
    def indexed(self) -> bool:
        return True

    def _bits(self, articles: Sequence[Article], index: Index, among: int | None) -> int:
        if not self.value:
            return 0
        return _full(articles) if among is None else among

    def __repr__(self) -> str:
        return "ALL" if self.value else "NOTHING"


ALL: Filter = _Const(True)
NOTHING: Filter = _Const(False)


@attrs.frozen(eq=False)
class _Keys(Filter):
    """Matches when the article has any of ``keys`` in ``field``."""

    field: Field
    keys: frozenset[str]
    label: str

    def matches(self, article: Article) -> bool:
        return not self.keys.isdisjoint(self.field.keys(article))

    @property
    def indexed(self) -> bool:
        return True

    def _bits(self, articles: Sequence[Article], index: Index, among: int | None) -> int:
        found = index.bitmap(self.field, self.keys)
        return found if among is None else found & among

    def __repr__(self) -> str:
        return self.label


@attrs.frozen(eq=False)
class _Predicate(Filter):
    test: Callable[[Article], bool]
    label: str

    def matches(self, article: Article) -> bool:
        return bool(self.test(article))

    def __repr__(self) -> str:
        return self.label


@attrs.frozen(eq=False)
class _And(Filter):
    parts: tuple[Filter, ...]

    def matches(self, article: Article) -> bool:
        return all(p.matches(article) for p in self.parts)

    @property
    def indexed(self) -> bool:
        return all(p.indexed for p in self.parts)

    def _bits(self, articles: Sequence[Article], index: Index, among: int | None) -> int:
        # Indexed parts first; scanning parts then see only what is left.
        result = among
        for part in self.parts:
            if part.indexed:
                result = part._bits(articles, index, result)
                if not result:
                    return 0
        for part in self.parts:
            if not part.indexed:
                result = part._bits(articles, index, result)
                if not result:
                    return 0
        return _full(articles) if result is None else result

    def __repr__(self) -> str:
        return "(" + " & ".join(map(repr, self.parts)) + ")"


@attrs.frozen(eq=False)
class _Or(Filter):
    parts: tuple[Filter, ...]

    def matches(self, article: Article) -> bool:
        return any(p.matches(article) for p in self.parts)

    @property
    def indexed(self) -> bool:
        return all(p.indexed for p in self.parts)

    def _bits(self, articles: Sequence[Article], index: Index, among: int | None) -> int:
        result = 0
        for part in self.parts:
            result |= part._bits(articles, index, among)
        return result

    def __repr__(self) -> str:
        return "(" + " | ".join(map(repr, self.parts)) + ")"


@attrs.frozen(eq=False)
class _Not(Filter):
    inner: Filter

    def matches(self, article: Article) -> bool:
        return not self.inner.matches(article)

    @property
    def indexed(self) -> bool:
        return self.inner.indexed

    def _bits(self, articles: Sequence[Article], index: Index, among: int | None) -> int:
        pool = _full(articles) if among is None else among
        return pool & ~self.inner._bits(articles, index, among)

    def __repr__(self) -> str:
        return f"~{self.inner!r}"


# ------------------------------------------------------------------ combinators


def all_of(*filters: Filter) -> Filter:
    """Matches when every filter matches (``ALL`` when given none)."""
    parts: list[Filter] = []
    for f in filters:
        _check(f)
        parts.extend(f.parts if isinstance(f, _And) else (f,))
    return parts[0] if len(parts) == 1 else (_And(tuple(parts)) if parts else ALL)


def any_of(*filters: Filter) -> Filter:
    """Matches when some filter matches (``NOTHING`` when given none)."""
    parts: list[Filter] = []
    for f in filters:
        _check(f)
        parts.extend(f.parts if isinstance(f, _Or) else (f,))
    return parts[0] if len(parts) == 1 else (_Or(tuple(parts)) if parts else NOTHING)


def _check(f: object) -> None:
    if not isinstance(f, Filter):
        raise TypeError(f"expected a Filter, got {type(f).__name__}; wrap functions with where()")


def select(f: Filter, articles: Sequence[Article], index: Index | None = None) -> tuple[int, ...]:
    """Sorted positions of the articles ``f`` matches."""
    bits = _match_bits(f, articles, index if index is not None else Index(articles), None)
    return tuple(bitmap_positions(bits))


def _match_bits(f: Filter, articles: Sequence[Article], index: Index, among: int | None) -> int:
    """The bitmap of the articles ``f`` matches, within ``among`` (for ``Corpus.filter``)."""
    _check(f)
    return f._bits(articles, index, among)


# ------------------------------------------------------------------ entity filters


def _name(value: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")
    return value


_E = TypeVar("_E", RegionKind, InstitutionKind, FrameLabel, Stance)


def _enum(value: _E | str, enum: type[_E]) -> _E:
    if isinstance(value, enum):
        return value
    key = norm(str(value)).replace(" ", "_").replace("-", "_")
    for member in enum:
        if key in (member.value, member.name.lower()):
            return member
    choices = ", ".join(m.value for m in enum)
    raise ValueError(f"unknown {enum.__name__} {value!r}; expected one of: {choices}")


def region(
    name: str | None = None,
    *,
    kind: RegionKind | str | None = None,
    include_subregions: bool = True,
    resolver: Resolver | None = None,
) -> Filter:
    """Articles that mention a region, by name, alias or ISO code.

    With ``include_subregions`` (the default) a region also matches the
    articles that mention only a place inside it: "Central Asia" finds the
    one that names Kazakhstan. ``kind`` restricts to regions of that kind
    (alone: any region of the kind).
    """
    if name is None and kind is None:
        raise ValueError("region() needs a name, a kind, or both")
    res = resolver if resolver is not None else default_resolver()
    if kind is not None:
        k = _enum(kind, RegionKind).value
        if name is None:
            return _Keys(REGION_KIND, frozenset({k}), f"region(kind={k!r})")
        keys = frozenset(kind_key(k, n) for n in _region_keys(_name(name, "region"), res))
        return _Keys(REGION_KIND, keys, f"region({name!r}, kind={k!r})")
    assert name is not None
    field = region_tree(res) if include_subregions else REGION
    label = f"region({name!r})" if include_subregions else f"region({name!r}, include_subregions=False)"
    return _Keys(field, _region_keys(_name(name, "region"), res), label)


def _region_keys(name: str, res: Resolver) -> frozenset[str]:
    found = res.region(name)
    return frozenset({norm(name)}) | (entity_keys(found) if found is not None else frozenset())


def institution(
    name: str | None = None, *, kind: InstitutionKind | str | None = None, resolver: Resolver | None = None
) -> Filter:
    """Articles that mention an institution, by name, acronym or alias, and/or of a kind."""
    if name is None and kind is None:
        raise ValueError("institution() needs a name, a kind, or both")
    res = resolver if resolver is not None else default_resolver()
    keys: frozenset[str] = frozenset()
    if name is not None:
        found = res.institution(_name(name, "institution"))
        keys = frozenset({norm(name)}) | (entity_keys(found) if found is not None else frozenset())
    if kind is None:
        return _Keys(INSTITUTION, keys, f"institution({name!r})")
    k = _enum(kind, InstitutionKind).value
    if name is None:
        return _Keys(INSTITUTION_KIND, frozenset({k}), f"institution(kind={k!r})")
    return _Keys(
        INSTITUTION_KIND, frozenset(kind_key(k, n) for n in keys), f"institution({name!r}, kind={k!r})"
    )


def person(name: str, *, resolver: Resolver | None = None) -> Filter:
    """Articles that name a person (full name, alias, or surname alone)."""
    res = resolver if resolver is not None else default_resolver()
    found = res.person(_name(name, "person"))
    keys = frozenset({norm(name)}) | (entity_keys(found) if found is not None else frozenset())
    return _Keys(PERSON, keys, f"person({name!r})")


def author(name: str) -> Filter:
    """Articles written by an author (full name or surname)."""
    return _Keys(AUTHOR, frozenset({norm(_name(name, "author"))}), f"author({name!r})")


def outlet(name: str) -> Filter:
    """Articles from an outlet, compared case-insensitively."""
    return _Keys(OUTLET, frozenset({norm(_name(name, "outlet"))}), f"outlet({name!r})")


def frame_label(value: FrameLabel | str) -> FrameLabel:
    """A frame label from its enum member, value or name ("alliance", "Quasi-alliance")."""
    return _enum(value, FrameLabel)


def frame(label: FrameLabel | str, *, stance: Stance | str | None = None) -> Filter:
    """Articles that hold a reading of the relationship, optionally with one stance."""
    lab = frame_label(label).value
    if stance is None:
        return _Keys(FRAME, frozenset({lab}), f"frame({lab!r})")
    st = _enum(stance, Stance).value
    return _Keys(FRAME, frozenset({kind_key(lab, st)}), f"frame({lab!r}, stance={st!r})")


# ------------------------------------------------------------------ scanning filters


def text(phrase: str, *, case_sensitive: bool = False) -> Filter:
    """Articles whose text contains ``phrase`` (whitespace runs match any whitespace)."""
    words = _name(phrase, "phrase").split()
    if case_sensitive:
        needle = " ".join(words)
        return _Predicate(
            lambda a: needle in " ".join(a.text.split()), f"text({phrase!r}, case_sensitive=True)"
        )
    folded = norm(phrase)
    return _Predicate(lambda a: folded in norm(a.text), f"text({phrase!r})")


def published(
    *,
    overlaps: When | None = None,
    within: When | None = None,
    since: When | None = None,
    until: When | None = None,
    include_unknown: bool = False,
) -> Filter:
    """Articles by publication date, with partial-date semantics.

    ``within=X``: certainly inside X ("Fall 2016" is within 2016);
    ``overlaps=X``: possibly inside X ("Fall 2016" overlaps September 2016);
    ``since``/``until``: possibly on or after / on or before. Several
    conditions must all hold. An article without a stated date matches only
    with ``include_unknown=True``, judged by its ``published_bounds``.
    Values are dates, PartialDates or strings such as ``"2016"``,
    ``"2016-09"``, ``"2016-09-05"`` or ``"Fall 2016"``.
    """
    conditions: list[tuple[str, dt.date, dt.date]] = []
    for mode, value in (("overlaps", overlaps), ("within", within)):
        if value is not None:
            lo, hi = when_range(parse_when(value))
            conditions.append((mode, lo, hi))
    if since is not None or until is not None:
        lo = when_range(parse_when(since))[0] if since is not None else dt.date.min
        hi = when_range(parse_when(until))[1] if until is not None else dt.date.max
        if hi < lo:
            raise ValueError(f"until ({until}) precedes since ({since})")
        conditions.append(("overlaps", lo, hi))
    if not conditions:
        raise ValueError("published() needs overlaps, within, since or until")

    def test(article: Article) -> bool:
        span = article_range(article, include_unknown=include_unknown)
        if span is None:
            return False
        a_lo, a_hi = span
        for mode, lo, hi in conditions:
            if mode == "within":
                if a_lo is None or a_hi is None or not (lo <= a_lo and a_hi <= hi):
                    return False
            elif (a_lo is not None and a_lo > hi) or (a_hi is not None and a_hi < lo):
                return False
        return True

    shown = {"overlaps": overlaps, "within": within, "since": since, "until": until}
    args = ", ".join(f"{k}={str(v)!r}" for k, v in shown.items() if v is not None)
    return _Predicate(test, f"published({args}{', include_unknown=True' if include_unknown else ''})")


def where(test: Callable[[Article], bool], label: str | None = None) -> Filter:
    """Any function of an Article as a filter (scans; combine it after indexed filters)."""
    if not callable(test):
        raise TypeError(f"where() needs a callable, got {type(test).__name__}")
    return _Predicate(test, label or f"where({getattr(test, '__name__', 'predicate')})")
