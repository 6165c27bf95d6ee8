"""Aggregates and records, with exact answers on hand-built articles."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from _corpus_builder import sample_articles
from sinoru_corpus.corpus import aggregate as ag
from sinoru_corpus.corpus._collection import Corpus
from sinoru_corpus.model import PartialDate, Precision, Season, SpeakerKind

CORPUS = Corpus(sample_articles())


def test_count_by_entities() -> None:
    assert CORPUS.count_by("region") == (
        ("Almaty", 1),
        ("Central Asia", 1),
        ("China", 1),
        ("Europe", 1),
        ("Kazakhstan", 1),
        ("Russia", 1),
    )
    assert CORPUS.count_by("institution") == (
        ("Carnegie Endowment", 1),
        ("North Atlantic Treaty Organization", 1),
        ("Shanghai Cooperation Organisation", 1),
        ("Shanghai Cooperation Organization", 1),
    )
    assert CORPUS.count_by("outlet") == (("China Brief", 1), ("inFOCUS", 1))
    assert CORPUS.count_by("author") == (("Ann Lee", 1),)
    assert CORPUS.count_by("person") == (("Ann Lee", 1), ("Vladimir Putin", 1))
    assert CORPUS.count_by("frame") == (("alliance", 2), ("rivalry", 1))


def test_count_by_year_is_in_year_order() -> None:
    assert CORPUS.count_by("year") == (("2016", 3), ("2023", 1))


def test_counts_are_of_articles_not_mentions() -> None:
    doubled = Corpus(sample_articles() + sample_articles()[:1])
    assert doubled.count_by("outlet") == (("China Brief", 2), ("inFOCUS", 1))
    assert doubled.count_by("frame") == (("alliance", 3), ("rivalry", 1))


def test_count_by_unknown_key() -> None:
    with pytest.raises(ValueError, match="cannot count by 'colour'"):
        CORPUS.count_by("colour")


def test_cooccurrence_and_matrix() -> None:
    assert CORPUS.cooccurrence() == (
        ("Almaty", "Carnegie Endowment", 1),
        ("Central Asia", "Shanghai Cooperation Organization", 1),
        ("China", "North Atlantic Treaty Organization", 1),
        ("Kazakhstan", "Shanghai Cooperation Organisation", 1),
        ("Russia", "North Atlantic Treaty Organization", 1),
    )
    matrix = ag.cooccurrence_matrix(CORPUS, top=2)
    assert matrix.regions == ("Almaty", "Central Asia")
    assert matrix.institutions == ("Carnegie Endowment", "North Atlantic Treaty Organization")
    assert matrix.values == ((1, 0), (0, 0))


def test_timeline_bins_each_date_at_its_own_precision() -> None:
    bins = CORPUS.timeline()
    assert [(b.label, b.precision, b.count) for b in bins] == [
        ("2016", Precision.YEAR, 1),
        ("2016-fall", Precision.SEASON, 1),
        ("2016-09", Precision.MONTH, 1),
        ("2023-06-02", Precision.DAY, 1),
    ]
    assert (bins[0].start, bins[0].end) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    assert (bins[1].start, bins[1].end) == (dt.date(2016, 9, 1), dt.date(2016, 11, 30))


def test_timeline_never_puts_a_year_into_january() -> None:
    bins = CORPUS.timeline(granularity=Precision.MONTH)
    assert [(b.label, b.count) for b in bins] == [
        ("2016", 1),
        ("2016-fall", 1),
        ("2016-09", 1),
        ("2023-06", 1),
    ]


def test_timeline_coarsened_to_years_and_seasons() -> None:
    assert [(b.label, b.count) for b in CORPUS.timeline(granularity=Precision.YEAR)] == [
        ("2016", 3),
        ("2023", 1),
    ]
    assert [(b.label, b.count) for b in CORPUS.timeline(granularity=Precision.SEASON)] == [
        ("2016", 1),
        ("2016-fall", 2),
        ("2023-summer", 1),
    ]


def test_timeline_of_claims() -> None:
    assert [(b.label, b.count) for b in CORPUS.timeline(what="claims")] == [
        ("2016", 1),
        ("2016-fall", 1),
        ("2023-06-02", 1),
    ]
    with pytest.raises(ValueError, match="'articles' or 'claims'"):
        CORPUS.timeline(what="words")


@pytest.mark.parametrize(
    ("date", "granularity", "expected"),
    [
        (PartialDate(2017, 1, 15), Precision.SEASON, PartialDate(2016, season=Season.WINTER)),
        (PartialDate(2017, 12, 1), Precision.SEASON, PartialDate(2017, season=Season.WINTER)),
        (PartialDate(2017, 4), Precision.SEASON, PartialDate(2017, season=Season.SPRING)),
        (PartialDate(2017, 4, 3), Precision.MONTH, PartialDate(2017, 4)),
        (PartialDate(2017, season=Season.FALL), Precision.MONTH, PartialDate(2017, season=Season.FALL)),
        (PartialDate(2017, season=Season.FALL), Precision.YEAR, PartialDate(2017)),
        (PartialDate(2017), Precision.DAY, PartialDate(2017)),
        (PartialDate(2017, 4, 3), None, PartialDate(2017, 4, 3)),
    ],
)
def test_coarsen(date: PartialDate, granularity: Precision | None, expected: PartialDate) -> None:
    assert ag.coarsen(date, granularity) == expected


def test_top_speakers() -> None:
    assert CORPUS.top_speakers() == (("Carnegie Endowment", 1), ("Chinese experts", 1), ("Vladimir Putin", 1))
    assert CORPUS.top_speakers(1) == (("Carnegie Endowment", 1),)
    assert ag.top_speakers(CORPUS, None, kinds=[SpeakerKind.GROUP]) == (("Chinese experts", 1),)


def test_citation_recency() -> None:
    ages = CORPUS.citation_recency()
    assert [(a.source, a.reference, a.basis, a.days) for a in ages] == [
        ("TASS", dt.date(2023, 6, 2), "published", 13),
        ("Kremlin.ru", dt.date(2021, 12, 31), "latest_bound", 75),
    ]
    a0 = CORPUS[0]
    assert a0.text[ages[0].start : ages[0].end] == "TASS, May 20"
    assert ag.recency_summary(ages) == {
        "count": 2,
        "median_days": 44.0,
        "mean_days": 44.0,
        "min_days": 13,
        "max_days": 75,
    }
    assert ag.recency_summary(())["count"] == 0


# ------------------------------------------------------------------ records


def test_article_records_are_plain_json() -> None:
    records = CORPUS.to_records()
    assert json.loads(json.dumps(records)) == records
    assert records[1] == {
        "id": CORPUS[1].id,
        "source": "a1.txt",
        "title": None,
        "outlet": "inFOCUS",
        "section": None,
        "series": None,
        "published": "2016-fall",
        "precision": "season",
        "earliest": "2016-09-01",
        "latest": "2016-11-30",
        "authors": [],
        "regions": ["China", "Russia"],
        "institutions": ["North Atlantic Treaty Organization"],
        "people": [],
        "frames": ["rivalry"],
        "claims": 1,
        "citations": 0,
        "warnings": [],
        "chars": len(CORPUS[1].text),
    }
    assert (records[2]["published"], records[2]["earliest"], records[2]["latest"]) == (
        None,
        "2021-10-17",
        "2021-12-31",
    )


def test_claim_records() -> None:
    records = CORPUS.to_records("claims")
    assert [r["speaker"] for r in records] == ["Vladimir Putin", "Chinese experts", "Carnegie Endowment"]
    assert records[0]["speaker_as_printed"] == "Putin"
    assert records[0]["frames"] == ["alliance:argues"]
    assert (records[0]["start"], records[0]["end"]) == (0, 45)
    assert json.loads(json.dumps(records)) == records
    with pytest.raises(ValueError, match="'articles' or 'claims'"):
        CORPUS.to_records("words")


def test_to_pandas_names_the_extra_when_pandas_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"sinoru-corpus\[pandas\]"):
        CORPUS.to_pandas()


def test_to_pandas() -> None:
    pandas = pytest.importorskip("pandas")
    frame = CORPUS.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["source"]) == [f"a{i}.txt" for i in range(6)]


def test_to_pandas_date_columns_are_datetimes() -> None:
    pandas = pytest.importorskip("pandas")
    for what in ("articles", "claims"):
        frame = CORPUS.to_pandas(what)
        assert pandas.api.types.is_datetime64_any_dtype(frame["earliest"]), what
        assert pandas.api.types.is_datetime64_any_dtype(frame["latest"]), what
        dated = frame.dropna(subset=["earliest"])
        assert (dated["earliest"] <= dated["latest"]).all(), what
    articles = CORPUS.to_pandas()
    records = CORPUS.to_records()
    for (_, row), record in zip(articles.iterrows(), records, strict=True):
        if record["earliest"] is not None:
            assert row["earliest"].date().isoformat() == record["earliest"]
    assert CORPUS.to_pandas("claims").shape[0] == len(CORPUS.to_records("claims"))


def test_result_classes_are_exported() -> None:
    import sinoru_corpus as sc

    assert sc.TimeBin is ag.TimeBin
    assert type(CORPUS.timeline()[0]) is sc.TimeBin
    hits = CORPUS.claims()
    assert hits
    assert all(isinstance(hit, sc.ClaimHit) for hit in hits)
