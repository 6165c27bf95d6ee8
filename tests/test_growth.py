"""Growth: parse time must grow linearly with the input, on every shape of input.

For each generator of ``_growth_cases.py`` (the slow corners named in issue 14
and a catalogue of others), the CPU time of ``parse_article`` on ``4n``
characters over its time on ``n`` must stay under 6 (linear gives about 4, a
quadratic corner 16), at n = 10,000 and n = 40,000 characters, medians of 5
runs. Only ratios are asserted; absolute times are printed by
``benchmarks/bench_growth.py``.
"""

from __future__ import annotations

import pytest

from _growth_cases import CASES, growth_ratio
from sinoru_corpus import parse_article

LIMIT = 6.0
SIZES = (10_000, 40_000)


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    parse_article("Warm up: the gazetteer and the data files load once. Russia said so.")


def _cases() -> list[object]:
    params: list[object] = []
    for name in CASES:
        params.extend(pytest.param(name, n, id=f"{name}-{n}") for n in SIZES)
    return params


@pytest.mark.parametrize(("name", "n"), _cases())
def test_parse_time_grows_linearly(name: str, n: int) -> None:
    small, large, ratio = growth_ratio(parse_article, CASES[name], n)
    if ratio >= LIMIT:
        # A busy machine (CI shares its cores) can stretch one measurement; a real
        # quadratic corner gives about 16 every time, so one second measurement decides.
        small, large, ratio = growth_ratio(parse_article, CASES[name], n)
    assert ratio < LIMIT, f"{name}: t({4 * n})/t({n}) = {large:.3f}/{small:.3f} s = {ratio:.1f}"


def test_every_generator_gives_the_size_asked() -> None:
    from _growth_cases import page

    overhead = len(page(""))
    for name, make in CASES.items():
        assert len(make(10_000)) in (10_000, 10_000 + overhead), name


def test_the_ratio_can_fail() -> None:
    """A quadratic function fails the same check (the test is not vacuous)."""

    def quadratic(text: str) -> int:
        return sum(1 for i in range(0, len(text), 8) for j in range(0, len(text), 8) if i == j)

    _small, _large, ratio = growth_ratio(quadratic, lambda n: "x" * n, 2_000, repeat=3)
    assert ratio > LIMIT
