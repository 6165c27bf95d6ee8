"""Hand-built Articles and a tiny gazetteer for corpus, query and aggregate tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sinoru_corpus.entities._resolve import norm
from sinoru_corpus.model import (
    Article,
    Author,
    Citation,
    Claim,
    DateBounds,
    Frame,
    FrameLabel,
    Institution,
    InstitutionKind,
    PartialDate,
    Person,
    Region,
    RegionKind,
    Season,
    Speaker,
    SpeakerKind,
    Stance,
)

ASIA = Region("Asia", RegionKind.CONTINENT)
EUROPE = Region("Europe", RegionKind.CONTINENT)
CENTRAL_ASIA = Region("Central Asia", RegionKind.SUBREGION, parent="Asia")
EAST_ASIA = Region("East Asia", RegionKind.SUBREGION, parent="Asia")
KAZAKHSTAN = Region(
    "Kazakhstan",
    RegionKind.COUNTRY,
    aliases=("Republic of Kazakhstan",),
    parent="Central Asia",
    iso_code="KZ",
)
ALMATY = Region("Almaty", RegionKind.CITY, parent="Kazakhstan")
CHINA = Region("China", RegionKind.COUNTRY, aliases=("PRC",), parent="East Asia", iso_code="CN")
RUSSIA = Region("Russia", RegionKind.COUNTRY, aliases=("Russian Federation",), iso_code="RU")

SCO = Institution(
    "Shanghai Cooperation Organisation",
    InstitutionKind.IGO,
    acronym="SCO",
    aliases=("Shanghai Cooperation Organization",),
)
NATO = Institution("North Atlantic Treaty Organization", InstitutionKind.IGO, acronym="NATO")
CARNEGIE = Institution("Carnegie Endowment", InstitutionKind.THINK_TANK)
TASS = Institution("TASS", InstitutionKind.MEDIA)
KREMLIN = Institution("Kremlin.ru", InstitutionKind.GOVERNMENT)
PUTIN = Person("Vladimir Putin", aliases=("Putin",), role="President", country="Russia")


class FakeGazetteer:
    """Just enough of the gazetteer API: look-ups by any name, and parents."""

    def __init__(
        self,
        regions: Sequence[Region] = (
            ASIA,
            EUROPE,
            CENTRAL_ASIA,
            EAST_ASIA,
            KAZAKHSTAN,
            ALMATY,
            CHINA,
            RUSSIA,
        ),
        institutions: Sequence[Institution] = (SCO, NATO, CARNEGIE, TASS, KREMLIN),
        people: Sequence[Person] = (PUTIN,),
    ) -> None:
        self._regions = {norm(k): r for r in regions for k in (r.name, *r.aliases, r.iso_code or r.name)}
        self._institutions = {
            norm(k): i for i in institutions for k in (i.name, *i.aliases, i.acronym or i.name)
        }
        self._people = {norm(k): p for p in people for k in (p.name, *p.aliases)}

    def region(self, key: str) -> Region | None:
        return self._regions.get(norm(key))

    def institution(self, key: str) -> Institution | None:
        return self._institutions.get(norm(key))

    def person(self, key: str) -> Person | None:
        return self._people.get(norm(key))

    def ancestors(self, region: Region) -> tuple[Region, ...]:
        chain: list[Region] = []
        parent = region.parent
        while parent is not None:
            found = self.region(parent)
            if found is None:
                break
            chain.append(found)
            parent = found.parent
        return tuple(chain)


def claim(
    text: str,
    sentence: str,
    speaker: str,
    kind: SpeakerKind,
    *,
    entity: Person | Institution | None = None,
    country: str | None = None,
    regions: Sequence[Region] = (),
    institutions: Sequence[Institution] = (),
    frames: Sequence[Frame] = (),
) -> Claim:
    start = text.index(sentence)
    return Claim(
        speaker=Speaker(speaker, kind, entity=entity, country=country),
        cue="said",
        text=sentence,
        start=start,
        end=start + len(sentence),
        regions=regions,
        institutions=institutions,
        frames=frames,
    )


def frame(text: str, phrase: str, label: FrameLabel, stance: Stance) -> Frame:
    start = text.index(phrase)
    return Frame(label, stance, phrase, start, start + len(phrase))


def citation(text: str, raw: str, source: Institution, date: PartialDate) -> Citation:
    start = text.index(raw)
    return Citation(source, date, raw, start, start + len(raw))


def sample_articles() -> tuple[Article, ...]:
    """Six articles covering every field the queries read (see the tests for the expected answers)."""
    t0 = "Putin said Kazakhstan will join the SCO plan. They form an alliance. (TASS, May 20)"
    alliance0 = frame(t0, "form an alliance", FrameLabel.ALLIANCE, Stance.ARGUES)
    a0 = Article(
        text=t0,
        source="a0.txt",
        title="Steppe plans",
        outlet="China Brief",
        published=PartialDate(2023, 6, 2),
        authors=(Author("Ann Lee"),),
        regions=(KAZAKHSTAN,),
        institutions=(SCO,),
        people=(PUTIN, Person("Ann Lee", curated=False)),
        frames=(alliance0,),
        claims=(
            claim(
                t0,
                "Putin said Kazakhstan will join the SCO plan.",
                "Putin",
                SpeakerKind.PERSON,
                entity=PUTIN,
                regions=(KAZAKHSTAN,),
                institutions=(SCO,),
                frames=(alliance0,),
            ),
        ),
        citations=(citation(t0, "TASS, May 20", TASS, PartialDate(2023, 5, 20)),),
    )
    t1 = "Chinese experts argue that China and Russia are rivals, not allies in NATO's eyes."
    a1 = Article(
        text=t1,
        source="a1.txt",
        outlet="inFOCUS",
        published=PartialDate(2016, season=Season.FALL),
        regions=(CHINA, RUSSIA),
        institutions=(NATO,),
        frames=(frame(t1, "rivals, not allies", FrameLabel.RIVALRY, Stance.REJECTS),),
        claims=(
            claim(t1, t1, "Chinese experts", SpeakerKind.GROUP, country="China", regions=(CHINA, RUSSIA)),
        ),
    )
    t2 = "The Shanghai Cooperation Organization met in Central Asia (Kremlin.ru, October 17, 2021)."
    a2 = Article(
        text=t2,
        source="a2.txt",
        published_bounds=DateBounds(dt.date(2021, 10, 17), dt.date(2021, 12, 31)),
        regions=(CENTRAL_ASIA,),
        institutions=(Institution("Shanghai Cooperation Organization", InstitutionKind.IGO, curated=False),),
        citations=(citation(t2, "Kremlin.ru, October 17, 2021", KREMLIN, PartialDate(2021, 10, 17)),),
    )
    t3 = "Carnegie Endowment analysts in Almaty reported talk of an alliance."
    a3 = Article(
        text=t3,
        source="a3.txt",
        published=PartialDate(2016),
        regions=(ALMATY,),
        institutions=(CARNEGIE,),
        frames=(frame(t3, "an alliance", FrameLabel.ALLIANCE, Stance.REPORTS),),
        claims=(
            claim(t3, t3, "Carnegie Endowment", SpeakerKind.INSTITUTION, entity=CARNEGIE, regions=(ALMATY,)),
        ),
    )
    t4 = "Europe watches a Marriage of\nconvenience between two capitals."
    a4 = Article(text=t4, source="a4.txt", published=PartialDate(2016, 9), regions=(EUROPE,))
    a5 = Article(text="Nothing to see.", source="a5.txt")
    return (a0, a1, a2, a3, a4, a5)
