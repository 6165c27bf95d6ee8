"""The documentation stays true to the code."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys

import pytest

import sinoru_corpus
from conftest import ROOT


def test_api_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_api_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_public_name_resolves() -> None:
    for name in sinoru_corpus.__all__:
        assert getattr(sinoru_corpus, name) is not None, name


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        sinoru_corpus.nope  # noqa: B018


@pytest.mark.parametrize("page", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_docs_link_to_existing_pages(page: object) -> None:
    text = page.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    for target in re.findall(r"\]\(([\w\-]+\.md)\)", text):
        assert (ROOT / "docs" / target).is_file(), f"{page} links to missing {target}"


def test_readme_commands_are_the_ci_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && .venv/bin/python -m pytest' in readme
    assert "sinoru-corpus stats" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # CI runs the README's install with the venv's own pip (before upgrading it for the
    # dependency groups), so the README command is proven on an old pip too.
    install = ci.index('.venv/bin/pip install --quiet -e ".[test]"')
    assert install < ci.index("--upgrade"), "CI must run the README's install before upgrading pip"
    assert install < ci.index("--group dev")
    assert ".venv/bin/python -m pytest" in ci


def test_version_is_single_sourced() -> None:
    meta = importlib.metadata.version("sinoru-corpus")
    assert meta == sinoru_corpus.__version__
