"""The exception tree of pbi.

Every error that pbi raises on bad input is a :class:`PbiError`; the CLI prints it as one line
``FILE:LINE: field.path: what is wrong (what was expected)`` and exits with code 2.

- :class:`PbiError` — base class; carries ``file``, ``line``, ``field`` and ``message`` (the first
  three together are its :class:`Location`).
  - :class:`InputError` — a file cannot be read: missing, a directory, not UTF-8, empty,
    malformed YAML, duplicate keys, or outside the folders it may come from.
  - :class:`TableError` — a cost table is invalid: unknown key, wrong type, bad unit, a
    base table that does not exist or builds on itself.
  - :class:`RateLookupError` — a rate is asked for a key or date the table does not have.
  - :class:`SpecError` — a draft spec is invalid: unknown key, bad quantity, unknown language,
    grade, funding source or rate key.
  - :class:`UnitError` — quantities and rates whose units do not fit (a per-meeting rate
    applied to pages).
  - :class:`RenderError` — a note cannot be rendered (unknown template, language, format).
  - :class:`CheckError` — a published note's text cannot be read by ``pbi check``.
  - :class:`ArgumentError` — a function of the Python API given an argument of the wrong type
    (``pbi.load_spec(None)``, ``pbi.cost(spec, "an id")``); also a :class:`TypeError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Location",
    "PbiError",
    "InputError",
    "TableError",
    "RateLookupError",
    "SpecError",
    "UnitError",
    "RenderError",
    "CheckError",
    "ArgumentError",
]


#: the characters Python's ``str.splitlines`` breaks a line at, each written as its escape instead
_LINE_BREAKS = str.maketrans({c: c.encode("unicode_escape").decode("ascii")
                              for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


#: a word (a run of characters without a space) longer than this is cut in a message: a value of
#: 100,000 characters quoted back is named by its start and its length, not repeated
LONG_WORD = 200
#: what is kept of such a word
WORD_KEPT = 80
#: the most characters of a message; a longer one keeps its start and its end
MESSAGE_CHARS = 4_000
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def shortened(text: str) -> str:
    """``text`` with each word over :data:`LONG_WORD` characters cut to its first :data:`WORD_KEPT`
    and its length, and the whole cut to :data:`MESSAGE_CHARS` (its start and its end kept)."""
    def cut(match: re.Match[str]) -> str:
        word = match.group()
        colon = ":" if word.endswith(":") else ""  # a field path's colon stays
        return f"{word[:WORD_KEPT]}… ({len(word) - len(colon):,} characters){colon}"

    text = _LONG_WORD.sub(cut, text)
    if len(text) > MESSAGE_CHARS:
        tail = MESSAGE_CHARS // 8
        text = f"{text[:MESSAGE_CHARS - tail]} … ({len(text):,} characters) … {text[-tail:]}"
    return text


def one_line(text: str) -> str:
    """``text`` on one line: each line break (a newline, a carriage return, U+2028 …) that a file name,
    a key or a value brought into a message is written as its escape (``\\n``)."""
    return text.translate(_LINE_BREAKS)


@dataclass(frozen=True, slots=True)
class Location:
    """Where in which input file something is: file, line (1-based) and field path."""

    file: str | None = None
    line: int | None = None
    field: str | None = None


class PbiError(Exception):
    """Base class of every error pbi reports to a user."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        at: Location | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        if at is not None:
            self.located(at)

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, self.field)

    def located(self, at: Location | None = None, *, file: str | None = None, line: int | None = None,
                field: str | None = None) -> "PbiError":
        """Fill in location details that are not yet known (from ``at``, then the keywords); returns self.
        A line and a field belong to their file: an error that names a file keeps to that file's (a
        missing entitlements file is not given the line of the spec that names it)."""
        if at is not None:
            self._fill(at.file, at.line, at.field)
        self._fill(file, line, field)
        return self

    def _fill(self, file: str | None, line: int | None, field: str | None) -> None:
        if self.file and file and self.file != file:
            return
        self.file = self.file or file
        self.line = self.line or line
        self.field = self.field or field

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        field = f"{self.field}: " if self.field else ""
        return one_line(where + shortened(f"{field}{self.message}"))


class InputError(PbiError):
    """A file cannot be read or parsed."""


class TableError(PbiError):
    """A cost table is invalid."""


class RateLookupError(TableError):
    """A rate key or date that the table does not cover."""


class SpecError(PbiError):
    """A draft spec is invalid."""


class UnitError(PbiError):
    """Units that do not fit."""


class RenderError(PbiError):
    """A note cannot be rendered."""


class CheckError(PbiError):
    """A note's text cannot be read."""


class ArgumentError(PbiError, TypeError):
    """A public function given an argument of the wrong type: the message names the function, the
    argument, what it takes and how to get one. A TypeError too, as Python's own would be."""
