"""Stage 3, entities: regions, institutions and people named in a text, with exact offsets.

Owns: the curated names (``gazetteer``, data in ``gazetteer/data/``); which names are mentions
and where (``_mentions``, with ``_names`` for person shapes and ``_shapes`` for institutions the
gazetteer does not know); which parenthesis is a source citation (``_citations``); what a
user's "SCO" or "Central Asia" resolves to (``_resolve``).
"""

from __future__ import annotations

from ._citations import (
    CitationCandidate,
    citation_sources,
    lookup_source,
    resolve_citations,
    resolve_source,
    scan_citations,
)
from ._mentions import (
    distinct_entities,
    find_mentions,
)
from ._resolve import (
    NullResolver,
    Resolver,
    default_resolver,
    entity_keys,
    norm,
    person_keys,
    region_lineage,
)
from .gazetteer import (
    Gazetteer,
    Hit,
    load_gazetteer,
    lookup_key,
)

__all__ = [
    "CitationCandidate",
    "Gazetteer",
    "Hit",
    "NullResolver",
    "Resolver",
    "citation_sources",
    "default_resolver",
    "distinct_entities",
    "entity_keys",
    "find_mentions",
    "load_gazetteer",
    "lookup_key",
    "lookup_source",
    "norm",
    "person_keys",
    "region_lineage",
    "resolve_citations",
    "resolve_source",
    "scan_citations",
]
