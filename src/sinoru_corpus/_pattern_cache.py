"""Large regular expressions compiled once per machine: a safe on-disk cache of their code.

Compiling the gazetteer's matcher (a pattern of 130,000 characters) costs a
few hundred milliseconds of pure-Python parsing in :mod:`re` on every fresh
process.  :func:`compile_cached` stores what the parser produced, the integer
program the C engine runs, in a small file named after a SHA-256 of the pattern,
the flags and the Python version; the next process hands that program straight
to the engine.  No pickle: the file is a JSON header line and a packed array of
unsigned integers, the key is checked again on reading, and the engine validates
the program.  Any doubt (a missing, stale, corrupt or unwritable file, another
Python) falls back to :func:`re.compile`, so the result is always the same
pattern object behaviour.

:func:`compile_built` goes one step further for a pattern that is itself costly
to write (the gazetteer's is emitted from a trie of 3,600 names): the caller
names everything the pattern is built from (its ``recipe``: the source of the
builder and its input data), and the file, keyed by that recipe, also holds the
pattern text, checked against a SHA-256 stored beside it; the builder only runs
on a miss. :func:`load_built_data` keeps a JSON value (plain lists, dicts, strings and
numbers, never objects) the same way; its caller checks the value's shape before use.

The directory is ``$SINORU_CORPUS_CACHE`` when set (an empty value turns the
cache off), else ``$XDG_CACHE_HOME/sinoru_corpus`` or ``~/.cache/sinoru_corpus``.
"""

from __future__ import annotations

import array
import hashlib
import importlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "compile_built", "compile_cached", "load_built_data", "source_digest"]

_MIN_CHARS = 500  # smaller patterns compile about as fast as a file is read
_FORMAT = 2


def cache_dir() -> Path | None:
    """Where compiled patterns are kept, or ``None`` when the cache is turned off."""
    env = os.environ.get("SINORU_CORPUS_CACHE")
    if env is not None:
        return Path(env) if env.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sinoru_corpus"


def _engine() -> tuple[Any, Any, Any] | None:
    try:
        modules = tuple(importlib.import_module(name) for name in ("_sre", "re._compiler", "re._parser"))
    except ImportError:  # another implementation of Python: no cache
        return None
    return modules[0], modules[1], modules[2]


def _key(kind: str, source: str, flags: int, sre: Any) -> str:
    h = hashlib.sha256()
    for part in (str(_FORMAT), kind, sys.version, str(sre.MAGIC), str(sre.CODESIZE), str(int(flags)), source):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the compiled program cached on disk for large patterns."""
    engine = _engine()
    folder = cache_dir()
    if engine is None or folder is None or len(pattern) < _MIN_CHARS:
        return re.compile(pattern, flags)
    key = _key("pattern", pattern, flags, engine[0])
    path = folder / f"pattern-{key[:32]}.bin"
    try:
        return _load(path, key, engine[0], pattern)
    except Exception:
        pass
    return _compile_and_store(path, key, pattern, flags, engine, with_text=False)


def compile_built(recipe: str, build: Callable[[], str], flags: int = 0) -> re.Pattern[str]:
    """``re.compile(build(), flags)``, where the pattern text depends only on ``recipe``.

    On a hit the pattern text and its program are read from the cache and ``build``
    never runs. ``recipe`` must name everything ``build`` reads (see
    :func:`source_digest` for the builder's code); a wrong recipe gives a stale pattern.
    """
    engine = _engine()
    folder = cache_dir()
    if engine is None or folder is None:
        return re.compile(build(), flags)
    key = _key("built", recipe, flags, engine[0])
    path = folder / f"built-{key[:32]}.bin"
    try:
        return _load(path, key, engine[0], None)
    except Exception:
        pass
    return _compile_and_store(path, key, build(), flags, engine, with_text=True)


def load_built_data(recipe: str, build: Callable[[], Any]) -> Any:
    """``build()``, a JSON value that depends only on ``recipe``, kept on disk as JSON.

    The file is checked (key, length, SHA-256) before it is parsed; the caller must still
    check the value's shape, since a file can be replaced by anyone who can write the folder.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    h = hashlib.sha256()
    for part in (str(_FORMAT), "data", sys.version, recipe):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    key = h.hexdigest()
    path = folder / f"data-{key[:32]}.json"
    try:
        with path.open("rb") as fh:
            header = json.loads(fh.readline())
            raw = fh.read()
        if header.get("key") != key or len(raw) != header["bytes"]:
            raise ValueError("stale or truncated cache entry")
        if hashlib.sha256(raw).hexdigest() != header["sha256"]:
            raise ValueError("damaged cache entry")
        return json.loads(raw)
    except Exception:
        pass
    value = build()
    try:
        raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        return value
    header = {"key": key, "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
    _write(path, json.dumps(header).encode("utf-8") + b"\n" + raw)
    return value


def source_digest(*files: str | None) -> str | None:
    """A SHA-256 of the given source files' bytes (a builder's code, for a recipe), or
    ``None`` when one cannot be read (then the caller should not cache)."""
    h = hashlib.sha256()
    for name in files:
        if name is None:
            return None
        try:
            h.update(Path(name).read_bytes())
        except OSError:
            return None
        h.update(b"\0")
    return h.hexdigest()


def _compile_and_store(
    path: Path, key: str, pattern: str, flags: int, engine: tuple[Any, Any, Any], *, with_text: bool
) -> re.Pattern[str]:
    sre, compiler, parser = engine
    try:
        parsed = parser.parse(pattern, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        header: dict[str, Any] = {
            "key": key,
            "flags": flags | parsed.state.flags,
            "groups": parsed.state.groups - 1,
            "groupindex": groupindex,
            "indexgroup": indexgroup,
            "length": len(code),
        }
        compiled: re.Pattern[str] = sre.compile(
            pattern, header["flags"], code, header["groups"], groupindex, tuple(indexgroup)
        )
    except Exception:
        return re.compile(pattern, flags)
    text = pattern.encode("utf-8", "surrogatepass") if with_text else b""
    if with_text:
        header["text_bytes"] = len(text)
        header["text_sha256"] = hashlib.sha256(text).hexdigest()
    _store(path, header, text, code, sre)
    return compiled


def _load(path: Path, key: str, sre: Any, pattern: str | None) -> re.Pattern[str]:
    """The cached pattern; ``pattern`` is None when the file holds the pattern text too."""
    with path.open("rb") as fh:
        header = json.loads(fh.readline())
        if header.get("key") != key:
            raise ValueError("stale cache entry")
        if pattern is None:
            raw = fh.read(int(header["text_bytes"]))
            if hashlib.sha256(raw).hexdigest() != header["text_sha256"]:
                raise ValueError("damaged pattern text")
            pattern = raw.decode("utf-8", "surrogatepass")
        code = array.array(_typecode(sre))
        code.frombytes(fh.read())
    if len(code) != header["length"]:
        raise ValueError("truncated cache entry")
    groupindex = {str(k): int(v) for k, v in header["groupindex"].items()}
    indexgroup = tuple(None if g is None else str(g) for g in header["indexgroup"])
    compiled: re.Pattern[str] = sre.compile(
        pattern, int(header["flags"]), code.tolist(), int(header["groups"]), groupindex, indexgroup
    )
    return compiled


def _typecode(sre: Any) -> str:
    return "I" if sre.CODESIZE == 4 else "H"


def _store(path: Path, header: dict[str, Any], text: bytes, code: list[int], sre: Any) -> None:
    program = array.array(_typecode(sre), code).tobytes()
    _write(path, json.dumps(header).encode("utf-8") + b"\n" + text + program)


def _write(path: Path, content: bytes) -> None:
    """Write atomically (a temporary file renamed into place); a failure only costs the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
