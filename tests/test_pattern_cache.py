"""The on-disk cache of compiled patterns: the same matches, and any bad file only costs the cache."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_corpus import _pattern_cache
from sinoru_corpus._pattern_cache import cache_dir, compile_cached

# a large pattern of many alternatives, with a named group and a flag, written for this test
_WORDS = [f"w{i:05d}x" for i in range(1200)]
_PATTERN = r"(?P<head>\b(?:" + "|".join(_WORDS) + r"))\b(?:\s+tail)?"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SINORU_CORPUS_CACHE", str(tmp_path))
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str], text: str) -> None:
    assert a.pattern == b.pattern
    assert a.flags == b.flags
    assert a.groupindex == b.groupindex
    assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
    assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]


def test_a_cached_pattern_matches_as_the_compiled_one(cache: Path) -> None:
    text = "W00001X w00001x TAIL w00002x tail nope w01199x w12000x"
    plain = re.compile(_PATTERN, re.IGNORECASE)
    first = compile_cached(_PATTERN, re.IGNORECASE)  # compiles and writes the file
    assert len(list(cache.glob("pattern-*.bin"))) == 1
    second = compile_cached(_PATTERN, re.IGNORECASE)  # reads the file
    _same(first, plain, text)
    _same(second, plain, text)
    assert second.search(text) is not None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS[:20], " ", "tail", "x", "W00003X", "\n"]), max_size=40).map("".join))
def test_cached_and_plain_patterns_agree_on_any_text(text: str) -> None:
    plain = re.compile(_PATTERN)
    with (
        tempfile.TemporaryDirectory() as folder,
        mock.patch.dict(os.environ, {"SINORU_CORPUS_CACHE": folder}),
    ):
        for _ in range(2):  # compiled and stored, then read back
            cached = compile_cached(_PATTERN)
            assert [m.span() for m in cached.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"not json\n" + b,  # no header
        lambda b: b.replace(b'"key": "', b'"key": "0', 1),  # another key
        lambda b: b.split(b"\n", 1)[0] + b"\n" + bytes(len(b.split(b"\n", 1)[1])),  # a zeroed program
    ],
)
def test_a_damaged_file_falls_back_to_compiling(cache: Path, damage: object) -> None:
    compile_cached(_PATTERN)
    (path,) = cache.glob("pattern-*.bin")
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    again = compile_cached(_PATTERN)
    _same(again, re.compile(_PATTERN), "w00007x tail w00008x")
    _same(compile_cached(_PATTERN), re.compile(_PATTERN), "w00007x tail")  # the file was rewritten


def test_the_cache_can_be_turned_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SINORU_CORPUS_CACHE", "")
    assert cache_dir() is None
    _same(compile_cached(_PATTERN), re.compile(_PATTERN), "w00009x")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("SINORU_CORPUS_CACHE", str(blocker / "sub"))
    _same(compile_cached(_PATTERN), re.compile(_PATTERN), "w00009x")


def test_small_patterns_are_not_cached(cache: Path) -> None:
    compile_cached(r"\bsmall\b")
    assert not list(cache.glob("*"))
    assert len(_PATTERN) >= _pattern_cache._MIN_CHARS
