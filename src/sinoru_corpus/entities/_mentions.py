"""Mentions of regions, institutions and people, with exact offsets.

Layers, each only where the earlier ones left the text free (a later layer may
replace mentions it strictly contains, never cut one):

1. curated names and non-entity blockers (the gazetteer's matcher), also in
   headlines printed in capitals ("CHINA AND RUSSIA IN CENTRAL ASIA");
2. cited sources, "Full Name (ACRONYM)" definitions and institution-shaped
   names, as uncurated institutions when the data lacks them;
3. elided regions in a coordination ("Central and East Asia");
4. person names by shape (title, known given name, Chinese name);
5. later uses of a defined acronym and of a person's surname.

Every mention satisfies ``text[m.start:m.end] == m.surface``; the result is
sorted by start and non-overlapping.

Coordination: in "Central and East Asia" the elided Central Asia is a mention
whose span is its own modifier word ("Central"), and East Asia is the mention
"East Asia". So each entity keeps a span of its own, spans never overlap, and
the coordinated phrase is the union of its members' spans.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import sys
from collections.abc import Callable, Iterable, Sequence

import attrs

from .._data import load_json
from ..model import Entity, Institution, InstitutionKind, Mention, Person, Region
from ._citations import citation_sources, lookup_source
from ._names import NameSpan, find_names, short_form
from ._shapes import Definition, find_definitions, find_shapes, guess_kind
from .gazetteer import Gazetteer, load_gazetteer
from .gazetteer._matcher import context_test, trie_regex

__all__ = ["distinct_entities", "find_mentions"]

Span = tuple[int, int]
_Item = tuple[int, int, Entity | None]  # start, end, entity (None: a blocker)

_MODIFIER = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")
_START = operator.itemgetter(0)
_SPACES = re.compile(r"[ \u00a0]+")
# Three capitalised words in a row: a line that may be a headline printed in capitals.
_CAPS_RUN = re.compile(r"[A-Z][A-Z]+[ \u00a0][A-Z][A-Z]+[ \u00a0][A-Z][A-Z]")  # plain repeats: fast to scan
_CAPS_WORD = re.compile(r"[A-Z]{2,}")


@attrs.frozen
class _Words:
    """The mention finder's word lists (``data/mentions.json``) and the pattern built from them."""

    caps_english: frozenset[str]  # acronyms that in a line of capitals are English words ("WHO WINS")
    coordinators: frozenset[str]  # "and", "or", "&"
    conjunctions: tuple[str, ...]  # each coordinator with the space after it
    window: int  # the longest of them: how far before a head to look
    coord: re.Pattern[str]  # "Central, South, Southeast, or " before "Northeast Asia"


@functools.cache
def _words() -> _Words:
    raw = load_json("mentions.json")
    coordinators = [str(w) for w in raw["coordinators"]]
    joined = "|".join(re.escape(w) for w in coordinators)
    return _Words(
        caps_english=frozenset(str(w) for w in raw["caps_english_words"]),
        coordinators=frozenset(coordinators),
        conjunctions=tuple(w + sep for sep in (" ", "\u00a0") for w in coordinators),
        window=max(len(w) for w in coordinators) + 1,
        coord=re.compile(
            r"(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?,?[ \u00a0]+){0,5}"
            rf"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?,?[ \u00a0]+(?:{joined})[ \u00a0]+\Z"
        ),
    )


def _clip(text: str, spans: Sequence[Span] | None) -> tuple[Span, ...]:
    n = len(text)
    if spans is None:
        return ((0, n),)
    clipped = sorted((max(0, min(int(s), n)), max(0, min(int(e), n))) for s, e in spans)
    out: list[Span] = []
    for s, e in clipped:  # merge overlapping spans so nothing is matched twice
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


class _Layer:
    """Sorted, non-overlapping items with interval queries."""

    def __init__(self, items: Iterable[_Item]) -> None:
        # Starts are unique (items never overlap); Timsort merges the sorted runs in linear time.
        self.items = sorted(items, key=_START)
        self.starts = [i[0] for i in self.items]

    def overlapping(self, start: int, end: int) -> list[int]:
        k = bisect.bisect_left(self.starts, end)
        out: list[int] = []
        j = k - 1
        while j >= 0 and self.items[j][1] > start:
            out.append(j)
            j -= 1
        return out

    def free(self, start: int, end: int) -> bool:
        return not self.overlapping(start, end)

    def absorb(self, candidates: Iterable[_Item], veto: Callable[[_Item, list[_Item]], bool]) -> _Layer:
        """Add each candidate that only overlaps items strictly inside it (those are replaced)."""
        removed: set[int] = set()
        added: list[_Item] = []
        last_end = -1
        for cand in sorted(candidates, key=lambda c: (c[0], -c[1])):
            start, end, _ = cand
            if start < last_end:
                continue
            hits = [j for j in self.overlapping(start, end) if j not in removed]
            inner = [self.items[j] for j in hits]
            if any(i[0] < start or i[1] > end or (i[0], i[1]) == (start, end) for i in inner):
                continue
            if veto(cand, inner):
                continue
            removed.update(hits)
            added.append(cand)
            last_end = end
        kept = [item for j, item in enumerate(self.items) if j not in removed] if removed else self.items
        return _Layer(kept + added) if added else self

    def relink(self, candidates: Iterable[_Item], ok: Callable[[_Item, _Item], bool]) -> _Layer:
        """Give an item a candidate's entity where both have the same span and ``ok(item, candidate)``."""
        by_span = {(c[0], c[1]): c for c in candidates}
        if not by_span:
            return self
        items = [
            c if (c := by_span.get((it[0], it[1]))) is not None and ok(it, c) else it for it in self.items
        ]
        return _Layer(items) if items != self.items else self

    def fill(self, candidates: Iterable[_Item]) -> _Layer:
        """Add each candidate that overlaps nothing."""
        added: list[_Item] = []
        last_end = -1
        for cand in sorted(candidates, key=lambda c: (c[0], -c[1])):
            if cand[0] >= last_end and self.free(cand[0], cand[1]):
                added.append(cand)
                last_end = cand[1]
        return _Layer(self.items + added) if added else self


def find_mentions(
    text: str, spans: Sequence[Span] | None = None, *, gazetteer: Gazetteer | None = None
) -> tuple[Mention, ...]:
    """Mentions of regions, institutions and people inside ``spans`` (``None``: the whole text)."""
    if not isinstance(text, str) or not text:
        return ()
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    where = _clip(text, spans)
    has_word = context_test(text)
    layer = _Layer(gaz.scan(text, where, has_word))
    caps = _caps_lines(text, where)
    if caps:
        layer = _Layer(h for h in layer.items if not _caps_english(text, h, caps))
        layer = layer.fill(_titled_hits(text, caps, gaz, has_word))

    # 2. uncurated institutions: cited sources, definitions, shapes
    layer = layer.absorb(_cited(text, where, gaz), _keeps_curated)
    definitions = list(find_definitions(text, where))
    acronyms: dict[str, Institution] = {}
    layer = layer.absorb(_defined(definitions, gaz, acronyms), _keeps_curated)
    layer = layer.absorb(_shaped(text, where, gaz), _keeps_curated)
    # 3. coordination
    layer = layer.fill(_coordinated(text, where, layer, gaz))
    # 4. people
    named = _people(find_names(text, where), gaz)
    # a fuller name around a known person's bare surname is another person: "Mao Ning", "Pavel Lavrov"
    layer = layer.absorb(((ns.start, ns.end, p) for ns, p in named if _name_shaped(ns)), _not_another_person)
    layer = layer.fill((ns.start, ns.end, p) for ns, p in named)
    # 5. later acronyms and surnames
    later = list(_later_uses(text, where, layer, acronyms, named))
    # the page's own "Mao Ning" makes a later bare "Mao" hers, not the gazetteer's Mao Zedong
    layer = layer.fill(later).relink(later, _page_person_over_alias)

    # A name printed many times is one string object, shared by its mentions (and across articles).
    return tuple(
        Mention(surface=sys.intern(text[s:e]), start=s, end=e, entity=ent)
        for s, e, ent in layer.items
        if ent is not None
    )


def _caps_lines(text: str, where: Sequence[Span]) -> list[Span]:
    """Lines in the spans printed wholly in capitals, with at least three capitalised words."""
    out: list[Span] = []
    for start, end in where:
        pos = start
        while True:
            m = _CAPS_RUN.search(text, pos, end)
            if m is None:
                break
            line_start = max(start, text.rfind("\n", start, m.start()) + 1)
            line_end = text.find("\n", m.end(), end)
            line_end = end if line_end < 0 else line_end
            if not any(c.islower() for c in text[line_start:line_end]):
                out.append((line_start, line_end))
            pos = line_end + 1
    return out


def _another_person(person: Entity | None, known: Entity | None) -> bool:
    """Whether a name the page prints (``person``) is not the curated ``known`` person whose one-word
    alias it shares: "Mao Ning" is not Mao Zedong, "Eric Lund" not Ada Lund; "Vladimir V. Putin" and
    "Sergey Lavrov" stay the gazetteer's Putin and Sergei Lavrov (initials are skipped, and a given
    name with the initial of one of the known person's words is read as a spelling of it)."""
    if not isinstance(known, Person) or not isinstance(person, Person) or person == known or person.curated:
        return False
    own = {w for n in (known.name, *known.aliases) for w in n.split()}
    words = [w for w in person.name.split() if not (len(w) <= 2 and w.endswith("."))]
    shared = [w for w in words if w in own]
    others = [w for w in words if w not in own]
    initials = {w[0] for w in own if w not in shared}
    return len(shared) == 1 and bool(others) and all(w[0] not in initials for w in others)


def _name_shaped(ns: NameSpan) -> bool:
    """A name read by its shape, not its title: "Mao Ning" (surname first), "Eric Lund" (given name)."""
    return ns.surname_first or ns.role is None


def _not_another_person(cand: _Item, inner: list[_Item]) -> bool:
    """Veto: a name replaces only one curated person's alias inside it, and only when it names another."""
    return len(inner) != 1 or not _another_person(cand[2], inner[0][2])


def _page_person_over_alias(item: _Item, cand: _Item) -> bool:
    """A curated person's bare alias gives way to another person the page named with that surname."""
    return _another_person(cand[2], item[2])


def _caps_english(text: str, hit: _Item, caps: Sequence[Span]) -> bool:
    if text[hit[0] : hit[1]] not in _words().caps_english:
        return False
    k = bisect.bisect_right(caps, (hit[0], len(text))) - 1
    return k >= 0 and caps[k][1] >= hit[1]


def _titled_hits(
    text: str, caps: Sequence[Span], gaz: Gazetteer, has_word: Callable[[str], bool]
) -> list[_Item]:
    """Curated names in lines of capitals, read as if in title case ("CENTRAL ASIA")."""
    out: list[_Item] = []
    for start, end in caps:
        line = text[start:end]
        titled = _CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), line)
        if len(titled) != len(line):
            continue
        out += [(start + s, start + e, ent) for s, e, ent in gaz.scan(titled, ((0, len(titled)),), has_word)]
    return out


def _keeps_curated(cand: _Item, inner: list[_Item]) -> bool:
    """Veto: a shape ending in a curated institution's head ("Russian Pacific Fleet") stays curated."""
    return any(isinstance(i[2], Institution) and i[2].curated and i[1] == cand[1] for i in inner)


def _cited(text: str, where: Sequence[Span], gaz: Gazetteer) -> Iterable[_Item]:
    for start, end, printed in citation_sources(text, where):
        if gaz.region(printed) is not None and gaz.institution(printed) is None:
            continue
        source = lookup_source(printed, gaz)
        if source is None:
            source = Institution(name=printed, kind=InstitutionKind.MEDIA, curated=False)
        yield start, end, source


def _defined(
    definitions: Sequence[Definition], gaz: Gazetteer, acronyms: dict[str, Institution]
) -> Iterable[_Item]:
    for d in definitions:
        curated = gaz.institution(d.acronym) or gaz.institution(d.name)
        if curated is not None:
            acronyms.setdefault(d.acronym, curated)
            yield d.start, d.end, curated
            continue
        if gaz.region(d.acronym) is not None or gaz.region(d.name) is not None:
            continue
        inst = acronyms.get(d.acronym)
        if inst is None:
            inst = Institution(name=d.name, kind=guess_kind(d.name), acronym=d.acronym, curated=False)
            acronyms[d.acronym] = inst
        yield d.start, d.end, inst


def _shaped(text: str, where: Sequence[Span], gaz: Gazetteer) -> Iterable[_Item]:
    made: dict[str, Institution] = {}
    for shape in find_shapes(text, where):
        inst = gaz.institution(shape.name)
        if inst is None:
            if gaz.region(shape.name) is not None:
                continue
            inst = made.get(shape.name)
            if inst is None:
                inst = made[shape.name] = Institution(name=shape.name, kind=shape.kind, curated=False)
        yield shape.start, shape.end, inst


def _coordinated(text: str, where: Sequence[Span], layer: _Layer, gaz: Gazetteer) -> Iterable[_Item]:
    bounds = [s for s, _ in where]
    words = _words()
    for start, end, entity in layer.items:
        # cheap test first: a coordination ends "... and " / "... or " right before the head
        if not isinstance(entity, Region) or not text.endswith(
            words.conjunctions, max(0, start - words.window), start
        ):
            continue
        surface = text[start:end]
        head = _SPACES.split(surface, maxsplit=1)
        if len(head) != 2:
            continue
        k = bisect.bisect_right(bounds, start) - 1
        floor = max(where[k][0] if k >= 0 else 0, start - 120)
        m = words.coord.search(text, floor, start)
        if m is None:
            continue
        for mod in _MODIFIER.finditer(text, m.start(), m.end()):
            word = mod.group()
            if word in words.coordinators:
                continue
            region = gaz.region(f"{word} {head[1]}")
            if region is not None and region is not entity:
                yield mod.start(), mod.end(), region


def _people(spans: Sequence[NameSpan], gaz: Gazetteer) -> list[tuple[NameSpan, Person]]:
    """One Person per name in the article: curated when known, else with the first printed role.

    A one-word name ("President Xi") is the person of a fuller name with that short form.
    """
    roles: dict[str, str] = {}
    full: dict[str, str] = {}
    for ns in spans:
        if ns.role:
            roles.setdefault(ns.name, ns.role)
        short = short_form(ns.name, surname_first=ns.surname_first)
        if short is not None:
            full.setdefault(short, ns.name)
    made: dict[str, Person] = {}
    out: list[tuple[NameSpan, Person]] = []
    for ns in spans:
        name = full.get(ns.name, ns.name)
        person = made.get(name)
        if person is None:
            role = roles.get(name) or roles.get(ns.name)
            person = made[name] = gaz.person(name) or Person(name=name, role=role, curated=False)
        out.append((ns, person))
    return out


def _later_uses(
    text: str,
    where: Sequence[Span],
    layer: _Layer,
    acronyms: dict[str, Institution],
    named: Sequence[tuple[NameSpan, Person]],
) -> Iterable[_Item]:
    """Defined acronyms anywhere after their definition; surnames after the full name."""
    targets: dict[str, tuple[int, Entity]] = {}
    for acronym, inst in acronyms.items():
        if not inst.curated:
            first = min((s for s, _, e in layer.items if e is inst), default=None)
            if first is not None:
                targets.setdefault(acronym, (first, inst))
    clashes: set[str] = set()
    for ns, person in named:
        short = short_form(ns.name, surname_first=ns.surname_first)
        if short is None or short == person.name:
            continue
        if short in targets and targets[short][1] != person:
            clashes.add(short)
        targets.setdefault(short, (ns.start, person))
    for word in clashes:
        targets.pop(word, None)
    if not targets:
        return
    # No leading lookbehind (slow to scan with): a match inside a word is skipped here.
    pattern = re.compile(trie_regex(targets) + r"\b")
    for start, end in where:
        for m in pattern.finditer(text, start, end):
            m_start = m.start()
            if m_start and text[m_start - 1].isalnum():
                continue
            first, entity = targets[m.group()]
            if m_start > first:
                yield m_start, m.end(), entity


def distinct_entities(
    mentions: Sequence[Mention],
) -> tuple[tuple[Region, ...], tuple[Institution, ...], tuple[Person, ...]]:
    """The distinct regions, institutions and people, in order of first mention."""
    regions: dict[Region, None] = {}
    institutions: dict[Institution, None] = {}
    people: dict[Person, None] = {}
    for m in mentions:
        e = m.entity
        if isinstance(e, Region):
            regions.setdefault(e)
        elif isinstance(e, Institution):
            institutions.setdefault(e)
        elif isinstance(e, Person):
            people.setdefault(e)
    return tuple(regions), tuple(institutions), tuple(people)
