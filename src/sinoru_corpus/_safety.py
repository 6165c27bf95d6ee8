"""The switch of the parser's safety nets.

``parse_article`` and ``extract_metadata`` catch every exception so that a bug
never costs a user the page (the page is kept, a warning says what failed).
Tests and fuzzing set ``SINORU_CORPUS_STRICT=1`` so that the same bug raises
instead, with its traceback, and cannot hide behind a warning.
"""

from __future__ import annotations

import os

__all__ = ["STRICT_ENV", "strict"]

STRICT_ENV = "SINORU_CORPUS_STRICT"


def strict() -> bool:
    """Whether the safety nets re-raise (``SINORU_CORPUS_STRICT`` set to anything but ``""``/``"0"``)."""
    return os.environ.get(STRICT_ENV, "") not in ("", "0")
