"""The JSON form: JSON and JSONL, the JSON Schema, and Hypothesis strategies of the model.

Owns: the JSON form and its schema version (``serialize``, ``_convert``); the JSON Schema
(``schema``); test data for downstream projects (``strategies``, ``_textgen``, and the
Hypothesis entry point ``_hypothesis_plugin``).
"""

from __future__ import annotations

from .schema import (
    json_schema,
)
from .serialize import (
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
    "json_schema",
    "load_jsonl",
    "to_dict",
    "to_json",
]
