"""Posting-list index: lazy per field, incremental, lineage resolved at query time."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_corpus.corpus import query as q
from sinoru_corpus.corpus.index import INSTITUTION, OUTLET, REGION, Index, bitmap_positions, region_tree
from sinoru_corpus.entities._resolve import NullResolver
from sinoru_corpus.io.strategies import articles as article_strategy
from sinoru_corpus.model import Article, Institution, InstitutionKind, Region, RegionKind

KZ = Region("Kazakhstan", RegionKind.COUNTRY, parent="Central Asia")
ALMATY = Region("Almaty", RegionKind.CITY, parent="Kazakhstan")
FR = Region("France", RegionKind.COUNTRY, parent="Europe")
SCO = Institution("Shanghai Cooperation Organisation", InstitutionKind.IGO, acronym="SCO")


def _article(i: int, regions: tuple[Region, ...], outlet: str | None = None) -> Article:
    return Article(
        text=f"page {i}", source=f"p{i}.txt", id=f"{i:04x}", regions=regions, outlet=outlet, institutions=()
    )


ARTICLES = (
    _article(0, (KZ, FR), "Outlet A"),
    _article(1, (FR,), "outlet a"),
    _article(2, (KZ,), None),
    _article(3, (), "Outlet B"),
)


def test_postings_are_sorted_positions_per_entity() -> None:
    index = Index(ARTICLES)
    assert list(index.postings(REGION, ["france"])) == [0, 1]
    assert list(index.postings(REGION, ["france", "kazakhstan"])) == [0, 1, 2]
    assert list(index.postings(OUTLET, ["outlet a"])) == [0, 1]
    assert list(index.postings(OUTLET, ["nowhere"])) == []
    assert index.pairs() == 4 + 3  # regions: 2+1+1; outlets: 3
    assert index.built() == ("outlet", "region")


def test_region_lineage_is_resolved_at_query_time() -> None:
    # The city's parent chain is only known through the resolver; the index stores the city alone.
    tree = region_tree(NullResolver())
    index = Index((*ARTICLES, _article(4, (ALMATY,))))
    assert sorted(index.lookup(tree, {"central asia"})) == [0, 2]
    assert sorted(index.lookup(tree, {"kazakhstan"})) == [0, 2, 4]
    assert index.pairs() == 5  # one posting per article-region pair, shared with REGION
    index.lookup(REGION, {"kazakhstan"})
    assert index.pairs() == 5


def test_extend_equals_a_fresh_build() -> None:
    index = Index(ARTICLES[:2])
    tree = region_tree(NullResolver())
    assert sorted(index.lookup(tree, {"central asia"})) == [0]
    index.lookup(OUTLET, {"outlet b"})
    index.extend(ARTICLES[2:])
    assert len(index) == 4
    assert sorted(index.lookup(tree, {"central asia"})) == [0, 2]
    assert sorted(index.lookup(OUTLET, {"outlet b"})) == [3]
    assert sorted(index.lookup(REGION, {"kazakhstan"})) == [0, 2]


def test_lookups_of_unknown_keys_are_empty() -> None:
    index = Index(ARTICLES)
    assert index.lookup(INSTITUTION, {"sco"}) == frozenset()
    assert Index(()).lookup(REGION, {"france"}) == frozenset()


@settings(max_examples=15, deadline=None)
@given(st.lists(article_strategy(), max_size=6), st.integers(0, 6))
def test_incremental_index_answers_like_a_scan(articles: list[Article], cut: int) -> None:
    index = Index(articles[:cut])
    filters = [q.region("Kazakhstan"), q.institution("SCO"), q.outlet("Re:Russia"), q.region(kind="country")]
    for f in filters:
        q.select(f, articles[:cut], index)  # build the tables before extending
    index.extend(articles[cut:])
    for f in filters:
        expected = tuple(i for i, a in enumerate(articles) if f(a))
        assert q.select(f, articles, index) == expected


def test_bitmaps_hold_the_same_positions_as_lookups() -> None:
    index = Index(ARTICLES)
    tree = region_tree(NullResolver())
    bits = index.bitmap(tree, {"central asia"})
    assert list(bitmap_positions(bits)) == [0, 2]
    both = bits & index.bitmap(OUTLET, {"outlet a"})
    assert list(bitmap_positions(both)) == [0]
    assert index.bitmap(REGION, {"nowhere"}) == 0
    index.clear_cache()
    assert index.bitmap(REGION, {"france", "kazakhstan"}).bit_count() == 3


@given(st.sets(st.integers(0, 5000)))
def test_bitmap_positions_inverts_a_bitmap(positions: set[int]) -> None:
    bits = sum(1 << p for p in positions)
    assert list(bitmap_positions(bits)) == sorted(positions)


@given(st.integers(1, 3000), st.integers(0, 3000), st.randoms(use_true_random=False))
def test_bitmap_positions_dense_and_sparse_alike(size: int, count: int, rnd: random.Random) -> None:
    positions = rnd.sample(range(size), min(count, size))
    bits = sum(1 << p for p in positions)
    assert list(bitmap_positions(bits)) == sorted(positions)


def test_bitmap_positions_rejects_a_negative_int() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        bitmap_positions(-1)


def test_extend_refreshes_cached_bitmaps() -> None:
    index = Index(ARTICLES[:2])
    assert index.bitmap(OUTLET, {"outlet b"}) == 0
    assert index.bitmap(OUTLET, {"outlet a"}) == 0b11
    index.extend(ARTICLES[2:])
    assert index.bitmap(OUTLET, {"outlet b"}) == 1 << 3
    assert index.bitmap(OUTLET, {"outlet a"}) == 0b11
