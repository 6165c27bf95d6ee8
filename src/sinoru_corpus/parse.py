"""``parse_article``: the library's main job, orchestrated in one direction.

text -> normalised text -> layout and metadata -> mentions and citations ->
date bounds -> claims and frames -> :class:`~sinoru_corpus.model.Article`.
Each stage lives in its own module; this one only wires them together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from ._line_facts import forget_lines
from ._safety import strict
from .claims._extract import find_claims
from .claims._frames import find_frames
from .dates._bounds import infer_bounds
from .entities._citations import CitationCandidate, resolve_citations, scan_citations
from .entities._mentions import distinct_entities, find_mentions
from .entities.gazetteer import Gazetteer, load_gazetteer
from .errors import InputTooLargeError
from .model import (
    Article,
    Author,
    Citation,
    DateBounds,
    Evidence,
    Institution,
    LineKind,
    ParseWarning,
    PartialDate,
    Person,
    WarningCode,
)
from .page._metadata import PageMetadata, extract_metadata
from .text._document import Document, open_document
from .text._normalize import normalize_text

__all__ = ["MAX_CHARS", "parse_article"]

MAX_CHARS: int = 10 * 1024 * 1024
"""The default size cap of :func:`parse_article`: 10 MiB (10,485,760 characters)."""

Span = tuple[int, int]

# Entities are read on every line: a breadcrumb or a copyright line names the
# outlet, a byline the author's institution (the gold annotations count them all).
_NO_ENTITIES = frozenset({LineKind.BLANK})


def parse_article(text: str, *, source: str | None = None, max_chars: int | None = MAX_CHARS) -> Article:
    """Parse one scraped page into an :class:`~sinoru_corpus.model.Article`.

    The promise: any ``str`` of up to ``max_chars`` characters (default
    :data:`MAX_CHARS`, 10 MiB) is parsed, in time linear in its length, without
    raising; whatever cannot be determined is reported in ``Article.warnings``.
    A longer ``str`` raises :class:`~sinoru_corpus.errors.InputTooLargeError`
    before any work is done; ``max_chars=None`` lifts the cap. ``source`` (a
    path or URL) is kept and feeds the id.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"parse_article() needs a str, got {type(text).__name__}; use parse_bytes() for bytes"
        )
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(source or "<str>", len(text), max_chars)
    normalized = normalize_text(text)
    try:
        return _parse(normalized.text, source, normalized.warnings)
    except Exception as exc:  # a bug must not cost the user the page: keep the text, say what failed
        if strict():  # tests and fuzzing: a bug fails loudly
            raise
        return Article(
            text=normalized.text,
            source=source,
            warnings=(
                *normalized.warnings,
                ParseWarning(WarningCode.OTHER, f"internal error, page left unparsed: {exc!r}"),
            ),
        )


def _parse(text: str, source: str | None, warnings: tuple[ParseWarning, ...]) -> Article:
    # One document for the page: every stage reads the same sentences and sentence facts.
    with open_document(text) as doc:
        try:
            return _parse_document(doc, source, warnings)
        finally:
            forget_lines()  # the page's line memos: not held while the caller keeps going


def _parse_document(doc: Document, source: str | None, warnings: tuple[ParseWarning, ...]) -> Article:
    text = doc.text
    gazetteer = load_gazetteer()
    meta = extract_metadata(text)
    forget_lines()  # the page stage's line answers: not held through the later stages
    entity_spans = tuple((line.start, line.end) for line in meta.layout if line.kind not in _NO_ENTITIES)
    mentions = find_mentions(text, entity_spans, gazetteer=gazetteer)
    prose = doc.paragraphs = _prose_spans(meta)

    candidates = scan_citations(text, prose, gazetteer=gazetteer)
    citations = _resolve(text, prose, meta.published, candidates)
    cited = tuple((c.date, Evidence(c.start, c.end, f"cited source: {c.raw}")) for c in citations if c.date)
    bounds = infer_bounds(text, prose, published=meta.published, cited=cited)

    authors = tuple(_link_affiliation(a, gazetteer) for a in meta.authors)
    claims = find_claims(text, prose, mentions=mentions, authors=tuple(a.name for a in authors))
    frames = find_frames(text, prose, claims)
    doc.release()  # sentences and sentence facts are read by now
    regions, institutions, people = distinct_entities(mentions)

    return Article(
        text=text,
        source=source,
        title=meta.title,
        standfirst=meta.standfirst,
        body=meta.body,
        layout=meta.layout,
        published=meta.published,
        published_bounds=bounds,
        outlet=meta.outlet,
        section=meta.section,
        series=meta.series,
        authors=authors,
        institutions=_with_affiliations(institutions, authors),
        regions=regions,
        people=_with_authors(people, authors),
        mentions=mentions,
        claims=claims,
        frames=frames,
        citations=citations,
        warnings=(*warnings, *meta.warnings),
    )


def _prose_spans(meta: PageMetadata) -> tuple[Span, ...]:
    """The standfirst and body paragraphs: where claims, citations and dates are read."""
    spans = ((meta.standfirst_span,) if meta.standfirst_span else ()) + meta.body_spans
    return tuple(sorted(spans))


def _resolve(
    text: str,
    prose: Sequence[Span],
    published: PartialDate | None,
    candidates: Sequence[CitationCandidate],
) -> tuple[Citation, ...]:
    """Give year-less citations a year: the article's own, or the year the text implies."""
    if not candidates:
        return ()
    year: int | None = published.year if published else None
    if year is None and any(c.year is None for c in candidates):  # only year-less ones need it
        # with no year to lend, only citations that print a (valid) year keep a date
        dated = tuple(
            (c.date, Evidence(c.start, c.end, f"cited source: {c.raw}"))
            for c in resolve_citations(candidates, year=None)
            if c.date is not None
        )
        year = _implied_year(infer_bounds(text, prose, cited=dated))
    not_after: dt.date | None = published.latest if published else None
    return resolve_citations(candidates, year=year, not_after=not_after)


def _implied_year(bounds: DateBounds) -> int | None:
    # The earliest bound comes from the newest thing the text names as past; a
    # year-less citation most likely belongs to that year.
    if bounds.earliest is not None:
        return bounds.earliest.year
    return bounds.latest.year if bounds.latest is not None else None


def _link_affiliation(author: Author, gazetteer: Gazetteer) -> Author:
    """Replace a printed affiliation with the curated institution it names, if any."""
    printed = author.affiliation
    if printed is None or printed.curated:
        return author
    curated = gazetteer.institution(printed.name)
    if curated is None and printed.acronym:
        curated = gazetteer.institution(printed.acronym)
    if curated is None:
        return author
    if printed.name not in (curated.name, *curated.aliases):
        # Keep the printed form findable: the user searches for what the page says.
        curated = attrs.evolve(curated, aliases=(*curated.aliases, printed.name))
    return attrs.evolve(author, affiliation=curated)


def _with_affiliations(
    institutions: tuple[Institution, ...], authors: tuple[Author, ...]
) -> tuple[Institution, ...]:
    known = {i.name for i in institutions}
    extra = []
    for author in authors:
        aff = author.affiliation
        if aff is not None and aff.name not in known:
            known.add(aff.name)
            extra.append(aff)
    return institutions + tuple(extra)


def _with_authors(people: tuple[Person, ...], authors: tuple[Author, ...]) -> tuple[Person, ...]:
    """Authors are people of the article too; add those the text did not name."""
    names = {p.name for p in people} | {alias for p in people for alias in p.aliases}
    extra = tuple(Person(name=a.name, role=a.role, curated=False) for a in authors if a.name not in names)
    return people + extra
