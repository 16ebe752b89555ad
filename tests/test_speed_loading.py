"""The one-pass YAML reader gives what PyYAML's composer gives, and tables read for their ids are
reused only while their text is unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pbi.model.errors import InputError, TableError
from pbi.model.tables import load_table, resolve_table
from pbi.model.yamlio import load_yaml

ROOT = Path(__file__).resolve().parents[1]
REPO_YAML = sorted(p for folder in ("notes", "cost_tables", "examples") for p in (ROOT / folder).rglob("*.yaml"))


class _Core(yaml.SafeLoader):
    """YAML 1.2 core scalars, as pbi reads them (a float stays its text)."""


_Core.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                                r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
]:
    import re

    _Core.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _reference(node: yaml.Node, path: str, lines: dict[str, int]) -> Any:
    """Data and line map from PyYAML's own node tree."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for k, v in node.value:
            key = _reference(k, "", {})
            key = key.isoformat() if isinstance(key, dt.date) else str(key)
            child = f"{path}.{key}" if path else key
            lines[child] = k.start_mark.line + 1
            out[key] = _reference(v, child, lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_reference(v, f"{path}[{i}]", lines) for i, v in enumerate(node.value)]
    tag, value = node.tag, node.value
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return value.lower() == "true"
    if tag.endswith(":int"):
        return int(value)
    if tag.endswith(":timestamp"):
        return dt.date.fromisoformat(value)
    return value


@pytest.mark.parametrize("path", REPO_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_repository_yaml_reads_as_the_composer_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines: dict[str, int] = {}
    want = _reference(yaml.compose(text, Loader=_Core), "", lines)
    got = load_yaml(path)
    assert got.data == want
    assert got.lines == lines


@pytest.mark.parametrize("text", [
    "a: 1\nb:\n  - x\n  - {c: 2010-01-02, d: ~}\n  - [true, 'no', 1.50]\n",
    "x:\n- - - deep\n- k: v\n  l: |\n    block\n    text\n",
    "? plain key\n: value\nquoted: \"a\\tb\"\n2010-05-06: dated key\n7: numbered key\n",
    "a:\nb: ''\nc: \"\"\n",
])
def test_crafted_yaml_reads_as_the_composer_reads_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    lines: dict[str, int] = {}
    want = _reference(yaml.compose(text, Loader=_Core), "", lines)
    got = load_yaml(path)
    assert (got.data, got.lines) == (want, lines)


@pytest.mark.parametrize("text, message, line", [
    ('a: 1\nb: "x\\u0007"\nc: &anchor 2\n', "anchors and aliases", 3),  # screening comes first
    ("a: 2010-02-30\n---\nb: 1\n", "another document", 2),
    ("a: 1\nb: 2\na: 3\n", r"duplicate key 'a' \(first on line 1\)", 3),
    ('a:\n  - ok\n  - "bell \\a"\n', "control character", 3),
    ("a: ok\nb: [1, 2]\nc: \x85\n", "", None),
])
def test_errors_keep_their_order_and_line(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    if not message:  # a NEL in the file is text like any other (a line break to YAML 1.1 only)
        load_yaml(path)
        return
    with pytest.raises(InputError, match=message) as info:
        load_yaml(path)
    assert info.value.line == line


def test_a_table_rewritten_under_the_same_name_is_read_again(tmp_path: Path) -> None:
    source = (ROOT / "cost_tables" / "unodc-vienna-2020.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "cost_tables"
    folder.mkdir()
    (folder / "base.yaml").write_text((ROOT / "cost_tables" / "unodc-vienna-2010.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    path = folder / "t.yaml"
    path.write_text(source, encoding="utf-8")
    first = resolve_table("unodc-vienna-2020", near=tmp_path / "notes")
    assert load_table(path) == first
    path.write_text(source.replace("title:", "title: Renamed —", 1), encoding="utf-8")
    again = load_table(path)
    assert again.title.startswith("Renamed —") and not first.title.startswith("Renamed")
    path.write_text(source.replace("id: unodc-vienna-2020", "id: ''", 1), encoding="utf-8")
    with pytest.raises(TableError, match="needs an id"):
        resolve_table("unodc-vienna-2020", near=tmp_path / "notes")
