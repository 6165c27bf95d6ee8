"""The statistical half of the layout: line features, the main prose block and the headline score.

The weights live in ``data/line_model.json`` (explained in ``docs/parsing.md``). Everything
here is a single pass or two over the lines of a page:

* :func:`function_share` — the share of closed-class words in a line; running text has many,
  menu labels and teaser headlines few;
* :func:`main_block` — the maximum-sum run of line weights (prose lines weigh their words,
  every other line costs a little): the article's text, the idea behind boilerpipe and
  jusText, in linear time;
* :func:`page_title_parts` and :func:`title_score` — the headline is the headline-shaped line
  nearest above that block, followed by a byline, dateline or deck, often repeated in a
  ``Headline | Site`` page-title form, and not standing in a run of menu labels.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import Any

import attrs

from .._data import casefolded, load_json
from .._line_facts import per_line

__all__ = [
    "BlockWeights",
    "LineModel",
    "TitleWeights",
    "content_words",
    "function_share",
    "line_model",
    "main_block",
    "page_title_parts",
    "title_score",
    "topic_share",
]


@attrs.frozen
class BlockWeights:
    """Per-line weights of the main-block search (see the data file)."""

    prose_per_word: float
    prose_word_cap: int
    prose_cost: float
    min_function_share: float
    short_cost: float
    sentence_cost: float
    cue_cost: float
    caption_cost: float
    gap_growth: int
    tail_barrier: float
    closing_text: float


@attrs.frozen
class TitleWeights:
    """Weights of the headline score (see the data file)."""

    base: float
    per_word: float
    word_cap: int
    one_word: float
    two_words: float
    distance: float
    distance_cap: int
    near_meta: float
    meta_window: int
    page_title: float
    near_text: float
    topic: float
    below_byline: float
    under_headline: float
    all_caps: float
    separated: float
    affiliation: float
    dangling: float
    menu_run: float
    link_list: float
    no_function_word: float
    min_score: float


@attrs.frozen
class LineModel:
    """The closed-class word list, the menu separators and the two weight sets."""

    function_words: frozenset[str]
    meta_prefixes: tuple[str, ...]
    dangling_words: frozenset[str]
    affiliation_words: tuple[str, ...]
    menu_separators: tuple[str, ...]
    block: BlockWeights
    title: TitleWeights


def _numbers(raw: dict[str, Any], ints: tuple[str, ...]) -> dict[str, Any]:
    return {k: int(v) if k in ints else float(v) for k, v in raw.items() if not k.startswith("_")}


def _load(raw: dict[str, Any]) -> LineModel:
    return LineModel(
        function_words=casefolded(raw["function_words"]),
        meta_prefixes=tuple(sorted(str(w).casefold() for w in raw["meta_prefixes"])),
        dangling_words=casefolded(raw["dangling_words"]),
        affiliation_words=tuple(sorted(casefolded(raw["affiliation_words"]))),
        menu_separators=tuple(raw["menu_separators"]),
        block=BlockWeights(**_numbers(raw["block"], ("prose_word_cap", "gap_growth"))),
        title=TitleWeights(**_numbers(raw["title"], ("word_cap", "distance_cap", "meta_window"))),
    )


@functools.cache
def line_model() -> LineModel:
    """The line model, read from package data on first call."""
    return _load(load_json("line_model.json"))


_STRIP = "\"'“”‘’«»()[]{},.;:!?…*"


def function_share(s: str, cap: int = 200) -> float:
    """Share of the first ``cap`` words of ``s`` that are function words (0 for no words)."""
    return _share(s) if cap == 200 else _function_share(s, cap)


@per_line
def _share(s: str) -> float:
    return _function_share(s, 200)


def _function_share(s: str, cap: int) -> float:
    words = s.split(None, cap)[:cap]
    if not words:
        return 0.0
    fw = line_model().function_words
    # casefolded once for the line: casefolding makes no space and no stripped character,
    # so the words and their stripping are the same
    folded = " ".join(words).casefold().split(" ")
    hits = sum(map(fw.__contains__, [w.strip(_STRIP).replace("’", "'") for w in folded]))
    return hits / len(words)


_WORD = re.compile(r"\w+")


def content_words(s: str, cap: int = 3000) -> list[str]:
    """The casefolded words of ``s`` (its first ``cap`` characters times ten) that are not
    function words and have three characters or more, or are numbers."""
    fw = line_model().function_words
    return [
        w for w in _WORD.findall(s[: cap * 10].casefold()) if (len(w) >= 3 or w.isdigit()) and w not in fw
    ][:cap]


def topic_share(s: str, vocabulary: frozenset[str]) -> float:
    """Share of the content words of ``s`` that the article's text also uses."""
    words = content_words(s, 40)
    if not words:
        return 0.0
    return sum(1 for w in words if w in vocabulary) / len(words)


def main_block(weights: Sequence[float | None], closing_text: float = math.inf) -> tuple[int, int] | None:
    """``(first, last)`` line indices of the maximum-sum run of ``weights``.

    ``None`` entries (blank lines) weigh nothing and never start or end the run. Kadane's
    scan: one pass, ties keep the earlier run. ``None`` when no line weighs more than zero.
    A weight of ``-inf`` is a closing heading (comments, share buttons): when the best run
    so far weighs ``closing_text`` or more and ended at most 30 lines before it, nothing
    after it is considered.
    """
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    start = -1
    for i, w in enumerate(weights):
        if w is None:
            continue
        if w == -math.inf and best_span is not None and best >= closing_text and i - best_span[1] <= 30:
            break
        if run <= 0.0:
            if w <= 0.0:
                continue
            run, start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (start, i)
    return best_span


@functools.cache
def _parts_pattern() -> re.Pattern[str]:
    seps = sorted(line_model().menu_separators, key=len, reverse=True)
    spaced = "|".join(re.escape(s) for s in seps)
    # "Headline | Site", "Headline - Site", "Home>Articles>Headline"
    return re.compile(rf"[ \u00a0]+(?:{spaced})[ \u00a0]+|[ \u00a0]*(?:>|›|»|\||::)[ \u00a0]*")


@functools.cache
def _separator_chars() -> re.Pattern[str]:
    """The first characters of every separator: a line without one has a single part."""
    firsts = {s[:1] for s in line_model().menu_separators} | set(">›»|:")
    if "" in firsts:
        return re.compile("")  # an empty separator: every line may split
    return re.compile("[" + "".join(re.escape(c) for c in sorted(firsts) if c) + "]")


def _key(s: str) -> str:
    return " ".join(s.split()).casefold()


def page_title_parts(strs: Sequence[str]) -> frozenset[str]:
    """The parts of every separated line ("Headline | Site" gives both) and every line of
    four words or more printed twice, normalised.

    Lines longer than 400 characters are prose, not page titles, and are skipped, so the
    cost stays linear in the page.
    """
    pat = _parts_pattern()
    has_separator = _separator_chars().search
    out: set[str] = set()
    seen: set[str] = set()
    for s in strs:
        if not s or len(s) > 400:
            continue
        if len(s.split(None, 4)) >= 4:  # a key of fewer words never equals one of four or more
            key = _key(s)
            if key in seen:
                out.add(key)  # printed twice: the page title and the headline
            seen.add(key)
        if has_separator(s) is None:
            continue
        parts = pat.split(s)
        if len(parts) < 2:
            continue
        out.update(k for p in parts if len(k := _key(p)) >= 8)
    return frozenset(out)


def title_score(
    s: str,
    *,
    distance: int,
    near_meta: bool,
    near_text: bool,
    below_byline: bool,
    under_headline: bool,
    in_menu_run: bool,
    in_link_list: bool = False,
    page_titles: frozenset[str],
    topic: float = 0.0,
) -> float:
    """Score of a headline-shaped line with ``distance`` competing headlines between it and
    the main block; ``topic`` is the share of its content words the text also uses."""
    w = line_model().title
    words = len(s.split())
    score = w.base + w.per_word * min(words, w.word_cap)
    if words == 1:
        score -= w.one_word
    elif words == 2:
        score -= w.two_words
    score -= w.distance * min(distance, w.distance_cap)
    score += w.topic * topic
    if near_meta:
        score += w.near_meta
    if _key(s) in page_titles:
        score += w.page_title
    if near_text:
        score += w.near_text
    if below_byline:
        score -= w.below_byline
    if " | " in s:
        score -= w.separated
    cf = s.casefold()
    if "," in s and any(h in cf for h in line_model().affiliation_words):
        score -= w.affiliation
    if under_headline:
        score -= w.under_headline
    letters = [c for c in s if c.isalpha()]
    if words >= 4 and letters and all(c.isupper() for c in letters):
        score -= w.all_caps
    if in_menu_run:
        score -= w.menu_run
    if in_link_list:
        score -= w.link_list
    last = s.split()[-1].strip(_STRIP).casefold() if words else ""
    if words >= 2 and last in line_model().dangling_words:
        score -= w.dangling
    if words >= 2 and function_share(s) == 0.0:
        score -= w.no_function_word * max(1, words - 3)
    return score
