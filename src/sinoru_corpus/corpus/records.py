"""Flat records for tables: plain JSON-safe dicts, and pandas DataFrames on request.

One record per article (or per claim) with names instead of nested objects,
so ``json.dumps``, ``csv.DictWriter`` and ``pandas.DataFrame`` take them as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from ..model import Article
from ._claim_query import ClaimHit, speaker_key

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["article_record", "claim_record", "to_pandas", "to_records"]

_PANDAS_HINT = "to_pandas() needs pandas: pip install 'sinoru-corpus[pandas]'"


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def article_record(article: Article) -> dict[str, Any]:
    """One article as a flat dict of strings, numbers, None and lists of strings."""
    published = article.published
    bounds = article.published_bounds
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "section": article.section,
        "series": article.series.name if article.series else None,
        "published": published.isoformat() if published else None,
        "precision": published.precision.value if published else None,
        "earliest": _iso(published.earliest if published else bounds.earliest),
        "latest": _iso(published.latest if published else bounds.latest),
        "authors": [a.name for a in article.authors],
        "regions": [r.name for r in article.regions],
        "institutions": [i.name for i in article.institutions],
        "people": [p.name for p in article.people],
        "frames": sorted({f.label.value for f in article.frames}),
        "claims": len(article.claims),
        "citations": len(article.citations),
        "warnings": [w.code.value for w in article.warnings],
        "chars": len(article.text),
    }


def claim_record(hit: ClaimHit) -> dict[str, Any]:
    """One claim with its speaker, span and the article it comes from."""
    claim, article = hit.claim, hit.article
    return {
        "article_id": article.id,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "speaker": speaker_key(claim),
        "speaker_as_printed": claim.speaker.name,
        "speaker_kind": claim.speaker.kind.value,
        "country": claim.speaker.country,
        "cue": claim.cue,
        "quoted": claim.quoted,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "regions": [r.name for r in claim.regions],
        "institutions": [i.name for i in claim.institutions],
        "frames": [f"{f.label.value}:{f.stance.value}" for f in claim.frames],
    }


def to_records(
    articles: Iterable[Article], what: Literal["articles", "claims"] = "articles"
) -> list[dict[str, Any]]:
    """Article records, or claim records with ``what="claims"``."""
    if what == "articles":
        return [article_record(a) for a in articles]
    if what == "claims":
        return [claim_record(ClaimHit(a, c)) for a in articles for c in a.claims]
    raise ValueError(f"records are of 'articles' or 'claims', not {what!r}")


def to_pandas(articles: Iterable[Article], what: Literal["articles", "claims"] = "articles") -> pd.DataFrame:
    """:func:`to_records` as a ``pandas.DataFrame``; ImportError naming the extra if pandas is missing.

    ``earliest`` and ``latest`` (the day range of the publication date, or of the
    inferred bounds) are ``datetime64`` columns; for claims, those of the claim's
    article. ``published`` stays a label (``2016-fall``) because its precision varies.
    """
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(_PANDAS_HINT) from exc
    pool = list(articles)
    records = to_records(pool, what)
    if what == "claims":
        ranges = {a.id: (_earliest(a), _latest(a)) for a in pool}
        for record in records:
            record["earliest"], record["latest"] = ranges[record["article_id"]]
    frame = pandas.DataFrame.from_records(records)
    for column in ("earliest", "latest"):
        if column in frame:
            frame[column] = pandas.to_datetime(frame[column], format="%Y-%m-%d")
        else:
            frame[column] = pandas.Series(dtype="datetime64[ns]")
    return frame


def _earliest(article: Article) -> str | None:
    return _iso(article.published.earliest if article.published else article.published_bounds.earliest)


def _latest(article: Article) -> str | None:
    return _iso(article.published.latest if article.published else article.published_bounds.latest)
