"""The enumerations of the data model: every "kind" is one of these values.

They live apart from :mod:`sinoru_corpus.model` only to keep modules short;
``sinoru_corpus.model`` re-exports them all.
"""

from __future__ import annotations

import enum

__all__ = [
    "FrameLabel",
    "InstitutionKind",
    "LineKind",
    "Precision",
    "RegionKind",
    "Season",
    "SpeakerKind",
    "Stance",
    "WarningCode",
]


class Season(enum.Enum):
    """A season of the (northern-hemisphere) year, as printed on dated issues."""

    SPRING = "spring"
    SUMMER = "summer"
    FALL = "fall"
    WINTER = "winter"


class Precision(enum.Enum):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"


class RegionKind(enum.Enum):
    CONTINENT = "continent"
    MACRO_REGION = "macro_region"
    SUBREGION = "subregion"
    COUNTRY = "country"
    SUBNATIONAL = "subnational"
    CITY = "city"
    SEA = "sea"
    ISLAND_TERRITORY = "island_territory"
    OTHER = "other"


class InstitutionKind(enum.Enum):
    THINK_TANK = "think_tank"
    IGO = "igo"
    GOVERNMENT = "government"
    MILITARY = "military"
    MEDIA = "media"
    UNIVERSITY = "university"
    COMPANY = "company"
    INITIATIVE = "initiative"
    OTHER = "other"


class SpeakerKind(enum.Enum):
    PERSON = "person"
    INSTITUTION = "institution"
    GROUP = "group"
    AUTHOR = "author"


class FrameLabel(enum.Enum):
    """The readings of the Russia-China relationship that the field argues about."""

    ALLIANCE = "alliance"
    QUASI_ALLIANCE = "quasi_alliance"
    MARRIAGE_OF_CONVENIENCE = "marriage_of_convenience"
    ASYMMETRIC_JUNIOR_PARTNER = "asymmetric_junior_partner"
    RIVALRY = "rivalry"
    PARTNERSHIP_PEAKED = "partnership_peaked"


class Stance(enum.Enum):
    """How a text holds a frame: as its own thesis, denied, or reported."""

    ARGUES = "argues"
    REJECTS = "rejects"
    REPORTS = "reports"


class LineKind(enum.Enum):
    """What one line of the input page is."""

    BLANK = "blank"
    FURNITURE = "furniture"
    NAVIGATION = "navigation"
    TITLE = "title"
    STANDFIRST = "standfirst"
    SECTION = "section"
    DATELINE = "dateline"
    BYLINE = "byline"
    IMAGE_CAPTION = "image_caption"
    FIGURE_CAPTION = "figure_caption"
    PULL_QUOTE = "pull_quote"
    SUBHEADING = "subheading"
    BODY = "body"
    AUTHOR_BIO = "author_bio"
    DISCLAIMER = "disclaimer"
    TAGS = "tags"
    PUBLICATION = "publication"


class WarningCode(enum.Enum):
    """Machine-readable reason of a :class:`ParseWarning`."""

    NO_TITLE = "no_title"
    NO_DATE = "no_date"
    NO_AUTHOR = "no_author"
    NO_BODY = "no_body"
    DATE_AMBIGUOUS = "date_ambiguous"
    DATE_INVALID = "date_invalid"
    DATE_CONFLICT = "date_conflict"
    TEXT_ALTERED = "text_altered"
    DECODING = "decoding"
    EMPTY_INPUT = "empty_input"
    OTHER = "other"
