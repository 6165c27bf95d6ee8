"""sinoru_corpus: typed, evidence-linked records from scraped expert analysis
of Sino-Russian relations.

>>> import sinoru_corpus as sc
>>> article = sc.parse_article("Commentary | 8 May 2015\\n\\nA title\\n\\nBody text.")
>>> article.published
PartialDate(year=2015, month=5, day=8, season=None)

Only the data model is imported eagerly; the parser, its curated data and the
serializer load on first use, so ``import sinoru_corpus`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import BinaryInputError, SchemaError, SinoruError
from .model import (
    Article,
    Author,
    Citation,
    Claim,
    DateBounds,
    Entity,
    Evidence,
    Frame,
    FrameLabel,
    Institution,
    InstitutionKind,
    LayoutLine,
    LineKind,
    Mention,
    ParseWarning,
    PartialDate,
    Person,
    Precision,
    Region,
    RegionKind,
    Season,
    Series,
    Speaker,
    SpeakerKind,
    Stance,
    WarningCode,
    article_id,
)
from .seeds import load_seeds, seed_names, seed_texts

if TYPE_CHECKING:  # the lazily loaded names, for type checkers
    pass

__version__ = "0.1.0"

# public name -> module that defines it, imported on first attribute access
_LAZY: dict[str, str] = {
    "parse_article": "parse",
    "read_article": "reader",
    "parse_bytes": "reader",
}

__all__ = [
    "Article",
    "Author",
    "BinaryInputError",
    "Citation",
    "Claim",
    "DateBounds",
    "Entity",
    "Evidence",
    "Frame",
    "FrameLabel",
    "Institution",
    "InstitutionKind",
    "LayoutLine",
    "LineKind",
    "Mention",
    "ParseWarning",
    "PartialDate",
    "Person",
    "Precision",
    "Region",
    "RegionKind",
    "SchemaError",
    "Season",
    "Series",
    "SinoruError",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "WarningCode",
    "__version__",
    "article_id",
    "load_seeds",
    "parse_article",
    "parse_bytes",
    "read_article",
    "seed_names",
    "seed_texts",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sinoru_corpus' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this hook
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
