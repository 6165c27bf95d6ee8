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


def test_readme_links_are_absolute_for_pypi() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert links
    base = "https://github.com/sinoru-corpus/sinoru_corpus/blob/main/"
    for link in links:
        assert link.startswith("https://"), f"relative link {link!r} breaks on PyPI"
        if link.startswith(base):
            target = link.removeprefix(base).split("#")[0]
            assert (ROOT / target).exists(), f"README links to missing {target}"


def test_readme_promises_only_what_is_measured() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "10 MB/s" not in readme
    assert "benchmarks/bench_parse.py" in readme  # the figure comes from a command
    assert "pip install sinoru-corpus" not in readme  # not on PyPI until a release exists
    assert "from a clone" in readme


def test_docs_site_builds_in_strict_mode(tmp_path: object) -> None:
    pytest.importorskip("mkdocs", reason="the docs tools are in the dev group: pip install --group dev")
    pytest.importorskip("mkdocstrings", reason="the docs tools are in the dev group: pip install --group dev")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_every_docs_page_is_in_the_site_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    optional = (ROOT / "scripts" / "mkdocs_hooks.py").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f": {page.name}" in config or f'"{page.name}"' in optional, f"{page.name} is not in the nav"


def test_release_workflow_uses_trusted_publishing() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "id-token: write" in workflow
    assert "pypa/gh-action-pypi-publish" in workflow
    assert "password" not in workflow  # no API token: PyPI trusts the workflow itself
    assert "RELEASING.md" in (ROOT / "README.md").read_text(encoding="utf-8")
