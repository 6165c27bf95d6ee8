"""Corpus-wide figures: counts, co-occurrence, timelines, top speakers, citation recency.

Counts are of articles (an article mentioning China ten times counts once),
except where the name says claims. Every function takes any iterable of
Articles, a :class:`~sinoru_corpus.corpus._collection.Corpus` included, and returns
tuples of plain values in a deterministic order.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Literal

import attrs

from ..model import Article, PartialDate, Precision, Season, SpeakerKind
from ._claim_query import speaker_key

__all__ = [
    "COUNT_KEYS",
    "CitationAge",
    "CoMatrix",
    "CountKey",
    "TimeBin",
    "What",
    "citation_recency",
    "coarsen",
    "cooccurrence",
    "cooccurrence_matrix",
    "count_by",
    "recency_summary",
    "timeline",
    "top_speakers",
]

Count = tuple[str, int]
CountKey = Literal["region", "institution", "person", "author", "outlet", "section", "frame", "year"]
"""What :func:`count_by` can count articles by."""
What = Literal["articles", "claims"]
"""What a timeline or a set of records counts: articles, or their claims."""


def _names(attribute: str) -> Callable[[Article], Iterable[str]]:
    return lambda a: (e.name for e in getattr(a, attribute))


_KEYS: dict[CountKey, Callable[[Article], Iterable[str]]] = {
    "region": _names("regions"),
    "institution": _names("institutions"),
    "person": _names("people"),
    "author": _names("authors"),
    "outlet": lambda a: (a.outlet,) if a.outlet else (),
    "section": lambda a: (a.section,) if a.section else (),
    "frame": lambda a: (f.label.value for f in a.frames),
    "year": lambda a: (f"{a.published.year:04d}",) if a.published else (),
}
COUNT_KEYS: tuple[CountKey, ...] = tuple(_KEYS)


def count_by(articles: Iterable[Article], by: CountKey) -> tuple[Count, ...]:
    """How many articles have each value of ``by`` (one of :data:`COUNT_KEYS`).

    Most frequent first, ties by name; ``"year"`` is in year order instead.
    Articles without the value (no outlet, no stated date) are not counted.
    """
    key = _KEYS.get(by)
    if key is None:
        raise ValueError(f"cannot count by {by!r}; expected one of: {', '.join(COUNT_KEYS)}")
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(set(key(article)))
    if by == "year":
        return tuple(sorted(counts.items()))
    return _ranked(counts)


def _ranked(counts: Counter[str]) -> tuple[Count, ...]:
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def cooccurrence(articles: Iterable[Article]) -> tuple[tuple[str, str, int], ...]:
    """``(region, institution, articles mentioning both)``, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    for article in articles:
        regions = {r.name for r in article.regions}
        institutions = {i.name for i in article.institutions}
        counts.update((r, i) for r in regions for i in institutions)
    return tuple((r, i, n) for (r, i), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@attrs.frozen
class CoMatrix:
    """A region × institution table: ``values[row][column]`` articles mention both."""

    regions: tuple[str, ...]
    institutions: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]


def cooccurrence_matrix(articles: Iterable[Article], *, top: int = 15) -> CoMatrix:
    """The co-occurrence of the ``top`` most mentioned regions and institutions."""
    pool = tuple(articles)
    regions = tuple(name for name, _ in count_by(pool, "region")[:top])
    institutions = tuple(name for name, _ in count_by(pool, "institution")[:top])
    pairs = {(r, i): n for r, i, n in cooccurrence(pool)}
    values = tuple(tuple(pairs.get((r, i), 0) for i in institutions) for r in regions)
    return CoMatrix(regions, institutions, values)


# ------------------------------------------------------------------ timeline

_FINENESS = {Precision.YEAR: 0, Precision.SEASON: 1, Precision.MONTH: 2, Precision.DAY: 3}
_MONTH_SEASON = {
    **dict.fromkeys((3, 4, 5), Season.SPRING),
    **dict.fromkeys((6, 7, 8), Season.SUMMER),
    **dict.fromkeys((9, 10, 11), Season.FALL),
    **dict.fromkeys((12, 1, 2), Season.WINTER),
}


@attrs.frozen
class TimeBin:
    """A period at one precision (``label`` as ``PartialDate.isoformat``) and its count."""

    label: str
    precision: Precision
    start: dt.date
    end: dt.date
    count: int


def coarsen(date: PartialDate, granularity: Precision | None) -> PartialDate:
    """``date`` at ``granularity`` if that is coarser than its own precision; never finer."""
    if granularity is None or _FINENESS[date.precision] <= _FINENESS[granularity]:
        return date
    if granularity is Precision.YEAR:
        return PartialDate(date.year)
    if granularity is Precision.MONTH:
        return PartialDate(date.year, date.month)
    # to a season: only month- or day-precise dates get here
    assert date.month is not None
    season = _MONTH_SEASON[date.month]
    year = date.year - 1 if date.month <= 2 and date.year > 1 else date.year  # winter starts in December
    return PartialDate(year, season=season)


def timeline(
    articles: Iterable[Article], *, what: What = "articles", granularity: Precision | None = None
) -> tuple[TimeBin, ...]:
    """Articles (or their claims, ``what="claims"``) per publication period.

    Each date is binned at its own precision: "2016" goes into a year bin,
    "Fall 2016" into a season bin, never into January or September.
    ``granularity`` coarsens finer dates (days into months...), never the
    reverse. Undated articles are left out. Bins are ordered by start, the
    wider first.
    """
    if what not in ("articles", "claims"):
        raise ValueError(f"timeline counts 'articles' or 'claims', not {what!r}")
    counts: Counter[PartialDate] = Counter()
    for article in articles:
        if article.published is None:
            continue
        weight = 1 if what == "articles" else len(article.claims)
        if weight:
            counts[coarsen(article.published, granularity)] += weight
    bins = (TimeBin(d.isoformat(), d.precision, d.earliest, d.latest, n) for d, n in counts.items())
    return tuple(sorted(bins, key=lambda b: (b.start, -b.end.toordinal(), b.label)))


# ------------------------------------------------------------------ speakers


def top_speakers(
    articles: Iterable[Article], n: int | None = 10, *, kinds: Iterable[SpeakerKind] | None = None
) -> tuple[Count, ...]:
    """The speakers with the most claims (optionally of some kinds), most first."""
    wanted = frozenset(kinds) if kinds is not None else None
    counts: Counter[str] = Counter()
    for article in articles:
        for claim in article.claims:
            if wanted is None or claim.speaker.kind in wanted:
                counts[speaker_key(claim)] += 1
    ranked = _ranked(counts)
    return ranked if n is None else ranked[:n]


# ------------------------------------------------------------------ citations


@attrs.frozen
class CitationAge:
    """How old a cited source was when the article appeared.

    ``reference`` is the last day the article may have been published: its
    stated date's last day, else its inferred latest bound (``basis`` says
    which). ``days`` runs from the cited date's last day to it.
    """

    article_id: str
    source: str
    cited: PartialDate
    reference: dt.date
    basis: str
    days: int
    start: int
    end: int


def citation_recency(articles: Iterable[Article]) -> tuple[CitationAge, ...]:
    """The age of every dated citation in articles whose publication is bounded above."""
    ages: list[CitationAge] = []
    for article in articles:
        if article.published is not None:
            reference, basis = article.published.latest, "published"
        elif article.published_bounds.latest is not None:
            reference, basis = article.published_bounds.latest, "latest_bound"
        else:
            continue
        for c in article.citations:
            if c.date is None:
                continue
            days = (reference - c.date.latest).days
            ages.append(
                CitationAge(article.id, c.source.name, c.date, reference, basis, days, c.start, c.end)
            )
    return tuple(ages)


def recency_summary(ages: Iterable[CitationAge]) -> dict[str, float | int | None]:
    """Count, median, mean, minimum and maximum of citation ages in days."""
    days = [a.days for a in ages]
    if not days:
        return {"count": 0, "median_days": None, "mean_days": None, "min_days": None, "max_days": None}
    return {
        "count": len(days),
        "median_days": statistics.median(days),
        "mean_days": round(statistics.fmean(days), 1),
        "min_days": min(days),
        "max_days": max(days),
    }
