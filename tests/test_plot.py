"""Plots: PNG and SVG files from Python, deterministic SVG, clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from _corpus_builder import sample_articles
from sinoru_corpus.corpus._collection import Corpus
from sinoru_corpus.model import Precision

CORPUS = Corpus(sample_articles())


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from sinoru_corpus.corpus import plot

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install 'sinoru-corpus\[plot\]'"):
        plot.plot_timeline(CORPUS, tmp_path / "t.png")


def test_unknown_suffix_is_refused_before_drawing(tmp_path: Path) -> None:
    from sinoru_corpus.corpus.plot import plot_heatmap

    with pytest.raises(ValueError, match=r"'.*t\.jpeg': use a \.png or \.svg file name"):
        plot_heatmap(CORPUS, tmp_path / "t.jpeg")
    assert not (tmp_path / "t.jpeg").exists()


@pytest.mark.parametrize("name", ["timeline.png", "timeline.SVG"])
def test_timeline_files(tmp_path: Path, name: str) -> None:
    pytest.importorskip("matplotlib")
    from sinoru_corpus.corpus.plot import plot_timeline

    out = tmp_path / name
    fig = plot_timeline(CORPUS, out)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG" if name.endswith("png") else b"<?xml")
    articles_ax, claims_ax = fig.axes[:2]
    # one bar per period, as wide as its precision (the year 2016 spans 366 days), except that
    # a day is drawn as a mark of a visible width with a dot on top
    widths = sorted(round(p.get_width()) for p in articles_ax.patches)
    assert widths[1:] == [30, 91, 366]
    assert widths[0] > 1
    dots = [line for line in articles_ax.lines if line.get_marker() == "o"]
    assert len(dots) == 1
    assert len(claims_ax.patches) == 3
    assert fig._suptitle.get_text() == "Articles and claims over time (2 undated not shown)"


def test_timeline_at_a_coarser_granularity() -> None:
    pytest.importorskip("matplotlib")
    from sinoru_corpus.corpus.plot import plot_timeline

    fig = plot_timeline(CORPUS, granularity=Precision.YEAR)
    assert sorted(p.get_height() for p in fig.axes[0].patches) == [1, 3]


def test_heatmap_file_and_cells(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from sinoru_corpus.corpus.plot import plot_heatmap

    out = tmp_path / "heat.png"
    fig = plot_heatmap(CORPUS, out, top=3)
    assert out.read_bytes().startswith(b"\x89PNG")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Almaty", "Central Asia", "China"]
    assert [t.get_text() for t in ax.texts] == ["1", "1"]  # Almaty x Carnegie, China x NATO


def test_svg_output_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from sinoru_corpus.corpus.plot import plot_heatmap

    plot_heatmap(CORPUS, tmp_path / "a.svg")
    plot_heatmap(CORPUS, tmp_path / "b.svg")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_empty_corpus_still_draws(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from sinoru_corpus.corpus.plot import plot_heatmap, plot_timeline

    plot_timeline(Corpus(), tmp_path / "t.png")
    plot_heatmap(Corpus(), tmp_path / "h.png")
    assert (tmp_path / "t.png").stat().st_size > 0
    assert (tmp_path / "h.png").stat().st_size > 0


def _day(year: int, month: int, day: int, claims: int = 1) -> object:
    from sinoru_corpus import parse_article

    said = " ".join("Analysts said that trade grew." for _ in range(claims))
    return parse_article(f"Commentary | {day} May {year}\n\nA title\n\n{said}\n")


def test_day_dates_stay_visible_on_a_long_axis(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from sinoru_corpus.corpus.plot import plot_timeline

    corpus = Corpus([_day(2014, 5, 8), _day(2023, 5, 9)])  # two days nine years apart
    fig = plot_timeline(corpus, tmp_path / "t.png")
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    for patch in ax.patches:
        assert patch.get_width() / (high - low) >= 0.005  # at least half a percent of the axis
    assert len([line for line in ax.lines if line.get_marker() == "o"]) == 2
    for axis in fig.axes[:2]:
        ticks = [t for t in axis.get_yticks() if axis.get_ylim()[0] <= t <= axis.get_ylim()[1]]
        assert all(float(t).is_integer() for t in ticks)


def test_heatmap_colour_bar_has_whole_number_ticks(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from sinoru_corpus.corpus.plot import plot_heatmap

    fig = plot_heatmap(CORPUS, tmp_path / "h.png")
    colour_bar = fig.axes[1]
    ticks = [t for t in colour_bar.get_yticks() if colour_bar.get_ylim()[0] <= t <= colour_bar.get_ylim()[1]]
    assert ticks
    assert all(float(t).is_integer() for t in ticks)
