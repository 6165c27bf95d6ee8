"""Shared test settings: Hypothesis profiles and paths."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# The parser's safety nets re-raise under test: a bug must fail a test, not hide
# behind a fallback warning (see src/sinoru_corpus/_safety.py). Subprocesses inherit it.
os.environ["SINORU_CORPUS_STRICT"] = "1"

# The on-disk pattern cache (src/sinoru_corpus/_pattern_cache.py) writes to a folder of this
# session, removed at exit, never to the user's ~/.cache; subprocesses inherit it.
# tests/test_pattern_cache.py checks that the cache is written and read back.
_PATTERN_CACHE = tempfile.TemporaryDirectory(prefix="sinoru-corpus-test-cache-")
os.environ["SINORU_CORPUS_CACHE"] = _PATTERN_CACHE.name

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# CI runs more examples; nothing is timed (speed lives in benchmarks/).
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))


def read_json(path: Path) -> dict[str, Any]:
    """A gold annotation file (or any JSON object file)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _load_scorer() -> ModuleType | None:
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("sinoru_shared_score", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_scorer() -> ModuleType:
    """The shared gold scorer (../shared/tools/score.py); skips the test when it is absent."""
    module = _load_scorer()
    if module is None:
        pytest.skip("the shared scorer is not beside this checkout")
    return module


def shared_gold(pattern: str) -> Path:
    """The one gold file of ../shared/gold/seeds matching ``pattern``; skips the test when absent."""
    found = sorted((SHARED / "gold" / "seeds").glob(pattern))
    if not found:
        pytest.skip(f"the gold annotations (../shared/gold/seeds/{pattern}) are not beside this checkout")
    return found[0]
