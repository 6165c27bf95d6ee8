"""Pictures of a corpus (needs the ``plot`` extra: ``pip install 'sinoru-corpus[plot]'``).

``plot_timeline`` draws articles and claims per period, each period as wide
as its date's precision (a year-only date spans the year, never a January
spike); ``plot_heatmap`` draws the region × institution co-occurrence.
Both write PNG or SVG, chosen by the file's suffix, and return the Figure.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model import Article, Precision
from . import aggregate

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "plot_heatmap", "plot_timeline"]

FORMATS = ("png", "svg")
_COLOURS = {
    Precision.YEAR: "tab:blue",
    Precision.SEASON: "tab:orange",
    Precision.MONTH: "tab:green",
    Precision.DAY: "tab:red",
}
_WHATS: tuple[aggregate.What, ...] = ("articles", "claims")
_MIN_MARK = 0.006  # the narrowest mark, as a share of the time axis
_HINT = "plotting needs matplotlib: pip install 'sinoru-corpus[plot]'"


def _pyplot() -> Any:
    try:
        matplotlib = importlib.import_module("matplotlib")
    except ImportError as exc:
        raise ImportError(_HINT) from exc
    matplotlib.use("Agg", force=False)  # files only: never needs a display
    return importlib.import_module("matplotlib.pyplot")


def _format(dest: str | os.PathLike[str]) -> str:
    suffix = os.path.splitext(os.fspath(dest))[1].lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the image format of {os.fspath(dest)!r}: use a .png or .svg file name")
    return suffix


def _save(fig: Figure, dest: str | os.PathLike[str] | None, plt: Any) -> Figure:
    if dest is not None:
        # a fixed date keeps SVG/PNG output byte-identical between runs
        with plt.rc_context({"svg.hashsalt": "sinoru-corpus"}):
            fig.savefig(dest, format=_format(dest), metadata=_metadata(_format(dest)), bbox_inches="tight")
        plt.close(fig)
    return fig


def _metadata(fmt: str) -> dict[str, Any]:
    return {"Date": None} if fmt == "svg" else {}


def plot_timeline(
    articles: Iterable[Article],
    dest: str | os.PathLike[str] | None = None,
    *,
    granularity: Precision | None = None,
    title: str = "Articles and claims over time",
) -> Figure:
    """Two stacked bar charts (articles, claims) over publication periods.

    Each bar spans its period (a day, a month, a season or a year), so dates
    of different precision sit side by side honestly. Undated articles are
    counted in the subtitle, not plotted.
    """
    if dest is not None:
        _format(dest)
    pool = tuple(articles)
    plt = _pyplot()
    ticker = importlib.import_module("matplotlib.ticker")
    fig, axes = plt.subplots(2, 1, sharex=True, figsize=(9, 5.5))
    per_axis = {what: aggregate.timeline(pool, what=what, granularity=granularity) for what in _WHATS}
    every = [b for bins in per_axis.values() for b in bins]
    first = min((b.start for b in every), default=None)
    last = max((b.end for b in every), default=None)
    span = (last - first).days + 1 if first is not None and last is not None else 1
    # A period narrower than this (a day, often a month) is drawn as a mark of this width with a
    # dot on top, so it stays visible on an axis of any span; wider periods are drawn to scale.
    least = max(1.0, span * _MIN_MARK)
    for ax, what in zip(axes, _WHATS, strict=True):
        bins = per_axis[what]
        shown: set[Precision] = set()
        for b in bins:
            width = float((b.end - b.start).days + 1)
            label = b.precision.value if b.precision not in shown else None
            shown.add(b.precision)
            style = {"alpha": 0.6, "color": _COLOURS[b.precision], "edgecolor": "black", "linewidth": 0.5}
            if width >= least:
                ax.bar(_num(b.start), b.count, width=width, align="edge", label=label, **style)
                continue
            centre = _num(b.start) + width / 2
            ax.bar(centre, b.count, width=least, align="center", label=label, **style)
            ax.plot(centre, b.count, marker="o", markersize=5, color=_COLOURS[b.precision], clip_on=False)
        if bins:
            ax.legend(title="date known to the", fontsize=8, title_fontsize=8, loc="best")
            ax.set_ylim(0, max(b.count for b in bins) * 1.15)
        ax.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))
        ax.set_ylabel(what)
        ax.grid(axis="y", alpha=0.3)
        if not bins:
            ax.text(0.5, 0.5, f"no dated {what}", ha="center", va="center", transform=ax.transAxes)
    if first is not None and last is not None:
        margin = max(least, span * 0.03)
        axes[-1].set_xlim(_num(first) - margin, _num(last) + 1 + margin)
    axes[-1].xaxis_date()
    undated = sum(1 for a in pool if a.published is None)
    fig.suptitle(title + (f" ({undated} undated not shown)" if undated else ""))
    fig.autofmt_xdate()
    return _save(fig, dest, plt)


def _num(day: dt.date) -> float:
    dates = importlib.import_module("matplotlib.dates")
    return float(dates.date2num(day))


def plot_heatmap(
    articles: Iterable[Article],
    dest: str | os.PathLike[str] | None = None,
    *,
    top: int = 15,
    title: str = "Articles mentioning region and institution",
) -> Figure:
    """A region × institution heat map of the ``top`` most mentioned of each."""
    if dest is not None:
        _format(dest)
    matrix = aggregate.cooccurrence_matrix(articles, top=top)
    plt = _pyplot()
    rows, cols = len(matrix.regions), len(matrix.institutions)
    fig, ax = plt.subplots(figsize=(max(5.0, 1.0 + 0.55 * cols), max(3.5, 1.5 + 0.4 * rows)))
    if rows and cols:
        peak = max(max(row) for row in matrix.values)
        # one colour per whole count, and a colour bar with whole-number ticks
        colors = importlib.import_module("matplotlib.colors")
        cmap = plt.get_cmap("Blues", peak + 1)
        norm = colors.BoundaryNorm([v - 0.5 for v in range(peak + 2)], cmap.N)
        image = ax.imshow(matrix.values, cmap=cmap, norm=norm, aspect="auto")
        ax.set_xticks(range(cols), labels=matrix.institutions, rotation=45, ha="right")
        ax.set_yticks(range(rows), labels=matrix.regions)
        for r, row in enumerate(matrix.values):
            for c, value in enumerate(row):
                if value:
                    colour = "white" if value * 2 > peak else "black"
                    ax.text(c, r, str(value), ha="center", va="center", fontsize=8, color=colour)
        ticker = importlib.import_module("matplotlib.ticker")
        bar = fig.colorbar(image, ax=ax, label="articles")
        bar.locator = ticker.MaxNLocator(integer=True)
        bar.minorticks_off()
        bar.update_ticks()
    else:
        ax.text(0.5, 0.5, "no regions or institutions", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    ax.set_title(title)
    return _save(fig, dest, plt)
