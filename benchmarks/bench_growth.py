"""Absolute parse times and growth ratios on the growth-test generators.

    python benchmarks/bench_growth.py [--sizes 10000,40000] [--repeat 5] [CASE ...]

For every generator of ``tests/_growth_cases.py`` (the slow corners of issue 14
and the catalogue), prints the median CPU time (``time.process_time``) of
``parse_article`` on ``n`` and ``4n`` characters and their ratio (linear gives
about 4, quadratic 16), then the largest ratio measured. The tests assert only
the ratios (< 6); this script asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _growth_cases import CASES, growth_ratio
from sinoru_corpus import parse_article


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cases", nargs="*", help=f"cases to run (default: all): {', '.join(CASES)}")
    parser.add_argument("--sizes", default="10000,40000", help="comma-separated n (each is timed with 4n)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per size; the median is kept")
    args = parser.parse_args()
    unknown = [name for name in args.cases if name not in CASES]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}")
    sizes = [int(size) for size in args.sizes.split(",")]
    parse_article("Warm up: the gazetteer and the data files load once. Russia said so.")
    worst = (0.0, "", 0)
    print(f"{'case':28s} {'n':>8s} {'t(n) s':>9s} {'t(4n) s':>9s} {'ratio':>6s}")
    for name in args.cases or list(CASES):
        for n in sizes:
            small, large, ratio = growth_ratio(parse_article, CASES[name], n, args.repeat)
            print(f"{name:28s} {n:8d} {small:9.3f} {large:9.3f} {ratio:6.1f}", flush=True)
            worst = max(worst, (ratio, name, n))
    print(f"largest ratio: {worst[0]:.1f} ({worst[1]}, n = {worst[2]})")


if __name__ == "__main__":
    main()
