"""The ``sinoru-corpus`` command (also ``python -m sinoru_corpus``).

Owns: command-line inputs, output formats and the exit status (``_command``); the plain-text
tables it prints (``_tables``).
"""

from __future__ import annotations

from ._command import (
    main,
)

__all__ = [
    "main",
]
