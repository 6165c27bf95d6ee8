"""The metadata half of the parser: layout, title, standfirst, body, date, outlet, authors.

``extract_metadata(text)`` takes already-normalised text and never raises; what it
cannot determine becomes a :class:`ParseWarning`.
"""

from __future__ import annotations

import re

import attrs

from .._safety import strict as _strict
from ..dates._grammar import find_dates, find_years, parse_date
from ..model import Author, Evidence, LayoutLine, LineKind, ParseWarning, PartialDate, Series, WarningCode
from ._bylines import (
    READING_TIME_BYLINE,
    BioReading,
    BylineName,
    author_notes,
    choose_bylines,
    merge_authors,
    parse_bios,
)
from ._cues import layout_cues
from ._datelines import choose_published, date_warnings
from ._layout import apply_lead_paragraph, classify_lines, cued_date_line, is_headline, section_of_dateline
from ._outlets import (
    Outlet,
    OutletCue,
    copyright_holder,
    find_outlet_names,
    from_site,
    lookup_outlet,
    parse_publication_line,
    self_references,
    title_suffix_site,
)

__all__ = ["PageMetadata", "extract_metadata"]

_K = LineKind


@attrs.frozen
class PageMetadata:
    """Everything :func:`extract_metadata` reads from one page; spans index the input text."""

    layout: tuple[LayoutLine, ...]
    title: str | None
    title_span: tuple[int, int] | None
    standfirst: str | None
    standfirst_span: tuple[int, int] | None
    body: str
    body_spans: tuple[tuple[int, int], ...]
    published: PartialDate | None
    published_span: tuple[int, int] | None
    section: str | None
    series: Series | None
    outlet: str | None
    authors: tuple[Author, ...]
    warnings: tuple[ParseWarning, ...]


@attrs.frozen
class _OutletFinding:
    name: str
    outlet: Outlet | None
    start: int
    end: int
    reason: str
    series: Series | None = None


def extract_metadata(text: str) -> PageMetadata:
    """Read the page's metadata; never raises on any ``str``."""
    if not isinstance(text, str):
        text = ""
    try:
        return _extract(text)
    except Exception as exc:  # a parser bug must not lose the page: keep every line as body
        if _strict():  # tests and fuzzing: a bug fails loudly (see _safety.py)
            raise
        return _fallback(text, exc)


def _fallback(text: str, exc: Exception) -> PageMetadata:
    layout, spans, pos = [], [], 0
    for i, line in enumerate(text.split("\n")):
        kind = _K.BODY if line.strip() else _K.BLANK
        layout.append(LayoutLine(number=i, start=pos, end=pos + len(line), kind=kind, reason="fallback"))
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    warning = ParseWarning(WarningCode.OTHER, f"metadata extraction failed: {type(exc).__name__}")
    return PageMetadata(
        tuple(layout), None, None, None, None, "\n\n".join(text[a:b] for a, b in spans), tuple(spans),
        None, None, None, None, None, (), (warning,),
    )  # fmt: skip


def _find_outlet(text: str, layout: tuple[LayoutLine, ...]) -> _OutletFinding | None:
    """The page's own outlet, from its strongest cue."""
    by_kind: dict[LineKind, list[LayoutLine]] = {}
    for line in layout:
        by_kind.setdefault(line.kind, []).append(line)
    for line in by_kind.get(_K.PUBLICATION, ()):
        pub = parse_publication_line(text[line.start : line.end])
        if pub is not None and pub.name:
            o = lookup_outlet(pub.name)
            return _OutletFinding(pub.name, o, line.start, line.end, "publication line", pub.series())
    for kind, reason in ((_K.NAVIGATION, "breadcrumb"), (_K.DISCLAIMER, "publisher disclaimer")):
        for line in by_kind.get(kind, ()):
            if kind is _K.NAVIGATION and line.reason != "breadcrumb":
                continue
            cues = [c for c in find_outlet_names(text[line.start : line.end], line.start) if c.outlet]
            if cues and cues[0].outlet is not None:
                return _OutletFinding(cues[0].outlet.name, cues[0].outlet, cues[0].start, cues[0].end, reason)
    for line in by_kind.get(_K.NAVIGATION, ()):
        if line.reason == "masthead":  # the site's name above the headline
            raw = text[line.start : line.end].strip()
            o = lookup_outlet(raw)
            a = text.index(raw, line.start)
            return _OutletFinding(o.name if o else raw, o, a, a + len(raw), "masthead")
    copyrights = [  # whatever kind the line was given: the copyright form itself is the evidence
        c for ln in layout if (c := copyright_holder(text[ln.start : ln.end], ln.start))
    ]
    for c in copyrights:
        if c.outlet is not None:
            return _OutletFinding(c.outlet.name, c.outlet, c.start, c.end, "copyright line")
    for line in by_kind.get(_K.DATELINE, []) + by_kind.get(_K.BYLINE, []):
        # "… Source: Global Times", "By Anna Petrova, Reuters": a curated outlet on the date or name line
        for cue in find_outlet_names(text[line.start : line.end], line.start):
            if cue.outlet is not None:
                return _OutletFinding(cue.outlet.name, cue.outlet, cue.start, cue.end, "dateline or byline")
    body = [(ln.start, ln.end) for ln in layout if ln.kind in (_K.BODY, _K.STANDFIRST, _K.SUBHEADING)]
    for cue in self_references(text, body):
        if cue.outlet is not None:
            return _OutletFinding(cue.outlet.name, cue.outlet, cue.start, cue.end, "the outlet names itself")
    return _site_outlet(text, layout, copyrights)


def _site_outlet(
    text: str, layout: tuple[LayoutLine, ...], copyrights: list[OutletCue]
) -> _OutletFinding | None:
    """An outlet not in the table, named by the page itself: the suffix of a page-title line
    ("Headline | Site"), a "from X Website" credit, then the holder of the copyright line."""
    title = next((ln for ln in layout if ln.kind is _K.TITLE), None)
    site = title_suffix_site(text, text[title.start : title.end].strip()) if title else None
    if site is not None:
        return _OutletFinding(site.surface, site.outlet, site.start, site.end, "page-title line")
    for ln in layout:
        if (cue := from_site(text[ln.start : ln.end], ln.start)) is not None:
            return _OutletFinding(cue.surface, cue.outlet, cue.start, cue.end, "from a website")
    if copyrights:  # an outlet not in the table, naming itself on its copyright line
        c = copyrights[0]
        return _OutletFinding(c.surface, None, c.start, c.end, "copyright line")
    return None


_CRUMB_SEP = re.compile(r"[ \u00a0]+(?:>|›|»|/|\||→|•|·)[ \u00a0]+")


def _breadcrumb_section(crumb: str, outlet: _OutletFinding | None, title: str | None) -> str | None:
    s = crumb.strip()
    if s.startswith("Home"):
        s = s[4:]
    parts = [p.strip() for p in _CRUMB_SEP.split(s) if p.strip()]
    if len(parts) == 1:  # no separators: "Home <Outlet> <Section> <Title>"
        rest = parts[0]
        if title and rest.endswith(title):
            rest = rest[: -len(title)].strip()
        found = find_outlet_names(rest)
        if found and found[0].start == 0:
            rest = rest[found[0].end :].strip()
        menu = layout_cues().navigation_lines
        if all(w.casefold() in menu for w in rest.split()):  # "Home About Archive": a site menu
            return None
        return rest or None
    names = (
        {n.casefold() for n in ((outlet.name,) + (outlet.outlet.aliases if outlet.outlet else ())) if n}
        if outlet
        else set()
    )
    crumbs = [p for p in parts if p.casefold() not in names and p != title and p.casefold() != "home"]
    return crumbs[-1] if crumbs else None


def _is_update(line: str) -> bool:
    return line.casefold().startswith(("updated", "last updated", "modified", "last modified"))


def _fallback_date(
    text: str, lines: list[LayoutLine], day_first: bool
) -> tuple[PartialDate | None, tuple[int, int] | None]:
    """A date printed on a periodical line or a "first published on" note."""
    for line in lines:
        raw = text[line.start : line.end]
        if (
            line.kind is _K.DISCLAIMER
            and "published" not in raw.casefold()
            and "appeared" not in raw.casefold()
        ):
            continue
        spans = [(d.start, d.end) for d in find_dates(raw)] or [(a, b) for a, b, _ in find_years(raw)]
        for a, b in spans:
            reading = parse_date(raw[a:b], day_first=day_first)
            if reading is not None and not reading.ambiguous:
                return reading.date, (line.start + a, line.start + b)
    return None, None


_FOOTER_DATE_WORDS = 30


def _footer_date(
    text: str, layout: tuple[LayoutLine, ...], day_first: bool
) -> tuple[PartialDate, tuple[int, int]] | None:
    """The date of the page's only cued date line below the text ("Created on Sunday, 18 October
    2020", "Posted 3 May 2021 by X"), for a page that prints no date above it. Two such lines
    are a list of other posts, and give nothing."""
    last = max((k for k, ln in enumerate(layout) if ln.kind in (_K.BODY, _K.SUBHEADING)), default=None)
    if last is None:
        return None
    found = [
        ln
        for ln in layout[last + 1 :]
        if ln.end - ln.start <= 400 and cued_date_line(text[ln.start : ln.end].strip(), _FOOTER_DATE_WORDS)
    ]
    if len(found) != 1:
        return None
    line = found[0]
    raw = text[line.start : line.end]
    for d in find_dates(raw):
        reading = parse_date(d.raw, day_first=day_first)
        if d.year is not None and d.day is not None and reading is not None and not reading.ambiguous:
            return reading.date, (line.start + d.start, line.start + d.end)
    return None


_ABOVE = 6  # non-blank lines above the byline where the headline stands
_BELOW = 4  # ... or below it, under a byline printed first
# layout reasons that name no cue: the line was left over in the header, not read as a widget
_OPEN_REASONS = frozenset(
    {"site header above the headline", "unrecognised header line", "headline before the first paragraph"}
)
_SEPARATORS = (" / ", " | ", " · ", " • ", " › ", " » ")
_FURNITURE = frozenset({_K.NAVIGATION, _K.FURNITURE, _K.TITLE})


def _headline_over_byline(
    text: str, layout: tuple[LayoutLine, ...], at: int
) -> tuple[LayoutLine, ...] | None:
    """The headline printed right above the chosen byline, when the layout took another line
    (a teaser further down, a label in a menu) for the headline: the layout with the title moved.

    ``None`` when the layout's headline already stands a few lines above the byline, or no
    headline-shaped line stands directly above it."""
    k = next((i for i, ln in enumerate(layout) if ln.start <= at <= ln.end), None)
    if k is None:
        return None
    above = [i for i in range(k - 1, -1, -1) if layout[i].kind is not _K.BLANK][:_ABOVE]
    below = [i for i in range(k + 1, len(layout)) if layout[i].kind is not _K.BLANK][:_BELOW]
    if any(layout[i].kind is _K.TITLE for i in above + below):
        return None  # the headline stands beside the byline (above it, or under a kicker byline)
    if not above or not _headline_line(text, layout[above[0]]):
        return None
    j = above[0]
    if j >= 2 and all(_headline_line(text, layout[i]) for i in (j - 1, j - 2)):
        return None  # the last of three adjacent headlines: a list of links, not the article's
    if len(above) > 1 and _headline_line(text, layout[above[1]]):
        j = above[1]  # a headline over its subtitle: the first of the two
    out = [
        attrs.evolve(ln, kind=_K.FURNITURE, reason="headline-shaped line away from the byline")
        if ln.kind is _K.TITLE
        else ln
        for ln in layout
    ]
    out[j] = attrs.evolve(layout[j], kind=_K.TITLE, reason="headline right above the byline")
    return tuple(out)


def _headline_line(text: str, line: LayoutLine) -> bool:
    """A headline-shaped line of four words or more that no cue made a menu or widget."""
    s = text[line.start : line.end].strip()
    return (
        line.kind in _FURNITURE
        and line.reason in _OPEN_REASONS
        and len(s.split()) >= 4
        and is_headline(s)
        and not any(sep in s for sep in _SEPARATORS)
    )


def _extract(text: str) -> PageMetadata:
    warnings: list[ParseWarning] = []
    layout = classify_lines(text)
    found = _find_outlet(text, layout)
    outlet = found.outlet if found else None
    if outlet is not None and outlet.lead_paragraph:
        layout = apply_lead_paragraph(layout)

    def lines(kind: LineKind) -> list[LayoutLine]:
        return [ln for ln in layout if ln.kind is kind]

    def s(line: LayoutLine) -> str:
        return text[line.start : line.end].strip()

    titles = lines(_K.TITLE)
    title = s(titles[0]) if titles else None
    title_span = (titles[0].start, titles[0].end) if titles else None
    stand = lines(_K.STANDFIRST)
    standfirst = "\n\n".join(s(ln) for ln in stand) if stand else None
    standfirst_span = (stand[0].start, stand[-1].end) if stand else None

    body_lines = [ln for ln in layout if ln.kind in (_K.BODY, _K.SUBHEADING)]
    while body_lines and body_lines[0].kind is _K.SUBHEADING and any(ln.kind is _K.BODY for ln in body_lines):
        body_lines.pop(0)  # an opening heading ("Introduction") is marked, but the text starts at the prose
    body_spans = tuple((ln.start, ln.end) for ln in body_lines)
    body = "\n\n".join(s(ln) for ln in body_lines)

    # date and section
    day_first = outlet.day_first if outlet else True
    published: PartialDate | None = None
    published_span: tuple[int, int] | None = None
    section: str | None = None
    chosen = choose_published(text, layout, day_first=outlet.day_first if outlet else None)
    if chosen is not None:
        published, published_span = chosen.reading.date, (chosen.start, chosen.end)
        warnings.extend(date_warnings(chosen.reading, published_span))
    # a "Published" line before an "Updated" one, whatever their order on the page
    datelines = sorted(lines(_K.DATELINE) + lines(_K.BYLINE), key=lambda ln: _is_update(s(ln)))
    for line in datelines:
        raw_line = text[line.start : line.end]
        sec, span, _ = section_of_dateline(raw_line)
        if line.kind is _K.DATELINE and sec and section is None:
            section = sec
        if span is None or published is not None:
            continue
        reading = parse_date(raw_line[span[0] : span[1]], day_first=day_first)
        if reading is None:
            continue
        published, published_span = reading.date, (line.start + span[0], line.start + span[1])
        warnings.extend(date_warnings(reading, published_span))
    if published is None:  # "Vol. 12, No. 3 (2021)", "This article was first published on 4 May 2019."
        published, published_span = _fallback_date(
            text, lines(_K.PUBLICATION) + lines(_K.DISCLAIMER), day_first
        )
    if published is None and (footer := _footer_date(text, layout, day_first)) is not None:
        published, published_span = footer
    if section is None:
        for line in lines(_K.SECTION):
            section = s(line).rstrip(" :")
            break
    if section is None:
        for line in lines(_K.NAVIGATION):
            if line.reason == "breadcrumb":
                section = _breadcrumb_section(s(line), found, title)
                break

    # authors
    bylines: list[tuple[BylineName, Evidence]] = list(choose_bylines(text, layout, date_span=published_span))
    bios: list[tuple[BioReading, Evidence]] = []
    for line in lines(_K.AUTHOR_BIO):
        for bio in parse_bios(s(line)):
            bios.append((bio, Evidence(line.start, line.end, "author bio")))
    bios.extend(author_notes(text, layout, [b.name for b, _ in bylines]))
    authors = merge_authors(bylines, bios)
    if (
        bylines
        and bylines[0][1].reason != READING_TIME_BYLINE  # a widget's name line, not the header's byline
        and (moved := _headline_over_byline(text, layout, bylines[0][1].start)) is not None
    ):
        layout = moved
        titles = lines(_K.TITLE)
        title = s(titles[0])
        title_span = (titles[0].start, titles[0].end)

    if title is None:
        warnings.append(ParseWarning(WarningCode.NO_TITLE, "no title found"))
    if published is None:
        warnings.append(ParseWarning(WarningCode.NO_DATE, "no publication date stated"))
    if not authors:
        warnings.append(ParseWarning(WarningCode.NO_AUTHOR, "no author found"))
    if not body:
        code = WarningCode.EMPTY_INPUT if not text.strip() else WarningCode.NO_BODY
        warnings.append(ParseWarning(code, "empty input" if not text.strip() else "no body text found"))
    return PageMetadata(
        layout=layout,
        title=title,
        title_span=title_span,
        standfirst=standfirst,
        standfirst_span=standfirst_span,
        body=body,
        body_spans=body_spans,
        published=published,
        published_span=published_span,
        section=section,
        series=found.series if found else None,
        outlet=found.name if found else None,
        authors=authors,
        warnings=tuple(warnings),
    )
