"""Inline citations: scanning, source resolution, year completion; seed 001's thirty."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import shared_gold
from sinoru_corpus.entities._citations import CitationCandidate, resolve_citations, scan_citations
from sinoru_corpus.entities.gazetteer import Gazetteer, load_gazetteer, lookup_key
from sinoru_corpus.model import Institution, InstitutionKind, PartialDate

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def test_one_candidate_per_source_with_exact_offsets(gaz: Gazetteer) -> None:
    text = "He said so (Lenta.ru, February 20, 2015; Izvestiya, September 5) twice."
    a, b = scan_citations(text, gazetteer=gaz)
    assert (a.raw, a.year, a.month, a.day) == ("Lenta.ru, February 20, 2015", 2015, 2, 20)
    assert (b.raw, b.year, b.month, b.day) == ("Izvestiya, September 5", None, 9, 5)
    for c in (a, b):
        assert text[c.start : c.end] == c.raw
    assert a.source == Institution(name="Lenta.ru", kind=InstitutionKind.MEDIA, curated=False)
    assert b.source.curated
    assert b.source.name == "Izvestiya"


def test_source_keeps_the_printed_name_and_links_the_curated_entry(gaz: Gazetteer) -> None:
    (c,) = scan_citations("(Kremlin.ru, August 25)", gazetteer=gaz)
    assert c.source.name == "Kremlin.ru"
    assert c.source.aliases[0] == "Kremlin"
    assert c.source.kind is InstitutionKind.GOVERNMENT
    assert c.source.curated
    # the same name up to case and "The": the curated entry itself
    (ft,) = scan_citations("(Financial times, October 17)", gazetteer=gaz)
    assert ft.source is gaz.institution("Financial Times")


def test_day_month_and_month_year_orders(gaz: Gazetteer) -> None:
    a, b = scan_citations("(TASS, 24 August 2020) and (TASS, Aug. 2019)", gazetteer=gaz)
    assert (a.year, a.month, a.day) == (2020, 8, 24)
    assert (b.year, b.month, b.day) == (2019, 8, None)


def test_iso_dates(gaz: Gazetteer) -> None:
    a, b = scan_citations("(Xinhua, 2023-05-29; Interfax, 12 March 2024)", gazetteer=gaz)
    assert (a.raw, a.year, a.month, a.day) == ("Xinhua, 2023-05-29", 2023, 5, 29)
    assert (b.raw, b.year, b.month, b.day) == ("Interfax, 12 March 2024", 2024, 3, 12)
    # not a month, or not a date at all
    assert scan_citations("(Xinhua, 2023-13-29) (TASS, 1999-2001)", gazetteer=gaz) == ()


@pytest.mark.parametrize(
    "text",
    [
        "(AUKUS)",
        "(SCO)",
        "(1860)",
        "(as important as energy matters were)",
        "(Photo: Kremlin.Ru)",
        "(inflated by exorbitant corruption)",
        "(TASS, August 24, 2020; see above)",
        "(Moscow, May 9)",
        "(in 2014, August 3)",
    ],
)
def test_not_citations(text: str, gaz: Gazetteer) -> None:
    assert scan_citations(text, gazetteer=gaz) == ()


def test_spans_limit_the_scan(gaz: Gazetteer) -> None:
    text = "(TASS, May 1)\n(TASS, May 2)"
    (c,) = scan_citations(text, [(14, len(text))], gazetteer=gaz)
    assert c.day == 2


def _candidate(year: int | None, month: int, day: int | None) -> CitationCandidate:
    return CitationCandidate(Institution("TASS", InstitutionKind.MEDIA), "TASS, x", 0, 7, year, month, day)


def test_resolve_year_rules() -> None:
    cands = [_candidate(2015, 2, 20), _candidate(None, 10, 17), _candidate(None, 12, 30)]
    got = resolve_citations(cands, year=2021, not_after=dt.date(2021, 11, 1))
    assert [c.date for c in got] == [
        PartialDate(2015, 2, 20),
        PartialDate(2021, 10, 17),
        PartialDate(2020, 12, 30),
    ]
    assert [c.date for c in resolve_citations(cands, year=None)] == [PartialDate(2015, 2, 20), None, None]
    (bad,) = resolve_citations([_candidate(None, 2, 30)], year=2021)
    assert bad.date is None
    assert bad.raw == "TASS, x"


def test_seed_001_all_thirty_citations() -> None:
    gold = json.loads(shared_gold("001_*.json").read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / gold["file"]).read_text(encoding="utf-8")
    cits = resolve_citations(scan_citations(text), year=2021)
    # names compare up to case and "The", as the scorer does: curated "The Moscow Times" for "Moscow times"
    got = [(lookup_key(c.source.name), c.raw.split(", ", 1)[1], str(c.date)) for c in cits]
    want = [(lookup_key(c["source"]), c["date_raw"], c["date"]) for c in gold["citations"]]
    assert got == want
    assert all(text[c.start : c.end] == c.raw for c in cits)


@given(st.text(alphabet=st.sampled_from("(TASS, August 25; 2020) Kremlin.ru\n"), max_size=120))
def test_never_raises_and_offsets_slice(text: str) -> None:
    cands = scan_citations(text)
    for c in cands:
        assert text[c.start : c.end] == c.raw
    cits = resolve_citations(cands, year=2021, not_after=dt.date(2021, 1, 1))
    assert len(cits) == len(cands)
    assert scan_citations(text) == cands
