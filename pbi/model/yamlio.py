"""Safe YAML loading that remembers where each value came from.

PyYAML reports no line numbers once a document is turned into Python objects. pbi builds the data
from the safe parser's events in one pass, refuses duplicate keys, and keeps a map from field paths
(``activities[2].pages``) to line numbers so that every error can name its line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pbi.model.errors import InputError
from pbi.model.fileio import note_input
from pbi.model.periods import FIRST_YEAR, LAST_YEAR

__all__ = ["LoadedYaml", "load_yaml", "read_text", "read_bytes", "path_of", "MAX_FILE_BYTES", "MAX_DEPTH",
           "MAX_DIGITS", "MAX_NODES", "YEARS"]

MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class LoadedYaml:
    """A YAML document as plain Python data, with the line of every field path."""

    data: Any
    file: str
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines.get("", 1)


def path_of(loc: tuple[Any, ...]) -> str:
    """``("activities", 2, "pages")`` → ``activities[2].pages``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_bytes(path: Path | str, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, checked before reading.

    FIFOs, devices and sockets are refused without being read (``/dev/zero`` would never end, a FIFO
    would block). The file is recorded as an input of the command (see :func:`pbi.model.fileio.note_input`).
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", file=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, expected a file", file=name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file (a FIFO, device or socket is never read)", file=name)
        if info.st_size > limit:
            raise InputError(f"file is {info.st_size:,} bytes (expected at most {limit:,})", file=name)
        note_input(path)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror}", file=name) from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # the file grew while it was read
            raise InputError(f"file is over {limit:,} bytes", file=name)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: Path | str, *, limit: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file with clear errors for every way it can fail (see :func:`read_bytes`)."""
    name = str(path)
    raw = read_bytes(path, limit=limit)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError("a binary file, not text (it holds NUL bytes)", file=name, line=raw[:nul].count(b"\n") + 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text (save the file as UTF-8)", file=name, line=line) from None


#: how deep collections may nest; no spec, table or scenario needs more than a dozen levels
MAX_DEPTH = 40
#: the most values (scalars, lists and mappings) one file may hold: the largest cost table has about
#: 1,500 and a spec of 2,000 activities about 20,000; two million took twenty seconds to refuse
MAX_NODES = 200_000
#: the most digits a number may have; larger is a typing error (and int() refuses 4,300)
MAX_DIGITS = 40
#: characters refused in any text: C0 and C1 controls other than tab and line ends (NUL, ESC, the
#: vertical tab…), which Word files cannot hold and terminals interpret, and the markers the note
#: renderer uses for headings, paragraphs and list items
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u27e6\u27e7\u2016]")

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), less octal and hex:
# a number is written in decimal, without underscores, colons (1.1's base 60) or commas; booleans
# are true/false only (never yes/no/on/off); dates are YYYY-MM-DD.
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_DATE = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"
_CORE: list[tuple[str, re.Pattern[str], str]] = [
    (_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    (_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (_INT, re.compile(r"^[-+]?[0-9]+$"), "-+0123456789"),
    (_FLOAT, re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"), "-+.0123456789"),
    (_DATE, re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "0123456789"),
]
#: the years a date may fall in
YEARS = (FIRST_YEAR, LAST_YEAR)


def _core(cls: Any) -> Any:
    cls.yaml_implicit_resolvers = {}
    for tag, pattern, first in _CORE:
        cls.add_implicit_resolver(tag, pattern, list(first))
    return cls


@_core
class _Loader(yaml.SafeLoader):
    """The safe loader with YAML 1.2 core resolution; no Python tags, no custom constructors."""


#: libyaml's parser where PyYAML was built with it (ten times faster); it yields the same events,
#: with marks, and events are turned into data below
_COMPOSER: Any = _core(type("_CLoader", (yaml.CSafeLoader,), {})) if hasattr(yaml, "CSafeLoader") else _Loader

#: the YAML 1.2 core resolvers by first character (plain scalars only; any other is text)
_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = _COMPOSER.yaml_implicit_resolvers


def _resolve(value: str, implicit: tuple[bool, bool]) -> str:
    """The tag of an untagged scalar, as the composer gives it (YAML 1.2 core rules above)."""
    if implicit[0]:
        for tag, pattern in _RESOLVERS.get(value[0] if value else "", ()):
            if pattern.match(value):
                return tag
    return _STR


#: the tag of each plain scalar text met so far (resolving one takes a regular expression or more)
_TAGS: dict[str, str] = {}


class _Open:
    """A mapping or sequence being filled, its field path, and (for a mapping) the key whose value
    comes next with that value's path."""

    __slots__ = ("data", "path", "seq", "key", "child")

    def __init__(self, data: Any, path: str) -> None:
        self.data = data
        self.path = path
        self.seq = type(data) is list
        self.key: str | None = None
        self.child = ""


def _refuse(event: Any, file: str, depth: int) -> None:
    """Refuse, before any data of it is kept, what could make loading unbounded or ambiguous:
    aliases (each would be copied: nine levels of nine make 387 million), explicit tags and deep
    nesting."""
    mark = event.start_mark
    line = mark.line + 1 if mark else None
    if type(event) is yaml.AliasEvent or getattr(event, "anchor", None):
        raise InputError("YAML anchors and aliases (&name, *name) are not supported: write the value "
                         "out", file=file, line=line)
    tag = getattr(event, "tag", None)
    if tag not in (None, "!"):
        raise InputError(f"YAML tag {tag!r} is not allowed (plain data only: numbers, text, "
                         "true/false, dates, lists and mappings)", file=file, line=line)
    if depth > MAX_DEPTH:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", file=file, line=line)


def _compose(text: str, file: str) -> tuple[Any, dict[str, int], bool]:
    """The data of the one YAML document of ``text``, the line of every field path, and whether
    there was a document, in one pass over libyaml's events.

    Every event is screened as it comes, over the whole stream (:func:`_refuse`); only then is a
    second document, or the first error in the data itself (a bad scalar, a duplicate key, in
    document order), reported.
    """
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    forbidden = _FORBIDDEN.search
    tags = _TAGS
    # a value holds a forbidden character only if the file does, or writes one as an escape
    checking = "\\" in text or forbidden(text) is not None
    depth = 0
    nodes = 0
    documents = 0
    lines: dict[str, int] = {}
    root: Any = None
    stack: list[_Open] = []
    top: _Open | None = None
    building = False  # inside the first document, and no error in its data so far
    problem: InputError | None = None  # the first error in the data
    second: yaml.MarkedYAMLError | None = None
    first_mark: Any = None
    parser = _COMPOSER(text)
    get_event = parser.get_event  # None after the stream's end
    try:
        while (event := get_event()) is not None:
            kind = type(event)
            if kind is scalar_event or kind is mapping_start or kind is sequence_start:
                nodes += 1
                if nodes > MAX_NODES:
                    raise InputError(f"more than {MAX_NODES:,} values in one file (a spec or table holds a "
                                     "few thousand)", file=file, line=event.start_mark.line + 1)
            if kind is scalar_event:
                if event.anchor is not None:
                    _refuse(event, file, depth)
                tag = event.tag
                if tag is not None and tag != "!":
                    _refuse(event, file, depth)
                if not building:
                    continue
                value: Any = event.value
                if value and event.implicit[0]:
                    resolved = tags.get(value)
                    if resolved is None:
                        resolved = _resolve(value, (True, False))
                        if len(tags) < 4096:
                            tags[value] = resolved
                else:
                    resolved = _STR
                plain = resolved is _STR and not (checking and forbidden(value))  # text as it is
                try:
                    if top is None:
                        line = event.start_mark.line + 1
                        lines.setdefault("", line)
                        root = value if plain else _scalar(value, resolved, line, file, "")
                    elif top.seq:
                        line = event.start_mark.line + 1
                        path = f"{top.path}[{len(top.data)}]"
                        lines.setdefault(path, line)
                        top.data.append(value if plain else _scalar(value, resolved, line, file, path))
                    elif top.key is None:  # a key of the mapping
                        line = event.start_mark.line + 1
                        if plain and value != "<<":
                            path = top.path
                            child = f"{path}.{value}" if path else value
                            if value in top.data:
                                raise InputError(f"duplicate key {value!r} (first on line {lines.get(child)})",
                                                 file=file, line=line, field=child)
                            lines[child] = line
                            top.key, top.child = value, child
                        else:
                            top.key, top.child = _key(event, False, top, lines, file, line)
                    else:  # the value of the key before it
                        top.data[top.key] = value if plain else \
                            _scalar(value, resolved, event.start_mark.line + 1, file, top.child)
                        top.key = None
                except InputError as exc:
                    problem, building = exc, False
            elif kind is mapping_start or kind is sequence_start:
                depth += 1
                if event.anchor is not None or event.tag not in (None, "!") or depth > MAX_DEPTH:
                    _refuse(event, file, depth)
                if not building:
                    continue
                line = event.start_mark.line + 1
                data: Any = {} if kind is mapping_start else []
                if top is None:
                    path = ""
                    lines.setdefault(path, line)
                    root = data
                elif top.seq:
                    path = f"{top.path}[{len(top.data)}]"
                    lines.setdefault(path, line)
                    top.data.append(data)
                elif top.key is None:  # a list or mapping as a key
                    try:
                        _key(event, True, top, lines, file, line)
                    except InputError as exc:
                        problem, building = exc, False
                    continue
                else:
                    path = top.child
                    top.data[top.key] = data
                    top.key = None
                top = _Open(data, path)
                stack.append(top)
            elif kind in ends:
                depth -= 1
                if building:
                    stack.pop()
                    top = stack[-1] if stack else None
            elif kind is alias_event:
                _refuse(event, file, depth)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents == 1:
                    first_mark, building = event.start_mark, True
                elif second is None:
                    second = yaml.composer.ComposerError("expected a single document in the stream", first_mark,
                                                         "but found another document", event.start_mark)
            elif kind is yaml.DocumentEndEvent:
                building = False
    finally:
        parser.dispose()
    if second is not None:
        raise second
    if problem is not None:
        raise problem
    return root, lines, documents > 0


def _key(event: Any, opens: bool, top: _Open, lines: dict[str, int], file: str,
         line: int) -> tuple[str, str]:
    """The key ``event`` gives the mapping ``top`` and its field path, its line noted; InputError if
    it is not a name."""
    path = top.path
    if opens:
        raise InputError("a mapping key must be a name, not a list or mapping", file=file, line=line,
                         field=path or None)
    key = _scalar(event.value, _resolve(event.value, event.implicit), line, file, path)
    if key == "<<":
        raise InputError("YAML merge keys (<<) are not supported", file=file, line=line, field=path or None)
    if isinstance(key, (dt.date, dt.datetime)):
        key = key.isoformat()
    if not isinstance(key, (str, int)) or isinstance(key, bool):
        raise InputError(f"mapping key {key!r} is not a name", file=file, line=line, field=path or None)
    key = str(key)
    child = f"{path}.{key}" if path else key
    if key in top.data:
        raise InputError(f"duplicate key {key!r} (first on line {lines.get(child)})", file=file, line=line,
                         field=child)
    lines[child] = line
    return key, child


def _scalar(value: str, tag: str, line: int, file: str, path: str) -> Any:
    """A scalar by YAML 1.2 core rules: None, bool, int, date, or text (a float stays its text, so
    that money and quantities become Decimal as written, never a binary float)."""

    def bad(message: str) -> InputError:
        return InputError(message, file=file, line=line, field=path or None)

    if tag == _STR:
        hit = _FORBIDDEN.search(value)
        if hit:
            char = hit.group()
            what = "a character pbi uses to mark up notes" if char in "\u27e6\u27e7\u2016" else \
                "a control character"
            raise bad(f"text holds {what} (U+{ord(char):04X}) at position {hit.start() + 1}")
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag in (_INT, _FLOAT):
        if len(value) > MAX_DIGITS:  # shorter has fewer digits
            digits = sum(ch.isdigit() for ch in value)
            if digits > MAX_DIGITS or len(value) > 2 * MAX_DIGITS:
                raise bad(f"a number of {digits:,} digits (at most {MAX_DIGITS})")
        return int(value, 10) if tag == _INT else value
    if tag == _DATE:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError as exc:
            raise bad(f"{value} is not a date ({exc})") from None
        if not YEARS[0] <= day.year <= YEARS[1]:
            raise bad(f"{value} is out of range (years {YEARS[0]} to {YEARS[1]})")
        return day
    raise bad(f"YAML tag {tag!r} is not allowed")


#: documents kept by :func:`load_yaml` for ``reuse``: (file name, text) → document
_KEPT: dict[tuple[str, str], LoadedYaml] = {}


def load_yaml(path: Path | str, *, reuse: bool = False) -> LoadedYaml:
    """Load one YAML document safely, with line numbers; InputError on any problem.

    With ``reuse``, a document read before under the same name with the same text is not parsed
    again (the file is still read, checked and noted as an input): the caller must not change it.
    """
    path = Path(path)
    text = read_text(path)
    name = str(path)
    if reuse:
        kept = _KEPT.get((name, text))
        if kept is not None:
            return kept
        loaded = _parse(text, name)
        if len(_KEPT) >= 16:
            _KEPT.clear()
        _KEPT[(name, text)] = loaded
        return loaded
    return _parse(text, name)


def _parse(text: str, name: str) -> LoadedYaml:
    """:func:`load_yaml` of ``text`` read from the file ``name``."""
    if not text.strip():
        raise InputError("file is empty (expected a YAML mapping)", file=name)
    try:
        data, lines, found = _compose(text, name)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if "nesting depth" in str(exc.problem):  # libyaml's own limit, met before ours in a flow collection
            raise InputError(f"nested deeper than {MAX_DEPTH} levels", file=name, line=line) from None
        raise InputError(f"YAML syntax error: {exc.problem or exc.context}", file=name, line=line) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise InputError(f"not a text file: character U+{exc.character:04X} is not allowed in YAML"
                         if isinstance(exc.character, int) else "not a text file", file=name, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {str(exc).splitlines()[0]}", file=name) from None
    except RecursionError:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", file=name) from None
    if not found:
        raise InputError("file holds no YAML document", file=name)
    if not isinstance(data, dict):
        raise InputError("expected a YAML mapping at the top of the file", file=name, line=1)
    return LoadedYaml(data=data, file=name, lines=lines)
