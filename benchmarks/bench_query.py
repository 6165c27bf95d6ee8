"""Query speed on a synthetic corpus of 100,000 small Articles.

Prints the time of a region-and-institution query answered from the lazy
indexes beside a naive scan over the same corpus, in the same process.

    .venv/bin/python benchmarks/bench_query.py [--articles N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence

from sinoru_corpus import query as q
from sinoru_corpus.corpus import Corpus
from sinoru_corpus.model import (
    Article,
    Frame,
    FrameLabel,
    Institution,
    InstitutionKind,
    PartialDate,
    Person,
    Region,
    RegionKind,
    Stance,
)
from sinoru_corpus.resolve import norm

# A small region tree: continents > subregions > countries > cities.
_TREE: dict[str, dict[str, list[str]]] = {
    "Asia": {
        "Central Asia": ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"],
        "East Asia": ["China", "Japan", "Mongolia", "South Korea", "North Korea"],
        "South Asia": ["India", "Pakistan", "Bangladesh", "Nepal"],
        "Southeast Asia": ["Vietnam", "Malaysia", "Indonesia", "Thailand", "Philippines"],
    },
    "Europe": {
        "Eastern Europe": ["Ukraine", "Belarus", "Poland", "Moldova"],
        "Western Europe": ["France", "Germany", "United Kingdom", "Netherlands"],
    },
    "Africa": {"North Africa": ["Egypt", "Algeria"], "East Africa": ["Ethiopia", "Kenya"]},
}
_INSTITUTIONS = [
    ("Shanghai Cooperation Organisation", "SCO", InstitutionKind.IGO),
    ("Collective Security Treaty Organization", "CSTO", InstitutionKind.IGO),
    ("Eurasian Economic Union", "EAEU", InstitutionKind.IGO),
    ("North Atlantic Treaty Organization", "NATO", InstitutionKind.IGO),
    ("Association of Southeast Asian Nations", "ASEAN", InstitutionKind.IGO),
    ("Belt and Road Initiative", "BRI", InstitutionKind.INITIATIVE),
    ("Gazprom", None, InstitutionKind.COMPANY),
    ("Carnegie Endowment", None, InstitutionKind.THINK_TANK),
    ("Valdai Club", None, InstitutionKind.THINK_TANK),
    ("People's Liberation Army", "PLA", InstitutionKind.MILITARY),
    *[(f"Institute {i}", None, InstitutionKind.THINK_TANK) for i in range(30)],
]


class TreeResolver:
    """The benchmark's gazetteer: the tree above, looked up by name."""

    def __init__(self, regions: Sequence[Region], institutions: Sequence[Institution]) -> None:
        self._regions = {norm(r.name): r for r in regions}
        self._institutions = {norm(k): i for i in institutions for k in (i.name, i.acronym or i.name)}

    def region(self, key: str) -> Region | None:
        return self._regions.get(norm(key))

    def institution(self, key: str) -> Institution | None:
        return self._institutions.get(norm(key))

    def person(self, key: str) -> Person | None:
        return None

    def ancestors(self, region: Region) -> tuple[Region, ...]:
        chain = []
        while region.parent is not None:
            parent = self._regions[norm(region.parent)]
            chain.append(parent)
            region = parent
        return tuple(chain)


def _pools() -> tuple[list[Region], list[Institution]]:
    regions: list[Region] = []
    for continent, subregions in _TREE.items():
        regions.append(Region(continent, RegionKind.CONTINENT))
        for subregion, countries in subregions.items():
            regions.append(Region(subregion, RegionKind.SUBREGION, parent=continent))
            for country in countries:
                regions.append(Region(country, RegionKind.COUNTRY, parent=subregion))
                regions.append(Region(f"Capital of {country}", RegionKind.CITY, parent=country))
    regions.append(Region("Russia", RegionKind.COUNTRY))
    institutions = [Institution(n, k, acronym=a) for n, a, k in _INSTITUTIONS]
    return regions, institutions


def build_corpus(n: int, seed: int) -> tuple[Corpus, TreeResolver]:
    rng = random.Random(seed)
    regions, institutions = _pools()
    russia, china = regions[-1], next(r for r in regions if r.name == "China")
    labels = list(FrameLabel)
    outlets = ["China Brief", "Re:Russia", "inFOCUS", "European Leadership Network", None]
    articles = []
    for i in range(n):
        text = f"Synthetic page {i}: Russia and China discuss the region."
        frame = Frame(rng.choice(labels), Stance.ARGUES, "Synthetic", 0, 9) if rng.random() < 0.3 else None
        articles.append(
            Article(
                text=text,
                source=f"page{i:06d}.txt",
                id=f"{i:016x}",  # skips hashing 100k texts: the benchmark is about queries
                outlet=rng.choice(outlets),
                published=PartialDate(rng.randint(2010, 2024), rng.randint(1, 12)),
                regions=(russia, china, *rng.sample(regions, rng.randint(0, 3))),
                institutions=tuple(rng.sample(institutions, rng.randint(0, 3))),
                frames=(frame,) if frame else (),
            )
        )
    return Corpus(articles), TreeResolver(regions, institutions)


def _best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    start = time.perf_counter()
    corpus, resolver = build_corpus(args.articles, args.seed)
    print(f"built {len(corpus):,} articles in {time.perf_counter() - start:.1f} s")

    def make_query() -> q.Filter:
        return q.region("Central Asia", resolver=resolver) & q.institution("SCO", resolver=resolver)

    start = time.perf_counter()
    first = corpus.filter(make_query())
    print(
        f"first query (builds the region-tree and institution indexes): {time.perf_counter() - start:.2f} s"
    )

    central = {"central asia"}
    sco = {"sco", "shanghai cooperation organisation"}

    def naive() -> list[Article]:
        # what a user would write without the library's indexes: walk every article
        out = []
        for article in corpus:
            in_region = any(
                norm(r.name) in central or any(norm(a.name) in central for a in resolver.ancestors(r))
                for r in article.regions
            )
            if in_region and any(
                norm(i.name) in sco or norm(i.acronym or "") in sco for i in article.institutions
            ):
                out.append(article)
        return out

    assert [a.id for a in naive()] == [a.id for a in first]
    indexed_med, indexed_best = _best(lambda: corpus.filter(make_query()), args.repeat)
    scan_med, scan_best = _best(
        lambda: corpus.filter(q.where(make_query().matches)), max(3, args.repeat // 50)
    )
    naive_med, naive_best = _best(naive, max(3, args.repeat // 50))
    print(f"query: region('Central Asia') & institution('SCO') -> {len(first):,} articles")
    print(f"  indexed         median {indexed_med:8.3f} ms   best {indexed_best:8.3f} ms")
    print(f"  filter scan     median {scan_med:8.3f} ms   best {scan_best:8.3f} ms")
    print(f"  naive loop      median {naive_med:8.3f} ms   best {naive_best:8.3f} ms")
    print(f"  speed-up over the naive loop: {naive_med / indexed_med:,.0f}x")


if __name__ == "__main__":
    main()
