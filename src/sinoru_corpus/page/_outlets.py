"""Outlets of the field (``data/outlets.json``) and the page cues that name them.

Cues, strongest first: a ``Publication: … Volume: … Issue: …`` line, a breadcrumb
(``Home inFOCUS …``), a publisher disclaimer naming the publisher, a copyright or
"originally published" line, and the outlet naming itself in the text ("as
Re:Russia has previously noted"). Only those lines and phrases are searched, so an
outlet merely cited in the body is never taken for the page's own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import attrs

from .._data import load_json
from .._pattern_cache import compile_cached
from ..model import InstitutionKind, Series
from ._cues import layout_cues

__all__ = [
    "Outlet",
    "OutletCue",
    "PublicationLine",
    "copyright_holder",
    "find_outlet_names",
    "from_site",
    "load_outlets",
    "lookup_outlet",
    "parse_publication_line",
    "self_references",
    "title_suffix_site",
]


@attrs.frozen
class Outlet:
    """A curated outlet with its layout conventions."""

    name: str
    kind: InstitutionKind
    aliases: tuple[str, ...] = ()
    country: str | None = None
    publisher: str | None = None
    lead_paragraph: bool = False
    day_first: bool = True
    series: bool = False


@attrs.frozen
class PublicationLine:
    """A periodical line read into its parts; ``series()`` names it once the outlet is known."""

    name: str | None
    volume: str | None
    issue: str | None

    def series(self, fallback: str | None = None) -> Series | None:
        name = self.name or fallback
        return Series(name=name, volume=self.volume, issue=self.issue) if name else None


@attrs.frozen
class OutletCue:
    """Where a page names an outlet: ``start``/``end`` offsets into the searched text."""

    surface: str
    start: int
    end: int
    outlet: Outlet | None


def _key(name: str) -> str:
    k = " ".join(name.replace("\u00a0", " ").split()).casefold()
    return k[4:] if k.startswith("the ") else k


def _outlet(raw: dict[str, Any]) -> Outlet:
    conv = raw.get("conventions", {})
    country = raw.get("country")
    return Outlet(
        name=raw["name"],
        kind=InstitutionKind(raw["kind"]),
        aliases=tuple(raw.get("aliases", ())),
        country=country,
        publisher=raw.get("publisher"),
        lead_paragraph=bool(conv.get("lead_paragraph", False)),
        day_first=bool(conv.get("day_first", country != "United States")),
        series=bool(conv.get("series", False)),
    )


@functools.cache
def load_outlets() -> tuple[Outlet, ...]:
    """The curated outlet table, read from package data on first call."""
    return tuple(_outlet(r) for r in load_json("outlets.json")["outlets"])


@functools.cache
def _index() -> dict[str, Outlet]:
    out: dict[str, Outlet] = {}
    for o in load_outlets():
        for name in (o.name, *o.aliases):
            out.setdefault(_key(name), o)
    return out


def lookup_outlet(name: str) -> Outlet | None:
    """The curated outlet called ``name`` (any alias, case-insensitive, leading "The" optional)."""
    return _index().get(_key(name)) if name else None


@functools.cache
def _alias_pattern() -> re.Pattern[str]:
    names = sorted(_index(), key=len, reverse=True)
    # Names are matched in lines already known to be cue lines (breadcrumb, disclaimer...).
    alts = "|".join(re.escape(n).replace(r"\ ", r"[ \u00a0]+") for n in names)
    return compile_cached(rf"(?<![\w.])(?:{alts})(?![\w])", re.IGNORECASE)


def find_outlet_names(line: str, offset: int = 0) -> tuple[OutletCue, ...]:
    """Curated outlet names printed in one cue line, longest match first at each place."""
    return tuple(
        OutletCue(m[0], offset + m.start(), offset + m.end(), lookup_outlet(m[0]))
        for m in _alias_pattern().finditer(line)
    )


@functools.cache
def _publication_re() -> re.Pattern[str]:
    sp = r"[ \u00a0]{0,3}"
    return re.compile(
        rf"^(?:(?:publication|published{sp}in|journal|periodical|series|source){sp}:{sp}(?P<name>.{{1,120}}?)"
        # or the periodical's name printed first: "Journal of X, Vol. 12, No. 3"
        rf"|(?P<lead>[A-Z][^,:|;()]{{2,80}}?))?"
        rf"{sp}[,|;–—-]?{sp}\b(?:volume|vol\.?){sp}:?{sp}(?P<vol>[0-9IVXLC]{{1,6}})"
        rf"(?:{sp}[,|;]?{sp}(?:issue|no\.?|number|iss\.?){sp}:?{sp}(?P<iss>[0-9]{{1,4}}(?:[/–-][0-9]{{1,4}})?))?",
        re.IGNORECASE,
    )


def parse_publication_line(line: str) -> PublicationLine | None:
    """``Publication: China Brief Volume: 21 Issue: 20`` -> name "China Brief", volume "21", issue "20".

    The name is canonicalised when the outlet is curated; it may be missing
    (``Volume 3, Issue 4``). No date is read from it.
    """
    if not line or len(line) > 300:
        return None
    m = _publication_re().search(line.strip())
    if m is None:
        return None
    raw = (m["name"] or m["lead"] or "").strip(" \u00a0,;|–—-")
    name: str | None = None
    if raw:
        curated = lookup_outlet(raw)
        name = curated.name if curated else raw
    return PublicationLine(name, m["vol"], m["iss"])


@functools.cache
def _self_ref_re() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v).replace(r"\ ", "[ \u00a0]+") for v in layout_cues().self_reference_verbs)
    sp = r"[ \u00a0]{1,3}"
    return re.compile(
        rf"\b[Aa]s{sp}(?P<name>[A-Z][\w:.’'&\-]{{0,30}}(?:{sp}[A-Z][\w:.’'&\-]{{0,30}}){{0,4}})"
        rf"{sp}(?:has|have|had){sp}(?:(?:previously|already|repeatedly|earlier|often|recently){sp})?"
        rf"(?:{verbs})\b"
    )


def self_references(text: str, spans: Sequence[tuple[int, int]] | None = None) -> tuple[OutletCue, ...]:
    """Curated outlets naming themselves: "as <Outlet> has (previously) noted"."""
    pat = _self_ref_re()
    out: list[OutletCue] = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        for m in pat.finditer(text, start, end):
            outlet = lookup_outlet(m["name"])
            if outlet is not None:
                out.append(OutletCue(m["name"], m.start("name"), m.end("name"), outlet))
    return tuple(out)


@functools.cache
def _copyright_re() -> re.Pattern[str]:
    sp = r"[ \u00a0]{0,3}"
    return re.compile(
        rf"^(?:©|\(c\)|copyright)(?:{sp}(?:©|\(c\)|copyright))?{sp}"
        rf"(?:\d{{4}}(?:{sp}[–-]{sp}\d{{2,4}})?)?[ \u00a0,]{{0,3}}"
        r"(?P<name>[A-Z][^.,|©()]{1,80}?)[ \u00a0]{0,3}(?:[.,|(]|all[ \u00a0]rights|$)",
        re.IGNORECASE,
    )


@functools.cache
def _holder_suffix_re() -> re.Pattern[str]:
    forms = "|".join(re.escape(w) for w in sorted(_corporate_forms(), key=len, reverse=True))
    return re.compile(rf"(?:,?[ \u00a0]+(?:{forms})\.?)+$", re.IGNORECASE)


@functools.cache
def _suffix_separators() -> tuple[str, ...]:
    return tuple(load_json("page_meta.json")["site_suffix_separators"])


@functools.cache
def _corporate_forms() -> tuple[str, ...]:
    return tuple(load_json("page_meta.json")["corporate_forms"])


_DOMAIN = re.compile(r"(?:www\.)?([A-Za-z][\w-]{1,40})\.(?:com|org|net|co\.uk|co|info|news)")


def _holder_name(name: str) -> str:
    """A copyright holder without its company form or web domain: "Salon.com, LLC" -> "Salon"."""
    name = _holder_suffix_re().sub("", name).strip(" \u00a0,")
    if (m := _DOMAIN.fullmatch(name)) is not None:
        name = m[1]
    return name


def copyright_holder(line: str, offset: int = 0) -> OutletCue | None:
    """The holder named on a copyright line ("© 2024 Nordic Security Review"), curated or not."""
    if not line:
        return None
    line = line[:300]  # the holder stands at the start of a long legal paragraph too
    m = _copyright_re().match(line.strip())
    if m is None or not m["name"][:1].isupper():
        return None
    name = _holder_name(m["name"].strip())
    if name.casefold().startswith("the "):
        name = name[4:]
    if name.casefold().startswith(("author", "all rights")):  # "© 2022 The Author(s)": not an outlet
        return None
    lead = len(line) - len(line.lstrip())
    start = offset + lead + m.start("name") + max(0, m["name"].find(name))
    outlet = lookup_outlet(name)
    return OutletCue(outlet.name if outlet else name, start, start + len(name), outlet)


@functools.cache
def _site_patterns() -> dict[str, re.Pattern[str]]:
    return {
        # "by X, May 5, 2020, from Example Daily Website"
        "from_site": re.compile(
            r"\bfrom[ \u00a0]+(?:the[ \u00a0]+)?"
            r"(?P<name>[A-Z][\w.&'’\-]*(?:[ \u00a0]+[A-Z][\w.&'’\-]*){0,5}|[a-z][\w\-]*\.[a-z]{2,6})"
            r"[ \u00a0]+(?i:website|web[ \u00a0]site)\b"
        ),
        "site": re.compile(
            r"^(?:[A-Z0-9][\w.&'’!\-]*|[a-z][\w\-]*\.[a-z]{2,6})(?:[ \u00a0]+[\w.&'’!\-]+){0,4}$"
        ),
    }


def _site_cue(name: str, start: int) -> OutletCue:
    clean = _holder_name(name)
    outlet = lookup_outlet(clean) or lookup_outlet(name)
    at = start + max(0, name.find(clean))
    return OutletCue(outlet.name if outlet else clean, at, at + len(clean), outlet)


def title_suffix_site(text: str, title: str | None) -> OutletCue | None:
    """The site named after the headline on a page-title line: "Headline | Example Daily"
    (also " - ", " – ", " — ", " :: ", " · ", " » "); the name is one to five words."""
    if not title or len(title) < 12:
        return None
    seps = _suffix_separators()
    for sep in seps:
        probe = title + sep
        at = text.find(probe)
        while at >= 0:
            if at == 0 or text[at - 1] == "\n":
                start = at + len(probe)
                end = text.find("\n", start)
                rest = text[start : len(text) if end < 0 else end].strip()
                if rest and _site_patterns()["site"].match(rest) and not any(s.strip() in rest for s in seps):
                    return _site_cue(rest, start + text[start:].find(rest))
            at = text.find(probe, at + 1)
    return None


def from_site(line: str, offset: int = 0) -> OutletCue | None:
    """The site a syndicated piece names as its source: "…, from Example Daily Website"."""
    if not line or len(line) > 300:
        return None
    m = _site_patterns()["from_site"].search(line)
    if m is None:
        return None
    return _site_cue(m["name"], offset + m.start("name"))
