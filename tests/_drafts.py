"""What the draft tests share: a drafted paragraph's activities, a hand-labelled draft checked against its label,
and one-paragraph drafts in the layout of a General Assembly draft (English and Chinese) and in the four other
languages (``FRAMES``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from pbi.draft import parse_drafts, read_drafts, spec_yaml
from pbi.draft.propose import propose_spec

#: kinds that are one family (as benchmarks/draft_recall.py scores them)
FAMILY = {"body_report": "report", "mandate_report": "report", "session": "meeting", "high_level_meeting": "meeting",
          "seminar": "meeting", "organizational_session": "meeting", "during_session": "meeting", "panel": "meeting",
          "servicing": "meeting"}

GA = """United Nations                                                   A/C.2/81/L.95
General Assembly                                                 Distr.: Limited
                                                                 9 October 2026

Eighty-first session
Second Committee
Agenda item 20

          Draft resolution

          Test

     The General Assembly,

     1.   Takes note of the report;

     2.   {}
"""

ZH = """联合国                                                           A/C.2/81/L.96
大会                                                             Distr.: Limited
                                                                 二〇二六年十月九日

第八十一届会议
第二委员会
议程项目２０

         决议草案

         测试

    大会，

    1.  注意到报告；

    2.  {}
"""

#: a one-paragraph draft in each of the other official languages (paragraph 2 is the text under test)
FRAMES = {
    "fr": "Projet de résolution\n\nL'Assemblée générale,\n\nRappelant sa résolution 79/1,\n\n1. Prend note du rapport ;\n\n2. {}\n",
    "es": "Proyecto de resolución\n\nLa Asamblea General,\n\nRecordando su resolución 79/1,\n\n1. Toma nota del informe;\n\n2. {}\n",
    "ru": "Проект резолюции\n\nГенеральная Ассамблея,\n\nссылаясь на свою резолюцию 79/1,\n\n1. принимает к сведению "
          "доклад;\n\n2. {}\n",
    "ar": "مشروع قرار\n\nإن الجمعية العامة،\n\nإذ تشير إلى قرارها 79/1،\n\n1 - تحيط علما بالتقرير؛\n\n2 - {}\n",
}


def activities(spec: dict[str, Any], ref: str) -> list[dict[str, Any]]:
    """The activities a proposed spec (as YAML data) gives operative paragraph ``ref``."""
    return [a for r in spec.get("requests", []) if r["operative_paragraphs"][0] == ref for a in r.get("activities", [])]


def paragraph_two(text: str, frame: str | None = None) -> list[dict[str, Any]]:
    """The activities of paragraph 2 of a one-request draft (``GA`` for English text, ``ZH`` for Chinese; a
    language of ``FRAMES`` by its code)."""
    frame = FRAMES.get(frame or "", frame)
    (draft,) = parse_drafts((frame or (GA if text.isascii() else ZH)).format(text))
    return activities(yaml.safe_load(spec_yaml(propose_spec(draft))), "2")


def check_labelled(label: Path, language: str) -> None:
    """The draft beside ``label`` read as its label says: its symbol, every paragraph's class, the kinds of rules
    that fire, and the stated quantities of its costed paragraphs."""
    want = yaml.safe_load(label.read_text(encoding="utf-8"))
    (draft,) = read_drafts(label.with_suffix(".txt"))
    proposal = propose_spec(draft)
    spec = yaml.safe_load(spec_yaml(proposal))
    assert draft.language == language and spec["symbol"] == want["symbol"]
    got = {r.ref: r.classification.cls.replace("invitation", "none") for r in proposal.paragraphs}
    assert got == {str(k): str(v) for k, v in want["paragraphs"].items()}
    for ref, kinds in (want.get("kinds") or {}).items():
        fired = {FAMILY.get(m.rule.template or "", m.rule.template) for r in proposal.paragraphs if r.ref == str(ref)
                 for m in r.classification.matches}
        assert {FAMILY.get(k, k) for k in kinds} <= fired, (ref, fired)
    for ref, quantities in (want.get("quantities") or {}).items():
        acts = activities(spec, str(ref))
        where = f"paragraph {ref}: {acts}"
        for name, value in quantities.items():
            if name == "days":
                assert any(Decimal(str(a.get("days", a.get("dsa_days", "-1")))) in (Decimal(str(value)), Decimal(str(value)) + 1)
                           for a in acts if a["kind"] in ("meeting", "expert_meeting", "travel")), where
            elif name == "participants":
                assert any(str(a.get("participants", a.get("trips"))) == str(value) for a in acts), where
            elif name == "place":
                assert any(a.get("location") == value for a in acts if a["kind"] != "documentation"), where
            elif name == "doc_place":
                assert any(a.get("location") == value for a in acts if a["kind"] == "documentation"), where
            elif name == "year":
                assert any(a.get("year") == value for a in acts), where
            elif name == "words":
                assert any(str(a.get("words")) == str(value) for a in acts if a["kind"] == "documentation"), where
            elif name == "years":  # a meeting in each year listed
                assert set(value) <= {a.get("year") for a in acts if a["kind"] in ("meeting", "expert_meeting")}, where
            elif name == "work_months":
                assert any(Decimal(str(a.get("work_months", "-1"))) == Decimal(str(value)) for a in acts
                           if a["kind"] == "consultant"), where
            elif name in ("grade", "count", "posts"):
                assert any(str(a.get(name)) == str(value) for a in acts if a["kind"] != "documentation"), where
            elif name == "funding":  # said by an activity's funding, or by the paragraph's class
                cls = {"existing_resources": "absorbed"}.get(value, value)
                assert any(a.get("funding") == value for a in acts) or got[str(ref)] == cls, where
            else:
                raise AssertionError(f"{label.name}: quantity {name!r} is not one the labels use")


#: what a translated draft must give as its English original gives, activity by activity
TRANSLATION_KEYS = ("kind", "words", "days", "participants", "trips", "dsa_days", "location", "year", "count", "section")


def read_spec(path: Path) -> tuple[Any, dict[str, Any]]:
    """The proposal ``pbi draft`` makes for the draft at ``path``, and its spec as YAML data."""
    (draft,) = read_drafts(path)
    proposal = propose_spec(draft)
    return proposal, yaml.safe_load(spec_yaml(proposal))


def check_translation(english: Path, translated: Path, diverging: frozenset[str] | set[str] = frozenset()) -> None:
    """A draft translated by hand reads as its English original: the same class for every paragraph, the same
    activities (``TRANSLATION_KEYS``) and the same budget period and body; a ``diverging`` paragraph (its reason is
    written where it is listed) fires no rule the English does not."""
    en, en_spec = read_spec(english)
    other, other_spec = read_spec(translated)
    assert [(r.ref, r.classification.cls) for r in other.paragraphs] == [(r.ref, r.classification.cls) for r in en.paragraphs]
    for result in en.paragraphs:
        if result.ref in diverging:
            assert {m.rule.id for m in next(r for r in other.paragraphs if r.ref == result.ref).classification.matches} \
                <= {m.rule.id for m in result.classification.matches}
            continue
        want = [{k: a.get(k) for k in TRANSLATION_KEYS} for a in activities(en_spec, result.ref)]
        got = [{k: a.get(k) for k in TRANSLATION_KEYS} for a in activities(other_spec, result.ref)]
        assert got == want, result.ref
    assert other_spec["budget_period"] == en_spec["budget_period"] and other_spec["body"] == en_spec["body"]


def only_paragraph(frame: str, text: str, language: str) -> tuple[str, list[dict[str, Any]]]:
    """The class and activities of paragraph 1 of ``frame`` holding ``text``, read as a draft in ``language``."""
    (draft,) = parse_drafts(frame.format(text))
    assert draft.language == language
    proposal = propose_spec(draft)
    return proposal.paragraphs[0].classification.cls, activities(yaml.safe_load(spec_yaml(proposal)), "1")
