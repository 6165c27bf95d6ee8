"""The shared scorer on written pages from outlet types the seeds do not cover.

``tests/fixtures/eval/pages`` holds six pages written for the project (a news-agency
report, a journal article, a Russian think-tank page, a Chinese outlet's op-ed, a
European commentary with two authors, a newsletter digest) and ``gold/`` their hand
annotations in the seed gold format. The floors below sit just under the figures the
parser reaches, so they can only go up.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import read_json, shared_scorer
from sinoru_corpus import parse_article

EVAL = Path(__file__).parent / "fixtures" / "eval"
PAGES = EVAL / "pages"
GOLD = EVAL / "gold"

FLOORS = {"metadata": 0.86, "entities": 0.98, "citations": 0.99, "offsets": 0.99}

GOLDS = sorted(GOLD.glob("*.json"))


def test_six_pages_with_gold() -> None:
    assert len(GOLDS) == 6
    assert {p.stem for p in GOLDS} == {p.stem for p in PAGES.glob("*.txt")}


def test_scores_stay_above_their_floors() -> None:
    score = shared_scorer()
    s = score.Scorer()
    for path in GOLDS:
        gold = read_json(path)
        s.score(parse_article, gold, (PAGES / gold["file"]).read_text(encoding="utf-8"))
    assert not s.failures
    summary = s.summary()
    for key, floor in FLOORS.items():
        assert summary[key] >= floor, (key, summary[key], s.misses)


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_every_gold_string_is_in_its_page(path: Path) -> None:
    g = read_json(path)
    text = (PAGES / g["file"]).read_text(encoding="utf-8")
    lines = text.split("\n")
    strings = [g["title"], g["standfirst"], g["body_starts_with"], g["body_ends_with"]]
    strings += [g["published"]["raw"]] if g["published"] else []
    strings += [part for a in g["authors"] for part in a["evidence"].split(" || ")]
    strings += [
        s for key in ("institutions", "regions", "people") for e in g[key] for s in e["surface_forms"]
    ]
    strings += [x for c in g["claims"] for x in (c["text"], c["cue"]) if x]
    strings += [x for c in g["citations"] for x in (c["source"], c["date_raw"])]
    strings += [f["evidence"] for f in g["frames"]]
    missing = [s for s in strings if s is not None and s not in text]
    assert not missing
    assert all(b in lines for b in g["boilerplate"])
    assert text.count(g["body_starts_with"]) == 1
    assert text.count(g["body_ends_with"]) == 1
    assert text.index(g["body_starts_with"]) < text.index(g["body_ends_with"])


def test_digest_citations_are_every_dated_parenthetical() -> None:
    """The gold citation list is exactly the "(Source, date)" parts of the digest's parentheticals."""
    g = read_json(GOLD / "newsletter_digest.json")
    text = (PAGES / g["file"]).read_text(encoding="utf-8")
    month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    date = rf"{month} \d{{1,2}}|\d{{1,2}} {month} \d{{4}}"
    found = {
        (m[1], m[2])
        for group in re.findall(r"\(([^()]{1,200})\)", text)
        for part in group.split(";")
        if (m := re.fullmatch(rf"\s*(.{{1,60}}?), ({date})\s*", part))
    }
    assert found == {(c["source"], c["date_raw"]) for c in g["citations"]}
