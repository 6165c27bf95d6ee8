"""Reading the curated data files shipped in ``sinoru_corpus/data/``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from typing import Any

__all__ = ["casefolded", "load_json"]


def load_json(name: str) -> Any:
    """The parsed ``data/<name>`` file of the installed package."""
    return json.loads(resources.files("sinoru_corpus").joinpath("data", name).read_text(encoding="utf-8"))


def casefolded(raw: Iterable[Any]) -> frozenset[str]:
    """A word list from a data file, as a set of casefolded strings."""
    return frozenset(str(w).casefold() for w in raw)
