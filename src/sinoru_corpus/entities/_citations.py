"""Inline source citations: ``(Kremlin.ru, August 25)``, ``(TASS, 24 August 2020)``.

A parenthesis is a citation when every ``;``-separated part of it is a source
name followed by a date with a month ("August 25", "24 August 2020",
"August 2020", or ISO "2023-05-29"). Acronyms, bare years, asides and photo credits have no such
date and are never citations. A year-less date is completed later by
:func:`resolve_citations` with the article's year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from .._data import load_json
from ..model import Citation, Institution, InstitutionKind, PartialDate
from .gazetteer import Gazetteer, load_gazetteer, lookup_key

__all__ = [
    "CitationCandidate",
    "citation_sources",
    "lookup_source",
    "resolve_citations",
    "resolve_source",
    "scan_citations",
]

_S = r"[ \u00a0]{1,3}"


@functools.cache
def _months() -> dict[str, int]:
    """Lowercase month names and abbreviations -> month number (``data/citations.json``)."""
    return {str(k).casefold(): int(v) for k, v in load_json("citations.json")["months"].items()}


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    """A citation's date: "August 25", "24 Aug. 2020", "August 2020" or ISO "2023-05-29"."""
    month = r"(?:" + "|".join(sorted((m.capitalize() for m in _months()), key=len, reverse=True)) + r")\.?"
    return re.compile(
        rf"(?P<m1>{month}){_S}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?{_S}(?P<y1>\d{{4}}))?"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{_S}(?P<m2>{month}),?(?:{_S}(?P<y2>\d{{4}}))?"
        rf"|(?P<m3>{month}),?{_S}(?P<y3>\d{{4}})"
        r"|(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)"  # ISO 8601: "2023-05-29"
    )


_PAREN = re.compile(r"\((?P<inner>[^()\n]{4,400})\)")
# One part: a source (no comma, colon or semicolon), a comma, a date.
_PART = re.compile(rf"[ \u00a0]*(?P<source>[^,;:()\n]{{1,80}}?),{_S}(?P<date>[^;]{{3,40}}?)[ \u00a0]*\Z")
_SOURCE_START = re.compile(r"[A-Z0-9]|[a-z]+[A-Z.]")  # "TASS", "inFOCUS", "mid.ru"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@attrs.frozen
class CitationCandidate:
    """One source of an inline citation, before its year-less date is completed.

    ``source`` carries the printed name as ``name`` (the canonical curated name,
    when the printed form differs, is the first alias); ``raw`` is
    ``text[start:end]``, one source with its date.
    """

    source: Institution
    raw: str
    start: int
    end: int
    year: int | None
    month: int
    day: int | None


def _parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while True:
        cut = text.find(";", pos, end)
        if cut < 0:
            yield pos, end
            return
        yield pos, cut
        pos = cut + 1


def _parse_date(raw: str) -> tuple[int | None, int, int | None] | None:
    m = _date_pattern().fullmatch(raw)
    if m is None:
        return None
    if m.group("y4"):
        month = int(m.group("m4"))
        if not 1 <= month <= 12:
            return None
        day_s, year_s = m.group("d4"), m.group("y4")
    else:
        month = _months()[(m.group("m1") or m.group("m2") or m.group("m3")).rstrip(".").lower()]
        day_s = m.group("d1") or m.group("d2")
        year_s = m.group("y1") or m.group("y2") or m.group("y3")
    day = int(day_s) if day_s else None
    if day is not None and not 1 <= day <= 31:
        return None
    return (int(year_s) if year_s else None), month, day


_Part = tuple[int, int, int, int, str, str]


def _source_spans(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[_Part]:
    """(part start, part end, source start, source end, source, date) for every citation part."""
    for span_start, span_end in spans:
        for paren in _PAREN.finditer(text, span_start, span_end):
            found: list[_Part] = []
            for start, end in _parts(text, paren.start("inner"), paren.end("inner")):
                m = _PART.match(text, start, end)
                if m is None or _parse_date(m.group("date")) is None:
                    found = []
                    break
                source = m.group("source").strip()
                if not _SOURCE_START.match(source) or len(source.split()) > 8:
                    found = []
                    break
                s_start = m.start("source") + (len(m.group("source")) - len(m.group("source").lstrip()))
                found.append(
                    (s_start, m.end("date"), s_start, s_start + len(source), source, m.group("date"))
                )
            yield from found


def citation_sources(
    text: str, spans: Sequence[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int, str]]:
    """(start, end, printed name) of every cited source: mentions of outlets the data may lack."""
    for _, _, s_start, s_end, source, _ in _source_spans(text, _spans(text, spans)):
        yield s_start, s_end, source


def _spans(text: str, spans: Sequence[tuple[int, int]] | None) -> Sequence[tuple[int, int]]:
    if spans is None:
        return ((0, len(text)),)
    n = len(text)
    return tuple((max(0, min(s, n)), max(0, min(e, n))) for s, e in spans if e > s)


def lookup_source(printed: str, gazetteer: Gazetteer) -> Institution | None:
    """The curated institution a printed source name refers to, if any."""
    curated = gazetteer.institution(printed)
    if curated is None:
        spaced = _CAMEL.sub(" ", printed)  # "EastAsiaForum" -> "East Asia Forum"
        if spaced != printed:
            curated = gazetteer.institution(spaced)
    return curated


def resolve_source(printed: str, gazetteer: Gazetteer) -> Institution:
    """The institution a printed source name refers to, named as printed.

    A curated match keeps its kind, acronym and country, with the canonical
    name as first alias; an unknown source is an uncurated media outlet.
    """
    curated = lookup_source(printed, gazetteer)
    if curated is None:
        return Institution(name=printed, kind=InstitutionKind.MEDIA, curated=False)
    if lookup_key(printed) == lookup_key(curated.name):
        return curated
    aliases = (curated.name, *(a for a in curated.aliases if a != printed))
    return attrs.evolve(curated, name=printed, aliases=aliases)


def scan_citations(
    text: str, spans: Sequence[tuple[int, int]] | None = None, *, gazetteer: Gazetteer | None = None
) -> tuple[CitationCandidate, ...]:
    """Every source of every inline citation in the spans (``None``: the whole text), in text order."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    out: list[CitationCandidate] = []
    for start, end, _, _, source, date in _source_spans(text, _spans(text, spans)):
        parsed = _parse_date(date)
        if parsed is None:  # pragma: no cover - _source_spans checked it
            continue
        if gaz.region(source) is not None and gaz.institution(source) is None:
            continue  # "(Moscow, May 9)" is a place and a date, not a source
        year, month, day = parsed
        out.append(
            CitationCandidate(resolve_source(source, gaz), text[start:end], start, end, year, month, day)
        )
    return tuple(out)


def _date(year: int, month: int, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:  # "February 30": keep the citation, drop the impossible date
        return None


def resolve_citations(
    candidates: Sequence[CitationCandidate], *, year: int | None, not_after: dt.date | None = None
) -> tuple[Citation, ...]:
    """Complete year-less dates with ``year`` (the article's), or the year before when
    that would put the cited item after ``not_after`` (the publication date).
    With no year known, a year-less citation keeps ``date=None`` (its ``raw`` keeps the text)."""
    out: list[Citation] = []
    for c in candidates:
        date: PartialDate | None = None
        if c.year is not None:
            date = _date(c.year, c.month, c.day)
        elif year is not None and 1 < year <= 9999:
            date = _date(year, c.month, c.day)
            if date is not None and not_after is not None and date.earliest > not_after:
                date = _date(year - 1, c.month, c.day)
        out.append(Citation(source=c.source, date=date, raw=c.raw, start=c.start, end=c.end))
    return tuple(out)
