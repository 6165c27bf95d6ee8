"""The typed data model: frozen, slotted value objects and their enums.

Nothing in this module parses text; it only defines what a parsed page is.
Every span is a half-open ``[start, end)`` pair of offsets into
``Article.text`` (the normalised input), so ``article.text[start:end]`` is the
evidence for the value that carries it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from typing import Any

import attrs

from ._kinds import (
    FrameLabel,
    InstitutionKind,
    LineKind,
    Precision,
    RegionKind,
    Season,
    SpeakerKind,
    Stance,
    WarningCode,
)

__all__ = [
    "Article",
    "Author",
    "Citation",
    "Claim",
    "DateBounds",
    "Entity",
    "Evidence",
    "Frame",
    "FrameLabel",
    "Institution",
    "InstitutionKind",
    "LayoutLine",
    "LineKind",
    "Mention",
    "ParseWarning",
    "PartialDate",
    "Person",
    "Precision",
    "Region",
    "RegionKind",
    "Season",
    "Series",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "WarningCode",
    "article_id",
]


# ------------------------------------------------------------------ helpers


def _tuple_of(value: Any) -> tuple[Any, ...]:
    """Converter: accept any iterable (list, generator) and store a tuple."""
    return tuple(value)


def _non_negative(_inst: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


def _span_ok(inst: Any, _attribute: attrs.Attribute[int], end: int) -> None:
    if end < inst.start:
        raise ValueError(f"span end {end} precedes its start {inst.start}")


def _non_empty(_inst: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty or blank, got {value!r}")


def _optional_non_empty(_inst: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name} must be None or non-blank, got {value!r}")


# ------------------------------------------------------------------- dates

_SEASON_MONTHS: dict[Season, tuple[int, int]] = {
    # (first month, last month); winter runs from December into the next year.
    Season.SPRING: (3, 5),
    Season.SUMMER: (6, 8),
    Season.FALL: (9, 11),
    Season.WINTER: (12, 2),
}


@attrs.frozen
class PartialDate:
    """A calendar date known only to some precision.

    ``PartialDate(2016, season=Season.FALL)`` is "Fall 2016";
    ``PartialDate(2023, 6, 2)`` is 2 June 2023; ``PartialDate(2015)`` is the
    year 2015 and nothing more: a missing month or day is never filled in.
    A winter season belongs to the year in which it starts: ``Winter 2016``
    (and ``Winter 2016/17``) runs from December 2016 to February 2017.
    """

    year: int
    month: int | None = None
    day: int | None = None
    season: Season | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        y, m, d, s = self.year, self.month, self.day, self.season
        if isinstance(y, bool) or not isinstance(y, int) or not 1 <= y <= 9999:
            raise ValueError(f"year must be an int in 1..9999, got {y!r}")
        if s is not None and not isinstance(s, Season):
            raise ValueError(f"season must be a Season or None, got {s!r}")
        if s is not None and (m is not None or d is not None):
            raise ValueError(
                f"a season cannot be given with a month or day: {s.value} {y}, month={m!r}, day={d!r}"
            )
        if m is not None and (isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12):
            raise ValueError(f"month must be an int in 1..12, got {m!r}")
        if d is not None:
            if m is None:
                raise ValueError(f"a day needs a month: year={y}, day={d!r}")
            last = calendar.monthrange(y, m)[1]
            if isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= last:
                raise ValueError(f"day must be in 1..{last} for {y}-{m:02d}, got {d!r}")

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.season is not None:
            return Precision.SEASON
        return Precision.YEAR

    @property
    def earliest(self) -> dt.date:
        """The first calendar day this date may be."""
        if self.season is not None:
            return dt.date(self.year, _SEASON_MONTHS[self.season][0], 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last calendar day this date may be."""
        y = self.year
        if self.season is not None:
            first, last = _SEASON_MONTHS[self.season]
            if last < first:  # winter spills into the next year
                y += 1
                if y > 9999:
                    return dt.date(9999, 12, 31)
            return dt.date(y, last, calendar.monthrange(y, last)[1])
        if self.day is not None and self.month is not None:
            return dt.date(y, self.month, self.day)
        if self.month is not None:
            return dt.date(y, self.month, calendar.monthrange(y, self.month)[1])
        return dt.date(y, 12, 31)

    def to_date(self) -> dt.date | None:
        """The exact day, or ``None`` when the precision is coarser than a day."""
        return self.earliest if self.precision is Precision.DAY else None

    def overlaps(self, other: PartialDate | dt.date) -> bool:
        """Whether the two may be the same day (their ranges intersect)."""
        lo, hi = _range(other)
        return self.earliest <= hi and lo <= self.latest

    def within(self, other: PartialDate | dt.date) -> bool:
        """Whether this date is certainly inside ``other``'s range."""
        lo, hi = _range(other)
        return lo <= self.earliest and self.latest <= hi

    def isoformat(self) -> str:
        """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-<season>``."""
        if self.season is not None:
            return f"{self.year:04d}-{self.season.value}"
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)


def _range(value: PartialDate | dt.date) -> tuple[dt.date, dt.date]:
    if isinstance(value, PartialDate):
        return value.earliest, value.latest
    return value, value


@attrs.frozen
class Evidence:
    """A span of ``Article.text`` and why it supports a value."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _span_ok])
    reason: str = attrs.field(default="")


@attrs.frozen
class DateBounds:
    """The window a publication date must lie in, inferred from the text.

    ``earliest``/``latest`` are ``None`` when unbounded; each bound carries the
    evidence that set it.
    """

    earliest: dt.date | None = None
    latest: dt.date | None = None
    earliest_evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_tuple_of)
    latest_evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_tuple_of)

    def __attrs_post_init__(self) -> None:
        if self.earliest is not None and self.latest is not None and self.latest < self.earliest:
            raise ValueError(f"latest bound {self.latest} precedes earliest bound {self.earliest}")

    def contains(self, day: dt.date) -> bool:
        return (self.earliest is None or self.earliest <= day) and (self.latest is None or day <= self.latest)


# ------------------------------------------------------------------ entities


@attrs.frozen
class Region:
    """A place: country, region, city, sea... ``parent`` names the enclosing region."""

    name: str = attrs.field(validator=_non_empty)
    kind: RegionKind = attrs.field(validator=attrs.validators.instance_of(RegionKind))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of)
    parent: str | None = attrs.field(default=None, validator=_optional_non_empty)
    iso_code: str | None = attrs.field(default=None, validator=_optional_non_empty)
    curated: bool = True


@attrs.frozen
class Institution:
    """An organisation, format, outlet or initiative; ``curated`` is False when
    it was recognised from the text's shape rather than from the package data."""

    name: str = attrs.field(validator=_non_empty)
    kind: InstitutionKind = attrs.field(validator=attrs.validators.instance_of(InstitutionKind))
    acronym: str | None = attrs.field(default=None, validator=_optional_non_empty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of)
    country: str | None = attrs.field(default=None, validator=_optional_non_empty)
    curated: bool = True


@attrs.frozen
class Person:
    """A named individual."""

    name: str = attrs.field(validator=_non_empty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of)
    role: str | None = attrs.field(default=None, validator=_optional_non_empty)
    country: str | None = attrs.field(default=None, validator=_optional_non_empty)
    curated: bool = True


Entity = Region | Institution | Person


@attrs.frozen
class Mention:
    """One occurrence of an entity: ``text[start:end] == surface``."""

    surface: str = attrs.field(validator=_non_empty)
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _span_ok])
    entity: Entity

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.surface):
            raise ValueError(
                f"span {self.start}:{self.end} has length {self.end - self.start}, "
                f"but surface {self.surface!r} has length {len(self.surface)}"
            )


@attrs.frozen
class Author:
    """A byline author, with the role and affiliation printed beside the name."""

    name: str = attrs.field(validator=_non_empty)
    role: str | None = attrs.field(default=None, validator=_optional_non_empty)
    affiliation: Institution | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_tuple_of)


@attrs.frozen
class Series:
    """A periodical the article appeared in, with volume and issue as printed."""

    name: str = attrs.field(validator=_non_empty)
    volume: str | None = attrs.field(default=None, validator=_optional_non_empty)
    issue: str | None = attrs.field(default=None, validator=_optional_non_empty)


@attrs.frozen
class Citation:
    """An inline source citation such as ``(TASS, August 24, 2020)``.

    ``source`` is the cited institution named as the page prints it
    (``"Kremlin.ru"``); when the gazetteer knows it, kind, acronym and country
    are the curated ones and the canonical name (``"Kremlin"``) is the first
    alias. ``raw`` is ``text[start:end]``: one source with its date, without
    the parentheses or the ``;`` separating it from its neighbours.
    """

    source: Institution
    date: PartialDate | None
    raw: str = attrs.field(validator=_non_empty)
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _span_ok])


# ------------------------------------------------------------------ claims


@attrs.frozen
class Speaker:
    """Who holds a claimed position.

    ``entity`` links to the Person or Institution when it is known; ``country``
    is set for collective speakers such as "Chinese experts".
    """

    name: str = attrs.field(validator=_non_empty)
    kind: SpeakerKind = attrs.field(validator=attrs.validators.instance_of(SpeakerKind))
    entity: Person | Institution | None = None
    country: str | None = attrs.field(default=None, validator=_optional_non_empty)


@attrs.frozen
class Frame:
    """A reading of the relationship (``label``) held with a ``stance``.

    ``start:end`` is the evidence phrase in ``Article.text``.
    """

    label: FrameLabel = attrs.field(validator=attrs.validators.instance_of(FrameLabel))
    stance: Stance = attrs.field(validator=attrs.validators.instance_of(Stance))
    evidence: str = attrs.field(validator=_non_empty)
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _span_ok])


@attrs.frozen
class Claim:
    """A position attributed to a speaker: one sentence of the article.

    ``text == article.text[start:end]``; ``cue`` is the reporting words
    (``None`` for a continuation of a quotation) at ``cue_start:cue_end``.
    """

    speaker: Speaker
    cue: str | None
    text: str = attrs.field(validator=_non_empty)
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _span_ok])
    quoted: bool = False
    cue_start: int | None = None
    cue_end: int | None = None
    regions: tuple[Region, ...] = attrs.field(default=(), converter=_tuple_of)
    institutions: tuple[Institution, ...] = attrs.field(default=(), converter=_tuple_of)
    frames: tuple[Frame, ...] = attrs.field(default=(), converter=_tuple_of)

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"claim span {self.start}:{self.end} does not fit its text of length {len(self.text)}"
            )
        if (self.cue_start is None) != (self.cue_end is None):
            raise ValueError("cue_start and cue_end must both be set or both be None")
        if self.cue_start is not None and self.cue_end is not None:
            if self.cue_end < self.cue_start:
                raise ValueError(f"cue span end {self.cue_end} precedes its start {self.cue_start}")
            if self.cue is None:
                raise ValueError("a cue span needs a cue")


# ------------------------------------------------------------------ layout


@attrs.frozen
class LayoutLine:
    """The classification of one input line: ``text[start:end]`` without its newline."""

    number: int = attrs.field(validator=_non_negative)
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _span_ok])
    kind: LineKind = attrs.field(validator=attrs.validators.instance_of(LineKind))
    reason: str = ""


@attrs.frozen
class ParseWarning:
    """Something the parser could not determine or had to alter."""

    code: WarningCode = attrs.field(validator=attrs.validators.instance_of(WarningCode))
    message: str = attrs.field(validator=_non_empty)
    start: int | None = None
    end: int | None = None


# ------------------------------------------------------------------ article


_ID_CHUNK = 1 << 13


def article_id(text: str, source: str | None = None) -> str:
    """Stable identifier: the first 16 hex digits of SHA-256 over source and text."""
    digest = hashlib.sha256()
    digest.update((source or "").encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    # In 8K-character slices: encoding a long text at once holds up to three bytes a character (the
    # encoder's worst case) beside it; UTF-8 encodes each code point alone, so the bytes
    # hashed are the same.
    for i in range(0, len(text), _ID_CHUNK):
        digest.update(text[i : i + _ID_CHUNK].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _default_id(article: Article) -> str:
    return article_id(article.text, article.source)


@attrs.frozen(kw_only=True)
class Article:
    """One parsed page. ``text`` is the normalised input; every span points into it."""

    text: str
    source: str | None = None
    title: str | None = None
    standfirst: str | None = None
    body: str = ""
    layout: tuple[LayoutLine, ...] = attrs.field(default=(), converter=_tuple_of)
    published: PartialDate | None = None
    published_bounds: DateBounds = attrs.field(factory=DateBounds)
    outlet: str | None = None
    section: str | None = None
    series: Series | None = None
    authors: tuple[Author, ...] = attrs.field(default=(), converter=_tuple_of)
    institutions: tuple[Institution, ...] = attrs.field(default=(), converter=_tuple_of)
    regions: tuple[Region, ...] = attrs.field(default=(), converter=_tuple_of)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_tuple_of)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_tuple_of)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple_of)
    frames: tuple[Frame, ...] = attrs.field(default=(), converter=_tuple_of)
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple_of)
    warnings: tuple[ParseWarning, ...] = attrs.field(default=(), converter=_tuple_of)
    id: str = attrs.field(default=attrs.Factory(_default_id, takes_self=True))

    def __repr__(self) -> str:
        # The full text would drown the repr; show what identifies the page.
        return (
            f"Article(id={self.id!r}, title={self.title!r}, published={self.published!r}, "
            f"outlet={self.outlet!r}, authors={[a.name for a in self.authors]!r}, "
            f"claims={len(self.claims)}, mentions={len(self.mentions)})"
        )

    def lines_of(self, kind: LineKind) -> tuple[LayoutLine, ...]:
        """The layout lines of one kind, in order."""
        return tuple(line for line in self.layout if line.kind is kind)
