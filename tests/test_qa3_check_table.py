"""``pbi check`` prices a note with the table of the body and years it reads (a General Assembly
statement of 2022 with ``un-standard-costs``, a 2010 Conference of the Parties note with
``unodc-vienna-2010``) unless ``--table`` names one, and says which table it used and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.check.report import check_files
from pbi.cli import main
from pbi.costing.api import cost_file
from pbi.render import render_note

DATA = Path(__file__).parent / "data" / "qa3"
ROOT = Path(__file__).resolve().parents[1]


def _note(tmp_path: Path, spec: str, lang: str = "en", kind: str = "financial_note") -> Path:
    out = tmp_path / f"{Path(spec).stem}.{lang}.txt"
    out.write_text(str(render_note(cost_file(DATA / spec), lang=lang, kind=kind)), encoding="utf-8")
    return out


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es"])
def test_a_general_assembly_note_is_checked_with_the_un_standard_costs(tmp_path: Path, lang: str) -> None:
    report = check_files([_note(tmp_path, "s08-absorbed-2022.yaml", lang)], lang=lang)
    assert report.rates is not None and report.rates.table.startswith("un-standard-costs")
    assert report.errors == 0, [f.message for _, f in report.findings]
    assert report.rates.priced


def test_a_2010_conference_note_is_checked_with_the_2010_table(tmp_path: Path) -> None:
    spec = ROOT / "notes" / "ctoc-cop-2010-17" / "annex-04.yaml"
    out = tmp_path / "annex-04.zh.txt"
    out.write_text(str(render_note(cost_file(spec), lang="zh")), encoding="utf-8")
    report = check_files([out], lang="zh")
    assert report.rates is not None and report.rates.table.startswith("unodc-vienna-2010")
    assert report.errors == 0


def test_the_table_given_is_the_table_used(tmp_path: Path) -> None:
    report = check_files([_note(tmp_path, "s08-absorbed-2022.yaml")], table="unodc-vienna-2020")
    assert report.rates is not None and report.rates.table == "unodc-vienna-2020"


def test_the_cli_says_which_table_and_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_note(tmp_path, "s08-absorbed-2022.yaml"))]) == 0
    out = capsys.readouterr().out
    assert "rates (un-standard-costs" in out and "General Assembly" in out


def test_a_statement_that_names_no_body_is_known_by_its_symbol(tmp_path: Path) -> None:
    text = ("Programme budget implications of draft resolution A/C.2/78/L.40\n\n"
            "4. The requirements of $239,400 for 2024 would relate to 20 meetings with interpretation in the six "
            "official languages in Geneva.\n")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    report = check_files([path], lang="en")
    assert report.rates is not None and report.rates.table.startswith("un-standard-costs")


@pytest.mark.parametrize("symbol, body", [("A/HRC/55/L.3", "human-rights-council"), ("A/C.3/80/L.1", "general-assembly"),
                                          ("E/CN.15/2024/L.2", "ccpcj"), ("E/2024/L.5", "ecosoc"),
                                          ("CTOC/COP/2010/L.3", "cop-untoc"), ("S/2024/1", None)])
def test_the_body_of_a_symbol(symbol: str, body: str | None) -> None:
    from pbi.model.vocabulary import body_of_symbol

    assert body_of_symbol(symbol) == body
