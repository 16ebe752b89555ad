"""pbi draft reads Arabic drafts (tests/data/drafts-ar): the class of every operative paragraph and the
activities of the costed ones as labelled by hand before pbi read them; Arabic numbers (the dual « يومين »,
Arabic-Indic digits), ordinals, months by both their names, mastheads, paragraphs numbered « 1 - » and items
« (أ) »; two English drafts translated into Arabic give the English spec."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from _drafts import check_labelled, check_translation, only_paragraph

from pbi.draft import parse_drafts
from pbi.draft.propose import propose_spec
from pbi.draft.reader import ar_cardinal, ar_ordinal, detect_language, masthead

DATA = Path(__file__).resolve().parent / "data"
AR = DATA / "drafts-ar"
LABELS = sorted(AR.glob("*.yaml"))
#: held-out drafts missed on their one read (tests/data/drafts-ar/README.md) and not fixed since
HELD_OUT_MISSED: set[str] = set()


@pytest.mark.parametrize("label", [p for p in LABELS if p.stem not in HELD_OUT_MISSED], ids=lambda p: p.stem)
def test_arabic_draft_as_labelled(label: Path) -> None:
    check_labelled(label, "ar")


def test_there_are_six_arabic_drafts_two_held_out() -> None:
    labels = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in LABELS]
    assert len(labels) == 6 and sum(bool(x.get("held_out")) for x in labels) == 2


def test_language_is_detected() -> None:
    assert detect_language((AR / "ar-c3-taqrir.txt").read_text(encoding="utf-8")) == "ar"
    assert detect_language((DATA / "drafts-ru" / "ru-c3-doklad.txt").read_text(encoding="utf-8")) == "ru"


@pytest.mark.parametrize(("words", "n"), [("ثلاثة", 3), ("خمسة", 5), ("اثنين", 2), ("عشرين", 20), ("خمسة عشر", 15),
                                          ("خمسة وعشرون", 25), ("10 700", 10700), ("واحدة", 1)])
def test_arabic_cardinals(words: str, n: int) -> None:
    assert ar_cardinal(words) == n
    assert ar_cardinal("اجتماع") is None


@pytest.mark.parametrize(("words", "n"), [("الأولى", 1), ("الحادية والثمانون", 81), ("الحادية والثمانين", 81),
                                          ("الثانية والثمانين", 82), ("الرابعة عشرة", 14), ("الثالثة والستون", 63),
                                          ("التاسعة والسبعون", 79), ("63", 63)])
def test_arabic_ordinals(words: str, n: int) -> None:
    assert ar_ordinal(words) == n
    assert ar_ordinal("المقبلة") is None


@pytest.mark.parametrize(("line", "field"), [
    ("الدورة التاسعة والسبعون", ("session", "الدورة التاسعة والسبعون")),
    ("دورة عام 2026", ("session", "دورة عام 2026")),
    ("اللجنة الثالثة", ("committee", "اللجنة الثالثة")),
    ("البند 68 من جدول الأعمال", ("agenda", "68")),
    ("فيينا، 12-16 تشرين الأول/أكتوبر 2026", ("date", "2026-10")),
    ("الجمعية العامة", ("organ", "الجمعية العامة")),
])
def test_arabic_masthead(line: str, field: tuple[str, str]) -> None:
    assert masthead(line, "ar") == field


FRAME = """مشروع قرار

إن الجمعية العامة،

إذ تشير إلى قرارها 79/1،

1 - {}
"""


def _one(text: str) -> tuple[str, list[dict[str, Any]]]:
    return only_paragraph(FRAME, text, "ar")


@pytest.mark.parametrize(("text", "cls"), [
    ("تطلب إلى الأمين العام أن يقدم إليها في دورتها الثانية والثمانين تقريرا؛", "costed"),
    ("تقرر أن تبقي المسألة قيد نظرها.", "none"),
    ("تدعو الدول الأعضاء إلى تعزيز التعاون؛", "none"),
    ("تطلب إلى الأمين العام أن يتعهد موقعا شبكيا في حدود الموارد القائمة؛", "absorbed"),
    ("تطلب إلى المكتب أن يقدم المساعدة التقنية من الموارد الخارجة عن الميزانية؛", "extrabudgetary"),
    ("تقرر إنشاء فريق عامل حكومي دولي مفتوح العضوية معني بالديون؛", "costed"),
])
def test_arabic_phrases(text: str, cls: str) -> None:
    assert _one(text)[0] == cls


def test_numbers_dual_and_arabic_indic_digits() -> None:
    cls, acts = _one("تطلب إلى الأمين العام أن يعقد في نيروبي في عام ٢٠٢٨ اجتماعا لفريق خبراء لمدة ثلاثة أيام "
                     "بمشاركة خمسة وعشرين خبيرا؛")
    (act,) = [a for a in acts if a["kind"] in ("expert_meeting", "travel")]
    assert (cls, str(act.get("participants", act.get("trips"))), act["year"], act["location"]) == (
        "costed", "25", 2028, "Nairobi")
    cls, acts = _one("تقرر عقد اجتماع رفيع المستوى لمدة يومين في نيويورك في عام 2027؛")
    assert [(a["kind"], str(a["days"]), a["location"]) for a in acts if a["kind"] == "meeting"] == [("meeting", "2", "New York")]


# two English drafts of tests/data/drafts-en translated into Arabic: the same classes and activities

#: paragraph 2 of ecosoc-statistics, "to convene an expert group meeting … to develop guidelines on disaggregated
#: data": the English publication rule also reads "develop … guide(lines)" as a guide to publish; the Arabic
#: « لوضع مبادئ توجيهية » is the meeting's work only. Both extrabudgetary, both the expert group meeting.
DIVERGES = {("ecosoc-statistics", "2")}


@pytest.mark.parametrize("name", ["ecosoc-statistics", "c3-older-persons"])
def test_translated_draft_gives_the_english_spec(name: str) -> None:
    check_translation(DATA / "drafts-en" / f"{name}.txt", AR / "translated" / f"{name}.txt",
                      {ref for n, ref in DIVERGES if n == name})


def test_a_day_stated_before_the_experts_is_no_count_of_experts() -> None:
    # « لمدة يوم واحد بمشاركة عشرة خبراء »: ten experts, not one
    cls, acts = _one("تطلب إلى الأمين العام أن يعقد في فيينا في عام 2027 اجتماعا لفريق خبراء لمدة يوم واحد "
                     "بمشاركة عشرة خبراء؛")
    (act,) = [a for a in acts if a["kind"] in ("expert_meeting", "travel")]
    assert str(act.get("participants", act.get("trips"))) == "10"


def test_a_high_level_plenary_meeting_is_no_panel_too() -> None:
    (draft,) = parse_drafts(FRAME.format("تقرر أن تعقد في نيويورك في عام 2027 جلسة عامة رفيعة المستوى لمدة يوم واحد؛"))
    (result,) = propose_spec(draft).paragraphs
    assert [m.rule.id for m in result.classification.matches] == ["high-level-meeting"]


def test_two_sessions_in_the_dual() -> None:
    cls, acts = _one("تقرر إنشاء لجنة تحضيرية تعقد دورتين مدة كل منهما خمسة أيام عمل في نيويورك في عام 2027؛")
    assert [(a["kind"], a.get("count"), str(a["days"])) for a in acts if a["kind"] == "meeting"] == [("meeting", 2, "5")]
