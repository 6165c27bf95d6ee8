"""Validation of the curated gazetteer data files (regions, institutions, people).

These tests read the JSON directly (no loader), so they pin the file format that
the matcher relies on, and the curation rules written in docs/gazetteer-data.md.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from sinoru_corpus.model import InstitutionKind, RegionKind

DATA = resources.files("sinoru_corpus") / "entities" / "gazetteer" / "data"


def _load(name: str) -> dict[str, Any]:
    text = (DATA / name).read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_no_duplicate_keys)  # type: ignore[no-any-return]


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"duplicate JSON keys {dupes}"
    return dict(pairs)


REGIONS = _load("regions.json")
INSTITUTIONS = _load("institutions.json")
PEOPLE = _load("people.json")
R: dict[str, dict[str, Any]] = {r["name"]: r for r in REGIONS["regions"]}
INST: dict[str, dict[str, Any]] = {i["name"]: i for i in INSTITUTIONS["institutions"]}
P: dict[str, dict[str, Any]] = {p["name"]: p for p in PEOPLE["people"]}

REGION_FIELDS = ["name", "kind", "parent", "iso_code", "aliases", "adjectives", "context"]
INSTITUTION_FIELDS = ["name", "kind", "acronym", "aliases", "country", "context"]
PERSON_FIELDS = ["name", "aliases", "role", "country"]

# Demonyms of countries are never mentions of the country (see the gold README).
DEMONYMS = {
    "American",
    "Afghan",
    "Armenian",
    "Australian",
    "Azerbaijani",
    "Belarusian",
    "British",
    "Chinese",
    "Estonian",
    "French",
    "Georgian",
    "German",
    "Indian",
    "Iranian",
    "Japanese",
    "Kazakh",
    "Kazakhstani",
    "Korean",
    "Kyrgyz",
    "Latvian",
    "Lithuanian",
    "Mongolian",
    "Pakistani",
    "Polish",
    "Russian",
    "Soviet",
    "Syrian",
    "Tajik",
    "Turkish",
    "Turkmen",
    "Ukrainian",
    "Uzbek",
    "Vietnamese",
    "Western",
    "Eastern",
}


def _cap_key(surface: str) -> str:
    """What a surface can match: a lowercase word may appear capitalised in the text."""
    return " ".join(w[:1].upper() + w[1:] for w in surface.split(" "))


def _region_surfaces(r: dict[str, Any]) -> Iterator[str]:
    yield r["name"]
    yield from r["aliases"]
    yield from r["adjectives"]


def _institution_surfaces(i: dict[str, Any]) -> Iterator[str]:
    yield i["name"]
    if i["acronym"]:
        yield i["acronym"]
    yield from i["aliases"]


def _person_surfaces(p: dict[str, Any]) -> Iterator[str]:
    yield p["name"]
    yield from p["aliases"]


def _all_surfaces() -> Iterator[tuple[str, str, str, bool]]:
    """(surface, file, entry name, entry has context words)."""
    for r in R.values():
        for s in _region_surfaces(r):
            yield s, "regions", r["name"], bool(r["context"])
    for i in INST.values():
        for s in _institution_surfaces(i):
            yield s, "institutions", i["name"], bool(i["context"])
    for p in P.values():
        for s in _person_surfaces(p):
            yield s, "people", p["name"], False


# ------------------------------------------------------------------ format


@pytest.mark.parametrize(
    ("data", "key", "fields"),
    [
        (REGIONS, "regions", REGION_FIELDS),
        (INSTITUTIONS, "institutions", INSTITUTION_FIELDS),
        (PEOPLE, "people", PERSON_FIELDS),
    ],
)
def test_schema_and_fields(data: dict[str, Any], key: str, fields: list[str]) -> None:
    assert data["schema"] == 1
    for entry in data[key]:
        assert list(entry) == fields, entry["name"]
        for field in ("aliases", "adjectives", "context"):
            if field in entry:
                assert isinstance(entry[field], list), (entry["name"], field)
                assert all(isinstance(x, str) for x in entry[field]), (entry["name"], field)
        for field in ("parent", "iso_code", "acronym", "country", "role"):
            if field in entry:
                assert entry[field] is None or isinstance(entry[field], str), (entry["name"], field)


@pytest.mark.parametrize(
    ("name", "key"),
    [("regions.json", "regions"), ("institutions.json", "institutions"), ("people.json", "people")],
)
def test_files_are_in_canonical_form(name: str, key: str) -> None:
    """Sorted by name, 2-space indented, UTF-8 unescaped, final newline: reviewable diffs."""
    text = (DATA / name).read_text(encoding="utf-8")
    data = json.loads(text)
    names = [e["name"] for e in data[key]]
    assert names == sorted(names)
    if "non_entities" in data:
        assert data["non_entities"] == sorted(set(data["non_entities"]))
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_minimum_sizes() -> None:
    assert len(R) >= 300
    assert len(INST) >= 300
    assert len(P) >= 80


@pytest.mark.parametrize(
    ("data", "key"), [(REGIONS, "regions"), (INSTITUTIONS, "institutions"), (PEOPLE, "people")]
)
def test_names_unique(data: dict[str, Any], key: str) -> None:
    names = [e["name"] for e in data[key]]
    assert len(names) == len(set(names))


def test_kinds_are_valid_enum_values() -> None:
    region_kinds = {k.value for k in RegionKind}
    institution_kinds = {k.value for k in InstitutionKind}
    assert {r["kind"] for r in R.values()} <= region_kinds
    assert {i["kind"] for i in INST.values()} <= institution_kinds
    # Every kind is used at least once: the enums and the data agree.
    assert {r["kind"] for r in R.values()} == region_kinds
    assert {i["kind"] for i in INST.values()} == institution_kinds


def test_strings_are_trimmed_and_not_blank() -> None:
    for surface, file, entry, _ in _all_surfaces():
        assert surface, (file, entry)
        assert surface.strip() == surface, (file, entry, surface)
        assert "  " not in surface, (file, entry, surface)
    for e in [*R.values(), *INST.values()]:
        for word in e["context"]:
            assert word, e["name"]
            assert word.strip() == word, e["name"]
    for word in INSTITUTIONS["non_entities"]:
        assert word
        assert word.strip() == word
    for p in P.values():
        assert p["role"] is None or p["role"].strip() == p["role"] != ""


def test_no_duplicates_inside_an_entry() -> None:
    for e in [*R.values(), *INST.values(), *P.values()]:
        aliases = e["aliases"]
        assert len(aliases) == len(set(aliases)), e["name"]
        assert e["name"] not in aliases, e["name"]


# ------------------------------------------------------------------ links and hierarchy


def test_parents_and_countries_name_existing_regions() -> None:
    for r in R.values():
        assert r["parent"] is None or r["parent"] in R, (r["name"], r["parent"])
        assert r["parent"] != r["name"]
    for i in INST.values():
        assert i["country"] is None or i["country"] in R, (i["name"], i["country"])
    for p in P.values():
        assert p["country"] is None or p["country"] in R, (p["name"], p["country"])


def _ancestors(name: str) -> list[str]:
    chain: list[str] = []
    parent = R[name]["parent"]
    while parent is not None:
        assert parent != name, f"cycle through {name}: {chain}"
        assert parent not in chain, f"cycle through {name}: {chain}"
        chain.append(parent)
        parent = R[parent]["parent"]
    return chain


def test_region_hierarchy_has_no_cycles() -> None:
    for name in R:
        assert len(_ancestors(name)) < 10


def test_countries_have_unique_iso_codes() -> None:
    codes = [r["iso_code"] for r in R.values() if r["iso_code"] is not None]
    assert len(codes) == len(set(codes))
    for r in R.values():
        if r["kind"] == "country":
            assert r["iso_code"] is not None, r["name"]
        if r["iso_code"] is not None:
            assert re.fullmatch(r"[A-Z]{2}", r["iso_code"]), r["name"]
    # All 249 ISO 3166-1 entries, plus the former codes of four historical states.
    assert len(codes) == 249 + 4


def test_parent_rules() -> None:
    """The hierarchy rules documented in docs/gazetteer-data.md."""
    for r in R.values():
        kind, parent = r["kind"], r["parent"]
        if kind == "continent":
            assert parent is None, r["name"]
        if kind == "sea":
            assert parent is None, r["name"]
        if kind in ("subregion", "country") and parent is not None:
            assert R[parent]["kind"] in ("continent", "macro_region", "subregion"), r["name"]
        if kind in ("city", "subnational") and parent is not None:
            assert "country" in [R[a]["kind"] for a in _ancestors(r["name"])] or R[parent]["kind"] in (
                "subregion",
                "island_territory",
            ), r["name"]
    # Countries always reach a continent or a macro-region (the Middle East, which spans two
    # continents), except the two that span continents themselves.
    for r in R.values():
        if r["kind"] == "country" and r["name"] not in ("Russia", "Soviet Union"):
            kinds = {R[a]["kind"] for a in _ancestors(r["name"])}
            assert kinds & {"continent", "macro_region"}, r["name"]


# ------------------------------------------------------------------ ambiguity


def test_no_surface_maps_to_two_entries_without_context() -> None:
    """A surface shared by two entries needs context words on at least one of them."""
    owners: dict[str, set[tuple[str, str, bool]]] = defaultdict(set)
    for surface, file, entry, has_context in _all_surfaces():
        owners[_cap_key(surface)].add((file, entry, has_context))
    clashes = {
        s: sorted(o)
        for s, o in owners.items()
        if len({(f, e) for f, e, _ in o}) > 1 and sum(not c for _, _, c in o) > 1
    }
    assert not clashes, clashes


def test_surfaces_are_not_non_entities() -> None:
    blocked = {_cap_key(n) for n in INSTITUTIONS["non_entities"]}
    for surface, file, entry, _ in _all_surfaces():
        assert _cap_key(surface) not in blocked, (file, entry, surface)


def test_non_entities_are_proper_names() -> None:
    """Non-entities are named things (pipelines, treaties, exercises, events), never common phrases."""
    for phrase in INSTITUTIONS["non_entities"]:
        assert phrase[:1].isupper() or phrase[:1].isdigit(), phrase


def test_adjectives_are_not_country_demonyms() -> None:
    for r in R.values():
        assert not set(r["adjectives"]) & DEMONYMS, r["name"]
        if r["kind"] == "country":
            assert r["adjectives"] == [], r["name"]


def test_acronyms_look_like_acronyms() -> None:
    for i in INST.values():
        acronym = i["acronym"]
        if acronym is not None:
            assert " " not in acronym, i["name"]
            assert acronym[:1].isupper() or acronym[:1].isdigit(), i["name"]


def test_ambiguous_countries_need_context() -> None:
    for name in ("Georgia", "Jordan", "Chad", "Niger", "Guinea", "Turkey", "Jersey"):
        assert R[name]["context"], name
    assert "Tbilisi" in R["Georgia"]["context"]
    assert "Amman" in R["Jordan"]["context"]


def test_risky_bare_surnames_are_not_aliases() -> None:
    surfaces = {s for s, file, *_ in _all_surfaces() if file == "people"}
    for bare in ("Wang", "Li", "Kim", "Lee", "Lukin", "Clinton", "Bush", "Patrushev"):
        assert bare not in surfaces


# ------------------------------------------------------------------ spot checks


@pytest.mark.parametrize(
    ("name", "kind", "acronym", "alias"),
    [
        ("Shanghai Cooperation Organisation", "igo", "SCO", "Shanghai Cooperation Organization"),
        (
            "Peace Research Institute Oslo",
            "think_tank",
            "PRIO",
            "International Peace Research Institute, Oslo",
        ),
        ("Kremlin", "government", None, "Kremlin.ru"),
        ("Kremlin", "government", None, "Kremlin.Ru"),
        ("Royal United Services Institute", "think_tank", "RUSI", None),
        ("Foreign Policy Research Institute", "think_tank", "FPRI", None),
        ("Carnegie Moscow Center", "think_tank", None, "Carnegie Moscow Centre"),
        ("Carnegie Moscow Center", "think_tank", None, "carnegie.ru"),
        ("European Leadership Network", "think_tank", "ELN", None),
        ("European Council on Foreign Relations", "think_tank", "ECFR", None),
        ("International Centre for Defence and Security", "think_tank", "ICDS", None),
        ("American Foreign Policy Council", "think_tank", "AFPC", None),
        ("Valdai Discussion Club", "think_tank", None, "Valdai club"),
        ("Russian International Affairs Council", "think_tank", "RIAC", None),
        ("Eurasian Economic Union", "igo", "EAEU", "EEU"),
        ("Asian Infrastructure Investment Bank", "igo", "AIIB", None),
        ("Quadrilateral Security Dialogue", "igo", "Quad", "QUAD"),
        ("China-Central Asia format", "igo", "C+C5", "China-Central Asia"),
        ("OPEC+", "igo", "OPEC+", None),
        ("AUKUS", "igo", "AUKUS", None),
        ("BRICS", "igo", "BRICS", None),
        ("Asia-Pacific Economic Cooperation", "igo", "APEC", None),
        ("North Atlantic Treaty Organization", "igo", "NATO", "North Atlantic Treaty Organisation"),
        ("NATO Press Service", "igo", None, None),
        ("NATO Nuclear Policy Directorate", "igo", None, None),
        ("United Nations Security Council", "igo", "UNSC", "UN Security Council"),
        ("Ministry of Foreign Affairs of the Russian Federation", "government", None, "mid.ru"),
        ("Ministry of Foreign Affairs of the People's Republic of China", "government", None, "fmprc.gov"),
        ("Ministry of Defence of the Russian Federation", "government", None, "Russian Ministry of Defense"),
        ("Biden administration", "government", None, None),
        ("People's Liberation Army", "military", "PLA", None),
        ("People's Liberation Army Navy", "military", "PLAN", "PLA Navy"),
        ("Pacific Fleet", "military", None, "Russian Pacific Fleet"),
        ("Far Eastern Military District", "military", "FEMD", None),
        ("Chinese Communist Party", "other", "CCP", "Communist Party of China"),
        ("Taliban", "other", None, None),
        ("Belt and Road Initiative", "initiative", "BRI", "One Belt, One Road"),
        ("Belt and Road Initiative", "initiative", "BRI", "One Belt One Road"),
        ("Belt and Road Initiative", "initiative", "BRI", "OBOR"),
        ("Belt and Road Initiative", "initiative", "BRI", "new Silk Road"),
        ("Eurasia project", "initiative", None, None),
        ("TASS", "media", "TASS", None),
        ("Xinhua News Agency", "media", None, "XinhuaNet"),
        ("Radio Free Europe/Radio Liberty", "media", "RFE/RL", "RFERL"),
        ("Defense One", "media", None, "DefenseOne"),
        ("East Asia Forum", "media", None, "EastAsiaForum"),
        ("Eurasia Daily Monitor", "media", "EDM", None),
        ("Nezavisimaya Gazeta", "media", None, "Nezavisimaya gazeta"),
        ("Nezavisimoe Voennoe Obozrenie", "media", "NVO", "Nezavisimoe voennoe obozrenie"),
        ("Rossiiskaya Gazeta", "media", None, "Rossiiskaya gazeta"),
        ("Rossiiskaya Gazeta", "media", None, "Rossiyskaya Gazeta"),
        ("The Moscow Times", "media", None, "Moscow Times"),
        ("Financial Times", "media", "FT", None),
        ("China Brief", "media", None, None),
        ("inFOCUS", "media", None, None),
        ("Re:Russia", "media", None, None),
        ("Lenta.ru", "media", None, None),
        ("Izvestiya", "media", None, "Izvestia"),
        ("Republic.ru", "media", None, None),
        ("Higher School of Economics", None, None, None),
    ],
)
def test_institution_spot_checks(name: str, kind: str | None, acronym: str | None, alias: str | None) -> None:
    if name == "Higher School of Economics":
        hse = INST["National Research University Higher School of Economics"]
        assert hse["kind"] == "university"
        assert name in hse["aliases"]
        return
    entry = INST[name]
    assert entry["kind"] == kind
    assert entry["acronym"] == acronym
    if alias is not None:
        assert alias in entry["aliases"]


@pytest.mark.parametrize(
    ("name", "kind", "alias"),
    [
        ("United States", "country", "U.S."),
        ("United States", "country", "USA"),
        ("United States", "country", "US"),
        ("Soviet Union", "country", "USSR"),
        ("Arctic", "macro_region", "High North"),
        ("Asia-Pacific", "macro_region", "APR"),
        ("Asia-Pacific", "macro_region", "Asia-Pacific Region"),
        ("Indo-Pacific", "macro_region", None),
        ("Middle East", "macro_region", None),
        ("Latin America", "macro_region", None),
        ("Far East", "macro_region", None),
        ("post-Soviet space", "macro_region", "former Soviet republics"),
        ("post-Soviet space", "macro_region", "former Soviet states"),
        ("Eurasia", "continent", None),
        ("Asia", "continent", None),
        ("Europe", "continent", None),
        ("Africa", "continent", None),
        ("Central Asia", "subregion", None),
        ("Southeast Asia", "subregion", "South-East Asia"),
        ("Korean Peninsula", "subregion", "Korea"),
        ("Levant", "subregion", None),
        ("Xinjiang", "subnational", None),
        ("Hong Kong", "subnational", None),
        ("Crimea", "subnational", None),
        ("Kamchatka", "subnational", None),
        ("Hawaii", "subnational", None),
        ("Russian Far East", "subnational", None),
        ("Donbas", "subnational", "Donbass"),
        ("Taiwan", "island_territory", None),
        ("Kuril Islands", "island_territory", "Kurils"),
        ("Senkaku/Diaoyu Islands", "island_territory", "Senkaku/Diaoyu islands"),
        ("South China Sea", "sea", None),
        ("Mediterranean Sea", "sea", "Mediterranean"),
        ("West", "other", None),
        ("Greater Europe", "other", None),
        ("Greater Asia", "other", None),
        ("Vostochny Cosmodrome", "other", "Vostochny"),
        ("Moscow", "city", None),
        ("Beijing", "city", None),
        ("Washington, D.C.", "city", "Washington"),
        ("Kyiv", "city", "Kiev"),
        ("Astana", "city", "Nur-Sultan"),
        ("Geneva", "city", None),
        ("Brussels", "city", None),
        ("London", "city", None),
        ("Shanghai", "city", None),
    ],
)
def test_region_spot_checks(name: str, kind: str, alias: str | None) -> None:
    assert R[name]["kind"] == kind
    if alias is not None:
        assert alias in R[name]["aliases"]


def test_region_spot_check_adjectives() -> None:
    assert "Central Asian" in R["Central Asia"]["adjectives"]
    assert "Eurasian" in R["Eurasia"]["adjectives"]
    assert "African" in R["Africa"]["adjectives"]
    assert "Asian" in R["Asia"]["adjectives"]


def test_region_hierarchy_spot_checks() -> None:
    central_asia = {n for n in R if "Central Asia" in _ancestors(n) and R[n]["kind"] == "country"}
    assert central_asia == {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}
    assert _ancestors("Kazakhstan") == ["Central Asia", "Asia"]
    assert _ancestors("Japan") == ["East Asia", "Asia"]
    assert _ancestors("Vietnam") == ["Southeast Asia", "Asia"]
    assert _ancestors("Korean Peninsula") == ["East Asia", "Asia"]
    assert "South Caucasus" in _ancestors("Georgia")
    assert _ancestors("Levant") == ["Middle East"]
    assert _ancestors("post-Soviet space") == ["Eurasia"]
    assert _ancestors("Crimea") == ["Ukraine", "Eastern Europe", "Europe"]
    assert "Russia" in _ancestors("Kamchatka")
    assert "Russia" in _ancestors("Vladivostok")
    assert "China" in _ancestors("Xinjiang")
    for name in ("Russia", "Soviet Union", "Taiwan", "Kuril Islands", "Senkaku/Diaoyu Islands", "Arctic"):
        assert R[name]["parent"] is None, name
    assert R["Turkey"]["parent"] == "Asia"
    assert R["China"]["iso_code"] == "CN"
    assert R["Russia"]["iso_code"] == "RU"
    assert R["Turkey"]["iso_code"] == "TR"
    assert "Türkiye" in R["Turkey"]["aliases"]
    assert "Czech Republic" in R["Czechia"]["aliases"]


def test_people_spot_checks() -> None:
    assert "Putin" in P["Vladimir Putin"]["aliases"]
    assert P["Vladimir Putin"]["country"] == "Russia"
    assert "Xi" in P["Xi Jinping"]["aliases"]
    assert P["Xi Jinping"]["country"] == "China"
    assert "Lavrov" in P["Sergei Lavrov"]["aliases"]
    assert "Artem Lukin" in P["Artyom Lukin"]["aliases"]
    assert "Dmitry Trenin" in P["Dmitri Trenin"]["aliases"]
    assert "Pavel K. Baev" in P["Pavel Baev"]["aliases"]
    for name in (
        "Wang Yi",
        "Alexander Gabuev",
        "Vasily Kashin",
        "Kurt Campbell",
        "Jens Stoltenberg",
        "Sergei Shoigu",
        "Anatoly Antonov",
        "Chang Wanquan",
        "Stephen Blank",
        "Henry Kissinger",
    ):
        assert name in P, name


def test_names_inside_names_are_shielded() -> None:
    """Names that contain other curated names are curated themselves (longest match wins)."""
    ne = set(INSTITUTIONS["non_entities"])
    assert {"Power of Siberia", "Treaty of Peking", "Altai pipeline", "Zapad-2021", "Shanghai Spirit"} <= ne
    assert "Eurasian Economic Forum" in ne
    assert "Pacific Fleet" in INST
    assert INST["Eastern Economic Forum"]["kind"] == "other"
