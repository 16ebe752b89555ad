"""pbi reads YAML the same with or without libyaml: PyYAML's pure-Python scanner ends a plain scalar
in a flow list at ``?`` (libyaml does not), and libyaml versions differ in their own nesting limit.
A machine whose PyYAML lacks libyaml, or carries another libyaml, must read every shipped file and
refuse deep nesting in the same words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pbi.model import yamlio
from pbi.model.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p for folder in ("pbi", "cost_tables", "notes", "examples")
                 for p in (ROOT / folder).rglob("*.yaml"))


def test_every_shipped_file_reads_the_same_without_libyaml() -> None:
    assert len(SHIPPED) > 200
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    differ = [str(p.relative_to(ROOT)) for p in SHIPPED
              if yaml.load(t := p.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) != yaml.load(t, Loader=fast)]
    assert not differ


@pytest.mark.parametrize("parser", ["default", "pure"])
@pytest.mark.parametrize("extra", ["x: " + "[" * 5000 + "]" * 5000,
                                   "x: " + "{a: " * 5000 + "1" + "}" * 5000,
                                   "x:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(100)) + " " * 101 + "v: 1"])
def test_deep_nesting_is_refused_in_the_same_words(parser: str, extra: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    if parser == "pure":
        monkeypatch.setattr(yamlio, "_COMPOSER", yamlio._Loader)
    with pytest.raises(InputError, match=rf"^spec\.yaml:\d+: nested deeper than {yamlio.MAX_DEPTH} levels$"):
        yamlio._parse("id: a\n" + extra + "\n", "spec.yaml")

