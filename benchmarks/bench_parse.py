"""Throughput, growth and memory of the full ``parse_article``.

    python benchmarks/bench_parse.py [--mb 5]

Prints, side by side with a baseline run in the same process (splitting the
text into lines and words, the least any parser must do):

* MB/s of the full parse on the bundled seeds repeated to ``--mb`` megabytes
  (issue 12 aims at >= 10 MB/s on one core; this script reports what is true today);
* growth ratios: a 1 MB page against its quarter-size version and a 10 MB
  single-line input against its quarter (a linear parser gives about 4);
* peak traced memory per input megabyte.

It asserts nothing: figures are for people and for the changelog.
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from collections.abc import Callable

from sinoru_corpus import parse_article, seed_texts


def _baseline(text: str) -> int:
    return sum(len(line.split()) for line in text.split("\n"))


def _best(fn: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def _page(target_mb: float) -> str:
    """One long page: the seeds one after another until the size is reached."""
    seeds = "\n\n".join(seed_texts().values())
    copies = max(1, round(target_mb * 1e6 / len(seeds.encode("utf-8"))))
    return "\n\n".join([seeds] * copies)


def _single_line(target_mb: float) -> str:
    """The seeds' prose with every newline turned into a space: one huge line."""
    return _page(target_mb).replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size for the throughput figure")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = list(seed_texts().values())
    for text in texts:  # warm up: compile patterns, load curated data
        parse_article(text)

    corpus = texts * max(1, round(args.mb * 1e6 / sum(len(t.encode()) for t in texts)))
    size = sum(_mb(t) for t in corpus)
    start = time.perf_counter()
    for text in corpus:
        parse_article(text)
    parse_s = time.perf_counter() - start
    start = time.perf_counter()
    for text in corpus:
        _baseline(text)
    base_s = time.perf_counter() - start
    print(f"throughput on {len(corpus)} seed pages, {size:.1f} MB")
    print(f"  parse_article   {size / parse_s:8.1f} MB/s")
    print(
        f"  baseline split  {size / base_s:8.1f} MB/s   (parse is {parse_s / base_s:.1f}x the baseline time)"
    )

    print("growth (time of full size / time of quarter size; linear is about 4)")
    for label, make, full in (("page with lines", _page, 1.0), ("single line", _single_line, 10.0)):
        big, small = make(full), make(full / 4)
        t_big, t_small = _best(parse_article, big, args.repeat), _best(parse_article, small, args.repeat)
        b_big, b_small = _best(_baseline, big, args.repeat), _best(_baseline, small, args.repeat)
        print(
            f"  {label:16} {_mb(big):5.1f} MB: parse {t_big:7.3f} s, ratio {t_big / t_small:4.1f}"
            f"  | baseline ratio {b_big / b_small:4.1f}  | parse {_mb(big) / t_big:6.1f} MB/s"
        )

    page = _page(1.0)
    tracemalloc.start()
    parse_article(page)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    _baseline(page)
    _, base_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"memory: peak {peak / 1e6 / _mb(page):.1f} MB per input MB"
        f" (baseline {base_peak / 1e6 / _mb(page):.1f} MB per input MB)"
    )


if __name__ == "__main__":
    main()
