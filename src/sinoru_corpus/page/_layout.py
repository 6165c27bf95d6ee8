"""Line classification: every line of a page gets exactly one :class:`LineKind` and a reason.

Passes over the lines, each linear:

1. line-local cues (skip links, share widgets, breadcrumbs, captions, notices, update
   notes, disclaimers, ``Publication:`` lines, datelines, bylines) from the curated
   vocabulary in ``data/layout_cues.json``;
2. the main prose block (:func:`sinoru_corpus.page._line_model.main_block` over per-line
   weights): prose outside it is not the article's, lines below it are the tail;
3. from the end of the block, the closing run of author bios, tag lines and disclaimers;
4. the header (lines before the block's first paragraph: title by
   :func:`sinoru_corpus.page._line_model.title_score`, byline, tags, deck), then the body
   (prose, subheadings, pull-quotes that repeat a body sentence).

Edge-only kinds (dateline, section, byline) stand only in the header and the
closing run; inside the body such a short line is a subheading or body text.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

import attrs

from .._line_facts import any_phrase, forget_with_lines, per_line
from ..dates._grammar import find_dates
from ..model import LayoutLine, LineKind
from ._bylines import parse_bio, parse_byline
from ._cues import layout_cues
from ._datelines import section_of_dateline
from ._edges import is_closing_heading, is_masthead, is_tail_heading, mark_tail, over_unnamed_issue
from ._line_model import (
    content_words,
    function_share,
    line_model,
    main_block,
    page_title_parts,
    title_score,
    topic_share,
)
from ._zone import meta_cues

__all__ = [
    "apply_lead_paragraph",
    "classify_lines",
    "cued_date_line",
    "is_headline",
    "is_prose",
    "line_spans",
    "section_of_dateline",
]

_K = LineKind
_EDGE_ONLY = frozenset({_K.DATELINE, _K.SECTION, _K.BYLINE})
_DIGIT = re.compile(r"\d")  # "Commentary | 8 May 2015" is a dateline, not a crumb


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text.split("\\n")``, without the newline."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = layout_cues()
    labels = "|".join(re.escape(w) for w in sorted(cues.figure_labels, key=len, reverse=True))
    return {
        "sentence_end": re.compile(
            r"[.!?…](?:[\"'”’»)\]]{0,3})(?:\[\d{1,3}\])?(?=[ \u00a0]+[\"'“‘«(\[]{0,2}[A-Z0-9]|$)"
        ),
        "figure": re.compile(
            rf"^(?:{labels})\.?[ \u00a0]{{0,2}}(?:[0-9IVX]{{1,4}}[a-z]?)?[ \u00a0]{{0,2}}[.:–—-]",
            re.IGNORECASE,
        ),
        "publication": re.compile(
            r"^(?:publication|published[ \u00a0]in|journal)[ \u00a0]*:"
            r"|\b(?:volume|vol\.)[ \u00a0]*:?[ \u00a0]*"
            r"[0-9IVX]{1,6}\b.{0,20}\b(?:issue|no\.|number)[ \u00a0]*:?[ \u00a0]*\d",
            re.IGNORECASE,
        ),
        # what a "publication" match needs: its opening, or "vol" for its volume/issue branch
        "publication_head": re.compile(r"(?:publication|published[ \u00a0]in|journal)[ \u00a0]*:", re.I),
        "vol": re.compile("vol", re.I),
        "copyright": re.compile(r"^(?:©|\(c\)[ \u00a0]|copyright[ \u00a0]*(?:©|\(c\)|\d{4}))", re.I),
        "endnote": re.compile(r"^(?:\[\d{1,3}\]|\^\d{1,3}\b|\d{1,3}\][ \u00a0])"),
        "about_author": re.compile(r"^about[ \u00a0]the[ \u00a0]authors?\b", re.IGNORECASE),
        "normalise": re.compile(r"[\s\"'“”‘’«»]+"),
        "disclaimer": _literal_alternation(cues.disclaimer_contains),
        "furniture": _literal_alternation(cues.furniture_contains),
        "notice": _literal_alternation(cues.notice_contains),
        "caption_infix": _literal_alternation(cues.caption_contains),
        "list_item": re.compile(r"(?:\d{1,2}[.)]|[•▪◦‣*–-])[ \u00a0]+\S"),
        "caption_suffix": _literal_alternation(cues.caption_suffixes),
        # "(Jane Doe/Agency)" closing a short line: a photographer and agency credit
        "credit_paren": re.compile(r"\([^()/\s]{1,40}(?: [^()/\s]{1,40}){0,3} ?/ ?[^()/]{1,40}\)[ .]*$"),
    }


def _literal_alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    # one search instead of a Python loop over the phrases (input is casefolded); only
    # ever asked whether a phrase occurs, so the trie form answers the same
    return any_phrase(phrases)


def _nwords(s: str, cap: int = 300) -> int:
    """Word count, capped so a megabyte line costs no more than a short one."""
    if cap == 300:
        return _nwords_300(s)
    return len(s.split(None, cap)) if len(s) < 20 * cap else cap + 1


@per_line
def _nwords_300(s: str) -> int:
    return len(s.split(None, 300)) if len(s) < 6000 else 301


def _sentences(s: str) -> int:
    return len(_patterns()["sentence_end"].findall(s))


@per_line
def is_prose(s: str) -> bool:
    """A paragraph of running text: enough words and sentence punctuation."""
    if len(s) > 400:
        return _sentences(s[:400]) >= 1 or _sentences(s) >= 1
    words = _nwords(s)
    n = _sentences(s)
    return (words >= 12 and n >= 1) or n >= 2


def is_headline(s: str, max_words: int = 25) -> bool:
    """Short, capitalised, and not a sentence or two of prose."""
    if len(s) > 220:
        return False
    return _headline(s, max_words)


@functools.lru_cache(maxsize=8192)
def _headline(s: str, max_words: int) -> bool:
    words = s.split()
    if not 1 <= len(words) <= max_words:
        return False
    first = s.lstrip("\"'“‘«([")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    if s.rstrip("\"'”’»)]").endswith((".", ",", ";", ":")) and not s.endswith("..."):
        return False
    return _sentences(s) <= 1


forget_with_lines(_headline.cache_clear)  # its lines are a page's: not held after the parse


def _is_heading(s: str) -> bool:
    return is_headline(s, max_words=14) and len(s) <= 120


@per_line
def _is_tag_line(s: str) -> bool:
    """A run of capitalised topic words with no sentence punctuation."""
    if len(s) > 400:
        return False
    words = s.replace(",", " ").split()
    if len(words) < 3 or len(words) > 25 or any(c in s for c in '.?!:;"“”'):
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w in {"&", "/", "|", "·", "•"} for w in words):
        return False
    topics = layout_cues().topic_words
    hits = sum(1 for w in words if w.casefold() in topics)
    return hits * 2 >= len(words)


def _breadcrumb(s: str) -> bool:
    cues = layout_cues()
    if len(s) > 600:
        return False
    tokens = s.split()
    seps = sum(1 for t in tokens if t in cues.breadcrumb_separators)
    if len(tokens) > 40 or s.rstrip().endswith((".", "!")):
        return False
    if seps >= 2:
        return True
    if (
        seps == 1
        and 2 <= len(tokens) <= 8
        and tokens[1] in cues.breadcrumb_separators
        and not _DIGIT.search(s)
    ):
        return tokens[0].casefold() in cues.section_kinds  # "Opinion / Op-Ed Contributors"
    return len(tokens) >= 2 and tokens[0] == "Home" and (seps >= 1 or tokens[1][:1].isalpha())


@per_line
def _local(s: str) -> tuple[LineKind, str] | None:
    """Line-local cue, or ``None`` when the line's role depends on its place.

    Publisher disclaimers are checked where they can stand (header and closing run),
    not on every paragraph.
    """
    n = _nwords(s)
    if n > 200:
        return None
    cf = s.casefold()
    pats = _patterns()
    if pats["notice"].search(cf):
        return _K.FURNITURE, "site notice (cookies, browser, consent)"
    if n > 80:
        return None  # a long paragraph: no line-local cue applies
    cues = layout_cues()
    if cf.startswith(cues.update_note_prefixes):
        return _K.FURNITURE, "update or correction note"
    if any(c in cf for c in cues.credit_contains):
        return _K.FURNITURE, "reporting credit"
    if n > 30:  # paragraph-sized: only captions and figure notes
        if cf.startswith(cues.caption_prefixes):
            return _K.IMAGE_CAPTION, "image caption cue"
        if pats["caption_suffix"].search(cf, max(0, len(cf) - 60)) or cf.rstrip(" .)]").endswith(
            cues.caption_endings
        ):
            return _K.IMAGE_CAPTION, "photo credit"
        if n <= 60 and (pats["figure"].match(s) or cf.startswith(cues.figure_prefixes)):
            return _K.FIGURE_CAPTION, "figure/chart caption or source note"
        if n <= 40 and cf.startswith(_tag_prefixes(True)):
            return _K.TAGS, "tag list"
        return None
    bare = cf.rstrip(" :.")
    if cf.startswith(("skip to", "jump to")) and n <= 6:
        return _K.NAVIGATION, "skip link"
    if bare in cues.navigation_lines:
        return _K.NAVIGATION, "navigation link"
    if n <= 8 and _share_widget(s):
        return _K.NAVIGATION, "share widget"
    if pats["copyright"].match(cf):
        return _K.FURNITURE, "copyright line"
    if cf.startswith(("by ", "by\u00a0")) and "|" in s and parse_byline(s):
        return _K.BYLINE, "byline with page widgets"
    if bare in cues.furniture_lines:
        return _K.FURNITURE, "page furniture"
    if pats["furniture"].search(cf):
        return _K.FURNITURE, "page furniture phrase"
    if _breadcrumb(s):
        return _K.NAVIGATION, "breadcrumb"
    if n <= 25 and (
        pats["publication_head"].match(s) or (pats["vol"].search(s) and pats["publication"].search(s))
    ):
        return _K.PUBLICATION, "publication / volume / issue line"
    if cf in cues.caption_lines:
        return _K.IMAGE_CAPTION, "image credit label"
    if cf.startswith(cues.caption_prefixes):
        return _K.IMAGE_CAPTION, "image caption cue"
    if pats["credit_paren"].search(s) or "credit:" in cf or pats["caption_infix"].search(cf):
        return _K.IMAGE_CAPTION, "photo credit"
    if pats["caption_suffix"].search(cf, max(0, len(cf) - 60)) or cf.rstrip(" .)]").endswith(
        cues.caption_endings
    ):
        return _K.IMAGE_CAPTION, "photo credit"
    if pats["figure"].match(s) or cf.startswith(cues.figure_prefixes):
        return _K.FIGURE_CAPTION, "figure/chart caption or source note"
    if cf.startswith(_tag_prefixes(True)) or (n >= 3 and cf.startswith(_tag_prefixes(False))):
        return _K.TAGS, "tag list"
    if n <= 14:
        section, span, kind = section_of_dateline(s)
        if span is not None:
            if kind == "byline":
                return _K.BYLINE, "byline with date"
            return _K.DATELINE, "section and date" if section else "date line"
        if (
            (cf.startswith(("by ", "by\u00a0", "author")) or "|" in s or "," in s)
            and parse_bio(s) is None
            and parse_byline(s)
        ):
            return _K.BYLINE, "byline"
        if bare in cues.section_kinds:
            return _K.SECTION, "section label"
    return None


@functools.cache
def _tag_prefixes(colon: bool) -> tuple[str, ...]:
    """The tag-list openers ending in a colon (``colon``), or all of them."""
    return tuple(p for p in layout_cues().tag_prefixes if p.endswith(":") or not colon)


def _share_widget(s: str) -> bool:
    """Only share-service names and their joiners ("Share on Twitter", "Share by email")."""
    cues = layout_cues()
    names, joiners = cues.navigation_words, cues.navigation_joiners
    empty, named = True, False
    for raw in s.split():  # stops at the first word that is neither (most lines: the first)
        w = raw.strip("|·•,:()").casefold()
        if not w:
            continue
        empty = False
        if w in names:
            named = True
        elif w not in joiners:
            return False
    return empty or named  # separators only, or at least one service name


@per_line
def _disclaimer(s: str) -> bool:
    return len(s) <= 2000 and _patterns()["disclaimer"].search(s.casefold()) is not None


def _norm(s: str) -> str:
    return _patterns()["normalise"].sub(" ", s).strip(" .").casefold()


def _sentence_index(strs: Sequence[str], prose: Sequence[int], sizes: frozenset[int]) -> dict[str, list[int]]:
    """Normalised sentence -> the prose lines holding it (at most three).

    Only sentences whose raw length is near a candidate line's (``sizes``) are
    normalised, so a long page costs one split per paragraph.
    """
    # The space first, then the look back at the punctuation before it: a pattern that
    # starts with a character class lets the engine skip ahead fast.
    split = re.compile(r"[ \u00a0](?<=[.!?…”’\"][ \u00a0])[ \u00a0]*(?=[\"“‘A-Z0-9])")
    index: dict[str, list[int]] = {}
    for i in prose:
        for sent in split.split(strs[i]):
            if len(sent) not in sizes:
                continue
            key = _norm(sent)
            if len(key) >= 20:
                owners = index.setdefault(key, [])
                if len(owners) < 3 and i not in owners:
                    owners.append(i)
    return index


def _is_pull_quote(i: int, strs: Sequence[str], index: dict[str, list[int]]) -> bool:
    """A short line that repeats a sentence of a longer (or earlier) body line."""
    s = strs[i]
    if len(s) > 600 or len(s.split()) > 60:
        return False
    owners = index.get(_norm(s), ())
    return any(j != i and (len(strs[j]) > len(s) or j < i) for j in owners)


def classify_lines(text: str, *, lead_paragraph: bool = False) -> tuple[LayoutLine, ...]:
    """One :class:`LayoutLine` per line of ``text.split("\\n")``, in order.

    ``lead_paragraph``: the outlet prints a lead paragraph under the headline, so the
    first prose paragraph after the title is the standfirst.
    """
    spans = line_spans(text)
    strs = [text[a:b].strip() for a, b in spans]
    n = len(strs)
    kinds: list[LineKind | None] = [None] * n
    reasons = [""] * n
    for i, s in enumerate(strs):
        if not s:
            kinds[i], reasons[i] = _K.BLANK, "blank"
        elif (local := _local(s)) is not None:
            kinds[i], reasons[i] = local

    prose = [i for i in range(n) if kinds[i] is None and is_prose(strs[i])]
    # 1b. the main prose block: prose above it is site furniture or the header's deck,
    # everything below it is the tail
    weights = _block_weights(strs, kinds, frozenset(prose)) if prose else []
    block = (
        _trim_block_start(weights, main_block(weights, line_model().block.closing_text)) if prose else None
    )
    if block is not None:
        prose = [i for i in prose if block[0] <= i <= block[1]]
        _mark_after_block(strs, kinds, reasons, block[1])

    # 2. the closing run: bios, tags, disclaimers and furniture after the last paragraph
    if prose:
        in_block = frozenset(prose)
        weight = [_nwords(strs[i]) if i in in_block else 0 for i in range(n)]
        mark_tail(strs, kinds, reasons, prose[0], _disclaimer, weight)
    last = n - 1
    while last >= 0:
        k, s = kinds[last], strs[last]
        if k is not None:
            last -= 1
            continue
        if (tail := _tail_kind(s)) is not None:
            kinds[last], reasons[last] = tail
        elif not is_prose(s) and _nwords(s) <= 12 and s[-1:] not in '.?!…"”’)':
            # a link or label under the article ("Editorial standards"), not a closing sentence
            kinds[last], reasons[last] = _K.FURNITURE, "short line after the last paragraph"
        else:
            break
        last -= 1
    prose = [i for i in prose if i <= last]
    while prose and _disclaimer(strs[prose[0]]):  # an editor's note above the article
        kinds[prose[0]], reasons[prose[0]] = _K.DISCLAIMER, "publisher note"
        prose.pop(0)
    prose = [i for i in prose if kinds[i] is None]
    if prose and strs[prose[0]].casefold().startswith(layout_cues().standfirst_prefixes):
        kinds[prose[0]], reasons[prose[0]] = _K.STANDFIRST, "issue summary ('In this issue: …')"
        prose.pop(0)
    first = prose[0] if prose else last + 1

    # 3a. the header
    vocab = frozenset(w for i in prose[:200] for w in content_words(strs[i], 300))
    title = _header(strs, kinds, reasons, first, has_prose=bool(prose), vocabulary=vocab)
    if title is not None and len(prose) > 1:
        # the author's bio box between the byline and the text ("X currently works for …")
        names = tuple(n.name for i in range(first) if kinds[i] is _K.BYLINE for n in parse_byline(strs[i]))
        while len(prose) > 1 and _opens_as_bio(strs[prose[0]], names):
            kinds[prose[0]], reasons[prose[0]] = _K.AUTHOR_BIO, "author bio between the byline and the text"
            prose.pop(0)
        first = prose[0]
        # ... and under the text ("X has covered trade since 2012."), the closing run's first line
        while len(prose) > 1 and _opens_as_bio(strs[prose[-1]], names):
            kinds[prose[-1]], reasons[prose[-1]] = _K.AUTHOR_BIO, "closing author bio (the byline's name)"
            prose.pop()
            last = prose[-1]
    # 3b. standfirst conventions
    if prose:
        if lead_paragraph and title is not None and len(prose) >= 2:
            kinds[first], reasons[first] = (
                _K.STANDFIRST,
                "lead paragraph under the headline (outlet convention)",
            )
        elif title is None and _short_opening(strs, prose):
            kinds[first], reasons[first] = _K.STANDFIRST, "short opening summary on a page without a headline"
    # 3c. the body
    # pull-quote candidates: short lines; a quote mark or a space more or less is allowed for
    sizes = frozenset(
        len(strs[i]) + d
        for i in range(first, last + 1)
        if kinds[i] is None and len(strs[i]) <= 600
        for d in range(-4, 5)
    )
    index = _sentence_index(strs, [i for i in prose if kinds[i] is None], sizes) if sizes else {}
    for i in range(first, last + 1):
        k, s = kinds[i], strs[i]
        if k in _EDGE_ONLY:
            k = kinds[i] = None
        if k is not None:
            continue
        if _is_pull_quote(i, strs, index):
            kinds[i], reasons[i] = _K.PULL_QUOTE, "repeats a sentence of the body"
        elif _is_heading(s) and not is_prose(s):
            kinds[i], reasons[i] = _K.SUBHEADING, "short heading inside the body"
        else:
            kinds[i], reasons[i] = _K.BODY, "body paragraph"
    _cut_at_signature(strs, kinds, reasons, first, last)
    _abstract(strs, kinds, reasons, first, last)
    # whatever is left after the closing run (edge kinds were kept there)
    for i in range(n):
        if kinds[i] is None:
            kinds[i], reasons[i] = _K.FURNITURE, "unrecognised line outside the article"
    out = tuple(
        LayoutLine(number=i, start=a, end=b, kind=k, reason=r)
        for i, ((a, b), k, r) in enumerate(zip(spans, kinds, reasons, strict=True))
        if k is not None
    )
    return apply_lead_paragraph(out) if lead_paragraph else out


def apply_lead_paragraph(layout: tuple[LayoutLine, ...]) -> tuple[LayoutLine, ...]:
    """For outlets that print a lead under the headline: the first body line after the
    title, when it is a paragraph followed by more body, becomes the standfirst."""
    kinds = [ln.kind for ln in layout]
    if _K.TITLE not in kinds or _K.STANDFIRST in kinds:
        return layout
    start = kinds.index(_K.TITLE) + 1
    for i in range(start, len(layout)):
        if kinds[i] is _K.SUBHEADING:
            return layout
        if kinds[i] is _K.BODY:
            if _K.BODY not in kinds[i + 1 :]:
                return layout
            lead = attrs.evolve(
                layout[i], kind=_K.STANDFIRST, reason="lead paragraph under the headline (outlet convention)"
            )
            return (*layout[:i], lead, *layout[i + 1 :])
    return layout


_SIGNATURE_WORDS = 16  # "Posted on Friday 4 March 2022 at 14:05 by A. Writer." and no more


def cued_date_line(s: str, max_words: int = _SIGNATURE_WORDS) -> bool:
    """A post's signature or footer date: a line of at most ``max_words`` words that opens
    with a published cue ("Posted", "Published on", "Created") and prints a full date
    ("Posted by A. Writer on 3 May 2021 at 10:05")."""
    if _nwords(s) > max_words:
        return False
    cf = s.casefold()
    if not any(
        cf.startswith(c) and cf[len(c) : len(c) + 1] in (" ", ":", "\u00a0")
        for c in meta_cues().published_cues
    ):
        return False
    return any(d.year is not None and d.day is not None for d in find_dates(s))


def _cut_at_signature(
    strs: Sequence[str], kinds: list[LineKind | None], reasons: list[str], first: int, last: int
) -> None:
    """A post's signature under its text ends the article: the lines after it (a comment
    prompt, a licence, a disclaimer) are the tail. Only when the text above the signature
    outweighs what follows it, so a dated entry inside a long page cuts nothing."""
    body = [i for i in range(first, last + 1) if kinds[i] in (_K.BODY, _K.SUBHEADING)]
    total = sum(_nwords(strs[i]) for i in body)
    above = 0
    for i in body:
        if above and cued_date_line(strs[i]) and above >= total - above:
            kinds[i], reasons[i] = _K.DATELINE, "post signature under the text"
            for j in range(i + 1, last + 1):
                if kinds[j] in (_K.BODY, _K.SUBHEADING, _K.PULL_QUOTE):
                    kinds[j], reasons[j] = _tail_kind(strs[j]) or (_K.FURNITURE, "below the post's signature")
            return
        above += _nwords(strs[i])


def _opens_as_bio(s: str, names: Sequence[str]) -> bool:
    """The paragraph opens with a byline's name and a bio verb ("X currently works for …")."""
    for name in names:
        if s.startswith(name) and s[len(name) : len(name) + 1] in (" ", "\u00a0"):
            word = s[len(name) :].split(None, 1)[:1]
            if word and word[0].casefold() in layout_cues().bio_verbs:
                return True
    return False


def _abstract(
    strs: Sequence[str], kinds: list[LineKind | None], reasons: list[str], first: int, last: int
) -> None:
    """An opening "Abstract" / "Summary" heading: its paragraphs are the standfirst."""
    heads = layout_cues().abstract_headings
    h = next((i for i in range(min(first + 1, len(strs))) if kinds[i] is _K.SUBHEADING), None)
    if h is None or strs[h].casefold().rstrip(" :") not in heads:
        return
    j = h + 1
    run: list[int] = []
    while j <= last and kinds[j] in (_K.BODY, _K.BLANK):
        if kinds[j] is _K.BODY:
            run.append(j)
        j += 1
    if run and any(kinds[i] is _K.BODY for i in range(j, last + 1)):
        kinds[h], reasons[h] = _K.FURNITURE, "abstract heading"
        for i in run:
            kinds[i], reasons[i] = _K.STANDFIRST, "abstract under its heading"


def _short_opening(strs: Sequence[str], prose: Sequence[int]) -> bool:
    """A page with no headline that opens with a one- or two-sentence summary."""
    if len(prose) < 3:
        return False
    s, nxt = strs[prose[0]], strs[prose[1]]
    words = _nwords(s)
    return _sentences(s) <= 2 and words <= 60 and words * 2 <= _nwords(nxt)


def _header(
    strs: Sequence[str],
    kinds: list[LineKind | None],
    reasons: list[str],
    first: int,
    *,
    has_prose: bool,
    vocabulary: frozenset[str] = frozenset(),
) -> int | None:
    """Classify the lines before the first paragraph; returns the title's index.

    The title is the best-scoring headline-shaped line above the text (see
    :func:`_pick_title`); name and date lines far above it belong to the site header.
    On a page of short sentences only (no line reads as ``is_prose``), the
    "header" runs to the end; there the first headline is the title and a sentence
    line under it is the body, since a deck only stands apart from longer paragraphs after it.
    """
    open_lines = [i for i in range(first) if kinds[i] is None]
    skip = _menu_items(strs, kinds, open_lines)
    last_open = open_lines[-1] if open_lines else -1
    tail_blank = last_open >= 0 and all(kinds[j] is _K.BLANK for j in range(last_open + 1, first))
    lead = next((j for j in open_lines if j not in skip), None)
    masthead = lead is not None and is_masthead(
        strs[lead],
        [strs[j] for j in open_lines if j > lead],
        strs[first:],
        is_headline,
        over_issue=over_unnamed_issue(strs, kinds, lead),
    )
    bylines = {i for i in open_lines if i not in skip and parse_byline(strs[i])}
    excluded = skip | bylines
    if masthead and lead is not None:
        excluded.add(lead)
    title = _pick_title(strs, kinds, open_lines, excluded, bylines, first, has_prose, vocabulary)
    far_above = _far_above(kinds, title) if title is not None and has_prose else -1
    # a date far above the headline is the site's ("today is …") when the article has its own
    own_date = title is not None and any(kinds[j] is _K.DATELINE for j in range(title, first))
    for i in range(far_above + 1):
        if kinds[i] in _EDGE_ONLY and (kinds[i] is not _K.DATELINE or own_date):
            kinds[i], reasons[i] = _K.FURNITURE, "date or name line in the site header, above the headline"
    for i in open_lines:
        s = strs[i]
        if _disclaimer(s):
            kinds[i], reasons[i] = _K.DISCLAIMER, "publisher note"
        elif i in skip:
            kinds[i], reasons[i] = _K.NAVIGATION, "menu item"
        elif masthead and i == lead:
            kinds[i], reasons[i] = _K.NAVIGATION, "masthead"
        elif i == title:
            kinds[i], reasons[i] = _K.TITLE, "headline before the first paragraph"
        elif i <= far_above:
            kinds[i], reasons[i] = _K.NAVIGATION, "site header above the headline"
        elif i in bylines:
            kinds[i], reasons[i] = _K.BYLINE, "author name line in the header"
        elif parse_bio(s) is not None:
            kinds[i], reasons[i] = _K.AUTHOR_BIO, "author bio in the header"
        elif _is_tag_line(s):
            kinds[i], reasons[i] = _K.TAGS, "topic tag line"
        elif title is not None and i == last_open and tail_blank and _is_heading(s):
            kinds[i], reasons[i] = _K.SUBHEADING, "opening heading of the body"
        elif title is not None and not has_prose and s[-1:] in '.?!”’"':
            kinds[i], reasons[i] = _K.BODY, "short paragraph on a page without long ones"
        elif title is not None and not is_prose(s) and _nwords(s) <= 60 and s[-1:] in '.?!”’"':
            kinds[i], reasons[i] = _K.STANDFIRST, "deck under the headline"
        else:
            kinds[i], reasons[i] = _K.FURNITURE, "unrecognised header line"
    return title


_META = frozenset({_K.BYLINE, _K.DATELINE})


def _far_above(kinds: Sequence[LineKind | None], title: int) -> int:
    """The last line index more than the meta window of non-blank lines above ``title``."""
    window = line_model().title.meta_window
    seen = 0
    for i in range(title - 1, -1, -1):
        if kinds[i] is _K.BLANK:
            continue
        seen += 1
        if seen > window:
            return i
    return -1


def _pick_title(
    strs: Sequence[str],
    kinds: Sequence[LineKind | None],
    open_lines: Sequence[int],
    excluded: set[int],
    names: set[int],
    first: int,
    has_prose: bool,
    vocabulary: frozenset[str] = frozenset(),
) -> int | None:
    """The headline: on a page with a prose block, the best :func:`title_score` among the
    headline-shaped header lines; on a page without one, the first such line."""
    cands = [
        i
        for i in open_lines
        if i not in excluded
        and _title_shaped(strs[i])
        and not _is_tag_line(strs[i])
        and not _disclaimer(strs[i])
        and _wordy(strs[i])
        and not _meta_line(strs[i])
        and "@" not in strs[i]
    ]
    if not cands:
        return None
    if not has_prose:
        return cands[0]
    window = line_model().title.meta_window
    nonblank = [i for i in range(min(first + 1, len(strs))) if kinds[i] is not _K.BLANK]
    byline = [
        kinds[i] is _K.BYLINE or (kinds[i] is None and (i in names or _meta_line(strs[i]))) for i in nonblank
    ]
    cand = set(cands)
    dangling = line_model().dangling_words
    long_head = [
        i in cand
        and len(strs[i].split()) >= 4
        and function_share(strs[i]) > 0
        and strs[i].split()[-1].casefold() not in dangling
        for i in nonblank
    ]
    meta = [
        kinds[i] in _META
        or byline[p]
        or (kinds[i] is None and _nwords(strs[i]) <= 14 and next(find_dates(strs[i]), None) is not None)
        for p, i in enumerate(nonblank)
    ]  # a byline, a date line, or a short line holding a date ("Trade Published On June 3, 2024")
    label = [
        not meta[p] and kinds[i] in (None, _K.NAVIGATION, _K.FURNITURE) and len(strs[i].split()) <= 3
        for p, i in enumerate(nonblank)
    ]
    # distance to the text counts only the competing headline-shaped lines between
    deck = [
        p > 0 and long_head[p - 1] and len(strs[i].split()) >= 8 and not _title_cased(strs[i])
        for p, i in enumerate(nonblank)
    ]  # a long sentence-case line right under a headline: its deck, not a rival
    after = [0] * (len(nonblank) + 1)
    for p in range(len(nonblank) - 1, -1, -1):
        after[p] = after[p + 1] + (1 if nonblank[p] in cand and not deck[p] else 0)
    pos = {i: p for p, i in enumerate(nonblank)}
    parts = page_title_parts(strs)
    link_list = _link_list(strs, kinds, first)
    best, best_score = None, line_model().title.min_score
    for i in cands:
        p = pos[i]
        ahead = range(p + 1, min(p + 1 + window, len(nonblank)))
        near = any(meta[q] for q in ahead)
        text = any(nonblank[q] >= first for q in ahead)
        below_byline = p > 0 and byline[p - 1]
        under = deck[p]
        menu = 0 < p < len(nonblank) - 1 and label[p - 1] and label[p + 1]
        listed = i in link_list
        sc = title_score(
            strs[i],
            distance=after[p + 1],
            near_meta=near,
            near_text=text,
            below_byline=below_byline,
            under_headline=under,
            in_menu_run=menu,
            in_link_list=listed,
            page_titles=parts,
            topic=topic_share(strs[i], vocabulary),
        )
        if sc >= best_score:
            best, best_score = i, sc
    return best


def _link_list(strs: Sequence[str], kinds: Sequence[LineKind | None], first: int) -> frozenset[int]:
    """Header lines in a run of three or more adjacent headline-shaped lines of four words or
    more, no blank line between: a list of links to other articles, not one headline."""
    out: set[int] = set()
    run: list[int] = []
    for i in range(min(first, len(strs)) + 1):
        if i < first and kinds[i] is None and len(strs[i].split()) >= 4 and _title_shaped(strs[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return frozenset(out)


def _meta_line(s: str) -> bool:
    """A byline or date line by its opening ("By …", "Posted on …", "Updated …"), or a line
    that opens or ends with a separator ("Politics |")."""
    cf = s.casefold()
    seps = line_model().menu_separators
    return cf.startswith(line_model().meta_prefixes) or s.startswith(seps) or s.endswith(seps)


def _wordy(s: str) -> bool:
    """At most two tokens and half the line without two letters ("Text: A A A" is a widget);
    a separator ("-", "|") is not a token."""
    toks = [t for t in s.split() if any(c.isalnum() for c in t)]
    if not toks:
        return False
    bare = sum(1 for t in toks if sum(map(str.isalpha, t)) < 2)
    return bare <= 2 and bare * 2 <= len(toks)


def _menu_items(strs: Sequence[str], kinds: Sequence[LineKind | None], open_lines: Sequence[int]) -> set[int]:
    """Header lines of one or two words in a run of such lines (a site menu), when a
    longer headline follows: "World / Business / Markets" above the real title."""
    short = {i for i in open_lines if len(strs[i].split()) <= 2}
    if not short:
        return set()
    top = max(open_lines)
    nonblank = [i for i in range(top + 1) if kinds[i] is not _K.BLANK]
    pos = {i: p for p, i in enumerate(nonblank)}
    run = {
        i
        for i in short
        if any(0 <= pos[i] + d < len(nonblank) and nonblank[pos[i] + d] in short for d in (-1, 1))
    }
    first_headline = next((i for i in open_lines if i not in short and is_headline(strs[i])), -1)
    return {i for i in run if i < first_headline}


_CAPTIONS = frozenset({_K.IMAGE_CAPTION, _K.FIGURE_CAPTION})


def _block_weights(
    strs: Sequence[str], kinds: Sequence[LineKind | None], prose: frozenset[int]
) -> list[float | None]:
    """Each line's weight in the main-block search (``None`` for a blank line).

    The cost of a line that is not text grows with its place in a run of such lines (up
    to ``gap_growth`` times), so a subheading or a caption inside the article costs
    little and a menu of twenty labels between a notice and the article cuts them apart.
    A line of six words or more with a normal share of function words (a list item, a
    short sentence) costs less than a label.
    """
    bw = line_model().block
    chart = _chart_lines(strs, kinds)
    out: list[float | None] = []
    gap = 0
    for i, s in enumerate(strs):
        k = kinds[i]
        if k is _K.BLANK:
            out.append(None)
            continue
        if k is None and i in prose and not _headline_like(s):
            gap = 0
            if function_share(s) < bw.min_function_share:
                out.append(0.0)  # a sentence-shaped list of names or labels: neither text nor menu
            else:
                words = min(_nwords(s, bw.prose_word_cap), bw.prose_word_cap)
                out.append(words * bw.prose_per_word - bw.prose_cost)
            continue
        if i in chart:
            out.append(-bw.caption_cost)  # a chart's tick or value ("$915", "’17", "13.0%"): a caption
            continue
        if k is None and _code_line(s):
            out.append(-bw.caption_cost)  # program text in a technical post: part of it
            continue
        if k is None and s.endswith(":") and _nwords(s) >= 8 and function_share(s) >= bw.min_function_share:
            out.append(0.0)  # a sentence introducing a list, a quote or code
            continue
        if k is None and _patterns()["list_item"].match(s):
            out.append(-bw.sentence_cost)  # "3. …", "• …": an item of a list in the text
            continue
        gap += 1
        if is_closing_heading(s):
            out.append(-math.inf)  # comments or share buttons: the text does not go on past them
            continue
        if is_tail_heading(s):
            out.append(-bw.tail_barrier)  # "Related stories", "Read more": lists follow
            continue
        if k is _K.NAVIGATION and s.casefold().startswith("share"):
            out.append(-bw.tail_barrier / 2)  # share buttons close the article (or open it)
            continue
        if k is not None:
            cost = bw.caption_cost if k in _CAPTIONS else bw.cue_cost
        elif (s[-1:] in '.?!…"”’' and function_share(s) > 0) or (
            _nwords(s) >= 6 and function_share(s) >= bw.min_function_share
        ):
            cost = bw.sentence_cost  # a list item or short sentence: it may belong to the text
        else:
            cost = bw.short_cost
        out.append(-cost * min(gap, bw.gap_growth))
    return out


def _chart_lines(strs: Sequence[str], kinds: Sequence[LineKind | None]) -> frozenset[int]:
    """Figures without a word that stand among other such lines (four of the seven non-blank
    lines around one): a chart's ticks and values, copied with the text it illustrates.
    Not when a byline or date line follows the chart closely: a new article's header starts
    there, and the chart ends what stood above it."""
    lines = [i for i, k in enumerate(kinds) if k is not _K.BLANK]
    fig = [kinds[i] is None and _figure_only(strs[i]) for i in lines]
    chart = [fig[p] and sum(fig[max(0, p - 3) : p + 4]) >= 4 for p in range(len(lines))]
    out: set[int] = set()
    run: list[int] = []
    for p in range(len(lines) + 1):
        if p < len(lines) and (chart[p] or (run and p + 1 < len(lines) and chart[p + 1])):
            run.append(lines[p])  # a label between two ticks belongs to the chart's run
            continue
        if run:
            if not any(kinds[i] in (_K.BYLINE, _K.DATELINE) for i in lines[p : p + 4]):
                out.update(i for i in run if _figure_only(strs[i]))
            run = []
    return frozenset(out)


_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def _figure_only(s: str) -> bool:
    """A figure without a word: a chart's tick or value ("$915", "’17", "13.0%", "%")."""
    return len(s) <= 12 and _TWO_LETTERS.search(s) is None and (s == "%" or _DIGIT.search(s) is not None)


def _title_cased(s: str) -> bool:
    """Four content words or more, four in five of them capitalised."""
    fw = line_model().function_words
    content = [w for w in s.split() if w[:1].isalpha() and w.casefold() not in fw]
    return len(content) >= 4 and sum(1 for w in content if w[:1].isupper()) * 5 >= len(content) * 4


def _headline_like(s: str) -> bool:
    """A short line that reads as prose by its full stops but is a headline: it does not
    end a sentence ("… to run a U.S. port"), or its content words are capitalised
    ("Want a Cleaner Harbour? So Do We.")."""
    if len(s.split(None, 25)) > 25:  # more than 25 words (a paragraph is split 25 times only)
        return False
    if s.rstrip()[-1:] not in '.!?…"”’)]':
        return True
    return _title_cased(s)


@per_line
def _title_shaped(s: str) -> bool:
    """A headline, or a short title-cased or unterminated line whose abbreviations read as
    full stops ("N. Zealand ships to S. Africa …", "Want More Ports? So Do We.")."""
    if is_headline(s):
        return True
    first = s.lstrip("\"'“‘«([")[:1]
    return (
        bool(first)
        and (first.isupper() or first.isdigit())
        and not s.rstrip().endswith((",", ";", ":"))
        and _headline_like(s)
    )


def _trim_block_start(
    weights: Sequence[float | None], block: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Drop a short opening paragraph (a site tagline, a teaser) that a line which is not
    text separates from the rest of the block."""
    if block is None:
        return None
    start, end = block
    limit = 2 * line_model().block.short_cost
    while start < end:
        w = weights[start]
        nxt = next((j for j in range(start + 1, end + 1) if weights[j] is not None), None)
        if w is None or w >= limit or nxt is None or (weights[nxt] or 0.0) > 0.0:
            break
        start = next((j for j in range(nxt, end + 1) if (weights[j] or 0.0) > 0.0), end)
    return start, end


_CODE_CHARS = frozenset("{}();=<>[]")


@per_line
def _code_line(s: str) -> bool:
    """Program text: brackets, semicolons and operators make up a visible share of the line."""
    sample = s[:400]
    hits = sum(map(sample.count, _CODE_CHARS))
    return hits >= 4 and hits * 20 >= len(sample) and sum(1 for c in _CODE_CHARS if c in sample) >= 3


def _mark_after_block(
    strs: Sequence[str], kinds: list[LineKind | None], reasons: list[str], end: int
) -> None:
    """Below the main block: bios, disclaimers, tags, credits; every other line is the tail."""
    for i in range(end + 1, len(strs)):
        if kinds[i] is not None and kinds[i] not in _EDGE_ONLY:
            continue
        if (tail := _tail_kind(strs[i])) is not None:
            kinds[i], reasons[i] = tail
        elif kinds[i] is None:
            kinds[i], reasons[i] = _K.FURNITURE, "below the main text (related links, comments, footer)"


@per_line
def _tail_kind(s: str) -> tuple[LineKind, str] | None:
    """The kind of a line under the article that has one: bio, disclaimer, tags, credit, endnote."""
    if _disclaimer(s):
        return _K.DISCLAIMER, "publisher disclaimer"
    if parse_bio(s) is not None:
        return _K.AUTHOR_BIO, "closing author bio"
    if _patterns()["about_author"].match(s):
        return _K.AUTHOR_BIO, "author bio heading"
    if _is_tag_line(s):
        return _K.TAGS, "closing tag line"
    if s.casefold().startswith(layout_cues().closing_prefixes):
        return _K.FURNITURE, "closing credit or prompt line"
    if _patterns()["endnote"].match(s):
        return _K.FURNITURE, "endnote"
    return None
