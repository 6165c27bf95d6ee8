"""The command line, run as users run it: ``python -m sinoru_corpus`` in a subprocess."""

from __future__ import annotations

import csv
import importlib
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sinoru_corpus import __version__
from sinoru_corpus.cli._command import main

COMMANDS = ("parse", "query", "stats", "plot", "export", "schema")


def _ready(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


needs_parser = pytest.mark.skipif(not _ready("sinoru_corpus.parse"), reason="parse has not landed yet")
needs_serialize = pytest.mark.skipif(not _ready("sinoru_corpus.io.serialize"), reason="serialize not landed")


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "sinoru_corpus", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder with one good page, a binary file, an empty file and a CRLF page with a BOM."""
    (tmp_path / "good.txt").write_text("Commentary | 8 May 2015\n\nA short page\n\nRussia and China met.\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "windows.txt").write_bytes(b"\xef\xbb\xbfA Windows page\r\n\r\nMoscow and Beijing.\r\n")
    return tmp_path


# ------------------------------------------------------------------ usage


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: sinoru-corpus {command}")


def test_top_level_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout
    version = run("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"sinoru-corpus {__version__}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("query", "--bogus"), "unrecognized arguments: --bogus"),
        ((), "the following arguments are required: COMMAND"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("query", "--since", "2016-13"), "invalid date '2016-13'"),
        (("query", "--frame", "friendship"), "unknown FrameLabel 'friendship'"),
        (("stats", "--top", "0"), "expected a positive whole number"),
        (("parse",), "the following arguments are required: INPUT"),
        (("plot", "--timeline"), "the following arguments are required: -o/--output"),
        (("plot", "-o", "x.png"), "one of the arguments --timeline --heatmap is required"),
        (("export", "--to", "csv"), "invalid choice: 'csv'"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_missing_path_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run("stats", str(tmp_path / "absent"))
    assert result.returncode == 1
    assert result.stderr.startswith("sinoru-corpus: error: [Errno 2] no such file or directory")


def test_a_symlink_loop_is_reported_as_a_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = run("stats", str(loop))
    assert result.returncode == 1
    assert "Too many levels of symbolic links" in result.stderr
    assert "no such file" not in result.stderr


def test_plot_needs_a_known_image_suffix(tmp_path: Path) -> None:
    result = run("plot", str(tmp_path), "--timeline", "-o", str(tmp_path / "x.gif"))
    assert result.returncode == 1
    assert "use a .png or .svg file name" in result.stderr


def test_plot_without_matplotlib_names_the_extra(tmp_path: Path) -> None:
    fake = tmp_path / "fake"
    (fake / "matplotlib").mkdir(parents=True)
    (fake / "matplotlib" / "__init__.py").write_text("raise ImportError('No module named matplotlib')\n")
    (tmp_path / "pages").mkdir()
    result = run(
        "plot",
        str(tmp_path / "pages"),
        "--heatmap",
        "-o",
        str(tmp_path / "x.png"),
        env={"PYTHONPATH": str(fake)},
    )
    assert result.returncode == 1
    assert "pip install 'sinoru-corpus[plot]'" in result.stderr


def test_empty_directory_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(tmp_path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert f"no file matches --pattern '*.txt' in {tmp_path}" in captured.err
    assert main(["stats", str(tmp_path), "--json"]) == 0  # the old flag still works
    captured = capsys.readouterr()
    assert "--json is deprecated; use --format json" in captured.err
    figures = json.loads(captured.out)
    assert (figures["articles"], figures["regions"], figures["timeline"]) == (0, [], [])


# ------------------------------------------------------------------ on pages


@needs_parser
def test_parse_directory_reports_the_binary_file_and_keeps_the_rest(pages: Path) -> None:
    result = run("parse", str(pages))
    assert result.returncode == 1
    assert "sinoru-corpus: 1 file(s) failed:" in result.stderr
    assert f"{pages / 'image.txt'}: binary file (NUL byte at offset" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "published", "outlet", "title", "authors", "claims"]
    assert len(lines) == 2 + 3  # header, rule, and the empty, good and CRLF pages


@needs_parser
@needs_serialize
def test_parse_jsonl_and_json(pages: Path) -> None:
    result = run("parse", str(pages), "--format", "jsonl")
    assert result.returncode == 1
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]).name for d in docs] == ["empty.txt", "good.txt", "windows.txt"]
    assert "\r" not in docs[2]["text"]
    single = run("parse", str(pages / "good.txt"), "--format", "json")
    assert single.returncode == 0
    assert json.loads(single.stdout)["source"] == "good.txt"  # a file given directly: its name (stable ids)


@needs_parser
def test_stats_of_the_bundled_seeds() -> None:
    result = run("stats")
    assert result.returncode == 0
    assert result.stdout.startswith("5 articles, ")
    for title in ("Top regions:", "Top institutions:", "Top speakers:", "Outlets:", "Frames:", "Timeline:"):
        assert title in result.stdout
    figures = json.loads(run("stats", "--json").stdout)
    assert figures["articles"] == 5
    assert [r["period"] for r in figures["timeline"]] == ["2015-05-08", "2016-fall", "2023-06-02"]


@needs_parser
def test_query_seeds_articles_and_claims() -> None:
    result = run("query", "--region", "Central Asia", "--json")
    assert result.returncode == 0
    assert {r["source"][:3] for r in json.loads(result.stdout)} >= {"000", "002", "003"}
    dated = json.loads(run("query", "--since", "2016", "--until", "2016", "--json").stdout)
    assert [r["source"][:3] for r in dated] == ["003"]
    claims = run("query", "--claims", "--json")
    assert claims.returncode == 0
    for record in json.loads(claims.stdout):
        assert record["end"] - record["start"] == len(record["text"])
    table = run("query", "--outlet", "inFOCUS")
    assert table.returncode == 0
    assert "1 of 5 articles" in table.stderr


@needs_parser
@needs_serialize
def test_export_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    result = run("export", "--to", "jsonl", "-o", str(out))
    assert result.returncode == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert result.stderr.splitlines() == [
        "sinoru-corpus: warning: --to is deprecated; use --format jsonl",
        f"sinoru-corpus: no paths given: reading the seed pages in {seeds}",
        f"wrote 5 articles to {out}",
    ]


@pytest.mark.skipif(not _ready("sinoru_corpus.io.schema"), reason="schema has not landed yet")
def test_schema_is_json() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert isinstance(json.loads(result.stdout), dict)


@needs_parser
@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is None, reason="needs sinoru-corpus[plot]")
@pytest.mark.parametrize(
    ("option", "name", "magic"), [("--timeline", "t.png", b"\x89PNG"), ("--heatmap", "h.svg", b"<?xml")]
)
def test_plot_writes_images(tmp_path: Path, option: str, name: str, magic: bytes) -> None:
    out = tmp_path / name
    result = run("plot", option, "-o", str(out))
    assert result.returncode == 0
    assert out.read_bytes().startswith(magic)


# ------------------------------------------------------------------ inputs and outputs


PAGE_A = (
    "Commentary | 8 May 2015\n\nTrade and trust\n\nBy Anna Petrova\n\nRussia and China met in Central Asia.\n"
)
PAGE_B = "Analysis | 3 June 2021\n\nArctic routes\n\nMoscow and Beijing talked about the Arctic.\n"


@pytest.fixture
def two_pages(tmp_path: Path) -> Path:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (folder / "b.txt").write_text(PAGE_B, encoding="utf-8")
    return folder


@needs_serialize
def test_query_on_an_export_finds_the_same_articles(two_pages: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.data"  # recognised by its content, not its suffix
    assert run("export", str(two_pages), "-o", str(export), "-q").returncode == 0
    on_pages = run("query", str(two_pages), "--format", "json", "-q")
    on_export = run("query", str(export), "--format", "json", "-q")
    assert on_pages.returncode == on_export.returncode == 0
    assert json.loads(on_export.stdout) == json.loads(on_pages.stdout)
    assert len(json.loads(on_pages.stdout)) == 2
    # jsonl output is whole articles: it can be read back again, also from stdin
    lines = run("query", str(export), "--format", "jsonl", "--region", "Central Asia", "-q").stdout
    assert len(lines.splitlines()) == 1
    again = run("query", "-", "--format", "json", "-q", stdin=lines)
    assert [r["title"] for r in json.loads(again.stdout)] == ["Trade and trust"]


@needs_serialize
def test_a_broken_export_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema_version": 1, "type": "Article", "text": 3}\n', encoding="utf-8")
    result = run("stats", str(bad))
    assert result.returncode == 1
    assert "not a valid sinoru_corpus JSONL export" in result.stderr


def test_a_page_on_stdin() -> None:
    result = run("parse", "-", "--format", "json", stdin=PAGE_B)
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert (doc["title"], doc["source"]) == ("Arctic routes", "-")
    assert run("parse", "-", "-", stdin=PAGE_B).returncode == 1  # stdin only once


@pytest.mark.parametrize("command", ["parse", "query", "stats", "export"])
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_one_format_option_across_commands(two_pages: Path, command: str, fmt: str) -> None:
    result = run(command, str(two_pages), "--format", fmt, "-q")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    if fmt == "json":
        json.loads(out)
    elif fmt == "jsonl":
        assert all(isinstance(json.loads(line), dict) for line in out.splitlines())
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows
        assert all(len(row) == len(rows[0]) for row in rows)
    else:
        assert out.strip()


def test_undecodable_file_names_give_valid_utf8_json(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX byte file names")
    folder = os.fsencode(tmp_path / "odd")
    os.mkdir(folder)
    name = os.path.join(folder, b"caf\xe9.txt")
    try:
        with open(name, "wb") as handle:
            handle.write(PAGE_A.encode("utf-8"))
    except OSError:
        pytest.skip("the file system refuses non-UTF-8 names")
    for fmt in ("json", "jsonl", "csv", "table"):
        result = subprocess.run(
            [sys.executable, "-m", "sinoru_corpus", "parse", str(tmp_path / "odd"), "--format", fmt],
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        text = result.stdout.decode("utf-8")  # never invalid UTF-8
        if fmt == "json":
            assert os.fsencode(json.loads(text)[0]["source"]).endswith(b"caf\xe9.txt")  # round-trips
        if fmt == "jsonl":
            assert json.loads(text)["source"].endswith("caf\udce9.txt")


def test_a_closed_stdout_is_an_error() -> None:
    code = (
        "import os, sys; os.close(1); sys.stdout = None; "
        "from sinoru_corpus.cli._command import main; sys.exit(main(['schema']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == "sinoru-corpus: error: [Errno 9] standard output is closed"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_failed_write_to_stdout_is_an_error() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "sinoru_corpus", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.startswith("sinoru-corpus: error: [Errno 28]")
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_is_an_error() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sinoru_corpus", "schema"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before the first write
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err.strip() == "sinoru-corpus: error: could not write the output: the reader closed the pipe"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_exits_130_with_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(400):
        (folder / f"p{index:03d}.txt").write_text(PAGE_A * 40, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sinoru_corpus", "stats", str(folder), "--workers", "2", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches it
    )
    time.sleep(2.0)  # let the workers start (not a timing assertion)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt arrived")
    assert proc.returncode == 130
    assert err == "sinoru-corpus: interrupted\n"
    assert out == ""


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is None, reason="needs sinoru-corpus[plot]")
def test_plot_takes_the_query_filters(two_pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    result = run("plot", str(two_pages), "--timeline", "--region", "Central Asia", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"wrote {out} (1 of 2 articles)"
    assert out.read_bytes().startswith(b"\x89PNG")


def test_progress_bar_shows_rate_and_eta() -> None:
    from sinoru_corpus.cli._command import _Bar

    stream = io.StringIO()
    bar = _Bar(stream, "parsing")
    bar.started -= 10.0  # as if ten seconds had passed
    bar(5, 10)
    line = stream.getvalue()
    assert line.startswith("\rparsing [############............] 5/10 ")
    assert " 0.5 files/s ETA 00:10" in line
    bar(10, 10)
    assert "10/10" in stream.getvalue()
    assert "ETA --:--" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\n")


def test_no_progress_bar_off_a_terminal(two_pages: Path) -> None:
    result = run("stats", str(two_pages))  # stderr is a pipe here
    assert result.returncode == 0
    assert "\r" not in result.stderr
    assert "files/s" not in result.stderr
