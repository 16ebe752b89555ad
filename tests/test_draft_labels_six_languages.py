"""The names pbi draft gives activities are pbi's own words, so a drafted spec carries them in the six
languages: once its user has translated the draft's own words (title, requests), a note in French,
Spanish, Russian or Arabic needs nothing more and quotes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from draft_helpers import activities, drafted
from pbi.cli import main
from pbi.model.specs import LANGUAGES

DRAFT = ("联合国                                                           A/HRC/64/L.12\n大会\n\n人权理事会\n第六十四届会议\n"
         "议程项目3\n增进和保护所有人权\n\n         决议草案\n\n         老年人享有人权问题\n\n    人权理事会，\n\n"
         "    1.  决定将老年人享有所有人权问题独立专家的任务期限延长三年；\n\n"
         "    2.  决定在人权理事会第六十六届会议期间举行一次半天的小组讨论会，讨论老年人的数字包容问题；\n\n"
         "    3.  请联合国人权事务高级专员办事处于2028年在日内瓦举办为期两天的研讨会，并向理事会第六十八届会议提交研讨会的摘要报告；\n\n"
         "    4.  请秘书长向大会第八十三届会议提交一份报告；\n")


def _translated(data: dict[str, Any]) -> dict[str, Any]:
    """The draft's own words given in every language, as its user would."""
    def every(text: dict[str, str]) -> dict[str, str]:
        return {lang: text.get(lang) or f"[{lang}] {text['zh']}" for lang in LANGUAGES}

    data["title"] = every(data["title"])
    data["session"] = every(data["session"])
    for item in data.get("agenda_items", []):
        item["title"] = every(item["title"])
    for request in data["requests"]:
        request["text"] = every(request["text"])
    return data


def test_every_label_is_in_six_languages(tmp_path: Path) -> None:
    _, data = drafted(DRAFT, tmp_path)
    assert activities(data)
    for act in activities(data):
        assert set(act["label"]) == set(LANGUAGES), act["id"]


def _note(lang: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The note of the drafted spec, its draft's words translated: what it prints and what it warns."""
    spec, data = drafted(DRAFT, folder)
    spec.write_text(yaml.safe_dump(_translated(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["note", str(spec), "--lang", lang]) == 0
    out = capsys.readouterr()
    return out.out, out.err


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_a_translated_draft_notes_without_quoting(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, err = _note(lang, tmp_path, capsys)
    assert err == "" and "report of" not in out and "panel" not in out


def test_half_a_day_is_one_meeting_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _note("ru", tmp_path, capsys)
    assert "(1 заседание " in out and "1 заседания" not in out


def test_an_arabic_label_agrees_and_half_a_day_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """حلقة نقاش is feminine (مدتها, not مدته), and half a day is نصف يوم, not 0,5 يوم."""
    from pbi.render.numbers import feminine

    assert feminine("حلقة نقاش", "ar") and not feminine("اجتماع رفيع المستوى", "ar") and not feminine("", "ar")
    out, _ = _note("ar", tmp_path, capsys)
    assert "حلقة نقاش مدتها نصف يوم" in out and "0,5" not in out
