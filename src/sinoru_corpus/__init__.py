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

from .errors import BinaryInputError, InputTooLargeError, NotRegularFileError, SchemaError, SinoruError
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
from .seeds import (
    SeedsNotFoundError,
    load_samples,
    load_seeds,
    sample_names,
    sample_texts,
    seed_names,
    seed_texts,
)

if TYPE_CHECKING:  # the lazily loaded names, for type checkers
    from .corpus._claim_query import ClaimHit
    from .corpus._collection import Corpus, LoadError, load_corpus
    from .corpus.aggregate import TimeBin
    from .io.schema import json_schema
    from .io.serialize import SCHEMA_VERSION, dump_jsonl, from_dict, from_json, load_jsonl, to_dict, to_json
    from .parse import parse_article
    from .text.reader import parse_bytes, read_article

__version__ = "0.2.0"

# public name -> module that defines it, imported on first attribute access
_LAZY: dict[str, str] = {
    "parse_article": "parse",
    "read_article": "text.reader",
    "parse_bytes": "text.reader",
    "Corpus": "corpus._collection",
    "LoadError": "corpus._collection",
    "load_corpus": "corpus._collection",
    "SCHEMA_VERSION": "io.serialize",
    "to_json": "io.serialize",
    "from_json": "io.serialize",
    "to_dict": "io.serialize",
    "from_dict": "io.serialize",
    "dump_jsonl": "io.serialize",
    "load_jsonl": "io.serialize",
    "json_schema": "io.schema",
    "ClaimHit": "corpus._claim_query",
    "TimeBin": "corpus.aggregate",
}

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Author",
    "BinaryInputError",
    "Citation",
    "Claim",
    "ClaimHit",
    "Corpus",
    "DateBounds",
    "Entity",
    "Evidence",
    "Frame",
    "FrameLabel",
    "InputTooLargeError",
    "Institution",
    "InstitutionKind",
    "LayoutLine",
    "LineKind",
    "LoadError",
    "Mention",
    "NotRegularFileError",
    "ParseWarning",
    "PartialDate",
    "Person",
    "Precision",
    "Region",
    "RegionKind",
    "SchemaError",
    "Season",
    "SeedsNotFoundError",
    "Series",
    "SinoruError",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "TimeBin",
    "WarningCode",
    "__version__",
    "article_id",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "json_schema",
    "load_corpus",
    "load_jsonl",
    "load_samples",
    "load_seeds",
    "parse_article",
    "parse_bytes",
    "read_article",
    "sample_names",
    "sample_texts",
    "seed_names",
    "seed_texts",
    "to_dict",
    "to_json",
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
