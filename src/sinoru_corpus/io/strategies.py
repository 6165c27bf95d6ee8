"""Public Hypothesis strategies for every type of the data model.

For property tests downstream of ``sinoru_corpus``: every strategy draws valid,
internally consistent objects. :func:`articles` builds the page text first and
then draws every span from it, so ``article.text[m.start:m.end] == m.surface``
for each mention, each claim's text is its slice of a body line, the layout
covers the text's lines exactly once and in order, and ``article.id`` matches
``article_id(text, source)``.

>>> from hypothesis import given
>>> from sinoru_corpus import strategies as sst
>>> @given(sst.articles(min_claims=1))
... def test_claims_slice_the_text(article):
...     for claim in article.claims:
...         assert article.text[claim.start : claim.end] == claim.text

Needs Hypothesis: ``pip install 'sinoru-corpus[strategies]'``.
"""

from __future__ import annotations

import datetime as dt
import functools
import string

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "sinoru_corpus.strategies needs Hypothesis; install it with: pip install 'sinoru-corpus[strategies]'"
    ) from exc

from ..model import (
    Article,
    Author,
    Citation,
    Claim,
    DateBounds,
    Entity,
    Evidence,
    Frame,
    FrameLabel,
    Institution,
    InstitutionKind,
    LayoutLine,
    LineKind,
    Mention,
    ParseWarning,
    PartialDate,
    Person,
    Precision,
    Region,
    RegionKind,
    Season,
    Series,
    Speaker,
    SpeakerKind,
    Stance,
    WarningCode,
)
from . import _textgen as tg

__all__ = [
    "article_texts",
    "articles",
    "authors",
    "citations",
    "claims",
    "date_bounds",
    "dates",
    "entities",
    "evidence",
    "frames",
    "institutions",
    "layout_lines",
    "mentions",
    "parse_warnings",
    "partial_dates",
    "people",
    "regions",
    "register_type_strategies",
    "series",
    "speakers",
]

_MAX_OFFSET = 100_000


# --------------------------------------------------------------------- dates


@functools.cache
def partial_dates(
    *, min_year: int = 1900, max_year: int = 2100, precision: Precision | None = None
) -> st.SearchStrategy[PartialDate]:
    """PartialDates between ``min_year`` and ``max_year``, of one ``precision`` or any."""
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(f"need 1 <= min_year <= max_year <= 9999, got {min_year}..{max_year}")

    @st.composite
    def draw_date(draw: st.DrawFn) -> PartialDate:
        kind = precision or draw(st.sampled_from(Precision))
        year = draw(st.integers(min_year, max_year))
        if kind is Precision.YEAR:
            return PartialDate(year)
        if kind is Precision.SEASON:
            return PartialDate(year, season=draw(st.sampled_from(Season)))
        day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        return PartialDate(year, day.month, day.day if kind is Precision.DAY else None)

    return draw_date()


@functools.cache
def dates(
    *, min_value: dt.date = dt.date(1900, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Calendar days (``datetime.date``) in ``[min_value, max_value]``."""
    return st.dates(min_value, max_value)


def evidence(*, text: str | None = None, reason: str | None = None) -> st.SearchStrategy[Evidence]:
    """Evidence spans; with ``text``, spans that lie inside it (possibly empty)."""

    @st.composite
    def draw_evidence(draw: st.DrawFn) -> Evidence:
        limit = _MAX_OFFSET if text is None else len(text)
        start = draw(st.integers(0, limit))
        end = draw(st.integers(start, min(limit, start + 200)))
        why = reason if reason is not None else draw(st.sampled_from(("", "dateline", "latest cited date")))
        return Evidence(start, end, why)

    return draw_evidence()


@functools.cache
def date_bounds() -> st.SearchStrategy[DateBounds]:
    """DateBounds with ``earliest <= latest`` (either may be open), each with evidence."""

    @st.composite
    def draw_bounds(draw: st.DrawFn) -> DateBounds:
        first, second = sorted(draw(st.lists(dates(), min_size=2, max_size=2)))
        earliest = draw(tg.optional(st.just(first)))
        latest = draw(tg.optional(st.just(second)))
        return DateBounds(
            earliest,
            latest,
            draw(st.lists(evidence(), max_size=2)) if earliest else (),
            draw(st.lists(evidence(), max_size=2)) if latest else (),
        )

    return draw_bounds()


# ------------------------------------------------------------------ entities


@functools.cache
def regions() -> st.SearchStrategy[Region]:
    """Regions of every kind, with aliases, a parent and an ISO code sometimes."""
    iso = st.text(string.ascii_uppercase, min_size=2, max_size=3)
    return st.builds(
        Region,
        name=tg.names(tg.PLACES),
        kind=st.sampled_from(RegionKind),
        aliases=tg.name_tuples(),
        parent=tg.optional(tg.names(tg.PLACES)),
        iso_code=tg.optional(iso),
        curated=st.booleans(),
    )


@functools.cache
def institutions() -> st.SearchStrategy[Institution]:
    """Institutions of every kind, with an acronym, aliases and a country sometimes."""
    acronym = st.text(string.ascii_uppercase, min_size=2, max_size=6)
    return st.builds(
        Institution,
        name=tg.names(tg.BODIES),
        kind=st.sampled_from(InstitutionKind),
        acronym=tg.optional(acronym),
        aliases=tg.name_tuples(),
        country=tg.optional(tg.names(tg.PLACES)),
        curated=st.booleans(),
    )


@functools.cache
def people() -> st.SearchStrategy[Person]:
    """People, with aliases, a role and a country sometimes."""
    return st.builds(
        Person,
        name=tg.names(tg.NAMES),
        aliases=tg.name_tuples(),
        role=tg.optional(st.sampled_from(("analyst", "foreign minister", "senior fellow"))),
        country=tg.optional(tg.names(tg.PLACES)),
        curated=st.booleans(),
    )


@functools.cache
def entities() -> st.SearchStrategy[Entity]:
    """Any entity a Mention can refer to: a Region, an Institution or a Person."""
    return st.one_of(regions(), institutions(), people())


@functools.cache
def authors() -> st.SearchStrategy[Author]:
    """Byline authors, with a role, an affiliation and evidence sometimes."""
    return st.builds(
        Author,
        name=tg.names(tg.NAMES),
        role=tg.optional(st.sampled_from(("Senior Fellow", "Director", "Professor"))),
        affiliation=tg.optional(institutions()),
        evidence=st.lists(evidence(), max_size=2).map(tuple),
    )


@functools.cache
def series() -> st.SearchStrategy[Series]:
    """Periodicals with a volume and an issue as printed, sometimes."""
    number = st.integers(1, 400).map(str)
    return st.builds(Series, name=tg.names(tg.BODIES), volume=tg.optional(number), issue=tg.optional(number))


@functools.cache
def speakers() -> st.SearchStrategy[Speaker]:
    """Speakers whose linked entity agrees with their kind (a person is a Person...)."""

    @st.composite
    def draw_speaker(draw: st.DrawFn) -> Speaker:
        kind = draw(st.sampled_from(SpeakerKind))
        entity: Person | Institution | None = None
        if kind in (SpeakerKind.PERSON, SpeakerKind.AUTHOR):
            entity = draw(tg.optional(people()))
        elif kind is SpeakerKind.INSTITUTION:
            entity = draw(tg.optional(institutions()))
        name = entity.name if entity is not None else draw(tg.names())
        country = draw(tg.optional(tg.names(tg.PLACES))) if kind is SpeakerKind.GROUP else None
        return Speaker(name, kind, entity, country)

    return draw_speaker()


# --------------------------------------------------------------- text spans


def frames(*, text: str | None = None) -> st.SearchStrategy[Frame]:
    """Frames whose evidence phrase is ``text[start:end]`` (a sample text if none is given)."""

    sample = tg.text_or_sample(text)  # checks a given text now, not at draw time

    @st.composite
    def draw_frame(draw: st.DrawFn) -> Frame:
        source = draw(sample)
        start, end = tg.span(draw, tg.word_spans(source))
        return _frame(draw, source, start, end)

    return draw_frame()


def _frame(draw: st.DrawFn, text: str, start: int, end: int) -> Frame:
    label, stance = draw(st.sampled_from(FrameLabel)), draw(st.sampled_from(Stance))
    return Frame(label, stance, text[start:end], start, end)


def citations(*, text: str | None = None) -> st.SearchStrategy[Citation]:
    """Citations whose ``raw`` is ``text[start:end]`` (a printed source and date if no text)."""

    sample = tg.text_or_sample(text)  # checks a given text now, not at draw time

    @st.composite
    def draw_citation(draw: st.DrawFn) -> Citation:
        source = draw(institutions())
        date = draw(tg.optional(partial_dates(precision=Precision.DAY)))
        if text is None:
            raw = source.name + (f", {tg.printed_date(date)}" if date else "")
            start = draw(st.integers(0, _MAX_OFFSET))
            return Citation(source, date, raw, start, start + len(raw))
        start, end = tg.span(draw, tg.word_spans(draw(sample)))
        return Citation(source, date, text[start:end], start, end)

    return draw_citation()


def mentions(*, text: str | None = None) -> st.SearchStrategy[Mention]:
    """Mentions whose ``surface`` is ``text[start:end]`` (the entity's name if no text)."""

    sample = tg.text_or_sample(text)  # checks a given text now, not at draw time

    @st.composite
    def draw_mention(draw: st.DrawFn) -> Mention:
        entity = draw(entities())
        if text is None:
            start = draw(st.integers(0, _MAX_OFFSET))
            return Mention(entity.name, start, start + len(entity.name), entity)
        start, end = tg.span(draw, tg.word_spans(draw(sample)), 3)
        return Mention(text[start:end], start, end, entity)

    return draw_mention()


def claims(*, text: str | None = None) -> st.SearchStrategy[Claim]:
    """Claims: one sentence of ``text`` (a sample sentence if none is given), its cue inside it."""

    sample = tg.text_or_sample(text)  # checks a given text now, not at draw time

    @st.composite
    def draw_claim(draw: st.DrawFn) -> Claim:
        source = draw(sample)
        sentences = [s for line in tg.line_spans(source) for s in tg.sentence_spans(source, *line)]
        start, end = draw(st.sampled_from(sentences))
        return _claim(draw, source, start, end, ())

    return draw_claim()


def _claim(draw: st.DrawFn, text: str, start: int, end: int, inside: tuple[Mention, ...]) -> Claim:
    spans = tg.word_spans(text, start, end)
    cue, cue_start, cue_end = None, None, None
    if draw(st.booleans()):
        cue_start, cue_end = tg.span(draw, spans, 2)
        cue = text[cue_start:cue_end]
    found = [tg.span(draw, spans) for _ in range(draw(st.integers(0, 2)))]
    return Claim(
        speaker=draw(speakers()),
        cue=cue,
        text=text[start:end],
        start=start,
        end=end,
        quoted=draw(st.booleans()),
        cue_start=cue_start,
        cue_end=cue_end,
        regions=tg.unique(m.entity for m in inside if isinstance(m.entity, Region)),
        institutions=tg.unique(m.entity for m in inside if isinstance(m.entity, Institution)),
        frames=tuple(_frame(draw, text, s, e) for s, e in sorted(set(found))),
    )


@functools.cache
def layout_lines() -> st.SearchStrategy[LayoutLine]:
    """Layout lines with consistent offsets (use :func:`articles` for whole pages)."""

    @st.composite
    def draw_line(draw: st.DrawFn) -> LayoutLine:
        start, length = draw(st.integers(0, _MAX_OFFSET)), draw(st.integers(0, 500))
        kind = LineKind.BLANK if length == 0 else draw(st.sampled_from(LineKind))
        return LayoutLine(
            draw(st.integers(0, 5000)), start, start + length, kind, draw(st.sampled_from(("", "x")))
        )

    return draw_line()


@functools.cache
def parse_warnings() -> st.SearchStrategy[ParseWarning]:
    """Warnings of every code, with or without a span."""

    @st.composite
    def draw_warning(draw: st.DrawFn) -> ParseWarning:
        code = draw(st.sampled_from(WarningCode))
        message = f"{code.value.replace('_', ' ')}: " + draw(st.text(max_size=20))
        span = draw(tg.optional(st.tuples(st.integers(0, _MAX_OFFSET), st.integers(0, 200))))
        start, end = (None, None) if span is None else (span[0], span[0] + span[1])
        return ParseWarning(code, message, start, end)

    return draw_warning()


# ------------------------------------------------------------------- articles


def articles(
    *,
    min_claims: int = 0,
    max_claims: int = 5,
    max_mentions: int = 10,
    with_published: bool | None = None,
    text: str | None = None,
    min_paragraphs: int | None = None,
    max_paragraphs: int | None = None,
) -> st.SearchStrategy[Article]:
    """Whole, consistent Articles.

    Without ``text``, a page is generated (furniture, title, standfirst, dateline,
    byline, body paragraphs, bio) and every span is drawn from it. With ``text``,
    each non-blank line is a body line and the spans are drawn from that text.
    ``with_published`` forces a publication date on (``True``) or off (``False``).
    ``min_paragraphs``/``max_paragraphs`` ask for pages of that many body paragraphs
    (``max_paragraphs=300`` draws pages of tens of kilobytes); by default pages are short.
    """
    paragraphs: tuple[int, int] | None = None
    if min_paragraphs is not None or max_paragraphs is not None:
        low = 1 if min_paragraphs is None else min_paragraphs
        high = max(low, 6) if max_paragraphs is None else max_paragraphs
        if not 1 <= low <= high:
            raise InvalidArgument(f"need 1 <= min_paragraphs <= max_paragraphs, got {low}..{high}")
        if text is not None:
            raise InvalidArgument("min_paragraphs/max_paragraphs apply to generated pages, not to a text")
        paragraphs = (low, high)
    if not 0 <= min_claims <= max_claims:
        raise InvalidArgument(f"need 0 <= min_claims <= max_claims, got {min_claims}..{max_claims}")
    if max_mentions < 0:
        raise InvalidArgument(f"max_mentions must be >= 0, got {max_mentions}")
    if text is not None:
        available = sum(len(tg.sentence_spans(text, *line)) for line in tg.line_spans(text))
        if available < min_claims:
            raise InvalidArgument(f"text has {available} sentences, fewer than min_claims={min_claims}")

    @st.composite
    def draw_article(draw: st.DrawFn) -> Article:
        published = draw(tg.optional(partial_dates()) if with_published is None else st.just(None))
        if with_published:
            published = draw(partial_dates())
        if text is None:
            page = tg.draw_page(
                draw,
                min_sentences=min_claims,
                published=published,
                n_authors=draw(st.integers(0, 2)),
                paragraphs=paragraphs,
            )
            kinds = [kind for _line, kind in page.lines]
            source_text = page.text
        else:
            page, source_text = None, text
            kinds = [LineKind.BODY if line.strip() else LineKind.BLANK for line in text.split("\n")]
        return _assemble(
            draw, source_text, kinds, page, published, min(max_claims, 50), max_mentions, min_claims
        )

    return draw_article()


def _assemble(
    draw: st.DrawFn,
    text: str,
    kinds: list[LineKind],
    page: tg.Page | None,
    published: PartialDate | None,
    max_claims: int,
    max_mentions: int,
    min_claims: int,
) -> Article:
    lines = tg.line_spans(text)
    layout = tuple(
        LayoutLine(i, start, end, kind, "generated")
        for i, ((start, end), kind) in enumerate(zip(lines, kinds, strict=True))
    )
    body_lines = [line for line in layout if line.kind is LineKind.BODY]
    worded = [(line.start, line.end) for line in layout if line.kind is not LineKind.BLANK]
    # Mentions: runs of 1-3 words of any non-blank line, one per span, in text order.
    found: dict[tuple[int, int], Entity] = {}
    for _ in range(draw(st.integers(0, max_mentions)) if worded else 0):
        start, end = tg.span(draw, tg.word_spans(text, *draw(st.sampled_from(worded))), 3)
        found.setdefault((start, end), draw(entities()))
    mentions = tuple(Mention(text[s:e], s, e, entity) for (s, e), entity in sorted(found.items()))
    # Claims: distinct sentences of body lines, in text order.
    sentences = [s for line in body_lines for s in tg.sentence_spans(text, line.start, line.end)]
    count = draw(st.integers(min_claims, max(min_claims, min(max_claims, len(sentences)))))
    pick = (
        st.lists(st.sampled_from(sentences), min_size=count, max_size=count, unique=True) if count else None
    )
    chosen = sorted(draw(pick)) if pick is not None else []
    claims = tuple(
        _claim(draw, text, s, e, tuple(m for m in mentions if s <= m.start and m.end <= e)) for s, e in chosen
    )
    citations = tuple(
        Citation(draw(institutions()), draw(tg.optional(partial_dates())), text[s:e], s, e)
        for s, e in sorted(
            tg.span(draw, tg.word_spans(text, line.start, line.end))
            for line in draw(st.lists(st.sampled_from(body_lines), max_size=2) if body_lines else st.just([]))
        )
    )
    authors = tuple(
        Author(text[s:e], evidence=(Evidence(s, e, "byline"),))
        for s, e in (page.author_spans if page else ())
    )
    bounds = DateBounds()
    if published is not None:
        proof = (Evidence(*page.dateline, "dateline"),) if page and page.dateline else ()
        bounds = DateBounds(published.earliest, published.latest, proof, proof)
    source = draw(tg.optional(st.sampled_from(("pages/a.txt", "pages/b.txt", "https://example.org/x"))))
    title = page.title if page else None
    warnings = [ParseWarning(WarningCode.NO_TITLE, "no title line found")] if title is None else []
    if published is None:
        warnings.append(ParseWarning(WarningCode.NO_DATE, "no publication date found"))
    if not authors:
        warnings.append(ParseWarning(WarningCode.NO_AUTHOR, "no byline found"))
    entities_seen = [m.entity for m in mentions]
    return Article(
        text=text,
        source=source,
        title=title,
        standfirst=page.standfirst if page else None,
        body="\n\n".join(text[line.start : line.end] for line in body_lines),
        layout=layout,
        published=published,
        published_bounds=bounds,
        outlet=draw(tg.optional(st.sampled_from(("China Brief", "Re:Russia", "inFOCUS")))),
        section=draw(tg.optional(st.sampled_from(("Commentary", "Analysis")))),
        series=draw(tg.optional(series())),
        authors=authors,
        institutions=tg.unique(e for e in entities_seen if isinstance(e, Institution)),
        regions=tg.unique(e for e in entities_seen if isinstance(e, Region)),
        people=tg.unique(e for e in entities_seen if isinstance(e, Person)),
        mentions=mentions,
        claims=claims,
        frames=tg.unique(frame for claim in claims for frame in claim.frames),
        citations=citations,
        warnings=warnings,
    )


# ------------------------------------------------------------- raw page texts


def article_texts(*, min_paragraphs: int = 1, max_paragraphs: int = 6) -> st.SearchStrategy[str]:
    """Raw page texts in the style of scraped pages, for property tests of the parser.

    Furniture, title, standfirst, dateline, byline, paragraphs of sentences with
    speakers, cues and places, and an author bio. ``max_paragraphs`` up to a few
    hundred draws long pages (tens of kilobytes).
    """
    if not 1 <= min_paragraphs <= max_paragraphs:
        raise InvalidArgument(
            f"need 1 <= min_paragraphs <= max_paragraphs, got {min_paragraphs}..{max_paragraphs}"
        )

    @st.composite
    def draw_text(draw: st.DrawFn) -> str:
        published = draw(tg.optional(partial_dates()))
        page = tg.draw_page(
            draw,
            min_sentences=1,
            published=published,
            n_authors=draw(st.integers(0, 2)),
            paragraphs=(min_paragraphs, max_paragraphs),
        )
        return page.text

    return draw_text()


# ------------------------------------------------------- st.from_type support


def register_type_strategies() -> None:
    """Register a strategy for every model type with Hypothesis, for ``st.from_type``.

    Runs by itself through the ``hypothesis`` entry point when the package is
    installed with Hypothesis (``pip install 'sinoru-corpus[strategies]'``), so
    ``st.from_type(Article)`` and ``@given(article=...)`` with type hints work in
    any project. Call it yourself only where plugins are off
    (``HYPOTHESIS_NO_PLUGINS``); calling it again is harmless.
    """
    from ._hypothesis_plugin import STRATEGY_NAMES

    for cls, name in STRATEGY_NAMES.items():
        st.register_type_strategy(cls, globals()[name]())
