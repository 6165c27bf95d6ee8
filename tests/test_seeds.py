"""Seed pages (a checkout's seeds/, never packaged) and the sample pages bundled with the package."""

from __future__ import annotations

from pathlib import Path

import pytest

import sinoru_corpus as sc
from conftest import ROOT
from sinoru_corpus import seeds


def test_load_seeds_reads_the_checkout() -> None:
    corpus = sc.load_seeds()
    assert len(corpus) == 5
    assert sorted(a.source or "" for a in corpus) == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


def test_load_seeds_reads_a_given_folder(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Commentary | 8 May 2015\n\nA title\n\nBody text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Another title\n\nMore body text.", encoding="utf-8")
    assert sc.seed_names(tmp_path) == ("a.txt", "b.txt")
    corpus = sc.load_seeds(tmp_path)
    assert [a.source for a in corpus] == ["a.txt", "b.txt"]


def test_no_seeds_is_a_documented_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(sc.SeedsNotFoundError, match="load_samples"):
        sc.load_seeds(tmp_path)  # an empty folder
    with pytest.raises(FileNotFoundError):  # also a FileNotFoundError, for generic handlers
        sc.load_seeds(tmp_path / "missing")
    # an installed wheel: no seeds/ beside the package
    monkeypatch.setattr(seeds, "_checkout_seeds", lambda: tmp_path / "nowhere")
    with pytest.raises(sc.SeedsNotFoundError, match="not part of the installed package"):
        sc.load_seeds()
    what, corpus = seeds.default_pages()
    assert "sample pages" in what
    assert len(corpus) == len(sc.sample_names())


def test_the_samples_parse_into_full_articles() -> None:
    corpus = sc.load_samples()
    assert len(corpus) == len(sc.sample_names()) >= 3
    for article in corpus:
        assert article.title, article.source
        assert article.published is not None, article.source
        assert article.claims, article.source
        assert article.citations, article.source
        assert {"Russia", "China"} <= {r.name for r in article.regions}, article.source
    assert sum(len(a.authors) for a in corpus) >= 2


def test_the_samples_are_not_seed_text() -> None:
    """The bundled pages are the project's own: no sentence of a seed page appears in them."""
    seed_sentences = {
        sentence.strip()
        for text in sc.seed_texts().values()
        for sentence in text.replace("\n", ". ").split(". ")
        if len(sentence.strip()) > 40
    }
    for name, text in sc.sample_texts().items():
        assert "written for the sinoru_corpus documentation" in text, name
        for sentence in seed_sentences:
            assert sentence not in text, (name, sentence)
