"""extract_metadata on short pages imitating other outlets' layouts, as copied from a browser.

The pages (``fixtures/layout_pages/*.txt``) were written for these tests: a news agency, a
think-tank commentary with endnotes, a journal article with an abstract, a blog, a Russian
outlet's English page, two bios on one line, a byline polluted by widgets, a date at the end,
a Chinese outlet's source line, photo credits and a pull quote with an uncurated copyright line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sinoru_corpus.model import LineKind
from sinoru_corpus.page._bylines import parse_bios, parse_byline
from sinoru_corpus.page._datelines import section_of_dateline
from sinoru_corpus.page._metadata import PageMetadata, extract_metadata
from sinoru_corpus.page._outlets import copyright_holder, parse_publication_line

PAGE_DIR = Path(__file__).resolve().parent / "fixtures" / "layout_pages"

PAGES: dict[str, dict[str, Any]] = {
    "news_agency": {
        "title": "Moscow and Beijing sign new gas supply memorandum",
        "published": (2024, 3, 12, None),
        "outlet": "Reuters",
        "section": None,
        "authors": [("Anna Petrova", None, "Reuters")],
        "body": ("Russian and Chinese energy officials", "one Moscow-based banker said."),
    },
    "think_tank": {
        "title": "Why the Arctic Is a Test for the Sino-Russian Partnership",
        "published": (2022, 3, 3, None),
        "outlet": "Baltic Policy Institute",
        "section": "Commentary",
        "authors": [("Helen Carter", "senior fellow", "Baltic Policy Institute")],
        "body": ("The war in Ukraine has pushed", "shape cooperation for years.[2]"),
    },
    "journal": {
        "title": "The Limits of Alignment: Russia, China and Central Asian Security",
        "published": (2021, None, None, None),
        "outlet": "Journal of Eurasian Strategic Studies",
        "section": None,
        "authors": [("Li Wei", "Associate Professor", "Fudan University")],
        "body": ("Since the early 2000s", "to gain from competing openly."),
    },
    "blog": {
        "title": "What the Power of Siberia 2 delay tells us",
        "published": (2021, 7, 15, None),
        "outlet": None,
        "section": None,
        "authors": [("John Smith", None, None)],
        "body": ("The second pipeline to China", "rather than steel in the ground."),
    },
    "russian_outlet": {
        "title": "Russia and China after February: a partnership under stress",
        "published": (2022, 3, 15, None),
        "outlet": None,
        "section": "Analytics",
        "authors": [("Ivan Sokolov", "leading research fellow", "Institute of Far Eastern Studies")],
        "body": ("Moscow's turn to the East", "shared distrust of Washington."),
    },
    "two_bios": {
        "title": "Beijing's Balancing Act in Central Asia",
        "published": (2020, 6, None, None),
        "outlet": None,
        "section": None,
        "authors": [
            ("Maria Lopez", "research fellow", "Asia Security Centre"),
            ("Tom Becker", "senior analyst", "Nordic Defence Institute"),
        ],
        "body": ("China has become the main trading partner", "keep expanding in the region."),
    },
    "polluted_byline": {
        "title": "Can Moscow Live With a Junior Role?",
        "published": (2023, 4, 21, None),
        "outlet": None,
        "section": "Opinion",
        "authors": [("Peter Novak", None, None)],
        "body": ("Russian officials dislike the phrase", "leave it in foreign policy."),
    },
    "date_at_end": {
        "title": "The Sanctions Test",
        "published": (2019, 5, 4, None),
        "outlet": None,
        "section": None,
        "authors": [("Sarah Lindqvist", None, None)],
        "body": ("Western sanctions were meant", "neither says so in public."),
    },
    "chinese_outlet": {
        "title": "China, Russia pledge deeper cooperation in agriculture",
        "published": (2023, 5, 29, None),
        "outlet": "Global Times",
        "section": None,
        "authors": [],
        "body": ("China and Russia agreed on Monday", "dependence on Western markets."),
    },
    "photo_credits": {
        "title": "Old Friends, New Frictions",
        "published": (2019, 8, 9, None),
        "outlet": "Nordic Security Review",
        "section": "Russia",
        "authors": [("Daniel Brooks", None, None)],
        "body": ("The two leaders like to describe", "in size and in their ambitions."),
    },
    "expert_comment": {
        "title": "Five Years of the Belt and Road in Russia",
        "published": (2017, 11, 7, None),
        "outlet": None,
        "section": "Expert Comment",
        "authors": [("Olga Ivanova", "associate fellow", "Centre for Eurasian Studies")],
        "body": ("The Belt and Road Initiative was welcomed", "rather than competing with it."),
    },
}


def _published(m: PageMetadata) -> tuple[int | None, int | None, int | None, str | None] | None:
    p = m.published
    if p is None:
        return None
    return (p.year, p.month, p.day, p.season.value if p.season else None)


def _authors(m: PageMetadata) -> list[tuple[str, str | None, str | None]]:
    return [(a.name, a.role, a.affiliation.name if a.affiliation else None) for a in m.authors]


def _observed(m: PageMetadata) -> dict[str, Any]:
    lines = m.body.split("\n\n")
    return {
        "title": m.title,
        "published": _published(m),
        "outlet": m.outlet,
        "section": m.section,
        "authors": _authors(m),
        "body": (lines[0][:60], lines[-1][-60:]),
    }


def _page(name: str) -> str:
    return (PAGE_DIR / f"{name}.txt").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("field", ["title", "published", "outlet", "section", "authors"])
def test_page_field(name: str, field: str) -> None:
    assert _observed(extract_metadata(_page(name)))[field] == PAGES[name][field]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_body_bounds(name: str) -> None:
    body = extract_metadata(_page(name)).body
    first, last = PAGES[name]["body"]
    assert body.startswith(first)
    assert body.endswith(last)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_furniture_stays_out_of_body_and_title(name: str) -> None:
    text = _page(name)
    m = extract_metadata(text)
    body_lines = set(m.body.split("\n\n"))
    furniture = {
        text[ln.start : ln.end].strip()
        for ln in m.layout
        if ln.kind not in (LineKind.BODY, LineKind.SUBHEADING, LineKind.BLANK, LineKind.PULL_QUOTE)
    }
    assert not furniture & body_lines
    assert m.title not in furniture - {m.title} or m.title is None


def test_page_kinds_of_telling_lines() -> None:
    def kind(name: str, line: str) -> LineKind:
        text = _page(name)
        start = ("\n" + text).index("\n" + line + "\n")
        return next(ln.kind for ln in extract_metadata(text).layout if ln.start == start)

    assert kind("news_agency", "Skip to main content") is LineKind.NAVIGATION
    assert kind("news_agency", "World") is LineKind.NAVIGATION
    assert kind("news_agency", "Reading time: 4 min") is LineKind.FURNITURE
    assert kind("news_agency", "Reporting by Anna Petrova; editing by Mark Hill") is LineKind.FURNITURE
    assert kind("think_tank", "[1] Ministry of Transport statement, February 2022.") is LineKind.FURNITURE
    assert kind("journal", "Abstract") is LineKind.FURNITURE
    assert kind("photo_credits", "Vladimir Putin and Xi Jinping at a summit in Osaka. Getty Images") is (
        LineKind.IMAGE_CAPTION
    )
    assert kind("photo_credits", "Friendship is not the same as trust.") is LineKind.PULL_QUOTE
    assert kind("photo_credits", "© 2024 Nordic Security Review") is LineKind.FURNITURE


def test_journal_abstract_is_the_standfirst() -> None:
    m = extract_metadata(_page("journal"))
    assert m.standfirst is not None
    assert m.standfirst.startswith("This article examines how Russia and China")
    assert m.series is not None
    assert (m.series.name, m.series.volume, m.series.issue) == (
        "Journal of Eurasian Strategic Studies",
        "12",
        "3",
    )


def test_datelines_with_times_prefixes_and_labels() -> None:
    assert section_of_dateline("Published: 12 March 2024 14:05") == (None, (11, 24), "dateline")
    assert section_of_dateline("2023-05-29 09:15 Source: Global Times Editor: Wang Lin") == (
        None,
        (0, 10),
        "dateline",
    )
    assert section_of_dateline("Posted on 2021-07-15 by John Smith") == (None, (10, 20), "byline")
    assert section_of_dateline("2023-05-29 09:15 the minister said trade grew") == (None, None, None)


def test_byline_helpers() -> None:
    assert [b.name for b in parse_byline("By Peter Novak | Email the author | 6 minute read")] == [
        "Peter Novak"
    ]
    (anna,) = parse_byline("By Anna Petrova, Reuters")
    assert (anna.name, anna.affiliation) == ("Anna Petrova", "Reuters")
    bios = parse_bios(
        "Alice Bell is a fellow at the X Institute. She writes on oil. Carl Dorn is an analyst at Y Centre."
    )
    assert [(b.name, b.role, b.affiliation) for b in bios] == [
        ("Alice Bell", "fellow", "X Institute"),
        ("Carl Dorn", "analyst", "Y Centre"),
    ]


def test_copyright_and_publication_lines() -> None:
    holder = copyright_holder("© 2023 The Baltic Policy Institute. All rights reserved.")
    assert holder is not None
    assert (holder.surface, holder.outlet) == ("Baltic Policy Institute", None)
    curated = copyright_holder("Copyright © 2010-2024 Reuters. All rights reserved")
    assert curated is not None
    assert curated.outlet is not None
    assert curated.outlet.name == "Reuters"
    assert copyright_holder("Copyright law in China changed in 2021.") is None
    pub = parse_publication_line("Journal of Eurasian Strategic Studies, Vol. 12, No. 3 (2021)")
    assert pub is not None
    assert (pub.name, pub.volume, pub.issue) == ("Journal of Eurasian Strategic Studies", "12", "3")
    bare = parse_publication_line("Volume 3, Issue 4")
    assert bare is not None
    assert bare.name is None
