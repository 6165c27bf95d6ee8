"""``load_corpus`` on copies of the seed pages: one process against two workers.

    python benchmarks/bench_load.py [--files 400]

The seed pages are written ``--files`` times in all (distinct names) to a temporary
folder; each run parses every file. Workers send each Article back as its JSON
form and warm up once. Prints wall times, pages/s and the speed-up; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time

from sinoru_corpus.corpus._collection import load_corpus
from sinoru_corpus.seeds import seed_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400, help="pages to parse")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the second run")
    args = parser.parse_args()
    seeds = sorted(p for p in os.listdir(seed_dir()) if p.endswith(".txt"))
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.files):
            name = seeds[i % len(seeds)]
            shutil.copyfile(os.path.join(seed_dir(), name), os.path.join(folder, f"{i:05d}-{name}"))
        size = sum(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder)) / 2**20
        print(f"{args.files} pages, {size:.1f} MB of text, {os.cpu_count()} CPUs")
        timings = {}
        for workers in (1, args.workers):
            start = time.perf_counter()
            corpus = load_corpus(folder, workers=workers)
            timings[workers] = time.perf_counter() - start
            rate = len(corpus) / timings[workers]
            print(f"  workers={workers}: {timings[workers]:7.2f} s  {rate:8.1f} pages/s")
        print(f"  speed-up with {args.workers} workers: {timings[1] / timings[args.workers]:.2f}x")


if __name__ == "__main__":
    main()
