"""Bylines and bios read into authors, with exact names, roles and affiliations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.model import Evidence, InstitutionKind
from sinoru_corpus.page._bylines import (
    BioReading,
    clean_name,
    guess_institution_kind,
    make_institution,
    merge_authors,
    parse_bio,
    parse_byline,
)


def names(line: str) -> list[str]:
    return [b.name for b in parse_byline(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Anna Petrova and John Smith", ["Anna Petrova", "John Smith"]),
        ("By A. Smith, B. Jones and C. Lee | 8 May 2015", ["A. Smith", "B. Jones", "C. Lee"]),
        ("Anna Petrova Fall 2016", ["Anna Petrova"]),
        ("Anna Petrova |Research Fellow, Example Institute", ["Anna Petrova"]),
        ("Dr. Pavel K. Ivanov, PhD", ["Pavel K. Ivanov"]),
        ("By Jean-Luc de la Fontaine", ["Jean-Luc de la Fontaine"]),
        ("Commentary", []),
        ("Home", []),
        ("SOURCE", []),
        ("Skip to content", []),
        ("Minute Read", []),
        ("Email The Author", []),
        ("China Review", []),
        ("Consolidating Former Soviet Republics", []),
        ("NATO Press Service", []),
    ],
)
def test_byline_names(line: str, expected: list[str]) -> None:
    assert names(line) == expected


def test_byline_spans_point_into_the_line() -> None:
    line = "By Anna Petrova and John Smith"
    assert [line[b.start : b.end] for b in parse_byline(line)] == ["Anna Petrova", "John Smith"]


def test_byline_role_and_affiliation() -> None:
    (b,) = parse_byline("Anna Petrova |Senior Officer, Example Policy Directorate")
    assert b.role == "Senior Officer"
    assert b.affiliation == "Example Policy Directorate"


def test_clean_name_strips_honorifics_and_degrees() -> None:
    assert clean_name("Prof. Anna Petrova") == "Anna Petrova"
    assert clean_name("Anna Petrova, Ph.D.") == "Anna Petrova"
    assert clean_name("Anna") is None
    assert clean_name("Anna Maria Luisa Petrova Smith") is None


def test_bio_with_acronym() -> None:
    bio = parse_bio("Anna Petrova is a senior researcher at the Example Peace Institute, Bergen (EPI).")
    assert bio == BioReading("Anna Petrova", "senior researcher", "Example Peace Institute, Bergen", "EPI")


def test_bio_with_degree() -> None:
    bio = parse_bio("John Smith, Ph.D. is a Senior Fellow at the Example Policy Council.")
    assert bio == BioReading("John Smith", "Senior Fellow", "Example Policy Council", None)


def test_bio_stops_at_the_clause_after_the_organisation() -> None:
    bio = parse_bio(
        "Jane Doe is an associate professor at the University of Exampleton and the author of two books."
    )
    assert bio is not None
    assert bio.affiliation == "University of Exampleton"


@pytest.mark.parametrize(
    "line", ["Vladimir Putin is a master of surprise.", "Russia is a junior partner of China.", "Conclusion"]
)
def test_not_bios(line: str) -> None:
    assert parse_bio(line) is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Example Peace Research Institute, Oslo", InstitutionKind.THINK_TANK),
        ("NATO Nuclear Policy Directorate", InstitutionKind.IGO),
        ("University of Exampleton", InstitutionKind.UNIVERSITY),
        ("Ministry of Foreign Affairs", InstitutionKind.GOVERNMENT),
        ("Something Else", InstitutionKind.OTHER),
    ],
)
def test_institution_kind(name: str, kind: InstitutionKind) -> None:
    assert guess_institution_kind(name) is kind


def test_make_institution_is_uncurated() -> None:
    inst = make_institution("Example Policy Council", "EPC")
    assert inst is not None
    assert inst.curated is False
    assert inst.acronym == "EPC"
    assert make_institution("the council") is None


def test_merge_byline_and_bio_of_the_same_person() -> None:
    (b,) = parse_byline("John Smith Fall 2016")
    bio = parse_bio("John Smith, Ph.D. is a Senior Fellow at the Example Policy Council.")
    assert bio is not None
    (author,) = merge_authors([(b, Evidence(0, 20, "byline"))], [(bio, Evidence(30, 90, "author bio"))])
    assert author.name == "John Smith"
    assert author.role == "Senior Fellow"
    assert author.affiliation is not None
    assert author.affiliation.name == "Example Policy Council"
    assert [e.reason for e in author.evidence] == ["byline", "author bio"]


@given(st.text(max_size=200))
def test_never_raises(line: str) -> None:
    for b in parse_byline(line):
        assert b.name.strip()
    parse_bio(line)


def test_merge_authors_is_linear_in_repeated_bylines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14: evidence is deduplicated through a dict, never by scanning a list."""
    calls = 0
    original = Evidence.__eq__

    def counting(self: Evidence, other: object) -> bool:
        nonlocal calls
        calls += 1
        return original(self, other)  # type: ignore[no-any-return]

    monkeypatch.setattr(Evidence, "__eq__", counting)
    (b,) = parse_byline("By John Smith")
    n = 3000
    entries = [(b, Evidence(14 * i, 14 * i + 13, "byline")) for i in range(n)]
    (author,) = merge_authors(entries + entries, [])
    assert len(author.evidence) == n
    assert [e.start for e in author.evidence] == [14 * i for i in range(n)]
    assert calls < 4 * n


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Anna Petrova and John Smith", ["Anna Petrova", "John Smith"]),
        ("Written by Grace Holt", ["Grace Holt"]),
        ("Author: Dr. Li Wei", ["Li Wei"]),
    ],
)
def test_byline_cues(line: str, names: list[str]) -> None:
    assert [n.name for n in parse_byline(line)] == names


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "The author is John Smith, a senior fellow at the Example Policy Council.",
            [("John Smith", "senior fellow", "Example Policy Council")],
        ),
        (
            "The authors are Anna Petrova and Wei Chen.",
            [("Anna Petrova", None, None), ("Wei Chen", None, None)],
        ),
        (
            "About the author: Maria Lopez is a professor at Example University.",
            [("Maria Lopez", "professor", "Example University")],
        ),
        (
            "The author is a senior fellow at the Example Policy Council.",
            [("Tom Baker", "senior fellow", "Example Policy Council")],
        ),
        ("The author is grateful to colleagues.", []),
        ("The author of the report is unknown.", []),
    ],
)
def test_author_notes(line: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    from sinoru_corpus.page._bylines import parse_author_note

    got = [(b.name, b.role, b.affiliation) for b in parse_author_note(line, ["Tom Baker"])]
    assert got == expected


def test_a_note_without_a_name_needs_exactly_one_byline_name() -> None:
    from sinoru_corpus.page._bylines import parse_author_note

    note = "The author is a senior fellow at the Example Policy Council."
    assert parse_author_note(note, []) == ()
    assert parse_author_note(note, ["Tom Baker", "Ann Ray"]) == ()


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ann Lee Ann is a senior fellow at the Example Institute.", "Ann Lee"),
        ("Ann Lee Ann Lee is a senior fellow at the Example Institute.", "Ann Lee"),
        ("Ann Lee is a senior fellow at the Example Institute.", "Ann Lee"),
        ("Mary Ann Lee is a senior fellow at the Example Institute.", "Mary Ann Lee"),
    ],
)
def test_a_name_heading_glued_to_its_bio_is_read_once(line: str, name: str) -> None:
    bio = parse_bio(line)
    assert bio is not None
    assert bio.name == name


@pytest.mark.parametrize(
    ("line", "role", "affiliation"),
    [
        (
            "Ann Lee is a reporter for Example News covering trade and shipping. Follow her online.",
            "reporter",
            "Example News",
        ),
        (
            "Ann Lee is a professor of history at Example University.",
            "professor of history",
            "Example University",
        ),
        (
            "Ann Lee is a fellow at the Institute for the Study of Trade.",
            "fellow",
            "Institute for the Study of Trade",
        ),
    ],
)
def test_a_bio_reads_the_employer_after_the_earliest_preposition_before_a_name(
    line: str, role: str, affiliation: str
) -> None:
    bio = parse_bio(line)
    assert bio is not None
    assert (bio.role, bio.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Ola Moss is a journalist based in Tromsø.", "journalist"),
        ("Ola Moss is a freelance writer based in Almaty, Kazakhstan.", "freelance writer"),
        ("Ola Moss is a researcher specialising in Arctic shipping.", "researcher"),
    ],
)
def test_a_place_or_topic_after_a_participle_is_no_affiliation(line: str, role: str) -> None:
    bio = parse_bio(line)
    assert bio is not None
    assert (bio.name, bio.role, bio.affiliation) == ("Ola Moss", role, None)
    fellow = parse_bio("Ola Moss is a visiting fellow at the Harbour Institute.")
    assert fellow is not None
    assert (fellow.role, fellow.affiliation) == ("visiting fellow", "Harbour Institute")
