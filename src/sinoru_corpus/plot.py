"""``sinoru_corpus.plot``: the public short path of :mod:`sinoru_corpus.corpus.plot`.

The code lives in ``corpus/plot.py``; this module only re-exports its public names.
"""

from __future__ import annotations

from .corpus.plot import (
    FORMATS,
    plot_heatmap,
    plot_timeline,
)

__all__ = [
    "FORMATS",
    "plot_heatmap",
    "plot_timeline",
]
