"""CPU throughput, stage shares, start-up cost and memory of the full ``parse_article``.

    python benchmarks/bench_parse.py [--mb 2] [--big-mb 10] [--pages ../shared/realpages]

Every figure is CPU time of one core (``time.process_time``), printed beside one
regex sentence-split pass over the same text in the same run (the ratio says how
many such passes the parse costs).  Inputs:

* the bundled seeds, repeated to ``--mb`` megabytes;
* the real pages under ``--pages`` (skipped with a message when the folder is absent);
* one page of ``--big-mb`` megabytes (the seeds one after another).

For each input it prints MB/s, the share of each stage (metadata and layout,
mentions, claims, frames, citations and date bounds, other), and for the seeds
the first parse in a fresh process against a warm one, peak traced memory per
input megabyte, and the size of the parsed Article against the size of its text.
It asserts nothing: figures are for people and for the changelog.
"""

from __future__ import annotations

import argparse
import enum
import gc
import os
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from sinoru_corpus import parse, parse_article, seed_texts
from sinoru_corpus.claims import _extract as claims

_STAGES = ("metadata/layout", "mentions", "claims", "frames", "citations/bounds", "other")
_SPLIT = re.compile(r"[^.!?]+[.!?]*")


def _regex_split(text: str) -> int:
    """The baseline: one regex pass cutting the text at sentence terminators."""
    return sum(1 for _ in _SPLIT.finditer(text))


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def _cpu(fn: Callable[[str], object], texts: list[str]) -> float:
    gc.collect()
    start = time.process_time()
    for text in texts:
        fn(text)
    return time.process_time() - start


class _StageClock:
    """Exclusive CPU time per stage, by wrapping the functions ``parse`` wires together."""

    def __init__(self) -> None:
        self.spent = dict.fromkeys(_STAGES, 0.0)
        self._stack: list[list[Any]] = []

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [stage, time.process_time(), 0.0]
            self._stack.append(frame)
            try:
                return fn(*args, **kwargs)
            finally:
                self._stack.pop()
                total = time.process_time() - frame[1]
                self.spent[stage] += total - frame[2]
                if self._stack:
                    self._stack[-1][2] += total

        return timed


@contextmanager
def _stage_clock() -> Iterator[_StageClock]:
    clock = _StageClock()
    patches = [
        (parse, "extract_metadata", "metadata/layout"),
        (parse, "find_mentions", "mentions"),
        (parse, "find_claims", "claims"),
        (parse, "find_frames", "frames"),
        (claims, "claim_frames", "frames"),
        (parse, "scan_citations", "citations/bounds"),
        (parse, "_resolve", "citations/bounds"),
        (parse, "infer_bounds", "citations/bounds"),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, stage in patches:
        setattr(module, name, clock.wrap(stage, getattr(module, name)))
    try:
        yield clock
    finally:
        for module, name, fn in saved:
            setattr(module, name, fn)


def _report(label: str, texts: list[str]) -> None:
    size = sum(_mb(t) for t in texts)
    parse_s = _cpu(parse_article, texts)
    split_s = _cpu(_regex_split, texts)
    with _stage_clock() as clock:
        staged_s = _cpu(parse_article, texts)
    clock.spent["other"] = max(0.0, staged_s - sum(clock.spent.values()))
    shares = "  ".join(f"{stage} {100 * clock.spent[stage] / staged_s:4.1f}%" for stage in _STAGES)
    print(f"{label}: {len(texts)} page(s), {size:.2f} MB")
    print(
        f"  parse_article {size / parse_s:7.2f} MB/s CPU | regex sentence split {size / split_s:7.1f} MB/s"
        f" | parse costs {parse_s / split_s:5.1f} split passes"
    )
    print(f"  stage shares: {shares}")


def _deep_size(obj: object, seen: set[int]) -> int:
    """Bytes held by ``obj`` and everything it reaches (shared objects counted once)."""
    if id(obj) in seen or obj is None or isinstance(obj, (bool, enum.Enum)):
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, (tuple, list, frozenset, set)):
        size += sum(_deep_size(item, seen) for item in obj)
    elif isinstance(obj, dict):
        size += sum(_deep_size(k, seen) + _deep_size(v, seen) for k, v in obj.items())
    elif attrs.has(type(obj)):
        size += sum(_deep_size(getattr(obj, a.name), seen) for a in attrs.fields(type(obj)))
    return size


def _fresh_process(env: dict[str, str]) -> tuple[float, float, float]:
    """CPU seconds of import, first parse and a second parse of a seed, in a fresh interpreter."""
    code = (
        "import time\n"
        "t0 = time.process_time()\n"
        "import sinoru_corpus\n"
        "t1 = time.process_time()\n"
        "text = next(iter(sinoru_corpus.seed_texts().values()))\n"
        "sinoru_corpus.parse_article(text)\n"
        "t2 = time.process_time()\n"
        "sinoru_corpus.parse_article(text + ' ')\n"
        "t3 = time.process_time()\n"
        "print(t1 - t0, t2 - t1, t3 - t2)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    imp, first, warm = (float(x) for x in out.stdout.split())
    return imp, first, warm


def _first_parse() -> None:
    """The start-up cost as an installed package pays it: bytecode cached, then with and without
    the on-disk pattern cache (a first run fills both caches and is not counted)."""
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = os.path.join(folder, "pycache")
        env["SINORU_CORPUS_CACHE"] = os.path.join(folder, "patterns")
        _fresh_process(env)
        for label, cache in (("pattern cache", env["SINORU_CORPUS_CACHE"]), ("no pattern cache", "")):
            imp, first, warm = _fresh_process({**env, "SINORU_CORPUS_CACHE": cache})
            print(
                f"start ({label}): import {1000 * imp:.0f} ms, first parse {1000 * first:.0f} ms,"
                f" warm parse {1000 * warm:.0f} ms ({first / warm:.1f}x)"
            )


def _memory(label: str, text: str) -> None:
    gc.collect()
    tracemalloc.start()
    article = parse_article(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    held = _deep_size(article, set())
    print(
        f"memory ({label}, {_mb(text):.2f} MB): peak {peak / 1e6 / _mb(text):.1f} MB per input MB;"
        f" Article {held / sys.getsizeof(text):.1f}x its text"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=2.0, help="seed corpus size in MB (default 2)")
    parser.add_argument("--big-mb", type=float, default=10.0, help="size of the one big page (default 10)")
    parser.add_argument("--pages", type=Path, default=Path(__file__).parents[2] / "shared" / "realpages")
    args = parser.parse_args()

    _first_parse()
    seeds = list(seed_texts().values())
    for text in seeds:  # warm up: compile patterns, load curated data
        parse_article(text)

    corpus = seeds * max(1, round(args.mb * 1e6 / sum(len(t.encode()) for t in seeds)))
    _report("seeds", corpus)

    pages = sorted(args.pages.glob("*/pages/*.txt")) if args.pages.is_dir() else []
    if pages:
        real = [p.read_text(encoding="utf-8") for p in pages]
        _report(f"real pages in {args.pages}", real)
    else:
        real = []
        print(f"real pages: skipped, no pages under {args.pages}")

    joined = "\n\n".join(seeds)
    big = "\n\n".join([joined] * max(1, round(args.big_mb * 1e6 / len(joined.encode()))))
    _report(f"one {_mb(big):.0f} MB page", [big])

    _memory("seed", seeds[0])
    if real:
        _memory("largest real page", max(real, key=len))
    _memory("1 MB page", big[: len(big) * 1_000_000 // max(1, len(big.encode()))])


if __name__ == "__main__":
    main()
