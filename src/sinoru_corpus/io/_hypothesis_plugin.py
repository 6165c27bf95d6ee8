"""The ``hypothesis`` entry point: register a strategy for every model type.

Hypothesis runs :func:`_hypothesis_setup_hook` while ``import hypothesis`` is
finishing, which may happen in the middle of importing
:mod:`sinoru_corpus.io.strategies` (that module imports Hypothesis first). So this
module imports only the data model, and registers *deferred* strategies that
look up :mod:`sinoru_corpus.io.strategies` on first use, when it is complete.
"""

from __future__ import annotations

import importlib
from typing import Any

from ..model import (
    Article,
    Author,
    Citation,
    Claim,
    DateBounds,
    Evidence,
    Frame,
    Institution,
    LayoutLine,
    Mention,
    ParseWarning,
    PartialDate,
    Person,
    Region,
    Series,
    Speaker,
)

__all__: list[str] = []

# model type -> the function of sinoru_corpus.io.strategies that draws it
STRATEGY_NAMES: dict[type, str] = {
    PartialDate: "partial_dates",
    Evidence: "evidence",
    DateBounds: "date_bounds",
    Region: "regions",
    Institution: "institutions",
    Person: "people",
    Author: "authors",
    Series: "series",
    Speaker: "speakers",
    Frame: "frames",
    Citation: "citations",
    Mention: "mentions",
    Claim: "claims",
    LayoutLine: "layout_lines",
    ParseWarning: "parse_warnings",
    Article: "articles",
}


def _lazy(name: str) -> Any:
    from hypothesis import strategies as st

    def build() -> Any:
        return getattr(importlib.import_module("sinoru_corpus.io.strategies"), name)()

    return st.deferred(build)


def _hypothesis_setup_hook() -> None:
    """Register every model type with ``st.register_type_strategy`` (deferred strategies)."""
    from hypothesis import strategies as st

    for cls, name in STRATEGY_NAMES.items():
        st.register_type_strategy(cls, _lazy(name))
