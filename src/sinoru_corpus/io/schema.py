"""A JSON Schema (draft 2020-12) of the serialized form, generated from the model.

The schema is derived by introspecting the attrs classes (``attrs.fields`` and
``typing.get_type_hints``), so it cannot drift from what
:mod:`sinoru_corpus.io.serialize` writes: one ``$defs`` entry per class and enum,
``additionalProperties: false`` everywhere, required fields = fields without a
default, and the top-level ``schema_version`` and ``type``.

>>> schema = json_schema()
>>> schema["properties"]["type"]
{'const': 'Article'}
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

from .. import model
from ._convert import ENTITY_TAGS, MODEL_CLASSES
from .serialize import SCHEMA_VERSION

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NON_BLANK = "\\S"  # what the model's non-blank validators demand
# Ranges PartialDate checks in its __attrs_post_init__.
_BOUNDS: dict[tuple[type[Any], str], tuple[int, int]] = {
    (model.PartialDate, "year"): (1, 9999),
    (model.PartialDate, "month"): (1, 12),
    (model.PartialDate, "day"): (1, 31),
}


def json_schema(cls: type[Any] = model.Article) -> dict[str, Any]:
    """The JSON Schema of a top-level document of ``cls``, as ``to_dict`` writes it.

    The result is a fresh, deterministic ``dict``; ``json.dumps`` it to publish it.
    """
    if cls not in MODEL_CLASSES:
        raise TypeError(f"json_schema expects a sinoru_corpus model class, got {cls!r}")
    builder = _Builder()
    body = builder.object_schema(cls)
    properties = {
        "schema_version": {"const": SCHEMA_VERSION},
        "type": {"const": cls.__name__},
        **body["properties"],
    }
    out: dict[str, Any] = {
        "$schema": _DIALECT,
        "title": f"sinoru_corpus {cls.__name__}, schema_version {SCHEMA_VERSION}",
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "required": ["schema_version", "type", *body["required"]],
        "additionalProperties": False,
    }
    if builder.defs:
        out["$defs"] = {name: builder.defs[name] for name in sorted(builder.defs)}
    return out


class _Builder:
    """Collects ``$defs`` while turning type hints into schemas."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def object_schema(self, cls: type[Any], tag: str | None = None) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in attrs.fields(cls):
            schema = self.schema_of(hints[field.name])
            schema.update(_constraints(cls, field))
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
        out["additionalProperties"] = False
        return out

    def ref(self, cls: type[Any], tag: str | None = None) -> dict[str, Any]:
        name = cls.__name__ if tag is None else f"{cls.__name__}Entity"
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name before recursing
            doc = _summary(cls)
            if tag is not None:
                doc = f"{cls.__name__} inside a Mention or Speaker, tagged with its type {tag!r}."
            self.defs[name] = {"description": doc, **self.object_schema(cls, tag)}
        return {"$ref": f"#/$defs/{name}"}

    def schema_of(self, hint: Any) -> dict[str, Any]:
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is type(None):
            return {"type": "null"}
        if hint is dt.date:
            return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            if hint.__name__ not in self.defs:
                self.defs[hint.__name__] = {"type": "string", "enum": [member.value for member in hint]}
            return {"$ref": f"#/$defs/{hint.__name__}"}
        if attrs.has(hint):
            return self.ref(hint)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.schema_of(args[0])}
        if origin in (types.UnionType, typing.Union):
            members = [arg for arg in args if arg is not type(None)]
            if all(arg in ENTITY_TAGS for arg in members) and len(members) > 1:
                # Entities inside a Mention or Speaker carry a "type" tag.
                choices = [self.ref(arg, ENTITY_TAGS[arg]) for arg in members]
            else:
                choices = [self.schema_of(arg) for arg in members]
            if len(members) < len(args):
                choices.append({"type": "null"})
            return choices[0] if len(choices) == 1 else {"oneOf": choices}
        raise TypeError(f"no JSON Schema for type {hint!r}")


def _summary(cls: type[Any]) -> str:
    """The first paragraph of a class docstring, on one line."""
    return " ".join((cls.__doc__ or cls.__name__).strip().split("\n\n")[0].split())


def _validators(field: attrs.Attribute[Any]) -> list[Any]:
    """A field's validators, flattening ``and_`` groups (attrs keeps them in ``_validators``)."""
    found = [field.validator] if field.validator is not None else []
    out: list[Any] = []
    while found:
        item = found.pop(0)
        nested = getattr(item, "_validators", None)
        if nested is not None:
            found[0:0] = list(nested)
        else:
            out.append(item)
    return out


def _constraints(cls: type[Any], field: attrs.Attribute[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    bounds = _BOUNDS.get((cls, field.name))
    if bounds is not None:
        out["minimum"], out["maximum"] = bounds
    for validator in _validators(field):
        if validator is model._non_negative:
            out["minimum"] = 0
        elif validator in (model._non_empty, model._optional_non_empty):
            out["pattern"] = _NON_BLANK
    return out
