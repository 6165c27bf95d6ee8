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
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, TextIO, TypeVar, overload

import msgspec

from ..errors import SchemaError, SkippedLineWarning
from ..model import Article, article_id
from ._convert import (
    MODEL_CLASSES,
    converter,
    fast_structure,
    fast_unstructure,
    json_type,
    problems_of,
)
from ._mirror import mirror_load

__all__ = [
    "SCHEMA_VERSION",
    "JSONLErrors",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "iter_jsonl",
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
_ENCODE = msgspec.json.Encoder().encode


# ------------------------------------------------------------------ writing


def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON-ready form of any model object, with ``schema_version`` and ``type``.

    Enums become their values, dates ISO strings, tuples lists; an entity inside
    a mention or a speaker is tagged ``{"type": "region" | "institution" | "person", ...}``.
    """
    cls = type(obj)
    if cls not in _BY_NAME.values():
        raise TypeError(f"to_dict expects a sinoru_corpus model object, got {cls.__name__}")
    try:
        return fast_unstructure(obj, SCHEMA_VERSION, raw=False)
    except Exception:  # an object built around its own types: the converter says what it makes of it
        fields: dict[str, Any] = converter().unstructure(obj, cls)
        return {"schema_version": SCHEMA_VERSION, "type": cls.__name__, **fields}


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Serialize a model object; the same object always gives the same string.

    Compact unless ``indent`` is given. Non-ASCII text stays readable
    (``ensure_ascii=False``); lone surrogates, U+0085, U+2028 and U+2029 are
    escaped, so the result always encodes to UTF-8 and is one line for any reader.
    """
    if indent is None:
        return _encode(obj)
    return _dumps(to_dict(obj), indent)


def _encode(obj: Any) -> str:
    """The compact form of ``obj``: msgspec writes it, in the very characters ``_dumps`` gives."""
    out = _encode_fast(obj)
    if out is not None:
        text = out.decode("utf-8")
        # NEL, U+2028 and U+2029 are escaped by the reference path (and only occur in strings)
        if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
            return text
    return _dumps(to_dict(obj), None)


def _encode_utf8(obj: Any) -> bytes:
    """:func:`_encode` as UTF-8 bytes, without a round trip through ``str`` on the fast path."""
    out = _encode_fast(obj)
    # The last byte of NEL, U+2028 or U+2029 first (one quick scan each), then the whole character.
    if out is not None and not (
        (b"\x85" in out or b"\xa8" in out or b"\xa9" in out)
        and (b"\xc2\x85" in out or b"\xe2\x80\xa8" in out or b"\xe2\x80\xa9" in out)
    ):
        return out
    return _dumps(to_dict(obj), None).encode("utf-8")


def _encode_fast(obj: Any) -> bytes | None:
    if type(obj) in _BY_NAME.values():
        try:
            return _ENCODE(fast_unstructure(obj, SCHEMA_VERSION, raw=True))
        except Exception:  # lone surrogates (msgspec refuses them), or an object of foreign types
            pass
    return None


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
        with open(dest, "wb") as stream:
            return _write_lines(articles, _encode_utf8, b"\n", stream.write)
    return _write_lines(articles, _encode, "\n", dest.write)


def _write_lines(
    articles: Iterable[Article],
    encode: Callable[[Article], T],
    newline: T,
    write: Callable[[T], object],
) -> int:
    count = 0
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"dump_jsonl expects Article objects, got {type(article).__name__}")
        write(encode(article) + newline)  # type: ignore[operator]
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
    built = _fast(data, cls)
    if built is not None:
        return built[0]
    return _from_dict(data, cls)


def _fast(data: Any, cls: type[Any] | None) -> tuple[Any, int] | None:
    """``(object, keys and colons seen)`` when the generated code builds it, else ``None``.

    ``None`` means nothing more than "ask the converter", which accepts or words the problems.
    """
    if type(data) is not dict:
        return None
    version = data.get("schema_version")
    target = _BY_NAME.get(data.get("type"))  # type: ignore[arg-type]
    if type(version) is not int or version != SCHEMA_VERSION or target is None:
        return None
    if cls is not None and target is not cls:
        return None
    try:
        built = fast_structure(data, target, SCHEMA_VERSION)
    except Exception:
        return None
    if isinstance(built[0], Article) and _article_problems(built[0]):
        return None
    return built


def _from_dict(data: Any, cls: type[T] | None) -> T | Any:
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
        if isinstance(obj, Article):
            problems.extend(_article_problems(obj))
        if not problems:
            return obj
    raise SchemaError(problems)


# ------------------------------------------------------------------ integrity


def _article_problems(article: Article) -> list[str]:
    """Every span of ``article`` checked against its text, and its id against text and source.

    A document whose spans were shifted, whose text was edited or whose id is
    stale would otherwise load as an Article whose evidence points at the wrong
    words.
    """
    text = article.text
    size = len(text)
    out: list[str] = []

    def within(path: str, start: int | None, end: int | None) -> bool:
        if start is None and end is None:
            return True
        if start is None or end is None:
            out.append(f"{path}: start and end must both be set or both be null")
            return False
        if not 0 <= start <= end <= size:
            out.append(f"{path}: span {start}:{end} lies outside the text (length {size})")
            return False
        return True

    def slices(path: str, start: int, end: int, value: str | None, field: str) -> None:
        if within(path, start, end) and text[start:end] != value:
            out.append(
                f"{path}.{field}: {value!r} does not match the text at {start}:{end} ({text[start:end]!r})"
            )

    expected_id = article_id(text, article.source)
    if article.id != expected_id:
        out.append(f"$.id: {article.id!r} does not match the text and source (expected {expected_id!r})")
    if article.layout:
        # where each line of the text begins; a layout line must be exactly one of them
        starts = [0, *(m.end() for m in re.finditer("\n", text))]
        for i, line in enumerate(article.layout):
            path = f"$.layout[{i}]"
            if not within(path, line.start, line.end):
                continue
            n = line.number
            if n >= len(starts):
                out.append(f"{path}.number: the text has no line {n} (it has {len(starts)})")
                continue
            end = starts[n + 1] - 1 if n + 1 < len(starts) else size
            if (line.start, line.end) != (starts[n], end):
                out.append(
                    f"{path}: span {line.start}:{line.end} is not line {n} of the text ({starts[n]}:{end})"
                )
    for i, m in enumerate(article.mentions):
        slices(f"$.mentions[{i}]", m.start, m.end, m.surface, "surface")
    for i, c in enumerate(article.claims):
        path = f"$.claims[{i}]"
        slices(path, c.start, c.end, c.text, "text")
        if c.cue_start is not None and c.cue_end is not None:
            slices(path, c.cue_start, c.cue_end, c.cue, "cue")
        for j, f in enumerate(c.frames):
            slices(f"{path}.frames[{j}]", f.start, f.end, f.evidence, "evidence")
    for i, f in enumerate(article.frames):
        slices(f"$.frames[{i}]", f.start, f.end, f.evidence, "evidence")
    for i, cit in enumerate(article.citations):
        slices(f"$.citations[{i}]", cit.start, cit.end, cit.raw, "raw")
    for i, author in enumerate(article.authors):
        for j, ev in enumerate(author.evidence):
            within(f"$.authors[{i}].evidence[{j}]", ev.start, ev.end)
    bounds = article.published_bounds
    for name, evidence in (("earliest", bounds.earliest_evidence), ("latest", bounds.latest_evidence)):
        for j, ev in enumerate(evidence):
            within(f"$.published_bounds.{name}_evidence[{j}]", ev.start, ev.end)
    for i, warning in enumerate(article.warnings):
        within(f"$.warnings[{i}]", warning.start, warning.end)
    return out


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
    if cls is not None and _BY_NAME.get(getattr(cls, "__name__", "")) is not cls:
        raise TypeError(f"from_dict cannot build {cls!r}: not a sinoru_corpus model class")
    if isinstance(text, str | bytes):
        built = _mirrored(text, cls)
        if built is not None:
            return built
    return _from_dict(_loads(text), cls)


def _mirrored(text: str | bytes, cls: type[Any] | None) -> Any:
    """The object of a well-formed document, parsed and checked by msgspec; ``None`` otherwise.

    ``None`` means nothing more than "ask the converter", which accepts or words the problems.
    """
    built = mirror_load(text, SCHEMA_VERSION)
    if built is None:
        return None
    obj, keys = built
    if cls is not None and type(obj) is not cls:
        return None
    # Object keys plus colons inside strings must add up to the colons of the text:
    # then no key was given twice (the decoder keeps the last of duplicates; the
    # reference reader rejects them). An escaped colon makes the count unreliable.
    if _colons(text) != keys:
        return None
    if isinstance(obj, Article) and _article_problems(obj):
        return None
    return obj


def _from_trusted_json(text: str | bytes, cls: type[T]) -> T:
    """An object from a document this library wrote itself, in this version (a worker's
    result): the same objects as :func:`from_json`, without the checks that guard against
    edited or foreign documents (repeated keys, spans against the text). Anything
    unexpected still goes through :func:`from_json`."""
    built = mirror_load(text, SCHEMA_VERSION)
    if built is not None and type(built[0]) is cls:
        return built[0]
    return from_json(text, cls)


def _colons(text: str | bytes) -> int:
    if isinstance(text, bytes):
        return -1 if b"\\u003" in text else text.count(b":")
    return -1 if "\\u003" in text else text.count(":")


JSONLErrors = Literal["raise", "skip"]
"""What :func:`load_jsonl` does with a bad line: raise at once, or skip it and report it."""


def load_jsonl(src: str | os.PathLike[str] | TextIO, *, errors: JSONLErrors = "raise") -> Iterator[Article]:
    """Yield the Articles of a JSONL file or stream, reading one line at a time.

    Blank lines are skipped. With ``errors="raise"`` (the default) a bad line
    raises :class:`SchemaError` whose problems start with its 1-based line
    number: ``line 3: $.title: expected a string, got integer``. With
    ``errors="skip"`` a bad line is left out, reading goes on, and each skipped
    line is reported as a :class:`~sinoru_corpus.errors.SkippedLineWarning`
    (``warnings.warn``) carrying its ``line`` number and ``problems``;
    :meth:`Corpus.from_jsonl <sinoru_corpus.corpus._collection.Corpus.from_jsonl>` keeps
    them in ``Corpus.errors`` instead. A path is read as UTF-8 (a leading
    byte-order mark is ignored); a line that is not UTF-8 is a bad line.
    Every Article is checked against its text as :func:`from_dict` does.
    """
    return iter_jsonl(src, errors=errors, on_skip=_warn_skipped)


def _warn_skipped(number: int, problems: tuple[str, ...]) -> None:
    warnings.warn(SkippedLineWarning(number, problems), stacklevel=3)


def iter_jsonl(
    src: str | os.PathLike[str] | TextIO,
    *,
    errors: JSONLErrors = "raise",
    on_skip: Callable[[int, tuple[str, ...]], object] | None = None,
) -> Iterator[Article]:
    """:func:`load_jsonl` with a callback ``on_skip(line_number, problems)`` for skipped lines."""
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
    if isinstance(src, str | os.PathLike):
        with open(src, "rb") as stream:
            # Bytes are split on b"\n" only and decoded line by line, so a decoding
            # error names its exact line.
            yield from _parse_lines(_decoded(stream), errors, on_skip)
    else:
        yield from _parse_lines(enumerate(src, 1), errors, on_skip)


def _decoded(stream: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(stream, 1):
        yield number, raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw


def _article_line(line: str | bytes) -> Article | None:
    """The Article of one JSONL line, ``None`` for a blank line; :class:`SchemaError` if bad."""
    if isinstance(line, bytes):
        if line.strip():
            article = _mirrored(line, Article)
            if article is not None:
                return article  # type: ignore[no-any-return]
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SchemaError([f"not valid UTF-8 ({exc.reason} at byte {exc.start})"]) from None
    if not line.strip():
        return None
    return from_json(line, Article)


def _parse_lines(
    lines: Iterable[tuple[int, str | bytes]],
    errors: JSONLErrors,
    on_skip: Callable[[int, tuple[str, ...]], object] | None,
) -> Iterator[Article]:
    for number, line in lines:
        try:
            article = _article_line(line)
        except SchemaError as exc:
            if errors == "raise":
                raise SchemaError([f"line {number}: {problem}" for problem in exc.problems]) from None
            if on_skip is not None:
                on_skip(number, exc.problems)
            continue
        if article is not None:
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
