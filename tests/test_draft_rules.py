"""The trigger rules of pbi/draft/rules/{zh,en,fr,es}.yaml: every rule fires on its examples and not on its
counter-examples, names a template of standards.yaml, and the templates price with the shipped tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.draft.rules import Rule, classify_text, load_rules, load_standards
from pbi.model.errors import InputError
from pbi.model.tables import resolve_table

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("zh", "en", "fr", "es", "ru", "ar")


def _rules() -> list[tuple[str, Rule]]:
    out: list[tuple[str, Rule]] = []
    for lang in LANGS:
        rules = load_rules(lang)
        out.extend((lang, r) for r in (*rules.requests, *rules.extrabudgetary, *rules.invitation))
    return out


RULES = _rules()


@pytest.mark.parametrize(("lang", "rule"), RULES, ids=[f"{lang}-{r.id}" for lang, r in RULES])
def test_each_rule_fires_on_its_examples_only(lang: str, rule: Rule) -> None:
    assert rule.examples, f"{lang} rule {rule.id} has no examples"
    for sentence in rule.examples:
        assert rule.search(sentence), f"{lang} rule {rule.id} does not fire on {sentence!r}"
    for sentence in rule.counter_examples:
        assert rule.search(sentence) is None, f"{lang} rule {rule.id} fires on {sentence!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_rules_of_both_languages_have_the_same_ids(lang: str) -> None:
    ids = {r.id for r in load_rules(lang).requests}
    other = {r.id for r in load_rules("en" if lang == "zh" else "zh").requests}
    assert ids == other


@pytest.mark.parametrize(("lang", "rule"), [(lang, r) for lang, r in RULES if r.template],
                         ids=[f"{lang}-{r.id}" for lang, r in RULES if r.template])
def test_every_template_exists(lang: str, rule: Rule) -> None:
    assert rule.template in load_standards().templates


@pytest.mark.parametrize("table_id", ["unodc-vienna-2010", "unodc-vienna-2020"])
def test_every_template_activity_kind_is_priced_by_the_shipped_tables(table_id: str) -> None:
    table = resolve_table(ROOT / "cost_tables" / f"{table_id}.yaml")
    for name, template in load_standards().templates.items():
        for activity in template.get("activities", []):
            # priced as it is, or through a fallback the table prices (a consultant as staff)
            kinds = [activity["kind"], *(f["kind"] for f in activity.get("fallback", []))]
            assert any(k in table.activities for k in kinds), f"{name}: {activity['kind']} not in {table_id}"
            assert activity.get("basis"), f"{name}: every standard says where it comes from"


def test_classes_of_paragraphs_without_a_request() -> None:
    zh = load_rules("zh")
    assert classify_text(["注意到秘书处的说明；"], zh).why == "notes"
    assert classify_text(["敦促尚未批准的国家予以批准；"], zh).why == "urges or invites States"
    en = load_rules("en")
    assert classify_text(["Urges Member States to take effective measures;"], en).why == "urges or invites States"
    assert classify_text(["Takes note of the report;"], en).why == "notes"
    donors = classify_text(["请会员国和其他捐助方为这类目的提供预算外资源。"], zh)
    assert donors.cls == "invitation" and not donors.has_implications


def test_a_condition_makes_a_costed_request_extrabudgetary() -> None:
    en = load_rules("en")
    plain = classify_text(["Requests the Secretariat to convene an expert group meeting;"], en)
    assert plain.cls == "costed"
    conditional = classify_text(["Requests the Secretariat, subject to the availability of extrabudgetary "
                                 "resources, to convene an expert group meeting;"], en)
    assert conditional.cls == "extrabudgetary"
    assert conditional.condition == "subject to the availability of extrabudgetary resources"


def test_a_sub_item_completes_its_chapeau() -> None:
    zh = load_rules("zh")
    chapeau = "请秘书处除其他外应当："
    alone = classify_text([chapeau], zh)
    with_item = classify_text([chapeau, chapeau + " 为从业人员草拟一份实务指南；"], zh)
    assert alone.cls == "none"
    assert [m.rule.id for m in with_item.matches] == ["publication"]


def test_a_rules_file_with_a_bad_phrase_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "zh.yaml"
    bad.write_text("language: zh\nrequests:\n  - id: x\n    class: costed\n    phrases: ['(unclosed']\n",
                   encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_rules("zh", bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)
    unknown = tmp_path / "en.yaml"
    unknown.write_text("language: en\nrequests:\n  - id: x\n    class: pricey\n    phrases: [a]\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown class"):
        load_rules("en", unknown)
