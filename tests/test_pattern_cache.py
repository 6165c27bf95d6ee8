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


def test_the_suite_caches_patterns_in_a_temporary_folder() -> None:
    folder = cache_dir()
    assert folder is not None
    assert Path(tempfile.gettempdir()) in folder.resolve().parents
    assert Path.home() / ".cache" not in folder.resolve().parents


def test_a_built_pattern_is_stored_with_its_text_and_read_back_without_building(cache: Path) -> None:
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return _PATTERN

    text = "w00001x tail w00002x w01199x nope"
    first = _pattern_cache.compile_built("test recipe 1", build, re.IGNORECASE)
    assert calls == [1]
    assert len(list(cache.glob("built-*.bin"))) == 1
    second = _pattern_cache.compile_built("test recipe 1", build, re.IGNORECASE)
    assert calls == [1]  # the text and the program came from the file
    _same(first, re.compile(_PATTERN, re.IGNORECASE), text)
    _same(second, re.compile(_PATTERN, re.IGNORECASE), text)
    other = _pattern_cache.compile_built("test recipe 2", lambda: r"\bw00002x\b")
    assert other.pattern == r"\bw00002x\b"  # another recipe, another entry


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b.replace(b"w00001x", b"w00001y", 1),  # the stored pattern text altered
        lambda b: b.replace(b'"text_bytes": ', b'"text_bytes": 1', 1),  # a wrong text length
    ],
)
def test_a_damaged_built_pattern_is_built_again(cache: Path, damage: object) -> None:
    _pattern_cache.compile_built("test recipe", lambda: _PATTERN)
    (path,) = cache.glob("built-*.bin")
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return _PATTERN

    again = _pattern_cache.compile_built("test recipe", build)
    assert calls == [1]
    _same(again, re.compile(_PATTERN), "w00001x w00007x tail")


def test_the_gazetteer_matcher_is_cached_and_reused(cache: Path) -> None:
    from sinoru_corpus.entities.gazetteer import load_gazetteer
    from sinoru_corpus.entities.gazetteer._matcher import Matcher

    surfaces = load_gazetteer().surfaces
    built = Matcher(surfaces)
    files = sorted(cache.glob("built-*.bin"))
    assert len(files) == 3  # the capitalised, the delimited and the bare lowercase pattern
    stamps = [f.stat().st_mtime_ns for f in files]
    with mock.patch("sinoru_corpus.entities.gazetteer._matcher._patterns", side_effect=AssertionError):
        read = Matcher(surfaces)  # would fail if it emitted the patterns again
    assert [f.stat().st_mtime_ns for f in files] == stamps
    text = "Officials in Moscow and Beijing met the Shanghai Cooperation Organisation."
    assert [r.pattern for r in read._regexes] == [r.pattern for r in built._regexes]
    hits = read.scan(text, 0, len(text), lambda w: False)
    assert hits == built.scan(text, 0, len(text), lambda w: False)
    assert len(hits) >= 2


def test_built_data_is_kept_as_json_and_a_damaged_file_is_built_again(cache: Path) -> None:
    calls: list[int] = []
    value = {"a": {"": [0, 2]}, " b": {}}

    def build() -> object:
        calls.append(1)
        return value

    assert _pattern_cache.load_built_data("test data", build) == value
    assert _pattern_cache.load_built_data("test data", build) == value
    assert calls == [1]  # the second came from the file
    (path,) = cache.glob("data-*.json")
    path.write_bytes(path.read_bytes().replace(b"[0,2]", b"[0,3]"))  # fails the checksum
    assert _pattern_cache.load_built_data("test data", build) == value
    assert calls == [1, 1]


def test_the_matcher_rebuilds_a_trie_of_the_wrong_shape(cache: Path) -> None:
    from sinoru_corpus.entities.gazetteer import load_gazetteer
    from sinoru_corpus.entities.gazetteer._matcher import Matcher

    surfaces = load_gazetteer().surfaces
    built = Matcher(surfaces)
    text = "Officials in Moscow and Beijing met the Shanghai Cooperation Organisation."
    expected = built.scan(text, 0, len(text), lambda w: False)
    bad = [{"moscow": {"": [len(surfaces)]}}, {"moscow": 3}, ["not", "a", "trie"]]
    for value in bad:  # a file rewritten with a valid checksum but a wrong shape
        with mock.patch("sinoru_corpus.entities.gazetteer._matcher.load_built_data", return_value=value):
            again = Matcher(surfaces)
        assert again.scan(text, 0, len(text), lambda w: False) == expected


def test_a_matcher_whose_source_cannot_be_read_still_matches_the_same(cache: Path) -> None:
    from sinoru_corpus.entities.gazetteer import load_gazetteer
    from sinoru_corpus.entities.gazetteer._matcher import Matcher

    surfaces = load_gazetteer().surfaces
    text = "Officials in Moscow and Beijing met the Shanghai Cooperation Organisation."
    expected = Matcher(surfaces).scan(text, 0, len(text), lambda w: False)
    with mock.patch("sinoru_corpus.entities.gazetteer._matcher.source_digest", return_value=None):
        unread = Matcher(surfaces)
    assert unread.scan(text, 0, len(text), lambda w: False) == expected
