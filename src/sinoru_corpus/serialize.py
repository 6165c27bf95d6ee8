"""JSON and JSONL forms of the data model, with a schema version and precise errors.

Every model object (:class:`~sinoru_corpus.model.Article`, ``Claim``, ``Region``,
``PartialDate``...) converts to a plain ``dict`` and back through one cattrs
converter, built on first use. A top-level document carries
``"schema_version"`` and ``"type"`` (the class name), so ``from_json(text)``
knows what to build. Loading is strict: any problem raises
:class:`~sinoru_corpus.errors.SchemaError` listing every bad field by path
(``$.authors[0].name: required field missing``), never a bare ``KeyError`` or
``TypeError``.

>>> from sinoru_corpus import PartialDate
>>> to_json(PartialDate(2016, month=6))
'{"schema_version":1,"type":"PartialDate","year":2016,"month":6,"day":null,"season":null}'
>>> from_json(to_json(PartialDate(2016, month=6)))
PartialDate(year=2016, month=6, day=None, season=None)
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any, TextIO, TypeVar, overload

from ._convert import MODEL_CLASSES, converter, json_type, problems_of
from .errors import SchemaError
from .model import Article

__all__ = [
    "SCHEMA_VERSION",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "load_jsonl",
    "to_dict",
    "to_json",
]

SCHEMA_VERSION: int = 1
"""Version of the serialized form; bumped whenever a document's shape changes."""

T = TypeVar("T")

_BY_NAME: dict[str, type[Any]] = {cls.__name__: cls for cls in MODEL_CLASSES}
# Characters that are valid in a Python str but unsafe raw in a UTF-8 file or a
# line-oriented reader: lone surrogates, and the line breaks of str.splitlines()
# that JSON leaves raw (NEL, U+2028, U+2029); json.dumps escapes the C0 ones.
_UNSAFE = re.compile("[\x85\ud800-\udfff\u2028\u2029]")


# ------------------------------------------------------------------ writing


def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON-ready form of any model object, with ``schema_version`` and ``type``.

    Enums become their values, dates ISO strings, tuples lists; an entity inside
    a mention or a speaker is tagged ``{"type": "region" | "institution" | "person", ...}``.
    """
    cls = type(obj)
    if cls not in _BY_NAME.values():
        raise TypeError(f"to_dict expects a sinoru_corpus model object, got {cls.__name__}")
    fields: dict[str, Any] = converter().unstructure(obj, cls)
    return {"schema_version": SCHEMA_VERSION, "type": cls.__name__, **fields}


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Serialize a model object; the same object always gives the same string.

    Compact unless ``indent`` is given. Non-ASCII text stays readable
    (``ensure_ascii=False``); lone surrogates, U+0085, U+2028 and U+2029 are
    escaped, so the result always encodes to UTF-8 and is one line for any reader.
    """
    return _dumps(to_dict(obj), indent)


def _dumps(data: dict[str, Any], indent: int | None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    out = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators)
    if _UNSAFE.search(out):
        # These characters only occur inside JSON strings, so escaping them in place is safe.
        out = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


def dump_jsonl(articles: Iterable[Article], dest: str | os.PathLike[str] | TextIO) -> int:
    """Write one compact JSON document per line; return how many were written.

    ``dest`` is a path (written as UTF-8, replaced if it exists) or an open text stream.
    """
    if isinstance(dest, str | os.PathLike):
        with open(dest, "w", encoding="utf-8", newline="\n") as stream:
            return _write_lines(articles, stream)
    return _write_lines(articles, dest)


def _write_lines(articles: Iterable[Article], stream: TextIO) -> int:
    count = 0
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"dump_jsonl expects Article objects, got {type(article).__name__}")
        stream.write(_dumps(to_dict(article), None))
        stream.write("\n")
        count += 1
    return count


# ------------------------------------------------------------------ reading


@overload
def from_dict(data: Any, cls: type[T]) -> T: ...
@overload
def from_dict(data: Any, cls: None = None) -> Any: ...
def from_dict(data: Any, cls: type[T] | None = None) -> T | Any:
    """Build a model object from its ``to_dict`` form.

    ``cls`` defaults to the class named by the document's ``type``; when given,
    the document must name that class. Raises :class:`SchemaError` listing every
    problem.
    """
    if cls is not None and _BY_NAME.get(getattr(cls, "__name__", "")) is not cls:
        raise TypeError(f"from_dict cannot build {cls!r}: not a sinoru_corpus model class")
    if not isinstance(data, dict):
        raise SchemaError([f"$: expected an object, got {json_type(data)}"])
    problems: list[str] = []
    version = data.get("schema_version")
    if "schema_version" not in data:
        problems.append("$.schema_version: required field missing")
    elif type(version) is not int:
        problems.append(f"$.schema_version: expected an integer, got {json_type(version)}")
    elif version > SCHEMA_VERSION:
        # A newer document may have any shape: its version is the only useful problem.
        raise SchemaError(
            [
                f"$.schema_version: version {version} is newer than this library reads "
                f"({SCHEMA_VERSION}); upgrade sinoru-corpus"
            ]
        )
    elif version < 1:
        problems.append(f"$.schema_version: {version} is not a valid version (expected 1..{SCHEMA_VERSION})")

    target = _target_class(data, cls, problems)
    if target is None:
        raise SchemaError(problems)
    body = {key: value for key, value in data.items() if key not in ("schema_version", "type")}
    try:
        obj = converter().structure(body, target)
    except Exception as exc:  # every failure, even an unforeseen one, is reported as a SchemaError
        problems.extend(problems_of(exc))
    else:
        if not problems:
            return obj
    raise SchemaError(problems)


def _target_class(data: dict[str, Any], cls: type[Any] | None, problems: list[str]) -> type[Any] | None:
    """The class to build, or ``None`` (with a problem recorded) when it is unknown."""
    if "type" not in data:
        problems.append("$.type: required field missing")
        return cls
    name = data["type"]
    if not isinstance(name, str):
        problems.append(f"$.type: expected a string, got {json_type(name)}")
        return cls
    if name not in _BY_NAME:
        known = ", ".join(sorted(_BY_NAME))
        problems.append(f"$.type: unknown value {name!r} (expected one of: {known})")
        return cls
    if cls is not None and name != cls.__name__:
        problems.append(f"$.type: expected {cls.__name__!r}, got {name!r}")
        return None
    return _BY_NAME[name]


@overload
def from_json(text: str | bytes, cls: type[T]) -> T: ...
@overload
def from_json(text: str | bytes, cls: None = None) -> Any: ...
def from_json(text: str | bytes, cls: type[T] | None = None) -> T | Any:
    """Parse a document written by :func:`to_json`; see :func:`from_dict`."""
    return from_dict(_loads(text), cls)


def load_jsonl(src: str | os.PathLike[str] | TextIO) -> Iterator[Article]:
    """Yield the Articles of a JSONL file or stream, reading one line at a time.

    Blank lines are skipped. A bad line raises :class:`SchemaError` whose problems
    start with its 1-based line number: ``line 3: $.title: expected a string, got integer``.
    A path is read as UTF-8 (a leading byte-order mark is ignored).
    """
    if isinstance(src, str | os.PathLike):
        with open(src, "rb") as stream:
            # Bytes are split on b"\n" only and decoded line by line, so a decoding
            # error names its exact line.
            yield from _parse_lines(_decoded(stream))
    else:
        yield from _parse_lines(enumerate(src, 1))


def _decoded(stream: Iterable[bytes]) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(stream, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SchemaError(
                [f"line {number}: not valid UTF-8 ({exc.reason} at byte {exc.start})"]
            ) from None
        yield number, line.removeprefix("\ufeff") if number == 1 else line


def _parse_lines(lines: Iterable[tuple[int, str]]) -> Iterator[Article]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            article = from_json(line, Article)
        except SchemaError as exc:
            raise SchemaError([f"line {number}: {problem}" for problem in exc.problems]) from None
        yield article


class _DuplicateKey(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _loads(text: str | bytes) -> Any:
    if not isinstance(text, str | bytes | bytearray):
        raise TypeError(f"from_json expects str or bytes, got {type(text).__name__}")
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise SchemaError([f"$: invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"]) from None
    except _DuplicateKey as exc:
        raise SchemaError([f"$: invalid JSON: duplicate key {exc.args[0]!r}"]) from None
    except RecursionError:
        raise SchemaError(["$: invalid JSON: nested too deeply"]) from None
    except ValueError as exc:  # NaN/Infinity, integers past the digit limit, undecodable bytes
        raise SchemaError([f"$: invalid JSON: {exc}"]) from None
