"""Finding page files and reading them, one by one or in worker processes.

Each file gives an Article, a :class:`LoadError`, or both (a page whose bytes
were partly undecodable is kept, and the problem is reported as well). A
directory that cannot be listed is a :class:`LoadError` too. Reading never
hangs and never lets an exception out: FIFOs, devices and sockets are refused
before they are opened, files over the size cap are refused, and every failure
becomes a :class:`LoadError`.

Each page's ``source`` (and so its id) is its path relative to the folder it
was found in, with ``/`` between names, or the file name for a file given
directly: ``pages/``, ``./pages`` and ``/abs/pages`` give the same ids.
"""

from __future__ import annotations

import errno
import fnmatch
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

import attrs

from ..errors import BinaryInputError, InputTooLargeError, NotRegularFileError
from ..model import Article, WarningCode
from ..text.reader import MAX_BYTES

__all__ = ["LoadError", "Progress", "collect_files", "find_files", "read_files", "source_name"]

Progress = Callable[[int, int], object]
PathArg = str | os.PathLike[str]
Result = tuple[Article | None, "LoadError | None"]


@attrs.frozen
class LoadError:
    """A file that could not be read as a page, and why.

    ``article_id`` is set when the page was loaded all the same (undecodable
    bytes replaced); otherwise nothing of the file is in the corpus.
    """

    path: str
    reason: str
    article_id: str | None = None
    line: int | None = None
    """For a JSONL file: the 1-based number of the line that was left out."""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


def find_files(paths: PathArg | Iterable[PathArg], pattern: str = "*.txt") -> list[str]:
    """The files to load, in a deterministic order.

    A directory is walked recursively (sorted by name at each level, symlinked
    directories not followed) for file names matching ``pattern``; a file is
    taken as it is, whatever its name. A single path that cannot be reached
    raises the :class:`OSError` saying why (:class:`FileNotFoundError`, or
    "too many levels of symbolic links" for a symlink loop); in a list, it is
    left for the reader to report. Directories that cannot be listed are
    skipped here; :func:`collect_files` reports them.
    """
    return [path for path, _source in collect_files(paths, pattern)[0]]


def collect_files(
    paths: PathArg | Iterable[PathArg], pattern: str = "*.txt"
) -> tuple[list[tuple[str, str]], list[LoadError]]:
    """``(files, errors)``: each file as ``(path, source)`` (see :func:`source_name`),
    and a :class:`LoadError` for each directory that could not be listed."""
    if isinstance(paths, str | os.PathLike):
        path = os.fspath(paths)
        try:
            os.stat(path)
        except FileNotFoundError:
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", path) from None
        # any other OSError says what is wrong: a symlink loop, no permission...
        items: Iterable[PathArg] = (path,)
    else:
        items = paths
    files: list[tuple[str, str]] = []
    errors: list[LoadError] = []
    for item in items:
        path = os.fspath(item)
        if os.path.isdir(path):
            files.extend((found, source_name(found, path)) for found in _walk(path, pattern, errors))
        else:
            files.append((path, source_name(path)))
    return files, errors


def source_name(path: PathArg, root: PathArg | None = None) -> str:
    """The ``source`` a page gets: ``path`` relative to ``root`` with ``/`` separators,
    or the file name when there is no root. Any spelling of the same path gives the same name."""
    name = os.fspath(path)
    if root is None:
        return os.path.basename(os.path.normpath(name))
    relative = os.path.relpath(os.path.abspath(name), os.path.abspath(os.fspath(root)))
    return relative.replace(os.sep, "/")


def _walk(root: str, pattern: str, errors: list[LoadError]) -> Iterator[str]:
    def unreadable(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else root
        errors.append(LoadError(where, f"unreadable directory ({exc.strerror or exc})"))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames.sort()
        for name in sorted(filenames):
            if fnmatch.fnmatchcase(name, pattern):
                yield os.path.join(folder, name)


def read_one(path: str, source: str | None = None, max_bytes: int | None = MAX_BYTES) -> Result:
    """Read and parse one file; never raises for a bad file (every failure is a LoadError)."""
    from ..text.reader import read_article

    try:
        article = read_article(path, source=source, max_bytes=max_bytes)
    except BinaryInputError as exc:
        return None, LoadError(path, f"binary file ({exc.reason})")
    except InputTooLargeError as exc:
        return None, LoadError(path, f"too large ({exc.size} bytes; the limit is {exc.limit})")
    except NotRegularFileError as exc:
        return None, LoadError(path, f"not a regular file ({exc.kind})")
    except IsADirectoryError:
        return None, LoadError(path, "is a directory")
    except OSError as exc:
        return None, LoadError(path, f"unreadable ({exc.strerror or exc})")
    except (ValueError, MemoryError, RecursionError) as exc:  # a NUL in the path; no memory left
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return None, LoadError(path, f"unreadable ({detail})")
    for warning in article.warnings:
        if warning.code is WarningCode.DECODING:
            return article, LoadError(path, f"undecodable bytes replaced ({warning.message})", article.id)
    return article, None


_Job = tuple[str, str | None, int | None]
_Sent = tuple[str | None, "LoadError | None"]


@functools.cache
def _warm_up() -> None:
    """Run once in each worker process: parse and encode a tiny page, so the modules are
    imported, the patterns and data loaded and the JSON code generated before the first file."""
    from ..io.serialize import to_json
    from ..parse import parse_article

    to_json(parse_article("Warm-up\n\nRussia and China met in Moscow on 3 May 2021.\n", source="warm-up"))


def _read_chunk(jobs: Sequence[_Job]) -> list[_Sent]:
    """In a worker: each file's Article in its compact JSON form, which travels between
    processes far more cheaply than a pickled object tree."""
    from ..io.serialize import to_json

    out: list[_Sent] = []
    for job in jobs:
        article, error = read_one(*job)
        out.append((None if article is None else to_json(article), error))
    return out


def _received(sent: _Sent) -> Result:
    from ..io.serialize import _from_trusted_json

    text, error = sent
    return (None if text is None else _from_trusted_json(text, Article)), error


def read_files(
    files: Sequence[str],
    *,
    sources: Sequence[str] | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> list[Result]:
    """Read every file, in input order; ``workers > 1`` parses in that many processes.

    Each worker warms up once (a tiny page parsed at its start) and sends every
    Article back in its JSON form, read here through the fast JSON path: cheaper
    than pickling the object tree, and equal entities come back as one object.

    ``sources`` gives each file's ``source`` (default: its file name); files over
    ``max_bytes`` are refused.
    """
    if sources is not None and len(sources) != len(files):
        raise ValueError(f"{len(files)} files but {len(sources)} sources")
    jobs: list[_Job] = [
        (path, None if sources is None else sources[i], max_bytes) for i, path in enumerate(files)
    ]
    total = len(files)
    if progress is not None:
        progress(0, total)
    if workers <= 1 or total < 2:
        results: list[Result] = []
        for job in jobs:
            results.append(read_one(*job))
            if progress is not None:
                progress(len(results), total)
        return results
    # Chunks amortise the inter-process round trip; several per worker keep them all busy.
    size = max(1, min(64, total // (workers * 4)))
    chunks = [jobs[i : i + size] for i in range(0, total, size)]
    results = []
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), initializer=_warm_up) as pool:
        for chunk in pool.map(_read_chunk, chunks):  # map yields in input order
            results.extend(_received(sent) for sent in chunk)
            if progress is not None:
                progress(len(results), total)
    return results
