"""Throughput of sentence splitting, claim finding and frames on the seeds repeated to a few MB.

Run: ``python benchmarks/bench_claims.py [megabytes]``.  Prints MB/s for each stage
and the claims stage's share of a full ``parse_article`` call on the same text.
"""

from __future__ import annotations

import sys
import time

from sinoru_corpus.claims._extract import find_claims
from sinoru_corpus.claims._frames import find_frames
from sinoru_corpus.seeds import seed_texts
from sinoru_corpus.text._sentences import split_sentences


def _spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _rate(label: str, nbytes: int, seconds: float) -> None:
    print(f"{label:18} {nbytes / seconds / 1e6:8.2f} MB/s  ({seconds * 1000:.0f} ms)")


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    seeds = "\n\n".join(seed_texts().values())
    text = seeds * max(1, int(target * 1e6 / len(seeds.encode())))
    spans = _spans(text)
    nbytes = len(text.encode())
    print(f"{nbytes / 1e6:.1f} MB, {len(spans)} paragraphs")
    find_claims(seeds, _spans(seeds))  # load lexicons and compile patterns once

    t0 = time.perf_counter()
    sentences = split_sentences(text, spans)
    _rate("split_sentences", nbytes, time.perf_counter() - t0)

    t0 = time.perf_counter()
    claims = find_claims(text, spans)
    claims_s = time.perf_counter() - t0
    _rate("find_claims", nbytes, claims_s)

    t0 = time.perf_counter()
    find_frames(text, spans, claims)
    _rate("find_frames", nbytes, time.perf_counter() - t0)
    print(f"{len(sentences)} sentences, {len(claims)} claims")


if __name__ == "__main__":
    main()
