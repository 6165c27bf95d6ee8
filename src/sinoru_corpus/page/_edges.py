"""The two ends of a page beyond the article: a masthead above the headline, and the
related-links or endnotes tail below the text. Helpers of :mod:`sinoru_corpus.page._layout`.

The line tests they need (headline shape, disclaimer) are passed in, so this module
depends only on the cue vocabulary, bylines and outlets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .._line_facts import per_line
from ..model import LineKind
from ._bylines import parse_bio
from ._cues import layout_cues
from ._outlets import lookup_outlet, parse_publication_line

__all__ = ["is_closing_heading", "is_masthead", "is_tail_heading", "mark_tail", "over_unnamed_issue"]

_K = LineKind
_EDGE_ONLY = frozenset({_K.DATELINE, _K.SECTION, _K.BYLINE})


def mark_tail(
    strs: Sequence[str],
    kinds: list[LineKind | None],
    reasons: list[str],
    first_prose: int,
    is_disclaimer: Callable[[str], bool],
    text_weight: Sequence[int] = (),
) -> None:
    """After a "Related coverage" / "Most viewed" / "Notes" heading below the text, the rest
    of the page is lists of links or endnotes: furniture, keeping bios and disclaimers.

    ``text_weight`` (words of article prose per line, when known): a heading with more
    than a quarter of the article's prose after it is an inline link ("Read more" in the
    middle of a story) or a note heading inside the text, not the start of the tail.
    """
    total = sum(text_weight)
    before = sum(text_weight[: first_prose + 1])
    start = None
    for i in range(first_prose + 1, len(strs)):
        s = strs[i]
        if i < len(text_weight):
            before += text_weight[i]
        if kinds[i] is _K.BLANK:
            continue
        if is_tail_heading(s):
            if (total - before) * 3 > before and not is_closing_heading(s):
                continue  # much of the article's text still follows
            start = i
            break
    if start is None:
        return
    for i in range(start, len(strs)):
        if kinds[i] is not None and kinds[i] not in _EDGE_ONLY:
            continue
        if is_disclaimer(strs[i]):
            kinds[i], reasons[i] = _K.DISCLAIMER, "publisher disclaimer"
        elif parse_bio(strs[i]) is not None:
            kinds[i], reasons[i] = _K.AUTHOR_BIO, "closing author bio"
        else:
            kinds[i], reasons[i] = _K.FURNITURE, "related links or endnotes under the article"


@per_line
def is_tail_heading(s: str) -> bool:
    """A short heading that opens the lists under an article ("Related coverage", "More stories")."""
    if len(s) > 80:
        return False  # no heading of either kind
    return _heading_in(s, layout_cues().tail_headings) or is_closing_heading(s)


@per_line
def is_closing_heading(s: str) -> bool:
    """A heading after which nothing is the article's text: comments ("27 Comments",
    "Leave a reply") or share buttons ("Share this:")."""
    return _heading_in(s, layout_cues().closing_headings)


# the post's title quoted after a comments heading: "2 comments on “A Long Title …”"
_QUOTED_TITLE = re.compile(r"[ \u00a0]+[“\"‘«][^“”\"«»]{1,200}[”\"’»]$")


def _heading_in(s: str, heads: frozenset[str]) -> bool:
    s = _QUOTED_TITLE.sub("", s.strip()) if len(s) <= 300 else s
    if len(s) > 80 or len(s.split()) > 6:
        return False
    bare = s.casefold().rstrip(" :.")
    counted = bare.lstrip("0123456789 ")  # "27 Comments", but not "27 Comments. Click to view"
    if counted != bare:  # "2 comments on …", but not "27 comments. Click to view"
        # a heading of two words or more opening the line, then a space
        return counted in heads or any(" " in p and p in heads for p in _space_prefixes(counted))
    return bare in heads or any(p in heads for p in _space_prefixes(bare))


def _space_prefixes(s: str) -> list[str]:
    """Every non-empty ``s[:i]`` where ``s[i]`` is a space: the headings ``s`` may start with."""
    out = []
    i = s.find(" ", 1)
    while i > 0:
        out.append(s[:i])
        i = s.find(" ", i + 1)
    return out


def over_unnamed_issue(strs: Sequence[str], kinds: Sequence[LineKind | None], i: int) -> bool:
    """The next line is a volume/issue line that does not name its periodical ("Volume 14, Issue 2")."""
    j = next((j for j in range(i + 1, len(strs)) if kinds[j] is not _K.BLANK), None)
    if j is None or kinds[j] is not _K.PUBLICATION:
        return False
    pub = parse_publication_line(strs[j])
    return pub is not None and pub.name is None


def is_masthead(
    s: str,
    later: Sequence[str],
    rest: Sequence[str],
    is_headline: Callable[[str], bool],
    *,
    over_issue: bool,
) -> bool:
    """The site's name above the headline: a curated outlet, a journal's name over its
    volume/issue line, or a short name the page repeats lower down ("The Sino-Russian
    Monitor is compiled from …")."""
    if len(s) > 80 or not any(is_headline(x) for x in later):
        return False
    if lookup_outlet(s) is not None or (over_issue and len(s.split()) <= 10 and is_headline(s)):
        return True
    words = s.split()
    return (
        2 <= len(words) <= 6 and all(w[:1].isupper() for w in words) and any(s in r and s != r for r in rest)
    )
