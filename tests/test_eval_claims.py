"""The shared scorer's claim measure on written pages in styles the seeds do not cover.

``tests/fixtures/eval_claims/pages`` holds six pages written for the project: a
news-agency report (quotes with the speaker after or in the middle, "told reporters",
"according to"), a think-tank commentary arguing with named analysts, a Chinese-perspective
piece, a Russian-perspective piece (Kremlin, spokespeople, a policy concept), a page of
block quotes introduced by colon lines, and a page of author voice and policy behaviour
that must yield almost no claims.  ``gold/`` annotates their claims in the seed gold
format (only the claim fields and the page metadata are annotated; entity lists are empty).
The floor sits just under the figure the parser reaches, so it can only go up.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from sinoru_corpus import parse_article

EVAL = Path(__file__).parent / "fixtures" / "eval_claims"
PAGES = EVAL / "pages"
GOLD = EVAL / "gold"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"

CLAIMS_FLOOR = 0.99
GOLDS = sorted(GOLD.glob("*.json"))
GOLD_KEYS = {
    "file",
    "title",
    "standfirst",
    "published",
    "published_inferred",
    "outlet",
    "section",
    "series",
    "authors",
    "body_starts_with",
    "body_ends_with",
    "boilerplate",
    "institutions",
    "regions",
    "people",
    "claims",
    "citations",
    "frames",
}
KINDS = {"person", "institution", "group"}


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip("the shared scorer is not beside this checkout")
    spec = importlib.util.spec_from_file_location("sinoru_score_claims", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_six_pages_with_gold_in_the_seed_format() -> None:
    assert len(GOLDS) == 6
    assert {p.stem for p in GOLDS} == {p.stem for p in PAGES.glob("*.txt")}
    for path in GOLDS:
        assert set(_gold(path)) == GOLD_KEYS, path.name


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_gold_claims_are_sentences_of_their_page(path: Path) -> None:
    gold = _gold(path)
    text = (PAGES / gold["file"]).read_text(encoding="utf-8")
    for claim in gold["claims"]:
        assert claim["text"] in text, claim["text"]
        assert claim["speaker_kind"] in KINDS
        assert isinstance(claim["quoted"], bool)
        assert claim["cue"] is None or claim["cue"].casefold() in claim["text"].casefold() or claim["quoted"]


def test_claims_score_stays_above_its_floor() -> None:
    score = _scorer()
    s = score.Scorer()
    for path in GOLDS:
        gold = _gold(path)
        s.score(parse_article, gold, (PAGES / gold["file"]).read_text(encoding="utf-8"))
    assert not s.failures
    assert s.summary()["claims"] >= CLAIMS_FLOOR, s.misses


def test_author_voice_page_yields_only_its_attributed_claims() -> None:
    gold = _gold(GOLD / "author_voice_arctic.json")
    article = parse_article((PAGES / gold["file"]).read_text(encoding="utf-8"))
    assert [c.text for c in article.claims] == [c["text"] for c in gold["claims"]]
