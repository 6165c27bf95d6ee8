"""``sinoru_corpus.serialize``: the public short path of :mod:`sinoru_corpus.io.serialize`.

The code lives in ``io/serialize.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .io.serialize import (
    SCHEMA_VERSION,
    JSONLErrors,
    dump_jsonl,
    from_dict,
    from_json,
    iter_jsonl,
    load_jsonl,
    to_dict,
    to_json,
)

__all__ = [
    "SCHEMA_VERSION",
    "JSONLErrors",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "load_jsonl",
    "to_dict",
    "to_json",
]
