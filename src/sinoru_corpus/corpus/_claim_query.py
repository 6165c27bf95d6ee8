"""Finding claims across a corpus: who said what, about where, holding which frame.

Each result is a :class:`ClaimHit` carrying the Article and the Claim, so the
span ``article.text[claim.start:claim.end]`` is always at hand as evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from ..dates._when import When
from ..entities._resolve import Resolver, default_resolver, entity_keys, norm, person_keys
from ..model import Article, Claim, Institution, Person, Region, SpeakerKind, Stance
from .index import lineage_keys
from .query import frame_label

__all__ = ["ClaimHit", "find_claims", "speaker_key"]


@attrs.frozen
class ClaimHit:
    """One claim found by a query, with the article it belongs to."""

    article: Article
    claim: Claim

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` offsets of the claim in ``article.text``."""
        return self.claim.start, self.claim.end

    @property
    def evidence(self) -> str:
        return self.article.text[self.claim.start : self.claim.end]

    def __repr__(self) -> str:
        return (
            f"ClaimHit(article={self.article.id!r}, speaker={self.claim.speaker.name!r}, "
            f"span={self.span!r}, text={self.claim.text[:60]!r})"
        )


def speaker_key(claim: Claim) -> str:
    """The name a claim's speaker is counted under: the linked entity's, else as printed."""
    entity = claim.speaker.entity
    return entity.name if entity is not None else claim.speaker.name


def _speaker_names(claim: Claim) -> frozenset[str]:
    speaker = claim.speaker
    entity = speaker.entity
    if speaker.kind in (SpeakerKind.PERSON, SpeakerKind.AUTHOR) or isinstance(entity, Person):
        aliases = entity.aliases if entity is not None else ()
        keys = person_keys(speaker.name, aliases)
        return keys | person_keys(entity.name) if entity is not None else keys
    return frozenset({norm(speaker.name)}) | (entity_keys(entity) if entity is not None else frozenset())


def _country_keys(name: str | None, res: Resolver) -> frozenset[str]:
    if not name:
        return frozenset()
    found = res.region(name)
    return frozenset({norm(name)}) | (entity_keys(found) if found is not None else frozenset())


def _kind(value: SpeakerKind | str) -> SpeakerKind:
    if isinstance(value, SpeakerKind):
        return value
    for member in SpeakerKind:
        if norm(value) in (member.value, member.name.lower()):
            return member
    raise ValueError(
        f"unknown speaker kind {value!r}; expected one of: {', '.join(m.value for m in SpeakerKind)}"
    )


def find_claims(
    articles: Iterable[Article],
    *,
    speaker: str | None = None,
    speaker_kind: SpeakerKind | str | None = None,
    country: str | None = None,
    about_region: str | None = None,
    about_institution: str | None = None,
    frame: str | None = None,
    stance: Stance | str | None = None,
    since: When | None = None,
    until: When | None = None,
    include_subregions: bool = True,
    include_unknown: bool = False,
    resolver: Resolver | None = None,
) -> tuple[ClaimHit, ...]:
    """The claims meeting every condition given, in article order then text order.

    ``speaker`` matches the speaker's name, an alias of the linked entity or a
    person's surname; ``country`` the country of a collective speaker ("Chinese
    experts") or of the linked entity; ``about_region`` the regions the claim
    mentions (and, with ``include_subregions``, the regions enclosing them);
    ``since``/``until`` the article's publication date, as in
    :func:`sinoru_corpus.corpus.query.published`.
    """
    res = resolver if resolver is not None else default_resolver()
    tests: list[Callable[[Claim], bool]] = []
    if speaker is not None:
        want = frozenset({norm(speaker)}) | _resolved(speaker, res)
        tests.append(lambda c: not want.isdisjoint(_speaker_names(c)))
    if speaker_kind is not None:
        kind = _kind(speaker_kind)
        tests.append(lambda c: c.speaker.kind is kind)
    if country is not None:
        countries = _country_keys(country, res)
        tests.append(lambda c: not countries.isdisjoint(_speaker_countries(c, res)))
    if about_region is not None:
        places = _country_keys(about_region, res)
        tests.append(
            lambda c: any(not places.isdisjoint(_region_keys(r, res, include_subregions)) for r in c.regions)
        )
    if about_institution is not None:
        found = res.institution(about_institution)
        bodies = frozenset({norm(about_institution)}) | (entity_keys(found) if found else frozenset())
        tests.append(lambda c: any(not bodies.isdisjoint(entity_keys(i)) for i in c.institutions))
    if frame is not None or stance is not None:
        tests.append(_frame_test(frame, stance))
    article_test = _date_test(since, until, include_unknown)
    hits: list[ClaimHit] = []
    for article in articles:
        if not article.claims or (article_test is not None and not article_test(article)):
            continue
        hits.extend(ClaimHit(article, c) for c in article.claims if all(t(c) for t in tests))
    return tuple(hits)


def _resolved(name: str, res: Resolver) -> frozenset[str]:
    entity: Person | Institution | None = res.person(name) or res.institution(name)
    return entity_keys(entity) if entity is not None else frozenset()


def _speaker_countries(claim: Claim, res: Resolver) -> frozenset[str]:
    entity = claim.speaker.entity
    keys = _country_keys(claim.speaker.country, res)
    if entity is not None:
        keys |= _country_keys(entity.country, res)
    return keys


def _region_keys(region: Region, res: Resolver, include_subregions: bool) -> frozenset[str]:
    return lineage_keys(region, res) if include_subregions else entity_keys(region)


def _frame_test(frame: str | None, stance: Stance | str | None) -> Callable[[Claim], bool]:
    label = frame_label(frame) if frame is not None else None
    st: Stance | None = None
    if isinstance(stance, Stance):
        st = stance
    elif stance is not None:
        try:
            st = Stance(norm(stance))
        except ValueError:
            raise ValueError(
                f"unknown stance {stance!r}; expected one of: {', '.join(s.value for s in Stance)}"
            ) from None
    return lambda c: any(
        (label is None or f.label is label) and (st is None or f.stance is st) for f in c.frames
    )


def _date_test(
    since: When | None, until: When | None, include_unknown: bool
) -> Callable[[Article], bool] | None:
    if since is None and until is None:
        return None
    from .query import published

    return published(since=since, until=until, include_unknown=include_unknown).matches
