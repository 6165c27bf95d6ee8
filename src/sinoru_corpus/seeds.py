"""The five bundled seed pages: raw texts, and (once parsed) Articles."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["load_seeds", "seed_names", "seed_texts"]


def _seed_dir() -> Traversable:
    # In a wheel the build maps the top-level seeds/ folder into the package.
    packaged = resources.files("sinoru_corpus").joinpath("seeds")
    if packaged.is_dir():
        return packaged
    # In an editable install or a source checkout, read the one source of truth.
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        "the bundled seeds are missing: expected sinoru_corpus/seeds in the installed "
        "package or seeds/ in the source checkout"
    )


def seed_names() -> tuple[str, ...]:
    """File names of the bundled seeds, sorted."""
    return tuple(sorted(p.name for p in _seed_dir().iterdir() if p.name.endswith(".txt")))


def seed_texts() -> dict[str, str]:
    """The bundled seed pages as ``{file name: text}``, in name order, decoded as UTF-8."""
    root = _seed_dir()
    return {name: root.joinpath(name).read_text(encoding="utf-8") for name in seed_names()}


def load_seeds() -> Corpus:
    """The bundled seeds, parsed, as a :class:`~sinoru_corpus.corpus.Corpus`."""
    from .corpus import Corpus
    from .parse import parse_article

    return Corpus(parse_article(text, source=name) for name, text in seed_texts().items())
