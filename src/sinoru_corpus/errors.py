"""The library's exceptions: one base class, precise subclasses."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["BinaryInputError", "SchemaError", "SinoruError"]


class SinoruError(Exception):
    """Base class of every exception this library raises on purpose."""


class SchemaError(SinoruError, ValueError):
    """A serialized document does not match the schema.

    ``problems`` lists every bad field as ``"$.path: reason"``.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems) or ("$: invalid document",)
        super().__init__("; ".join(self.problems))


class BinaryInputError(SinoruError, ValueError):
    """A file or byte string is not text (NUL bytes or mostly control bytes)."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: not a text page ({reason})")
