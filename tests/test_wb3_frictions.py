"""Two frictions of the delegate's round: sweep records' columns, and a text with a comma in a
YAML flow mapping."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import pbi
from pbi.costing.api import table_for
from pbi.model.errors import PbiError

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tests/data/newuser/ga-geneva-2026-2027.yaml"


def test_sweep_records_have_the_same_columns_total_last() -> None:
    spec = pbi.load_spec(SPEC)
    table = table_for(spec, SPEC, None)
    results = pbi.sweep(spec, table, [{"wg-2026.days": 3}, {"gta-p4.year": 2029}, {"languages": 4}])
    records = [r.to_record() for r in results]
    keys = [list(r) for r in records]
    assert all(k == keys[0] for k in keys), keys
    assert keys[0][-1] == "total" and keys[0][0] == "scenario"
    years = [k for k in keys[0] if k.startswith("regular_budget ") or k.startswith("budget_process ")]
    assert "regular_budget 2029" in years  # only the second variant has it
    assert records[0]["regular_budget 2029"] == 0 and records[1]["regular_budget 2029"] > 0
    assert records[0]["gta-p4.year"] is None and records[1]["gta-p4.year"] == 2029
    for r, rec in zip(results, records, strict=True):  # the year columns add up to the total
        assert sum(v for k, v in rec.items() if k in years) == rec["total"] == r.total.low
        # the totals themselves are the variant's own, as pbi.cost gives them
        assert all(v.low != 0 for v in r.totals.values())


def test_a_single_variant_record_is_unchanged() -> None:
    spec = pbi.load_spec(SPEC)
    (only,) = pbi.sweep(spec, table_for(spec, SPEC, None), [{"languages": 4}])
    record = only.to_record()
    assert list(record)[-1] == "total" and record["languages"] == 4


def _spec_with_title(tmp_path: Path, title: str) -> Path:
    text = SPEC.read_text(encoding="utf-8")
    lines = [f"title: {title}" if line.startswith("title:") else line for line in text.splitlines()]
    path = tmp_path / "spec.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_text_with_a_comma_in_a_flow_mapping_says_to_quote_it(tmp_path: Path) -> None:
    path = _spec_with_title(tmp_path, "{en: Youth, peace and security}")
    with pytest.raises(PbiError) as info:
        pbi.load_spec(path)
    message = str(info.value)
    assert "title.peace and security: unknown key" in message
    assert 'quote it, en: "Youth, peace and security"' in message


def test_the_quoted_text_is_read(tmp_path: Path) -> None:
    path = _spec_with_title(tmp_path, '{en: "Youth, peace and security"}')
    assert pbi.load_spec(path).title.en == "Youth, peace and security"


def test_a_misspelt_key_gets_no_comma_hint(tmp_path: Path) -> None:
    path = _spec_with_title(tmp_path, "{en: Youth, fr: Jeunesse}")
    path.write_text(path.read_text(encoding="utf-8") + "summry:\n", encoding="utf-8")  # no value, as a cut text
    with pytest.raises(PbiError) as info:
        pbi.load_spec(path)
    assert "unknown key" in str(info.value) and "comma" not in str(info.value)


def test_cli_one_line(tmp_path: Path) -> None:
    path = _spec_with_title(tmp_path, "{en: Youth, peace, security}")
    run = subprocess.run([sys.executable, "-m", "pbi", "cost", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
    assert '"Youth, peace, security"' in run.stderr


@pytest.mark.parametrize(("written", "meant"), [("8,500", "8500"), ("1,234,567", "1234567")])
def test_a_number_with_a_thousands_comma_in_a_flow_mapping_says_how_to_write_it(
        tmp_path: Path, written: str, meant: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("symbol: A/1\ntitle: {en: x}\nbody: general-assembly\nrule: '153'\nbudget_period: '2025'\ntable: un-standard-costs\n"
                    "requests:\n  - id: a\n    activities:\n"
                    f"      - {{id: r, kind: documentation, words: {written}, languages: 6, location: New York,"
                    " year: 2025, funding: regular_budget}\n", encoding="utf-8")
    with pytest.raises(PbiError) as info:
        pbi.load_spec(path)
    message = str(info.value)
    assert ":10: requests[0].activities[0]." in message and "unknown key" in message
    assert message.endswith(f"write words: {meant}")


def test_a_negative_published_amount_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("symbol: A/1\ntitle: {en: x}\nbody: general-assembly\nrule: '153'\nbudget_period: '2025'\n"
                    "table: un-standard-costs\nrequests:\n  - id: a\n    activities:\n"
                    "      - {id: r, kind: documentation, words: 8500, languages: 6, location: New York,"
                    " year: 2025, funding: regular_budget}\n"
                    "published:\n  - {id: F01, paragraph: '1', amount: -24500, activities: [r]}\n", encoding="utf-8")
    with pytest.raises(PbiError, match=r":12: published\[0\]\.amount: must not be negative \(got -24500\)"):
        pbi.load_spec(path)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("budget_period: '2025'", "budget_periode: '2025'", ":5: budget_periode: unknown key"),  # not "budget_period missing"
    ("table: un-standard-costs", "tabel: un-standard-costs", ":6: tabel: unknown key"),
    ("languages: 6", "langauges: 6", ":10: requests[0].activities[0].langauges: unknown key"),
])
def test_a_misspelt_key_is_named_with_the_key_it_is_close_to(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = ("symbol: A/1\ntitle: {en: x}\nbody: general-assembly\nrule: '153'\nbudget_period: '2025'\n"
            "table: un-standard-costs\nrequests:\n  - id: a\n    activities:\n"
            "      - {id: r, kind: documentation, words: 8500, languages: 6, location: New York,"
            " year: 2025, funding: regular_budget}\n")
    path = tmp_path / "spec.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(PbiError) as info:
        pbi.load_spec(path)
    message = str(info.value)
    assert expected in message and message.endswith(f"did you mean {old.split(':')[0]!r}?")
