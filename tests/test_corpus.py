"""Corpus as a collection, load_corpus (serial and parallel), JSONL, and seed-level answers."""

from __future__ import annotations

import importlib.util
import os
import pickle
from pathlib import Path

import pytest

from _corpus_builder import sample_articles
from sinoru_corpus.corpus import query as q
from sinoru_corpus.corpus._collection import Corpus, LoadError, load_corpus
from sinoru_corpus.corpus._loader import find_files

ARTICLES = sample_articles()


def _parser_ready() -> bool:
    try:
        importlib.import_module("sinoru_corpus.parse")
    except ImportError:
        return False
    return True


needs_parser = pytest.mark.skipif(not _parser_ready(), reason="sinoru_corpus.parse has not landed yet")


# ------------------------------------------------------------------ the collection


def test_collection_protocol() -> None:
    corpus = Corpus(ARTICLES)
    assert len(corpus) == 6
    assert list(corpus) == list(ARTICLES)
    assert corpus[1] is ARTICLES[1]
    assert corpus[-1] is ARTICLES[5]
    assert isinstance(corpus[1:3], Corpus)
    assert list(corpus[1:3]) == list(ARTICLES[1:3])
    assert ARTICLES[2] in corpus
    assert ARTICLES[2].id in corpus
    assert "nope" not in corpus
    assert corpus.by_id(ARTICLES[3].id) is ARTICLES[3]
    assert corpus.articles == ARTICLES
    assert repr(corpus) == "<Corpus: 6 articles, 0 errors>"


def test_by_id_missing_says_which() -> None:
    with pytest.raises(KeyError, match="no article with id 'zzz'"):
        Corpus(ARTICLES).by_id("zzz")


def test_empty_corpus() -> None:
    corpus = Corpus()
    assert len(corpus) == 0
    assert corpus.filter(q.outlet("x")) == corpus
    assert corpus.timeline() == ()
    assert corpus.count_by("region") == ()


def test_equality_pickling_and_immutability() -> None:
    errors = (LoadError("x.bin", "binary file (NUL byte at offset 3)"),)
    corpus = Corpus(iter(ARTICLES), errors=errors)
    assert corpus == Corpus(ARTICLES, errors=errors)
    assert corpus != Corpus(ARTICLES)
    assert pickle.loads(pickle.dumps(corpus)) == corpus
    with pytest.raises(TypeError):
        hash(corpus)
    with pytest.raises(AttributeError):
        corpus.articles = ()  # type: ignore[misc]
    with pytest.raises(TypeError, match="holds Articles, got str"):
        Corpus(["not an article"])  # type: ignore[list-item]


def test_filter_returns_a_corpus_keeping_errors() -> None:
    errors = (LoadError("x.bin", "binary file"),)
    corpus = Corpus(ARTICLES, errors=errors)
    result = corpus.filter(q.outlet("inFOCUS"))
    assert isinstance(result, Corpus)
    assert list(result) == [ARTICLES[1]]
    assert result.errors == errors
    assert str(errors[0]) == "x.bin: binary file"


# ------------------------------------------------------------------ loading


def _write_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "b.txt").write_text("Commentary | 8 May 2015\n\nSecond page\n\nMoscow and Beijing met.\n")
    (root / "a.txt").write_text("A first page\n\nRussia and China talked about Kazakhstan.\n")
    (root / "sub" / "c.txt").write_text("A third page\n\nThe SCO met in Astana.\n")
    (root / "sub" / "deeper" / "d.txt").write_text("Deep page\n\nNothing happened.\n")
    (root / "notes.md").write_text("not a page by the default pattern\n")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "empty.txt").write_bytes(b"")
    (root / "crlf_bom.txt").write_bytes(b"\xef\xbb\xbfA CRLF page\r\n\r\nRussia and China.\r\n")
    (root / "latin1.txt").write_bytes(b"Caf\xe9 page\n\nR\xe9sum\xe9 of Russia.\n")
    os.symlink(root / "missing-target.txt", root / "sub" / "broken.txt")


def test_find_files_walks_sorted_and_filters_by_pattern(tmp_path: Path) -> None:
    _write_tree(tmp_path)
    names = [os.path.relpath(p, tmp_path) for p in find_files(tmp_path)]
    assert names == [
        "a.txt",
        "b.txt",
        "binary.txt",
        "crlf_bom.txt",
        "empty.txt",
        "latin1.txt",
        os.path.join("sub", "broken.txt"),
        os.path.join("sub", "c.txt"),
        os.path.join("sub", "deeper", "d.txt"),
    ]
    assert [os.path.relpath(p, tmp_path) for p in find_files(tmp_path, "*.md")] == ["notes.md"]
    assert find_files([tmp_path / "notes.md", tmp_path / "x"]) == [
        str(tmp_path / "notes.md"),
        str(tmp_path / "x"),
    ]


def test_find_files_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        find_files(tmp_path / "absent")


def test_load_corpus_rejects_bad_workers(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="positive int"):
        load_corpus(tmp_path, workers=0)


@needs_parser
def test_load_corpus_reports_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    _write_tree(tmp_path)
    calls: list[tuple[int, int]] = []
    corpus = load_corpus(tmp_path, progress=lambda done, total: calls.append((done, total)))
    # sources are relative to the folder given, with "/" between names
    assert [a.source for a in corpus] == [
        "a.txt",
        "b.txt",
        "crlf_bom.txt",
        "empty.txt",
        "latin1.txt",
        "sub/c.txt",
        "sub/deeper/d.txt",
    ]
    reasons = {os.path.relpath(e.path, tmp_path): e.reason.split(" (")[0] for e in corpus.errors}
    assert reasons == {
        "binary.txt": "binary file",
        "latin1.txt": "undecodable bytes replaced",
        os.path.join("sub", "broken.txt"): "unreadable",
    }
    latin1 = next(e for e in corpus.errors if e.path.endswith("latin1.txt"))
    assert latin1.article_id == corpus[4].id
    assert calls == [(i, 9) for i in range(10)]
    crlf = corpus[2]
    assert "\r" not in crlf.text
    assert not crlf.text.startswith("\ufeff")


@needs_parser
def test_parallel_load_equals_serial_load(tmp_path: Path) -> None:
    _write_tree(tmp_path)
    for i in range(20):
        (tmp_path / "sub" / f"extra{i:02d}.txt").write_text(f"Page {i}\n\nRussia and China, take {i}.\n")
    serial = load_corpus(tmp_path)
    calls: list[tuple[int, int]] = []
    parallel = load_corpus(tmp_path, workers=2, progress=lambda d, t: calls.append((d, t)))
    assert parallel == serial
    assert [a.id for a in parallel] == [a.id for a in serial]
    assert calls[0] == (0, 29)
    assert calls[-1] == (29, 29)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@needs_parser
def test_load_a_list_of_files_reports_missing_ones(tmp_path: Path) -> None:
    _write_tree(tmp_path)
    corpus = load_corpus([tmp_path / "a.txt", tmp_path / "gone.txt", tmp_path / "sub"])
    assert [a.source for a in corpus] == ["a.txt", "c.txt", "deeper/d.txt"]
    assert [(Path(e.path).name, e.reason.split(" (")[0]) for e in corpus.errors] == [
        ("gone.txt", "unreadable"),
        ("broken.txt", "unreadable"),
    ]


@needs_parser
def test_load_a_single_file(tmp_path: Path) -> None:
    _write_tree(tmp_path)
    corpus = load_corpus(tmp_path / "notes.md")
    assert len(corpus) == 1
    assert corpus.errors == ()


# ------------------------------------------------------------------ JSONL


def test_jsonl_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("sinoru_corpus.io.serialize")
    corpus = Corpus(ARTICLES)
    path = tmp_path / "corpus.jsonl"
    assert corpus.to_jsonl(path) == 6
    assert len(path.read_text(encoding="utf-8").splitlines()) == 6
    assert Corpus.from_jsonl(path) == corpus


# ------------------------------------------------------------------ the seeds


@needs_parser
def test_seed_outlets_and_regions() -> None:
    from sinoru_corpus.seeds import load_seeds

    seeds = load_seeds()
    assert len(seeds) == 5
    outlets = dict(seeds.count_by("outlet"))
    for outlet in ("Re:Russia", "China Brief", "European Leadership Network", "inFOCUS"):
        assert outlets.get(outlet) == 1, outlet
    central = {(a.source or "")[:3] for a in seeds.filter(q.region("Central Asia"))}
    assert central >= {"000", "002", "003"}
    assert [a.source[:3] for a in seeds.filter(q.published(within="2016")) if a.source] == ["003"]
    assert [a.source[:3] for a in seeds.filter(q.published(overlaps="2016-10")) if a.source] == ["003"]
