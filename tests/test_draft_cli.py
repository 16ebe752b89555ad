"""`pbi draft FILE -o SPEC.yaml && pbi cost SPEC.yaml && pbi note SPEC.yaml` end to end: Chinese and
English drafts, text and Word, one draft or several, and bad input as one line with exit code 2."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from pbi.cli import main
from pbi.costing.api import cost_file
from pbi.model.specs import load_spec

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "draft"
GA_DRAFT = ROOT / "examples" / "drafts" / "ga-draft-en.txt"
SEEDS = Path(os.environ.get("PBI_SEEDS", str(ROOT.parent / "shared" / "seeds")))


def flow(tmp_path: Path, draft: Path, capsys: pytest.CaptureFixture[str], *extra: str,
         lang: str = "zh") -> Path:
    spec = tmp_path / "spec.yaml"
    assert main(["draft", str(draft), "-o", str(spec), *extra]) == 0
    assert main(["cost", str(spec)]) == 0
    assert main(["note", str(spec), "--lang", lang]) == 0
    capsys.readouterr()
    return spec


def test_chinese_draft_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_path = flow(tmp_path, DATA / "zh-cop-draft.txt", capsys)
    spec = load_spec(spec_path)
    assert (spec.body, spec.rule, spec.budget_period, spec.table) == ("cop-untoc", "75", "2010-2011",
                                                                      "unodc-vienna-2010")
    by_paragraph = {r.operative_paragraphs[0]: r for r in spec.requests}
    assert set(by_paragraph) == {"2", "3", "4"}  # 1 welcomes, 5 invites donors
    report = by_paragraph["2"].activities[0]
    assert report.words is not None and report.words.low == Decimal(8500)
    assert (report.kind, report.languages, report.year) == ("documentation", 6, 2012)
    assert report.funding == "budget_process"  # the sixth session (2012) is after the budget period
    assert by_paragraph["3"].conditional  # "在可获得预算外资源的情况下"
    assert [a.kind for a in by_paragraph["3"].activities] == ["expert_meeting"]
    meeting = by_paragraph["4"].activities[0]
    assert meeting.days is not None and meeting.days.low == Decimal(5)
    assert (meeting.kind, meeting.count, meeting.year) == ("meeting", 2, 2011)
    assumptions = spec.extra["assumptions"]
    assert any("“请秘书处向缔约方会议第六届会议报告”" in a and "8,500 words" in a for a in assumptions)
    assert any("举行两次" in a for a in assumptions)
    assert any(a.startswith("cost table unodc-vienna-2010") for a in assumptions)


def test_the_proposed_spec_prices_as_the_engine_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report's figure is the table's rates times the standard's quantities, rounded once."""
    spec_path = flow(tmp_path, DATA / "zh-cop-draft.txt", capsys)
    estimate = cost_file(spec_path)
    items = [i for i in estimate.items if i.activity == "a-report-1" and i.rate is not None]
    document = next(i for i in items if i.rate is not None and i.rate.key == "documentation.document")
    page = next(i for i in items if i.rate is not None and i.rate.key == "documentation.page")
    assert document.amount.low == Decimal("425")
    assert page.quantity is not None
    assert page.quantity.low == Decimal(8500) / Decimal(330) * 6  # words counted in pages of 330, six languages
    assert page.amount.low == page.quantity.low * Decimal("235.16")


def test_english_general_assembly_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_path = flow(tmp_path, GA_DRAFT, capsys, "--table", "unodc-vienna-2020", lang="en")
    spec = load_spec(spec_path)
    assert (spec.symbol, spec.body, spec.rule, spec.budget_period) == ("A/C.3/78/L.99", "general-assembly",
                                                                       "153", "2024")
    kinds = {r.operative_paragraphs[0]: [a.kind for a in r.activities] for r in spec.requests}
    assert kinds == {"3": ["expert_meeting"], "4": ["publication"], "5": ["meeting", "documentation"],
                     "6": [], "7": [], "9": ["documentation"]}
    egm = spec.requests[0].activities[0]
    # the paragraph says nothing of extrabudgetary resources: the regular budget of 2024, the budget a draft of
    # the 78th session asks an appropriation in, under the section of the Office it names
    assert (egm.location, egm.year, egm.funding, egm.section) == ("Vienna", 2024, "regular_budget", "Section 16")
    report = spec.requests[-1].activities[0]
    assert (report.year, report.funding) == (2024, "regular_budget")  # "at its seventy-ninth session": 2024
    assert spec.requests[0].text and spec.requests[0].text.en and spec.requests[0].text.en.startswith("Request ")
    classes = {p["paragraph"]: p["class"] for p in spec.extra["paragraphs"]}
    assert classes == {"1": "none", "2": "none", "3": "costed", "4": "costed", "5": "costed", "6": "costed",
                       "7": "extrabudgetary", "8": "invitation", "9": "costed"}
    assert main(["note", str(spec_path), "--lang", "en", "--kind", "statement"]) == 0
    assert "Secretary-General" in capsys.readouterr().out
    assert main(["note", str(spec_path)]) == 0  # a spec written only in English: the note is in English
    out = capsys.readouterr().out  # the masthead above "Draft resolution" is the statement's own
    assert out.startswith("Seventy-eighth session\nAgenda item 108\nCrime prevention and criminal justice\n")
    assert "\nProgramme budget implications of draft resolution A/C.3/78/L.99\n" in out


def test_the_table_a_general_assembly_draft_gets_by_default(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The first table listed for the body that covers the years, and why, in the assumptions."""
    spec = load_spec(flow(tmp_path, GA_DRAFT, capsys, lang="en"))
    assert spec.table in ("un-standard-costs", "unodc-vienna-2020")
    said = next(a for a in spec.extra["assumptions"] if a.startswith("cost table"))
    assert spec.table in said and "New York" in said


def test_word_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in GA_DRAFT.read_text(encoding="utf-8").split("\n\n"):
        if line.strip() and not line.startswith(("__", "[1]")):
            document.add_paragraph(line.strip())
    path = tmp_path / "draft.docx"
    document.save(str(path))
    from_docx = load_spec(flow(tmp_path, path, capsys, "--table", "unodc-vienna-2020", lang="en"))
    from_text = load_spec(flow(tmp_path, GA_DRAFT, capsys, "--table", "unodc-vienna-2020", lang="en"))
    assert from_docx.requests == from_text.requests


def test_a_modern_draft_without_a_table_for_its_years_is_an_error(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Never a 2010 or 2020 table for a 2026 draft, and never silently: the error says what was looked for."""
    tables = tmp_path / "tables"
    tables.mkdir()
    for name in ("unodc-vienna-2010.yaml", "unodc-vienna-2020.yaml"):
        (tables / name).write_text((ROOT / "cost_tables" / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = GA_DRAFT.read_text(encoding="utf-8")
    for old, new in (("2024", "2026"), ("2023", "2025"), ("seventy-ninth", "eighty-first"), ("eightieth", "eighty-second"),
                     ("Seventy-eighth session", "Eighty-first session")):
        text = text.replace(old, new)
    draft = tmp_path / "draft-2025.txt"
    draft.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PBI_TABLES", str(tables))
    monkeypatch.setattr("pbi.model.tables.BUNDLED", tmp_path / "no-bundled-tables")
    out = tmp_path / "spec.yaml"
    assert main(["draft", str(draft), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert not out.exists() and "\n" not in err
    assert re.match(rf"^{re.escape(str(draft))}:\d+: no cost table for a general-assembly draft priced in 2026", err)


def test_several_drafts_need_a_folder_or_a_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (DATA / "zh-cop-draft.txt").read_text(encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text(text + "\n\n" + text.replace("5/9", "5/10"), encoding="utf-8")
    out = tmp_path / "spec.yaml"
    assert main(["draft", str(two), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "holds 2 drafts" in err and "--draft" in err and not out.exists()
    assert main(["draft", str(two), "-o", str(out), "--draft", "5/10"]) == 0
    assert load_spec(out).title.zh == "加强打击网络犯罪的国际合作"
    folder = tmp_path / "specs"
    folder.mkdir()
    assert main(["draft", str(two), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["resolution-5-10.yaml", "resolution-5-9.yaml"]
    assert main(["draft", str(two), "--draft", "#7"]) == 2
    assert "no draft '#7'" in capsys.readouterr().err


def test_printed_to_stdout_without_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(DATA / "zh-cop-draft.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Proposed by `pbi draft`") and "extra:" in out


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"\x00\x00binary", "binary file"),
    (b"Draft resolution\n\nTitle\n\nThe General Assembly,\n\nNoting,\n", "no operative paragraphs"),
])
def test_bad_drafts_exit_2_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                                       message: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    out = tmp_path / "spec.yaml"
    assert main(["draft", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith(f"{path}:1: ")
    assert "Traceback" not in err and not out.exists()


@pytest.mark.skipif(not (SEEDS / "001_f0894e873e5d82b0.txt").exists(), reason="the seed texts are not here")
def test_recall_and_precision_on_the_cop5_resolutions(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("draft_recall", ROOT / "benchmarks" / "draft_recall.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--seeds", str(SEEDS), "--quiet"]) == 0
    out = capsys.readouterr().out
    total = re.search(r"COP 5 total: precision ([\d.]+) .*recall ([\d.]+)", out)
    assert total and float(total.group(1)) >= 0.8 and float(total.group(2)) >= 0.9


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed texts are not here")
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_draft_costs_and_renders(tmp_path: Path, capsys: pytest.CaptureFixture[str], prefix: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    folder = tmp_path / "specs"
    folder.mkdir()
    assert main(["draft", str(path), "-o", str(folder)]) == 0
    for spec in sorted(folder.iterdir()):
        assert main(["cost", str(spec)]) == 0, spec.name
        assert main(["note", str(spec)]) == 0, spec.name
    capsys.readouterr()


def test_a_table_without_a_kind_gets_the_standard_fallback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A table that prices no expert group meetings or publications (as a New York table may not):
    the expert group meeting becomes its participants' travel, the publication its translation."""
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "plain.yaml").write_text("""\
id: plain-test
title: A test table with four kinds (not real rates)
valid_to: 2026-12-31
words_per_page: 330
rounding: {step: 100, mode: half_up}
activities:
  documentation: {label: Documentation, defaults: {documents: 1, languages: 6},
                  components: [{rate: doc.page, per: [pages, languages]}]}
  meeting: {label: Meetings, defaults: {languages: 6},
            components: [{rate: meeting.one, per: [meetings, languages], when: {interpretation: true}}]}
  staff: {label: Staff, components: [{rate: "staff.{grade}", per: [work_months]}]}
  travel: {label: Travel, components: [{rate: travel.trip, per: [trips]}, {rate: travel.day, per: [trips, dsa_days]}]}
rates:
  doc.page: {unit: USD/(page*language), values: {2020-01-01: "100"}, reference: test, label: test}
  meeting.one: {unit: USD/(meeting*language), values: {2020-01-01: "1000"}, reference: test, label: test}
  staff.P-3: {unit: USD/work_month, values: {2020-01-01: "10000"}, reference: test, label: test}
  travel.trip: {unit: USD/trip, values: {2020-01-01: "2000"}, reference: test, label: test}
  travel.day: {unit: USD/(trip*day), values: {2020-01-01: "300"}, reference: test, label: test}
""", encoding="utf-8")
    monkeypatch.setenv("PBI_TABLES", str(tables))
    spec_path = flow(tmp_path, GA_DRAFT, capsys, "--table", "plain-test", lang="en")
    spec = load_spec(spec_path)
    kinds = {r.operative_paragraphs[0]: [a.kind for a in r.activities] for r in spec.requests}
    assert kinds["3"] == ["travel"] and kinds["4"] == ["documentation"]
    travel = spec.requests[0].activities[0]
    assert travel.trips is not None and travel.trips.low == 20 and travel.location == "Vienna"
    # days of subsistence per traveller: the three meeting days and one travel day (as E/2011/30 A.III)
    assert travel.dsa_days is not None and travel.dsa_days.low == 4
    amount = sum((i.amount.low for i in cost_file(spec_path).items if i.activity == travel.id and i.rate), Decimal(0))
    assert amount == 20 * Decimal(2000) + 20 * 4 * Decimal(300)
    said = " ".join(spec.extra["assumptions"])
    assert "table plain-test prices no expert_meeting" in said and "prices no publication" in said


def test_a_refusal_lists_ten_drafts_by_name_and_counts_the_rest(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    text = (DATA / "zh-cop-draft.txt").read_text(encoding="utf-8")
    many = tmp_path / "many.txt"
    many.write_text("\n\n".join(text.replace("5/9", f"5/{n}") for n in range(9, 24)), encoding="utf-8")
    assert main(["draft", str(many), "-o", str(tmp_path / "spec.yaml")]) == 2
    err = capsys.readouterr().err.strip()
    assert "holds 15 drafts" in err and "#10 " in err and "#11 " not in err and "… and 5 more" in err
    assert "\n" not in err
