"""The real-pages metadata scorer (``../shared/tools/score_meta.py``) as a CI floor.

The pages in ``../shared/realpages/news-metadata`` are evaluation data that stays outside
the project: this test reads them in place and skips when they are not beside the checkout.
It runs the scorer's own per-page scoring (``score_page``) on every development page and
checks each field against a floor set just under the figure the parser reaches. The floors
only rise.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from sinoru_corpus import parse_article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TOOL = SHARED / "tools" / "score_meta.py"
BENCH = SHARED / "realpages" / "news-metadata"

FLOORS = {
    "title": 0.92,
    "body_start": 0.85,
    "body_end": 0.87,
    "published": 0.99,
    "authors": 0.94,
    "metadata": 0.91,
}
MEAN_OF = ("title", "published", "authors", "body_start", "body_end")


@functools.cache
def _scorer() -> ModuleType | None:
    if not TOOL.is_file() or not (BENCH / "split.json").is_file():
        return None
    spec = importlib.util.spec_from_file_location("sinoru_shared_score_meta", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _field_scores() -> dict[str, float]:
    score = _scorer()
    assert score is not None
    split: dict[str, list[str]] = json.loads((BENCH / "split.json").read_text(encoding="utf-8"))
    per_field: dict[str, list[float]] = {}
    for pid in sorted(split["dev"]):
        gold: dict[str, Any] = json.loads((BENCH / "gold" / f"{pid}.json").read_text(encoding="utf-8"))
        text = (BENCH / "pages" / gold["file"]).read_text(encoding="utf-8")
        article = parse_article(text, source=gold["file"])
        for field, (value, _, _) in score.score_page(article, gold).items():
            per_field.setdefault(field, []).append(value)
    means = {f: sum(v) / len(v) for f, v in per_field.items() if v}
    means["metadata"] = sum(means[f] for f in MEAN_OF) / len(MEAN_OF)
    return means


@pytest.fixture(scope="module")
def field_scores() -> dict[str, float]:
    if _scorer() is None:
        pytest.skip("../shared/realpages/news-metadata and its scorer are not beside this checkout")
    return _field_scores()


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_stays_above_its_floor(field_scores: dict[str, float], field: str) -> None:
    assert field_scores[field] >= FLOORS[field], (field, round(field_scores[field], 3))


def test_the_scorer_counts_every_field(field_scores: dict[str, float]) -> None:
    assert set(MEAN_OF) <= set(field_scores)
