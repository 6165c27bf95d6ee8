"""``sinoru_corpus.index``: the public short path of :mod:`sinoru_corpus.corpus.index`.

The code lives in ``corpus/index.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.index import (
    AUTHOR,
    FRAME,
    INSTITUTION,
    INSTITUTION_KIND,
    OUTLET,
    PERSON,
    REGION,
    REGION_KIND,
    Field,
    Index,
    bitmap_positions,
    kind_key,
    lineage_keys,
    region_tree,
)

__all__ = [
    "AUTHOR",
    "FRAME",
    "INSTITUTION",
    "INSTITUTION_KIND",
    "OUTLET",
    "PERSON",
    "REGION",
    "REGION_KIND",
    "Field",
    "Index",
    "bitmap_positions",
    "kind_key",
    "lineage_keys",
    "region_tree",
]
