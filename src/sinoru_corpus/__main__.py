"""``python -m sinoru_corpus``: the same as the ``sinoru-corpus`` command."""

from __future__ import annotations

from .cli._command import main

__all__: list[str] = []

if __name__ == "__main__":
    raise SystemExit(main())
