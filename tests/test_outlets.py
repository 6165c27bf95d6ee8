"""The curated outlet table is well formed, and page cues find the page's own outlet."""

from __future__ import annotations

import json
from importlib import resources

from sinoru_corpus.model import InstitutionKind
from sinoru_corpus.page._outlets import (
    find_outlet_names,
    load_outlets,
    lookup_outlet,
    parse_publication_line,
    self_references,
)


def _raw() -> list[dict[str, object]]:
    text = resources.files("sinoru_corpus").joinpath("data/outlets.json").read_text("utf-8")
    return json.loads(text)["outlets"]  # type: ignore[no-any-return]


def test_table_is_well_formed() -> None:
    raw = _raw()
    assert len(raw) >= 60
    allowed = {"name", "aliases", "kind", "country", "publisher", "conventions"}
    for row in raw:
        assert set(row) <= allowed
        assert isinstance(row["name"], str)
        assert row["name"].strip()
        InstitutionKind(row["kind"])


def test_no_colliding_names_or_aliases() -> None:
    seen: dict[str, str] = {}
    for o in load_outlets():
        for n in (o.name, *o.aliases):
            key = n.casefold().removeprefix("the ")
            assert seen.setdefault(key, o.name) == o.name, f"{n!r} names {seen[key]!r} and {o.name!r}"


def test_publishers_are_listed_outlets() -> None:
    for o in load_outlets():
        if o.publisher is not None:
            assert lookup_outlet(o.publisher) is not None, o.publisher


def test_lookup_by_alias_and_case() -> None:
    outlet = lookup_outlet("the eln")
    assert outlet is not None
    assert outlet.name == "European Leadership Network"
    assert lookup_outlet("Nothing Such") is None


def test_conventions() -> None:
    rerussia = lookup_outlet("Re:Russia")
    brief = lookup_outlet("China Brief")
    assert rerussia is not None
    assert rerussia.lead_paragraph
    assert brief is not None
    assert brief.series
    assert brief.day_first is False  # a United States periodical


def test_publication_line() -> None:
    pub = parse_publication_line("Publication: Eurasia Daily Monitor Volume: 12 Issue: 85")
    assert pub is not None
    assert (pub.name, pub.volume, pub.issue) == ("Eurasia Daily Monitor", "12", "85")
    series = pub.series()
    assert series is not None
    assert series.name == "Eurasia Daily Monitor"
    bare = parse_publication_line("Vol. 4, No. 2")
    assert bare is not None
    assert bare.series() is None
    assert bare.series("Asia Policy") is not None
    assert parse_publication_line("The volume of trade rose.") is None


def test_names_in_a_cue_line() -> None:
    line = "The views expressed do not necessarily reflect those of the Royal United Services Institute."
    found = find_outlet_names(line, offset=10)
    assert [c.surface for c in found] == ["Royal United Services Institute"]
    assert found[0].start == 10 + line.index("Royal")


def test_self_reference() -> None:
    text = "As Riddle has previously noted, the trade figures hide a shift. As Nobody has noted, too."
    found = self_references(text)
    assert [c.surface for c in found] == ["Riddle"]
    assert text[found[0].start : found[0].end] == "Riddle"


def test_copyright_holder_forms() -> None:
    from sinoru_corpus.page._outlets import copyright_holder

    cases = {
        "© Copyright 2006 - 2024 Exampleworks Inc.": "Exampleworks",
        "Copyright © 2019 Examplesalon.com, LLC. Reproduction of material is prohibited.": "Examplesalon",
        "© 2020 Example Harbour Media Limited": "Example Harbour Media",
        "Copyright © 2023 The Example Gazette, LLC. Click here for reprint permission.": "Example Gazette",
    }
    for line, name in cases.items():
        cue = copyright_holder(line, 10)
        assert cue is not None
        assert cue.surface == name
        assert line[cue.start - 10 : cue.end - 10] == name or line[cue.start - 10 :].startswith(name)


def test_copyright_holder_reads_the_start_of_a_long_legal_line() -> None:
    from sinoru_corpus.page._outlets import copyright_holder

    cue = copyright_holder("© 2021 Example Review. " + "This material may not be reproduced. " * 20)
    assert cue is not None
    assert cue.surface == "Example Review"
    assert copyright_holder("© 2021 All rights reserved.") is None


def test_site_named_after_the_headline_on_a_page_title_line() -> None:
    from sinoru_corpus.page._outlets import title_suffix_site

    headline = "Grain corridor extended after third round"
    for sep in (" | ", " - ", " – "):
        text = f"Menu\n{headline}{sep}Example Daily\n{headline}\nThe body follows here."
        cue = title_suffix_site(text, headline)
        assert cue is not None
        assert cue.surface == "Example Daily"
        assert text[cue.start : cue.end] == "Example Daily"
    assert title_suffix_site(f"{headline}\nBody text.", headline) is None
    assert (
        title_suffix_site(f"{headline} | a very long tail that is a sentence, not a name\n", headline) is None
    )


def test_from_a_website_credit() -> None:
    from sinoru_corpus.page._outlets import from_site

    cue = from_site("by John Smith, May 5, 2020, from Example Daily Website", 100)
    assert cue is not None
    assert cue.surface == "Example Daily"
    assert (cue.start, cue.end) == (133, 146)
    domain = from_site("by John Smith, from exampledaily.com website")
    assert domain is not None
    assert domain.surface == "exampledaily"
    assert from_site("He took the photo from the website of the ministry.") is None


def test_page_outlet_from_its_own_evidence() -> None:
    from sinoru_corpus.page._metadata import extract_metadata

    body = (
        "The two delegations met for the third time this year and agreed to extend the grain corridor "
        "until the end of the season, according to the statement released after the talks."
    )
    text = f"Grain corridor extended\nby John Smith, May 5, 2020, from Example Daily Website\n{body}\n"
    md = extract_metadata(text)
    assert md.outlet == "Example Daily"
    assert [a.name for a in md.authors] == ["John Smith"]
    assert md.published is not None
    assert (md.published.year, md.published.month, md.published.day) == (2020, 5, 5)
