"""Plain-text tables for the command line, and the figures ``stats`` shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..corpus import aggregate
from ..corpus._claim_query import ClaimHit, speaker_key
from ..model import Article

__all__ = ["article_rows", "claim_rows", "render", "stats", "stats_text"]

_WIDE = 60  # longest cell shown in a table; JSON output is never cut


def _cell(value: object) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _WIDE else text[: _WIDE - 1] + "…"


def render(headers: Sequence[str], rows: Iterable[Sequence[object]], *, title: str | None = None) -> str:
    """A left-aligned table with a header rule; numbers are right-aligned."""
    raw = [tuple(row) for row in rows]
    body = [[_cell(v) for v in row] for row in raw]
    numeric = [bool(raw) and all(isinstance(row[i], int) for row in raw) for i in range(len(headers))]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = (c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric, strict=True))
        return "  ".join(parts).rstrip()

    out = [title] if title else []
    out += [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in body] if body else ["(none)"]
    return "\n".join(out)


def article_rows(articles: Iterable[Article]) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    headers = ("id", "published", "outlet", "title", "authors", "claims")
    rows: list[tuple[object, ...]] = [
        (
            a.id,
            a.published.isoformat() if a.published else "",
            a.outlet or "",
            a.title or (a.source or ""),
            ", ".join(x.name for x in a.authors),
            len(a.claims),
        )
        for a in articles
    ]
    return headers, rows


def claim_rows(hits: Iterable[ClaimHit]) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    headers = ("article", "span", "speaker", "kind", "claim")
    rows: list[tuple[object, ...]] = [
        (
            h.article.id,
            f"{h.claim.start}-{h.claim.end}",
            speaker_key(h.claim),
            h.claim.speaker.kind.value,
            h.claim.text,
        )
        for h in hits
    ]
    return headers, rows


def stats(articles: Sequence[Article], top: int = 10) -> dict[str, Any]:
    """The figures of ``sinoru-corpus stats``, as JSON-safe values."""

    def ranked(by: aggregate.CountKey) -> list[dict[str, Any]]:
        return [{"name": k, "articles": n} for k, n in aggregate.count_by(articles, by)[:top]]

    return {
        "articles": len(articles),
        "claims": sum(len(a.claims) for a in articles),
        "undated": sum(1 for a in articles if a.published is None),
        "regions": ranked("region"),
        "institutions": ranked("institution"),
        "speakers": [{"name": k, "claims": n} for k, n in aggregate.top_speakers(articles, top)],
        "outlets": ranked("outlet"),
        "frames": ranked("frame"),
        "timeline": [
            {"period": b.label, "precision": b.precision.value, "articles": b.count}
            for b in aggregate.timeline(articles)
        ],
        "citation_recency": aggregate.recency_summary(aggregate.citation_recency(articles)),
    }


def stats_text(figures: dict[str, Any]) -> str:
    """``stats`` as human tables."""
    head = (
        f"{figures['articles']} articles, {figures['claims']} claims, "
        f"{figures['undated']} without a stated date"
    )
    blocks = [head]
    for key, label, count in (
        ("regions", "Top regions", "articles"),
        ("institutions", "Top institutions", "articles"),
        ("speakers", "Top speakers", "claims"),
        ("outlets", "Outlets", "articles"),
        ("frames", "Frames", "articles"),
    ):
        rows = [(r["name"], r[count]) for r in figures[key]]
        blocks.append(render((key[:-1], count), rows, title=f"{label}:"))
    timeline = [(r["period"], r["precision"], r["articles"]) for r in figures["timeline"]]
    blocks.append(render(("period", "precision", "articles"), timeline, title="Timeline:"))
    recency = figures["citation_recency"]
    if recency["count"]:
        blocks.append(
            f"Citation recency: {recency['count']} dated citations, median {recency['median_days']} days "
            f"(min {recency['min_days']}, max {recency['max_days']})"
        )
    return "\n\n".join(blocks)
