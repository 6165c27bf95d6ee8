"""Text normalisation that keeps offsets meaningful.

``Article.text`` is the output of :func:`normalize_text`; every span the parser
reports points into it. The steps: drop a leading BOM, turn CRLF and CR into
LF, replace lone surrogates (they cannot be stored as UTF-8), bound runs of
combining marks, then Unicode NFC.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from ..model import ParseWarning, WarningCode

__all__ = ["MAX_NON_STARTERS", "NormalizedText", "normalize_text"]

#: UAX #15 stream-safe limit: at most this many non-starters in a row.
MAX_NON_STARTERS = 30
_CGJ = "\u034f"  # COMBINING GRAPHEME JOINER: a starter that blocks reordering


@attrs.frozen
class NormalizedText:
    text: str
    warnings: tuple[ParseWarning, ...] = ()


@functools.cache
def _long_high_run() -> re.Pattern[str]:
    # Every non-starter (canonical combining class > 0) is at or above U+0300, so
    # only a long run of such code points can hold a long run of combining marks.
    return re.compile(f"[\u0300-\U0010ffff]{{{MAX_NON_STARTERS + 1},}}")


@functools.cache
def _surrogate() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


def _stream_safe(text: str) -> tuple[str, int]:
    """Insert a CGJ after every ``MAX_NON_STARTERS`` consecutive non-starters.

    NFC sorts a run of combining marks with an insertion sort, which is
    quadratic in the run's length; bounding the runs keeps normalisation linear.
    Returns the new text and the number of CGJs inserted.
    """
    inserted = 0

    def bound(match: re.Match[str]) -> str:
        nonlocal inserted
        out: list[str] = []
        run = 0
        for ch in match.group():
            if unicodedata.combining(ch):
                if run == MAX_NON_STARTERS:
                    out.append(_CGJ)
                    inserted += 1
                    run = 0
                run += 1
            else:
                run = 0
            out.append(ch)
        return "".join(out)

    return _long_high_run().sub(bound, text), inserted


def normalize_text(raw: str) -> NormalizedText:
    """Normalise ``raw`` and report every alteration beyond BOM, newlines and NFC."""
    warnings: list[ParseWarning] = []
    text = raw[1:] if raw.startswith("\ufeff") else raw
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return NormalizedText(text)
    surrogates = len(_surrogate().findall(text))
    if surrogates:
        text = _surrogate().sub("\ufffd", text)
        warnings.append(
            ParseWarning(
                WarningCode.TEXT_ALTERED,
                f"replaced {surrogates} lone surrogate code point(s) with U+FFFD",
            )
        )
    if not unicodedata.is_normalized("NFC", text):
        text, inserted = _stream_safe(text)
        if inserted:
            warnings.append(
                ParseWarning(
                    WarningCode.TEXT_ALTERED,
                    f"inserted {inserted} U+034F after runs of more than {MAX_NON_STARTERS} "
                    "combining marks (UAX #15 stream-safe format) before NFC",
                )
            )
        text = unicodedata.normalize("NFC", text)
    return NormalizedText(text, tuple(warnings))
