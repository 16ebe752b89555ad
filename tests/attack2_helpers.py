"""Shared by tests/test_attacks2_*.py: the issue-10 contract spec, and one CLI run judged by the
contract of bad input (one line on stderr, exit 2, no traceback, inputs left as they were)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

ROOT = Path(__file__).resolve().parents[1]
TABLE = (ROOT / "cost_tables" / "un-standard-costs.yaml").read_text(encoding="utf-8")

#: the shape of issue 10 that users' specs and independent checks price through
SPEC = """\
symbol: A/C.3/80/L.99
title: {en: A draft resolution}
body: general-assembly
rule: "153"
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: report, kind: documentation, words: 8500, documents: 1, languages: 6, location: New York, year: 2025, funding: regular_budget}
      - {id: sessions, kind: meeting, meetings: 10, interpretation: true, languages: 6, location: Geneva, year: 2025, funding: regular_budget}
      - {id: gta, kind: staff, grade: P-3, work_months: 6, location: New York, year: 2025, funding: regular_budget}
published:
  - {id: F01, paragraph: "1", amount: 24500, activities: [report]}
"""


def spec(old: str = "", new: str = "") -> str:
    """The contract spec with one change (``old`` must occur in it)."""
    if old:
        assert old in SPEC, old
    return SPEC.replace(old, new, 1)


def table(old: str = "", new: str = "") -> str:
    """un-standard-costs with one change."""
    if old:
        assert old in TABLE, old
    return TABLE.replace(old, new, 1)


def write(folder: Path, files: dict[str, str | bytes]) -> dict[Path, bytes]:
    """Write ``files`` under ``folder``; the bytes of each, to compare after the run."""
    out: dict[Path, bytes] = {}
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        path.write_bytes(data)
        out[path] = data
    return out


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(argv: list[str], capsys: pytest.CaptureFixture[str], inputs: dict[Path, bytes] | None = None,
            want: str = "") -> str:
    """Run pbi; assert it refused in one line with exit 2 (containing ``want``), inputs untouched."""
    code, out, err = run(argv, capsys)
    assert "Traceback" not in err and "internal error" not in err, err
    assert code == 2, (code, err, out[:300])
    assert err.count("\n") == 1, err
    assert want in err, err
    for path, data in (inputs or {}).items():
        assert path.read_bytes() == data, f"{path} was changed"
    return err


def workbook_of(folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The workbook `pbi workbook` writes for SPEC, in ``folder``."""
    write(folder, {"spec.yaml": SPEC})
    code, _, err = run(["workbook", str(folder / "spec.yaml"), "-o", str(folder / "w.xlsx")], capsys)
    assert code == 0, err
    return folder / "w.xlsx"
