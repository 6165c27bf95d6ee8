"""The library's exceptions: one base class, precise subclasses."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "BinaryInputError",
    "InputTooLargeError",
    "NotRegularFileError",
    "SchemaError",
    "SinoruError",
    "SkippedLineWarning",
]


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


class InputTooLargeError(SinoruError, ValueError):
    """A page is longer than the size cap the parser or the reader was given.

    ``size`` is the input's length (characters for a ``str``, bytes for a file
    or a byte string; for a file it may be a lower bound), ``limit`` the cap.
    """

    def __init__(self, name: str, size: int, limit: int, unit: str = "characters") -> None:
        self.name = name
        self.size = size
        self.limit = limit
        self.unit = unit
        super().__init__(f"{name}: {size} {unit} is over the limit of {limit} {unit}")

    def __reduce__(self) -> tuple[type[InputTooLargeError], tuple[str, int, int, str]]:
        return (type(self), (self.name, self.size, self.limit, self.unit))


class NotRegularFileError(SinoruError, OSError):
    """A path names something that is not a regular file (a FIFO, a device, a socket...).

    Such a path is refused before it is opened, so reading it can neither
    block nor run for ever. ``kind`` says what the path is.
    """

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path}: not a regular file ({kind})")
        self.filename = path
        self.strerror = f"not a regular file ({kind})"
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"

    def __reduce__(self) -> tuple[type[NotRegularFileError], tuple[str, str]]:
        return (type(self), (self.filename, self.kind))


class SkippedLineWarning(UserWarning):
    """A JSONL line that ``load_jsonl(..., errors="skip")`` left out, and why.

    ``line`` is its 1-based number, ``problems`` the :class:`SchemaError` problems.
    """

    def __init__(self, line: int, problems: Sequence[str]) -> None:
        self.line = line
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__(f"line {line} skipped: " + "; ".join(self.problems))
