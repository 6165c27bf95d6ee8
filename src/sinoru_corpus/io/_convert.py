"""The cattrs converter behind :mod:`sinoru_corpus.io.serialize`, and its error paths.

Structuring is strict: a bool is not an int, an int is not a string, an array is
the only sequence, unknown keys are errors, and every attrs field validator runs
on its own field so that its message lands on the field's path. Failures are
cattrs' detailed-validation exception groups; :func:`problems_of` walks them into
``"$.path: reason"`` lines.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from .. import model
from ..model import Institution, PartialDate, Person, Region

__all__ = ["ENTITY_TAGS", "MODEL_CLASSES", "GeneratedNames", "converter", "json_type", "problems_of"]

# Every attrs class of the model, so a class added there is (un)structured here too.
MODEL_CLASSES: tuple[type[Any], ...] = tuple(
    cls for name in model.__all__ if isinstance(cls := getattr(model, name), type) and attrs.has(cls)
)

# The "type" tag of each entity class inside Mention.entity and Speaker.entity.
ENTITY_TAGS: dict[type[Any], str] = {Region: "region", Institution: "institution", Person: "person"}
_MENTION_ENTITY = Region | Institution | Person
_SPEAKER_ENTITY = Person | Institution | None

# Range checks the model enforces in PartialDate.__attrs_post_init__, repeated
# here so each one is reported on its own field.
_RANGES: dict[tuple[type[Any], str], tuple[int, int]] = {
    (PartialDate, "year"): (1, 9999),
    (PartialDate, "month"): (1, 12),
    (PartialDate, "day"): (1, 31),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Problem(Exception):
    """A structuring failure whose message is already user-facing."""


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


# ------------------------------------------------------------- primitives


def _structure_str(value: Any, _type: Any) -> str:
    if type(value) is not str:
        raise Problem(f"expected a string, got {json_type(value)}")
    return value


def _structure_int(value: Any, _type: Any) -> int:
    if type(value) is not int:
        raise Problem(f"expected an integer, got {json_type(value)}")
    return value


def _structure_bool(value: Any, _type: Any) -> bool:
    if type(value) is not bool:
        raise Problem(f"expected a boolean, got {json_type(value)}")
    return value


def _structure_date(value: Any, _type: Any) -> dt.date:
    if type(value) is not str:
        raise Problem(f"expected a date string YYYY-MM-DD, got {json_type(value)}")
    if not _ISO_DATE.fullmatch(value):
        raise Problem(f"{value!r} is not a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Problem(f"{value!r} is not a calendar date") from None


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {member.value: member for member in cls}
    expected = ", ".join(str(member.value) for member in cls)

    def structure(value: Any, _type: Any) -> enum.Enum:
        if type(value) is not str:
            raise Problem(f"expected a string, got {json_type(value)}")
        try:
            return by_value[value]
        except KeyError:
            raise Problem(f"unknown value {value!r} (expected one of: {expected})") from None

    return structure


def _is_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


# ------------------------------------------------------------- structure hooks


def _tuple_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = typing.get_args(t)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure(value: Any, _type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Problem(f"expected an array, got {json_type(value)}")
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(item_hook(item, item_type))
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"item {index}", index, item_type))
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, tuple)
        return tuple(out)

    return structure


class _CrossField(Exception):
    """A validator looked at another field: it runs again in the constructor."""


class _NoInstance:
    def __getattr__(self, name: str) -> Any:
        raise _CrossField(name)


_NO_INSTANCE = _NoInstance()


def _checked(base: Callable[[Any, Any], Any], cls: type[Any], field: attrs.Attribute[Any]) -> Any:
    """Wrap a field's hook so the field's own validator (and range) fail on the field's path."""
    bounds = _RANGES.get((cls, field.name))
    validator = field.validator
    prefix = f"{field.name} "

    def structure(value: Any, t: Any) -> Any:
        out = base(value, t)
        if bounds is not None and out is not None and not bounds[0] <= out <= bounds[1]:
            raise Problem(f"{out} is not in {bounds[0]}..{bounds[1]}")
        if validator is not None:
            try:
                validator(_NO_INSTANCE, field, out)
            except _CrossField:
                pass
            except ValueError as exc:
                message = str(exc)
                raise Problem(message.removeprefix(prefix)) from None
        return out

    return structure


def _attrs_hook(conv: cattrs.Converter, cls: type[Any]) -> Callable[[Any, Any], Any]:
    hints = typing.get_type_hints(cls)
    overrides = {
        field.name: override(struct_hook=_checked(conv.get_structure_hook(hints[field.name]), cls, field))
        for field in attrs.fields(cls)
        if field.validator is not None or (cls, field.name) in _RANGES
    }
    inner = make_dict_structure_fn(cls, conv, **overrides)  # type: ignore[arg-type]

    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise Problem(f"expected an object, got {json_type(value)}")
        return inner(value, cls)

    return structure


def _field_error(name: str, exc: Exception, owner: Any) -> ClassValidationError:
    exc.add_note(AttributeValidationNote(f"Structuring @ attribute {name}", name, owner))
    return ClassValidationError("While structuring a tagged entity", [exc], object)


def _union_hook(conv: cattrs.Converter, optional: bool, members: tuple[type[Any], ...]) -> Any:
    by_tag = {ENTITY_TAGS[cls]: cls for cls in members}
    expected = ", ".join(sorted(by_tag))

    def structure(value: Any, _type: Any) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            raise Problem(f"expected an object, got {json_type(value)}")
        if "type" not in value:
            raise _field_error("type", KeyError("type"), str)
        tag = value["type"]
        if type(tag) is not str:
            raise _field_error("type", Problem(f"expected a string, got {json_type(tag)}"), str)
        cls = by_tag.get(tag)
        if cls is None:
            raise _field_error("type", Problem(f"unknown value {tag!r} (expected one of: {expected})"), str)
        rest = {key: item for key, item in value.items() if key != "type"}
        return conv.get_structure_hook(cls)(rest, cls)

    return structure


def _union_unhook(conv: cattrs.Converter) -> Callable[[Any], Any]:
    def unstructure(value: Any) -> Any:
        if value is None:
            return None
        cls = type(value)
        fields: dict[str, Any] = conv.unstructure(value, cls)
        return {"type": ENTITY_TAGS[cls], **fields}

    return unstructure


@functools.cache
def converter() -> cattrs.Converter:
    """The converter for every model class, built once on first use."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_unstructure_hook_factory(_is_enum, lambda _t: _enum_value)
    conv.register_structure_hook_factory(_is_tuple, lambda t: _tuple_hook(conv, t))
    conv.register_unstructure_hook_factory(_is_tuple, lambda t: _list_unhook(conv, t))
    conv.register_structure_hook_func(
        lambda t: t == _MENTION_ENTITY, _union_hook(conv, False, (Region, Institution, Person))
    )
    conv.register_structure_hook_func(
        lambda t: t == _SPEAKER_ENTITY, _union_hook(conv, True, (Person, Institution))
    )
    conv.register_unstructure_hook_func(
        lambda t: t in (_MENTION_ENTITY, _SPEAKER_ENTITY), _union_unhook(conv)
    )
    conv.register_structure_hook_factory(attrs.has, lambda cls: _attrs_hook(conv, cls))
    return conv


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _list_unhook(conv: cattrs.Converter, t: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_hook = conv.get_unstructure_hook(typing.get_args(t)[0])

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [item_hook(item) for item in value]

    return unstructure


# ------------------------------------------------------------- error paths


def problems_of(exc: BaseException, path: str = "$") -> list[str]:
    """Every failure inside a cattrs detailed-validation error, as ``"path: reason"``.

    The walk follows cattrs' notes (``AttributeValidationNote`` for a field,
    ``IterableValidationNote`` for an array index), like ``cattrs.transform_error``,
    but puts the path first and reports each unknown key on its own path.
    """
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        out: list[str] = []
        for sub, note in with_notes:
            step = f".{note.name}" if isinstance(note, AttributeValidationNote) else f"[{note.index}]"
            out.extend(problems_of(sub, path + step))
        for sub in without:
            out.extend(problems_of(sub, path))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        return [f"{path}.{key}: unknown field" for key in sorted(exc.extra_fields)]
    return [f"{path}: {_reason(exc)}"]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, Problem):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ValueError) and str(exc):
        return str(exc)  # a model invariant (span length, day of month...)
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return f"invalid value ({type(exc).__name__}: {exc})"


# ------------------------------------------------------------- fast paths
#
# cattrs above is the reference: it decides what a document means and words every
# problem. The functions generated below do the same work for well-formed input in
# straight-line code (one function per class, compiled once): they build the same
# objects, and give up (raise) at the first thing they do not expect, after which
# the caller asks the converter, which accepts or reports exactly as before. They
# never accept what the converter rejects: every value's type is checked as the
# converter checks it, every field must be present and no other key may be, and the
# constructors run the model's own validators.


class _Reject(Exception):
    """The fast path gives up; the converter decides."""


_MISSING = object()


def _fast_date(value: Any) -> dt.date:
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        raise _Reject
    return dt.date.fromisoformat(value)


def _union_members(hint: Any) -> tuple[tuple[type[Any], ...], bool] | None:
    """The entity classes of a tagged union hint, and whether ``None`` is allowed."""
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return None
    args = typing.get_args(hint)
    members = tuple(arg for arg in args if arg is not type(None))
    if len(members) > 1 and all(arg in ENTITY_TAGS for arg in members):
        return members, len(members) < len(args)
    return None


class GeneratedNames:
    """The globals of generated source: constants it refers to get fresh names."""

    def __init__(self, names: dict[str, Any]) -> None:
        self.names: dict[str, Any] = names
        self.counter = 0

    def const(self, value: Any, prefix: str) -> str:
        """A fresh global name bound to ``value``."""
        self.counter += 1
        name = f"_{prefix}{self.counter}"
        self.names[name] = value
        return name


class _Codegen(GeneratedNames):
    """Source of the generated structure and unstructure functions, and their globals."""

    def __init__(self) -> None:
        names = {"_Reject": _Reject, "_fast_date": _fast_date, "_date_iso": dt.date.isoformat}
        super().__init__({**names, "_MISSING": _MISSING})

    # structure: value in ``v``, colon counter in ``c``
    def check(self, var: str, hint: Any, pad: str) -> list[str]:
        reject = f"{pad}    raise _Reject"
        if hint is str:
            lines = [f"{pad}if type({var}) is not str:", reject]
            return [*lines, f"{pad}c[0] += {var}.count(':')"]
        if hint is int:
            return [f"{pad}if type({var}) is not int:", reject]
        if hint is bool:
            return [f"{pad}if type({var}) is not bool:", reject]
        if hint is type(None):
            return [f"{pad}if {var} is not None:", reject]
        if hint is dt.date:
            return [f"{pad}{var} = _fast_date({var})"]
        if _is_enum(hint):
            values = {member.value: member for member in hint}
            if not all(type(value) is str and ":" not in value for value in values):
                raise TypeError(f"no fast path for enum {hint!r}")
            return [f"{pad}{var} = {self.const(values, 'E')}[{var}]"]
        if attrs.has(hint):
            return [f"{pad}{var} = _s_{hint.__name__}({var}, c, 0)"]
        union = _union_members(hint)
        if union is not None:
            members, optional = union
            tags = {ENTITY_TAGS[cls]: cls for cls in members}
            lines = [f"{pad}if {var} is not None:"] if optional else []
            inner = pad + "    " if optional else pad
            tag_map = self.const(tags, "T")
            lines += [
                f"{inner}if type({var}) is not dict:",
                f"{inner}    raise _Reject",
                f"{inner}{var} = {tag_map}[{var}['type']]({var}, c, 1)",
            ]
            return lines
        if _is_tuple(hint):
            item = typing.get_args(hint)[0]
            lines = [f"{pad}if type({var}) is not list:", reject]
            if item is str:
                lines += [
                    f"{pad}for _i in {var}:",
                    f"{pad}    if type(_i) is not str:",
                    f"{pad}        raise _Reject",
                    f"{pad}    c[0] += _i.count(':')",
                    f"{pad}{var} = tuple({var})",
                ]
            elif attrs.has(item):
                lines.append(f"{pad}{var} = tuple([_s_{item.__name__}(_i, c, 0) for _i in {var}])")
            else:
                raise TypeError(f"no fast path for {hint!r}")
            return lines
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return [f"{pad}if {var} is not None:", *self.check(var, other, pad + "    ")]
        raise TypeError(f"no fast path for {hint!r}")

    def fields_dict(self, var: str, cls: type[Any], raw: bool) -> str:
        """A dict display of the fields of ``cls`` read from the object in ``var``."""
        hints = typing.get_type_hints(cls)
        body = ", ".join(
            f"{f.name!r}: {self.plain(f'{var}.{f.name}', hints[f.name], raw)}" for f in attrs.fields(cls)
        )
        return f"{{{body}}}"

    @staticmethod
    def cached(expr: str, fn: str, cache: str) -> str:
        """``fn(expr)``, with the identity lookup in ``cache`` that ``fn`` starts with inlined."""
        return f"(_h[1] if (_h := {cache}.get(id(_e := {expr}))) is not None and _h[0] is _e else {fn}(_e))"

    # unstructure: an expression for attribute value ``expr``
    def plain(self, expr: str, hint: Any, raw: bool) -> str:
        if hint in (str, int, bool, type(None)):
            return expr
        if hint is dt.date:
            return f"_date_iso({expr})"  # as the converter: a datetime is written as its date
        if _is_enum(hint):
            return f"{expr}._value_"  # the plain attribute: ``.value`` is a slower descriptor
        if attrs.has(hint):
            if raw and hint in ENTITY_TAGS:
                fn, cache = self.const(_entity_raw_plain, "F"), self.const(_ENTITY_PLAIN_BYTES, "C")
                return self.cached(expr, fn, cache)
            return f"_u{'r' if raw else 'p'}_{hint.__name__}({expr})"
        union = _union_members(hint)
        if union is not None:
            if not raw:
                return f"{self.const(_entity_plain, 'F')}({expr})"
            # the cache lookup of _entity_raw, inline: one call saved per mention
            fn, cache = self.const(_entity_raw, "F"), self.const(_ENTITY_BYTES, "C")
            return self.cached(expr, fn, cache)
        if _is_tuple(hint):
            item = typing.get_args(hint)[0]
            if item in (str, int, bool):
                return f"list({expr})"
            if attrs.has(item) and not (raw and item in ENTITY_TAGS):
                # the item's dict written inline: no function call per mention or line
                self.counter += 1
                var = f"_i{self.counter}"
                return f"[{self.fields_dict(var, item, raw)} for {var} in {expr}]"
            return f"[{self.plain('_i', item, raw)} for _i in {expr}]"
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            inner = self.plain("_x", other, raw)
            if inner == "_x":
                return expr
            return f"(None if (_x := {expr}) is None else {inner})"
        raise TypeError(f"no fast path for {hint!r}")


_FAST: dict[type[Any], tuple[Callable[..., Any], Callable[[Any], Any], Callable[[Any], Any]]] = {}
_TOP: dict[type[Any], tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {}


def _entity_plain(entity: Any) -> Any:
    if entity is None:
        return None
    cls = type(entity)
    return {"type": ENTITY_TAGS[cls], **_FAST[cls][2](entity)}


# Entities (gazetteer objects) are shared by many mentions and articles: their encoded
# form is kept, keyed by identity (the object is held too, so its id cannot be reused);
# one cache for the tagged form (inside a mention or a speaker), one for the plain form.
_ENTITY_BYTES: dict[int, tuple[Any, Any]] = {}
_ENTITY_PLAIN_BYTES: dict[int, tuple[Any, Any]] = {}


def _entity_raw(entity: Any) -> Any:
    if entity is None:
        return None
    return _raw_entity(entity, _ENTITY_BYTES, {"type": ENTITY_TAGS[type(entity)]})


def _entity_raw_plain(entity: Any) -> Any:
    return _raw_entity(entity, _ENTITY_PLAIN_BYTES, {})


def _raw_entity(entity: Any, cache: dict[int, tuple[Any, Any]], head: dict[str, str]) -> Any:
    hit = cache.get(id(entity))
    if hit is not None and hit[0] is entity:
        return hit[1]
    import msgspec

    raw = msgspec.Raw(msgspec.json.encode({**head, **_FAST[type(entity)][1](entity)}))
    if len(cache) >= 4096:
        cache.clear()
    cache[id(entity)] = (entity, raw)
    return raw


def _source(cls: type[Any], gen: _Codegen) -> list[str]:
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    n = len(fields)
    name = cls.__name__
    me = gen.const(cls, "K")
    lines = [
        f"def _s_{name}(d, c, x):",
        f"    if type(d) is not dict or len(d) != {n} + x:",
        "        raise _Reject",
    ]
    args = []
    for i, field in enumerate(fields):
        var = f"a{i}"
        lines.append(f"    {var} = d[{field.name!r}]")
        lines += gen.check(var, hints[field.name], "    ")
        args.append(f"{field.name}={var}")
    lines.append(f"    c[0] += {n} + x")
    if cls in ENTITY_TAGS:
        # Entities repeat across mentions and articles: equal ones are built once
        # (every value's type is checked above, so equal keys mean equal objects).
        cache = gen.const({}, "M")
        key = ", ".join(f"a{i}" for i in range(n))
        lines += [
            f"    k = ({key},)",
            f"    o = {cache}.get(k)",
            "    if o is None:",
            f"        if len({cache}) >= 65536:",
            f"            {cache}.clear()",
            f"        o = {cache}[k] = {me}({', '.join(args)})",
            "    return o",
        ]
    else:
        lines.append(f"    return {me}({', '.join(args)})")
    for raw in (True, False):
        mode = "r" if raw else "p"
        body = gen.fields_dict("o", cls, raw)[1:-1]
        head = f"'schema_version': _VERSION, 'type': {name!r}"
        lines.append(f"def _u{mode}_{name}(o):")
        lines.append(f"    return {{{body}}}")
        lines.append(f"def _t{mode}_{name}(o):")
        lines.append(f"    return {{{head}, {body}}}" if body else f"    return {{{head}}}")
    return lines


@functools.cache
def _compiled(version: int) -> None:
    gen = _Codegen()
    gen.names["_VERSION"] = version
    lines: list[str] = []
    for cls in MODEL_CLASSES:
        lines += _source(cls, gen)
    namespace = gen.names
    exec("\n".join(lines), namespace)  # generated from the model's own type hints
    for cls in MODEL_CLASSES:
        name = cls.__name__
        _FAST[cls] = (namespace[f"_s_{name}"], namespace[f"_ur_{name}"], namespace[f"_up_{name}"])
        _TOP[cls] = (namespace[f"_tr_{name}"], namespace[f"_tp_{name}"])
    # a tagged union's map goes from the tag to the member's structure function
    for key, value in list(namespace.items()):
        if key.startswith("_T") and isinstance(value, dict):
            namespace[key] = {tag: namespace[f"_s_{member.__name__}"] for tag, member in value.items()}


def fast_structure(data: dict[str, Any], cls: type[Any], version: int) -> tuple[Any, int]:
    """``(object, keys and colons seen)`` from a document of ``cls``, or :class:`_Reject`-like failure.

    Any exception means "ask the converter". The count is the number of object
    keys in the document plus the colons inside its strings: compared with the
    colons of the raw JSON, it shows that no key was given twice.
    """
    _compiled(version)
    counter = [0]
    return _FAST[cls][0](data, counter, 2), counter[0]


def fast_unstructure(obj: Any, version: int, *, raw: bool) -> dict[str, Any]:
    """The top-level document of ``obj`` (``raw``: entities as pre-encoded ``msgspec.Raw``)."""
    _compiled(version)
    return _TOP[type(obj)][0 if raw else 1](obj)  # type: ignore[no-any-return]
