"""Resolving what a user types ("SCO", "KZ", "Central Asia") to the names an
Article carries, and regions to the regions that contain them.

Queries and indexes see the curated knowledge only through the small
:class:`Resolver` protocol, so a test (or a user with their own gazetteer) can
inject one; by default the package gazetteer is loaded on first use.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from ..model import Institution, Person, Region

__all__ = [
    "NullResolver",
    "Resolver",
    "default_resolver",
    "entity_keys",
    "norm",
    "person_keys",
    "region_lineage",
]


@runtime_checkable
class Resolver(Protocol):
    """What queries need from a gazetteer: look-ups by any name, and the region tree."""

    def region(self, key: str) -> Region | None: ...

    def institution(self, key: str) -> Institution | None: ...

    def person(self, key: str) -> Person | None: ...

    def ancestors(self, region: Region) -> Sequence[Region]: ...


class NullResolver:
    """A resolver that knows nothing: names match only as printed, parents only one step."""

    def region(self, key: str) -> Region | None:
        return None

    def institution(self, key: str) -> Institution | None:
        return None

    def person(self, key: str) -> Person | None:
        return None

    def ancestors(self, region: Region) -> Sequence[Region]:
        return ()


@functools.cache
def default_resolver() -> Resolver:
    """The package gazetteer, loaded once; a :class:`NullResolver` if it is unavailable."""
    try:
        module = importlib.import_module(".gazetteer", __package__)
        gazetteer = module.load_gazetteer()
    except (ImportError, AttributeError):  # a partial install: match names as printed
        return NullResolver()
    if not isinstance(gazetteer, Resolver):
        return NullResolver()
    return gazetteer


def norm(value: str) -> str:
    """The comparison form of a name: case-folded, whitespace collapsed."""
    return " ".join(value.casefold().split())


def entity_keys(entity: Region | Institution | Person) -> frozenset[str]:
    """Every normalised name an entity answers to: name, aliases, acronym or ISO code."""
    names: list[str] = [entity.name, *entity.aliases]
    if isinstance(entity, Institution) and entity.acronym:
        names.append(entity.acronym)
    if isinstance(entity, Region) and entity.iso_code:
        names.append(entity.iso_code)
    return frozenset(norm(n) for n in names if n.strip())


def person_keys(name: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    """A person's names, plus the surname alone so "Putin" finds "Vladimir Putin"."""
    keys = {norm(n) for n in (name, *aliases) if n.strip()}
    words = norm(name).split()
    if len(words) > 1:
        keys.add(words[-1])
    return frozenset(keys)


def region_lineage(region: Region, resolver: Resolver) -> tuple[Region | str, ...]:
    """The regions enclosing ``region``, nearest first.

    The resolver's tree is used when it knows the region; otherwise the
    region's own ``parent`` name, and that parent's ancestors if the resolver
    knows the parent. Unknown parents are returned as bare names.
    """
    known = resolver.region(region.name)
    if known is not None:
        chain = tuple(resolver.ancestors(known))
        if chain:
            return chain
    if region.parent is None:
        return ()
    parent = resolver.region(region.parent)
    if parent is None:
        return (region.parent,)
    return (parent, *resolver.ancestors(parent))
