"""Article filters and claim queries, with exact answers on hand-built articles."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _corpus_builder import (
    ALMATY,
    CARNEGIE,
    CENTRAL_ASIA,
    CHINA,
    EUROPE,
    KAZAKHSTAN,
    NATO,
    RUSSIA,
    SCO,
    FakeGazetteer,
    sample_articles,
)
from sinoru_corpus.corpus import query as q
from sinoru_corpus.corpus._collection import Corpus
from sinoru_corpus.corpus.index import Index
from sinoru_corpus.dates._when import parse_when
from sinoru_corpus.entities._resolve import NullResolver, region_lineage
from sinoru_corpus.model import (
    Article,
    DateBounds,
    Frame,
    FrameLabel,
    PartialDate,
    Season,
    SpeakerKind,
    Stance,
)

GAZ = FakeGazetteer()
CORPUS = Corpus(sample_articles())


def sources(corpus: Corpus) -> list[str]:
    return [a.source or "" for a in corpus]


def found(f: q.Filter) -> list[str]:
    """Sources selected through the index, after checking a plain scan agrees."""
    result = sources(CORPUS.filter(f))
    assert result == [a.source for a in CORPUS if f(a)]
    return result


# ------------------------------------------------------------------ regions


def test_region_includes_subregions_through_the_hierarchy() -> None:
    assert found(q.region("Central Asia", resolver=GAZ)) == ["a0.txt", "a2.txt", "a3.txt"]
    assert found(q.region("Asia", resolver=GAZ)) == ["a0.txt", "a1.txt", "a2.txt", "a3.txt"]


def test_region_without_subregions_matches_only_the_region_itself() -> None:
    assert found(q.region("Central Asia", include_subregions=False, resolver=GAZ)) == ["a2.txt"]
    assert found(q.region("Kazakhstan", include_subregions=False, resolver=GAZ)) == ["a0.txt"]


@pytest.mark.parametrize(
    "name", ["Kazakhstan", "KZ", "kz", "Republic of  Kazakhstan", "REPUBLIC OF KAZAKHSTAN"]
)
def test_region_by_name_alias_or_iso_code(name: str) -> None:
    # a3 mentions only Almaty, which lies in Kazakhstan
    assert found(q.region(name, resolver=GAZ)) == ["a0.txt", "a3.txt"]


def test_region_resolves_a_query_alias_the_article_does_not_carry() -> None:
    assert found(q.region("PRC", resolver=GAZ)) == ["a1.txt"]
    assert found(q.region("PRC", resolver=NullResolver())) == ["a1.txt"]  # the article's Region has the alias
    assert found(q.region("RU", resolver=GAZ)) == ["a1.txt"]


def test_region_by_kind() -> None:
    assert found(q.region(kind="city", resolver=GAZ)) == ["a3.txt"]
    assert found(q.region(kind="country", resolver=GAZ)) == ["a0.txt", "a1.txt"]
    assert found(q.region("Almaty", kind="city", resolver=GAZ)) == ["a3.txt"]
    assert found(q.region("Kazakhstan", kind="city", resolver=GAZ)) == []


def test_without_a_gazetteer_parents_still_count_one_step() -> None:
    assert found(q.region("Kazakhstan", resolver=NullResolver())) == ["a0.txt", "a3.txt"]
    assert found(q.region("Central Asia", resolver=NullResolver())) == ["a0.txt", "a2.txt"]


def test_region_lineage_nearest_first() -> None:
    names = [r if isinstance(r, str) else r.name for r in region_lineage(KAZAKHSTAN, GAZ)]
    assert names == ["Central Asia", "Asia"]


def test_unknown_region_matches_nothing() -> None:
    assert found(q.region("Atlantis", resolver=GAZ)) == []


# ------------------------------------------------------------------ other entities


@pytest.mark.parametrize(
    "name", ["SCO", "Shanghai Cooperation Organisation", "shanghai cooperation organization"]
)
def test_institution_by_name_acronym_or_alias(name: str) -> None:
    assert found(q.institution(name, resolver=GAZ)) == ["a0.txt", "a2.txt"]


def test_institution_by_kind() -> None:
    assert found(q.institution(kind="igo", resolver=GAZ)) == ["a0.txt", "a1.txt", "a2.txt"]
    assert found(q.institution(kind="think tank", resolver=GAZ)) == ["a3.txt"]
    assert found(q.institution("NATO", kind="igo", resolver=GAZ)) == ["a1.txt"]
    assert found(q.institution("NATO", kind="military", resolver=GAZ)) == []


def test_person_by_full_name_alias_or_surname() -> None:
    assert found(q.person("Vladimir Putin", resolver=GAZ)) == ["a0.txt"]
    assert found(q.person("putin", resolver=GAZ)) == ["a0.txt"]
    assert found(q.person("Vladimir", resolver=GAZ)) == []


def test_author_and_outlet() -> None:
    assert found(q.author("Ann Lee")) == ["a0.txt"]
    assert found(q.author("Lee")) == ["a0.txt"]
    assert found(q.outlet("china brief")) == ["a0.txt"]
    assert found(q.outlet("INFOCUS")) == ["a1.txt"]
    assert found(q.outlet("Re:Russia")) == []


def test_frame_by_label_and_stance() -> None:
    assert found(q.frame("alliance")) == ["a0.txt", "a3.txt"]
    assert found(q.frame(FrameLabel.ALLIANCE, stance="argues")) == ["a0.txt"]
    assert found(q.frame("Rivalry", stance="rejects")) == ["a1.txt"]
    assert found(q.frame("quasi-alliance")) == []
    with pytest.raises(ValueError, match="unknown FrameLabel 'friendship'"):
        q.frame("friendship")


def test_text_phrase_ignores_case_and_line_breaks() -> None:
    assert found(q.text("marriage of convenience")) == ["a4.txt"]
    assert found(q.text("Marriage of convenience", case_sensitive=True)) == ["a4.txt"]
    assert found(q.text("marriage of convenience", case_sensitive=True)) == []


# ------------------------------------------------------------------ dates


def test_published_within_and_overlaps_with_partial_dates() -> None:
    # a1 Fall 2016, a3 the year 2016, a4 September 2016, a0 2 June 2023
    assert found(q.published(within="2016")) == ["a1.txt", "a3.txt", "a4.txt"]
    assert found(q.published(within="Fall 2016")) == ["a1.txt", "a4.txt"]
    assert found(q.published(within="2016-09")) == ["a4.txt"]
    assert found(q.published(overlaps="2016-09")) == ["a1.txt", "a3.txt", "a4.txt"]
    assert found(q.published(overlaps="2016-12")) == ["a3.txt"]
    assert found(q.published(within=dt.date(2023, 6, 2))) == ["a0.txt"]


def test_unknown_dates_match_only_when_asked_by_their_bounds() -> None:
    assert found(q.published(overlaps="2021")) == []
    # a2 is bounded to Oct-Dec 2021; a5 is unbounded, so it may be any day but is certainly in none
    assert found(q.published(overlaps="2021", include_unknown=True)) == ["a2.txt", "a5.txt"]
    assert found(q.published(within="2021", include_unknown=True)) == ["a2.txt"]
    assert found(q.published(within="2021-10", include_unknown=True)) == []


def test_since_and_until() -> None:
    assert found(q.published(since="2017")) == ["a0.txt"]
    assert found(q.published(until="2016-08")) == ["a3.txt"]
    assert found(q.published(since="2016-10", until="2016-12")) == ["a1.txt", "a3.txt"]
    with pytest.raises(ValueError, match="precedes"):
        q.published(since="2020", until="2019")
    with pytest.raises(ValueError, match="needs"):
        q.published()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2016", PartialDate(2016)),
        ("2016-09", PartialDate(2016, 9)),
        ("2016-09-05", PartialDate(2016, 9, 5)),
        ("Fall 2016", PartialDate(2016, season=Season.FALL)),
        ("autumn 2016", PartialDate(2016, season=Season.FALL)),
        ("2016-winter", PartialDate(2016, season=Season.WINTER)),
    ],
)
def test_parse_when(raw: str, expected: PartialDate) -> None:
    assert parse_when(raw) == expected


@pytest.mark.parametrize("raw", ["", "16", "2016-13", "2016-02-30", "Fell 2016", "yesterday"])
def test_parse_when_rejects_with_a_clear_message(raw: str) -> None:
    with pytest.raises(ValueError, match="invalid date"):
        parse_when(raw)


# ------------------------------------------------------------------ combinators


def test_and_or_not() -> None:
    central, sco = q.region("Central Asia", resolver=GAZ), q.institution("SCO", resolver=GAZ)
    assert found(central & sco) == ["a0.txt", "a2.txt"]
    assert found(central & ~sco) == ["a3.txt"]
    assert found(q.outlet("inFOCUS") | q.author("Lee")) == ["a0.txt", "a1.txt"]
    assert found(~(central | q.published(within="2016"))) == ["a5.txt"]
    assert found(~~central) == found(central)
    assert found(central & q.published(within="2016")) == ["a3.txt"]
    assert found(q.published(within="2016") & q.text("capitals")) == ["a4.txt"]


def test_constants_and_empty_combinations() -> None:
    assert found(q.ALL) == [f"a{i}.txt" for i in range(6)]
    assert found(q.NOTHING) == []
    assert q.all_of() is q.ALL
    assert q.any_of() is q.NOTHING
    assert found(q.ALL & q.outlet("inFOCUS")) == ["a1.txt"]


def test_where_and_plain_callables() -> None:
    def has_claims(a: Article) -> bool:
        return bool(a.claims)

    assert found(q.where(has_claims)) == ["a0.txt", "a1.txt", "a3.txt"]
    assert sources(CORPUS.filter(has_claims)) == ["a0.txt", "a1.txt", "a3.txt"]
    assert repr(q.where(has_claims)) == "where(has_claims)"
    with pytest.raises(TypeError, match="wrap functions with where"):
        q.outlet("x") & has_claims  # type: ignore[operator]


def test_reprs_read_as_the_query() -> None:
    f = q.region("Asia", resolver=GAZ) & ~q.outlet("inFOCUS") | q.frame("alliance", stance="argues")
    assert repr(f) == "((region('Asia') & ~outlet('inFOCUS')) | frame('alliance', stance='argues'))"


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="needs a name"):
        q.region()
    with pytest.raises(ValueError, match="non-empty"):
        q.outlet("  ")
    with pytest.raises(ValueError, match="unknown RegionKind"):
        q.region(kind="planet")


def test_indexes_are_built_lazily_per_field() -> None:
    corpus = Corpus(sample_articles())
    assert corpus.index.built() == ()
    corpus.filter(q.outlet("inFOCUS"))
    assert corpus.index.built() == ("outlet",)
    corpus.filter(q.text("alliance"))
    assert corpus.index.built() == ("outlet",)
    index = Index(corpus.articles)
    assert q.select(q.author("Lee"), corpus.articles, index) == (0,)


# ------------------------------------------------------------------ claims


def speakers(hits: tuple[object, ...]) -> list[str]:
    return [h.claim.speaker.name for h in hits]  # type: ignore[attr-defined]


def test_claims_by_speaker_kind_and_country() -> None:
    assert speakers(CORPUS.claims(speaker="putin", resolver=GAZ)) == ["Putin"]
    assert speakers(CORPUS.claims(speaker="Vladimir Putin", resolver=GAZ)) == ["Putin"]
    assert speakers(CORPUS.claims(speaker="SCO", resolver=GAZ)) == []
    assert speakers(CORPUS.claims(speaker_kind="group", resolver=GAZ)) == ["Chinese experts"]
    assert speakers(CORPUS.claims(speaker_kind=SpeakerKind.INSTITUTION)) == ["Carnegie Endowment"]
    assert speakers(CORPUS.claims(country="CN", resolver=GAZ)) == ["Chinese experts"]
    assert speakers(CORPUS.claims(country="Russian Federation", resolver=GAZ)) == ["Putin"]  # Putin's country


def test_claims_about_regions_institutions_and_frames() -> None:
    assert speakers(CORPUS.claims(about_region="Central Asia", resolver=GAZ)) == [
        "Putin",
        "Carnegie Endowment",
    ]
    assert speakers(CORPUS.claims(about_region="Central Asia", include_subregions=False, resolver=GAZ)) == []
    assert speakers(CORPUS.claims(about_region="KZ", include_subregions=False, resolver=GAZ)) == ["Putin"]
    assert speakers(CORPUS.claims(about_institution="Shanghai Cooperation Organisation", resolver=GAZ)) == [
        "Putin"
    ]
    assert speakers(CORPUS.claims(frame="alliance", stance="argues")) == ["Putin"]
    assert speakers(CORPUS.claims(frame="rivalry")) == []  # the frame is the article's, not the claim's


def test_claims_by_date_and_combined() -> None:
    assert speakers(CORPUS.claims(since="2017")) == ["Putin"]
    assert speakers(CORPUS.claims(until="2016-12-31")) == ["Chinese experts", "Carnegie Endowment"]
    assert speakers(CORPUS.claims(since="2016", speaker_kind="institution")) == ["Carnegie Endowment"]
    assert len(CORPUS.claims()) == 3


def test_claim_hits_carry_article_and_span() -> None:
    (hit,) = CORPUS.claims(speaker="Putin")
    assert hit.article.source == "a0.txt"
    assert hit.span == (0, 45)
    assert hit.evidence == hit.claim.text == "Putin said Kazakhstan will join the SCO plan."
    assert "speaker='Putin'" in repr(hit)


def test_claims_reject_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="unknown speaker kind"):
        CORPUS.claims(speaker_kind="robot")
    with pytest.raises(ValueError, match="unknown stance"):
        CORPUS.claims(stance="maybe")


# ------------------------------------------------------------------ laws (property tests)

_REGIONS = (KAZAKHSTAN, ALMATY, CHINA, RUSSIA, CENTRAL_ASIA, EUROPE)
_NAMES = ("Asia", "Central Asia", "East Asia", "Kazakhstan", "KZ", "Almaty", "China", "Russia", "Europe")
_DATES = ("2015", "2016", "2016-09", "Fall 2016", "Winter 2016", "2016-12-25", "2017-01")
_PUBLISHED = (
    None,
    PartialDate(2016),
    PartialDate(2016, 9),
    PartialDate(2016, 12, 25),
    PartialDate(2016, season=Season.WINTER),
    PartialDate(2016, season=Season.FALL),
    PartialDate(2017, 1, 3),
)


@st.composite
def small_articles(draw: st.DrawFn) -> Article:
    text = " ".join(draw(st.lists(st.sampled_from(("alliance", "steppe", "Marriage", "of", "convenience")))))
    published = draw(st.sampled_from(_PUBLISHED))
    bounds = DateBounds()
    if published is None and draw(st.booleans()):
        bounds = DateBounds(dt.date(2016, 11, 1), dt.date(2017, 2, 1))
    return Article(
        text=text,
        source=draw(st.text("abc", max_size=3)),
        outlet=draw(st.sampled_from((None, "China Brief", "inFOCUS"))),
        published=published,
        published_bounds=bounds,
        regions=draw(st.lists(st.sampled_from(_REGIONS), unique=True, max_size=3)),
        institutions=draw(st.lists(st.sampled_from((SCO, NATO, CARNEGIE)), unique=True, max_size=2)),
        frames=draw(
            st.lists(
                st.builds(
                    Frame,
                    st.sampled_from(list(FrameLabel)[:3]),
                    st.sampled_from(list(Stance)),
                    st.just("x"),
                    st.just(0),
                    st.just(1),
                ),
                max_size=2,
            )
        ),
    )


_LEAVES = st.one_of(
    st.builds(
        lambda n, s: q.region(n, include_subregions=s, resolver=GAZ), st.sampled_from(_NAMES), st.booleans()
    ),
    st.builds(
        lambda n: q.institution(n, resolver=GAZ), st.sampled_from(("SCO", "NATO", "Carnegie Endowment"))
    ),
    st.builds(lambda k: q.institution(kind=k, resolver=GAZ), st.sampled_from(("igo", "think_tank"))),
    st.builds(q.outlet, st.sampled_from(("China Brief", "inFOCUS"))),
    st.builds(q.frame, st.sampled_from(list(FrameLabel)[:3])),
    st.builds(q.text, st.sampled_from(("alliance", "marriage of convenience"))),
    st.builds(
        lambda w, d, u: (
            q.published(within=d, include_unknown=u) if w else q.published(overlaps=d, include_unknown=u)
        ),
        st.booleans(),
        st.sampled_from(_DATES),
        st.booleans(),
    ),
)
FILTERS = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.builds(lambda a, b: a & b, inner, inner),
        st.builds(lambda a, b: a | b, inner, inner),
        st.builds(lambda a: ~a, inner),
    ),
    max_leaves=6,
)
CORPORA = st.lists(small_articles(), max_size=12).map(Corpus)


def _positions(corpus: Corpus, f: q.Filter) -> set[int]:
    return set(q.select(f, corpus.articles, Index(corpus.articles)))


@given(CORPORA, FILTERS)
def test_index_answers_equal_a_plain_scan(corpus: Corpus, f: q.Filter) -> None:
    assert _positions(corpus, f) == {i for i, a in enumerate(corpus) if f(a)}


@given(CORPORA, FILTERS)
def test_select_and_filter_keep_corpus_order(corpus: Corpus, f: q.Filter) -> None:
    expected = [i for i, a in enumerate(corpus) if f(a)]
    assert q.select(f, corpus.articles, Index(corpus.articles)) == tuple(expected)
    chosen = corpus.filter(f)
    assert chosen == Corpus([corpus[i] for i in expected], errors=corpus.errors)
    # the filtered corpus is a corpus of its own: its index answers over its own positions
    assert chosen.filter(f) == chosen
    assert list(chosen.filter(~f)) == []


@given(CORPORA, FILTERS, st.sets(st.integers(0, 11)))
def test_positions_within_a_pool(corpus: Corpus, f: q.Filter, pool: set[int]) -> None:
    among = frozenset(i for i in pool if i < len(corpus))
    found = f.positions(corpus.articles, Index(corpus.articles), among)
    assert found == {i for i in among if f(corpus[i])}


@given(CORPORA, FILTERS, FILTERS)
def test_and_is_intersection_or_is_union(corpus: Corpus, a: q.Filter, b: q.Filter) -> None:
    assert _positions(corpus, a & b) == _positions(corpus, a) & _positions(corpus, b)
    assert _positions(corpus, a | b) == _positions(corpus, a) | _positions(corpus, b)


@given(CORPORA, FILTERS)
def test_not_is_complement(corpus: Corpus, f: q.Filter) -> None:
    assert _positions(corpus, ~f) == set(range(len(corpus))) - _positions(corpus, f)
    assert list(corpus.filter(f & ~f)) == []


@given(CORPORA, st.sampled_from(_NAMES))
def test_matching_a_region_implies_matching_its_ancestors(corpus: Corpus, name: str) -> None:
    child = GAZ.region(name)
    assert child is not None
    matched = _positions(corpus, q.region(name, resolver=GAZ))
    for ancestor in GAZ.ancestors(child):
        assert matched <= _positions(corpus, q.region(ancestor.name, resolver=GAZ))
    # and switching sub-regions off can only narrow the answer
    assert _positions(corpus, q.region(name, include_subregions=False, resolver=GAZ)) <= matched


@given(CORPORA, st.sampled_from(_DATES), st.booleans())
def test_within_implies_overlaps(corpus: Corpus, when: str, include_unknown: bool) -> None:
    within = _positions(corpus, q.published(within=when, include_unknown=include_unknown))
    overlaps = _positions(corpus, q.published(overlaps=when, include_unknown=include_unknown))
    assert within <= overlaps
    # unknown dates only ever add matches
    assert overlaps <= _positions(corpus, q.published(overlaps=when, include_unknown=True))


# ------------------------------------------------------------------ the package gazetteer


def test_default_resolver_is_the_package_gazetteer() -> None:
    # "Central Asia" finds a page that mentions only Kazakhstan, by the curated hierarchy
    page = Article(text="Kazakhstan.", regions=(KAZAKHSTAN,), institutions=(SCO,))
    for name in ("Central Asia", "Asia", "Kazakhstan", "KZ"):
        assert q.region(name)(page), name
    assert not q.region("Central Asia", include_subregions=False)(page)
    assert not q.region("East Asia")(page)
    assert q.institution("Shanghai Co-operation Organisation")(page)  # an alias only the gazetteer knows


def test_filter_laws_on_the_public_article_strategy() -> None:
    strategies = pytest.importorskip("sinoru_corpus.io.strategies")

    @given(st.lists(strategies.articles(), max_size=5), st.data())
    def check(articles: list[Article], data: st.DataObject) -> None:
        corpus = Corpus(articles)
        names = sorted({r.name for a in articles for r in a.regions} | {"Asia"})
        bodies = sorted({i.name for a in articles for i in a.institutions} | {"SCO"})
        a = q.region(data.draw(st.sampled_from(names)))
        b = q.institution(data.draw(st.sampled_from(bodies)))
        c = q.published(within=data.draw(st.sampled_from(_DATES)), include_unknown=data.draw(st.booleans()))
        for f, g in ((a, b), (a, c), (b, ~c)):
            assert _positions(corpus, f & g) == _positions(corpus, f) & _positions(corpus, g)
            assert _positions(corpus, f | g) == _positions(corpus, f) | _positions(corpus, g)
            assert _positions(corpus, f) == {i for i, x in enumerate(corpus) if f(x)}

    check()
