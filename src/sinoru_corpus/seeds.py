"""Example pages: the seed pages of a source checkout, and the sample pages inside the package.

The five *seed* pages are published articles kept in the repository's ``seeds/`` folder
for tests and examples; their texts belong to their publishers, so they are not part of
the packages published to PyPI. :func:`load_seeds` reads them from a source checkout (or
from a folder you give it) and raises :class:`SeedsNotFoundError` when there is none.

The *sample* pages are short pages written for this project in the same plain-text style
(title, byline, date, attributed claims, citations); they ship inside the package, so
:func:`load_samples` works in any installation.
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SinoruError

if TYPE_CHECKING:
    from .corpus._collection import Corpus

__all__ = [
    "SeedsNotFoundError",
    "default_pages",
    "load_samples",
    "load_seeds",
    "sample_names",
    "sample_texts",
    "seed_dir",
    "seed_names",
    "seed_texts",
]


class SeedsNotFoundError(SinoruError, FileNotFoundError):
    """No seed pages: not a source checkout, and no folder (or an empty one) was given.

    The seed pages are not in the installed package (their texts belong to their
    publishers); use :func:`load_samples` for the pages that ship with it.
    """


def _checkout_seeds() -> Path:
    # src/sinoru_corpus/seeds.py -> the checkout's top-level seeds/ folder
    return Path(__file__).resolve().parents[2] / "seeds"


def seed_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The folder of the seed pages: ``path`` if given, else ``seeds/`` of the source checkout.

    Raises :class:`SeedsNotFoundError` when the folder does not exist or holds no ``*.txt``.
    """
    folder = Path(path) if path is not None else _checkout_seeds()
    if not folder.is_dir() or not any(folder.glob("*.txt")):
        where = f"{os.fspath(path)!r}" if path is not None else f"a source checkout ({folder})"
        raise SeedsNotFoundError(
            f"no seed pages (*.txt) in {where}: the seeds live in the repository's seeds/ folder "
            "and are not part of the installed package; pass their folder, or use load_samples() "
            "for the sample pages bundled with the package"
        )
    return folder


def seed_names(path: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """File names of the seed pages (see :func:`seed_dir`), sorted."""
    return tuple(sorted(p.name for p in seed_dir(path).glob("*.txt")))


def seed_texts(path: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The seed pages as ``{file name: text}``, in name order, decoded as UTF-8."""
    root = seed_dir(path)
    return {name: (root / name).read_text(encoding="utf-8") for name in seed_names(path)}


def load_seeds(path: str | os.PathLike[str] | None = None) -> Corpus:
    """The seed pages, parsed, as a :class:`~sinoru_corpus.corpus._collection.Corpus`.

    Reads ``seeds/`` of the source checkout, or ``path`` when given; raises
    :class:`SeedsNotFoundError` when there are no seed pages (as in an installed wheel).
    Each article's ``source`` is its file name.
    """
    return _parse_all(seed_texts(path))


def _sample_dir() -> Traversable:
    return resources.files("sinoru_corpus").joinpath("samples")


def sample_names() -> tuple[str, ...]:
    """File names of the sample pages bundled with the package, sorted."""
    return tuple(sorted(p.name for p in _sample_dir().iterdir() if p.name.endswith(".txt")))


def sample_texts() -> dict[str, str]:
    """The bundled sample pages as ``{file name: text}``, in name order."""
    root = _sample_dir()
    return {name: root.joinpath(name).read_text(encoding="utf-8") for name in sample_names()}


def load_samples() -> Corpus:
    """The sample pages bundled with the package (written for this project), parsed."""
    return _parse_all(sample_texts())


def default_pages() -> tuple[str, Corpus]:
    """What the command line reads without paths: the checkout's seeds, else the samples.

    Returns a short description of the pages and the parsed corpus.
    """
    try:
        folder = seed_dir()
    except SeedsNotFoundError:
        return "the sample pages bundled with sinoru_corpus", load_samples()
    return f"the seed pages in {folder}", load_seeds()


def _parse_all(texts: dict[str, str]) -> Corpus:
    from .corpus._collection import Corpus
    from .parse import parse_article

    return Corpus(parse_article(text, source=name) for name, text in texts.items())
