"""The ``sinoru-corpus`` command (also ``python -m sinoru_corpus``).

Inputs: page files, folders of pages (searched recursively), JSONL exports of
the library (recognised by their content, whatever their name) and ``-`` for
standard input (a page or a JSONL export). Without inputs, the seed pages of a
source checkout, else the sample pages bundled with the package.

Data goes to stdout in one of ``--format table|json|jsonl|csv``; progress and
problems go to stderr. Exit status: 0 on success; 1 when some input failed
(reported on stderr), on an error such as an unreadable path, or when stdout
could not be written; 2 on a usage error; 130 when interrupted (Ctrl-C). A
user error never prints a traceback.
"""

from __future__ import annotations

import argparse
import csv
import errno
import io
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import IO, TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..corpus._collection import Corpus
    from ..corpus._loader import LoadError
    from ..model import Article

__all__ = ["main"]

PROG = "sinoru-corpus"
FORMATS = ("table", "json", "jsonl", "csv")
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_SNIFF = 4096  # bytes read to tell a JSONL export from a page


# ------------------------------------------------------------------ arguments


def _date(value: str) -> str:
    from ..dates._when import parse_when

    try:
        parse_when(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _frame(value: str) -> str:
    from ..corpus.query import frame_label

    try:
        return frame_label(value).value
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


class _Deprecated(argparse.Action):
    """An old output flag: sets ``--format`` and warns once on stderr."""

    def __init__(self, *args: Any, value: str, replacement: str, **kwargs: Any) -> None:
        self.value, self.replacement = value, replacement
        super().__init__(*args, **kwargs)

    def __call__(self, parser: Any, namespace: Any, values: Any, option: str | None = None) -> None:
        if self.nargs != 0 and values != self.value:
            parser.error(f"argument {option}: invalid choice: {values!r} (use --format)")
        print(f"{PROG}: warning: {option} is deprecated; use {self.replacement}", file=sys.stderr)
        namespace.format = self.value


def _inputs(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "paths",
        nargs="+" if required else "*",
        metavar="INPUT",
        help="page files, folders of pages (searched recursively), JSONL exports, or - for stdin"
        + ("" if required else "; default: seeds/ of a source checkout, else the bundled sample pages"),
    )
    parser.add_argument("--pattern", default="*.txt", help="file names to read in folders (default: *.txt)")
    parser.add_argument("--workers", type=_positive, default=1, help="parse in N processes (default: 1)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or notes on stderr")


def _format_option(parser: argparse.ArgumentParser, default: str, json_alias: bool = True) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default=default, help=f"output format (default: {default})"
    )
    if json_alias:
        parser.add_argument(
            "--json",
            action=_Deprecated,
            nargs=0,
            value="json",
            replacement="--format json",
            help=argparse.SUPPRESS,
        )


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", help="region name, alias or ISO code (sub-regions included)")
    parser.add_argument("--no-subregions", action="store_true", help="match --region itself only")
    parser.add_argument("--institution", help="institution name, acronym or alias")
    parser.add_argument("--person", help="a person named in the article")
    parser.add_argument("--author", help="an author of the article")
    parser.add_argument("--outlet", help="the outlet")
    parser.add_argument("--frame", type=_frame, help="a reading of the relationship, e.g. alliance, rivalry")
    parser.add_argument("--text", help="a phrase in the text (case-insensitive)")
    parser.add_argument(
        "--since", type=_date, help="published on or after (YYYY, YYYY-MM, YYYY-MM-DD, 'Fall 2016')"
    )
    parser.add_argument("--until", type=_date, help="published on or before")
    parser.add_argument(
        "--include-unknown", action="store_true", help="let undated articles match by inferred bounds"
    )


def _parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse, query and summarise scraped expert analysis of Sino-Russian relations.",
        epilog="INPUT is a page, a folder of pages, a JSONL export or - (stdin). Without INPUT, "
        "commands read seeds/ of a source checkout, else the sample pages bundled with the package. "
        "Exit status: 0 ok, 1 some input failed or an error, 2 usage error, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "parse", help="parse pages and print them", description="Parse pages and print them."
    )
    _inputs(p, required=True)
    _format_option(p, "table", json_alias=False)

    p = commands.add_parser(
        "query",
        help="find articles or claims",
        description="Find articles (or, with --claims/--speaker/--country, claims). In claim mode "
        "--region, --institution and --frame apply to the claim; the other filters to its article. "
        "--format jsonl writes whole articles (readable again as INPUT), json and csv flat records.",
    )
    _inputs(p)
    _filters(p)
    p.add_argument("--claims", action="store_true", help="list claims instead of articles")
    p.add_argument("--speaker", help="claims by this speaker (name, alias or surname)")
    p.add_argument("--country", help="claims by speakers of this country")
    _format_option(p, "table")

    p = commands.add_parser(
        "stats",
        help="tables of the corpus's figures",
        description="Top regions, institutions, speakers, outlets and frames, and the timeline.",
    )
    _inputs(p)
    p.add_argument("--top", type=_positive, default=10, help="rows per table (default: 10)")
    _format_option(p, "table")

    p = commands.add_parser(
        "plot",
        help="draw a timeline or a heat map",
        description="Draw a timeline of articles and claims, or a region x institution heat map, "
        "of the articles the filters select (needs sinoru-corpus[plot]).",
    )
    _inputs(p)
    _filters(p)
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--timeline", action="store_true", help="articles and claims over time")
    kind.add_argument("--heatmap", action="store_true", help="regions x institutions")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="image file, .png or .svg")
    p.add_argument("--top", type=_positive, default=15, help="heat map rows and columns (default: 15)")

    p = commands.add_parser(
        "export",
        help="write the parsed corpus",
        description="Write the parsed corpus: whole articles as JSONL (default) or JSON, "
        "flat records as CSV, or a table.",
    )
    _inputs(p)
    _format_option(p, "jsonl", json_alias=False)
    p.add_argument(
        "--to",
        action=_Deprecated,
        value="jsonl",
        replacement="--format jsonl",
        metavar="jsonl",
        help=argparse.SUPPRESS,
    )
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")

    commands.add_parser(
        "schema", help="print the JSON Schema of an Article", description="Print the JSON Schema."
    )
    return parser


# ------------------------------------------------------------------ progress


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


class _Bar:
    """A one-line progress bar with rate and ETA on stderr, drawn only for a terminal."""

    def __init__(self, stream: IO[str], label: str, unit: str = "files") -> None:
        self.stream, self.label, self.unit = stream, label, unit
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        """``total`` 0: not known in advance (a stream): the count and the rate only."""
        now = time.monotonic()
        if (0 < total < 2) or (now - self.last < 0.1 and (done < total or total == 0)):
            return  # at most ten redraws a second
        self.last = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        if total == 0:
            self.stream.write(f"\r{self.label} {done} {rate:.1f} {self.unit}/s ")
            self.stream.flush()
            self.drawn = True
            return
        eta = _clock((total - done) / rate) if rate > 0 and done < total else "--:--"
        filled = 24 * done // total
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (24 - filled)}] {done}/{total} "
            f"{rate:.1f} {self.unit}/s ETA {eta} "
        )
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def _bar(args: argparse.Namespace, label: str, unit: str = "files") -> _Bar | None:
    stderr = sys.stderr
    if getattr(args, "quiet", False) or stderr is None or not stderr.isatty():
        return None
    return _Bar(stderr, label, unit)


# ------------------------------------------------------------------ loading


def _looks_like_jsonl(head: bytes) -> bool:
    """An export of this library: a JSON object line naming its schema version or type."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and (b'"schema_version"' in start or b'"type"' in start)


def _sniff(path: str) -> bool:
    if not os.path.isfile(path):
        return False
    with open(path, "rb") as handle:
        return _looks_like_jsonl(handle.read(_SNIFF))


def _jsonl(stream: TextIO, name: str) -> list[Article]:
    from ..errors import SchemaError
    from ..io.serialize import load_jsonl

    try:
        return list(load_jsonl(stream))
    except SchemaError as exc:
        raise ValueError(f"{name}: not a valid sinoru_corpus JSONL export: {exc}") from None


def _stdin() -> list[Article]:
    from ..text.reader import parse_bytes

    if sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed", "-")
    data = sys.stdin.buffer.read()
    if _looks_like_jsonl(data[:_SNIFF]):
        return _jsonl(io.StringIO(data.decode("utf-8-sig")), "<stdin>")
    return [parse_bytes(data, source="-")]


def _pages(args: argparse.Namespace, paths: list[str]) -> Corpus:
    from ..corpus._collection import load_corpus
    from ..corpus._loader import find_files

    folders = [p for p in paths if os.path.isdir(p)]
    if folders and not find_files(folders, args.pattern):
        where = ", ".join(folders)
        print(f"{PROG}: warning: no file matches --pattern {args.pattern!r} in {where}", file=sys.stderr)
    bar = _bar(args, "parsing")
    try:
        return load_corpus(paths, pattern=args.pattern, workers=args.workers, progress=bar)
    finally:
        if bar is not None:
            bar.close()


def _check_paths(args: argparse.Namespace) -> None:
    for path in args.paths:  # a mistyped path is the user's error, not a failed page
        if path == "-":
            continue
        try:
            os.stat(path)
        except FileNotFoundError:
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", path) from None
        # any other OSError says what is wrong (a symlink loop, no permission) and goes up as it is
    if args.paths.count("-") > 1:
        raise ValueError("standard input (-) can be read only once")


def _load(args: argparse.Namespace) -> Corpus:
    """Every input, in the order given: pages and folders, JSONL exports, ``-``."""
    from ..corpus._collection import Corpus
    from ..seeds import default_pages

    if not args.paths:
        what, corpus = default_pages()
        if not args.quiet:
            print(f"{PROG}: no paths given: reading {what}", file=sys.stderr)
        return corpus
    _check_paths(args)
    articles: list[Article] = []
    errors: list[LoadError] = []
    batch: list[str] = []

    def flush() -> None:
        if batch:
            corpus = _pages(args, batch)
            articles.extend(corpus)
            errors.extend(corpus.errors)
            batch.clear()

    for path in args.paths:
        if path == "-":
            flush()
            articles.extend(_stdin())
        elif _sniff(path):
            flush()
            with open(path, encoding="utf-8-sig") as handle:
                articles.extend(_jsonl(handle, path))
        else:
            batch.append(path)
    flush()
    return Corpus(articles, errors=errors)


def _stream(args: argparse.Namespace, errors: list[LoadError]) -> Iterator[Article]:
    """The Articles of :func:`_load`, one at a time: a page is parsed when the consumer asks
    for it and a JSONL export read line by line, so memory holds one page (``-`` is read whole)."""
    from ..corpus._loader import find_files
    from ..corpus.stream import iter_corpus
    from ..errors import SchemaError
    from ..io.serialize import load_jsonl
    from ..seeds import default_pages

    if not args.paths:
        what, corpus = default_pages()
        if not args.quiet:
            print(f"{PROG}: no paths given: reading {what}", file=sys.stderr)
        errors.extend(corpus.errors)
        yield from corpus
        return
    _check_paths(args)
    batch: list[str] = []

    def pages() -> Iterator[Article]:
        folders = [p for p in batch if os.path.isdir(p)]
        if folders and not find_files(folders, args.pattern):
            where = ", ".join(folders)
            print(f"{PROG}: warning: no file matches --pattern {args.pattern!r} in {where}", file=sys.stderr)
        yield from iter_corpus(list(batch), args.pattern, errors=errors)
        batch.clear()

    for path in args.paths:
        if path == "-":
            yield from pages()
            yield from _stdin()
        elif _sniff(path):
            yield from pages()
            with open(path, encoding="utf-8-sig") as handle:
                try:
                    yield from load_jsonl(handle)
                except SchemaError as exc:
                    raise ValueError(f"{path}: not a valid sinoru_corpus JSONL export: {exc}") from None
        else:
            batch.append(path)
    yield from pages()


def _report(corpus: Corpus) -> int:
    return _report_errors(corpus.errors)


def _report_errors(errors: Sequence[LoadError]) -> int:
    if not errors:
        return EXIT_OK
    print(f"{PROG}: {len(errors)} file(s) failed:", file=sys.stderr)
    for error in errors:
        kept = " (page kept)" if error.article_id else ""
        print(f"  {_printable(error.path)}: {error.reason}{kept}", file=sys.stderr)
    return EXIT_FAILED


# ------------------------------------------------------------------ output

_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(text: str) -> str:
    """A file name with undecodable bytes shown as ``\\xNN``, never as invalid UTF-8."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _json_text(text: str) -> str:
    """JSON text with lone surrogates (undecodable file-name bytes) as ``\\udcNN`` escapes.

    Surrogates only occur inside JSON strings, so the escape keeps the document valid
    and round-trips: ``json.loads`` gives back the exact original string.
    """
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _out() -> IO[str]:
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed")
    return sys.stdout


def _emit_json(value: Any) -> None:
    _out().write(_json_text(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def _emit_jsonl(values: Iterable[Any], dest: IO[str] | None = None) -> int:
    out = dest or _out()
    count = 0
    for value in values:
        out.write(_json_text(json.dumps(value, ensure_ascii=False, separators=(",", ":"))) + "\n")
        count += 1
    return count


def _article_lines(articles: Iterable[Article]) -> Iterator[str]:
    from ..io.serialize import to_json

    for article in articles:
        yield _json_text(to_json(article))


def _emit_csv(records: Sequence[dict[str, Any]], dest: IO[str] | None = None) -> None:
    out = dest or _out()
    if not records:
        return
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in record.items()})


def _emit_table(text: str) -> None:
    _out().write(text + "\n")


def _write_articles(
    articles: Sequence[Article], fmt: str, dest: IO[str], *, single: bool = False, bar: _Bar | None = None
) -> None:
    """Whole articles: JSONL lines, a JSON array (an object when ``single``), CSV or a table."""
    from ..corpus.records import article_record
    from ._tables import article_rows, render

    if fmt == "jsonl":
        for done, line in enumerate(_article_lines(articles), 1):
            dest.write(line + "\n")
            if bar is not None:
                bar(done, len(articles))
    elif fmt == "json":
        docs = [json.loads(line) for line in _article_lines(articles)]
        value = docs[0] if single and len(docs) == 1 else docs
        dest.write(_json_text(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "csv":
        _emit_csv([article_record(a) for a in articles], dest)
    else:
        dest.write(render(*article_rows(articles)) + "\n")


# ------------------------------------------------------------------ commands


def _cmd_parse(args: argparse.Namespace) -> int:
    corpus = _load(args)
    single = len(args.paths) == 1 and (args.paths[0] == "-" or os.path.isfile(args.paths[0]))
    _write_articles(list(corpus), args.format, _out(), single=single)
    return _report(corpus)


def _article_filters(args: argparse.Namespace, *, claims_mode: bool) -> list[Any]:
    from ..corpus import query as q

    filters: list[q.Filter] = []
    if args.person:
        filters.append(q.person(args.person))
    if args.author:
        filters.append(q.author(args.author))
    if args.outlet:
        filters.append(q.outlet(args.outlet))
    if args.text:
        filters.append(q.text(args.text))
    if not claims_mode:
        if args.region:
            filters.append(q.region(args.region, include_subregions=not args.no_subregions))
        if args.institution:
            filters.append(q.institution(args.institution))
        if args.frame:
            filters.append(q.frame(args.frame))
        if args.since or args.until:
            filters.append(
                q.published(since=args.since, until=args.until, include_unknown=args.include_unknown)
            )
    return filters


def _select(corpus: Corpus, args: argparse.Namespace, *, claims_mode: bool = False) -> Corpus:
    from ..corpus import query as q

    filters = _article_filters(args, claims_mode=claims_mode)
    return corpus.filter(q.all_of(*filters)) if filters else corpus


def _cmd_query(args: argparse.Namespace) -> int:
    from ..corpus.records import article_record, claim_record
    from ._tables import claim_rows, render

    corpus = _load(args)
    claims_mode = args.claims or args.speaker is not None or args.country is not None
    selected = _select(corpus, args, claims_mode=claims_mode)
    if claims_mode:
        hits = selected.claims(
            speaker=args.speaker,
            country=args.country,
            about_region=args.region,
            about_institution=args.institution,
            frame=args.frame,
            since=args.since,
            until=args.until,
            include_subregions=not args.no_subregions,
            include_unknown=args.include_unknown,
        )
        records = [claim_record(h) for h in hits]
        if args.format == "json":
            _emit_json(records)
        elif args.format == "jsonl":
            _emit_jsonl(records)
        elif args.format == "csv":
            _emit_csv(records)
        else:
            _emit_table(render(*claim_rows(hits)))
        _note(args, f"{len(hits)} claims")
    else:
        if args.format == "json":
            _emit_json([article_record(a) for a in selected])
        else:
            _write_articles(list(selected), args.format, _out())
        _note(args, f"{len(selected)} of {len(corpus)} articles")
    return _report(corpus)


def _note(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def _stats_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"table": "summary", "name": key, "count": figures[key]} for key in ("articles", "claims", "undated")
    ]
    for key in ("regions", "institutions", "speakers", "outlets", "frames"):
        for row in figures[key]:
            rows.append({"table": key, "name": row["name"], "count": row.get("articles", row.get("claims"))})
    for row in figures["timeline"]:
        rows.append({"table": "timeline", "name": row["period"], "count": row["articles"]})
    return rows


def _cmd_stats(args: argparse.Namespace) -> int:
    from ._tables import stats, stats_text

    corpus = _load(args)
    figures = stats(corpus.articles, top=args.top)
    if args.format == "json":
        _emit_json(figures)
    elif args.format == "jsonl":
        _emit_jsonl([figures])
    elif args.format == "csv":
        _emit_csv(_stats_rows(figures))
    else:
        _emit_table(stats_text(figures))
    return _report(corpus)


def _cmd_plot(args: argparse.Namespace) -> int:
    from ..corpus.plot import _format, plot_heatmap, plot_timeline

    _format(args.output)  # a bad suffix fails before the corpus is parsed
    corpus = _load(args)
    selected = _select(corpus, args)
    if args.timeline:
        plot_timeline(selected, args.output)
    else:
        plot_heatmap(selected, args.output, top=args.top)
    _note(args, f"wrote {args.output} ({len(selected)} of {len(corpus)} articles)")
    return _report(corpus)


def _export_lines(articles: Iterable[Article], dest: IO[str], bar: _Bar | None = None) -> int:
    """Write each Article as one JSONL line as soon as it comes; returns the count."""
    done = 0
    for done, line in enumerate(_article_lines(articles), 1):
        dest.write(line + "\n")
        if bar is not None:
            bar(done, 0)
    return done


def _cmd_export(args: argparse.Namespace) -> int:
    if args.format == "jsonl":
        # Streamed: each page is parsed, written and dropped before the next is read.
        errors: list[LoadError] = []
        if not args.output:
            _export_lines(_stream(args, errors), _out())
            return _report_errors(errors)
        bar = _bar(args, "writing", "articles")
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as dest:
                count = _export_lines(_stream(args, errors), dest, bar)
        finally:
            if bar is not None:
                bar.close()
        _note(args, f"wrote {count} articles to {args.output}")
        return _report_errors(errors)
    corpus = _load(args)
    articles = list(corpus)
    if not args.output:
        _write_articles(articles, args.format, _out())
        return _report(corpus)
    bar = _bar(args, "writing", "articles")
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as dest:
            _write_articles(articles, args.format, dest, bar=bar)
    finally:
        if bar is not None:
            bar.close()
    _note(args, f"wrote {len(articles)} articles to {args.output}")
    return _report(corpus)


def _cmd_schema(args: argparse.Namespace) -> int:
    from ..io.schema import json_schema

    _emit_json(json_schema())
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "parse": _cmd_parse,
    "query": _cmd_query,
    "stats": _cmd_stats,
    "plot": _cmd_plot,
    "export": _cmd_export,
    "schema": _cmd_schema,
}


# ------------------------------------------------------------------ main


_interrupted: list[bool] = []


def _on_interrupt(main_pid: int) -> Callable[[int, object], None]:
    """The SIGINT handler: Ctrl-C reaches every process of the terminal's group.

    In the main process it stops the parsing workers (quietly, with SIGTERM) and
    raises KeyboardInterrupt, which ``main`` turns into one line and status 130.
    Forked workers inherit the handler and just exit, without a traceback.
    """

    def handler(signum: int, frame: object) -> None:
        if os.getpid() != main_pid:
            os._exit(EXIT_INTERRUPTED)  # a worker: no traceback, no cleanup to do
        _interrupted.append(True)
        import multiprocessing

        for child in multiprocessing.active_children():
            child.terminate()
        raise KeyboardInterrupt

    return handler


def _quiet_after_interrupt(
    hook: Callable[[threading.ExceptHookArgs], Any],
) -> Callable[[threading.ExceptHookArgs], Any]:
    """After Ctrl-C, the worker pool's manager thread may trip over cancelled work: stay quiet."""

    def quiet(args: threading.ExceptHookArgs) -> Any:
        if not _interrupted:
            return hook(args)
        return None

    return quiet


def _silence_stdout() -> None:
    """After a failed write, point stdout at /dev/null so the interpreter's exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from ..errors import SinoruError

    args = _parser().parse_args(argv)  # exits 2 with a usage message on bad arguments
    if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # tables show odd file names, never fail
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_interrupt(os.getpid()))
    _interrupted.clear()
    thread_hook = threading.excepthook
    threading.excepthook = _quiet_after_interrupt(thread_hook)
    try:
        status = _COMMANDS[args.command](args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk or a closed pipe surfaces here, not at exit
        return status
    except (KeyboardInterrupt, BrokenProcessPool) as exc:
        if isinstance(exc, BrokenProcessPool) and not _interrupted:
            print(f"{PROG}: error: a parsing worker died: {exc}", file=sys.stderr)
            return EXIT_FAILED
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        print(f"{PROG}: error: could not write the output: the reader closed the pipe", file=sys.stderr)
        return EXIT_FAILED
    except ImportError as exc:  # an optional extra is missing; the message names it
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (SinoruError, OSError, ValueError) as exc:
        if sys.stdout is not None and isinstance(exc, OSError) and exc.filename is None:
            _silence_stdout()  # a failed write to stdout: don't fail again at exit
        print(f"{PROG}: error: {_printable(str(exc))}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        threading.excepthook = thread_hook
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous)
