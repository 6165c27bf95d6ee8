"""Datelines: a date at either end of a short line, and what stands beside it.

``02.06.23 China Review``, ``Commentary | 8 May 2015``, ``Published: 12 March 2024 14:05``,
``Posted on 2021-07-15 by John Smith``, ``2023-05-29 09:15 Source: … Editor: …``.
"""

from __future__ import annotations

import functools
import re

from .bylines import parse_byline
from .cues import layout_cues
from .dates import find_dates, find_years

__all__ = ["section_of_dateline"]

_SEP_CHARS = " \t\u00a0|·•–—-:,/>›»"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "published": re.compile(
            r"^(?:published|updated|posted|last[ \u00a0]updated|date)\b"
            r"(?:[ \u00a0]+(?:on|online)\b)?[ \u00a0:]*",
            re.I,
        ),
        # a clock time beside a date: "14:05", "9.15 am GMT"
        "time": re.compile(
            r"^(?:[Aa]t[ \u00a0])?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \u00a0]?(?:[aApP][mM]|[ap]\.m\.))?"
            r"(?:[ \u00a0]{1,3}\(?(?:[A-Z]{2,4}\b|(?:Beijing|Moscow|Kyiv|local)[ \u00a0]time)"
            r"(?:[+-]\d{1,2})?\)?)?",
        ),
        "label": re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,24}?)[ \u00a0]*:"),
    }


def section_of_dateline(s: str) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """``(section, date span, kind)`` of a dateline: the date found at either end of the line
    and what remains beside it (a section label or nothing). ``kind`` is "byline" when the
    remainder is an author name, else "dateline"; all ``None`` when the line has no date.
    """
    if len(s) > 160 or len(s.split()) > 14:
        return None, None, None
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
            parts = [p.strip(_SEP_CHARS) for p in re.split(r"[|·•]", rest)]
            if any(p.casefold() in cues.section_kinds for p in parts) or _is_section_phrase(rest):
                return rest, (a, b), "dateline"
            return None, None, None
    return None, None, None


def _is_section_phrase(s: str) -> bool:
    words = s.split()
    small = {"and", "of", "the", "in", "on", "for", "&"}
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w in small for w in words) and words[0][0].isupper()
