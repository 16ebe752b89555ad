"""Financial notes written from specs: fidelity to the published annexes, generated figures,
English, Markdown/HTML, Word and the CLI."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from _paths import NOTES, TABLES

ANNEXES = range(1, 10)


def _estimate(n: int, table_path: Path | None = None, spec_path: Path | None = None):
    from pbi.costing.api import cost_file

    return cost_file(spec_path or NOTES / f"annex-0{n}.yaml", table=str(table_path) if table_path else None)


def _note(n: int, lang: str = "zh", **kw) -> str:
    from pbi.render import render_note

    text = render_note(_estimate(n, **kw), lang, "text", kind="financial_note")
    assert isinstance(text, str)
    return text


@pytest.mark.parametrize("n", ANNEXES)
def test_fidelity_to_the_published_annex(n, seed):
    from pbi.render.fidelity import THRESHOLD, annex_text, compare

    estimate = _estimate(n)
    misprints = frozenset(str(f.published.low) for f in estimate.figures if f.same_as and f.status == "mismatch")
    result = compare(_note(n), annex_text(seed, n), misprints=misprints)
    assert result.ratio >= THRESHOLD, result.report()
    assert not result.missing, result.report()


def test_seed_normalisation_removes_headers_footnotes_and_markers(seed):
    from pbi.render.fidelity import annex_text, normalise

    two = normalise(annex_text(seed, 2))
    assert "V.10-58210" not in two and "CTOC/COP/2010/17" not in two.replace("CTOC/COP/2010/17/", "")
    assert "讨论情况见" not in two and "附件" not in two[:10] and "*" not in two
    one = normalise(annex_text(seed, 1))
    assert "》第28条" in one  # the footnote marker "a" is gone
    assert "条约汇编" not in one  # and so is the footnote


def test_the_standard_45_248_paragraph_follows_the_estimate():
    # annexes I and IX cost nothing at all: no paragraph; the others name resources: paragraph
    for n in ANNEXES:
        assert ("第 45/248 号决议" in _note(n)) == (n not in (1, 9)), n


def test_not_forthcoming_paragraph_only_with_priced_extrabudgetary_resources():
    has = {n for n in ANNEXES if "有关活动将不予进行" in _note(n)}
    assert has == {3, 4, 5, 6, 8}
    assert "如不提供上文第 3、4 和 5 段所述额外预算外资源" in _note(4)


def test_a_rate_changed_in_a_copy_of_the_table_changes_the_text(tmp_path):
    text = (TABLES / "unodc-vienna-2010.yaml").read_text(encoding="utf-8")
    changed = text.replace('values: {2010-01-01: "235.16"}', 'values: {2010-01-01: "300"}')
    assert changed != text
    table = tmp_path / "unodc-vienna-2010.yaml"
    table.write_text(changed, encoding="utf-8")
    before, after = _note(7), _note(7, table_path=table)
    assert "23,000 美元" in before and "23,000 美元" not in after
    # 425 + 16 pages × 6 languages × 300 = 29,225 → 29,200
    assert "29,200 美元" in after


def test_a_quantity_changed_in_a_copy_of_a_spec_changes_the_text(tmp_path):
    data = yaml.safe_load((NOTES / "annex-04.yaml").read_text(encoding="utf-8"))
    data["requests"][1]["activities"][0]["pages"] = 100
    spec = tmp_path / "annex-04.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil_table = tmp_path / "unodc-vienna-2010.yaml"
    shutil_table.write_text((TABLES / "unodc-vienna-2010.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = _note(4, spec_path=spec, table_path=shutil_table)
    assert "（100 页，六种语文）" in text and "223,700" not in text
    # (425 + 100 × 6 × 235.16) × 1.13 = 159,918.74 → 159,900
    assert "159,900 美元" in text


def test_no_spec_sentence_carries_a_computed_amount():
    amounts = set()
    for n in ANNEXES:
        for f in _estimate(n).figures:
            amounts |= {f"{f.computed.low:,.0f}", f"{f.computed.high:,.0f}"}
    amounts.discard("0")
    for path in NOTES.glob("*.yaml"):
        texts = re.findall(r"\b(?:zh|en): (.+)", path.read_text(encoding="utf-8"))
        for t in texts:
            for a in amounts:
                assert a not in t, (path.name, a, t)


@pytest.mark.parametrize("n", ANNEXES)
def test_english_notes(n):
    text = _note(n, "en")
    assert text.startswith("Financial note on the ")
    assert "should the Conference adopt" in text and "no additional appropriation would arise" in text
    assert "{{" not in text and "⟦" not in text and "‖" not in text
    assert all("  " not in line.strip() for line in text.splitlines())


def test_english_style():
    four = _note(4, "en")
    assert "additional extrabudgetary resources of $223,700 would be required in 2011 for the translation and " \
           "printing of the model law (140 pages, six languages)" in four
    assert "The requirements for 2012–2013 will be considered in the context of the established budgetary process." in four
    assert "Accordingly, should the Conference adopt revised draft resolution CTOC/COP/2010/L.3/Rev.2, no additional " \
           "appropriation would arise under the programme budget for the biennium 2010–2011." in four
    assert "$800,000 to $1,200,000" in _note(5, "en")


def test_numbers_per_language():
    from pbi.render.numbers import count_word, money, ops_list, paragraph_list
    from pbi.model.specs import Range

    assert money(Decimal("23000"), "zh") == "23,000 美元"  # as the body and the table print it
    assert money(Range(Decimal(800000), Decimal(1200000)), "en") == "$800,000 to $1,200,000"
    assert money(Decimal("160040"), "en") == "$160,040"
    assert count_word(2, "zh") == "两" and count_word(3, "en") == "three" and count_word(20, "zh") == "20"
    assert ops_list(["1(a)", "1(c)"], "zh") == "1(a)和(c)" and ops_list(["3", "4", "5"], "en") == "3, 4 and 5"
    assert paragraph_list([4, 5, 6, 7, 8], "zh") == "4至8" and paragraph_list([3, 4], "en") == "3 and 4"


def test_paragraph_two_numbers_requests_and_sub_items():
    from pbi.render import build_note

    note = build_note(_estimate(8), "zh")
    two = note.paragraphs[1]
    assert [i.label for i in two.items] == ["(a)", "(b)", "(c)"]
    assert [s.label for s in two.items[1].items] == ["㈠", "㈡", "㈢", "㈣", "㈤"]
    assert two.items[-1].text.endswith("。") and two.items[0].items[-1].text.endswith("；")
    assert [p.number for p in note.paragraphs] == list(range(1, 16))


def test_markdown_and_html():
    from pbi.render import render_note

    est = _estimate(5)
    md = render_note(est, "en", "md")
    html = render_note(est, "en", "html")
    assert isinstance(md, str) and md.startswith("# Financial note")
    assert isinstance(html, str) and '<li value="3">' in html and "$227,600" in html


def test_docx(tmp_path):
    docx = pytest.importorskip("docx")
    from pbi.cli import main

    out = tmp_path / "note.docx"
    assert main(["note", str(NOTES / "annex-04.yaml"), "--lang", "en", "--format", "docx", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Financial note on the revised draft resolution") for t in texts)
    assert any(t.startswith("4.\t") and "$223,700" in t for t in texts)
    assert any(t.startswith("(h)\t") for t in texts)
    table = document.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Item", "Funding", "Year", "Requirements"]
    assert ["the model law", "Extrabudgetary", "2011", "$223,700"] in rows
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_note(tmp_path, capsys):
    from pbi.cli import main

    assert main(["note", str(NOTES / "annex-07.yaml")]) == 0
    assert "23,000 美元" in capsys.readouterr().out
    assert main(["note", str(NOTES / "annex-07.yaml"), "--format", "docx"]) == 2
    assert "-o FILE" in capsys.readouterr().err
    assert main(["note", str(NOTES / "annex-07.yaml"), "--lang", "de"]) == 2
    assert "no financial_note template for language 'de'" in capsys.readouterr().err
    out = tmp_path / "n.md"
    assert main(["note", str(NOTES / "annex-07.yaml"), "--lang", "en", "--format", "md", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Financial note")


def test_cli_diff(capsys, seed):
    from pbi.cli import main

    assert main(["note", str(NOTES / "annex-06.yaml"), "--diff", str(seed)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("similarity 0.9") and "misprints): 80,000" in out


# -- entitlements: every number of the entitlement paragraphs comes from the data and the draws ------

def _copy_folder(tmp_path: Path, replace: tuple[str, str] | None = None) -> Path:
    """The COP 5 specs, their entitlements file (optionally edited) and the table, in tmp_path."""
    for spec in NOTES.glob("annex-0*.yaml"):
        (tmp_path / spec.name).write_text(spec.read_text(encoding="utf-8"), encoding="utf-8")
    ent = (NOTES / "entitlements.yaml").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in ent
        ent = ent.replace(*replace, 1)
    (tmp_path / "entitlements.yaml").write_text(ent, encoding="utf-8")
    table = tmp_path / "unodc-vienna-2010.yaml"
    table.write_text((TABLES / "unodc-vienna-2010.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return table


def _paragraph(text: str, n: int) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"{n}. "))


def test_used_meetings_in_the_data_change_f15_and_annex_v_paragraph_4(tmp_path):
    table = _copy_folder(tmp_path, ("          - meetings: 18\n", "          - meetings: 17\n"))
    spec = tmp_path / "annex-05.yaml"
    before, after = _estimate(5), _estimate(5, table_path=table, spec_path=spec)
    assert before.figure("F15").computed.low == Decimal("160040")
    f15 = after.figure("F15").computed.low
    assert f15 < Decimal("160040")            # 4 meetings available, 6 at full cost instead of 7
    (use,) = after.entitlement_uses("meetings-voluntary")
    assert (use.balance.used, use.available, use.covered, use.additional) == (17, 4, 4, 6)
    amount_zh, amount_en = f"{f15:,.0f} 美元", f"${f15:,.0f}"
    zh = _paragraph(_note(5, table_path=table, spec_path=spec), 4)
    assert "已经为本届会议共 17 次会议提供会议服务" in zh and "再为四次半天会议" in zh
    assert f"需要自愿捐款 {amount_zh}用于为另外六次会议提供经费" in zh and "160,040" not in zh
    en = _paragraph(_note(5, "en", table_path=table, spec_path=spec), 4)
    assert "provided for 17 meetings of the present session" in en and "up to four more half-day meetings" in en
    assert f"voluntary contributions of {amount_en} would be required to fund the six further meetings" in en
    assert "$160,040" not in en
    # and the published note had 18, three and seven
    zh_before = _paragraph(_note(5), 4)
    assert "共 18 次会议" in zh_before and "三次半天会议" in zh_before and "另外七次会议" in zh_before


def test_the_conference_allocation_in_the_data_drives_annex_ix(tmp_path):
    table = _copy_folder(tmp_path, ("        meetings: 20          #", "        meetings: 22          #"))
    for lang, words in (("zh", ("每两年总共 22 次会议", "不超过 22 次会议")),
                        ("en", ("a total of 22 meetings per biennium", "the total of 22 meetings"))):
        text = _paragraph(_note(9, lang, table_path=table, spec_path=tmp_path / "annex-09.yaml"), 3)
        assert all(w in text for w in words) and "20" not in text, text
    assert "每两年总共 20 次会议" in _note(9)


def test_the_documentation_provision_comes_from_the_data(tmp_path):
    table = _copy_folder(tmp_path, ("        documents: 24", "        documents: 30"))
    zh = _paragraph(_note(2, table_path=table, spec_path=tmp_path / "annex-02.yaml"), 7)
    assert "编写背景文件的经费(30)" in zh and "2010 年只需要其中一部分文件" in zh
    assert "(24)" in _paragraph(_note(2), 7)
    en = _paragraph(_note(2, "en"), 7)
    assert "(24 documents)" in en and "only part of that documentation will be required in 2010" in en
    # annex V recalls the same provision on the capacity basis: no number
    assert "背景文件的经费。" in _paragraph(_note(5), 5)


def test_a_spec_cannot_type_entitlement_numbers(write):
    from pbi.model.errors import SpecError
    from pbi.model.specs import load_spec

    text = (NOTES / "annex-09.yaml").read_text(encoding="utf-8").replace(
        "- {body: cop-untoc}", "- {body: cop-untoc, meetings: 20}")
    with pytest.raises(SpecError, match="provisions"):
        load_spec(write("annex-09.yaml", text))


def test_a_provision_names_a_body_of_the_entitlements_file(tmp_path):
    from pbi.model.errors import SpecError

    table = _copy_folder(tmp_path)
    spec = tmp_path / "annex-09.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("- {body: cop-untoc}", "- {body: nobody}"),
                    encoding="utf-8")
    with pytest.raises(SpecError, match="no body 'nobody'") as err:
        _estimate(9, table_path=table, spec_path=spec)
    assert err.value.field == "requests[0].provisions[0].body"


# -- one conclusion rule: the templates print what pbi.costing.conclusions.conclude decides ------------------

GA = Path(__file__).parent / "data" / "general-assembly" / "draft-statement.yaml"


def test_all_cop_5_notes_conclude_no_additional_appropriation():
    from pbi.costing.conclusions import conclude

    for n in ANNEXES:
        est = _estimate(n)
        assert conclude(est).no_additional_appropriation, n
        assert "的通过不会导致在 2010-2011 两年期方案预算下增加任何批款。" in _note(n), n
    assert conclude(_estimate(5)).action == "state_requirements"   # requirements stated, no appropriation


def test_the_conclusion_paragraph_follows_conclude(tmp_path):
    from pbi.costing.conclusions import conclude

    # the same draft made by a body that appropriates: conclude() now asks for an appropriation
    table = _copy_folder(tmp_path)
    spec = tmp_path / "annex-05.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("\nbody: cop-untoc\n", "\nbody: general-assembly\n"),
                    encoding="utf-8")
    est = _estimate(5, table_path=table, spec_path=spec)
    c = conclude(est)
    assert c.action == "appropriate"
    total = f"{c.additional_total.low:,.0f}"
    zh, en = _note(5, table_path=table, spec_path=spec), _note(5, "en", table_path=table, spec_path=spec)
    assert f"因此，如果大会通过修订决议草案 CTOC/COP/2010/L.6/Rev.1，将需要在 2010-2011 两年期方案预算第 2 编" \
           f"“大会和经济及社会理事会事务和会议管理”下增加批款 {total} 美元。" in zh
    assert f"an additional appropriation of ${total} would be required under section 2" in en


# -- the new drafts: resolutions 10/4 (2020) and 11/2 (2022) -----------------------------------------

DRAFTS = NOTES.parent / "new-drafts"


@pytest.mark.parametrize("name, year", [("resolution-10-4", 2021), ("resolution-11-2", 2023)])
def test_new_drafts_render_in_chinese_and_english(name, year):
    from pbi.render.context import note_groups

    est = _estimate(0, spec_path=DRAFTS / f"{name}.yaml")
    priced = [g for g in note_groups(est).values() if not g.covered]
    assert priced and all(g.amount.low > 0 for g in priced)
    zh = _note(0, "zh", spec_path=DRAFTS / f"{name}.yaml")
    en = _note(0, "en", spec_path=DRAFTS / f"{name}.yaml")
    for text in (zh, en):
        assert "{{" not in text and "⟦" not in text and "‖" not in text and "None" not in text
    # the spec's assumptions are listed after the note's last paragraph
    assert "本估计所依据的假设" in zh and "Assumptions of this estimate" in en
    zh, en = zh[:zh.index("本估计所依据的假设")], en[:en.index("Assumptions of this estimate")]
    assert zh.startswith(f"关于题为“{est.spec.title.zh}”的决议草案的财务说明")
    assert en.startswith(f"Financial note on the draft resolution entitled “{est.spec.title.en}”")
    assert "本说明系按照联合国打击跨国有组织犯罪公约缔约方会议议事规则第 75 条作出。" in zh
    assert "in accordance with rule 75 of the rules of procedure" in en
    for g in priced:                                   # every computed amount is in both notes
        assert f"{g.amount.low:,.0f} 美元" in zh and f"${g.amount.low:,.0f}" in en, g.id
    for r in est.spec.requests:                        # the requests of the resolution, paragraph 2
        if r.text:
            assert r.text.zh in zh.replace(" ", "") or r.text.zh.replace(" ", "") in zh.replace(" ", "")
            assert r.text.en in en
    assert "有关活动将不予进行" in zh and "the activities would not be carried out" in en
    assert "第 45/248 号决议" in zh and "resolution 45/248 B" in en
    assert zh.rstrip().endswith(f"因此，该决议草案的通过不会导致在 {year} 年方案预算下增加任何批款。")
    assert en.rstrip().endswith(f"Accordingly, should the Conference adopt the draft resolution, no additional "
                                f"appropriation would arise under the programme budget for {year}.")


def test_resolution_10_4_states_quantities_and_years():
    zh = _note(0, "zh", spec_path=DRAFTS / "resolution-10-4.yaml")
    en = _note(0, "en", spec_path=DRAFTS / "resolution-10-4.yaml")
    assert "2021 年需要额外的预算外资源 164,500 美元" in zh and "为期三天、20 人参加" in zh
    assert "2022 年需要额外的预算外资源 532,900 美元" in zh and "（25,000 字，六种语文）" in zh
    assert "$164,500 would be required in 2021" in en and "(45,000 words, six languages)" in en
    assert "15(a)、(b)和(c)执行段所载请求以可得到预算外资源为前提" in zh


def test_resolution_11_2_existing_resources_in_the_text():
    zh = _note(0, "zh", spec_path=DRAFTS / "resolution-11-2.yaml")
    assert "一名负责收集和分析实施情况信息的预防犯罪干事（P-3）三个工作月的工作将利用现有资源进行" in zh
    assert "38,000" not in zh   # priced for information only, not stated as a requirement


def test_new_draft_docx(tmp_path):
    docx = pytest.importorskip("docx")
    from pbi.cli import main

    out = tmp_path / "10-4.docx"
    assert main(["note", str(DRAFTS / "resolution-10-4.yaml"), "--lang", "zh", "-o", str(out)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("关于题为“庆祝《联合国打击跨国有组织犯罪公约》通过二十周年") for t in texts)
    assert any("164,500" in t for t in texts) and any("532,900" in t for t in texts)


@pytest.mark.parametrize("fmt", ["text", "md"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_assumptions_follow_the_last_paragraph_after_one_blank_line(fmt: str, lang: str) -> None:
    """A statement without footnotes listed its assumptions after two blank lines (the last paragraph's
    blank line and the heading's own): one separates them, as between paragraphs."""
    from pbi.costing.api import cost_file
    from pbi.render import render_note

    est = cost_file(NOTES.parent / "e-2011-30" / "draft-resolution-a-iii.yaml")
    text = render_note(est, lang, fmt)
    assert isinstance(text, str)
    title = {"en": "Assumptions of this estimate", "zh": "本估计所依据的假设"}[lang]
    before = text[:text.index(title)]
    assert before.endswith("\n\n" if fmt == "text" else "\n\n## ")
    assert not before.rstrip("# ").endswith("\n\n\n"), before[-200:]
