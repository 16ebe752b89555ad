"""Blind round 6 of ``pbi draft``: the rules added or widened, each tested on a paraphrase that was
not used to write it (the drafts of tests/data/drafts6 were)."""

from __future__ import annotations

import pytest

from pbi.draft import load_rules
from pbi.draft.rules import classify_text


def cls(text: str, lang: str) -> str:
    return classify_text([text], load_rules(lang)).cls


def templates(text: str, lang: str) -> set[str]:
    return {m.rule.template or "" for m in classify_text([text], load_rules(lang)).matches}


@pytest.mark.parametrize("text, want", [
    # a Secretariat entity named by what comes before "Division", "Department", "Office"
    ("Invites the Statistics and Data Division, subject to the availability of extrabudgetary resources, "
     "to compile a regional data set", "extrabudgetary"),
    ("Requests the Department of Economic and Social Affairs, within existing resources, to keep the "
     "inventory up to date", "absorbed"),
    # lower case: not a named entity, asks no one of the Secretariat
    ("Invites the relevant national division, subject to the availability of extrabudgetary resources, "
     "to compile data", "none"),
    # the head of a regional commission
    ("Requests the Executive Secretary, within existing resources, to keep the regional portal", "absorbed"),
    # a trust fund the secretariat sets up, funded by those invited
    ("Requests the Secretary-General to create a voluntary trust fund to assist small island developing "
     "States in attending the sessions, and calls upon donors to contribute to it", "extrabudgetary"),
    # a trust fund recalled, no one asked to contribute: not a request met from voluntary funds
    ("Takes note of the report on the trust fund established by resolution 70/10", "none"),
])
def test_english_actors_and_funding(text: str, want: str) -> None:
    assert cls(text, "en") == want


@pytest.mark.parametrize("text", [
    "Decides to set up an ad hoc committee on the elaboration of a treaty on plastics, open to all Member States",
    "Also decides to create a standing intergovernmental body on migration data, with the terms of reference annexed",
])
def test_english_new_body_is_a_session(text: str) -> None:
    assert cls(text, "en") == "costed"
    assert "session" in templates(text, "en")


def test_english_a_body_within_the_conference_s_resources_is_not_costed() -> None:
    text = ("Decides to establish an ad hoc committee of the Conference, to operate within the existing "
            "budgetary resources of the Conference")
    assert cls(text, "en") != "costed"


@pytest.mark.parametrize("text, want", [
    ("请西亚经社会在现有资源范围内更新区域能源数据库", "absorbed"),
    ("请欧洲经济委员会在有预算外资源的情况下为成员国编写一份指南", "extrabudgetary"),
    ("又请贸发会议在现有资源范围内继续监测商品价格", "absorbed"),
    ("邀请非洲经委会在可获得预算外资源的情况下举办次区域讲习班", "extrabudgetary"),
    # inviting States is no request of the secretariat
    ("邀请会员国在有预算外资源的情况下举办讲习班", "none"),
])
def test_chinese_commissions_unctad_and_invitations(text: str, want: str) -> None:
    assert cls(text, "zh") == want


@pytest.mark.parametrize("text, template", [
    ("还决定成立一个特设政府间谈判委员会，负责拟订一项关于塑料污染的文书", "session"),
    ("请秘书处为专家机制第九届会议提供会议服务，会期五天", "session"),
    ("又请秘书长为该委员会提供实务支助", "servicing"),
])
def test_chinese_bodies_and_their_services(text: str, template: str) -> None:
    assert cls(text, "zh") == "costed"
    assert template in templates(text, "zh")


def test_chinese_formula_of_support_to_a_rapporteur_is_no_service() -> None:
    assert "servicing" not in templates("请秘书长向独立专家提供有效履行任务所需的一切援助", "zh")
