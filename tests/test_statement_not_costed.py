"""A draft whose every activity falls after the cost table's last year: the statement says which
activities are not costed and why, in each language, and does not call the draft free of implications."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from draft_helpers import drafted
from pbi.cli import main

DRAFT = """General Assembly
Eighty-second session
Agenda item 21

Nepal: draft resolution

A/C.2/82/L.77

International Year of Mountain Pastures, 2030

The General Assembly,

1. Decides to proclaim 2030 the International Year of Mountain Pastures;

2. Decides also to convene, in New York in 2030, a one-day high-level meeting of the General Assembly to mark the Year;

3. Requests the Secretary-General to submit to the General Assembly at its eighty-seventh session a report on the implementation of the present resolution.
"""

LANGS = ("en", "zh", "fr", "es", "ru", "ar")
#: what each language must not say of such a draft: that it has no implications, or that existing
#: resources would meet requirements it does not estimate
NOT_SAID = {"en": ("would not give rise to any programme budget", "met from existing resources"),
            "zh": ("所需经费将由现有资源承担",), "fr": ("couvertes au moyen des ressources existantes",),
            "es": ("se sufragarían con los recursos existentes",), "ru": ("за счет имеющихся ресурсов",),
            "ar": ("ستُلبى الاحتياجات من الموارد القائمة",)}


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nc")
    path, data = drafted(DRAFT, folder)
    assert data["extra"].get("not_costed"), "the draft's work after the table is kept as not costed"
    assert sorted(n["year"] for n in data["extra"]["not_costed"]) == [2030, 2032]  # the meeting, the report
    assert not [a for r in data["requests"] for a in r.get("activities", [])]
    for key in ("title",):
        data[key].update({lang: "T" for lang in LANGS})
    for r in data["requests"]:
        r["text"].update({lang: "X" for lang in LANGS})
    data.pop("session", None)
    data.pop("agenda_items", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_statement_names_what_it_does_not_cost(spec: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["note", str(spec), "--kind", "statement", "--lang", lang]) == 0
    out = capsys.readouterr().out
    body = out.split("\n    - ")[0]  # the statement, without its list of assumptions
    assert "2030" in body and "2032" in body  # the years of the activities it does not cost
    for words in NOT_SAID[lang]:
        assert words not in body, words


def test_an_opening_verb_before_its_adverb_is_read(tmp_path: Path) -> None:
    """"Decides also to convene …", "Requests further the Secretary-General …" are read as "Also decides
    to convene …", "Further requests …"."""
    text = DRAFT.replace("1. Decides to proclaim 2030 the International Year of Mountain Pastures;",
                         "1. Requests further the Secretary-General to submit to the General Assembly at its eighty-third session "
                         "a report on the preparations for the Year;")
    _, data = drafted(text, tmp_path)
    classes = {p["paragraph"]: p["class"] for p in data["extra"]["paragraphs"]}
    assert classes == {"1": "costed", "2": "costed", "3": "costed"}
