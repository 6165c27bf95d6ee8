"""Finding page files and reading them, one by one or in worker processes.

Each file gives an Article, a :class:`LoadError`, or both (a page whose bytes
were partly undecodable is kept, and the problem is reported as well).
"""

from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

import attrs

from .errors import BinaryInputError
from .model import Article, WarningCode

__all__ = ["LoadError", "Progress", "find_files", "read_files"]

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

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def find_files(paths: PathArg | Iterable[PathArg], pattern: str = "*.txt") -> list[str]:
    """The files to load, in a deterministic order.

    A directory is walked recursively (sorted by name at each level, symlinked
    directories not followed) for file names matching ``pattern``; a file is
    taken as it is, whatever its name. A single path that does not exist
    raises :class:`FileNotFoundError`; in a list, it is left for the reader
    to report.
    """
    if isinstance(paths, str | os.PathLike):
        path = os.fspath(paths)
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", path)
        items: Iterable[PathArg] = (path,)
    else:
        items = paths
    files: list[str] = []
    for item in items:
        path = os.fspath(item)
        if os.path.isdir(path):
            files.extend(_walk(path, pattern))
        else:
            files.append(path)
    return files


def _walk(root: str, pattern: str) -> Iterator[str]:
    for folder, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if fnmatch.fnmatchcase(name, pattern):
                yield os.path.join(folder, name)


def read_one(path: str) -> Result:
    """Read and parse one file; never raises for a bad file."""
    from .reader import read_article

    try:
        article = read_article(path)
    except BinaryInputError as exc:
        return None, LoadError(path, f"binary file ({exc.reason})")
    except IsADirectoryError:
        return None, LoadError(path, "is a directory")
    except OSError as exc:
        return None, LoadError(path, f"unreadable ({exc.strerror or exc})")
    for warning in article.warnings:
        if warning.code is WarningCode.DECODING:
            return article, LoadError(path, f"undecodable bytes replaced ({warning.message})", article.id)
    return article, None


def _read_chunk(paths: Sequence[str]) -> list[Result]:
    return [read_one(path) for path in paths]


def read_files(files: Sequence[str], *, workers: int = 1, progress: Progress | None = None) -> list[Result]:
    """Read every file, in input order; ``workers > 1`` parses in that many processes."""
    total = len(files)
    if progress is not None:
        progress(0, total)
    if workers <= 1 or total < 2:
        results: list[Result] = []
        for path in files:
            results.append(read_one(path))
            if progress is not None:
                progress(len(results), total)
        return results
    # Chunks amortise the inter-process round trip; several per worker keep them all busy.
    size = max(1, min(64, total // (workers * 4)))
    chunks = [files[i : i + size] for i in range(0, total, size)]
    results = []
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        for chunk in pool.map(_read_chunk, chunks):  # map yields in input order
            results.extend(chunk)
            if progress is not None:
                progress(len(results), total)
    return results
