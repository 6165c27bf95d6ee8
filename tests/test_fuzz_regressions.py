"""What fuzzing found (scripts/fuzz.py, docs/reliability.md), kept as tests; and the fuzz command itself."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT
from sinoru_corpus import from_json, parse_article, parse_bytes, to_json
from sinoru_corpus.errors import BinaryInputError

FUZZ = ROOT / "scripts" / "fuzz.py"


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sinoru_fuzz_script", FUZZ)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _oracle(data: bytes) -> None:
    """The fuzzer's oracle on one input: raise on anything it would report."""
    fuzz = _fuzz_module()
    try:
        article = parse_bytes(data, source="fuzz.txt")
    except BinaryInputError:
        return
    fuzz.check_spans(article)
    dumped = to_json(article)
    assert from_json(dumped) == article
    assert to_json(from_json(dumped)) == dumped
    assert parse_bytes(data, source="fuzz.txt") == article


@pytest.mark.parametrize("text", [">", "x\n>", "/"])
def test_a_line_of_one_breadcrumb_separator(text: str) -> None:
    """Atheris, run 1: a line holding one separator made layout._breadcrumb index past its tokens
    (IndexError, caught by the metadata fallback for users)."""
    _oracle(text.encode())


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n\n\n",
        b"\xef\xbb\xbf",
        b"\xff\xfe",  # a UTF-16 BOM and nothing else
        b"\xff\xfeA\x00",
        b'By \n(\n"',
        b"Commentary | 8 May 2015\n\nA title\n\nBody text. Experts say Moscow and Beijing agree.\n",
        "\u2028\u2029\x85 Russia\u00a0said".encode(),
        b"\xe2\x80",  # a truncated UTF-8 sequence
    ],
)
def test_oracle_holds_on_edge_inputs(data: bytes) -> None:
    _oracle(data)


def test_the_documented_fuzz_command_runs(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [
            sys.executable,
            str(FUZZ),
            "hypothesis",
            "--examples",
            "15",
            "--seed",
            "1",
            "--findings",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "executions: 15 in " in result.stderr
    assert "distinct findings: 0" in result.stderr
    assert not any(tmp_path.iterdir())


def test_the_oracle_catches_a_bad_span() -> None:
    import attrs

    from sinoru_corpus.model import Mention

    article = parse_article("Russia and China met.\n")
    mention = article.mentions[0]
    broken = attrs.evolve(
        article, mentions=(Mention(mention.surface, mention.start + 1, mention.end + 1, mention.entity),)
    )
    with pytest.raises(AssertionError, match=r"mentions\[0\]"):
        _fuzz_module().check_spans(broken)
