"""Throughput and growth of ``extract_metadata`` plus ``infer_bounds`` (prints figures, never asserts).

    .venv/bin/python benchmarks/bench_metadata.py

For a ~1 MB multi-line page (the seeds repeated) and a ~10 MB single-line input it
prints MB/s and the time ratio against the quarter-size input: linear work gives ~4.
"""

from __future__ import annotations

import time

from sinoru_corpus.dates._bounds import infer_bounds
from sinoru_corpus.page._metadata import extract_metadata
from sinoru_corpus.seeds import seed_texts


def _page(size: int) -> str:
    unit = "\n\n".join(seed_texts().values())
    return (unit * (size // len(unit) + 1))[:size]


def _line(size: int) -> str:
    unit = " ".join(t.replace("\n", " ") for t in seed_texts().values())
    return (unit * (size // len(unit) + 1))[:size]


def _time(text: str, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        meta = extract_metadata(text)
        infer_bounds(text, meta.body_spans, published=meta.published)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    extract_metadata(_page(10_000))  # load data files and compile patterns first
    for label, make, size in (("page", _page, 1_000_000), ("single line", _line, 10_000_000)):
        small, full = make(size // 4), make(size)
        t_small, t_full = _time(small), _time(full)
        print(
            f"{label:12s} {len(full) / 1e6:5.1f} MB: {t_full:6.3f} s  {len(full) / 1e6 / t_full:6.1f} MB/s  "
            f"growth x4 input -> x{t_full / t_small:.2f} time"
        )


if __name__ == "__main__":
    main()
