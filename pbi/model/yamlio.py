"""Safe YAML loading that remembers where each value came from.

PyYAML reports no line numbers once a document is turned into Python objects. pbi composes the
node tree with the safe loader, refuses duplicate keys, and keeps a map from field paths
(``activities[2].pages``) to line numbers so that every error can name its line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pbi.model.errors import InputError

__all__ = ["LoadedYaml", "load_yaml", "read_text", "path_of", "MAX_FILE_BYTES"]

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


def read_text(path: Path) -> str:
    """Read a UTF-8 text file with clear errors for every way it can fail."""
    name = str(path)
    if not path.exists():
        raise InputError("no such file", file=name)
    if path.is_dir():
        raise InputError("is a directory, expected a file", file=name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=name) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"file is {len(raw):,} bytes (expected at most {MAX_FILE_BYTES:,})", file=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text (save the file as UTF-8)", file=name, line=line) from None


class _Loader(yaml.SafeLoader):
    """The safe loader; no Python tags, no custom constructors."""


_PLAIN_TAGS = {yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG}


def _walk(node: yaml.Node, path: str, lines: dict[str, int], file: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    return _value(node, path, lines, file)


def _value(node: yaml.Node, path: str, lines: dict[str, int], file: str) -> Any:
    """The data of a node whose line is recorded; scalar children are read in place (no call per
    scalar: specs are mostly scalars)."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if node.tag not in _PLAIN_TAGS:
        raise InputError(f"YAML tag {node.tag!r} is not allowed (plain data only)", file=file,
                         line=node.start_mark.line + 1, field=path or None)
    scalar = yaml.ScalarNode
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        prefix = path + "." if path else ""
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, scalar) \
                else _Loader.construct_object(_LOADER_SINGLETON, key_node, deep=True)
            if key == "<<":
                raise InputError("YAML merge keys (<<) are not supported", file=file,
                                 line=key_node.start_mark.line + 1, field=path or None)
            if isinstance(key, (dt.date, dt.datetime)):
                key = key.isoformat()
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise InputError(f"mapping key {key!r} is not a name", file=file,
                                 line=key_node.start_mark.line + 1, field=path or None)
            key = str(key)
            child = prefix + key
            if key in result:
                raise InputError(f"duplicate key {key!r} (first on line {lines.get(child)})", file=file,
                                 line=key_node.start_mark.line + 1, field=child)
            lines[child] = key_node.start_mark.line + 1
            result[key] = _scalar(value_node) if isinstance(value_node, scalar) \
                else _value(value_node, child, lines, file)
        return result
    out: list[Any] = []
    for i, item in enumerate(node.value):
        child = f"{path}[{i}]"
        lines.setdefault(child, item.start_mark.line + 1)
        out.append(_scalar(item) if isinstance(item, scalar) else _value(item, child, lines, file))
    return out


_STR_TAG = "tag:yaml.org,2002:str"


def _scalar(node: yaml.Node) -> Any:
    if node.tag == _STR_TAG:  # most scalars: the text as it is (what the safe constructor returns)
        return node.value
    value = _LOADER_SINGLETON.construct_object(node, deep=True)
    if isinstance(value, float):
        # money and quantities are Decimal: keep the text as written, never a binary float
        return node.value
    return value


_LOADER_SINGLETON = _Loader("")
#: libyaml's parser where PyYAML was built with it (ten times faster); it yields the same node tree,
#: with marks, and nodes are still turned into data by the safe constructor above
_BASE_COMPOSER: Any = getattr(yaml, "CSafeLoader", None) or _Loader
#: the tag of a scalar depends only on its kind, text and implicitness (the safe loader has no path
#: resolvers): remembered, since specs repeat the same keys and values (a fifth of composing)
_TAGS: dict[tuple[Any, str, tuple[bool, bool]], str] = {}


class _Composer(_BASE_COMPOSER):  # type: ignore[misc]
    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or not isinstance(value, str):
            return super().resolve(kind, value, implicit)
        key = (kind, value, tuple(implicit))
        tag = _TAGS.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_TAGS) < 100_000:
                _TAGS[key] = tag
        return tag


_COMPOSER = _Composer


def load_yaml(path: Path | str) -> LoadedYaml:
    """Load one YAML document safely, with line numbers; InputError on any problem."""
    path = Path(path)
    text = read_text(path)
    name = str(path)
    if not text.strip():
        raise InputError("file is empty (expected a YAML mapping)", file=name)
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(f"YAML syntax error: {exc.problem or exc.context}", file=name, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}", file=name) from None
    if node is None:
        raise InputError("file holds no YAML document", file=name)
    lines: dict[str, int] = {}
    try:
        data = _walk(node, "", lines, name)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise InputError(f"YAML error: {exc.problem}", file=name,
                         line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise InputError("expected a YAML mapping at the top of the file", file=name, line=1)
    return LoadedYaml(data=data, file=name, lines=lines)
