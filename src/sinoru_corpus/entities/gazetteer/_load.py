"""Reading and validating the curated gazetteer files.

The three JSON files (``regions.json``, ``institutions.json``, ``people.json``)
become model objects plus the :class:`Surface` table the matcher compiles.
Every problem found is collected and raised at once as a
:class:`~sinoru_corpus.errors.SchemaError`, so a bad edit names all its faults.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ...errors import SchemaError
from ...model import Entity, Institution, InstitutionKind, Person, Region, RegionKind

__all__ = ["GazetteerData", "Surface", "parse_files"]


@attrs.frozen
class Surface:
    """One printed form the matcher looks for.

    ``entity`` is ``None`` for a non-entity (a name such as "Power of Siberia"
    matched only so that the names inside it are not mentions). ``context``
    lists words of which one must appear in the article for the form to count.
    """

    text: str
    entity: Entity | None
    context: tuple[str, ...] = ()


@attrs.frozen
class GazetteerData:
    regions: tuple[Region, ...]
    institutions: tuple[Institution, ...]
    people: tuple[Person, ...]
    surfaces: tuple[Surface, ...]
    # lookup-only keys (ISO codes, adjectives) -> region
    region_keys: tuple[tuple[str, Region], ...]


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, path: str, reason: str) -> None:
        self.items.append(f"{self.source}: $.{path}: {reason}")


def _str(obj: dict[str, Any], key: str, path: str, problems: _Problems, *, optional: bool) -> str | None:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(f"{path}.{key}", f"expected a non-empty string, got {value!r}")
        return None
    return value


def _strs(obj: dict[str, Any], key: str, path: str, problems: _Problems) -> tuple[str, ...]:
    value = obj.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(f"{path}.{key}", f"expected a list of non-empty strings, got {value!r}")
        return ()
    return tuple(value)


def _entries(doc: Any, key: str, problems: _Problems) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(doc, dict):
        problems.add("", "expected an object")
        return
    if doc.get("schema") != 1:
        problems.add("schema", f"expected 1, got {doc.get('schema')!r}")
    items = doc.get(key)
    if not isinstance(items, list):
        problems.add(key, "expected a list")
        return
    for i, item in enumerate(items):
        path = f"{key}[{i}]"
        if isinstance(item, dict):
            yield path, item
        else:
            problems.add(path, "expected an object")


def _enum(value: Any, enum: Callable[[Any], Any], path: str, problems: _Problems) -> Any:
    try:
        return enum(value)
    except ValueError:
        problems.add(path, f"unknown kind {value!r}")
        return None


def _regions(
    doc: Any, problems: _Problems, out: list[Surface]
) -> tuple[list[Region], list[tuple[str, Region]]]:
    regions: list[Region] = []
    keys: list[tuple[str, Region]] = []
    for path, item in _entries(doc, "regions", problems):
        name = _str(item, "name", path, problems, optional=False)
        kind = _enum(item.get("kind"), RegionKind, f"{path}.kind", problems)
        parent = _str(item, "parent", path, problems, optional=True)
        iso = _str(item, "iso_code", path, problems, optional=True)
        aliases = _strs(item, "aliases", path, problems)
        adjectives = _strs(item, "adjectives", path, problems)
        context = _strs(item, "context", path, problems)
        if name is None or kind is None:
            continue
        region = Region(name=name, kind=kind, aliases=aliases, parent=parent, iso_code=iso)
        regions.append(region)
        # The context words guard the ambiguous aliases; the canonical name too
        # when the entry has context ("Georgia" the state vs the country).
        out.extend(Surface(s, region, context) for s in (name, *aliases, *adjectives))
        keys.extend((a, region) for a in adjectives)
        if iso:
            keys.append((iso, region))
    return regions, keys


def _institutions(doc: Any, problems: _Problems, out: list[Surface]) -> list[Institution]:
    institutions: list[Institution] = []
    for path, item in _entries(doc, "institutions", problems):
        name = _str(item, "name", path, problems, optional=False)
        kind = _enum(item.get("kind"), InstitutionKind, f"{path}.kind", problems)
        acronym = _str(item, "acronym", path, problems, optional=True)
        country = _str(item, "country", path, problems, optional=True)
        aliases = _strs(item, "aliases", path, problems)
        context = _strs(item, "context", path, problems)
        if name is None or kind is None:
            continue
        inst = Institution(name=name, kind=kind, acronym=acronym, aliases=aliases, country=country)
        institutions.append(inst)
        forms = (name, *((acronym,) if acronym else ()), *aliases)
        out.extend(Surface(s, inst, context) for s in forms)
    if isinstance(doc, dict):
        blockers = doc.get("non_entities", [])
        if not isinstance(blockers, list) or not all(isinstance(b, str) and b.strip() for b in blockers):
            problems.add("non_entities", "expected a list of non-empty strings")
        else:
            out.extend(Surface(b, None) for b in blockers)
    return institutions


def _people(doc: Any, problems: _Problems, out: list[Surface]) -> list[Person]:
    people: list[Person] = []
    for path, item in _entries(doc, "people", problems):
        name = _str(item, "name", path, problems, optional=False)
        role = _str(item, "role", path, problems, optional=True)
        country = _str(item, "country", path, problems, optional=True)
        aliases = _strs(item, "aliases", path, problems)
        if name is None:
            continue
        person = Person(name=name, aliases=aliases, role=role, country=country)
        people.append(person)
        out.extend(Surface(s, person) for s in (name, *aliases))
    return people


def parse_files(texts: dict[str, str]) -> GazetteerData:
    """Build the gazetteer from the three files' text, keyed by file name.

    A missing file counts as empty. Raises :class:`SchemaError` listing every problem.
    """
    all_problems: list[str] = []
    surfaces: list[Surface] = []

    def load(name: str, key: str) -> tuple[Any, _Problems]:
        problems = _Problems(name)
        raw = texts.get(name)
        if raw is None:
            return {"schema": 1, key: []}, problems
        try:
            return json.loads(raw), problems
        except json.JSONDecodeError as exc:
            problems.add("", f"not JSON: {exc}")
            return {"schema": 1, key: []}, problems

    doc, p = load("regions.json", "regions")
    regions, region_keys = _regions(doc, p, surfaces)
    all_problems += p.items
    doc, p = load("institutions.json", "institutions")
    institutions = _institutions(doc, p, surfaces)
    all_problems += p.items
    doc, p = load("people.json", "people")
    people = _people(doc, p, surfaces)
    all_problems += p.items

    names = {r.name for r in regions}
    for r in regions:
        if r.parent is not None and r.parent not in names:
            all_problems.append(f"regions.json: {r.name!r}: parent {r.parent!r} is not a region")
    if all_problems:
        raise SchemaError(all_problems)
    return GazetteerData(
        regions=tuple(regions),
        institutions=tuple(institutions),
        people=tuple(people),
        surfaces=tuple(surfaces),
        region_keys=tuple(region_keys),
    )
