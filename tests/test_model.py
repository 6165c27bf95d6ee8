"""The data model: PartialDate arithmetic, validators, value semantics, article ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_corpus import model
from sinoru_corpus.model import (
    Article,
    Author,
    Citation,
    Claim,
    DateBounds,
    Evidence,
    Frame,
    FrameLabel,
    Institution,
    InstitutionKind,
    LayoutLine,
    LineKind,
    Mention,
    ParseWarning,
    PartialDate,
    Person,
    Precision,
    Region,
    RegionKind,
    Season,
    Series,
    Speaker,
    SpeakerKind,
    Stance,
    WarningCode,
    article_id,
)

RUSSIA = Region("Russia", RegionKind.COUNTRY, iso_code="RU")
SCO = Institution("Shanghai Cooperation Organisation", InstitutionKind.IGO, acronym="SCO")

# ---------------------------------------------------------------- PartialDate


@pytest.mark.parametrize(
    ("date", "precision", "iso"),
    [
        (PartialDate(2015), Precision.YEAR, "2015"),
        (PartialDate(2016, season=Season.FALL), Precision.SEASON, "2016-fall"),
        (PartialDate(2023, 6), Precision.MONTH, "2023-06"),
        (PartialDate(2023, 6, 2), Precision.DAY, "2023-06-02"),
        (PartialDate(7, 1, 9), Precision.DAY, "0007-01-09"),
    ],
)
def test_partial_date_precision_and_iso(date: PartialDate, precision: Precision, iso: str) -> None:
    assert date.precision is precision
    assert date.isoformat() == iso
    assert str(date) == iso


@pytest.mark.parametrize(
    ("date", "earliest", "latest"),
    [
        (PartialDate(2015), dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
        (PartialDate(2016, season=Season.SPRING), dt.date(2016, 3, 1), dt.date(2016, 5, 31)),
        (PartialDate(2016, season=Season.SUMMER), dt.date(2016, 6, 1), dt.date(2016, 8, 31)),
        (PartialDate(2016, season=Season.FALL), dt.date(2016, 9, 1), dt.date(2016, 11, 30)),
        # winter starts in December and runs into the next year, whose February is a leap one
        (PartialDate(2015, season=Season.WINTER), dt.date(2015, 12, 1), dt.date(2016, 2, 29)),
        (PartialDate(2016, season=Season.WINTER), dt.date(2016, 12, 1), dt.date(2017, 2, 28)),
        (PartialDate(9999, season=Season.WINTER), dt.date(9999, 12, 1), dt.date(9999, 12, 31)),
        (PartialDate(2024, 2), dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (PartialDate(2023, 2), dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        (PartialDate(1900, 2), dt.date(1900, 2, 1), dt.date(1900, 2, 28)),
        (PartialDate(2000, 2), dt.date(2000, 2, 1), dt.date(2000, 2, 29)),
        (PartialDate(2023, 6, 2), dt.date(2023, 6, 2), dt.date(2023, 6, 2)),
    ],
)
def test_partial_date_range(date: PartialDate, earliest: dt.date, latest: dt.date) -> None:
    assert (date.earliest, date.latest) == (earliest, latest)


def test_to_date_only_for_days() -> None:
    assert PartialDate(2023, 6, 2).to_date() == dt.date(2023, 6, 2)
    assert PartialDate(2023, 6).to_date() is None
    assert PartialDate(2023, season=Season.FALL).to_date() is None
    assert PartialDate.from_date(dt.date(2024, 2, 29)) == PartialDate(2024, 2, 29)


def test_overlaps_and_within() -> None:
    winter = PartialDate(2016, season=Season.WINTER)
    assert winter.overlaps(PartialDate(2017, 1))
    assert winter.overlaps(dt.date(2016, 12, 31))
    assert not winter.overlaps(PartialDate(2017, 3))
    assert PartialDate(2017, 1, 15).within(winter)
    assert not PartialDate(2017).within(winter)
    assert winter.overlaps(PartialDate(2017))
    assert PartialDate(2016, 6).within(PartialDate(2016))
    assert PartialDate(2016, 6).within(PartialDate(2016, season=Season.SUMMER))
    assert not PartialDate(2016, 9).within(PartialDate(2016, season=Season.SUMMER))
    assert PartialDate(2016, 6, 1).within(dt.date(2016, 6, 1))
    assert not PartialDate(2016, 6).within(dt.date(2016, 6, 1))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"year": 0}, "year must be an int in 1..9999, got 0"),
        ({"year": 10000}, "year must be an int in 1..9999, got 10000"),
        ({"year": True}, "year must be an int in 1..9999, got True"),
        ({"year": "2015"}, "year must be an int in 1..9999, got '2015'"),
        ({"year": 2015, "month": 13}, "month must be an int in 1..12, got 13"),
        ({"year": 2015, "month": 0}, "month must be an int in 1..12, got 0"),
        ({"year": 2023, "month": 2, "day": 29}, "day must be in 1..28 for 2023-02, got 29"),
        ({"year": 2023, "month": 6, "day": 31}, "day must be in 1..30 for 2023-06, got 31"),
        ({"year": 2023, "day": 3}, "a day needs a month: year=2023, day=3"),
        (
            {"year": 2016, "month": 6, "season": Season.FALL},
            "a season cannot be given with a month or day: fall 2016, month=6, day=None",
        ),
        ({"year": 2016, "season": "fall"}, "season must be a Season or None, got 'fall'"),
    ],
)
def test_partial_date_rejects(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        PartialDate(**kwargs)  # type: ignore[arg-type]


def test_leap_day_is_accepted() -> None:
    assert PartialDate(2024, 2, 29).latest == dt.date(2024, 2, 29)


# ---------------------------------------------------------------- validators


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Evidence(-1, 3), "start must be >= 0, got -1"),
        (lambda: Evidence(5, 3), "span end 3 precedes its start 5"),
        (lambda: Region("  ", RegionKind.CITY), "name must not be empty or blank, got '  '"),
        (
            lambda: Institution("X", InstitutionKind.MEDIA, acronym=""),
            "acronym must be None or non-blank, got ''",
        ),
        (lambda: Person(""), "name must not be empty or blank, got ''"),
        (lambda: Author("A B", role=" "), "role must be None or non-blank, got ' '"),
        (
            lambda: Mention("Russia", 0, 5, RUSSIA),
            "span 0:5 has length 5, but surface 'Russia' has length 6",
        ),
        (lambda: Mention("Russia", 4, 2, RUSSIA), "span end 2 precedes its start 4"),
        (lambda: Series("China Brief", volume=""), "volume must be None or non-blank, got ''"),
        (lambda: LayoutLine(-2, 0, 0, LineKind.BLANK), "number must be >= 0, got -2"),
        (lambda: ParseWarning(WarningCode.OTHER, "\n"), "message must not be empty or blank, got '\\n'"),
        (
            lambda: DateBounds(dt.date(2020, 1, 2), dt.date(2020, 1, 1)),
            "latest bound 2020-01-01 precedes earliest bound 2020-01-02",
        ),
        (
            lambda: Claim(Speaker("He", SpeakerKind.PERSON), "said", "abc", 0, 4),
            "claim span 0:4 does not fit its text of length 3",
        ),
        (
            lambda: Claim(Speaker("He", SpeakerKind.PERSON), "said", "abc", 0, 3, cue_start=1),
            "cue_start and cue_end must both be set or both be None",
        ),
        (
            lambda: Claim(Speaker("He", SpeakerKind.PERSON), None, "abc", 0, 3, cue_start=1, cue_end=2),
            "a cue span needs a cue",
        ),
        (
            lambda: Frame(FrameLabel.ALLIANCE, Stance.ARGUES, "an alliance", 10, 9),
            "span end 9 precedes its start 10",
        ),
        (
            lambda: Citation(SCO, None, "TASS", -4, 0),
            "start must be >= 0, got -4",
        ),
    ],
)
def test_validators(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        build()


def test_kind_must_be_enum_member() -> None:
    with pytest.raises(TypeError, match="'kind' must be <enum 'RegionKind'>"):
        Region("Kazan", "city")  # type: ignore[arg-type]


# ---------------------------------------------------------------- value semantics


def test_equality_and_hash_by_value() -> None:
    a = Region("Russia", RegionKind.COUNTRY, aliases=["RF"], iso_code="RU")
    b = Region("Russia", RegionKind.COUNTRY, aliases=("RF",), iso_code="RU")
    assert a == b
    assert hash(a) == hash(b)
    assert a.aliases == ("RF",)  # lists are stored as tuples
    assert len({a, b, RUSSIA}) == 2
    assert PartialDate(2016, season=Season.FALL) != PartialDate(2016)


def test_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        RUSSIA.name = "Rus"  # type: ignore[misc]


def test_repr_is_readable() -> None:
    assert repr(PartialDate(2016, season=Season.FALL)) == (
        "PartialDate(year=2016, month=None, day=None, season=<Season.FALL: 'fall'>)"
    )
    text = "A title\n\nRussia argued."
    article = Article(text=text, title="A title", published=PartialDate(2015, 5, 8))
    assert repr(article) == (
        f"Article(id={article.id!r}, title='A title', "
        "published=PartialDate(year=2015, month=5, day=8, season=None), outlet=None, "
        "authors=[], claims=0, mentions=0)"
    )
    assert text not in repr(Article(text=text))


def test_article_id_is_stable_and_source_sensitive() -> None:
    text = "Moscow and Beijing met again."
    assert article_id(text) == article_id(text)
    assert len(article_id(text)) == 16
    assert int(article_id(text), 16) >= 0
    assert article_id(text, "a.txt") != article_id(text, "b.txt")
    assert article_id(text, None) == article_id(text, "")
    assert article_id(text) != article_id(text + " ")
    # the separator keeps source and text apart: "ab"+"c" is not "a"+"bc"
    assert article_id("c", "ab") != article_id("bc", "a")
    assert Article(text=text, source="a.txt").id == article_id(text, "a.txt")
    assert Article(text=text, id="fixed").id == "fixed"
    # lone surrogates (undecodable input) still hash
    assert len(article_id("\ud800")) == 16


def test_article_lines_of() -> None:
    article = Article(
        text="T\n\nB",
        layout=[
            LayoutLine(0, 0, 1, LineKind.TITLE),
            LayoutLine(1, 2, 2, LineKind.BLANK),
            LayoutLine(2, 3, 4, LineKind.BODY),
        ],
    )
    assert article.lines_of(LineKind.BODY) == (LayoutLine(2, 3, 4, LineKind.BODY),)
    assert article.lines_of(LineKind.BYLINE) == ()
    assert DateBounds(dt.date(2020, 1, 1)).contains(dt.date(2021, 1, 1))
    assert not DateBounds(None, dt.date(2020, 1, 1)).contains(dt.date(2021, 1, 1))


@settings(max_examples=25, deadline=None)
@given(
    st.text(st.sampled_from(["a", " ", "\u00e9", "\u2014", "\U0001f600", "\ud800", "\n"]), max_size=40),
    st.integers(min_value=0, max_value=3),
)
def test_the_article_id_hashes_a_long_text_in_slices_as_a_whole(piece: str, repeat: int) -> None:
    text = piece * (repeat * model._ID_CHUNK // max(1, len(piece)) + 1)  # beyond one slice
    whole = hashlib.sha256(b"src\x00" + text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    assert article_id(text, "src") == whole
