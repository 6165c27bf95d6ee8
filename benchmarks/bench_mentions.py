"""Entity-matching throughput on a corpus built from the bundled seeds.

    python benchmarks/bench_mentions.py [--mb 20]

Prints MB/s for: the curated matcher alone (one pass over the whole corpus),
find_mentions per article (every layer: curated names, uncurated institutions
and people, coordination, surnames, Mention objects), and, as the baseline, one
pass of a plain compiled regex (three country names) over the same text. The
closing line gives the ratios.
"""

from __future__ import annotations

import argparse
import re
import time

from sinoru_corpus.entities._mentions import find_mentions
from sinoru_corpus.entities.gazetteer import load_gazetteer
from sinoru_corpus.seeds import seed_texts


def _seeds() -> list[str]:
    texts = seed_texts()
    return list(texts.values()) if isinstance(texts, dict) else [t for _, t in texts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    args = ap.parse_args()

    seeds = _seeds()
    size = sum(map(len, seeds))
    repeat = max(1, round(args.mb * 1e6 / size))
    articles = seeds * repeat
    corpus = "\n".join(articles)
    mb = len(corpus) / 1e6

    t0 = time.perf_counter()
    gaz = load_gazetteer()
    gaz.matcher()
    build = time.perf_counter() - t0
    find_mentions(seeds[0], gazetteer=gaz)  # load the name and shape lexicons too

    baseline = re.compile(r"\b(?:Russia|China|Moscow)\b")
    t0 = time.perf_counter()
    n_base = sum(1 for _ in baseline.finditer(corpus))
    t_base = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_scan = sum(1 for _ in gaz.scan(corpus, ((0, len(corpus)),)))
    t_scan = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_mentions = sum(len(find_mentions(a, gazetteer=gaz)) for a in articles)
    t_all = time.perf_counter() - t0

    print(
        f"corpus: {mb:.1f} MB ({len(seeds)} seeds x {repeat}); gazetteer built and compiled in {build:.2f} s"
    )
    print(f"baseline regex (3 names), one pass : {mb / t_base:8.1f} MB/s  {n_base} matches")
    print(f"curated matcher, one pass          : {mb / t_scan:8.1f} MB/s  {n_scan} names")
    print(f"find_mentions, per article         : {mb / t_all:8.1f} MB/s  {n_mentions} mentions")
    print(
        f"ratio to baseline: matcher {t_base / t_scan:.2f}x, find_mentions {t_base / t_all:.2f}x "
        f"(the matcher looks for {len(gaz.surfaces)} names at once)"
    )


if __name__ == "__main__":
    main()
