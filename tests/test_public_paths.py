"""Every documented public import path keeps working (docs/reference.md, docs/architecture.md).

The package is laid out by stage (text/, page/, dates/, entities/, claims/, corpus/, io/, cli/);
the short public paths below are what users import and must not break.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import sinoru_corpus

# public module -> the module whose names it re-exports (itself when it is the code's home)
PUBLIC_MODULES = {
    "sinoru_corpus.aggregate": "sinoru_corpus.corpus.aggregate",
    "sinoru_corpus.arrow": "sinoru_corpus.corpus.arrow",
    "sinoru_corpus.cli": "sinoru_corpus.cli._command",
    "sinoru_corpus.corpus": "sinoru_corpus.corpus._collection",
    "sinoru_corpus.dask": "sinoru_corpus.corpus.dask",
    "sinoru_corpus.errors": "sinoru_corpus.errors",
    "sinoru_corpus.index": "sinoru_corpus.corpus.index",
    "sinoru_corpus.model": "sinoru_corpus.model",
    "sinoru_corpus.parse": "sinoru_corpus.parse",
    "sinoru_corpus.plot": "sinoru_corpus.corpus.plot",
    "sinoru_corpus.query": "sinoru_corpus.corpus.query",
    "sinoru_corpus.reader": "sinoru_corpus.text.reader",
    "sinoru_corpus.records": "sinoru_corpus.corpus.records",
    "sinoru_corpus.schema": "sinoru_corpus.io.schema",
    "sinoru_corpus.seeds": "sinoru_corpus.seeds",
    "sinoru_corpus.serialize": "sinoru_corpus.io.serialize",
    "sinoru_corpus.strategies": "sinoru_corpus.io.strategies",
    "sinoru_corpus.stream": "sinoru_corpus.corpus.stream",
}

OPTIONAL = {"sinoru_corpus.strategies": "hypothesis", "sinoru_corpus.io.strategies": "hypothesis"}


@pytest.mark.parametrize("name", sorted(PUBLIC_MODULES))
def test_public_module_exports_every_public_name_of_its_home(name: str) -> None:
    if name in OPTIONAL:
        pytest.importorskip(OPTIONAL[name])
    public = importlib.import_module(name)
    home = importlib.import_module(PUBLIC_MODULES[name])
    assert public.__all__, name
    assert set(home.__all__) <= set(public.__all__), name
    for attr in home.__all__:
        assert getattr(public, attr) is getattr(home, attr), f"{name}.{attr}"


@pytest.mark.parametrize("name", sorted(sinoru_corpus.__all__))
def test_top_level_names_resolve(name: str) -> None:
    assert getattr(sinoru_corpus, name) is not None


def test_top_level_names_are_the_stage_objects() -> None:
    from sinoru_corpus.corpus import Corpus, LoadError, load_corpus
    from sinoru_corpus.io.serialize import to_json
    from sinoru_corpus.text.reader import read_article

    assert sinoru_corpus.Corpus is Corpus
    assert sinoru_corpus.LoadError is LoadError
    assert sinoru_corpus.load_corpus is load_corpus
    assert sinoru_corpus.to_json is to_json
    assert sinoru_corpus.read_article is read_article


def test_stage_packages_declare_their_public_names() -> None:
    for stage in ("text", "page", "dates", "entities", "claims", "corpus", "io", "cli"):
        module = importlib.import_module(f"sinoru_corpus.{stage}")
        assert module.__doc__, stage
        assert "Owns:" in module.__doc__, stage
        for attr in module.__all__:
            assert not attr.startswith("_"), f"{stage}.{attr}"
            assert getattr(module, attr) is not None, f"{stage}.{attr}"


def test_console_script_entry_point_resolves() -> None:
    from importlib.metadata import entry_points

    scripts = {ep.name: ep for ep in entry_points(group="console_scripts")}
    if "sinoru-corpus" not in scripts:
        pytest.skip("the package is not installed (no entry points): pip install -e .")
    from sinoru_corpus.cli import main

    assert scripts["sinoru-corpus"].load() is main


def test_hypothesis_entry_point_resolves() -> None:
    pytest.importorskip("hypothesis")
    from importlib.metadata import entry_points

    hooks = [ep for ep in entry_points(group="hypothesis") if ep.name == "sinoru_corpus"]
    if not hooks:
        pytest.skip("the package is not installed (no entry points): pip install -e .")
    assert callable(hooks[0].load())


def test_python_dash_m_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sinoru_corpus", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "sinoru-corpus" in result.stdout
