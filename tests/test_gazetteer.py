"""The gazetteer: loading, validation, lookups, hierarchy; and the packaged data's integrity."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.entities.gazetteer import Gazetteer, load_gazetteer, lookup_key
from sinoru_corpus.errors import SchemaError
from sinoru_corpus.model import InstitutionKind, RegionKind

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def test_lookup_by_name_alias_adjective_and_iso(gaz: Gazetteer) -> None:
    assert gaz.region("Central Asia") is gaz.region("central asian")
    assert gaz.region("Central Asian").name == "Central Asia"  # type: ignore[union-attr]
    assert gaz.region("U.S.").name == "United States"  # type: ignore[union-attr]
    assert gaz.region("the United States").name == "United States"  # type: ignore[union-attr]
    assert gaz.region("KZ").name == "Kazakhstan"  # type: ignore[union-attr]
    assert gaz.region("Atlantis") is None


def test_institution_and_person_lookup(gaz: Gazetteer) -> None:
    sco = gaz.institution("SCO")
    assert sco is not None
    assert sco.name == "Shanghai Cooperation Organisation"
    assert sco.kind is InstitutionKind.IGO
    assert gaz.institution("shanghai cooperation organization") is sco
    assert gaz.institution("Moscow Times") is gaz.institution("The Moscow Times")
    putin = gaz.person("Putin")
    assert putin is not None
    assert putin.name == "Vladimir Putin"
    assert putin.role == "President of Russia"


def test_canonical_name_wins_over_alias(gaz: Gazetteer) -> None:
    # "Georgia" is both the country's name and an alias of the US state
    assert gaz.region("Georgia").kind is RegionKind.COUNTRY  # type: ignore[union-attr]


def test_hierarchy(gaz: Gazetteer) -> None:
    assert gaz.parent("Kazakhstan").name == "Central Asia"  # type: ignore[union-attr]
    assert [r.name for r in gaz.ancestors("Kazakhstan")] == ["Central Asia", "Asia"]
    assert gaz.parent("Asia") is None
    names = [r.name for r in gaz.descendants("Asia")]
    assert names[:2] == ["Central Asia", "East Asia"]
    assert "Kazakhstan" in names
    assert gaz.descendants("Nowhere") == ()


def test_lookup_key_folds_case_quotes_spaces_and_article() -> None:
    assert lookup_key("The  Moscow\u00a0Times") == "moscow times"
    assert lookup_key("People’s Liberation Army") == "people's liberation army"


def _write(tmp: Path, name: str, doc: object) -> Path:
    (tmp / name).write_text(json.dumps(doc), encoding="utf-8")
    return tmp


def test_bad_files_raise_schema_error_listing_every_problem(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "regions.json",
        {
            "schema": 1,
            "regions": [
                {"name": "X", "kind": "planet", "parent": None},
                {"name": "Y", "kind": "country", "parent": "Nowhere"},
                {"name": "", "kind": "country"},
            ],
        },
    )
    (tmp_path / "people.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_gazetteer(tmp_path)
    text = "\n".join(info.value.problems)
    assert "unknown kind 'planet'" in text
    assert "parent 'Nowhere' is not a region" in text
    assert "regions[2].name" in text
    assert "people.json: $.: not JSON" in text


def test_missing_files_make_an_empty_gazetteer(tmp_path: Path) -> None:
    gaz = load_gazetteer(tmp_path)
    assert (gaz.regions, gaz.institutions, gaz.people) == ((), (), ())
    assert gaz.region("Russia") is None


def test_packaged_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


# --------------------------------------------------------- packaged data integrity


@pytest.fixture(scope="module")
def packaged() -> Gazetteer:
    return load_gazetteer()


def test_packaged_data_size_and_kinds(packaged: Gazetteer) -> None:
    assert len(packaged.regions) >= 300
    assert len(packaged.institutions) >= 300
    assert all(isinstance(r.kind, RegionKind) for r in packaged.regions)
    assert all(isinstance(i.kind, InstitutionKind) for i in packaged.institutions)


def test_packaged_parents_exist_without_cycles(packaged: Gazetteer) -> None:
    names = {r.name for r in packaged.regions}
    for region in packaged.regions:
        assert region.parent is None or region.parent in names, region
        chain = [region.name, *(a.name for a in packaged.ancestors(region))]
        assert len(chain) == len(set(chain)), chain


def test_packaged_ambiguous_surfaces_have_a_rule(packaged: Gazetteer) -> None:
    # A printed form naming two entities must carry context words on all but one of them.
    owners: dict[str, list[tuple[object, tuple[str, ...]]]] = {}
    for s in packaged.surfaces:
        if s.entity is not None:
            owners.setdefault(s.text, []).append((s.entity, s.context))
    for text, entries in owners.items():
        distinct = {id(e): c for e, c in entries}
        if len(distinct) > 1:
            unguarded = [c for c in distinct.values() if not c]
            assert len(unguarded) <= 1, text


def test_packaged_key_regions(packaged: Gazetteer) -> None:
    assert packaged.region("Central Asian").name == "Central Asia"  # type: ignore[union-attr]
    assert packaged.region("USSR") is not None
    assert packaged.institution("SCO").kind is InstitutionKind.IGO  # type: ignore[union-attr]
    assert packaged.region("Kazakhstan") in packaged.descendants("Central Asia")


@given(st.text(st.sampled_from(["a", "B", " ", "\u00a0", "\t", "\n", "\u2003", "\u2019", "\u2014", "\x1f"])))
def test_lookup_key_collapses_exactly_the_regex_whitespace(name: str) -> None:
    fold = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})
    key = re.sub(r"[\s\u00a0]+", " ", name.translate(fold)).strip().casefold()
    assert lookup_key(name) == (key[4:] if key.startswith("the ") else key)
