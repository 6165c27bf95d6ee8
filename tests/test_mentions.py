"""find_mentions and distinct_entities: each matching rule on short written texts, the seeds, invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.entities._mentions import distinct_entities, find_mentions
from sinoru_corpus.entities.gazetteer import Gazetteer, load_gazetteer
from sinoru_corpus.model import Institution, InstitutionKind, Mention, Person, Region

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def found(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(m.surface, m.entity.name) for m in find_mentions(text, gazetteer=gaz)]


def test_possessives_keep_the_name_only(gaz: Gazetteer) -> None:
    assert found("Russia’s gas and China's coal.", gaz) == [("Russia", "Russia"), ("China", "China")]


def test_no_break_spaces_between_words(gaz: Gazetteer) -> None:
    text = "Trade with Central\u00a0Asia grew."
    (m,) = find_mentions(text, gazetteer=gaz)
    assert (m.surface, m.entity.name, m.start) == ("Central\u00a0Asia", "Central Asia", 11)


def test_longest_match_wins_and_inner_names_are_not_mentions(gaz: Gazetteer) -> None:
    assert found("Experts of the Carnegie Moscow Centre disagree.", gaz) == [
        ("Carnegie Moscow Centre", "Carnegie Moscow Center")
    ]
    assert found("He is at the International Peace Research Institute, Oslo (PRIO).", gaz) == [
        ("International Peace Research Institute, Oslo", "Peace Research Institute Oslo"),
        ("PRIO", "Peace Research Institute Oslo"),
    ]
    assert found("The Pacific Fleet sailed.", gaz) == [("Pacific Fleet", "Pacific Fleet")]
    assert found("The Pacific is wide.", gaz) == [("Pacific", "Pacific Ocean")]


def test_non_entities_block_without_a_mention(gaz: Gazetteer) -> None:
    assert found("Delays to the Power of Siberia and the Treaty of Peking (1860).", gaz) == []
    assert found("Old maps say Peking; Siberia is cold.", gaz) == [
        ("Peking", "Peking"),
        ("Siberia", "Siberia"),
    ]


def test_acronyms_are_case_sensitive(gaz: Gazetteer) -> None:
    assert found("The SCO met; a sco is not one.", gaz) == [("SCO", "Shanghai Cooperation Organisation")]
    assert found("Tell us about the US.", gaz) == [("US", "United States")]


def test_later_words_may_differ_in_case_but_not_the_first(gaz: Gazetteer) -> None:
    assert found("(Financial times, May 2) and the Valdai club", gaz)[0] == (
        "Financial times",
        "Financial Times",
    )
    assert ("Valdai club", "Valdai Discussion Club") in found("at the Valdai club gathering", gaz)
    assert found("in Nezavisimaya gazeta today", gaz) == [("Nezavisimaya gazeta", "Nezavisimaya Gazeta")]
    assert found("financial Times", gaz) == []
    assert found("the moscow times", gaz) == []


def test_lowercase_data_words_may_be_capitalised(gaz: Gazetteer) -> None:
    assert found("Consolidating Former Soviet Republics", gaz) == [
        ("Former Soviet Republics", "Post-Soviet space")
    ]
    assert found("in former Soviet states", gaz) == [("former Soviet states", "Post-Soviet space")]


def test_ambiguous_names_resolved_by_context(gaz: Gazetteer) -> None:
    country = find_mentions("Georgia and its capital Tbilisi.", gazetteer=gaz)[0].entity
    state = find_mentions("Georgia, home of Atlanta.", gazetteer=gaz)[0].entity
    assert isinstance(country, Region)
    assert country.name == "Georgia"
    assert isinstance(state, Region)
    assert state.name == "Georgia (U.S. state)"
    assert found("Georgia is far.", gaz) == []


def test_elliptical_coordination(gaz: Gazetteer) -> None:
    assert found("Shoigu included Central and East Asia.", gaz) == [
        ("Central", "Central Asia"),
        ("East Asia", "East Asia"),
    ]
    assert found("in Central, South, Southeast, or Northeast Asia.", gaz) == [
        ("Central", "Central Asia"),
        ("South", "South Asia"),
        ("Southeast", "Southeast Asia"),
        ("Northeast Asia", "Northeast Asia"),
    ]
    assert found("Russia and East Asia", gaz) == [("Russia", "Russia"), ("East Asia", "East Asia")]


def test_uncurated_institution_shapes(gaz: Gazetteer) -> None:
    (m,) = find_mentions("Scholars at the Tashkent Institute of Oriental Studies disagree.", gazetteer=gaz)
    assert m.surface == "Tashkent Institute of Oriental Studies"
    assert m.entity == Institution(
        name="Tashkent Institute of Oriental Studies", kind=InstitutionKind.THINK_TANK, curated=False
    )
    ms = find_mentions("Joseph Roe | Officer, NATO Nuclear Policy Directorate", gazetteer=gaz)
    inst = ms[-1].entity
    assert isinstance(inst, Institution)
    assert (inst.name, inst.kind, inst.curated) == (
        "NATO Nuclear Policy Directorate",
        InstitutionKind.IGO,
        False,
    )


def test_acronym_definitions_link_later_uses(gaz: Gazetteer) -> None:
    text = "Build-up of the Far Eastern Military District (FEMD) continued. The FEMD grew."
    ms = find_mentions(text, gazetteer=gaz)
    assert [m.surface for m in ms] == ["Far Eastern Military District", "FEMD", "FEMD"]
    assert len({id(m.entity) for m in ms}) == 1
    inst = ms[0].entity
    assert isinstance(inst, Institution)
    assert (inst.acronym, inst.kind, inst.curated) == ("FEMD", InstitutionKind.MILITARY, False)


def test_people_by_title_given_name_and_chinese_name(gaz: Gazetteer) -> None:
    text = (
        "Deputy Secretary of State Kurt Campbell met Comrade Chang Wanquan and Henry Kissinger. "
        "Campbell said so; Kissinger agreed, and Chang did not."
    )
    ms = find_mentions(text, gazetteer=gaz)
    people = [(m.surface, m.entity.name, m.entity.role) for m in ms if isinstance(m.entity, Person)]
    assert people == [
        ("Kurt Campbell", "Kurt Campbell", "Deputy Secretary of State"),
        ("Chang Wanquan", "Chang Wanquan", "Comrade"),
        ("Henry Kissinger", "Henry Kissinger", None),
        ("Campbell", "Kurt Campbell", "Deputy Secretary of State"),
        ("Kissinger", "Henry Kissinger", None),
        ("Chang", "Chang Wanquan", "Comrade"),
    ]
    assert all(not m.entity.curated for m in ms)


def test_role_takes_the_words_before_the_title(gaz: Gazetteer) -> None:
    ms = find_mentions("talks with Chinese Foreign Minister Wang Yi. Wang said no.", gazetteer=gaz)
    assert [(m.surface, m.entity.name, m.entity.role) for m in ms] == [
        ("Wang Yi", "Wang Yi", "Chinese Foreign Minister"),
        ("Wang", "Wang Yi", "Chinese Foreign Minister"),
    ]


def test_curated_people_keep_their_role(gaz: Gazetteer) -> None:
    ms = find_mentions("President Xi Jinping met Putin; Foreign Minister Sergei Lavrov spoke.", gazetteer=gaz)
    assert [(m.surface, m.entity.name) for m in ms] == [
        ("Xi Jinping", "Xi Jinping"),
        ("Putin", "Vladimir Putin"),
        ("Sergei Lavrov", "Sergei Lavrov"),
    ]
    assert ms[0].entity.role == "President of China"
    assert all(m.entity.curated for m in ms)


def test_cited_outlets_the_data_lacks_are_media(gaz: Gazetteer) -> None:
    ms = find_mentions("it said (Lenta.ru, February 20, 2015; Izvestiya, September 5).", gazetteer=gaz)
    assert [(m.surface, m.entity.name, m.entity.curated) for m in ms] == [
        ("Lenta.ru", "Lenta.ru", False),
        ("Izvestiya", "Izvestiya", True),
    ]
    assert ms[0].entity.kind is InstitutionKind.MEDIA


def test_spans_restrict_the_search(gaz: Gazetteer) -> None:
    text = "Russia\nChina\nJapan"
    assert [m.surface for m in find_mentions(text, [(7, 12)], gazetteer=gaz)] == ["China"]
    assert find_mentions(text, [], gazetteer=gaz) == ()
    assert [m.surface for m in find_mentions(text, [(-5, 3), (50, 90)], gazetteer=gaz)] == []


def test_distinct_entities_in_order_of_first_mention(gaz: Gazetteer) -> None:
    ms = find_mentions("China, the SCO, Russia, China again, Putin and the SCO.", gazetteer=gaz)
    regions, institutions, people = distinct_entities(ms)
    assert [r.name for r in regions] == ["China", "Russia"]
    assert [i.name for i in institutions] == ["Shanghai Cooperation Organisation"]
    assert [p.name for p in people] == ["Vladimir Putin"]


# ------------------------------------------------------------------ the seeds


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_003_coordination_and_nested_names() -> None:
    text = _seed("003")
    ms = find_mentions(text)
    names = {(m.surface, m.entity.name) for m in ms}
    assert ("Central", "Central Asia") in names
    assert ("Southeast", "Southeast Asia") in names
    assert ("Northeast Asia", "Northeast Asia") in names
    regions, _, _ = distinct_entities(ms)
    assert {"South Asia", "Levant", "Arctic", "Russian Far East", "Far East"} <= {r.name for r in regions}


def test_seed_001_no_inner_names() -> None:
    text = _seed("001")
    regions, institutions, _ = distinct_entities(find_mentions(text))
    names = {r.name for r in regions}
    assert "Oslo" not in names
    assert "Pacific Ocean" not in names
    assert {"Kamchatka", "Hawaii", "Kuril Islands", "Crimea", "Xinjiang"} <= names
    assert "Peace Research Institute Oslo" in {i.name for i in institutions}


def test_seed_002_people_and_surnames() -> None:
    ms = find_mentions(_seed("002"))
    trenin = [m for m in ms if isinstance(m.entity, Person) and m.entity.name.endswith("Trenin")]
    assert [m.surface for m in trenin] == ["Dmitri Trenin", "Trenin", "Dmitri Trenin"]


# ------------------------------------------------------------------ invariants

_PIECES = st.sampled_from(
    [
        "Russia", "’s ", "Central", "\u00a0", " ", "Asia", " and ", "East ", "SCO", "(", ")", ", ",
        "TASS", "August 25", "; ", "President ", "Xi Jinping", "Wang", " Yi", "Institute", " of ",
        "Moscow", "Carnegie ", "Centre", "\n", "the ", "Former Soviet Republics", "(FEMD)", "é", "’",
        "Far Eastern Military District ", "Power of Siberia", "Henry Kissinger", "Kissinger", ".",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join))


def _check(text: str, ms: tuple[Mention, ...]) -> None:
    last = 0
    for m in ms:
        assert text[m.start : m.end] == m.surface
        assert m.start >= last
        last = m.end


@given(_TEXTS)
def test_mentions_slice_their_text_sorted_and_non_overlapping(text: str) -> None:
    gaz = load_gazetteer(FIXTURES)
    ms = find_mentions(text, gazetteer=gaz)
    _check(text, ms)
    assert find_mentions(text, gazetteer=gaz) == ms


@given(_TEXTS, st.lists(st.tuples(st.integers(-5, 250), st.integers(-5, 250)), max_size=4))
def test_packaged_matcher_never_raises_on_any_spans(text: str, spans: list[tuple[int, int]]) -> None:
    ms = find_mentions(text, spans)
    _check(text, ms)
    assert find_mentions(text, spans) == ms


# --- the packaged data on texts from beyond the seeds ---------------------------------------------


@pytest.fixture(scope="module")
def packaged() -> Gazetteer:
    return load_gazetteer()


def names(text: str, gaz: Gazetteer) -> tuple[list[str], list[str], list[str]]:
    regions, institutions, people = distinct_entities(find_mentions(text, gazetteer=gaz))
    return [r.name for r in regions], [i.name for i in institutions], [p.name for p in people]


def test_headline_in_capitals_names_places_but_not_english_words(packaged: Gazetteer) -> None:
    text = "WHO WINS? CHINA AND RUSSIA IN CENTRAL ASIA\nThe WHO met in Geneva."
    assert [(m.surface, m.entity.name) for m in find_mentions(text, gazetteer=packaged)] == [
        ("CHINA", "China"),
        ("RUSSIA", "Russia"),
        ("CENTRAL ASIA", "Central Asia"),
        ("WHO", "World Health Organization"),
        ("Geneva", "Geneva"),
    ]
    # a name inside a name stays inside it in capitals too
    assert names("JAPAN WATCHES THE SEA OF JAPAN", packaged)[0] == ["Japan", "Sea of Japan"]


def test_pipelines_exercises_and_weapons_hide_the_names_inside_them(packaged: Gazetteer) -> None:
    text = (
        "Gazprom wants Power of Siberia 2 to carry gas from Yamal across Mongolia, while the "
        "Central Asia–China gas pipeline and the ESPO pipeline are full. During Vostok-2022 and "
        "Joint Sea the PLA Rocket Force watched Su-35 and S-400 drills; India buys Urals crude."
    )
    regions, institutions, _ = names(text, packaged)
    assert regions == ["Yamal Peninsula", "Mongolia", "India"]
    assert institutions == ["Gazprom", "People's Liberation Army Rocket Force"]


def test_field_entities_beyond_the_seeds(packaged: Gazetteer) -> None:
    text = (
        "Juntas in Bamako and Niamey turned to the Wagner Group, now the Africa Corps. Georgian Dream "
        "courts Beijing over the port at Anaklia. Cards of the Mir payment system failed, but Sibur "
        "still sells to Sinopec. Russia's troops left Kursk."
    )
    regions, institutions, _ = names(text, packaged)
    assert regions == ["Bamako", "Niamey", "Beijing", "Anaklia", "Russia", "Kursk"]
    assert institutions == [
        "Wagner Group",
        "Africa Corps",
        "Georgian Dream",
        "Mir payment system",
        "Sibur",
        "China Petrochemical Corporation",
    ]


def test_demonym_titles_and_ambiguous_words(packaged: Gazetteer) -> None:
    text = "Kazakh President Kassym-Jomart Tokayev met Chinese Ambassador Zhang Hanhui in Astana."
    assert names(text, packaged) == (["Astana"], [], ["Kassym-Jomart Tokayev", "Zhang Hanhui"])
    text = "Critics in Washington call the deal a turkey; Michael Jordan agreed."
    assert names(text, packaged) == (["Washington, D.C."], [], ["Michael Jordan"])
    assert names("Turkey and Iran border the Caucasus.", packaged)[0] == ["Turkey", "Iran", "Caucasus"]
    assert names("Turkey is served on Thanksgiving.", packaged) == ([], [], [])


def test_a_name_printed_many_times_is_one_string_shared_by_its_mentions(gaz: Gazetteer) -> None:
    text = "Russia and China met. Russia said so, and Russia left."
    found = [m for m in find_mentions(text, ((0, len(text)),), gazetteer=gaz) if m.surface == "Russia"]
    assert len(found) == 3
    assert all(m.surface is found[0].surface for m in found)
    assert [text[m.start : m.end] for m in found] == ["Russia"] * 3


def _linked(text: str) -> list[tuple[str, str, bool]]:
    people = [m for m in find_mentions(text) if isinstance(m.entity, Person)]
    return [(m.surface, m.entity.name, m.entity.curated) for m in people]


def test_a_fuller_name_around_a_known_surname_is_another_person() -> None:
    # a Chinese surname with a pinyin given name, and a known given name before a surname
    assert _linked("Mao Ling spoke first. Later Mao added a note.") == [
        ("Mao Ling", "Mao Ling", False),
        ("Mao", "Mao Ling", False),  # the page's own Mao, not the gazetteer's
    ]
    assert _linked("Pavel Lavrov spoke, and then Lavrov left.") == [
        ("Pavel Lavrov", "Pavel Lavrov", False),
        ("Lavrov", "Pavel Lavrov", False),
    ]


def test_a_spelling_or_an_initial_keeps_the_known_person() -> None:
    assert [name for _, name, _ in _linked("Vladimir V. Putin spoke. Putin left.")] == ["Vladimir Putin"] * 2
    assert [name for _, name, _ in _linked("Sergey V. Lavrov spoke. Lavrov left.")] == ["Sergei Lavrov"] * 2
    # the known person named in full keeps the bare surname even beside a namesake
    assert _linked("Xi Jinping and Xi Mingze came. Xi spoke.")[-1] == ("Xi", "Xi Jinping", True)
