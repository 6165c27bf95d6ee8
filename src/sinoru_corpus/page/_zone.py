"""Where the article sits on a page: its main prose block and the header above it.

The publication date, the byline and the headline stand just above the densest
run of prose lines (long, sentence-punctuated, rich in function words: the idea
behind jusText and boilerpipe). This module finds that run from the text alone,
so the date and author choices do not depend on how every other line was
classified; the headline line from the layout, when there is one, narrows the
header further. One pass over the lines.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import attrs

from .._data import casefolded, load_json
from ..model import LayoutLine, LineKind

__all__ = ["MetaCues", "PageZone", "is_prose_line", "meta_cues", "page_zone"]

_MAX_GAP = 4  # non-blank lines allowed between two prose lines of one block
_GAP_CHARS = 600  # ... or any number of tiny ones adding up to this many characters
_HEADER_REACH = 40  # how far above the prose a header may start when no headline is known
_ABOVE_TITLE = 6  # lines above a known headline that still belong to the header


@attrs.frozen
class MetaCues:
    """The curated cue words of ``data/page_meta.json``."""

    function_words: frozenset[str]
    published_cues: tuple[str, ...]
    updated_cues: tuple[str, ...]
    date_line_words: frozenset[str]
    author_labels: tuple[str, ...]
    bio_openers: tuple[str, ...]
    site_suffix_separators: tuple[str, ...]
    organisation_words: frozenset[str]
    month_first_zones: frozenset[str]
    day_first_zones: frozenset[str]
    interface_words: frozenset[str]


def _by_length(raw: Any) -> tuple[str, ...]:
    return tuple(sorted({str(w).casefold() for w in raw}, key=len, reverse=True))


@functools.cache
def meta_cues() -> MetaCues:
    """The cue words, read from package data on first call."""
    raw = load_json("page_meta.json")
    return MetaCues(
        function_words=casefolded(raw["function_words"]),
        published_cues=_by_length(raw["published_cues"]),
        updated_cues=_by_length(raw["updated_cues"]),
        date_line_words=casefolded(raw["date_line_words"]),
        author_labels=_by_length(raw["author_labels"]),
        bio_openers=_by_length(raw["bio_openers"]),
        site_suffix_separators=tuple(raw["site_suffix_separators"]),
        organisation_words=casefolded(raw["organisation_words"]),
        month_first_zones=frozenset(raw["month_first_zones"]),
        day_first_zones=frozenset(raw["day_first_zones"]),
        interface_words=casefolded(raw["interface_words"]),
    )


@attrs.frozen
class PageZone:
    """The page's non-blank lines and where the article's prose and header are among them.

    ``spans`` are ``(start, end)`` text offsets of the non-blank lines in order;
    ``layout_index[i]`` is the position of line ``i`` in the layout. ``prose_start``
    and ``prose_end`` index ``spans`` (``None`` when the page has no prose);
    ``title`` is the headline's index when the layout found one above the prose.
    """

    spans: tuple[tuple[int, int], ...]
    layout_index: tuple[int, ...]
    prose_start: int | None
    prose_end: int | None
    title: int | None

    @property
    def header_start(self) -> int:
        """The first line that may belong to the article's header: a fixed reach above the
        prose, or a few lines above the headline when that stands further up. The headline
        only ever widens the header: when the layout took a teaser for it, the byline and
        date above still count."""
        if self.prose_start is None:
            return 0
        start = self.prose_start - _HEADER_REACH
        if self.title is not None:  # a kicker, date or byline may stand just above the headline
            start = min(start, self.title - _ABOVE_TITLE)
        return max(0, start)

    def in_header(self, i: int, after: int = 12) -> bool:
        """Line ``i`` stands between the header start and a few lines into the prose."""
        if self.prose_start is None:
            return False
        end = self.prose_start + after
        if self.prose_end is not None:
            end = min(end, self.prose_end)
        return self.header_start <= i <= max(end, self.prose_start)

    def distance(self, i: int) -> int:
        """How far line ``i`` stands from the prose start; lines inside the prose count double."""
        if self.prose_start is None:
            return i
        return self.prose_start - i if i <= self.prose_start else 2 * (i - self.prose_start)


@functools.cache
def _word_re() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_][^\W\d_'’]*")


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]{0,3}(?:[ \u00a0]|$)")


def is_prose_line(s: str) -> bool:
    """A line of running prose: long, with a sentence end and a fair share of function words."""
    if len(s) < 80:
        return False
    words = _word_re().findall(s[:2000].casefold())
    if len(words) < 14:
        return False
    fw = meta_cues().function_words
    share = sum(map(fw.__contains__, words)) / len(words)
    return share >= 0.18 and _SENTENCE_END.search(s) is not None


def _runs(prose: Sequence[int], ends: Sequence[int], tolerant: bool) -> list[list[int]]:
    """Prose lines grouped into runs: a gap of a few lines never breaks a run; when
    ``tolerant``, neither does a gap of many tiny lines (a chart's labels, a credit)."""
    runs: list[list[int]] = []
    for p in prose:
        if runs:
            last = runs[-1][-1]
            gap_chars = ends[p - 1] - ends[last]
            if p - last <= _MAX_GAP + 1 or (tolerant and gap_chars <= _GAP_CHARS and p - last <= 80):
                runs[-1].append(p)
                continue
        runs.append([p])
    return runs


def _main_block(prose: Sequence[int], sizes: dict[int, int], ends: Sequence[int]) -> tuple[int, int] | None:
    """The heaviest tolerant run; it starts at its first strict run that weighs at least
    a third of its heaviest strict run (a one-line teaser above the prose does not)."""
    blocks = _runs(prose, ends, tolerant=True)
    if not blocks:
        return None
    block = max(blocks, key=lambda r: sum(sizes[p] for p in r))
    parts = _runs(block, ends, tolerant=False)
    weights = [sum(sizes[p] for p in r) for r in parts]
    heaviest = max(weights)
    first = next(r for r, w in zip(parts, weights, strict=True) if 3 * w >= heaviest)
    return first[0], block[-1]


# The date and byline choices share one reading of a page: one slot, read and written whole
# (so threads never mix two pages); holding the objects keeps their identity from being reused.
_LAST: list[tuple[str, Sequence[LayoutLine], PageZone] | None] = [None]


def page_zone(text: str, layout: Sequence[LayoutLine]) -> PageZone:
    """The non-blank lines of ``text`` and the article's prose block and headline among them."""
    last = _LAST[0]
    if last is not None and last[0] is text and last[1] is layout:
        return last[2]
    zone = _page_zone(text, layout)
    _LAST[0] = (text, layout, zone)
    return zone


def _page_zone(text: str, layout: Sequence[LayoutLine]) -> PageZone:
    spans: list[tuple[int, int]] = []
    index: list[int] = []
    title: int | None = None
    for k, ln in enumerate(layout):
        if not text[ln.start : ln.end].strip():
            continue
        if ln.kind is LineKind.TITLE and title is None:
            title = len(spans)
        spans.append((ln.start, ln.end))
        index.append(k)
    prose = [i for i, (a, b) in enumerate(spans) if is_prose_line(text[a:b])]
    ends, total = [], 0
    for a, b in spans:
        total += b - a
        ends.append(total)
    sizes = {i: spans[i][1] - spans[i][0] for i in prose}
    run = _main_block(prose, sizes, ends)
    if run is not None and title is not None and title >= run[0]:
        # the layout's headline stands inside this run: the article is the prose under it
        # (one reading of the page: the header the title opens, not an earlier feed)
        run = _main_block([p for p in prose if p > title], sizes, ends) or run
    start, end = run if run else (None, None)
    if title is not None and (start is None or title >= start or start - title > 3 * _HEADER_REACH):
        title = None
    return PageZone(tuple(spans), tuple(index), start, end, title)
