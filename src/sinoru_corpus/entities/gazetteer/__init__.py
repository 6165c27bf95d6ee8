"""The curated gazetteer: regions, institutions and people of the field.

>>> gaz = load_gazetteer()          # the packaged data, loaded once on first use
>>> gaz.region("Central Asian")     # by name, alias, adjective or ISO code
>>> gaz.ancestors("Kazakhstan")     # nearest first

The data files live in ``entities/gazetteer/data/`` (``regions.json``,
``institutions.json``, ``people.json``); ``load_gazetteer(directory)`` reads
the same three files from another folder (tests, user extensions).
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ...model import Institution, Person, Region
from ._load import GazetteerData, Surface, parse_files
from ._matcher import Hit, Matcher, context_test

__all__ = ["Gazetteer", "Hit", "load_gazetteer", "lookup_key"]

_FILES = ("regions.json", "institutions.json", "people.json")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


def lookup_key(name: str) -> str:
    """The case- and spacing-insensitive key used by the ``Gazetteer`` lookups."""
    # str.split() cuts at exactly the characters \s matches (str.isspace), NBSP included
    key = " ".join(name.translate(_FOLD).split()).casefold()
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Curated entities with lookups, hierarchy and the compiled mention matcher.

    A service object: indexes and the matcher are built on first use.
    """

    __slots__ = ("_data", "_index", "_matcher")

    def __init__(self, data: GazetteerData) -> None:
        self._data = data
        self._index: dict[str, dict[str, object]] | None = None
        self._matcher: Matcher | None = None

    def __repr__(self) -> str:
        return (
            f"Gazetteer(regions={len(self.regions)}, institutions={len(self.institutions)}, "
            f"people={len(self.people)})"
        )

    @property
    def regions(self) -> tuple[Region, ...]:
        return self._data.regions

    @property
    def institutions(self) -> tuple[Institution, ...]:
        return self._data.institutions

    @property
    def people(self) -> tuple[Person, ...]:
        return self._data.people

    @property
    def surfaces(self) -> tuple[Surface, ...]:
        """Every printed form the matcher looks for, with its entity."""
        return self._data.surfaces

    # ------------------------------------------------------------ lookups

    def _indexes(self, kind: str) -> dict[str, object]:
        """The lookup table of one kind ("region", "institution", "person"), built on first use."""
        if self._index is None:
            self._index = {}
        table = self._index.get(kind)
        if table is not None:
            return table
        table = self._index[kind] = {}
        # Canonical names first, so an alias never shadows another entry's name.
        if kind == "region":
            for r in self.regions:
                table.setdefault(lookup_key(r.name), r)
            for key, r in self._data.region_keys:
                table.setdefault(lookup_key(key), r)
            for r in self.regions:
                for alias in r.aliases:
                    table.setdefault(lookup_key(alias), r)
        elif kind == "institution":
            for i in self.institutions:
                table.setdefault(lookup_key(i.name), i)
            for i in self.institutions:
                for alias in (*((i.acronym,) if i.acronym else ()), *i.aliases):
                    table.setdefault(lookup_key(alias), i)
        else:
            for p in self.people:
                table.setdefault(lookup_key(p.name), p)
            for p in self.people:
                for alias in p.aliases:
                    table.setdefault(lookup_key(alias), p)
        return table

    def region(self, key: str) -> Region | None:
        """The region named ``key`` (name, alias, adjective or ISO code; any case)."""
        found = self._indexes("region").get(lookup_key(key))
        return found if isinstance(found, Region) else None

    def institution(self, key: str) -> Institution | None:
        """The institution named ``key`` (name, acronym or alias; any case)."""
        found = self._indexes("institution").get(lookup_key(key))
        return found if isinstance(found, Institution) else None

    def person(self, key: str) -> Person | None:
        """The person named ``key`` (name or alias; any case)."""
        found = self._indexes("person").get(lookup_key(key))
        return found if isinstance(found, Person) else None

    # ---------------------------------------------------------- hierarchy

    def _resolve(self, region: Region | str) -> Region | None:
        return self.region(region) if isinstance(region, str) else region

    def parent(self, region: Region | str) -> Region | None:
        """The enclosing region, or ``None`` at the top (or for an unknown name)."""
        found = self._resolve(region)
        if found is None or found.parent is None:
            return None
        return self.region(found.parent)

    def ancestors(self, region: Region | str) -> tuple[Region, ...]:
        """Enclosing regions, nearest first; stops on a cycle instead of looping."""
        out: list[Region] = []
        current = self.parent(region)
        while current is not None and current not in out:
            out.append(current)
            current = self.parent(current)
        return tuple(out)

    def descendants(self, region: Region | str) -> tuple[Region, ...]:
        """Every region inside ``region``, at all levels, breadth first in data order."""
        found = self._resolve(region)
        if found is None:
            return ()
        children: dict[str, list[Region]] = {}
        for r in self.regions:
            if r.parent is not None:
                children.setdefault(r.parent, []).append(r)
        out: list[Region] = []
        seen = {found.name}
        queue = [found.name]
        while queue:
            name = queue.pop(0)
            for child in children.get(name, ()):
                if child.name not in seen:
                    seen.add(child.name)
                    out.append(child)
                    queue.append(child.name)
        return tuple(out)

    # ------------------------------------------------------------ matching

    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self._data.surfaces)
        return self._matcher

    def scan(
        self, text: str, spans: tuple[tuple[int, int], ...], has_word: Callable[[str], bool] | None = None
    ) -> Iterator[Hit]:
        """Curated names (and non-entity blockers) in each span, leftmost-longest."""
        matcher = self.matcher()
        test = context_test(text) if has_word is None else has_word
        hits: list[Hit] = []
        for start, end in spans:
            hits += matcher.scan(text, start, end, test)
        return iter(hits)


def _read_dir(directory: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name in _FILES:
        path = directory / name
        if path.is_file():
            texts[name] = path.read_text(encoding="utf-8")
    return texts


@functools.cache
def _packaged() -> Gazetteer:
    root = importlib.resources.files(__name__).joinpath("data")
    texts: dict[str, str] = {}
    for name in _FILES:
        item = root.joinpath(name)
        if item.is_file():
            texts[name] = item.read_text(encoding="utf-8")
    return Gazetteer(parse_files(texts))


def load_gazetteer(directory: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The gazetteer of the packaged data (cached), or of the three files in ``directory``.

    Raises :class:`~sinoru_corpus.errors.SchemaError` when a file is malformed.
    """
    if directory is None:
        return _packaged()
    return Gazetteer(parse_files(_read_dir(Path(directory))))
