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
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "compile_cached"]

_MIN_CHARS = 5_000  # smaller patterns compile faster than a file is read
_FORMAT = 1


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


def _key(pattern: str, flags: int, sre: Any) -> str:
    h = hashlib.sha256()
    for part in (str(_FORMAT), sys.version, str(sre.MAGIC), str(sre.CODESIZE), str(int(flags)), pattern):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the compiled program cached on disk for large patterns."""
    engine = _engine()
    folder = cache_dir()
    if engine is None or folder is None or len(pattern) < _MIN_CHARS:
        return re.compile(pattern, flags)
    sre, compiler, parser = engine
    key = _key(pattern, flags, sre)
    path = folder / f"pattern-{key[:32]}.bin"
    try:
        return _load(path, key, pattern, sre)
    except Exception:
        pass
    try:
        parsed = parser.parse(pattern, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        header = {
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
    _store(path, header, code, sre)
    return compiled


def _load(path: Path, key: str, pattern: str, sre: Any) -> re.Pattern[str]:
    with path.open("rb") as fh:
        header = json.loads(fh.readline())
        if header.get("key") != key:
            raise ValueError("stale cache entry")
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


def _store(path: Path, header: dict[str, Any], code: list[int], sre: Any) -> None:
    """Write atomically (a temporary file renamed into place); a failure only costs the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pattern-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(json.dumps(header).encode("utf-8") + b"\n")
                fh.write(array.array(_typecode(sre), code).tobytes())
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
