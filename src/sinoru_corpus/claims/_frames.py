"""Frames: the readings of the Russia-China relationship a text applies, denies or reports.

The curated lexicon (``data/frames.json``) maps phrases to a
:class:`~sinoru_corpus.model.FrameLabel`.  Each occurrence gets a stance from
its clause: a negation or dismissal before it, or "is not …" / "not in the
making" after it, makes it *rejects*; a phrase inside someone else's claim,
inside quotation marks, or next to a reporting marker ("narrative",
"so-called", a past date) is *reports*; otherwise the article's own voice
*argues* it.  :func:`find_frames` keeps one Frame per label: the majority
stance of the author's own voice (first occurrence on a tie), or *reports*
when the article only reports the reading.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping, Sequence

import attrs

from .._data import load_json
from .._pattern_cache import compile_cached
from ..model import Claim, Frame, FrameLabel, SpeakerKind, Stance
from ..text._document import current_document
from ..text._sentences import split_sentences
from ._lexicon import trie_regex

__all__ = ["FrameLexicon", "claim_frames", "find_frames", "frame_lexicon"]

_CLAUSE_MARKS = ",;:()—–"
_QUOTES = '“”"‘’'


def _phrase(p: str) -> str:
    body = re.escape(p.casefold()).replace(r"\ ", r"\s+")
    if body.endswith(r"\*"):
        body = body[:-2] + r"[\w-]{0,20}"
    return body


def _unit(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "*":
        return r"[\w-]{0,20}"
    return re.escape(ch)


@attrs.frozen
class FrameLexicon:
    pattern: re.Pattern[str]
    literal: Mapping[str, FrameLabel]
    wildcard: tuple[tuple[str, FrameLabel], ...]
    reject_before: re.Pattern[str]
    reject_after: re.Pattern[str]
    report: re.Pattern[str]


@functools.cache
def frame_lexicon() -> FrameLexicon:
    """The compiled frame lexicon (loaded on first use): one trie-shaped regex over every phrase."""
    raw = load_json("frames.json")
    literal: dict[str, FrameLabel] = {}
    wildcard: list[tuple[str, FrameLabel]] = []
    for label, phrases in raw["labels"].items():
        for p in phrases:
            key = " ".join(p.casefold().split())
            if key.endswith("*"):
                wildcard.append((key[:-1], FrameLabel(label)))
            else:
                literal.setdefault(key, FrameLabel(label))
    phrases = [*literal, *(w + "*" for w, _ in wildcard)]

    def words(key: str) -> re.Pattern[str]:
        alts = "|".join(_phrase(p) for p in sorted(raw[key], key=len, reverse=True))
        return compile_cached(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)

    return FrameLexicon(
        pattern=compile_cached(r"(?<![\w-])" + trie_regex(phrases, _unit) + r"(?![\w-])", re.IGNORECASE),
        literal=literal,
        wildcard=tuple(sorted(wildcard, key=lambda w: len(w[0]), reverse=True)),
        reject_before=words("reject_before"),
        reject_after=words("reject_after"),
        report=words("report_markers"),
    )


def _label(matched: str, lex: FrameLexicon) -> FrameLabel | None:
    key = " ".join(matched.casefold().split())
    label = lex.literal.get(key)
    if label is not None:
        return label
    for prefix, wlabel in lex.wildcard:
        if key.startswith(prefix):
            return wlabel
    return None


@functools.cache
def _clause_end() -> re.Pattern[str]:
    return re.compile(r"[,;:()]")


def _clause(text: str, start: int, end: int, ms: int, me: int, mark: int) -> tuple[int, int]:
    # ``mark``: the last clause mark in text[start:ms] (-1: none), kept up to date by the caller
    cs = max(start, mark + 1)
    limit = min(end, me + 300)
    m = _clause_end().search(text, me, limit)
    ce = m.start() if m else max(me, limit)
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and text[ce - 1] in " \u00a0\t.":
        ce -= 1
    return cs, ce


def _last_mark(text: str, lo: int, hi: int) -> int:
    """The last clause mark in ``text[lo:hi]``, or -1 (C-level scans, one per mark)."""
    return max(text.rfind(mark, lo, hi) for mark in _CLAUSE_MARKS)


def _in_quotes(text: str, start: int, ms: int, me: int, end: int) -> bool:
    before = text[max(start, ms - 3) : ms]
    after = text[me : min(end, me + 3)]
    return any(q in before for q in _QUOTES) and any(q in after for q in _QUOTES)


def _stance(
    text: str, start: int, end: int, ms: int, me: int, cs: int, lex: FrameLexicon, reported: list[bool]
) -> Stance:
    # ``reported``: whether text[start:end] holds a reporting marker, found once per sentence
    if lex.reject_before.search(text, max(cs, ms - 80), ms) or lex.reject_after.match(
        text, me, min(end, me + 60)
    ):
        return Stance.REJECTS
    if lex.reject_after.search(text, me, min(end, me + 40)):
        return Stance.REJECTS
    if _in_quotes(text, start, ms, me, end):
        return Stance.REPORTS
    if not reported:
        reported.append(lex.report.search(text, start, end) is not None)
    return Stance.REPORTS if reported[0] else Stance.ARGUES


def _occurrences(text: str, start: int, end: int) -> tuple[Frame, ...]:
    """Every frame phrase of ``text[start:end]`` with its stance (memoised in an open document)."""
    doc = current_document(text)
    if doc is None:
        return _scan_occurrences(text, start, end)
    found: tuple[Frame, ...] = doc.memo("frames", start, end, functools.partial(_scan_occurrences, text))
    return found


def _scan_occurrences(text: str, start: int, end: int) -> tuple[Frame, ...]:
    lex = frame_lexicon()
    out = []
    reported: list[bool] = []
    mark, seen_to = -1, start  # the last clause mark before ``seen_to``: each character scanned once
    for m in lex.pattern.finditer(text, start, end):
        ms, me = m.span()
        label = _label(text[ms:me], lex)
        if label is None:
            continue
        if ms > seen_to:
            mark = max(mark, _last_mark(text, seen_to, ms))
            seen_to = ms
        cs, ce = _clause(text, start, end, ms, me, mark)
        stance = _stance(text, start, end, ms, me, cs, lex, reported)
        out.append(Frame(label, stance, text[cs:ce], cs, ce))
    return tuple(out)


def _phrase_starts(text: str, start: int, end: int) -> list[int]:
    """Where frame phrases start in ``text[start:end]`` (one scan of a whole paragraph).

    A phrase never crosses a sentence boundary (phrases hold only letters, hyphens and
    spaces), so a sentence of the paragraph has frames exactly when one of these lies in it.
    """
    return [m.start() for m in frame_lexicon().pattern.finditer(text, start, end)]


def claim_frames(text: str, start: int, end: int) -> tuple[Frame, ...]:
    """The frames inside one claim sentence, one per label (first occurrence), as stated there.

    The frames of a sentence are found once per parse and shared with :func:`find_frames`;
    asking again for the same span is a lookup.
    """
    start, end = max(0, start), min(len(text), end)
    seen: dict[FrameLabel, Frame] = {}
    for frame in _occurrences(text, start, end):
        seen.setdefault(frame.label, frame)
    return tuple(seen.values())


def find_frames(
    text: str, spans: Sequence[tuple[int, int]], claims: Sequence[Claim] = ()
) -> tuple[Frame, ...]:
    """At most one Frame per label for the whole article, with its stance and evidence."""
    reported = sorted((c.start, c.end) for c in claims if c.speaker.kind is not SpeakerKind.AUTHOR)
    rstarts = [s for s, _ in reported]
    by_label: dict[FrameLabel, list[Frame]] = {}
    n = len(text)
    for raw_start, raw_end in spans:
        ps, pe = max(0, min(raw_start, n)), max(0, min(raw_end, n))
        hits = _phrase_starts(text, ps, pe) if pe > ps else []
        if not hits:
            continue  # most paragraphs name no reading: no need to split them into sentences
        k = 0
        for s, e in split_sentences(text, ((ps, pe),)):
            while k < len(hits) and hits[k] < s:
                k += 1
            if k == len(hits):
                break
            if hits[k] >= e:
                continue
            i = bisect.bisect_right(rstarts, s) - 1
            in_claim = i >= 0 and reported[i][0] <= s and e <= reported[i][1]
            for frame in _occurrences(text, s, e):
                if in_claim:
                    frame = attrs.evolve(frame, stance=Stance.REPORTS)
                by_label.setdefault(frame.label, []).append(frame)
    out = []
    for label in FrameLabel:
        frames = by_label.get(label)
        if not frames:
            continue
        own = [f for f in frames if f.stance is not Stance.REPORTS]
        if not own:
            out.append(frames[0])
            continue
        argues = [f for f in own if f.stance is Stance.ARGUES]
        rejects = [f for f in own if f.stance is Stance.REJECTS]
        if len(argues) > len(rejects):
            out.append(argues[0])
        elif len(rejects) > len(argues):
            out.append(rejects[0])
        else:
            out.append(own[0])
    return tuple(out)
