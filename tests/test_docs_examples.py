"""Every example of the README and of docs/ runs, and prints what the page shows.

Python blocks with ``>>>`` run as doctests (ELLIPSIS and NORMALIZE_WHITESPACE);
other Python blocks are executed (and any ``test_*`` function they define is
called); console lines that run ``sinoru-corpus`` are run, with the output the
page shows (``$ `` blocks) compared. A block preceded by ``<!-- not-run: reason -->``
is not run (a real cluster, say). Each page runs top to bottom in one
temporary folder, as a reader would, with the README's ``page.txt`` and
``pages/`` made from the bundled sample pages.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import sinoru_corpus as sc
from conftest import ROOT

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
# A block that cannot run in CI (a real cluster, say) is preceded by this comment with a reason.
_NOT_RUN = re.compile(r"<!--\s*not-run:\s*(\S[^>]*?)\s*-->\s*\n\s*$")
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks(page: Path) -> list[tuple[str, str, int]]:
    """``(language, text, line number)`` of every fenced block of a Markdown page.

    A block right after ``<!-- not-run: reason -->`` gets the language ``not-run``.
    """
    text = page.read_text(encoding="utf-8")
    found = []
    for m in _FENCE.finditer(text):
        language = m.group(1)
        if _NOT_RUN.search(text, 0, m.start()):
            language = "not-run"
        found.append((language, m.group(2), text.count("\n", 0, m.start()) + 2))
    return found


def _command(line: str) -> str | None:
    """The shell command for a console line that runs sinoru-corpus, or None (setup lines)."""
    line = line.strip().removeprefix("$ ")
    if not line.startswith("sinoru-corpus"):
        return None
    line = re.sub(r"\s+#.*$", "", line)
    # every sinoru-corpus of a pipeline runs from this interpreter, not from whatever is on PATH
    return re.sub(
        r"(^|\|\s*)sinoru-corpus\b", lambda m: f'{m.group(1)}"{sys.executable}" -m sinoru_corpus', line
    )


def _console(block: str, where: str, cwd: Path) -> None:
    steps: list[tuple[str | None, list[str]]] = []
    prompted = any(line.startswith("$ ") for line in block.splitlines())
    for line in block.splitlines():
        if prompted and not line.startswith("$ "):
            if steps:
                steps[-1][1].append(line)  # the output shown for the command above
            continue
        steps.append((_command(line), []))
    checker = doctest.OutputChecker()
    for command, expected in steps:
        if command is None:
            continue  # a set-up line (venv, pip): CI runs those itself
        result = subprocess.run(
            command, shell=True, cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
        assert result.returncode == 0, f"{where}: {command}\n{result.stderr}"
        assert "Traceback" not in result.stderr, f"{where}: {command}\n{result.stderr}"
        want = "\n".join(expected).strip()
        if want:
            want_text = want.replace("<BLANKLINE>", "") + "\n"
            assert checker.check_output(want_text, result.stdout, _FLAGS), (
                f"{where}: {command}\nshown:\n{want}\nprinted:\n{result.stdout}"
            )


def _python(block: str, where: str, globs: dict[str, Any], lineno: int, name: str) -> None:
    if ">>>" in block:
        test = doctest.DocTestParser().get_doctest(block, globs, name, str(name), lineno)
        runner = doctest.DocTestRunner(optionflags=_FLAGS)
        output: list[str] = []
        runner.run(test, out=output.append, clear_globs=False)
        globs.update(test.globs)  # a DocTest runs in a copy: later blocks see these names
        assert runner.failures == 0, f"{where}:\n" + "".join(output)
        return
    code = compile(block, where, "exec")
    exec(code, globs)
    for key, value in list(globs.items()):
        if key.startswith("test_") and callable(value):
            value()  # a property test shown on the page: it must pass
            del globs[key]


def run_page(page: Path, cwd: Path) -> int:
    from sinoru_corpus.io.strategies import register_type_strategies

    # What the package's hypothesis entry point does in an installed package (tested on its own
    # in test_strategies.py and in the wheel's smoke test); a source tree on PYTHONPATH lacks it.
    register_type_strategies()
    globs: dict[str, Any] = {"__name__": "__docs__"}
    ran = 0
    old = Path.cwd()
    os.chdir(cwd)
    try:
        for language, text, lineno in blocks(page):
            where = f"{page.name}:{lineno}"
            if language == "python":
                _python(text, where, globs, lineno, page.name)
                ran += 1
            elif language == "console":
                _console(text, where, cwd)
                ran += 1
    finally:
        os.chdir(old)
    return ran


@pytest.fixture
def reader_folder(tmp_path: Path) -> Path:
    texts = sc.sample_texts()
    (tmp_path / "page.txt").write_text(texts["01_energy_ledger.txt"], encoding="utf-8")
    (tmp_path / "pages").mkdir()
    for name, text in texts.items():
        (tmp_path / "pages" / name).write_text(text, encoding="utf-8")
    return tmp_path


# The generated API pages are not examples; every other page's examples run.
_GENERATED = {"docs/api.md", "docs/reference.md"}
_PAGES = [
    "README.md",
    *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md") if f"docs/{p.name}" not in _GENERATED),
]
# Optional dependencies a page's examples import; the page is skipped, with a message, without them.
_NEEDS = {
    "README.md": ("matplotlib",),
    "docs/queries.md": ("matplotlib", "pandas", "pyarrow", "duckdb"),
    "docs/scale.md": ("pyarrow", "dask.distributed"),
}


def _example_count(page: Path) -> int:
    return sum(language in ("python", "console") for language, _, _ in blocks(page))


@pytest.mark.parametrize("name", [n for n in _PAGES if _example_count(ROOT / n)])
def test_page_examples_run_and_print_what_they_show(name: str, reader_folder: Path) -> None:
    for module in ("hypothesis", *_NEEDS.get(name, ())):
        pytest.importorskip(module, reason=f"{name} needs {module}")
    ran = run_page(ROOT / name, reader_folder)
    assert ran == _example_count(ROOT / name), f"{name}: {ran} example blocks ran"


def test_pages_with_examples_are_tested() -> None:
    # the README and the tutorial must stay in the run, whatever is globbed
    tested = [n for n in _PAGES if _example_count(ROOT / n)]
    assert {"README.md", "docs/tutorial.md", "docs/queries.md"} <= set(tested)


def test_a_not_run_block_is_skipped_and_others_still_fail(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- not-run: needs a cluster -->\n```python\nraise RuntimeError\n```\n"
        "```python\n>>> 1 + 1\n3\n```\n",
        encoding="utf-8",
    )
    assert [language for language, _, _ in blocks(page)] == ["not-run", "python"]
    with pytest.raises(AssertionError, match=r"page\.md:6"):
        run_page(page, tmp_path)


def test_a_wrong_shown_output_fails(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\n>>> 1 + 1\n3\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"page\.md:2"):
        run_page(page, tmp_path)
    page.write_text("```console\n$ sinoru-corpus schema\nnot this\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="shown:"):
        run_page(page, tmp_path)
