"""English drafts of the General Assembly, its Main Committees, ECOSOC and the Human Rights Council:
the masthead, the year from the session, costed meetings, absorbed and extrabudgetary requests, the
section and duty station of the part of the secretariat named, and the hand-labelled development set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pbi.cli import main
from pbi.draft import read_drafts
from pbi.draft.propose import propose_spec
from pbi.draft.reader import masthead, parse_drafts
from pbi.model.specs import Spec, load_spec

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = ROOT / "tests" / "data" / "drafts-en"
POSITIVE = ("costed", "extrabudgetary", "absorbed")
MASTHEAD = """United Nations                                   A/C.3/81/L.42

General Assembly
Eighty-first session
Third Committee
Agenda item 71 (b)

Promotion and protection of human rights: the right to clean water

The General Assembly,

Recalling its resolution 64/292 of 28 July 2010,

"""


def _spec(paragraphs: list[str], head: str = MASTHEAD) -> Spec:
    text = head + "\n\n".join(f"{i}. {p}" for i, p in enumerate(paragraphs, start=1))
    (draft,) = parse_drafts("Draft resolution\n\n" + text, file="draft.txt")
    return propose_spec(draft, near=ROOT / "cost_tables", today=dt.date(2026, 11, 30)).spec


def _by_paragraph(spec: Spec) -> dict[str, list[tuple[str, object]]]:
    return {r.operative_paragraphs[0]: [(a.kind, a) for a in r.activities] for r in spec.requests}


@pytest.mark.parametrize(("line", "field", "value"), [
    ("United Nations          A/C.3/81/L.42", "symbol", "A/C.3/81/L.42"),
    ("E/2026/L.15", "symbol", "E/2026/L.15"),
    ("Eighty-first session", "session", "Eighty-first session"),
    ("2026 session", "session", "2026 session"),
    ("Third Committee", "committee", "Third Committee"),
    ("Agenda item 71 (b)", "agenda", "71 (b)"),
    ("Human Rights Council", "organ", "Human Rights Council"),
])
def test_masthead_lines(line: str, field: str, value: str) -> None:
    assert masthead(line) == (field, value)


def test_a_paragraph_is_not_a_masthead_line() -> None:
    assert masthead("Decides to convene a two-day high-level panel discussion at its eighty-second session;") is None


def test_masthead_is_read_and_not_glued_into_the_title() -> None:
    spec = _spec(["Requests the Secretary-General to submit a report to the General Assembly at its "
                  "eighty-second session;"])
    assert spec.symbol == "A/C.3/81/L.42"
    assert spec.title.en == "Promotion and protection of human rights: the right to clean water"
    assert spec.session is not None and spec.session.en == "Eighty-first session"
    assert [a.number for a in spec.agenda_items] == ["71 (b)"]


def test_the_session_drives_the_year_not_a_recalled_resolution() -> None:
    spec = _spec(["Requests the Secretary-General to submit a report to the General Assembly at its "
                  "eighty-second session;"])
    assert spec.budget_period == "2027"  # eighty-first session: 1945 + 81; its statement asks for the next budget
    (report,) = spec.requests[0].activities
    assert (report.year, report.funding) == (2027, "regular_budget")  # eighty-second session


def test_without_masthead_a_preamble_date_is_not_the_draft_year() -> None:
    head = "A title\n\nThe General Assembly,\n\nRecalling its resolution 64/292 of 28 July 2010,\n\n"
    spec = _spec(["Requests the Secretary-General to submit a report to the General Assembly at its "
                  "eighty-second session;"], head=head)
    assert spec.budget_period == "2027"  # the year of the session it reports to, not 2011


def test_a_convened_panel_is_a_costed_meeting_of_the_days_given() -> None:
    spec = _spec(["Decides to convene a two-day high-level panel discussion in New York during its "
                  "eighty-second session, with interpretation in the six official languages;"])
    ((kind, meeting),) = _by_paragraph(spec)["1"]
    assert kind == "meeting"
    assert meeting.days.low == 2 and meeting.location == "New York" and meeting.year == 2027  # type: ignore[attr-defined]


def test_a_half_day_panel_of_the_council() -> None:
    head = MASTHEAD.replace("A/C.3/81/L.42", "A/HRC/61/L.8").replace("General Assembly\n", "Human Rights Council\n")
    head = head.replace("Eighty-first", "Sixty-first").replace("The General Assembly,", "The Human Rights Council,")
    spec = _spec(["Decides to convene, at its sixty-second session, a half-day panel discussion;"], head=head)
    assert spec.body == "human-rights-council" and spec.rule == "153"
    ((kind, panel),) = _by_paragraph(spec)["1"]
    assert panel.days.low == 0.5 and panel.section == "Section 2" and panel.location == "Geneva"  # type: ignore[attr-defined]
    # meetings in Geneva are conference services under section 2, as in corpus cases TR-0085 and TR-0088
    assert panel.year == 2026  # type: ignore[attr-defined] # 61-63 in 2026


def test_an_expert_meeting_is_not_extrabudgetary_unless_the_draft_says_so() -> None:
    spec = _spec([
        "Requests the Office of the United Nations High Commissioner for Human Rights to organize an expert "
        "group meeting of 30 experts to prepare a study on good practices;",
        "Requests the Secretary-General, subject to the availability of extrabudgetary resources, to convene "
        "an expert group meeting;"])
    first = dict(_by_paragraph(spec)["1"])
    travel = first["travel"]  # the table prices no expert_meeting: travel of the participants
    assert travel.funding == "regular_budget" and travel.section == "Section 24"  # type: ignore[attr-defined]
    assert travel.location == "Geneva" and travel.trips.low == 30  # type: ignore[attr-defined]
    second = dict(_by_paragraph(spec)["2"])
    assert second["travel"].funding == "extrabudgetary"  # type: ignore[attr-defined]


def test_within_existing_resources_is_absorbed() -> None:
    spec = _spec(["Requests the Secretary-General to submit a report on the implementation of the present "
                  "resolution to the General Assembly at its eighty-second session, within existing resources;"])
    (report,) = spec.requests[0].activities
    assert report.funding == "existing_resources"
    assert any(p["class"] == "absorbed" for p in spec.extra["paragraphs"])


@pytest.mark.parametrize("paragraph", [
    "Requests the High Commissioner to present an oral update to the Council at its sixty-second session;",
    "Invites Member States to contribute to the trust fund;",
    "Encourages States to share good practices;",
    "Calls upon States to ratify the Convention;",
    "Takes note of the report of the Secretary-General;",
])
def test_paragraphs_without_implications(paragraph: str) -> None:
    spec = _spec([paragraph])
    assert not spec.requests


def _dev_set() -> list[Path]:
    return [p for p in sorted(DRAFTS.glob("*.yaml")) if not yaml.safe_load(p.read_text())["held_out"]]


def test_development_set_precision_and_recall() -> None:
    tp = fp = fn = 0
    for label_file in _dev_set():
        want = {str(k): v for k, v in yaml.safe_load(label_file.read_text())["paragraphs"].items()}
        (draft,) = read_drafts(label_file.with_suffix(".txt"))
        got = {r.ref: r.classification.cls for r in propose_spec(draft, near=ROOT / "cost_tables").paragraphs}
        assert set(got) == set(want), label_file.name  # every operative paragraph read
        tp += sum(1 for k, v in want.items() if v in POSITIVE and got[k] in POSITIVE)
        fp += sum(1 for k, v in want.items() if v not in POSITIVE and got[k] in POSITIVE)
        fn += sum(1 for k, v in want.items() if v in POSITIVE and got[k] not in POSITIVE)
    assert tp / (tp + fn) >= 0.9 and tp / (tp + fp) >= 0.8


@pytest.mark.parametrize("name", [p.stem for p in sorted(DRAFTS.glob("*.txt"))])
def test_every_english_draft_flows_from_outside_the_repository(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PBI_TABLES", raising=False)
    spec = tmp_path / "spec.yaml"
    assert main(["draft", str(DRAFTS / f"{name}.txt"), "-o", str(spec)]) == 0
    assert main(["cost", str(spec)]) == 0
    assert main(["note", str(spec)]) == 0
    capsys.readouterr()
    labels = yaml.safe_load((DRAFTS / f"{name}.yaml").read_text())
    assert load_spec(spec).symbol == labels["symbol"]


def test_a_year_after_the_table_is_left_out_and_said() -> None:
    later = MASTHEAD.replace("A/C.3/81/L.42", "A/C.3/83/L.42").replace("Eighty-first", "Eighty-third")
    spec = _spec(["Decides to convene a United Nations conference of three days in 2030;",
                  "Requests the Secretary-General to submit a report to the General Assembly at its "
                  "eighty-fourth session;"], head=later)
    assert all(a.year <= 2029 for r in spec.requests for a in r.activities)  # un-standard-costs ends in 2029
    assert any("holds no rates after 2029-12-31" in a and "in 2030 is left out" in a
               for a in spec.extra["assumptions"])


def test_the_bodys_own_secretariat_keeps_the_bodys_section() -> None:
    head = ("A title\n\nThe Conference of the Parties to the United Nations Convention against Transnational "
            "Organized Crime,\n\n")
    spec = _spec(["Requests the United Nations Office on Drugs and Crime to submit a report to the Conference "
                  "at its sixth session;"], head=head)
    assert {a.section for r in spec.requests for a in r.activities} <= {"Part 2", None}


def test_cli_without_masthead_ignores_the_preambles_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("A title\n\nThe General Assembly,\n\nRecalling its resolution 64/292 of 28 July 2010,\n\n"
                     "1. Requests the Secretary-General to submit a report to the General Assembly at its "
                     "eighty-second session;\n", encoding="utf-8")
    spec = tmp_path / "s.yaml"
    assert main(["draft", str(draft), "-o", str(spec)]) == 0
    capsys.readouterr()
    loaded = load_spec(spec)
    assert loaded.budget_period != "2010-2011"
    assert loaded.requests[0].activities[0].year == 2027


def test_an_untitled_draft_opens_at_the_bodys_name_and_takes_its_agenda_items_title() -> None:
    text = MASTHEAD + "\nDraft resolution\n\nThe General Assembly,\n1. Requests the Secretary-General to submit a report to the General " \
                      "Assembly at its eighty-second session;\n2. Decides to remain seized of the matter.\n"
    (draft,) = parse_drafts(text, file="draft.txt")
    assert draft.title == "" and [p.number for p in draft.operative] == ["1", "2"]
    spec = propose_spec(draft, near=ROOT / "cost_tables", today=dt.date(2026, 11, 30)).spec
    assert spec.title.en == "Promotion and protection of human rights: the right to clean water"
    assert any("prints no title" in a for a in spec.extra["assumptions"])


@pytest.mark.parametrize(("dated", "period", "funding"), [
    ("", "2027", "regular_budget"),  # the Assembly's main part: the budget it adopts in December, for 2027
    ("10 November 2026\n\n", "2027", "regular_budget"),
    ("12 May 2026\n\n", "2026", "budget_process"),  # a resumed session in spring: its own year's budget
])
def test_an_assembly_draft_asks_for_the_budget_its_session_adopts(dated: str, period: str, funding: str) -> None:
    head = MASTHEAD.replace("Agenda item 71 (b)\n", f"Agenda item 71 (b)\n{dated}")
    spec = _spec(["Requests the Secretary-General to submit a report to the General Assembly at its "
                  "eighty-second session;"], head=head)
    (report,) = spec.requests[0].activities
    assert (spec.budget_period, report.year, report.funding) == (period, 2027, funding)


def test_a_council_draft_keeps_its_own_years_budget() -> None:
    head = MASTHEAD.replace("A/C.3/81/L.42", "E/2026/L.12").replace("General Assembly\nEighty-first session\n"
                                                                    "Third Committee\n", "Economic and Social Council\n2026 session\n")
    head = head.replace("The General Assembly,", "The Economic and Social Council,")
    spec = _spec(["Requests the Secretary-General to submit a report to the Council at its 2027 session;"], head=head)
    (report,) = spec.requests[0].activities
    assert spec.body == "ecosoc" and (spec.budget_period, report.year, report.funding) == ("2026", 2027, "budget_process")


@pytest.mark.parametrize(("dated", "lang", "budget"), [
    ("", "en", "under the programme budget for 2027"),  # undated
    ("17 November 2026\n", "en", "under the proposed programme budget for 2027"),
    ("17 November 2026\n", "zh", "2027 年拟议方案预算"), ("17 November 2026\n", "fr", "du projet de budget-programme de 2027"),
    ("17 November 2026\n", "es", "del proyecto de presupuesto por programas para 2027"),
    ("17 November 2026\n", "ru", "предлагаемого бюджета по программам на 2027 год"),
    ("17 November 2026\n", "ar", "الميزانية البرنامجية المقترحة لعام 2027"),
])
def test_an_assembly_statement_appropriates_under_the_next_budget(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  dated: str, lang: str, budget: str) -> None:
    """Dated by its masthead before the budget period, the statement cites that period's budget as proposed."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Draft resolution\n\n" + MASTHEAD.replace("Agenda item 71 (b)\n", f"Agenda item 71 (b)\n{dated}")
                     + "1. Requests the Secretary-General to submit a report to the General Assembly at its "
                     "eighty-second session;\n", encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    assert main(["draft", str(draft), "-o", str(spec)]) == 0
    assert load_spec(spec).dated == (dt.date(2026, 11, 17) if dated else None)
    capsys.readouterr()
    assert main(["note", str(spec), "--lang", lang, "--quote-untranslated"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert budget in out and (lang != "en" or "appropriate an additional amount of $" in out)
