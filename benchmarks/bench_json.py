"""JSON (and Parquet) speed of the seed Articles: ``to_json``, ``dump_jsonl``, ``load_jsonl``.

    python benchmarks/bench_json.py [--copies 200]

Prints each figure beside baselines in the same run: the stdlib ``json``,
msgspec and orjson encoding the already-unstructured dicts and decoding the
lines to dicts (the bytes part alone, no validation), with the ratio of each
figure to plain msgspec's. Times are CPU seconds of this process, best of 3.
``to_json`` and ``dump_jsonl`` write through msgspec; ``load_jsonl`` parses each
line into msgspec Struct mirrors of the model (types, keys and tags checked in C)
and builds the Articles through their constructors. Measures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import tempfile
import time
from collections.abc import Callable
from typing import Any

from sinoru_corpus.io._convert import converter
from sinoru_corpus.io.serialize import (
    SCHEMA_VERSION,
    _dumps,
    _from_dict,
    _loads,
    dump_jsonl,
    load_jsonl,
    to_dict,
    to_json,
)
from sinoru_corpus.seeds import load_seeds


def _seconds(fn: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` runs, in CPU time of this process (the machine may be shared)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _reference_json(article: Any) -> str:
    """The reference path of earlier versions: the cattrs converter and the stdlib json module."""
    fields = converter().unstructure(article, type(article))
    return _dumps({"schema_version": SCHEMA_VERSION, "type": type(article).__name__, **fields}, None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200, help="times the seeds are repeated")
    args = parser.parse_args()
    articles = list(load_seeds().articles) * args.copies
    dicts = [to_dict(a) for a in articles]
    n = len(articles)

    print(f"{n:,} seed Articles")
    encode = _seconds(lambda: [to_json(a) for a in articles])
    unstructure = _seconds(lambda: [to_dict(a) for a in articles])
    stdlib = _seconds(lambda: [json.dumps(d, separators=(",", ":")) for d in dicts])
    reference = _seconds(lambda: [_reference_json(a) for a in articles], repeat=1)
    print(f"  to_json                  {n / encode:10,.0f} Articles/s")
    print(f"  reference cattrs + json  {n / reference:10,.0f} Articles/s  (the path before msgspec)")
    print(f"  to_dict alone            {n / unstructure:10,.0f} Articles/s")
    print(f"  stdlib json.dumps(dict)  {n / stdlib:10,.0f} Articles/s  (bytes only)")
    extra: dict[str, Callable[[Any], Any]] = {}
    for name, attr in (("msgspec", "json.encode"), ("orjson", "dumps")):
        try:
            module = importlib.import_module(name)
        except ImportError:
            print(f"  {name:24} not installed")
            continue
        fn: Any = module
        for part in attr.split("."):
            fn = getattr(fn, part)
        extra[name] = fn
        rate = n / _seconds(lambda fn=fn: [fn(d) for d in dicts])
        print(f"  {name}(dict) {rate:22,.0f} Articles/s  (to_json: {n / encode / rate:.2f}x)")

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "corpus.jsonl")
        dump = _seconds(lambda: dump_jsonl(articles, path))
        load = _seconds(lambda: list(load_jsonl(path)))
        with open(path, "rb") as stream:
            raw = stream.read()
    mb = len(raw) / 2**20
    lines = raw.splitlines()
    print(f"JSONL file: {mb:.1f} MB")
    print(f"  dump_jsonl               {mb / dump:10.1f} MB/s")
    for name, fn in extra.items():
        print(f"  {name}(dicts) lines {mb / _seconds(lambda fn=fn: [fn(d) for d in dicts]):15.1f} MB/s")
    print(f"  load_jsonl               {mb / load:10.1f} MB/s  (validated Articles)")
    old = _seconds(lambda: [_from_dict(_loads(line), None) for line in lines], repeat=1)
    print(f"  reference cattrs + json  {mb / old:10.1f} MB/s  (validated, the path before msgspec)")
    parse = _seconds(lambda: [json.loads(line) for line in lines])
    print(f"  stdlib json.loads lines  {mb / parse:10.1f} MB/s  (bytes to dicts, no validation)")
    for name, attr in (("msgspec", "json.decode"), ("orjson", "loads")):
        if name not in extra:
            continue
        fn = importlib.import_module(name)
        for part in attr.split("."):
            fn = getattr(fn, part)
        rate = mb / _seconds(lambda fn=fn: [fn(x) for x in lines])
        print(f"  {name}.{attr} lines {rate:11.1f} MB/s  (load_jsonl: {mb / load / rate:.2f}x)")
    text_dump = _seconds(lambda: dump_jsonl(articles, io.StringIO()))
    text = raw.decode("utf-8")  # the same lines as the file (one copy of the corpus)
    text_load = _seconds(lambda: list(load_jsonl(io.StringIO(text))))
    print(f"  dump_jsonl (text stream) {mb / text_dump:10.1f} MB/s")
    print(f"  load_jsonl (text stream) {mb / text_load:10.1f} MB/s")
    try:
        from sinoru_corpus.corpus.arrow import read_parquet, to_parquet

        with tempfile.TemporaryDirectory() as folder:
            write = _seconds(lambda: to_parquet(articles, folder))
            read = _seconds(lambda: read_parquet(folder))
        print("Parquet (sinoru_corpus.corpus.arrow)")
        print(f"  to_parquet               {n / write:10,.0f} Articles/s")
        print(f"  read_parquet             {n / read:10,.0f} Articles/s")
    except ImportError:
        print("Parquet: pyarrow not installed")


if __name__ == "__main__":
    main()
