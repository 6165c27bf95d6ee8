"""Fuzz the reader, the parser and the JSON form against one oracle.

    python scripts/fuzz.py atheris [--runs N] [--seconds S] [--findings DIR] [--stop]
    python scripts/fuzz.py hypothesis [--examples N] [--findings DIR] [--stop]

Needs ``pip install -e '.[fuzz]'`` (Atheris and Hypothesis). Each input goes
bytes -> reader (``parse_bytes``) -> ``parse_article`` -> JSON -> ``from_json``,
and the same bytes go to ``from_json`` as a document. The oracle:

* nothing raises but the documented exceptions (``BinaryInputError`` for binary
  bytes, ``SchemaError`` for a bad document); the parser's safety nets are
  switched off (``SINORU_CORPUS_STRICT=1``), so a bug they would have caught
  as an "internal error" or a "metadata extraction failed" warning raises here;
* every span slices its text (layout lines, mentions, claims and their cues,
  frames, citations, authors' and dates' evidence, warnings);
* the JSON round trip gives an equal Article and the same JSON again;
* parsing the same bytes twice gives identical Articles.

A failure is written to ``--findings`` (default ``fuzz-findings/``) as the
input and its traceback, one file pair per distinct failure (exception type
and the line that raised it), and fuzzing goes on; ``--stop`` stops at the
first. The number of executions and the distinct findings are printed at the
end; the Hypothesis engine exits 1 when it found anything. Atheris is guided by
coverage of the ``sinoru_corpus`` package; its corpus starts from short pages
written here, and ``--corpus DIR`` adds a folder of your own.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import hashlib
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

os.environ["SINORU_CORPUS_STRICT"] = "1"  # the safety nets re-raise: a caught bug is a finding

_STARTERS = (
    b"Russia and China draw closer\n\nBy Jane Doe, Carnegie Endowment\n12 March 2020\n\n"
    b'Vladimir Putin said "the partnership has no limits" (Reuters, 12 March 2019).\n',
    b"Home > Opinion > Asia\n\nA headline\n\nMay 3, 2021 | John Smith\n\nXi Jinping told TASS that ties were "
    b"strong, according to the ministry.\n\nJohn Smith is a fellow at the Valdai Club.\n",
    b"Commentary | 8 May 2015\n\nA title\n\nBody text. Experts say Moscow and Beijing agree.\n",
    b'\xef\xbb\xbfBy A. B. Cee and D. Eff\n(spring 2019)\n\n"Quoted" words (TASS, March 3) and more.\n',
)


class Oracle:
    """Runs one input through every path and records what went wrong."""

    def __init__(self, findings: Path, stop: bool) -> None:
        from sinoru_corpus import from_json, parse_bytes, to_json
        from sinoru_corpus.errors import BinaryInputError, SchemaError

        self.parse_bytes = parse_bytes
        self.to_json = to_json
        self.from_json = from_json
        self.expected: tuple[type[BaseException], ...] = (BinaryInputError,)
        self.schema_error = SchemaError
        self.findings = findings
        self.stop = stop
        self.runs = 0
        self.seen: set[str] = set()

    def __call__(self, data: bytes) -> None:
        self.runs += 1
        try:
            self.check(data)
        except Exception as exc:
            self.record(data, exc)
            if self.stop:
                raise

    def check(self, data: bytes) -> None:
        try:
            article = self.parse_bytes(data, source="fuzz.txt")
        except self.expected:
            article = None
        if article is not None:
            check_spans(article)
            dumped = self.to_json(article)
            loaded = self.from_json(dumped)
            if loaded != article:
                raise AssertionError("the JSON round trip changed the Article")
            if self.to_json(loaded) != dumped:
                raise AssertionError("the JSON of the reloaded Article differs")
            if self.parse_bytes(data, source="fuzz.txt") != article:
                raise AssertionError("two parses of the same bytes differ")
        with contextlib.suppress(self.schema_error):
            self.from_json(data)

    def record(self, data: bytes, exc: Exception) -> None:
        tb = traceback.extract_tb(exc.__traceback__)
        where = f"{tb[-1].filename}:{tb[-1].lineno}" if tb else "?"
        signature = f"{type(exc).__name__} at {where}"
        if signature in self.seen:
            return
        self.seen.add(signature)
        self.findings.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(data).hexdigest()[:12]
        (self.findings / f"{digest}.bin").write_bytes(data)
        detail = "".join(traceback.format_exception(exc))
        (self.findings / f"{digest}.txt").write_text(f"{signature}\n\n{detail}", encoding="utf-8")
        print(f"finding: {signature} -> {self.findings / digest}.bin", file=sys.stderr, flush=True)


def check_spans(article: Any) -> None:
    """Every span of ``article`` slices its text; the warnings show no caught bug."""
    text = article.text
    size = len(text)

    def within(start: int | None, end: int | None, what: str) -> None:
        if start is None and end is None:
            return
        if start is None or end is None or not 0 <= start <= end <= size:
            raise AssertionError(f"{what}: span {start}:{end} outside the text of length {size}")

    def slices(start: int, end: int, value: str | None, what: str) -> None:
        within(start, end, what)
        if text[start:end] != value:
            raise AssertionError(f"{what}: text[{start}:{end}] is {text[start:end]!r}, not {value!r}")

    position = 0
    for i, line in enumerate(article.layout):
        if line.number != i or line.start != position:
            raise AssertionError(f"layout[{i}] does not follow the previous line")
        within(line.start, line.end, f"layout[{i}]")
        position = line.end + 1
    if article.layout and position != size + 1:
        raise AssertionError("the layout does not cover the text")
    for i, m in enumerate(article.mentions):
        slices(m.start, m.end, m.surface, f"mentions[{i}]")
    for i, c in enumerate(article.claims):
        slices(c.start, c.end, c.text, f"claims[{i}]")
        if c.cue_start is not None and c.cue_end is not None:
            slices(c.cue_start, c.cue_end, c.cue, f"claims[{i}].cue")
        for j, f in enumerate(c.frames):
            slices(f.start, f.end, f.evidence, f"claims[{i}].frames[{j}]")
    for i, f in enumerate(article.frames):
        slices(f.start, f.end, f.evidence, f"frames[{i}]")
    for i, cit in enumerate(article.citations):
        slices(cit.start, cit.end, cit.raw, f"citations[{i}]")
    for i, a in enumerate(article.authors):
        for j, e in enumerate(a.evidence):
            within(e.start, e.end, f"authors[{i}].evidence[{j}]")
    bounds = article.published_bounds
    for name, evidence in (("earliest", bounds.earliest_evidence), ("latest", bounds.latest_evidence)):
        for j, e in enumerate(evidence):
            within(e.start, e.end, f"published_bounds.{name}_evidence[{j}]")
    for i, w in enumerate(article.warnings):
        within(w.start, w.end, f"warnings[{i}]")
        if "internal error" in w.message or "extraction failed" in w.message:
            raise AssertionError(f"a safety net caught a bug: {w.message}")


def _run_atheris(args: argparse.Namespace) -> None:
    import atheris

    with atheris.instrument_imports(include=["sinoru_corpus"]):  # coverage of the package guides it
        import sinoru_corpus
        import sinoru_corpus.io.serialize
        import sinoru_corpus.parse

    sinoru_corpus.parse_article("Warm up: load the gazetteer and the data files once.")
    oracle = Oracle(args.findings, args.stop)
    corpus = Path(tempfile.mkdtemp(prefix="sinoru-fuzz-"))
    for i, page in enumerate(_STARTERS):
        (corpus / f"start{i}").write_bytes(page)
    flags = [sys.argv[0], str(corpus), "-max_len=2048", "-print_final_stats=1"]
    if args.corpus:
        flags.append(str(args.corpus))
    if args.runs:
        flags.append(f"-runs={args.runs}")
    if args.seconds:
        flags.append(f"-max_total_time={args.seconds}")
    started = time.monotonic()
    atexit.register(_report, oracle, started)  # libFuzzer ends the process with exit()
    atheris.Setup(flags, oracle)
    atheris.Fuzz()


def _run_hypothesis(args: argparse.Namespace) -> None:
    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "By John Smith",
            "12 March 2020",
            "(Reuters, 2019)",
            'Putin said "yes".',
            "Home > Asia",
            "\n",
            "\n\n",
            "Moscow",
            "Beijing",
            "according to TASS",
            "\u201cquoted\u201d",
            "spring 2019",
            "|",
        ]
    )
    texts = st.one_of(
        st.text(max_size=400),
        st.lists(st.one_of(pieces, st.text(max_size=30)), max_size=40).map(" ".join),
    )
    inputs = st.one_of(st.binary(max_size=400), texts.map(lambda t: t.encode("utf-8", "surrogatepass")))

    oracle = Oracle(args.findings, args.stop)

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        derandomize=args.seed is not None,
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def run(data: bytes) -> None:
        oracle(data)

    if args.seed is not None:
        run = seed(args.seed)(run)
    started = time.monotonic()
    try:
        run()
    finally:
        _report(oracle, started)
    if oracle.seen:
        sys.exit(1)


def _report(oracle: Oracle, started: float) -> None:
    elapsed = time.monotonic() - started
    print(
        f"executions: {oracle.runs} in {elapsed:.0f} s; distinct findings: {len(oracle.seen)}",
        file=sys.stderr,
        flush=True,
    )
    for signature in sorted(oracle.seen):
        print(f"  {signature}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("engine", choices=("atheris", "hypothesis"))
    parser.add_argument("--runs", type=int, default=0, help="atheris: stop after this many inputs")
    parser.add_argument("--seconds", type=int, default=0, help="atheris: stop after this many seconds")
    parser.add_argument("--examples", type=int, default=10_000, help="hypothesis: examples to draw")
    parser.add_argument("--seed", type=int, help="hypothesis: a fixed seed (the same inputs every run)")
    parser.add_argument("--corpus", type=Path, help="atheris: a folder of extra starting inputs")
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--stop", action="store_true", help="stop at the first finding")
    args = parser.parse_args()
    if args.engine == "atheris":
        _run_atheris(args)
    else:
        _run_hypothesis(args)


if __name__ == "__main__":
    main()
