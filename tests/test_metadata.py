"""extract_metadata on the five seeds (against the gold files) and its invariants."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.model import LineKind, PartialDate, Season, WarningCode
from sinoru_corpus.page._metadata import extract_metadata

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "seeds"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def norm(s: object) -> str:
    return "" if s is None else re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(s))).strip().casefold()


def gold(path: Path) -> dict[str, object]:
    g = GOLD / (path.stem + ".json")
    if not g.exists():
        pytest.skip("gold annotations not available")
    return json.loads(g.read_text("utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_against_gold(path: Path) -> None:
    g = gold(path)
    text = path.read_text("utf-8")
    m = extract_metadata(text)
    assert norm(m.title) == norm(g["title"])
    assert norm(m.standfirst) == norm(g["standfirst"])
    assert norm(m.outlet) == norm(g["outlet"])
    assert norm(m.section) == norm(g["section"])
    assert norm(m.body).startswith(norm(g["body_starts_with"]))
    assert norm(m.body).endswith(norm(g["body_ends_with"]))
    body_lines = {norm(line) for line in m.body.split("\n")}
    for line in g["boilerplate"]:  # type: ignore[attr-defined]
        assert norm(line) not in body_lines
    want = [(a["name"], a["role"], a["affiliation"], a["affiliation_acronym"]) for a in g["authors"]]  # type: ignore[attr-defined]
    got = [
        (
            a.name,
            a.role,
            a.affiliation.name if a.affiliation else None,
            a.affiliation.acronym if a.affiliation else None,
        )
        for a in m.authors
    ]
    assert [tuple(map(norm, w)) for w in want] == [tuple(map(norm, x)) for x in got]


def test_seed_dates_and_series() -> None:
    by = {p.stem[:3]: extract_metadata(p.read_text("utf-8")) for p in SEEDS}
    assert by["000"].published == PartialDate(2023, 6, 2)
    assert [w.code for w in by["000"].warnings if w.code is WarningCode.DATE_AMBIGUOUS] == [
        WarningCode.DATE_AMBIGUOUS
    ]
    assert by["001"].published is None
    assert by["001"].series is not None
    assert (by["001"].series.name, by["001"].series.volume, by["001"].series.issue) == (
        "China Brief",
        "21",
        "20",
    )
    assert by["002"].published == PartialDate(2015, 5, 8)
    assert by["003"].published == PartialDate(2016, season=Season.FALL)
    assert by["004"].published is None
    assert {w.code for w in by["004"].warnings} >= {
        WarningCode.NO_TITLE,
        WarningCode.NO_DATE,
        WarningCode.NO_AUTHOR,
    }


def test_seed_spans_slice_their_values() -> None:
    for path in SEEDS:
        text = path.read_text("utf-8")
        m = extract_metadata(text)
        if m.title_span is not None:
            assert text[m.title_span[0] : m.title_span[1]].strip() == m.title
        if m.published_span is not None:
            assert text[m.published_span[0] : m.published_span[1]]
        assert m.body == "\n\n".join(text[a:b].strip() for a, b in m.body_spans)
        for a in m.authors:
            assert a.evidence
            for ev in a.evidence:
                assert a.name.split()[-1] in text[ev.start : ev.end]


def test_short_page() -> None:
    text = (
        "Analysis | 3 March 2021\n\nWhy Moscow Looks East\n\nBy Anna Petrova\n\n"
        "Russia has turned towards Asia for many years now, and the results are mixed for its economy.\n\n"
        "Anna Petrova is a research fellow at the Example Institute for Eurasian Studies (EIES)."
    )
    m = extract_metadata(text)
    assert m.title == "Why Moscow Looks East"
    assert m.section == "Analysis"
    assert m.published == PartialDate(2021, 3, 3)
    assert [(a.name, a.role) for a in m.authors] == [("Anna Petrova", "research fellow")]
    assert m.authors[0].affiliation is not None
    assert m.authors[0].affiliation.acronym == "EIES"
    assert m.body.startswith("Russia has turned")
    assert m.outlet is None


def test_breadcrumb_gives_outlet_and_section() -> None:
    text = (
        "Home > Riddle > Economy > Why Moscow Looks East\n\nWhy Moscow Looks East\n\n"
        "Russia has turned towards Asia for many years now, and the results are mixed for its economy."
    )
    m = extract_metadata(text)
    assert m.outlet == "Riddle"
    assert m.section == "Economy"


def _invariants(text: str) -> None:
    m = extract_metadata(text)
    lines = text.split("\n")
    assert len(m.layout) == len(lines)
    for ln, line in zip(m.layout, lines, strict=True):
        assert text[ln.start : ln.end] == line
    for a, b in m.body_spans:
        assert 0 <= a <= b <= len(text)
    assert m == extract_metadata(text)
    assert all(ln.kind in LineKind for ln in m.layout)


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\n", "\u00a0\t\n", "\x00\x1f\x7f", "a" * 100_000, "word " * 50_000]
)
def test_edge_inputs(text: str) -> None:
    _invariants(text)


@given(st.text(max_size=500))
def test_never_raises_and_is_deterministic(text: str) -> None:
    _invariants(text)


@given(
    st.lists(st.sampled_from(["", "By Anna Petrova", "Share", "8 May 2015", "Conclusion", "x" * 90, "A. B."]))
)
def test_structured_noise(parts: list[str]) -> None:
    _invariants("\n".join(parts))


def test_empty_input_warning() -> None:
    assert WarningCode.EMPTY_INPUT in {w.code for w in extract_metadata("").warnings}


# --- growth (issue 14): extract_metadata is linear in the page's length -------------------


def _cpu(text: str) -> float:
    """Median of 5 samples of CPU time per call; a sample repeats the call for 50 ms at
    least, so a fast call is not lost in the clock's noise."""
    import gc
    import statistics
    import time

    def sample() -> float:
        calls, t = 0, time.process_time()
        while True:
            extract_metadata(text)
            calls += 1
            if (spent := time.process_time() - t) >= 0.05:
                return spent / calls

    gc.collect()
    gc.disable()  # the collector's pauses depend on the heap, not on this call
    try:
        return statistics.median(sample() for _ in range(5))
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "unit",
    [
        "By John Smith\n",
        "John Smith is a senior fellow at the Example Institute.\n",
        "The author is John Smith, a senior fellow at the Example Institute.\n",
        "By John Smith - Apr 16, 2015\n",
        "Ann Lee, PhD,\n",
        "By\nJohn Smith\n",
    ],
    ids=["byline", "bio", "note", "dated-byline", "name-list", "cue-alone"],
)
def test_metadata_grows_linearly(unit: str) -> None:
    small = unit * (10_000 // len(unit))
    large = unit * (40_000 // len(unit))
    # a quadratic pass gives about 16 every time; a busy machine may give one high
    # reading, so a reading over 6 is taken again (three readings at most)
    ratios = []
    for _ in range(3):
        ratios.append(_cpu(large) / max(_cpu(small), 1e-4))
        if ratios[-1] < 6:
            break
    assert min(ratios) < 6, ratios
