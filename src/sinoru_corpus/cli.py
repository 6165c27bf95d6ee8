"""The ``sinoru-corpus`` command (also ``python -m sinoru_corpus``).

Data goes to stdout, progress and problems to stderr. Exit status: 0 on
success, 1 when some input files failed (reported on stderr) or on an
error such as an unreadable path, 2 on a usage error. A user error never
prints a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

__all__ = ["main"]

PROG = "sinoru-corpus"


# ------------------------------------------------------------------ arguments


def _date(value: str) -> str:
    from .when import parse_when

    try:
        parse_when(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _frame(value: str) -> str:
    from .query import frame_label

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


def _inputs(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "paths",
        nargs="+" if required else "*",
        metavar="FILE|DIR" if required else "DIR",
        help="page files or directories (searched recursively)"
        + ("" if required else "; default: seeds/ of a source checkout, else the bundled sample pages"),
    )
    parser.add_argument(
        "--pattern", default="*.txt", help="file names to read in directories (default: *.txt)"
    )
    parser.add_argument("--workers", type=_positive, default=1, help="parse in N processes (default: 1)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar on stderr")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse, query and summarise scraped expert analysis of Sino-Russian relations.",
        epilog="Without DIR, commands read seeds/ of a source checkout, else the sample pages "
        "bundled with the package. Exit status: 0 ok, "
        "1 some files failed or an error, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "parse", help="parse pages and print them", description="Parse pages and print them."
    )
    _inputs(p, required=True)
    p.add_argument(
        "--format", choices=("table", "json", "jsonl"), default="table", help="output (default: table)"
    )

    p = commands.add_parser(
        "query",
        help="find articles or claims",
        description="Find articles (or, with --claims/--speaker/--country, claims). In claim mode "
        "--region, --institution and --frame apply to the claim; the other filters to its article.",
    )
    _inputs(p)
    p.add_argument("--region", help="region name, alias or ISO code (sub-regions included)")
    p.add_argument("--no-subregions", action="store_true", help="match --region itself only")
    p.add_argument("--institution", help="institution name, acronym or alias")
    p.add_argument("--person", help="a person named in the article")
    p.add_argument("--author", help="an author of the article")
    p.add_argument("--outlet", help="the outlet")
    p.add_argument("--frame", type=_frame, help="a reading of the relationship, e.g. alliance, rivalry")
    p.add_argument("--text", help="a phrase in the text (case-insensitive)")
    p.add_argument(
        "--since", type=_date, help="published on or after (YYYY, YYYY-MM, YYYY-MM-DD, 'Fall 2016')"
    )
    p.add_argument("--until", type=_date, help="published on or before")
    p.add_argument(
        "--include-unknown", action="store_true", help="let undated articles match by inferred bounds"
    )
    p.add_argument("--claims", action="store_true", help="list claims instead of articles")
    p.add_argument("--speaker", help="claims by this speaker (name, alias or surname)")
    p.add_argument("--country", help="claims by speakers of this country")
    p.add_argument("--json", action="store_true", help="JSON records instead of a table")

    p = commands.add_parser(
        "stats",
        help="tables of the corpus's figures",
        description="Top regions, institutions, speakers, outlets and frames, and the timeline.",
    )
    _inputs(p)
    p.add_argument("--top", type=_positive, default=10, help="rows per table (default: 10)")
    p.add_argument("--json", action="store_true", help="one JSON object instead of tables")

    p = commands.add_parser(
        "plot",
        help="draw a timeline or a heat map",
        description="Draw a timeline of articles and claims, or a region x institution heat map "
        "(needs sinoru-corpus[plot]).",
    )
    _inputs(p)
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--timeline", action="store_true", help="articles and claims over time")
    kind.add_argument("--heatmap", action="store_true", help="regions x institutions")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="image file, .png or .svg")
    p.add_argument("--top", type=_positive, default=15, help="heat map rows and columns (default: 15)")

    p = commands.add_parser("export", help="write the parsed corpus", description="Write the parsed corpus.")
    _inputs(p)
    p.add_argument("--to", choices=("jsonl",), default="jsonl", help="format (default: jsonl)")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")

    commands.add_parser(
        "schema", help="print the JSON Schema of an Article", description="Print the JSON Schema."
    )
    return parser


# ------------------------------------------------------------------ loading


class _Bar:
    """A one-line progress bar on stderr, drawn only for a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if total < 2:
            return
        filled = 30 * done // total
        self.stream.write(f"\rparsing [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _load(args: argparse.Namespace) -> Any:
    from .corpus import load_corpus
    from .seeds import default_pages

    if not args.paths:
        what, corpus = default_pages()
        if not args.quiet:
            print(f"{PROG}: no paths given: reading {what}", file=sys.stderr)
        return corpus
    for path in args.paths:  # a mistyped path is the user's error, not a failed page
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", path)
    bar = _Bar(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
    try:
        return load_corpus(args.paths, pattern=args.pattern, workers=args.workers, progress=bar)
    finally:
        if bar is not None:
            bar.close()


def _report(corpus: Any) -> int:
    if not corpus.errors:
        return 0
    print(f"{PROG}: {len(corpus.errors)} file(s) failed:", file=sys.stderr)
    for error in corpus.errors:
        kept = " (page kept)" if error.article_id else ""
        print(f"  {error.path}: {error.reason}{kept}", file=sys.stderr)
    return 1


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# ------------------------------------------------------------------ commands


def _cmd_parse(args: argparse.Namespace) -> int:
    from .tables import article_rows, render

    corpus = _load(args)
    if args.format == "table":
        print(render(*article_rows(corpus)))
    elif args.format == "jsonl":
        corpus.to_jsonl(sys.stdout)
    else:
        from .serialize import to_json

        docs = [json.loads(to_json(a)) for a in corpus]
        _dump(docs[0] if len(docs) == 1 and len(args.paths) == 1 and os.path.isfile(args.paths[0]) else docs)
    return _report(corpus)


def _cmd_query(args: argparse.Namespace) -> int:
    from . import query as q
    from .records import article_record, claim_record
    from .tables import article_rows, claim_rows, render

    corpus = _load(args)
    claims_mode = args.claims or args.speaker is not None or args.country is not None
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
    selected = corpus.filter(q.all_of(*filters)) if filters else corpus
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
        if args.json:
            _dump([claim_record(h) for h in hits])
        else:
            print(render(*claim_rows(hits)))
            print(f"{len(hits)} claims", file=sys.stderr)
    elif args.json:
        _dump([article_record(a) for a in selected])
    else:
        print(render(*article_rows(selected)))
        print(f"{len(selected)} of {len(corpus)} articles", file=sys.stderr)
    return _report(corpus)


def _cmd_stats(args: argparse.Namespace) -> int:
    from .tables import stats, stats_text

    corpus = _load(args)
    figures = stats(corpus.articles, top=args.top)
    if args.json:
        _dump(figures)
    else:
        print(stats_text(figures))
    return _report(corpus)


def _cmd_plot(args: argparse.Namespace) -> int:
    from .plot import _format, plot_heatmap, plot_timeline

    _format(args.output)  # a bad suffix fails before the corpus is parsed
    corpus = _load(args)
    if args.timeline:
        plot_timeline(corpus, args.output)
    else:
        plot_heatmap(corpus, args.output, top=args.top)
    print(f"wrote {args.output}", file=sys.stderr)
    return _report(corpus)


def _cmd_export(args: argparse.Namespace) -> int:
    corpus = _load(args)
    count = corpus.to_jsonl(args.output if args.output else sys.stdout)
    if args.output:
        print(f"wrote {count} articles to {args.output}", file=sys.stderr)
    return _report(corpus)


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    _dump(json_schema())
    return 0


_COMMANDS = {
    "parse": _cmd_parse,
    "query": _cmd_query,
    "stats": _cmd_stats,
    "plot": _cmd_plot,
    "export": _cmd_export,
    "schema": _cmd_schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from .errors import SinoruError

    args = _parser().parse_args(argv)  # exits 2 with a usage message on bad arguments
    try:
        return _COMMANDS[args.command](args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except ImportError as exc:  # an optional extra is missing; the message names it
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except (SinoruError, OSError, ValueError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
