"""The command line, run as users run it: ``python -m sinoru_corpus`` in a subprocess."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sinoru_corpus import __version__
from sinoru_corpus.cli import main

COMMANDS = ("parse", "query", "stats", "plot", "export", "schema")


def _ready(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


needs_parser = pytest.mark.skipif(not _ready("sinoru_corpus.parse"), reason="parse has not landed yet")
needs_serialize = pytest.mark.skipif(not _ready("sinoru_corpus.serialize"), reason="serialize not landed")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "sinoru_corpus", *args],
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
        (("parse",), "the following arguments are required: FILE|DIR"),
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
    assert main(["query", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["stats", str(tmp_path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
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
    assert result.stderr.strip() == f"wrote 5 articles to {out}"


@pytest.mark.skipif(not _ready("sinoru_corpus.schema"), reason="schema has not landed yet")
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
