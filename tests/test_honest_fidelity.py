"""Honest fidelity: generated prose scored apart from the text the spec supplies; subjects by
rule; a generated note lists what its spec assumed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main
from pbi.costing.api import cost_file
from pbi.model.errors import SpecError
from pbi.model.specs import load_spec
from pbi.render import render_note
from pbi.render.fidelity import compare, spec_texts, strip_supplied

from _paths import NOTES, ROOT, SEEDS

SEED = SEEDS / "001_f0894e873e5d82b0.txt"
DRAFTS = ROOT / "notes" / "new-drafts"


def test_spec_texts_are_what_the_spec_supplies() -> None:
    spec = load_spec(NOTES / "annex-04.yaml")
    texts = spec_texts(spec, "zh")
    assert spec.title.zh in texts
    assert all(r.subject.zh in texts for r in spec.requests if r.subject and r.subject.zh)
    assert all(r.text.zh in texts for r in spec.requests if r.text and r.text.zh)
    assert len(texts) == len(set(texts))


def test_prose_is_scored_without_the_supplied_text() -> None:
    supplied = ["决定设立一个工作组，负责审议执行情况并提出建议"]
    published = supplied[0] + "。所需经费估计为二十万美元。"
    generated = supplied[0] + "。需要的资源为二十万美元左右。"
    result = compare(generated, published, supplied=supplied)
    assert result.ratio > result.prose_ratio  # the supplied text matched by construction
    assert result.supplied_share is not None and 0.5 < result.supplied_share < 1
    assert strip_supplied(generated, supplied) == "。需要的资源为二十万美元左右。"
    assert "generated prose alone: similarity" in result.report()
    without = compare(generated, published)
    assert without.prose_ratio is None and "generated prose" not in without.report()


@pytest.mark.skipif(not SEED.exists(), reason="the COP 5 seed (shared/seeds/001_…) is not beside the checkout")
def test_note_diff_reports_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["note", str(NOTES / "annex-04.yaml"), "--diff", str(SEED)]) == 0
    first, second = capsys.readouterr().out.splitlines()[:2]
    overall = float(first.split()[1])
    prose = float(second.split("similarity ")[1].split()[0])
    assert overall >= 0.95 and prose < overall  # annex IV: about 0.963 overall, 0.935 for the prose
    assert "the spec supplies" in second


def _without_subject(tmp_path: Path) -> Path:
    text = (NOTES / "annex-02.yaml").read_text(encoding="utf-8")
    import re

    found = re.search(r"    subject:\n      zh: 向缔约方会议第六届会议提交一份报告，其中汇编最佳做法\n(?:      \w\w: .*\n)+", text)
    assert found
    cut = found.group(0)
    (tmp_path / "notes").mkdir()
    path = tmp_path / "notes" / "annex-02.yaml"
    path.write_text(text.replace(cut, "    subject_by_rule: true\n"), encoding="utf-8")
    (tmp_path / "notes" / "entitlements.yaml").write_text(
        (NOTES / "entitlements.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_subject_generated_by_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBI_TABLES", str(ROOT / "cost_tables"))
    est = cost_file(_without_subject(tmp_path))
    assert "关于第 11 执行段所载请求向缔约方会议第六届会议提交一份报告，估计" in str(render_note(est, "zh"))
    assert ("With regard to the request contained in operative paragraph 11 that a report be submitted to "
            "the sixth session of the Conference,") in str(render_note(est, "en"))
    assert all("提交一份报告" not in t for t in spec_texts(est.spec, "zh")[1:2])


def test_subject_rule_on_a_new_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBI_TABLES", str(ROOT / "cost_tables"))
    spec = tmp_path / "draft.yaml"
    spec.write_text("""\
symbol: CTOC/COP/2026/L.9
title: {zh: 一项决议草案, en: A draft resolution}
body: cop-untoc
rule: "75"
budget_period: 2010-2011
table: unodc-vienna-2010
requests:
  - id: a
    operative_paragraphs: ["4"]
    subject_by_rule: true
    activities:
      - id: reports
        kind: documentation
        count: 2
        pages: 20
        document_for: {zh: 缔约方会议第十一届会议, en: the eleventh session of the Conference}
        assumed: [pages]
        year: 2012
        funding: budget_process
""", encoding="utf-8")
    est = cost_file(spec)
    en = str(render_note(est, "en"))
    assert "that two reports be submitted to the eleventh session of the Conference" in en
    assert "所载请求向缔约方会议第十一届会议提交两份报告，" in str(render_note(est, "zh"))
    # the assumed page count is listed as an assumption, not left to read as a published fact
    assert en.rstrip().splitlines()[-1].endswith("20 pages (assumed)")
    assert "Assumptions of this estimate" in en
    # without the mark, no subject is made up
    spec.write_text(spec.read_text(encoding="utf-8").replace("    subject_by_rule: true\n", ""), encoding="utf-8")
    assert "reports be submitted" not in str(render_note(cost_file(spec), "en"))


def test_assumptions_listed_in_every_format() -> None:
    est = cost_file(DRAFTS / "resolution-10-4.yaml")
    text = str(render_note(est, "en"))
    tail = text[text.index("Assumptions of this estimate"):]
    assert "the updated guide on electronic surveillance: 25,000 words (assumed)" in tail
    assert "rates: 2010 standard costs carried forward" in tail
    assert "字数 40,000（假设）" in str(render_note(est, "zh"))
    assert '<section class="assumptions">' in str(render_note(est, "en", "html"))
    assert "## Assumptions of this estimate" in str(render_note(est, "en", "md"))
    assert "Assumptions" not in str(render_note(est, "en", assumptions=False))
    assert "Assumptions" not in str(render_note(cost_file(NOTES / "annex-04.yaml"), "en"))


def test_assumed_names_a_known_quantity(tmp_path: Path) -> None:
    text = (DRAFTS / "resolution-10-4.yaml").read_text(encoding="utf-8").replace("assumed: [words]", "assumed: [wrods]", 1)
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError, match="unknown quantity 'wrods'"):
        load_spec(path)
