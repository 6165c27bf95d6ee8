"""Datelines: a date at either end of a short line, and what stands beside it.

``02.06.23 China Review``, ``Commentary | 8 May 2015``, ``Published: 12 March 2024 14:05``,
``Posted on 2021-07-15 by John Smith``, ``2023-05-29 09:15 Source: … Editor: …``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import attrs

from .._data import load_json
from .._line_facts import per_line
from ..dates._grammar import DateReading, find_dates, find_years, parse_date, weekday_number
from ..model import LayoutLine, ParseWarning, WarningCode
from ._bylines import parse_byline
from ._cues import layout_cues
from ._zone import meta_cues, page_zone

__all__ = ["PublishedChoice", "choose_published", "date_warnings", "page_day_first", "section_of_dateline"]

_SEP_CHARS = " \t\u00a0|·•–—-:,/>›»"


def _alternation(words: list[str]) -> str:
    """Data words as regex alternatives, a space matching a plain or no-break one."""
    return "|".join(re.escape(str(w)).replace(r"\ ", r"[ \u00a0]") for w in words)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = load_json("page_meta.json")
    lead = _alternation(raw["dateline_lead_cues"])
    particles = _alternation(raw["dateline_lead_particles"])
    places = _alternation(raw["local_time_places"])
    return {
        "published": re.compile(
            rf"^(?:{lead})\b(?:[ \u00a0]+(?:{particles})\b)?[ \u00a0:]*",
            re.I,
        ),
        # a clock time beside a date: "14:05", "9.15 am GMT", "14:05 Moscow time"
        "time": re.compile(
            r"^(?:[Aa]t[ \u00a0])?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \u00a0]?(?:[aApP][mM]|[ap]\.m\.))?"
            rf"(?:[ \u00a0]{{1,3}}\(?(?:[A-Z]{{2,4}}\b|(?:{places})[ \u00a0]time)"
            r"(?:[+-]\d{1,2})?\)?)?",
        ),
        "label": re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,24}?)[ \u00a0]*:"),
    }


@per_line
def section_of_dateline(s: str) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """``(section, date span, kind)`` of a dateline: the date found at either end of the line
    and what remains beside it (a section label or nothing). ``kind`` is "byline" when the
    remainder is an author name, else "dateline"; all ``None`` when the line has no date.
    """
    if len(s) > 160 or len(s.split()) > 14 or _HAS_DIGIT.search(s) is None:
        return None, None, None  # every date and year holds a digit
    stripped = s.rstrip(_SEP_CHARS + ".")
    pats = _patterns()
    lead = m.end() if (m := pats["published"].match(s)) else 0  # "Posted on 2021-07-15 by …"
    spans = [(d.start, d.end) for d in find_dates(s)] + [(a, b) for a, b, _ in find_years(s)]
    for a, b in sorted(spans, key=lambda ab: ab[0] - ab[1]):
        before, after = s[lead:a] if a >= lead else s[:a], s[b:]
        if not before.strip(_SEP_CHARS) or b >= len(stripped):
            rest = (after if not before.strip(_SEP_CHARS) else s[:a]).strip(_SEP_CHARS + ".")
            if (m := pats["published"].match(rest)) is not None:
                rest = rest[m.end() :]
            if (m := pats["time"].match(rest)) is not None:
                rest = rest[m.end() :].strip(_SEP_CHARS + ".")
            if not rest or pats["published"].match(rest):  # "… 10:42 AM GMT+3 Updated 3 hours ago"
                return None, (a, b), "dateline"
            if parse_byline(s):
                return None, (a, b), "byline"
            cues = layout_cues()
            if (m := pats["label"].match(rest)) and m["label"].casefold() in cues.dateline_labels:
                return None, (a, b), "dateline"  # "2023-05-29 09:15 Source: … Editor: …"
            parts = [p.strip(_SEP_CHARS) for p in _PIPES.split(rest)]
            if any(p.casefold() in cues.section_kinds for p in parts) or _is_section_phrase(rest):
                return rest, (a, b), "dateline"
            return None, None, None
    return None, None, None


def _is_section_phrase(s: str) -> bool:
    words = s.split()
    small = {"and", "of", "the", "in", "on", "for", "&"}
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w in small for w in words) and words[0][0].isupper()


# ------------------------------------------------------------ the publication date


@attrs.frozen
class PublishedChoice:
    """The page's publication date: its reading, its span in the text and why it won."""

    reading: DateReading
    start: int
    end: int
    reason: str


@attrs.frozen
class _Candidate:
    rank: tuple[int, int, int]
    reading: DateReading
    start: int
    end: int
    reason: str


@functools.cache
def _choice_patterns() -> dict[str, re.Pattern[str]]:
    cues = meta_cues()

    def words(ws: tuple[str, ...]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in ws)

    return {
        # a cue word shortly before the date: "Published 5:32 PM EST, Tue …", "Updated22:38, 9 MAY"
        "published": re.compile(rf"(?<![^\W\d_])(?:{words(cues.published_cues)})(?![^\W\d_])", re.I),
        "updated": re.compile(rf"(?<![^\W\d_])(?:{words(cues.updated_cues)})(?![^\W\d_])", re.I),
        "time": re.compile(
            r"\b\d{1,2}(?:[:.h]\d{2}){1,2}(?:[ \u00a0]?(?:[aApP]\.?[mM]\.?))?"
            r"|\b\d{1,2}[ \u00a0]?[aApP]\.?[mM]\.?",
        ),
        "word": re.compile(r"[^\W\d_][^\W\d_'’.]*"),
        "paren": re.compile(r"\([^()]{0,40}\)|@\w+"),
        "embed": re.compile(r"^[ \u00a0]*[—–-][ \u00a0].{0,80}\(@\w+\)"),
        "numeric": re.compile(r"(?<![\w./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-])"),
    }


def page_day_first(text: str, default: bool = True) -> bool:
    """Whether the page prints numeric dates day first, by its own evidence.

    A numeric date whose first field exceeds 12 (``28.04.2020``) shows day first,
    one whose second field does (``12/30/2019``) month first; without such a date,
    the order of the written dates decides (``3 November`` against ``November 3``)
    when one form clearly prevails; otherwise ``default``.
    """
    dmy = mdy = 0
    for m in _choice_patterns()["numeric"].finditer(text):
        a, b = int(m[1]), int(m[3])
        if 12 < a <= 31 and 1 <= b <= 12:
            dmy += 1
        elif 12 < b <= 31 and 1 <= a <= 12:
            mdy += 1
    if dmy != mdy and (dmy == 0 or mdy == 0):
        return dmy > mdy
    day_month = month_day = 0
    for d in find_dates(text):
        if d.day is None or d.month is None or not any(c.isalpha() for c in d.raw):
            continue  # numeric and ISO dates say nothing here
        head = d.raw.lstrip()
        first_token = head.split()[0].rstrip(",.") if head.split() else ""
        if weekday_number(first_token) is not None:
            parts = head.split(None, 1)
            head = parts[1] if len(parts) > 1 else ""
        if head[:1].isdigit():
            day_month += 1
        elif head[:1].isalpha():
            month_day += 1
    if day_month >= 2 * max(month_day, 1):
        return True
    if month_day >= 2 * max(day_month, 1):
        return False
    return default


def _zone_order(line: str) -> bool | None:
    """Day first (``True``) or month first (``False``) by a time zone printed on the line."""
    cues = meta_cues()
    tokens = set(_ZONE_TOKEN.findall(line))
    day, month = bool(tokens & cues.day_first_zones), bool(tokens & cues.month_first_zones)
    return day if day != month else None


def _line_reading(line: str, day_first: Callable[[], bool]) -> tuple[DateReading, int, int, str] | None:
    """The date a short date line states, with its cue: ``"published"``, ``"updated"`` or ``""``.

    ``None`` when the line is running text rather than a date line, or has no full date.
    ``day_first()`` is asked only for a date the two orders read differently.
    """
    if len(line) > 200:
        return None
    pats = _choice_patterns()
    if pats["embed"].match(line):
        return None  # "— Name (@name) May 2, 2023": the signature of an embedded post
    found: list[tuple[DateReading, int, int, str]] = []
    pos = 0
    leftover: list[str] = []
    for d in find_dates(line):
        if d.year is None:
            continue
        reading = parse_date(d.raw, day_first=True)
        if reading != (other := parse_date(d.raw, day_first=False)) and not day_first():
            reading = other
        if reading is None or reading.date.month is None or not 1600 <= reading.date.year <= 2099:
            continue  # "on Mar 2714 min" (a day glued to a reading time) is no year 2714
        before = line[max(pos, d.start - 40) : d.start]
        cue = ""
        last_pub = max((m.end() for m in pats["published"].finditer(before)), default=-1)
        last_upd = max((m.end() for m in pats["updated"].finditer(before)), default=-1)
        if last_upd > last_pub:
            cue = "updated"
        elif last_pub >= 0:
            cue = "published"
        found.append((reading, d.start, d.end, cue))
        leftover.append(line[pos : d.start])
        pos = d.end
    if not found:
        return None
    leftover.append(line[pos:])
    rest = pats["paren"].sub(" ", pats["time"].sub(" ", " ".join(leftover)))
    cues = meta_cues()
    by_name = _byline_rest(rest)
    words = [
        w
        for w in pats["word"].findall(pats["published"].sub(" ", pats["updated"].sub(" ", by_name)))
        if w.casefold().rstrip(".") not in cues.date_line_words and not (w.isupper() and len(w) <= 4)
    ]
    if len(words) > 6:
        return None
    for f in found:  # the first date not marked as an update
        if f[3] != "updated":
            return f
    return found[0]


def _byline_rest(rest: str) -> str:
    """``rest`` with a byline's names taken out ("by X and Y", "X | Role")."""
    names = parse_byline(rest.strip(_SEP_CHARS + "."))
    if not names:
        return rest
    stripped = rest.strip(_SEP_CHARS + ".")
    lead = rest.find(stripped)
    out = list(rest)
    for n in names:
        for k in range(lead + n.start, min(len(out), lead + n.end)):
            out[k] = " "
    return "".join(out)


def choose_published(
    text: str, layout: Sequence[LayoutLine], *, day_first: bool | None = None
) -> PublishedChoice | None:
    """The publication date of the article on a page, or ``None`` to abstain.

    Candidates are date lines: short lines whose words, besides a full date, are
    at most a few (a time, a cue such as "Published" or "Updated", a byline, a
    section). The date in the article's header (between the headline and the
    first paragraphs) wins over a site header's "today", a sidebar or the
    comments; a "Published"/"Posted" date wins over an "Updated" one; among
    equals the one nearest the prose. Outside the header only a date with a
    publication cue is taken. Numeric dates are read by the page's own order
    (``page_day_first``), else by ``day_first``.
    """
    zone = page_zone(text, layout)
    known: list[bool] = []

    def order() -> bool:
        # the page's own order, read once and only when a date line needs it
        if not known:
            known.append(page_day_first(text, True if day_first is None else day_first))
        return known[0]

    best: _Candidate | None = None
    for i, (a, b) in enumerate(zone.spans):
        if not _HAS_DIGIT.search(text, a, b):
            continue
        got = _line_reading(text[a:b], order)
        if got is None:
            continue
        reading, s, e, cue = got
        if reading.ambiguous and (beside := _zone_order(text[a:b])) is not None and beside != order():
            reading = parse_date(text[a + s : a + e], day_first=beside) or reading
        # a plain date among the page's first lines, far above the prose: the site's "today"
        masthead = (
            cue == "" and i < _MASTHEAD_LINES and zone.prose_start is not None and zone.prose_start - i > 5
        )
        header = zone.in_header(i) and not masthead
        if not header and cue != "published":
            continue
        tier = (0 if cue == "published" else 1 if cue == "" else 2) + (0 if header else 3)
        precision = 0 if reading.date.day is not None else 1
        rank = (tier, precision, zone.distance(i))
        if best is None or rank < best.rank:
            where = "the article's header" if header else "the page"
            reason = f"{cue or 'date'} line in {where}"
            best = _Candidate(rank, reading, a + s, a + e, reason)
    if best is None:
        return None
    return PublishedChoice(best.reading, best.start, best.end, best.reason)


_HAS_DIGIT = re.compile(r"\d")
_PIPES = re.compile(r"[|·•]")
_ZONE_TOKEN = re.compile(r"\b[A-Z]{2,4}\b")
_MASTHEAD_LINES = 3  # the page's first lines, where a site prints today's date


def date_warnings(reading: DateReading, span: tuple[int, int]) -> tuple[ParseWarning, ...]:
    """The warnings a chosen publication date carries: an ambiguous numeric order, a wrong weekday."""
    out: list[ParseWarning] = []
    if reading.ambiguous:
        out.append(ParseWarning(WarningCode.DATE_AMBIGUOUS, f"date ambiguous: {reading.reason}", *span))
    if not reading.weekday_consistent:
        out.append(ParseWarning(WarningCode.DATE_CONFLICT, f"date {reading.reason}", *span))
    return tuple(out)
