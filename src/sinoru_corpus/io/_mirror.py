"""msgspec Struct mirrors of the model: a JSON document is parsed and type-checked in one C call.

For every model class, a frozen ``msgspec.Struct`` with the same fields, in the same
order, is generated from the class's type hints (never written by hand, so a field
added to the model is mirrored too). Every field is required, unknown keys are
refused, the entity unions are tagged on ``"type"``, and the top-level document is a
tagged union of all classes, each with its ``schema_version``. One
``msgspec.json.Decoder`` call therefore checks what the reference converter checks
about JSON types, presence and keys; the generated builders then make the model
objects through their own constructors (so every validator runs) and count keys and
colons, which shows whether a key was given twice (msgspec keeps the last one, the
reference refuses the document). An entity slot is kept as raw JSON by the first
pass: each distinct entity text is decoded, checked and built once, then reused.

Anything unexpected, the first failure included, means "ask the reference": the
caller goes on to the cattrs converter, which accepts or words every problem.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import msgspec

from ._convert import ENTITY_TAGS, MODEL_CLASSES, GeneratedNames

__all__ = ["mirror_load"]


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


def _optional(hint: Any) -> tuple[Any, bool]:
    """``(the hint without None, whether None is allowed)``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        members = tuple(arg for arg in args if arg is not type(None))
        if len(members) < len(args):
            return (members[0] if len(members) == 1 else typing.Union[members]), True  # noqa: UP007
    return hint, False


def _entity_union(hint: Any) -> tuple[type[Any], ...] | None:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = typing.get_args(hint)
        if len(members) > 1 and all(member in ENTITY_TAGS for member in members):
            return members
    return None


class _Mirrors(GeneratedNames):
    """The Struct types and the source of the builders, generated once."""

    def __init__(self) -> None:
        super().__init__({"_tuple": tuple})
        self.plain: dict[type[Any], type[Any]] = {}
        self.tagged: dict[type[Any], type[Any]] = {}
        self.readers: dict[Any, str] = {}
        # filled after the builders are compiled; the entity readers look them up
        self.entity_builders: dict[type[Any], Callable[[Any, list[int]], Any]] = {}
        self.canonical: dict[Any, Any] = {}
        self.lines: list[str] = []

    # ---------------------------------------------------------------- types

    def mirror_type(self, hint: Any, *, entity: bool = False) -> Any:
        """The mirror of ``hint``; an entity slot is ``msgspec.Raw`` unless ``entity`` is set."""
        if not entity and _entity_slot(hint):
            return msgspec.Raw
        if hint in (str, int, bool, type(None), dt.date) or _is_enum(hint):
            if _is_enum(hint) and not all(type(m.value) is str and ":" not in m.value for m in hint):
                raise TypeError(f"no mirror for enum {hint!r}")  # colons are counted in strings only
            return hint
        if attrs.has(hint):
            return self.struct(hint, tagged=False)
        inner, optional = _optional(hint)
        if optional:
            return self.mirror_type(inner, entity=entity) | None
        members = _entity_union(hint)
        if members is not None:
            return typing.Union[tuple(self.struct(m, tagged=True) for m in members)]  # noqa: UP007
        if typing.get_origin(hint) is tuple:
            args = typing.get_args(hint)
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple[self.mirror_type(args[0]), ...]  # type: ignore[misc]
        raise TypeError(f"no mirror for {hint!r}")

    def struct(self, cls: type[Any], *, tagged: bool, top: bool = False) -> type[Any]:
        table = self.tagged if tagged else self.plain
        if cls in table and not top:
            return table[cls]
        hints = typing.get_type_hints(cls)
        fields: list[tuple[str, Any]] = [(f.name, self.mirror_type(hints[f.name])) for f in attrs.fields(cls)]
        names = {name for name, _ in fields}
        if names & {"type", "schema_version"}:
            raise TypeError(f"{cls.__name__} has a field named like a document key")
        options: dict[str, Any] = {"forbid_unknown_fields": True, "frozen": True, "gc": False}
        if top:
            fields.insert(0, ("schema_version", int))
            options.update(tag_field="type", tag=cls.__name__)
        elif tagged:
            options.update(tag_field="type", tag=ENTITY_TAGS[cls])
        kind = "Doc" if top else "Tagged" if tagged else ""
        struct = msgspec.defstruct(f"_{cls.__name__}{kind}Mirror", fields, **options)
        if not top:
            table[cls] = struct
        return struct

    # ------------------------------------------------------------- builders

    def value(self, var: str, hint: Any, pad: str) -> list[str]:
        """Lines that turn mirror value ``var`` into the model's value (in place) and count colons."""
        if hint is str:
            return [f"{pad}c[0] += {var}.count(':')"]
        if hint in (int, bool, type(None), dt.date) or _is_enum(hint):
            return []
        if _entity_slot(hint):
            return [f"{pad}{var} = {self.entity_reader(hint)}({var}, c)"]
        if attrs.has(hint):
            return [f"{pad}{var} = _b_{hint.__name__}({var}, c)"]
        inner, optional = _optional(hint)
        if optional:
            body = self.value(var, inner, pad + "    ")
            return [f"{pad}if {var} is not None:", *body] if body else []
        item = typing.get_args(hint)[0]
        if item is str:
            return [f"{pad}c[0] += ''.join({var}).count(':')"]
        if item in (int, bool):
            return []
        self.counter += 1
        it = f"_i{self.counter}"
        body = self.value(it, item, "")
        if len(body) == 1 and body[0].startswith(f"{it} = "):
            return [f"{pad}{var} = _tuple([{body[0][len(it) + 3 :]} for {it} in {var}])"]
        raise TypeError(f"no builder for {hint!r}")

    def entity_reader(self, hint: Any) -> str:
        """The name of a function reading one entity slot of type ``hint`` from its raw JSON.

        Entities repeat across mentions and articles, so each distinct text of one is
        decoded, checked and built once (and equal objects are one object): later
        occurrences cost a dict lookup, not a parse.
        """
        if hint not in self.readers:
            decoder = msgspec.json.Decoder(self.mirror_type(hint, entity=True))
            self.readers[hint] = self.const(_reader(decoder, self.entity_builders, self.canonical), "R")
        return self.readers[hint]

    def builder(self, cls: type[Any]) -> None:
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        lines = [f"def _b_{cls.__name__}(m, c):"]
        positional: list[str] = []
        keywords: list[str] = []
        for i, field in enumerate(fields):
            var = f"a{i}"
            lines.append(f"    {var} = m.{field.name}")
            lines += self.value(var, hints[field.name], "    ")
            if field.kw_only or not field.init:
                keywords.append(f"{field.name}={var}")
            else:
                positional.append(var)
        lines.append(f"    c[0] += {len(fields)}")
        lines.append(f"    return {self.const(cls, 'K')}({', '.join(positional + keywords)})")
        self.lines += lines

    def compile(self) -> _Compiled:
        tops: list[type[Any]] = []
        top_of: dict[type[Any], type[Any]] = {}
        for cls in MODEL_CLASSES:
            top = self.struct(cls, tagged=False, top=True)
            tops.append(top)
            top_of[top] = cls
        for cls in MODEL_CLASSES:
            self.builder(cls)
        exec("\n".join(self.lines), self.names)  # generated from the model's own type hints
        for cls in ENTITY_TAGS:
            plain = self.names[f"_b_{cls.__name__}"]
            if cls in self.plain:
                self.entity_builders[self.plain[cls]] = plain
            if cls in self.tagged:
                self.entity_builders[self.tagged[cls]] = _plus_one(plain)
        decoder = msgspec.json.Decoder(typing.Union[tuple(tops)])  # noqa: UP007
        table = {top: self.names[f"_b_{cls.__name__}"] for top, cls in top_of.items()}
        return decoder, table


# Distinct entity texts kept per slot type (a corpus of curated entities fits; names found
# in page text are mostly distinct, so the cache is emptied when full: memory stays bounded).
_CACHE_SIZE = 16384


def _entity_slot(hint: Any) -> bool:
    """Whether ``hint`` holds an entity (or a tagged choice of entities), maybe ``None``."""
    inner = _optional(hint)[0]
    return inner in ENTITY_TAGS or _entity_union(inner) is not None


def _reader(
    decoder: msgspec.json.Decoder[Any],
    builders: dict[type[Any], Callable[[Any, list[int]], Any]],
    canonical: dict[Any, Any],
) -> Callable[[msgspec.Raw, list[int]], Any]:
    cache: dict[bytes, tuple[Any, int]] = {}

    def read(raw: msgspec.Raw, c: list[int]) -> Any:
        key = bytes(raw)
        hit = cache.get(key)
        if hit is None:
            mirror = decoder.decode(key)
            counter = [0]
            obj = None if mirror is None else builders[type(mirror)](mirror, counter)
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            if len(canonical) >= _CACHE_SIZE:
                canonical.clear()
            hit = cache[key] = (canonical.setdefault(obj, obj), counter[0])
        c[0] += hit[1]
        return hit[0]

    return read


def _plus_one(build: Callable[[Any, list[int]], Any]) -> Callable[[Any, list[int]], Any]:
    """A tagged entity has one key more than the plain one: its ``"type"``."""

    def tagged(mirror: Any, c: list[int]) -> Any:
        c[0] += 1
        return build(mirror, c)

    return tagged


_Compiled = tuple[msgspec.json.Decoder[Any], dict[type[Any], Callable[..., Any]]]


@functools.cache
def _compiled() -> _Compiled | None:
    try:
        return _Mirrors().compile()
    except Exception:  # a model type without a mirror: every document goes to the reference (tested)
        return None


def mirror_load(text: str | bytes, version: int) -> tuple[Any, int] | None:
    """``(object, keys and colons seen)`` of a document, or ``None``: ask the reference.

    ``None`` when the bytes are not JSON, a value has the wrong JSON type, a key is
    missing or unknown, the ``schema_version`` is not ``version``, or a constructor
    refuses a value. The count is compared by the caller with the colons of ``text``.
    """
    compiled = _compiled()
    if compiled is None:
        return None
    decoder, table = compiled
    try:
        doc = decoder.decode(text)
    except Exception:  # not JSON, or not a document of this version's shape
        return None
    if doc.schema_version != version:
        return None
    build = table[type(doc)]
    counter = [2]  # "schema_version" and "type"
    try:
        return build(doc, counter), counter[0]
    except Exception:  # a validator refused a value: the reference words it
        return None
