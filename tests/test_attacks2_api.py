"""The public Python API with hostile arguments: PbiError (or a plain TypeError for a wrong type),
never a destroyed input and never an unbounded walk."""

from __future__ import annotations

from pathlib import Path

import pytest

import pbi
from attack2_helpers import SPEC, write


def _estimate(tmp_path: Path) -> tuple[pbi.Estimate, Path]:
    write(tmp_path, {"spec.yaml": SPEC})
    return pbi.cost_file(tmp_path / "spec.yaml"), tmp_path / "spec.yaml"


def test_to_xlsx_never_over_its_own_spec(tmp_path: Path) -> None:
    """``estimate.to_xlsx(spec_path)`` wrote a workbook over the spec it was costed from."""
    est, spec = _estimate(tmp_path)
    before = spec.read_bytes()
    with pytest.raises(pbi.PbiError, match="input|xlsx"):
        est.to_xlsx(spec)
    assert spec.read_bytes() == before


def test_to_xlsx_never_over_its_table(tmp_path: Path) -> None:
    write(tmp_path, {"spec.yaml": SPEC, "t/t.yaml": (Path(pbi.__file__).parents[1] / "cost_tables" /
                                                     "un-standard-costs.yaml").read_text(encoding="utf-8")})
    table = pbi.load_table(tmp_path / "t" / "t.yaml")
    est = pbi.cost(pbi.load_spec(tmp_path / "spec.yaml"), table)
    link = tmp_path / "t" / "book.xlsx"
    link.symlink_to(tmp_path / "t" / "t.yaml")
    before = (tmp_path / "t" / "t.yaml").read_bytes()
    with pytest.raises(pbi.PbiError, match="input"):
        est.to_xlsx(link)
    assert (tmp_path / "t" / "t.yaml").read_bytes() == before


def test_to_xlsx_needs_an_xlsx_name(tmp_path: Path) -> None:
    est, _ = _estimate(tmp_path)
    with pytest.raises(pbi.PbiError, match="xlsx"):
        est.to_xlsx(tmp_path / "out.yaml")
    assert not (tmp_path / "out.yaml").exists()
    assert est.to_xlsx(tmp_path / "out.xlsx").stat().st_size > 0


def test_comparison_to_xlsx_never_over_its_spec(tmp_path: Path) -> None:
    _, spec = _estimate(tmp_path)
    before = spec.read_bytes()
    comparison = pbi.compare_file(spec, scenario={"set": {"report.words": "9000"}})
    with pytest.raises(pbi.PbiError):
        comparison.to_xlsx(spec)
    assert spec.read_bytes() == before


def test_reproduce_one_path_as_a_string(tmp_path: Path) -> None:
    """``pbi.reproduce("spec.yaml")`` walked the string's characters as paths ("/" is the whole disk)."""
    _, spec = _estimate(tmp_path)
    result = pbi.reproduce(str(spec))
    assert [f.id for _, f in result.figures] == ["F01"]
    assert [f.id for _, f in pbi.reproduce(spec).figures] == ["F01"]
